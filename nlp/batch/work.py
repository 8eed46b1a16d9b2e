"""Worker side: a chunk of work items -> results, the pipeline loaded once per process.

The same functions run in-process, in a multiprocessing pool and on Dask
workers (they only need zhfin importable there).  Every item yields exactly
one result ``(docs_record, error_record | None, chars)``: an exception inside
the pipeline becomes an error record, never a lost document.
"""
from __future__ import annotations

import os
import signal
from pathlib import Path

from ..document import Document, InputError
from .sources import error_record

# a warm-up text with a trigger, so lazily loaded dictionaries load before the first real chunk
_WARM_UP = "云帆智能宣布完成5亿元B轮融资，由红杉中国领投。"


def pipeline(spec: tuple):
    """spec: (entities mode, name source, instruments, user data), as `nlp.pipeline.load` takes them."""
    from ..pipeline import load  # lazy: the parent process of a pool never loads the models

    return load(*spec)


def warm_up(spec: tuple) -> None:
    pipeline(spec)(Document(doc_id="warm-up", raw_text=_WARM_UP))


def init_worker(spec: tuple) -> None:
    """Pool initializer: Ctrl-C is the parent's business; load and warm the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(spec)


def failed(error: dict) -> tuple[dict, dict, int]:
    from ..provenance import PRODUCER

    record = {"doc_id": error["doc_id"], "source": error["source"], "published": None,
              "entities": [], "events": [], "errors": [error["error"]], "producer": PRODUCER}
    return record, error, 0


def _read_file(path: str, max_chars: int) -> Document:
    from ..io import readers

    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    if size > 4 * max_chars:  # even at 4 bytes a character it would be too long: don't read it
        raise InputError(f"{path}: too large: {size:,} bytes (limit {max_chars:,} characters, see --max-chars)")
    document = readers.read_path(path)
    if len(document.raw_text) > max_chars:
        raise InputError(f"{path}: too large: {len(document.raw_text):,} characters "
                         f"(limit {max_chars:,}, see --max-chars)")
    return document


def process_item(item: tuple, spec: tuple, max_chars: int) -> tuple[dict, dict | None, int]:
    kind, key, payload = item
    if kind == "error":
        return failed(payload)
    doc_id = payload.doc_id if kind == "doc" else Path(payload).stem
    line = payload.meta.get("line") if kind == "doc" else None
    try:
        document = payload if kind == "doc" else _read_file(payload, max_chars)
        record = pipeline(spec)(document)
    except InputError as exc:
        return failed(error_record(doc_id, key, line, str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        return failed(error_record(doc_id, key, line, f"internal error: {type(exc).__name__}: {exc}"))
    record["source"] = key
    return record, None, len(document.raw_text)


def process_chunk(chunk: list[tuple], spec: tuple, max_chars: int) -> list[tuple]:
    return [process_item(item, spec, max_chars) for item in chunk]
