"""Run the pipeline in-process on the gold file's own texts, as `batch` would run them,
so that one `zhfin evaluate` command reproduces a figure.

Gold passages are read with their `publish_date` as the publication date and the
default entity mode of `batch`; DuEE-Fin documents have no publication date and are
tagged in full (`batch --entities all`), as the DuEE-Fin figures are measured."""
from __future__ import annotations

from ..batch.progress import make_progress
from ..batch.work import process_item
from ..document import Document
from ..io.readers import normalise_published
from .files import DUEE

MAX_CHARS = 5_000_000  # as batch --max-chars


def documents(kind: str, records: list[dict], source: str) -> list[Document]:
    if kind == DUEE:
        return [Document(doc_id=r["id"], raw_text=r.get("text") or "", source=f"{source}:{r['id']}")
                for r in records]
    return [Document(doc_id=r["id"], raw_text=r.get("text") or "", published=normalise_published(r.get("publish_date")),
                     source=f"{source}:{r['id']}") for r in records]


def run(kind: str, records: list[dict], source: str, names: str = "rules") -> tuple[list[dict], list[dict]]:
    """(docs records, one per gold record; error records of the documents that failed).
    A document that fails gives a record without events: its gold events count as missed."""
    spec = ("all" if kind == DUEE else "events", names)
    docs = documents(kind, records, source)
    bar = make_progress(None, lambda: len(docs), label="zhfin evaluate")
    out, failed = [], []
    try:
        for document in docs:
            record, error, chars = process_item(("doc", document.source, document), spec, MAX_CHARS)
            out.append(record)
            if error is not None:
                failed.append(error)
            bar.advance(1, chars)
    finally:
        bar.close()
    return out, failed
