"""The batch job: inputs -> chunks -> an engine -> the journal, plus summary.json.

Every input document yields exactly one docs line (its record, or a
placeholder carrying the error) and, when it failed, one errors line.  Results
are consumed in submission order from a bounded window of chunks in flight.
The output folder is locked for the run (``folder``). A full disk or workers
that keep dying stop the run with ``OperationalError`` after the summary is
written (when it can be); what is written stays valid for --resume.
"""
from __future__ import annotations

import signal
import threading
import time
from collections import deque

from . import folder, sources
from .engines import make_engine
from .errors import OperationalError
from .journal import DOCS, DUEE, ERRORS, EVENTS, Journal
from .progress import make_progress

OUTPUTS = (DOCS, EVENTS, ERRORS, DUEE, "summary.json", "summary.json.tmp")  # what --overwrite replaces
DOC_TIMEOUT_S = 60.0

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
              chunk_size: int = 64, progress: bool | None = None, duee: bool = False,
              doc_timeout: float | None = DOC_TIMEOUT_S, overwrite: bool = False, user=None,
              keep_text: bool = False, trf=None) -> dict:
    """Run a corpus; returns the summary (also written to OUTPUT/summary.json).

    ``inputs``: paths (JSON lines, .gz, DuEE-Fin, txt/html files, folders) or "-".
    ``doc_timeout``: seconds one document may take on the local engine (None
    or 0: no limit). A non-empty ``output`` needs ``resume`` or ``overwrite``
    (else ``OutputRefused``). The local engine starts worker processes (in
    process only with ``workers=1`` and no ``doc_timeout``), so a script
    calling this must guard its entry point with ``if __name__ == "__main__":``.
    ``user``: the user's names, triggers and name model (``zhfin.userdata.load``); they
    travel to the workers as data. ``trf``: ``zhfin.trf.options("accurate")`` for the
    accurate mode (each worker loads the model once), None for the fast one.
    Raises ``OperationalError`` when the run stops for a reason outside the input."""
    if isinstance(inputs, str):
        inputs = [inputs]
    inputs = sources.check_inputs(list(inputs))
    fields = sources.Fields(id_field, text_field, title_field, published_field)
    spec = (entities, names, tuple(instruments) if instruments else None, user, trf)  # what nlp.pipeline.load takes
    from ..pipeline import load  # light: the models load only when a document is processed

    producer = load(*spec).provenance
    try:
        claim = folder.claim(output, resume=resume, overwrite=overwrite, outputs=OUTPUTS)
        try:
            summary = _run(inputs, output, fields, spec, producer, engine=engine, workers=workers,
                           scheduler=scheduler, resume=resume, max_chars=max_chars, chunk_size=chunk_size,
                           progress=progress, duee=duee, doc_timeout=doc_timeout, keep_text=keep_text)
        finally:
            claim.release()
    except OSError as exc:  # the output folder cannot be made or opened
        raise OperationalError(_os_message(exc)) from None
    if summary["stopped"]:
        raise OperationalError(summary["stopped"])
    return summary


def _run(inputs: list[str], output: str, fields: sources.Fields, spec: tuple, producer: dict, *, engine: str,
         workers: int | None, scheduler: str | None, resume: bool, max_chars: int, chunk_size: int,
         progress: bool | None, duee: bool, doc_timeout: float | None, keep_text: bool = False) -> dict:
    started = time.perf_counter()
    journal = Journal(output, resume=resume, duee=duee)
    done = journal.done
    items = (it for it in sources.iter_items(inputs, fields, max_chars) if it[1] not in done)
    if keep_text:  # every docs record carries its text (batch --keep-text)
        from .keep_text import keeping_text

        items = keeping_text(items, max_chars)
    chars = processed = 0
    interrupted = False
    stopped = None  # why the run stopped early: the message of the OperationalError to come
    runner = None
    bar = None
    with _SigtermAsInterrupt():
        try:
            runner = make_engine(engine, spec, max_chars, workers, scheduler, doc_timeout)
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
        except OperationalError as exc:
            stopped = str(exc)
        except OSError as exc:  # the disk is full, a worker cannot be forked …
            stopped = _os_message(exc) + "; what is written is valid: run again with --resume once fixed"
        finally:
            if bar is not None:
                bar.close()
            try:
                if runner is not None:
                    runner.close(abort=interrupted or stopped is not None)
            finally:
                try:
                    journal.close()
                except OSError as exc:
                    stopped = stopped or f"{output}: cannot sync the output ({exc.strerror or exc})"
    seconds = time.perf_counter() - started
    counts = journal.counts
    summary = {
        "inputs": inputs, "input": " ".join(inputs), "output": str(output),
        "engine": engine, "workers": runner.workers if runner else workers, "entities": spec[0], "names": spec[1],
        "provenance": producer, "info": _info(),
        "documents": counts["documents"], "events": counts["events"], "failed": counts["failed"],
        "failures_by_reason": dict(journal.reasons.most_common()),
        "workers_lost": runner.lost if runner else 0, "stopped": stopped,
        "resumed": counts["resumed"], "processed": processed, "interrupted": interrupted,
        "seconds": round(seconds, 3), "chars": chars,
        "documents_per_second": round(processed / seconds, 1) if seconds else None,
        "chars_per_second": round(chars / seconds) if seconds else None,
    }
    try:
        journal.write_summary(summary)
    except OSError as exc:
        summary["stopped"] = stopped or f"{output}/summary.json: {exc.strerror or exc}"
    return summary


def _os_message(exc: OSError) -> str:
    """"out/events.jsonl: No space left on device"."""
    return (f"{exc.filename}: " if exc.filename else "") + str(exc.strerror or exc)


def _info() -> dict:
    """What `zhfin info --json` prints: version, git commit, models' SHA-256, packages."""
    from ..info import info

    return info()


def _ready(future) -> bool:
    done = getattr(future, "done", None)
    return done() if done else True


def _drain_one(window: deque, journal: Journal, bar) -> tuple[int, int]:
    results = window.popleft().result()
    journal.write(results)
    chars = sum(r[2] for r in results)
    bar.advance(len(results), chars)
    return len(results), chars


__all__ = ["run_batch", "ENGINES"]
