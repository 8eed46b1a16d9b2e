"""The year of a date that gives none, from the dates told just before it.

News that tells an older story names the year once and then leaves it out:

    2019年3月1日递交申请，4月2日通过聆讯。   (published 2021)  -> 4月2日 is 2019-04-02
    2019年12月28日递交申请。1月3日获受理。                   -> 1月3日 is 2020-01-03

A year-less date (4月2日, 12月, 30日, 年底, 同年11月) is resolved against the nearest date before it
(its anchor) when that date stands in the same sentence or the one before, within the same
paragraph; the candidate nearest the anchor wins, so the month may roll over into the next
year (同年/当年 keep the anchor's year). Otherwise it is resolved against the reference date, as
`dates.parse` does alone (同年11月 then has no value).

What counts as an anchor: a date whose year the text gives (2019年3月1日, 2019年), one relative to
the reference (去年4月, 上周五), and a year-less date that was itself resolved from an anchor, so a
story can go on (2019年12月28日 … 1月3日 … 2月5日). A year-less date resolved from the reference
is no anchor: chained, "nearest" would walk backwards (1月 … 后于9月 -> September of the year
before). A comparison base (与去年同期持平) is no anchor either. A bare year lends itself only
within its clause (2019年1-6月, 2020年截至10月19日): 成立于2015年，4月2日完成B轮 is this year's April. A vague word about the present
(近日, 日前: `refers` now in relative_dates.tsv) ends the story; one about the story (当天, 次日)
carries it on. A new paragraph ends it too: a quoted history sentence followed by a paragraph
about today must not lend its year to today's dates.

A bare weekday (周三) is the one nearest the reference date, unless the text named a week before it
(IPO周报｜上周… \n 周三，X获问询; 上周（11月10日—11月14日）): then it is that week's.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from . import dates
from ..segment.sentences import sentences

_PARAGRAPH = re.compile(r"\n+")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]")
_COMPARISON = re.compile(r"同期")  # 去年同期, 2019年同期: a base to compare with, not the story's time
_OPENING = re.compile(r"[\s\d.、．)）(（①-⑳•·]*")  # what may stand before a sentence's opening word: a list number
# A line that opens a list item (• X…, 2. X…; the bullets of events.context.BULLET_CHARS but ▍, a section's
# heading): 同日 there may look back at the item above
_ITEM = re.compile(r"[ \t]*(?:[●•·‧・▪■◆◇★►▶\-*]|\d{1,2}\s?[.、．)）]|[①-⑳])")


_WEEK_GLOSS = re.compile(r"\s?[（(]")  # 上周（11月10日—11月14日）: the week's days in brackets after it

# 同日, 当天, 次日, 一天之后, 前一天, 同月, 同年 (当年, 这一年): the date just told, the day after or before it, or its month or year
_SAME_DAY = {"当天": 0, "当日": 0, "同日": 0, "同一天": 0, "同一日": 0, "当晚": 0, "次日": 1, "翌日": 1, "第二天": 1,
             "隔天": 1, "隔日": 1, "一天后": 1, "一天之后": 1, "两天后": 2, "两天之后": 2, "前一天": -1, "前一日": -1}
_SAME_YEAR = ("同年", "当年", "这一年", "那一年")  # 融资浪潮可以追溯到2016年。在这一年，A、B获得首轮融资


def _told_again(surface: str, told: dates.Resolved) -> dates.Resolved | None:
    start, end = told.start, told.end
    if surface in _SAME_DAY and start == end:
        day = start + dt.timedelta(days=_SAME_DAY[surface])
        return dates.Resolved(day, day, "day", told.depends)
    # 10月30日…同月: the month (or year) of a day or a month told
    if surface in ("同月", "当月") and (start.year, start.month) == (end.year, end.month):
        first = start.replace(day=1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        return dates.Resolved(first, last, "month", told.depends)
    if surface in _SAME_YEAR and start.year == end.year:
        return dates.Resolved(dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year", told.depends)
    return None


# 3月份，X曾发行…, 3月，公司已完成…: the clause right after a year-less date tells a deed done
_TOLD_AS_PAST = re.compile(r"[^。；;！？!?\n]{0,16}?(?:曾经?|此前|当时|已经?(?:于|在)?(?:完成|发行|获得?|拿到|上市|挂牌))")
_FUTURE_SLACK = 31  # days: a deed told done a few days after the page's date is a time zone's or a late page's


# 周一（11日）: the day of the month in brackets after a bare weekday says which week's it is
_DAY_GLOSS = re.compile(r"\s?[（(](?P<day>\d{1,2})日[)）]")
# 苏州2026年3月9日 /美通社/ -- X今日宣布, 新华社北京3月9日电, 财联社9月5日讯: a wire's dateline; the 今日 / 昨日 of its
# sentence are that day's, not the page's (a release goes up on the site the day after it went out)
_WIRE_AFTER = re.compile(r"\s?(?:/[^/\n]{2,20}/|电(?![子力池网视商气器])|讯(?![息号]))")


def _glossed_week(r: dates.Resolved, day: int) -> dates.Resolved:
    """The weekday a week before or after the nearest one, when that one's day is the gloss's."""
    for weeks in (0, -1, 1):
        shift = dt.timedelta(days=7 * weeks)
        if (r.start + shift).day == day:
            return r._replace(start=r.start + shift, end=r.end + shift)
    return r


def _year_before(r: dates.Resolved) -> dates.Resolved:
    try:
        return r._replace(start=r.start.replace(year=r.start.year - 1), end=r.end.replace(year=r.end.year - 1))
    except ValueError:  # (2月29日)
        return r


def values(text: str, spans: list[tuple[int, int]], reference: dt.date | None,
           reference_inferred: bool) -> list[dict | None]:
    """Values of the DATE spans of a text (in text order), year-less ones from their anchors."""
    sent_starts = [s for s, _ in sentences(text)]
    para_starts = [m.end() for m in _PARAGRAPH.finditer(text)]
    items = {k for k, p in enumerate([0, *para_starts]) if _ITEM.match(text, p)}  # the paragraphs that are list items
    anchor: dates.Anchor | None = None
    where = (-1, -1)  # (paragraph, sentence) of the anchor, or of the last story word after it
    anchor_end, year_only = 0, False
    told: tuple[dates.Resolved, tuple[int, int]] | None = None  # the last date told and where, for 同月 / 同年
    last_day: tuple[dates.Resolved, tuple[int, int]] | None = None  # the last day told and where, for 同日 / 次日
    told_day: tuple[dates.Resolved, int] | None = None  # a paragraph's first day and the paragraph, for 同日
    week: dt.date | None = None  # the Monday of the last week the text named (上周, 本周), for a bare 周三
    week_end = 0  # where that week word ends
    wire: tuple[dt.date, int] | None = None  # a wire dateline's day and its sentence
    out = []
    for start, end in spans:
        surface = text[start:end]
        kind = dates.kind(surface)
        here = (bisect.bisect_right(para_starts, start), bisect.bisect_right(sent_starts, start))
        near = anchor is not None and here[0] == where[0] and here[1] - where[1] <= 1 \
            and not (year_only and _CLAUSE_BREAK.search(text, anchor_end, start))
        if week is not None and dates.bare_weekday(surface):
            # the Thursday of the week told (上周 …\n周三，X获问询): its nearest 周三 is that week's
            r = dates.resolve(surface, week + dt.timedelta(days=3))
        elif kind == "relative" and wire is not None and wire[1] == here[1]:
            r = dates.resolve(surface, wire[0])
        else:
            r = dates.resolve(surface, reference, anchor if kind == "yearless" and near else None)
        if r is not None and r.start == r.end and kind != "relative" and _WIRE_AFTER.match(text, end):
            wire = (r.start, here[1])
        if r is not None and dates.bare_weekday(surface) and (gloss := _DAY_GLOSS.match(text, end)):
            r = _glossed_week(r, int(gloss.group("day")))
        if r is not None and kind == "yearless" and not r.anchored and reference is not None and (r.start - reference).days > _FUTURE_SLACK \
                and _TOLD_AS_PAST.match(text, end):
            r = _year_before(r)  # 3月份，X曾发行一期8亿元公司债 (published in November): the March before, not the next
        if r is not None and dates.week_named(surface):
            week, week_end = r.start, end
        elif r is not None and week_end and _WEEK_GLOSS.fullmatch(text, week_end, start) \
                and r.start.isocalendar()[:2] == r.end.isocalendar()[:2]:
            week = r.start - dt.timedelta(days=r.start.weekday())  # 上周（11月10日—11月14日）: the days say which
        # • A12月16日通过聆讯；\n• B同日刊发…: an item goes on from the item just above it
        # (…12月2日完成2025年度第三期超短融发行… \n2. B同日发行…: 同日 is the last day told, not a year told after it)
        last = last_day if surface in _SAME_DAY else told
        if kind == "story" and last is not None and here[1] - last[1][1] <= 1 and (
                here[0] == last[1][0] or (here[0] == last[1][0] + 1 and {here[0], last[1][0]} <= items)):
            r = _told_again(surface, last[0])
        if r is None and surface in _SAME_DAY and told_day is not None and \
                _OPENING.fullmatch(text, sent_starts[here[1] - 1] if here[1] else 0, start):
            # 9月9日，A获受理。A于8月8日申报。\n\n同日，B办理辅导备案: an opening 同日 further on is the first day
            # of the last paragraph that told one (its story's day; later ones are background)
            r = _told_again(surface, told_day[0])
        out.append(dates.value_of(r, reference_inferred))
        if r is not None and kind != "now":
            told = (r, here)
            if r.start == r.end:
                last_day = told
        elif kind == "now":
            told = last_day = None
        if r is not None and r.start == r.end:
            if told_day is None or told_day[1] != here[0]:
                told_day = (r, here[0])
        elif kind == "now":
            told_day = None
        if kind == "now":
            anchor = None
        elif kind == "story" and near:
            where = here
        elif r is not None and (kind != "yearless" or r.anchored) and not _COMPARISON.match(text, end):
            anchor, where = dates.Anchor(r.start, r.end, r.depends), here
            anchor_end, year_only = end, r.granularity == "year"
    return out
