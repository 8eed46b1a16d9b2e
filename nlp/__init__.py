"""zhfin: funding and listing events from Chinese financial news.

    import zhfin                 # the installed name; in a clone, `import nlp` is the same package
    record = zhfin.extract(text, published="2025-12-30")
    record["events"]     # zhfin.event/2 dicts
    record["entities"]   # [{label, text, start, end, value}]
"""
from __future__ import annotations

__version__ = "0.2.0"


def load(entities: str = "all", names: str = "rules", instruments=None, *,
         lexicon=None, triggers=None, ner_model=None):
    """The shared pipeline for these options (models and lexicons load once, on first use).

        nlp = zhfin.load(lexicon="my_names.tsv", triggers="my_triggers.tsv")
        nlp(document) -> docs record;  nlp.doc("云帆智能完成…") -> spaCy Doc with the events

    lexicon / triggers: TSV files (see zhfin.userdata); ner_model: a spaCy model folder
    to use instead of models/ner (implies names="model"). A bad row raises
    zhfin.userdata.UserDataError naming the file and line."""
    from .pipeline import load as _load
    from .userdata import load as _user

    user = _user(lexicon, triggers, ner_model)
    return _load(entities, names, tuple(instruments) if instruments else None, user)


def extract(text: str, published: str | None = None, doc_id: str = "doc") -> dict:
    """Analyse one article; returns the docs record as plain JSON-able dicts."""
    from .document import Document, InputError

    if not isinstance(text, str):
        raise TypeError("text must be a str (decode bytes first, e.g. with zhfin.io.readers.decode)")
    if not text.strip():
        raise InputError("empty text")
    return load()(Document(doc_id=doc_id, raw_text=text, published=published))
