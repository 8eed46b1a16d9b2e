"""Kept for compatibility: the batch path lives in ``nlp.batch``."""
from ..batch import run_batch

__all__ = ["run_batch"]
