"""The output folder as a journal: whole lines, and recovery for ``--resume``.

Only the parent process writes.  For each chunk of results it appends, in this
order, the events lines, the error lines, then the docs lines, each with one
``write`` call on an ``O_APPEND`` descriptor, so a line is never interleaved and
a kill can at worst cut the very last line of a file.  A document counts as
done when its docs line is complete; since its events and error lines were
written before, recovery keeps exactly the first ``sum(len(events))`` lines of
events.jsonl and the first ``count(errors)`` lines of errors.jsonl over the
complete docs lines, and cuts everything after (the work of documents that had
not finished), so nothing appears twice. With ``duee=True`` a DuEE-Fin line per
document goes to duee.jsonl just before its docs line, and recovery keeps one
per complete docs line.

Nothing a document holds can stop the journal: a string with a lone surrogate
(an id such as "x\\ud800", a file name that is not UTF-8) is written as its
JSON escape (``writers.to_utf8``), and a record that cannot be serialised at
all is written as an error record in its place. Only the disk can stop it
(``OSError``), and then the runner stops the run.
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

from ..io.duee import record_to_duee
from ..io.writers import dumps, to_utf8
from .sources import error_record
from .work import failed

DOCS, EVENTS, ERRORS, DUEE = "docs.jsonl", "events.jsonl", "errors.jsonl", "duee.jsonl"
FSYNC_EVERY_S = 5.0


def _complete_lines(path: Path, limit: int | None = None):
    """(end offset, parsed object) of each complete, parseable line, up to ``limit`` lines."""
    if not path.exists() or limit == 0:
        return
    offset = n = 0
    with open(path, "rb") as f:
        for raw in f:
            if limit is not None and n >= limit:
                return
            if not raw.endswith(b"\n"):
                return
            try:
                obj = json.loads(raw)
            except ValueError:
                return
            offset += len(raw)
            n += 1
            yield offset, obj


def _cut(path: Path, size: int) -> None:
    if path.exists() and path.stat().st_size != size:
        os.truncate(path, size)


class Journal:
    """Writes results; on resume, recovers the finished documents first."""

    def __init__(self, output: str | os.PathLike, resume: bool = False, duee: bool = False):
        self.dir = Path(output)
        self.duee = duee
        self.dir.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        self.counts: Counter = Counter()  # documents, events, failed over the whole job
        self.reasons: Counter = Counter()
        if resume:
            self._recover()
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if resume else os.O_TRUNC)
        names = (EVENTS, ERRORS, DUEE, DOCS) if duee else (EVENTS, ERRORS, DOCS)
        self._fds = {name: os.open(self.dir / name, flags, 0o644) for name in names}
        self._synced = time.monotonic()

    def _recover(self) -> None:
        size = n_events = n_errors = 0
        for size, record in _complete_lines(self.dir / DOCS):
            self.done.add(record.get("source"))
            n_events += len(record.get("events") or ())
            n_errors += bool(record.get("errors"))
        _cut(self.dir / DOCS, size)
        self.counts.update(documents=len(self.done), events=n_events, failed=n_errors, resumed=len(self.done))
        for name, keep in ((EVENTS, n_events), (ERRORS, n_errors), (DUEE, len(self.done))):
            size = 0
            for size, record in _complete_lines(self.dir / name, keep):
                if name == ERRORS:
                    self.reasons[record.get("reason") or str(record.get("error", "")).split(":")[0]] += 1
            _cut(self.dir / name, size)

    def write(self, results: list[tuple]) -> None:
        """Append one chunk of ``(docs_record, error_record | None, chars)`` results."""
        events, errors, duee, docs = [], [], [], []
        for result in results:
            doc_events, error, doc_duee, doc = self._lines(*result)
            events.extend(doc_events)
            if error is not None:
                errors.append(error)
            if doc_duee is not None:
                duee.append(doc_duee)
            docs.append(doc)
        for name, lines in ((EVENTS, events), (ERRORS, errors), (DUEE, duee), (DOCS, docs)):
            if lines:
                try:
                    self._write_all(self._fds[name], to_utf8("".join(lines)))
                except OSError as exc:  # name the file: "No space left on device" alone does not say where
                    raise OSError(exc.errno, exc.strerror, str(self.dir / name)) from None
        self.counts.update(documents=len(docs), events=len(events), failed=len(errors))
        if time.monotonic() - self._synced > FSYNC_EVERY_S:
            self.sync()

    def _lines(self, record: dict, error: dict | None, _chars: int = 0, retry: bool = True):
        """(events lines, error line, duee line, docs line) of one result."""
        try:
            doc_duee = dumps(record_to_duee(record)) + "\n" if self.duee else None
            events = [dumps(e) + "\n" for e in record["events"]]
            error_line = dumps(error) + "\n" if error is not None else None
            doc = dumps(record) + "\n"
        except Exception as exc:  # noqa: BLE001 - a record json cannot write must not stop the run
            if not retry:
                raise
            message = f"internal error: record cannot be written: {type(exc).__name__}: {exc}"
            record, error, _ = failed(error_record(str(record.get("doc_id")), str(record.get("source")),
                                                   (error or {}).get("line"), message))
            return self._lines(record, error, retry=False)
        if error is not None:
            self.reasons[error.get("reason") or "error"] += 1
        return events, error_line, doc_duee, doc

    @staticmethod
    def _write_all(fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]

    def sync(self) -> None:
        for fd in self._fds.values():
            os.fsync(fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close; after a write error the sync may fail again, and the
        descriptors are closed all the same."""
        fds, self._fds = self._fds, {}
        try:
            for fd in fds.values():
                os.fsync(fd)
        finally:
            for fd in fds.values():
                os.close(fd)

    def write_summary(self, summary: dict) -> None:
        tmp = self.dir / "summary.json.tmp"
        tmp.write_bytes(to_utf8(json.dumps(summary, ensure_ascii=False, indent=2) + "\n"))
        os.replace(tmp, self.dir / "summary.json")
