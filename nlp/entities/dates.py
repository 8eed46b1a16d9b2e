"""DATE: recogniser (`find`), normaliser (`parse`) and `infer_reference`.

    parse("2025年上半年") -> {"start": "2025-01-01", "end": "2025-06-30",
                             "granularity": "half", "inferred": False}
    parse("2020年7月3日上午9:30") -> {"start": "2020-07-03", "end": "2020-07-03",
                             "granularity": "day", "inferred": False, "time": "09:30"}

Year-less and relative dates (12月19日, 30日, 上周五, 去年年底, 二季度) are
resolved against a reference date; a year-less month or day takes the
candidate nearest the reference, or nearest an `anchor` (the date the text
named just before, see `timeline`). Without either they parse to None, as do
vague words (近日, 日前), which `find` still reports as spans.

Representation choices (the granularity enum has no week):
- a week (本周, 上周) is start=Monday, end=Sunday with granularity "day";
- part of a month (上旬, 月初 1–10, 中旬/月中 11–20, 下旬/月底/月末 21–end) is a
  day range with granularity "day";
- 年初 is January, 年底/年末 December (granularity "month"); 年内/年度 the year;
- 前三季度 is Q1 start .. Q3 end with granularity "quarter";
- a range (7月3日至5日, 2019年8月8日至2024年1月29日, 2016年至2018年) is one span:
  start of the first part .. end of the second, with the finer granularity; a
  year-less second part takes the first part's year (12月28日至1月3日 rolls over);
- a time of day belongs to the span (7月22日晚间, 美东时间周四上午, 6月19日上午10点,
  2019年11月05日10:29:09); the value stays the day and gains "time": "HH:MM"
  (24-hour) only when a clock time is given (`clock.time_of`).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

from . import clock
from .periods import add_months, last_day, month_part, valid, year_span
from .numbers import fold, parse_number
from ..resources import table
from ..text.scan import guarded

_REL = {r["surface"]: (r["unit"], int(r["offset"])) for r in table("relative_dates.tsv")}
_REFERS = {r["surface"]: r["refers"] for r in table("relative_dates.tsv")}


def _words(unit: str) -> str:
    return "|".join(sorted((w for w, (u, _) in _REL.items() if u == unit), key=len, reverse=True))


_N2 = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CN_YEAR = r"[〇零○O0一二三四五六七八九]{4}"  # 二O一九年: a Latin O or a 0 typed for 〇
# Taiwan's 民国 years (民国114年 = 2025): with 民国 before them, or a month after them (114年3月), or 在 / 于 (公司在113年完成
# A轮: the date's surface holds the 在, for 113年 alone may be a span of years), not 在110年代 or 在113年间
_ROC_YEAR = r"民国\s?\d{2,3}|1[01]\d(?=\s?年\s?\d{1,2}\s?月)|[在于於]1[01]\d(?=\s?年(?![代间間来來前后後历歷]))"
# Part of a month without a day; 月中 only before a break (6月中至8月初), not 6月中国.
_MONTH_PART = r"(?P<{p}>初(?!步|创|心|衷|始)|上旬|中旬|下旬|底|末|中(?=[至到~,;、)。，；\s-]|$))"
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
    # 同年11月, 当年底: the year of the date told before (timeline); 同年 alone stays vague
    rf"|(?:(?<!\d)(?P<y>\d{{4}}|{_CN_YEAR}|{_ROC_YEAR})\s?年|(?P<ry>{_words('year')})"
    rf"|(?P<sy>同年|当年)(?=\s?(?:{_N2}\s?月|第?[一二三四1-4]季度|[上下]半年|[初底末])))"
    rf"(?:\s?(?:{_TAIL})|年(?P<ryp>初|底|末|内(?!地|外|容|部|涵|资|需)))?"
    # 本月8日, 上月底
    rf"|(?P<rm>{_words('quarter')}|{_words('month')})(?:(?P<rmd>{_N2})[日号]|" + _MONTH_PART.format(p="rmp") + ")?"
    # 上周五, 本周, 周三, 上星期一
    rf"|(?P<rw>{_words('week')})(?P<wd>[一二三四五六日天])?(?!期|年|边|岁|转|刊|报|末|级)"  # 本周一级市场: 本周
    r"|(?P<rw2>[上下本这])?(?:星期|礼拜)(?P<wd2>[一二三四五六日天])"
    r"|(?<![一每两几隔])周(?P<wd3>[一二三四五六日])(?!期|年|边|岁|转|刊|报|末|级|[一二三四五六七八九十]|[家个只次场笔轮名位款])"  # 一周三家: a count
    # 今天, 昨日
    rf"|(?P<rd>{_words('day')})(?!头条|之星|之后|起(?!至|到|招股|公开招股|申购|接受认购|公开发售))"  # 今日起 (from now on) is none;
    # 今日起至9月18日 a range; 今日起招股 an offer that opens today
    # 二季度, 上半年, 年底 (of the reference year)
    rf"|(?:第)?(?P<sq>[一二三四])季度|前(?P<sqn>[二两三])个?季度|(?P<sh>上半年|下半年)"
    r"|(?<![\d一二三四五六七八九十两几数多半个])年(?P<syp>初|底|末|内(?!地|外|容|部|涵|资|需))"
    # 2/9 in a table's cell or in brackets, as Taiwan's press writes a day (not 1/3 in running text: a fraction)
    r"|(?:(?<=[|｜(（\n~])|^)\s?(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])(?=\s?(?:[|｜)）~\-至起]|$))"
    # 12月19日, 12月 (year from the reference)
    rf"|(?<![\d.])(?P<lm>{_N2})\s?月份?(?:\s?(?P<ld>{_N2})\s?[日号]|" + _MONTH_PART.format(p="lmp") + ")?"
    # 30日 (month and year from the reference; not T+1日, a day counted from a trading day)
    r"|(?<![\d.月近前后每逾个第几数余多这该])(?<![A-Z][-+])(?P<dd>\d{1,2}|[一二三]?十[一二三四五六七八九]?)\s?日"
    r"(?!元(?!旦|宵)|内|均|以内|线|平均|电|报|化|常|益|本|语|系|韩|美|欧|企|资|方|股|货)"
    # 近日, 日前 (T-2日前: a day counted from a trading day T, no date)
    rf"|(?<![\d])(?P<vague>{_words('vague')})"
)
# A time zone before a date and a time of day after it belong to the date expression
# (美东时间9月4日, 7月22日晚间, 6月19日上午10点), as DuEE-Fin marks them.
_ZONE = r"(?:美东时间|美西时间|美国时间|美国东部时间|美国西部时间|纽约时间|北京时间|香港时间|当地时间|东部时间|格林尼治时间)\s?"
DATE = re.compile(rf"(?:{_ZONE})?(?:{_DATE_SRC})(?:{clock.TAIL})?")
DATE = guarded(DATE)  # the same matches, scanned faster
# Between the two parts of a range: 7月3日至5日, 2020年7月3日-5日, 3月1日到6月30日, 今日起至9月18日.
_RANGE_SEP = re.compile(r"\s?(?:起?至|起?到|-|~|—|–|〜)\s?")
_GRAN_ORDER = ("day", "month", "quarter", "half", "year")


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


class Anchor(NamedTuple):
    """A date that year-less dates after it are resolved against (see `timeline`)."""
    start: dt.date
    end: dt.date
    depends: bool  # its year came from the reference date


class Resolved(NamedTuple):
    start: dt.date
    end: dt.date
    granularity: str
    depends: bool  # on the reference date (directly or through its anchor)
    time: str | None = None
    anchored: bool = False  # a year-less date resolved from its anchor, not from the reference


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two spans, 0 when they overlap."""
    if b[0] > a[1]:
        return (b[0] - a[1]).days
    if a[0] > b[1]:
        return (a[0] - b[1]).days
    return 0


