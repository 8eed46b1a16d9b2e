"""The local engine: worker processes with a time budget per document.

Workers live for the whole run, as in a plain process pool: each is forked
from a forkserver that has the pipeline loaded (see ``preload``) and fed
chunks over its own pipe. While it works it keeps, in shared memory, the
index of the document in hand and when it started (``work.serve``), so the
parent always knows which document is slow and which one a dead worker held:

- a document over the budget (``doc_timeout``) gets its worker killed and a
  fresh one started; the chunk runs again with that document replaced by an
  error record, reason ``timeout``. A hard kill is the only stop that works
  on a runaway regex in C; the documents before it in the chunk are simply
  computed again (a chunk is small, a timeout rare).
- a worker that dies on its own (the out-of-memory killer, a crash in C code)
  is replaced the same way; its document gets reason ``worker lost`` and
  ``lost`` counts it, since that is the machine's trouble as much as the
  document's.

Per document this costs two stores to shared memory, nothing more.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from multiprocessing.connection import wait

from . import work
from .errors import OperationalError
from .sources import error_record

# Deaths outside any document, in a row with no result in between, after which
# the workers, not the documents, are the problem (a broken install, no memory
# at all to start one). A death inside a document is that document's error.
MAX_DEATHS_IN_A_ROW = 5


class _Task:
    __slots__ = ("chunk", "results")

    def __init__(self, chunk: list[tuple]):
        self.chunk = chunk  # an item that timed out or killed its worker is replaced by an error item
        self.results: list[tuple] | None = None


class _Future:
    def __init__(self, pool: "Pool", task: _Task):
        self._pool, self._task = pool, task

    def done(self) -> bool:
        if self._task.results is None:
            self._pool.pump(0)
        return self._task.results is not None

    def result(self) -> list[tuple]:
        return self._pool.wait_for(self._task)


class _Worker:
    def __init__(self, ctx, spec: tuple, max_chars: int):
        self.status = ctx.RawArray("d", [-1.0, 0.0])  # see work.serve
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=work.serve, args=(child, self.status, spec, max_chars),
                                   name="zhfin-worker", daemon=True)
        self.process.start()
        child.close()
        self.task: _Task | None = None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def how_it_died(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else f"signal {-code}"
            return f"killed by {name}" + (", out of memory?" if -code == signal.SIGKILL else "")
        return f"exit code {code}"


class Pool:
    """``submit(chunk) -> future``; futures may be read in any order, though
    the runner reads them in submission order."""

    name = "local"

    def __init__(self, spec: tuple, max_chars: int, workers: int, doc_timeout: float | None = None):
        self.spec, self.max_chars, self.workers = spec, max_chars, workers
        self.doc_timeout = doc_timeout or None
        self.lost = 0  # workers that died by themselves
        self._deaths_in_a_row = 0
        methods = multiprocessing.get_all_start_methods()
        if "forkserver" in methods:
            self._ctx = multiprocessing.get_context("forkserver")
            self._ctx.set_forkserver_preload([f"{__package__}.preload"])  # nlp.batch or zhfin.batch
        else:  # pragma: no cover - Windows, macOS default
            self._ctx = multiprocessing.get_context("spawn")
        self._queue: deque[_Task] = deque()
        self._pool = [self._start() for _ in range(workers)]

    def _start(self) -> _Worker:
        return _Worker(self._ctx, self.spec, self.max_chars)

    def submit(self, chunk: list[tuple]) -> _Future:
        task = _Task(list(chunk))
        self._queue.append(task)
        self.pump(0)  # also while the runner is busy reading input, an overrun is stopped
        return _Future(self, task)

    def wait_for(self, task: _Task) -> list[tuple]:
        while task.results is None:
            self.pump(self._wait_s())
        return task.results

    def pump(self, timeout: float | None) -> None:
        """Hand out queued chunks, take in results, stop overruns, replace the dead."""
        self._dispatch()
        conns = {w.conn: w for w in self._pool if w.task is not None}
        sentinels = {w.process.sentinel: w for w in self._pool}
        for ready in wait([*conns, *sentinels], timeout):
            worker = conns.get(ready) or sentinels.get(ready)
            if worker not in self._pool:  # replaced while handling an earlier event
                continue
            if ready is worker.conn or not worker.process.is_alive():
                self._receive(worker)
        self._enforce_budget()
        self._dispatch()

    def _receive(self, worker: _Worker) -> None:
        """Results from a worker; or, if it died, its replacement."""
        try:
            if worker.task is not None and worker.conn.poll():
                worker.task.results = worker.conn.recv()
                worker.task = None
                self._deaths_in_a_row = 0
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive():
            self._replace(worker, "lost")

    def _dispatch(self) -> None:
        for worker in list(self._pool):
            if not self._queue:
                return
            if worker.task is None and worker in self._pool:
                worker.task = self._queue.popleft()
                try:
                    worker.conn.send(worker.task.chunk)
                except OSError:  # it died before it could take the chunk
                    self._replace(worker, "lost")

    def _enforce_budget(self) -> None:
        if not self.doc_timeout:
            return
        for worker in list(self._pool):
            start = worker.status[1]
            if worker.task is None or not start or time.monotonic() - start <= self.doc_timeout:
                continue
            worker.process.kill()
            worker.process.join()
            start = worker.status[1]  # final now: did it finish that document at the very last moment?
            self._replace(worker, "timeout" if start and time.monotonic() - start > self.doc_timeout else "race")

    def _replace(self, worker: _Worker, why: str) -> None:
        """Retire ``worker`` ("timeout", "lost" or "race": killed just after its
        document ended) and start another; its chunk goes back to the head of
        the queue, with the document it held replaced by an error item."""
        worker.kill()
        slot = self._pool.index(worker)
        task, index, start = worker.task, int(worker.status[0]), worker.status[1]
        if why == "lost":
            self.lost += 1
            self._deaths_in_a_row += not (task and start)
            if self._deaths_in_a_row > MAX_DEATHS_IN_A_ROW:
                raise OperationalError(f"worker processes keep dying ({worker.how_it_died()}, "
                                       f"{self._deaths_in_a_row} in a row); what is written is valid: "
                                       f"run again with --resume once the cause is fixed")
        if task is not None:
            if why == "timeout":
                self._blame(task, index, f"timeout: over the {self.doc_timeout:g} s budget per document "
                                         "(see --doc-timeout)")
            elif why == "lost" and start:  # it died inside a document, not between them
                self._blame(task, index, f"worker lost: the worker process died on this document "
                                         f"({worker.how_it_died()}); it was replaced")
            self._queue.appendleft(task)
        self._pool[slot] = self._start()

    @staticmethod
    def _blame(task: _Task, index: int, message: str) -> None:
        item = task.chunk[index]
        doc_id, line = work.item_id(item)
        task.chunk[index] = ("error", item[1], error_record(doc_id, item[1], line, message))

    def _wait_s(self) -> float:
        """How long to block: until the earliest document in hand could overrun."""
        if not self.doc_timeout:
            return 1.0
        now, wait_s = time.monotonic(), self.doc_timeout
        for worker in self._pool:
            start = worker.status[1]
            if worker.task is not None and start:
                wait_s = min(wait_s, start + self.doc_timeout - now)
        return min(max(wait_s, 0.0) + 0.01, 1.0)

    def close(self, abort: bool = False) -> None:
        if not abort:
            for worker in self._pool:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            for worker in self._pool:
                worker.process.join(5)
        for worker in self._pool:
            if worker.process.is_alive():
                worker.kill()
            else:
                worker.conn.close()
        self._pool = []
