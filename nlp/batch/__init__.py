"""Batch runs over corpora: input enumeration (sources), workers (work),
engines (in-process, local process pool, Dask), the output journal with
resume, and the runner that ties them together."""
from .runner import ENGINES, run_batch

__all__ = ["run_batch", "ENGINES"]
