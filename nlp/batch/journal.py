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
"""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

from ..io.duee import record_to_duee
from ..io.writers import dumps

DOCS, EVENTS, ERRORS, DUEE = "docs.jsonl", "events.jsonl", "errors.jsonl", "duee.jsonl"
FSYNC_EVERY_S = 5.0


def _complete_lines(path: Path, limit: int | None = None):
    """(end offset, parsed object) of each complete, parseable line, up to ``limit`` lines."""
    if not path.exists():
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
        for record, error, _chars in results:
            if self.duee:
                duee.append(dumps(record_to_duee(record)) + "\n")
            events.extend(dumps(e) + "\n" for e in record["events"])
            if error is not None:
                errors.append(dumps(error) + "\n")
                self.reasons[error.get("reason") or "error"] += 1
            docs.append(dumps(record) + "\n")
        for name, lines in ((EVENTS, events), (ERRORS, errors), (DUEE, duee), (DOCS, docs)):
            if lines:
                self._write_all(self._fds[name], "".join(lines).encode("utf-8"))
        self.counts.update(documents=len(docs), events=len(events), failed=len(errors))
        if time.monotonic() - self._synced > FSYNC_EVERY_S:
            self.sync()

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
        if self._fds:
            self.sync()
            for fd in self._fds.values():
                os.close(fd)
            self._fds = {}

    def write_summary(self, summary: dict) -> None:
        tmp = self.dir / "summary.json.tmp"
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, self.dir / "summary.json")
