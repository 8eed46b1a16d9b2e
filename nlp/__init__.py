"""zhfin: funding and listing events from Chinese financial news.

    import zhfin                 # the installed name; in a clone, `import nlp` is the same package
    record = zhfin.extract(text, published="2025-12-30")
    record["events"]     # zhfin.event/2 dicts
    record["entities"]   # [{label, text, start, end, value}]
"""
from __future__ import annotations

__version__ = "0.2.0"


def load():
    """The shared pipeline (models and lexicons load once, on first use)."""
    from .pipeline import load as _load

    return _load()


def extract(text: str, published: str | None = None, doc_id: str = "doc") -> dict:
    """Analyse one article; returns the docs record as plain JSON-able dicts."""
    from .document import Document, InputError

    if not isinstance(text, str):
        raise TypeError("text must be a str (decode bytes first, e.g. with zhfin.io.readers.decode)")
    if not text.strip():
        raise InputError("empty text")
    return load()(Document(doc_id=doc_id, raw_text=text, published=published))
