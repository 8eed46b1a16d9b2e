"""DATE: recogniser (`find`), normaliser (`parse`) and `infer_reference`.

    parse("2025年上半年") -> {"start": "2025-01-01", "end": "2025-06-30",
                             "granularity": "half", "inferred": False}

Year-less and relative dates (12月19日, 30日, 上周五, 去年年底, 二季度) are
resolved against a reference date; a year-less month or day takes the
candidate nearest the reference. Without a reference they parse to None, as do
vague words (近日, 日前), which `find` still reports as spans.

Representation choices (the granularity enum has no week):
- a week (本周, 上周) is start=Monday, end=Sunday with granularity "day";
- part of a month (上旬, 月初 1–10, 中旬 11–20, 下旬/月底/月末 21–end) is a day
  range with granularity "day";
- 年初 is January, 年底/年末 December (granularity "month"); 年内/年度 the year;
- 前三季度 is Q1 start .. Q3 end with granularity "quarter".
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from nlp.entities.numbers import fold, parse_number
from nlp.resources import table

_REL = {r["surface"]: (r["unit"], int(r["offset"])) for r in table("relative_dates.tsv")}


def _words(unit: str) -> str:
    return "|".join(sorted((w for w, (u, _) in _REL.items() if u == unit), key=len, reverse=True))


_N2 = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CN_YEAR = r"[〇零○一二三四五六七八九]{4}"
_MONTH_PART = r"(?P<{p}>初(?!步|创|心|衷|始)|上旬|中旬|下旬|底|末)"  # of a month without a day
_TAIL = (  # what may follow a year: a month (and day), a quarter, a half, a part
    rf"(?P<m>{_N2})\s?月份?(?:\s?(?P<d>{_N2})\s?[日号]|" + _MONTH_PART.format(p="mp") + ")?"
    r"|(?:第)?(?P<q>[一二三四1-4])季度|Q(?P<qq>[1-4])(?![\d])|前(?P<qn>[二两三])个?季度"
    r"|(?P<h>上半年|下半年)|(?P<hh>H[12])(?![\d])"
    r"|(?P<yp>初(?!步|创|心|衷|始)|底|末|内(?!地|外|容|部|涵|资|需)|度)"
)
_DATE_SRC = (
    # 2026-01-08, 2026/1/8, 2026.1.8
    r"(?<![\d.])(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?![\d]|\.\d)"
    # 2026年1月8日, 二〇二五年三月, 2025年上半年, 今年10月, 去年年底
    rf"|(?:(?<!\d)(?P<y>\d{{4}}|{_CN_YEAR})\s?年|(?P<ry>{_words('year')}))"
    rf"(?:\s?(?:{_TAIL})|年(?P<ryp>初|底|末|内(?!地|外|容|部|涵|资|需)))?"
    # 本月8日, 上月底
    rf"|(?P<rm>{_words('quarter')}|{_words('month')})(?:(?P<rmd>{_N2})[日号]|" + _MONTH_PART.format(p="rmp") + ")?"
    # 上周五, 本周, 周三, 上星期一
    rf"|(?P<rw>{_words('week')})(?P<wd>[一二三四五六日天])?(?!期|年|边|岁|转|刊|报|末)"
    r"|(?P<rw2>[上下本这])?(?:星期|礼拜)(?P<wd2>[一二三四五六日天])"
    r"|周(?P<wd3>[一二三四五六日])(?!期|年|边|岁|转|刊|报|末|[一二三四五六七八九十])"
    # 今天, 昨日
    rf"|(?P<rd>{_words('day')})(?!头条|之星|之后|起)"
    # 二季度, 上半年, 年底 (of the reference year)
    rf"|(?:第)?(?P<sq>[一二三四])季度|前(?P<sqn>[二两三])个?季度|(?P<sh>上半年|下半年)"
    r"|(?<![\d一二三四五六七八九十两几数多半个])年(?P<syp>初|底|末|内(?!地|外|容|部|涵|资|需))"
    # 12月19日, 12月 (year from the reference)
    rf"|(?<![\d.])(?P<lm>{_N2})\s?月份?(?:\s?(?P<ld>{_N2})\s?[日号]|" + _MONTH_PART.format(p="lmp") + ")?"
    # 30日 (month and year from the reference)
    r"|(?<![\d.月近前后每逾个第几数余多这该])(?P<dd>\d{1,2}|[一二三]?十[一二三四五六七八九]?)\s?日"
    r"(?!元(?!旦|宵)|内|均|以内|线|平均|电|报|化|常|益|本|语|系|韩|美|欧|企|资|方|股|货)"
    # 近日, 日前
    rf"|(?P<vague>{_words('vague')})"
)
# A time zone before a date and a time of day after it belong to the date expression
# (美东时间9月4日, 7月22日晚间), as DuEE-Fin marks them; the value stays the day.
_ZONE = r"(?:美东时间|美西时间|美国东部时间|美国西部时间|北京时间|香港时间|当地时间|东部时间|格林尼治时间)\s?"
_DAYTIME = r"(?:晚间|晚上|早间|早上|上午|下午|中午|凌晨|傍晚|夜间|晚(?![于些点期年辈会宴餐报]))"
DATE = re.compile(rf"(?:{_ZONE})?(?:{_DATE_SRC})(?:(?<=[日号])(?:{_DAYTIME}))?")


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _valid(y: int, m: int, d: int = 1) -> bool:
    return 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= _last(y, m)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _part(y: int, m: int, part: str | None) -> tuple[dt.date, dt.date, str]:
    """A month, or part of one (初/上旬 1–10, 中旬 11–20, 下旬/底/末 21–end)."""
    last = _last(y, m)
    if part in ("初", "上旬"):
        return dt.date(y, m, 1), dt.date(y, m, 10), "day"
    if part == "中旬":
        return dt.date(y, m, 11), dt.date(y, m, 20), "day"
    if part in ("下旬", "底", "末"):
        return dt.date(y, m, 21), dt.date(y, m, last), "day"
    return dt.date(y, m, 1), dt.date(y, m, last), "month"


def _year_span(y: int, q=None, qq=None, qn=None, h=None, hh=None, yp=None):
    """A year or a period of it: quarter, first n quarters, half, 年初/年底/年内."""
    quarter = _int(q) or (int(qq) if qq else None)
    if quarter:
        return dt.date(y, 3 * quarter - 2, 1), dt.date(y, 3 * quarter, _last(y, 3 * quarter)), "quarter"
    if qn:
        n = _int(qn)
        return dt.date(y, 1, 1), dt.date(y, 3 * n, _last(y, 3 * n)), "quarter"
    if h or hh:
        if h == "上半年" or hh == "H1":
            return dt.date(y, 1, 1), dt.date(y, 6, 30), "half"
        return dt.date(y, 7, 1), dt.date(y, 12, 31), "half"
    if yp == "初":
        return dt.date(y, 1, 1), dt.date(y, 1, 31), "month"
    if yp in ("底", "末"):
        return dt.date(y, 12, 1), dt.date(y, 12, 31), "month"
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def _distance(ref: dt.date, start: dt.date, end: dt.date) -> int:
    if start <= ref <= end:
        return 0
    return (start - ref).days if start > ref else (ref - end).days


def _nearest(ref: dt.date, candidates):
    """The (start, end, gran) nearest the reference; ties go to the past."""
    best = None
    for c in candidates:
        key = (_distance(ref, c[0], c[1]), c[0] > ref)
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best else None


def _resolve(m: re.Match, ref: dt.date | None):
    """(start, end, granularity, depends_on_reference) or None."""
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        return (dt.date(y, mo, d), dt.date(y, mo, d), "day", False) if _valid(y, mo, d) else None
    if g["y"] or g["ry"]:
        if g["y"]:
            y, depends = _int(g["y"]), False
        else:
            if ref is None:
                return None
            y, depends = ref.year + _REL[g["ry"]][1], True
        if not y or not _valid(y, 1):
            return None
        if g["m"]:
            mo, d = _int(g["m"]), _int(g["d"])
            if not mo or not _valid(y, mo, d or 1):
                return None
            if d:
                return dt.date(y, mo, d), dt.date(y, mo, d), "day", depends
            return (*_part(y, mo, g["mp"]), depends)
        return (*_year_span(y, g["q"], g["qq"], g["qn"], g["h"], g["hh"], g["yp"] or g["ryp"]), depends)
    if g["vague"] or ref is None:
        return None
    if g["rm"]:
        unit, k = _REL[g["rm"]]
        if unit == "quarter":
            qi = (ref.month - 1) // 3 + k
            y, q = ref.year + qi // 4, qi % 4 + 1
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, _last(y, 3 * q)), "quarter", True
        y, mo = _add_months(ref.year, ref.month, k)
        d = _int(g["rmd"])
        if d:
            return (dt.date(y, mo, d), dt.date(y, mo, d), "day", True) if _valid(y, mo, d) else None
        return (*_part(y, mo, g["rmp"]), True)
    if g["rd"]:
        day = ref + dt.timedelta(days=_REL[g["rd"]][1])
        return day, day, "day", True
    if g["sq"] or g["sqn"] or g["sh"] or g["syp"]:
        return (*_year_span(ref.year, q=g["sq"], qn=g["sqn"], h=g["sh"], yp=g["syp"]), True)
    if g["lm"]:
        mo, d = _int(g["lm"]), _int(g["ld"])
        if not mo or not 1 <= mo <= 12 or (g["ld"] and not d):
            return None
        cands = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            if d:
                if _valid(y, mo, d):
                    cands.append((dt.date(y, mo, d), dt.date(y, mo, d), "day"))
            else:
                cands.append(_part(y, mo, g["lmp"]))
        best = _nearest(ref, cands)
        return (*best, True) if best else None
    if g["dd"]:
        d = _int(g["dd"])
        cands = []
        for k in (-1, 0, 1):
            y, mo = _add_months(ref.year, ref.month, k)
            if d and _valid(y, mo, d):
                cands.append((dt.date(y, mo, d), dt.date(y, mo, d), "day"))
        best = _nearest(ref, cands)
        return (*best, True) if best else None
    # weeks: 上周五, 本周, 周三
    wd_s = g["wd"] or g["wd2"] or g["wd3"]
    wd = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}.get(wd_s or "")
    k = _REL[g["rw"]][1] if g["rw"] else {"上": -1, "下": 1, "本": 0, "这": 0}.get(g["rw2"] or "")
    monday = ref - dt.timedelta(days=ref.weekday())
    if wd and k is not None:
        day = monday + dt.timedelta(days=7 * k + wd - 1)
        return day, day, "day", True
    if wd:  # a bare weekday: the one nearest the reference (within 3 days)
        delta = (wd - 1 - ref.weekday() + 3) % 7 - 3
        day = ref + dt.timedelta(days=delta)
        return day, day, "day", True
    if k is not None:
        start = monday + dt.timedelta(days=7 * k)
        return start, start + dt.timedelta(days=6), "day", True
    return None


def _valid_match(m: re.Match) -> bool:
    """Cheap checks so `find` skips 13月, 2000年40月 and the like."""
    g = m.groupdict()
    for key, hi in (("m", 12), ("lm", 12), ("im", 12), ("d", 31), ("ld", 31), ("dd", 31), ("id", 31), ("rmd", 31)):
        if g[key] is not None:
            v = _int(g[key])
            if not v or not 1 <= v <= hi:
                return False
    if g["iy"] and not 1900 <= int(g["iy"]) <= 2100:
        return False
    return True


def find(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions in analysis text, vague ones (近日) included."""
    return [m.span() for m in DATE.finditer(text) if m.end() > m.start() and _valid_match(m)]


