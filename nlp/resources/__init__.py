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
    """Rows of a tab-separated file with a header line; '#' lines are comments
    ('#!' lines declare the columns, see validate.py: the test suite checks every
    value against them). A row with too few or too many fields fails here, since
    csv would fill it with None or file the extra under the key None."""
    with open(HERE / name, encoding="utf-8", newline="") as f:
        numbered = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    rows = tuple(dict(row) for row in csv.DictReader((line for _, line in numbered), delimiter="\t"))
    for (number, line), row in zip(numbered[1:], rows):
        if None in row or None in row.values():
            fields, declared = line.count("\t") + 1, numbered[0][1].count("\t") + 1
            raise ValueError(f"{name}:{number}: {fields} fields, the header has {declared}")
    return rows


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """One entry per line; '#' lines and blank lines are skipped."""
    with open(HERE / name, encoding="utf-8") as f:
        return tuple(s for line in f if (s := line.strip()) and not s.startswith("#"))
