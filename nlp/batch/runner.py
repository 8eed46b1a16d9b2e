"""The batch job: inputs -> chunks -> an engine -> the journal, plus summary.json.

Every input document yields exactly one docs line (its record, or a
placeholder carrying the error) and, when it failed, one errors line.  Results
are consumed in submission order from a bounded window of chunks in flight.
"""
from __future__ import annotations

import signal
import threading
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool

from . import sources
from .engines import make_engine
from .journal import Journal
from .progress import make_progress

ENGINES = ("local", "dask")


def _chunks(items, size: int, max_chars: int = 2_000_000):
    """Lists of up to ``size`` items and about ``max_chars`` characters."""
    chunk, chars = [], 0
    for item in items:
        chunk.append(item)
        if item[0] == "doc":
            chars += len(item[2].raw_text)
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class _SigtermAsInterrupt:
    """`kill PID` stops a run as cleanly as Ctrl-C does."""

    def __enter__(self):
        self._old = None
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGTERM, self._raise)
        return self

    @staticmethod
    def _raise(signum, frame):
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)


def run_batch(inputs, output: str, id_field=None, text_field=None, title_field=None, published_field=None, *,
              workers: int | None = None, engine: str = "local", scheduler: str | None = None,
              resume: bool = False, entities: str = "events", names: str = "rules",
              instruments: tuple[str, ...] | None = None, max_chars: int = 5_000_000,
              chunk_size: int = 64, progress: bool | None = None, duee: bool = False, user=None) -> dict:
    """Run a corpus; returns the summary (also written to OUTPUT/summary.json).

    ``inputs``: paths (JSON lines, .gz, DuEE-Fin, txt/html files, folders) or "-".
    With ``workers`` > 1 the local engine starts worker processes, so a script
    calling this must guard its entry point with ``if __name__ == "__main__":``.
    ``user``: the user's names, triggers and name model (``zhfin.userdata.load``); they
    travel to the workers as data."""
    if isinstance(inputs, str):
        inputs = [inputs]
    inputs = sources.check_inputs(list(inputs))
    fields = sources.Fields(id_field, text_field, title_field, published_field)
    spec = (entities, names, tuple(instruments) if instruments else None, user)  # what nlp.pipeline.load takes
    from ..pipeline import load  # light: the models load only when a document is processed

    producer = load(*spec).provenance
    started = time.perf_counter()
    journal = Journal(output, resume=resume, duee=duee)
    done = journal.done
    items = (it for it in sources.iter_items(inputs, fields, max_chars) if it[1] not in done)
    chars = processed = 0
    interrupted = False
    runner = None
    bar = None
    with _SigtermAsInterrupt():
        try:
            runner = make_engine(engine, spec, max_chars, workers, scheduler)
            bar = make_progress(progress, lambda: sources.count_items(inputs), completed=len(done))
            window: deque = deque()
            limit = 2 * runner.workers + 1
            for chunk in _chunks(items, chunk_size):
                window.append(runner.submit(chunk))
                while len(window) >= limit or (window and len(window) > runner.workers and _ready(window[0])):
                    n, c = _drain_one(window, journal, bar)
                    processed, chars = processed + n, chars + c
            while window:
                n, c = _drain_one(window, journal, bar)
                processed, chars = processed + n, chars + c
        except KeyboardInterrupt:
            interrupted = True
        finally:
            if bar is not None:
                bar.close()
            if runner is not None:
                runner.close(abort=interrupted)
            journal.close()
    seconds = time.perf_counter() - started
    counts = journal.counts
    summary = {
        "inputs": inputs, "input": " ".join(inputs), "output": str(output),
        "engine": engine, "workers": runner.workers if runner else workers, "entities": entities, "names": names,
        "provenance": producer,
        "documents": counts["documents"], "events": counts["events"], "failed": counts["failed"],
        "failures_by_reason": dict(journal.reasons.most_common()),
        "resumed": counts["resumed"], "processed": processed, "interrupted": interrupted,
        "seconds": round(seconds, 3), "chars": chars,
        "documents_per_second": round(processed / seconds, 1) if seconds else None,
        "chars_per_second": round(chars / seconds) if seconds else None,
    }
    journal.write_summary(summary)
    return summary


def _ready(future) -> bool:
    done = getattr(future, "done", None)
    return done() if done else True


def _drain_one(window: deque, journal: Journal, bar) -> tuple[int, int]:
    try:
        results = window.popleft().result()
    except BrokenProcessPool:
        raise RuntimeError("a worker process died (out of memory?); what is written is valid: "
                           "run again with --resume") from None
    journal.write(results)
    chars = sum(r[2] for r in results)
    bar.advance(len(results), chars)
    return len(results), chars


__all__ = ["run_batch", "ENGINES"]
