"""`zhfin.to_frames(records)`: docs records (or event records) -> pandas DataFrames.

    frames = zhfin.to_frames(zhfin.pipe(texts))
    frames.events        # one row per event: amount_value, amount_currency, date_start …
    frames.investors     # one row per investor, with its role (lead / follow / lender)
    frames.entities      # one row per entity
    frames.docs          # one row per document

The columns are those of `zhfin export` (``tables.flatten``), typed the pandas way:
float64, nullable Int64 and boolean, datetime64 for dates, strings.
"""
from __future__ import annotations

from typing import NamedTuple

from .flatten import COLUMNS, rows_of

MISSING_PANDAS = 'zhfin.to_frames needs pandas: pip install "zhfin[tables]"'


class Frames(NamedTuple):
    events: object
    investors: object
    entities: object
    docs: object


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError(MISSING_PANDAS) from None
    return pandas


PANDAS_TYPES = {"str": "string", "float": "float64", "int": "Int64", "bool": "boolean"}


def frame(rows: list[dict], columns: list[tuple[str, str]]):
    """One DataFrame with exactly ``columns``, typed, also when ``rows`` is empty."""
    pd = _pandas()
    df = pd.DataFrame.from_records(rows, columns=[name for name, _ in columns])
    for name, kind in columns:
        if kind == "date":
            df[name] = pd.to_datetime(df[name], format="%Y-%m-%d", errors="coerce")
        else:
            df[name] = df[name].astype(PANDAS_TYPES[kind])
    return df


def to_frames(records) -> Frames:
    """``records``: docs records (what `zhfin.pipe`, `zhfin.extract` and docs.jsonl give)
    or event records (events.jsonl lines), any iterable of them; one dict is one record."""
    if isinstance(records, dict):
        records = [records]
    _pandas()  # say what is missing before any work
    tables = rows_of(records)
    return Frames(**{name: frame(tables[name], COLUMNS[name]) for name in Frames._fields})
