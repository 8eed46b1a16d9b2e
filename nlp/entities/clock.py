"""Time of day after a date: 7月22日晚间, 6月19日上午10点, 4月27日15:00, 上午九时正.

DuEE-Fin keeps the time of day inside its date arguments, so the DATE span
takes it in; the value stays the day and gains "time": "HH:MM" when a clock
time is given (`time_of`). These are regex sources that `dates.DATE` appends
after a day; the group names are unique within that pattern.
"""
from __future__ import annotations

import re

from .numbers import parse_number

# Parts of a day, longest first so 晚间 wins over 晚. A bare 晚 must not be 晚于 (later than),
# 晚点 (delayed) or 晚报. 深夜 stays out: DuEE-Fin ends the date before it (4月21日深夜).
DAYTIME = (
    r"(?P<t_tod>晚间|晚上|早间|早上|早晨|清晨|上午|下午|中午|午间|午后|凌晨|傍晚|夜间"
    r"|晚(?![于些点期年辈会宴餐报]))"
)
_CN_NUM = r"[零〇一二两三四五六七八九十]{1,3}"
# 15:00, 10:29:09, 9时, 9点30分, 上午九时正, 10点半; 时/点 must not start 时间, 时期, 点评 ...
# An hour in Chinese numerals only after a part of the day: 3日一时兴起 is no time.
CLOCK = (
    r"(?:(?P<t_ch>[01]?\d|2[0-4])\s?[:]\s?(?P<t_cm>[0-5]\d)(?:[:][0-5]\d)?(?![\d:])"
    rf"|(?P<t_hh>[01]?\d|2[0-4]|(?(t_tod){_CN_NUM}|(?!)))\s?[时点](?![间期候代段机评赞名击位数意建要])"
    rf"(?:\s?(?P<t_mm>\d{{1,2}}|{_CN_NUM})\s?分|(?P<t_mm2>[0-5]\d)(?!\d)|(?P<t_half>半)|[整正])?)"
)
# The same without group names, for a lookahead.
_PLAIN = re.compile(r"\?P<\w+>")
_DAYTIME_PLAIN = _PLAIN.sub("?:", DAYTIME)
_CLOCK_PLAIN = _PLAIN.sub("?:", CLOCK.replace(f"(?(t_tod){_CN_NUM}|(?!))", "(?!)"))
# 2020年6月8日(星期一)上午九时正: a weekday in brackets between the day and its time.
_WEEKDAY = r"(?:[(](?:星期|周|礼拜)[一二三四五六日天][)])"
# After a day (日, 号, 今天, 周四, 2026-01-08, 昨晚): a part of the day, a clock time, or both.
_AHEAD = rf"(?=\s?(?:{_DAYTIME_PLAIN}|{_CLOCK_PLAIN}))"
TAIL = (
    rf"(?:(?<=[\d日号天一二三四五六晚晨早])(?:\s?{_WEEKDAY}{_AHEAD})?{_AHEAD}"
    rf"\s?(?:{DAYTIME})?(?:\s?{CLOCK})?)"
)

_PM = ("下午", "午后", "晚间", "晚上", "傍晚", "夜间", "晚")


def time_of(groups: dict, evening: bool = False) -> str | None:
    """"HH:MM" of a matched clock time (下午3点 -> 15:00), or None without one.
    evening: the day word already says evening (昨晚8点 -> 20:00)."""
    if groups.get("t_ch") is not None:
        hour, minute = int(groups["t_ch"]), int(groups["t_cm"])
    elif groups.get("t_hh") is not None:
        hour = _int(groups["t_hh"])
        minute = 30 if groups.get("t_half") else _int(groups.get("t_mm") or groups.get("t_mm2") or "0")
    else:
        return None
    if hour is None or minute is None:
        return None
    tod = groups.get("t_tod") or ("晚" if evening else None)
    if tod in _PM and 1 <= hour < 12:  # 下午3点, 晚8点
        hour += 12
    elif tod in _PM and hour == 12 and tod != "下午":  # 晚上12点: midnight or noon? say nothing
        return None
    elif tod in ("中午", "午间") and 1 <= hour < 6:  # 中午1点
        hour += 12
    elif tod == "凌晨" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute <= 59) or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def _int(s: str) -> int | None:
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None
