"""zhfin: funding and listing events from Chinese financial news.

    import zhfin                 # the installed name; in a clone, `import nlp` is the same package
    record = zhfin.extract(text, published="2025-12-30")
    record["events"]     # zhfin.event/2 dicts
    record["entities"]   # [{label, text, start, end, value}]
"""
from __future__ import annotations

__version__ = "0.2.0"


def load(entities: str = "all", names: str = "rules", instruments=None, *,
         lexicon=None, triggers=None, ner_model=None, model="fast", model_dir=None, quantize="none"):
    """The shared pipeline for these options (models and lexicons load once, on first use).

        nlp = zhfin.load(lexicon="my_names.tsv", triggers="my_triggers.tsv")
        nlp(document) -> docs record;  nlp.doc("云帆智能完成…") -> spaCy Doc with the events

    lexicon / triggers: TSV files (see zhfin.userdata); ner_model: a spaCy model folder
    to use instead of models/ner (implies names="model"). A bad row raises
    zhfin.userdata.UserDataError naming the file and line.
    model="accurate": also the fine-tuned transformer tagger (pip install "zhfin[trf]"), from
    model_dir, else $ZHFIN_TRF_MODEL, else models/trf (zhfin.trf.TrfUnavailable when absent);
    quantize="int8" for faster CPU inference."""
    from .pipeline import load as _load
    from .trf import options as _trf
    from .userdata import load as _user

    user = _user(lexicon, triggers, ner_model)
    return _load(entities, names, tuple(instruments) if instruments else None, user, _trf(model, model_dir, quantize))


def extract(text: str, published: str | None = None, doc_id: str = "doc") -> dict:
    """Analyse one article; returns the docs record as plain JSON-able dicts."""
    from .document import Document, InputError

    if not isinstance(text, str):
        raise TypeError("text must be a str (decode bytes first, e.g. with zhfin.io.readers.decode)")
    if not text.strip():
        raise InputError("empty text")
    return load()(Document(doc_id=doc_id, raw_text=text, published=published))


def pipe(texts_or_records, n_process: int = 1, published: str | None = None, batch_size: int = 64, **options):
    """Yield one docs record per input, in input order, as `zhfin batch` writes them.

        for record in zhfin.pipe(texts, n_process=4, published="2025-12-30"): ...

    Inputs are strings, or dicts with `id`, `text` (or `content` …), `title` and
    `published`; a bad one yields an error record (`errors` says why), never an
    exception. With n_process > 1, guard the script with `if __name__ == "__main__":`.
    Options: entities ("events" | "all"), names, instruments, keep_text, doc_timeout,
    max_chars, id_field, text_field, title_field, published_field, lexicon, triggers,
    ner_model (see zhfin.stream.pipe)."""
    from .stream import pipe as _pipe

    return _pipe(texts_or_records, n_process=n_process, published=published, batch_size=batch_size, **options)


def to_frames(records):
    """pandas DataFrames `events`, `investors`, `entities`, `docs` (a named tuple) from
    docs records (zhfin.pipe, zhfin.extract, docs.jsonl) or event records; the columns
    are those of `zhfin export`. Needs pandas: pip install "zhfin[tables]"."""
    from .tables.frames import to_frames as _to_frames

    return _to_frames(records)
