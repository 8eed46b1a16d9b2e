"""Where chunks run: in this process, in a local process pool, or on Dask.

An engine has ``submit(chunk) -> future`` (anything with ``.result()``),
``workers`` (how many chunks may run at once) and ``close(abort=False)``.  The
runner keeps a bounded window of futures and consumes them in submission
order, so memory stays flat and output follows input order.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from . import work


class _Done:
    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


class InlineEngine:
    """One worker: the parent itself (no process start-up, no pickling)."""

    name = "local"
    workers = 1

    def __init__(self, spec: tuple, max_chars: int):
        self.spec, self.max_chars = spec, max_chars
        work.pipeline(spec)

    def submit(self, chunk):
        return _Done(work.process_chunk(chunk, self.spec, self.max_chars))

    def close(self, abort: bool = False) -> None:
        pass


class PoolEngine:
    """N worker processes, each loading the pipeline once.

    The "forkserver" start method (where the platform has it) loads and warms
    the pipeline once in the server (``preload``), so each worker starts by
    forking an interpreter that has it already; the parent never loads models."""

    name = "local"

    def __init__(self, spec: tuple, max_chars: int, workers: int):
        self.spec, self.max_chars, self.workers = spec, max_chars, workers
        methods = multiprocessing.get_all_start_methods()
        if "forkserver" in methods:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([f"{__package__}.preload"])  # nlp.batch or zhfin.batch
        else:  # pragma: no cover - Windows, macOS default
            ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                         initializer=work.init_worker, initargs=(spec,))

    def submit(self, chunk):
        return self._pool.submit(work.process_chunk, chunk, self.spec, self.max_chars)

    def close(self, abort: bool = False) -> None:
        if abort:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for p in processes:
                p.terminate()
            for p in processes:
                p.join(5)
        else:
            self._pool.shutdown(wait=True)


class DaskEngine:
    """Chunks as Dask futures on a cluster: ``scheduler`` is an address
    (tcp://host:8786); without one a LocalCluster of ``workers`` processes is
    started.  Workers need zhfin installed; each loads the pipeline once (the
    ``load`` cache lives in the worker process)."""

    name = "dask"

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
        return self._client.submit(work.process_chunk, chunk, self.spec, self.max_chars, pure=False)

    def close(self, abort: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(engine: str, spec: tuple, max_chars: int, workers: int | None,
                scheduler: str | None = None):
    workers = workers or os.cpu_count() or 1
    if engine == "dask":
        return DaskEngine(spec, max_chars, workers, scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use local or dask)")
    if workers == 1:
        return InlineEngine(spec, max_chars)
    return PoolEngine(spec, max_chars, workers)