def _nearest(base: Anchor, candidates, forward: bool = False):
    """The (start, end, gran) nearest the base span; ties go to the past.
    forward (the end of a range): only candidates from the base's start on, if any."""
    pool = [c for c in candidates if c[0] >= base.start] if forward else []
    best = None
    for c in pool or candidates:
        key = (_gap((base.start, base.end), c), c[0] > base.start)
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best else None


def _year(s: str) -> int | None:
    s = s.removeprefix("民国").lstrip("在于於").strip()
    if s.isdigit():
        return int(s) + (1911 if len(s) < 4 else 0)  # (a 民国 year)
    return _int(s.replace("O", "〇").replace("0", "〇"))  # 二O一九, 二0一九


def _explicit(g: dict, ref: dt.date | None, anchor: Anchor | None = None):
    """2026-01-08, 2026年1月8日, 2025年上半年, 今年10月, 去年年底; 同年11月 (the anchor's year)."""
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        return (dt.date(y, mo, d), dt.date(y, mo, d), "day", False) if valid(y, mo, d) else None
    if g["y"]:
        y, depends = _year(g["y"]), False
    elif g["sy"]:
        if anchor is None:
            return None
        y, depends = anchor.start.year, anchor.depends
    else:
        if ref is None:
            return None
        y, depends = ref.year + _REL[g["ry"]][1], True
    if not y or not valid(y, 1):
        return None
    if g["m"]:
        mo, d = _int(g["m"]), _int(g["d"])
        if not mo or not valid(y, mo, d or 1):
            return None
        if d:
            return dt.date(y, mo, d), dt.date(y, mo, d), "day", depends
        return (*month_part(y, mo, g["mp"]), depends)
    return (*year_span(y, g["q"], g["qq"], g["qn"], g["h"], g["hh"], g["yp"] or g["ryp"]), depends)


