"""The unit of work: one input document as the user gave it (after decoding)."""
from __future__ import annotations

from dataclasses import dataclass, field


class InputError(ValueError):
    """Input we cannot read; the message is one line meant for the user."""


@dataclass
class Document:
    doc_id: str
    raw_text: str
    published: str | None = None  # ISO date, when the source gives one
    source: str | None = None  # path, "-" for stdin, or "file:line" in a corpus
    meta: dict = field(default_factory=dict)  # title, format, encoding, …
