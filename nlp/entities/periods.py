"""Calendar periods that date expressions name: part of a month (上旬, 月底), part of a year
(二季度, 下半年, 年底). Each is (start, end, granularity)."""
from __future__ import annotations

import calendar
import datetime as dt

from .numbers import parse_number


def _int(s: str | None) -> int | None:
    v = parse_number(s) if s else None
    return int(v) if v is not None and v == int(v) else None


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def valid(y: int, m: int, d: int = 1) -> bool:
    return 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= last_day(y, m)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def month_part(y: int, m: int, part: str | None) -> tuple[dt.date, dt.date, str]:
    """A month, or part of one (初/上旬 1–10, 中旬/中 11–20, 下旬/底/末 21–end)."""
    last = last_day(y, m)
    if part in ("初", "上旬"):
        return dt.date(y, m, 1), dt.date(y, m, 10), "day"
    if part in ("中旬", "中"):
        return dt.date(y, m, 11), dt.date(y, m, 20), "day"
    if part in ("下旬", "底", "末"):
        return dt.date(y, m, 21), dt.date(y, m, last), "day"
    return dt.date(y, m, 1), dt.date(y, m, last), "month"


def year_span(y: int, q=None, qq=None, qn=None, h=None, hh=None, yp=None):
    """A year or a period of it: quarter, first n quarters, half, 年初/年底/年内."""
    quarter = _int(q) or (int(qq) if qq else None)
    if quarter:
        return dt.date(y, 3 * quarter - 2, 1), dt.date(y, 3 * quarter, last_day(y, 3 * quarter)), "quarter"
    if qn:
        n = _int(qn)
        return dt.date(y, 1, 1), dt.date(y, 3 * n, last_day(y, 3 * n)), "quarter"
    if h or hh:
        if h == "上半年" or hh == "H1":
            return dt.date(y, 1, 1), dt.date(y, 6, 30), "half"
        return dt.date(y, 7, 1), dt.date(y, 12, 31), "half"
    if yp == "初":
        return dt.date(y, 1, 1), dt.date(y, 1, 31), "month"
    if yp in ("底", "末"):
        return dt.date(y, 12, 1), dt.date(y, 12, 31), "month"
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
