"""The two ways a batch run can fail as a whole, as opposed to one document failing.

- ``OutputRefused``: refused before any work (the output folder is in use by
  another run, or holds an earlier run and neither --resume nor --overwrite
  was given). The command line exits with 2, like any usage error.
- ``OperationalError``: the machine let the run down (the disk is full, worker
  processes keep dying). What is written is valid; fix the cause and run again
  with --resume. The command line exits with 3.
"""
from __future__ import annotations

from ..document import InputError


class OutputRefused(InputError):
    """The output folder cannot take this run; the message says why and what to do."""


class OperationalError(RuntimeError):
    """The run stopped for a reason outside the input; the message is one line."""