def _yearless(g: dict, base: Anchor, forward: bool):
    """12月19日, 12月, 30日, 二季度, 年底: the candidate nearest the base (reference or anchor)."""
    if g["sq"] or g["sqn"] or g["sh"] or g["syp"]:  # of the base's year, no roll-over
        return (*year_span(base.start.year, q=g["sq"], qn=g["sqn"], h=g["sh"], yp=g["syp"]), base.depends)
    cands = []
    if g["lm"] or g["sm"]:
        mo, d = _int(g["lm"] or g["sm"]), _int(g["ld"] or g["sd"])
        if not mo or not 1 <= mo <= 12 or ((g["ld"] or g["sd"]) and not d):
            return None
        for y in range(base.start.year - 1, base.end.year + 2):
            if not d:
                cands.append(month_part(y, mo, g["lmp"]))
            elif valid(y, mo, d):
                cands.append((dt.date(y, mo, d), dt.date(y, mo, d), "day"))
    else:  # a bare day: this month, the one before or the one after
        d = _int(g["dd"])
        for k in (-1, 0, 1):
            y, mo = add_months(base.start.year, base.start.month, k)
            if d and valid(y, mo, d):
                cands.append((dt.date(y, mo, d), dt.date(y, mo, d), "day"))
    best = _nearest(base, cands, forward)
    return (*best, base.depends) if best else None


def _relative(g: dict, ref: dt.date):
    """本月8日, 上季度, 昨日, 上周五, 本周, 周三."""
    if g["rm"]:
        unit, k = _REL[g["rm"]]
        if unit == "quarter":
            qi = (ref.month - 1) // 3 + k
            y, q = ref.year + qi // 4, qi % 4 + 1
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, last_day(y, 3 * q)), "quarter", True
        y, mo = add_months(ref.year, ref.month, k)
        d = _int(g["rmd"])
        if d:
            return (dt.date(y, mo, d), dt.date(y, mo, d), "day", True) if valid(y, mo, d) else None
        return (*month_part(y, mo, g["rmp"]), True)
    if g["rd"]:
        day = ref + dt.timedelta(days=_REL[g["rd"]][1])
        return day, day, "day", True
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


def _kind(g: dict) -> str:
    """explicit (the text gives the year) | relative (to the reference) | yearless | vague."""
    if g["iy"] or g["y"]:
        return "explicit"
    if g["lm"] or g["sm"] or g["dd"] or g["sq"] or g["sqn"] or g["sh"] or g["syp"] or g["sy"]:
        return "yearless"
    return "vague" if g["vague"] else "relative"


def _resolve(m: re.Match, ref: dt.date | None, anchor: Anchor | None = None,
             forward: bool = False) -> Resolved | None:
    g = m.groupdict()
    kind = _kind(g)
    anchored = False
    try:
        if kind == "explicit" or g["ry"]:
            r = _explicit(g, ref)
        elif g["sy"]:
            r, anchored = _explicit(g, ref, anchor), True
        elif kind == "yearless":
            if anchor is not None and g["dd"] and (anchor.end - anchor.start).days > 31:
                anchor = None  # a bare day needs a month: 2019年 … 15日 says nothing
            base = anchor or (Anchor(ref, ref, True) if ref else None)
            r = _yearless(g, base, forward) if base else None
            anchored = anchor is not None
        else:
            r = _relative(g, ref) if ref and kind == "relative" else None
    except (ValueError, OverflowError):
        return None
    if r is None:
        return None
    time = clock.time_of(g, evening=(g["rd"] or "").endswith(("晚", "夜"))) if r[0] == r[1] else None
    return Resolved(*r, time, anchored)


def _valid_match(m: re.Match) -> bool:
    """Cheap checks so `find` skips 13月, 2000年40月 and the like."""
    g = m.groupdict()
    for key, hi in (("m", 12), ("lm", 12), ("sm", 12), ("im", 12),
                    ("d", 31), ("ld", 31), ("sd", 31), ("dd", 31), ("id", 31), ("rmd", 31)):
        if g[key] is not None:
            v = _int(g[key])
            if not v or not 1 <= v <= hi:
                return False
    if g["iy"] and not 1900 <= int(g["iy"]) <= 2100:
        return False
    return True


def _can_join(first: re.Match, second: re.Match) -> bool:
    """Parts of a range: anything but a vague word, then a calendar date (not 周五, 今年); or a day of this
    week's, then a later weekday (今日起至周四, 今天至下周一: a Hong Kong offer's period)."""
    g1, g2 = first.groupdict(), second.groupdict()
    if _kind(g1) == "vague":
        return False
    return _kind(g2) in ("explicit", "yearless") or (bool(g1["rd"]) and bool(g2["wd"] or g2["wd2"] or g2["wd3"]))


