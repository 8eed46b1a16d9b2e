"""The output folder belongs to one run at a time, and never silently to two.

Two runs appending to the same journal interleave their chunks: documents and
events appear twice and --resume cannot tell. So a run holds an exclusive
``flock`` on ``OUTPUT/.zhfin-batch.lock`` for as long as it lives; the kernel
drops it when the process ends, however it ends, so a killed run never leaves
a stale lock behind. The file itself stays (removing it would let a third run
lock a new file while a second still holds the old one).

A folder that already holds files is refused unless the run continues it
(--resume) or replaces it (--overwrite), so an earlier run's results are never
mixed with, or lost to, a new one by accident.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import OutputRefused

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the rest works
    fcntl = None

LOCK = ".zhfin-batch.lock"


class Claim:
    """The lock on an output folder; ``release()`` (or process exit) lets it go."""

    def __init__(self, fd: int | None):
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def claim(output: str | os.PathLike, resume: bool = False, overwrite: bool = False,
          outputs: tuple[str, ...] = ()) -> Claim:
    """Lock ``output`` for this run (creating it) and check it may be written.

    ``outputs`` are the names a run writes there; --overwrite removes them, and
    only them, so files a user keeps beside the results survive."""
    if resume and overwrite:
        raise OutputRefused("--resume and --overwrite exclude each other: continue the run, or replace it")
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    fd = _lock(folder)
    try:
        if not resume:
            present = sorted(p.name for p in folder.iterdir() if p.name != LOCK)
            if present and not overwrite:
                shown = ", ".join(present[:3]) + (", …" if len(present) > 3 else "")
                raise OutputRefused(f"{folder}: not empty ({shown}); use --resume to continue the run there, "
                                    f"--overwrite to replace its results, or another --output")
            for name in outputs:
                try:
                    (folder / name).unlink()
                except FileNotFoundError:
                    pass
    except BaseException:
        if fd is not None:
            os.close(fd)
        raise
    return Claim(fd)


def _lock(folder: Path) -> int | None:
    if fcntl is None:  # pragma: no cover
        return None
    path = folder / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes (PEP 446)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        who = f" (pid {holder})" if holder.isdigit() else ""
        raise OutputRefused(f"{folder}: another zhfin batch run is writing there{who}; "
                            f"wait for it to finish or choose another --output") from None
    except OSError:  # a file system without flock (some network mounts): run unlocked
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return fd
