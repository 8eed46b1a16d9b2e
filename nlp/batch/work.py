"""Worker side: a chunk of work items -> results, the pipeline loaded once per process.

The same functions run in-process, in the local pool (``serve``) and on Dask
workers (they only need zhfin importable there).  Every item yields exactly
one result ``(docs_record, error_record | None, chars)``: an exception inside
the pipeline becomes an error record, never a lost document.
"""
from __future__ import annotations

import os
import signal
import time
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from ..document import Document, InputError
from .sources import error_record

# a warm-up text with a trigger, so lazily loaded dictionaries load before the first real chunk
_WARM_UP = "云帆智能宣布完成5亿元B轮融资，由红杉中国领投。"
# Tests only: with ZHFIN_TEST_FAULTS=1 a text that starts "zhfin-fault:hang" never
# ends and one that starts "zhfin-fault:die" kills its worker, as a runaway regex
# or the out-of-memory killer would; with ZHFIN_TEST_FAULTS=start every pool
# worker dies as it starts. Nothing else can make a worker do that on cue.
_FAULTS = os.environ.get("ZHFIN_TEST_FAULTS") == "1"


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
        if _FAULTS:
            _fault(document.raw_text)
        record = pipeline(spec)(document)
    except InputError as exc:
        return failed(error_record(doc_id, key, line, str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        return failed(error_record(doc_id, key, line, f"internal error: {type(exc).__name__}: {exc}"))
    record["source"] = key
    return record, None, len(document.raw_text)


def _fault(text: str) -> None:
    if text.startswith("zhfin-fault:hang"):
        while True:
            time.sleep(1)
    if text.startswith("zhfin-fault:die"):
        os.kill(os.getpid(), signal.SIGKILL)


def process_chunk(chunk: list[tuple], spec: tuple, max_chars: int) -> list[tuple]:
    return [process_item(item, spec, max_chars) for item in chunk]


def item_id(item: tuple) -> tuple[str, int | None]:
    """(doc_id, line) of a work item, for an error record made outside the worker."""
    kind, key, payload = item
    if kind == "doc":
        return payload.doc_id, payload.meta.get("line")
    if kind == "file":
        return Path(payload).stem, None
    return payload["doc_id"], payload.get("line")


def serve(conn, status, spec: tuple, max_chars: int) -> None:
    """A local pool worker: chunks in over ``conn``, results out, until None or EOF.

    ``status`` is shared memory the parent reads: [index in the chunk of the
    item in hand, when it started (time.monotonic; 0 between items)]. The start
    is cleared before the index moves, so a non-zero start always goes with its
    own index. That is all the parent needs to stop an item over its time budget
    and to name the document a dead worker held."""
    if os.environ.get("ZHFIN_TEST_FAULTS") == "start":
        os.kill(os.getpid(), signal.SIGKILL)
    init_worker(spec)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            return
        results = []
        for i, item in enumerate(chunk):
            status[1] = 0.0
            status[0] = i
            status[1] = time.monotonic()
            results.append(process_item(item, spec, max_chars))
        status[1] = 0.0
        try:
            data = ForkingPickler.dumps(results)  # what conn.send does, kept apart to catch its failure
        except Exception:  # noqa: BLE001 - rare: a structure too deep to pickle
            data = ForkingPickler.dumps(_picklable(results, chunk))
        conn.send_bytes(data)


def _picklable(results: list[tuple], chunk: list[tuple]) -> list[tuple]:
    """The results, with any that cannot cross the pipe replaced by an error
    record, so one odd record does not kill the worker."""
    out = []
    for result, item in zip(results, chunk):
        try:
            ForkingPickler.dumps(result)
            out.append(result)
        except Exception as exc:  # noqa: BLE001
            doc_id, line = item_id(item)
            out.append(failed(error_record(doc_id, item[1], line,
                                           f"internal error: result cannot be sent: {type(exc).__name__}")))
    return out
