"""Batch runs over corpora: input enumeration (sources), workers (work, pool),
engines (in-process, local worker processes, Dask), the output folder's lock
(folder), the output journal with resume, and the runner that ties them together."""
from .errors import OperationalError, OutputRefused
from .runner import DOC_TIMEOUT_S, ENGINES, run_batch

__all__ = ["run_batch", "ENGINES", "DOC_TIMEOUT_S", "OperationalError", "OutputRefused"]
