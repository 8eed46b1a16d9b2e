"""Where chunks run: in this process, in local worker processes (``pool``), or on Dask.

An engine has ``submit(chunk) -> future`` (anything with ``.result()``),
``workers`` (how many chunks may run at once), ``lost`` (worker processes
that died under it) and ``close(abort=False)``.  The runner keeps a bounded
window of futures and consumes them in submission order, so memory stays flat
and output follows input order.
"""
from __future__ import annotations

import os

from . import work
from .pool import Pool
from .sources import error_record


class _Done:
    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


class InlineEngine:
    """One worker: the parent itself (no process start-up, no pickling). Only
    without a time budget: nothing could stop a runaway document here."""

    name = "local"
    workers = 1
    lost = 0

    def __init__(self, spec: tuple, max_chars: int):
        self.spec, self.max_chars = spec, max_chars
        work.pipeline(spec)

    def submit(self, chunk):
        return _Done(work.process_chunk(chunk, self.spec, self.max_chars))

    def close(self, abort: bool = False) -> None:
        pass


class DaskEngine:
    """Chunks as Dask futures on a cluster: ``scheduler`` is an address
    (tcp://host:8786); without one a LocalCluster of ``workers`` processes is
    started.  Workers need zhfin installed; each loads the pipeline once (the
    ``load`` cache lives in the worker process).

    Dask runs tasks in worker threads, which cannot be stopped, so the time
    budget per document is not enforced here. A worker that dies is Dask's to
    replace; when a chunk has killed several (Dask's ``allowed-failures``), its
    documents run one by one and each one that still kills a worker becomes an
    error record, reason ``worker lost``."""

    name = "dask"
    lost = 0

    def __init__(self, spec: tuple, max_chars: int, workers: int, scheduler: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            from ..document import InputError

            raise InputError('--engine dask needs Dask: pip install "zhfin[dask]"') from None
        self.spec, self.max_chars = spec, max_chars
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        self.workers = max(1, sum(self._client.nthreads().values()))

    def submit(self, chunk):
        return _DaskFuture(self, chunk)

    def _one_by_one(self, chunk: list[tuple]) -> list[tuple]:
        from distributed import KilledWorker

        futures = [self._client.submit(work.process_chunk, [item], self.spec, self.max_chars, pure=False)
                   for item in chunk]
        results = []
        for item, future in zip(chunk, futures):
            try:
                results.extend(future.result())
            except KilledWorker:
                self.lost += 1
                doc_id, line = work.item_id(item)
                results.append(work.failed(error_record(
                    doc_id, item[1], line, "worker lost: Dask workers died on this document (KilledWorker)")))
        return results

    def close(self, abort: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


class _DaskFuture:
    def __init__(self, engine: DaskEngine, chunk: list[tuple]):
        self._engine, self._chunk = engine, chunk
        self._future = engine._client.submit(work.process_chunk, chunk, engine.spec, engine.max_chars, pure=False)

    def done(self) -> bool:
        return self._future.done()

    def result(self) -> list[tuple]:
        from distributed import KilledWorker

        try:
            return self._future.result()
        except KilledWorker:
            return self._engine._one_by_one(self._chunk)


def make_engine(engine: str, spec: tuple, max_chars: int, workers: int | None,
                scheduler: str | None = None, doc_timeout: float | None = None):
    """``doc_timeout``: seconds a document may take on the local engine (None or 0: no limit)."""
    workers = workers or os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(spec, max_chars, workers, scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use local or dask)")
    if workers == 1 and not doc_timeout:
        return InlineEngine(spec, max_chars)
    return Pool(spec, max_chars, workers, doc_timeout)
