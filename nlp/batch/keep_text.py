"""`batch --keep-text`: every docs record carries the text its offsets point into.

The pipeline copies a document's text into its record when ``meta["keep_text"]``
is set (HTML always has it: its text is what zhfin extracted from the page). A
corpus line's document is marked here; a txt/html file, which a worker would
otherwise read, is read here instead, so that it is a marked document too. Reading
is cheap next to the analysis, and a file that cannot be read becomes the same
error record the worker would have made.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..document import InputError
from .sources import error_record
from .work import _read_file


def keeping_text(items: Iterator[tuple], max_chars: int) -> Iterator[tuple]:
    for kind, key, payload in items:
        if kind == "file":
            try:
                payload, kind = _read_file(payload, max_chars), "doc"
            except InputError as exc:
                kind, payload = "error", error_record(Path(payload).stem, key, None, str(exc))
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop a corpus
                kind, payload = "error", error_record(Path(payload).stem, key, None,
                                                      f"internal error: {type(exc).__name__}: {exc}")
        if kind == "doc":
            payload.meta["keep_text"] = True
        yield kind, key, payload
