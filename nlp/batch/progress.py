"""A progress bar on stderr (rich): documents, documents/s, chars/s, ETA.
Silent when stderr is not a terminal, so logs and pipes stay clean."""
from __future__ import annotations

import sys
import time


class NoProgress:
    def advance(self, docs: int, chars: int) -> None:
        pass

    def close(self) -> None:
        pass


class Progress:
    def __init__(self, total: int | None, completed: int = 0, label: str = "zhfin batch"):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[docs_s]:,.0f} docs/s"), TextColumn("{task.fields[chars_s]:,.0f} chars/s"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=False)
        self._task = self._bar.add_task("batch", total=total, completed=completed, docs_s=0.0, chars_s=0.0)
        self._started = time.perf_counter()
        self._docs = self._chars = 0
        self._bar.start()

    def advance(self, docs: int, chars: int) -> None:
        self._docs += docs
        self._chars += chars
        seconds = max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, advance=docs, docs_s=self._docs / seconds, chars_s=self._chars / seconds)

    def close(self) -> None:
        self._bar.stop()


def make_progress(enabled: bool | None, total_fn, completed: int = 0, label: str = "zhfin batch"):
    """``enabled`` None means: only on a terminal.  ``total_fn`` is called only
    when a bar is shown (counting lines costs a pass over the input)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return NoProgress()
    return Progress(total_fn(), completed, label)