def parse(surface: str, reference: dt.date | None = None, reference_inferred: bool = False) -> dict | None:
    """Value of one date surface; None if vague, invalid or needing a missing reference."""
    m = DATE.fullmatch(fold(surface).strip())
    if not m or m.end() == 0:
        return None
    try:
        r = _resolve(m, reference)
    except (ValueError, OverflowError):
        return None
    if r is None:
        return None
    start, end, gran, depends = r
    return {"start": start.isoformat(), "end": end.isoformat(), "granularity": gran,
            "inferred": bool(depends and reference_inferred)}


# Words just before a date that put it in the future of the article (计划于2026年1月8日
# 上市, 认购期持续至…): such dates say little about when the article was written.
_FUTURE_BEFORE = re.compile(r"(?:计划|拟|将|预计|预期|有望|持续|延至|推迟至|到期)(?:于|在|至|到)?$|(?<![截])至$")


def infer_reference(text: str) -> dt.date | None:
    """Latest explicit full date in the text; else latest year-month (day 1);
    else latest year (1 July, so year-less months resolve into that year).
    Dates announced as plans or deadlines count only when there is nothing else."""
    folded = fold(text)
    past = _candidates(folded, future=False)
    return past or _candidates(folded, future=True)


def _candidates(folded: str, future: bool) -> dt.date | None:
    days, months, years = [], [], []
    for m in DATE.finditer(folded):
        if not future and _FUTURE_BEFORE.search(folded[max(0, m.start() - 6) : m.start()]):
            continue
        g = m.groupdict()
        y = int(g["iy"]) if g["iy"] else (_int(g["y"]) if g["y"] else None)
        if not y or not 1900 <= y <= 2100:
            continue
        mo = int(g["im"]) if g["iy"] else _int(g["m"])
        d = int(g["id"]) if g["iy"] else _int(g["d"])
        if mo and d and _valid(y, mo, d):
            days.append(dt.date(y, mo, d))
        elif mo and _valid(y, mo):
            months.append(dt.date(y, mo, 1))
        elif not g["iy"]:
            years.append(dt.date(y, 7, 1))
    for found in (days, months, years):
        if found:
            return max(found)
    return None
