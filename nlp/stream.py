"""`zhfin.pipe`: many texts in, one docs record each out, in input order.

    for record in zhfin.pipe(df["text"], n_process=4, published="2025-12-30"):
        ...
    records = list(zhfin.pipe([{"id": "a1", "text": "…", "published": "2025-12-01"}, "…"]))

The records are the ones `zhfin batch` writes to docs.jsonl for the same input,
made by the same worker code (``batch.work``) and, with ``n_process`` > 1, the same
local pool of worker processes (``batch.pool``: the pipeline loaded once per
process, a stuck document stopped by ``doc_timeout``, a dead worker replaced).
Only ``source`` differs: batch says ``file:line``, pipe says ``pipe:N``, N the
position in the input (from 0).

An item that cannot be analysed (not a string or dict, no text, an empty text,
too long) gives an error record, as batch writes one: ``errors`` holds the
message, ``events`` and ``entities`` are empty. The rest goes on.

With ``n_process`` > 1 worker processes start, so a script that calls this must
guard its entry point with ``if __name__ == "__main__":`` (as for multiprocessing).
"""
from __future__ import annotations

import os
from collections import deque
from typing import Iterable, Iterator

from .batch import work
from .batch.sources import error_record
from .document import Document
from .io import readers

SOURCE = "pipe"


def document_from_dict(obj: dict, index: int, published: str | None = None, id_field: str | None = None,
                       text_field: str | None = None, title_field: str | None = None,
                       published_field: str | None = None) -> Document | dict:
    """A record as batch reads a JSON line (the same field names are detected:
    id/doc_id, text/content, title, published/publish_date/date …); an error dict
    ``{doc_id, error}`` when it has no usable text."""
    key = readers._pick(obj, id_field, readers._ID_FIELDS)
    doc_id = str(obj[key]) if key is not None and obj[key] not in (None, "") else str(index)
    doc = readers.document_from_object(obj, doc_id, text_field, title_field, published_field)
    if isinstance(doc, str):
        return {"doc_id": doc_id, "error": doc}
    doc.published = doc.published or published
    return doc


def work_items(items: Iterable, published: str | None = None, max_chars: int = 5_000_000,
               keep_text: bool = False, **fields) -> Iterator[tuple]:
    """Each input item as a batch work item ("doc" or "error"), keyed pipe:N."""
    published = readers.normalise_published(published) if published else None
    for i, item in enumerate(items):
        key = f"{SOURCE}:{i}"
        if isinstance(item, str):
            doc = Document(doc_id=str(i), raw_text=item, published=published) if item.strip() else \
                {"doc_id": str(i), "error": "empty text"}
        elif isinstance(item, Document):
            doc = item if item.raw_text.strip() else {"doc_id": item.doc_id, "error": "empty text"}
            if isinstance(doc, Document) and doc.published is None and published:
                doc.published = published
        elif isinstance(item, dict):
            doc = document_from_dict(item, i, published, **fields)
        else:
            doc = {"doc_id": str(i), "error": f"not a text or a record: got {type(item).__name__}"}
        if isinstance(doc, Document) and len(doc.raw_text) > max_chars:
            doc = {"doc_id": doc.doc_id,
                   "error": f"too large: {len(doc.raw_text):,} characters (limit {max_chars:,}, see max_chars)"}
        if isinstance(doc, dict):
            yield "error", key, error_record(doc["doc_id"], key, None, doc["error"])
        else:
            doc.source = key
            if keep_text:
                doc.meta["keep_text"] = True  # the pipeline puts the text in the record
            yield "doc", key, doc


def _chunks(items: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def pipe(items: Iterable, n_process: int = 1, published: str | None = None, batch_size: int = 64, *,
         entities: str = "events", names: str = "rules", instruments: Iterable[str] | None = None,
         keep_text: bool = False, doc_timeout: float | None = None, max_chars: int = 5_000_000,
         id_field: str | None = None, text_field: str | None = None, title_field: str | None = None,
         published_field: str | None = None, lexicon=None, triggers=None, ner_model=None) -> Iterator[dict]:
    """Yield one docs record per item of ``items`` (strings, dicts, or Documents), in order.

    ``n_process``: worker processes (1: this process; -1: one per core).
    ``published``: the publication date of items that give none.
    ``batch_size``: items sent to a worker at a time.
    ``entities``, ``names``, ``instruments``: as `zhfin batch` takes them (defaults too:
    ``entities="events"`` lists entities only for text with a candidate trigger; "all" for every text).
    ``keep_text``: the record carries the analysed ``text`` (as `batch --keep-text`).
    ``doc_timeout``: seconds one item may take (runs in worker processes; None: no limit).
    ``lexicon``, ``triggers``, ``ner_model``: the user's own data, as `zhfin.load` and
    `batch --lexicon …` take it (read and checked here, once; UserDataError names a bad row)."""
    from .pipeline import ENTITY_MODES, INSTRUMENTS, NAME_SOURCES

    if entities not in ENTITY_MODES or names not in NAME_SOURCES:
        raise ValueError(f"entities must be one of {ENTITY_MODES} and names one of {NAME_SOURCES}")
    instruments = tuple(instruments) if instruments else None
    if instruments and set(instruments) - set(INSTRUMENTS):
        raise ValueError(f"instruments must be among {INSTRUMENTS}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = os.cpu_count() or 1 if n_process is None or n_process < 1 else n_process
    from .userdata import load as user_data

    user = user_data(lexicon, triggers, ner_model)
    spec = (entities, names, instruments, user) if user else (entities, names, instruments)
    fields = {"id_field": id_field, "text_field": text_field, "title_field": title_field,
              "published_field": published_field}
    chunks = _chunks(work_items(items, published, max_chars, keep_text, **fields), batch_size)
    return _run(chunks, spec, max_chars, workers, doc_timeout)


def _run(chunks, spec: tuple, max_chars: int, workers: int, doc_timeout: float | None) -> Iterator[dict]:
    """A generator: nothing starts before the first record is asked for."""
    if workers == 1 and not doc_timeout:
        for chunk in chunks:
            yield from _records(work.process_chunk(chunk, spec, max_chars))
        return
    from .batch.engines import make_engine

    engine = make_engine("local", spec, max_chars, workers, None, doc_timeout)
    window: deque = deque()
    finished = False
    try:
        for chunk in chunks:
            window.append(engine.submit(chunk))
            while len(window) > 2 * engine.workers:
                yield from _records(window.popleft().result())
        while window:
            yield from _records(window.popleft().result())
        finished = True
    finally:
        engine.close(abort=not finished)


def _records(results: list[tuple]) -> Iterator[dict]:
    for record, _error, _chars in results:
        yield record