@functools.lru_cache(maxsize=2)
def _date_matches(text: str) -> tuple[re.Match, ...]:
    """DATE over a text, once: the reference date and the date spans both read it."""
    return tuple(DATE.finditer(text))


def _matches(text: str) -> list[list[re.Match]]:
    """Date matches, a range (7月3日至5日) as one group of two."""
    groups: list[list[re.Match]] = []
    for m in _date_matches(text):
        if m.end() == m.start() or not _valid_match(m):
            continue
        last = groups[-1] if groups else None
        if last and len(last) == 1 and _RANGE_SEP.fullmatch(text, last[0].end(), m.start()) \
                and _can_join(last[0], m):
            last.append(m)
        else:
            groups.append([m])
    return groups


def find(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions in analysis text, vague ones (近日) included."""
    return [(g[0].start(), g[-1].end()) for g in _matches(text)]


@functools.lru_cache(maxsize=4096)  # the same surfaces (今天, 12月3日) come back in every document
def _whole(surface: str) -> tuple[re.Match, ...] | None:
    s = fold(surface).strip()
    groups = _matches(s)
    if len(groups) != 1 or groups[0][0].start() != 0 or groups[0][-1].end() != len(s):
        return None
    return tuple(groups[0])


def kind(surface: str) -> str | None:
    """How a date surface gets its year: "explicit" (2019年4月), "relative" (去年, 上周五: from the
    reference), "yearless" (4月2日, 年底: from an anchor or the reference), "now" (近日: a vague word
    about the present) or "story" (当天, 次日: vague, about the date just told); None if not a date."""
    parts = _whole(surface)
    if parts is None:
        return None
    g = parts[0].groupdict()
    k = _kind(g)
    return _REFERS.get(g["vague"], "now") if k == "vague" else k


def _single(surface: str) -> dict:
    """The groups of a surface that is one date expression (no range), else none."""
    parts = _whole(surface)
    return parts[0].groupdict() if parts is not None and len(parts) == 1 else {}


def week_named(surface: str) -> bool:
    """A week as a whole (上周, 本周, 下周), not a day of it (上周五)."""
    g = _single(surface)
    return bool(g.get("rw")) and not g.get("wd")


def bare_weekday(surface: str) -> bool:
    """A weekday with no week word (周三, 星期五上午), not 上周五."""
    g = _single(surface)
    return bool(g.get("wd3") or (g.get("wd2") and not g.get("rw2")))


def resolve(surface: str, reference: dt.date | None = None, anchor: Anchor | None = None) -> Resolved | None:
    """Start, end, granularity, whether it depends on the reference, time; None if vague or invalid.
    A range's second part is resolved from its first (12月28日至1月3日 -> 1月3日 of the next year)."""
    parts = _whole(surface)
    if parts is None:
        return None
    first = _resolve(parts[0], reference, anchor)
    if first is None or len(parts) == 1:
        return first
    second = _resolve(parts[1], reference, Anchor(first.start, first.end, first.depends), forward=True)
    if second is None or second.end < first.start:
        return first
    gran = min(first.granularity, second.granularity, key=_GRAN_ORDER.index)
    return Resolved(first.start, second.end, gran, first.depends or second.depends, first.time, first.anchored)


def parse(surface: str, reference: dt.date | None = None, reference_inferred: bool = False,
          anchor: Anchor | None = None) -> dict | None:
    """Value of one date surface; None if vague, invalid or needing a missing reference."""
    return value_of(resolve(surface, reference, anchor), reference_inferred)


def value_of(r: Resolved | None, reference_inferred: bool = False) -> dict | None:
    """The public value: ISO start and end, granularity, inferred, and time when there is one."""
    if r is None:
        return None
    value = {"start": r.start.isoformat(), "end": r.end.isoformat(), "granularity": r.granularity,
             "inferred": bool(r.depends and reference_inferred)}
    if r.time:
        value["time"] = r.time
    return value


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
    for m in _date_matches(folded):
        if not future and _FUTURE_BEFORE.search(folded[max(0, m.start() - 6) : m.start()]):
            continue
        g = m.groupdict()
        y = int(g["iy"]) if g["iy"] else (_year(g["y"]) if g["y"] else None)
        if not y or not 1900 <= y <= 2100:
            continue
        mo = int(g["im"]) if g["iy"] else _int(g["m"])
        d = int(g["id"]) if g["iy"] else _int(g["d"])
        if mo and d and valid(y, mo, d):
            days.append(dt.date(y, mo, d))
        elif mo and valid(y, mo):
            months.append(dt.date(y, mo, 1))
        elif not g["iy"]:
            years.append(dt.date(y, 7, 1))
    for found in (days, months, years):
        if found:
            return max(found)
    return None
