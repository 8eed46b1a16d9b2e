"""Lexicons are data files in this folder; this module only reads them (once)."""
from __future__ import annotations

import csv
import functools
from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    return HERE / name


@functools.cache
def table(name: str) -> tuple[dict, ...]:
    """Rows of a tab-separated file with a header line; '#' lines are comments."""
    with open(HERE / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """One entry per line; '#' lines and blank lines are skipped."""
    with open(HERE / name, encoding="utf-8") as f:
        return tuple(s for line in f if (s := line.strip()) and not s.startswith("#"))
