"""When an event happened, where its own clauses tell no date: the dateline of its sentence, the period a
round-up counts its items in, the day or month a list's introduction tells, the day the sentence before it sets
its scene on, or the text's vague word (近日)."""
from __future__ import annotations

import re

from ..entities.span import Entity
from .candidate import Candidate
from .context import BREADCRUMB, BULLET_CHARS, ITEM_HEADER, Context, line_above


# A round-up: several companies, and a period its opening counts them in (今年香港共有120间企业新上市, 昨日
# (11月13日)共有5家企业的IPO审核状态发生变化): each item that tells no date of its own happened in that period
# (a run of days, 上周, dates no item: its own day is one of them).
ROUND_UP_SIZE = 3
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s?(?:家|间|只|宗|起)[^,，。；;]{0,6}?(?:公司|企业|新股|IPO|项目|融资|上市)")
_FINER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}


def round_up_period(ctx: Context) -> tuple[Entity | None, set[str]]:
    """The finest resolved date in the first three sentences that count companies (the dateline not counted;
    breadcrumbs and bylines are not sentences of the opening),
    and the event types those sentences tell (a past round below a count of listings keeps no date)."""
    opening = [i for i, (s, e) in enumerate(ctx.sentences) if not _furniture(ctx.text, s, e)][:3]
    counting = [i for i in opening if _COUNTED.search(ctx.text, *ctx.sentences[i])]
    found = [d for i in counting for d in ctx.within(*ctx.sentences[i], "DATE")
             if d.value and not ctx.is_dateline(d) and not _some_days(d.value)]
    types_told = {t.event for c in ctx.clauses if c.sentence in counting for t in c.triggers}
    return min(found, key=lambda d: _FINER.get(d.value.get("granularity"), 9), default=None), types_told


def _some_days(value: dict) -> bool:
    """上周, 11月3日—7日: days, of which an item's own is not told."""
    return value["granularity"] == "day" and value.get("end") not in (None, value.get("start"))


def _furniture(text: str, start: int, end: int) -> bool:
    """A breadcrumb or a byline line (来源：e公司　作者：X　2025-11-14 08:05): not the opening of the story."""
    if "。" in text[start:end]:
        return False
    crumb = BREADCRUMB.match(text, start)
    return (crumb is not None and not text[crumb.end():end].strip()) or bool(_BYLINE.search(text, start, end))


# 周一（8月11日）\n· 禾岳智控…, 审议会议于5月22日召开，…如下：\n一、审议结果\n（一）X：审议通过,
# IPO日报｜6月19日\n【注册】X…: a list item's event happened on the day (or in the month) of the line that
# introduces the list
_LIST_ITEM = re.compile(rf"\s*(?:[{BULLET_CHARS}]|\d{{1,2}}\s?[.、．)）]|[(（][一二三四五六七八九十\d]{{1,3}}[)）]|[①-⑳]"
                        r"|[一二三四五六七八九十]{1,3}、|【[^】\n]{1,8}】)")
_ITEM_LINES = 4  # the most lines an item may tell under its header
_HEADING = 12  # a line this short without a date is a heading between the intro and its items
_BRACKET_ITEM = re.compile(r"\s*【[^】\n]{1,8}】")


def _is_item(text: str, line_start: int) -> str:
    """The kind of list marker a line opens on (1. and 2. are one kind), or "": one opened by 【注册】 only in
    a run of such lines (【公告速递】 alone heads an article)."""
    m = _LIST_ITEM.match(text, line_start)
    if m is None:
        return ""
    if not _BRACKET_ITEM.fullmatch(m.group()):
        return re.sub(r"\d+|[一二三四五六七八九十]+|[①-⑳]", "N", m.group().strip())
    above = line_above(text, line_start)
    below_start = text.find("\n", line_start) + 1
    in_run = (above[1] > above[0] and bool(_BRACKET_ITEM.match(text, *above))) \
        or (below_start > 0 and bool(_BRACKET_ITEM.match(text, below_start)))
    return "【】" if in_run else ""


def list_intro_date(ctx: Context, ev: Candidate) -> Entity | None:
    """Only for an item whose own line tells no date; a byline's date (the day the article came out) or a
    month split in weeks (7月第2周) introduces nothing."""
    start = min(s for s, _ in ev.evidence)
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", start)
    line_end = len(ctx.text) if line_end < 0 else line_end
    marker = _is_item(ctx.text, line_start)
    # ✔ 澄川科技（创业板） / 审议结果：同意其发行上市 / 拟募资6.9亿元: an item told over lines under its header
    lines_of_item = 0  # how many lines of an item above may lie between it and the next
    if not marker:
        above_start, above_end = line_above(ctx.text, line_start)
        if above_end > above_start and ITEM_HEADER.match(ctx.text, above_start, above_end) \
                and any(ctx.same_party(e, ev.company) for e in ctx.within(above_start, above_end, "COMPANY")):
            line_start, marker, lines_of_item = above_start, _is_item(ctx.text, above_start), _ITEM_LINES
            # ▍铧溪半导体（9月17日） over the item's lines: the header's own date is the item's
            told = [d for d in ctx.within(above_start, above_end, "DATE") if d.value and _day_or_month(d.value)]
            if told:
                return told[0]
    pending = 0  # undated lines since the item below: another item's own lines if its header comes above them
    # (当日 there has no value of its own: it is the list's day; a year names a bond, 2025年度第三期中期票据)
    if not marker or any(d.value and _day_or_month(d.value) for d in ctx.within(line_start, line_end, "DATE")):
        return None
    items_above = []  # whether each item of the list above tells a day or month of its own
    while line_start > 0:
        line_start, line_end = line_above(ctx.text, line_start)
        if line_end <= line_start:
            return None
        if above := _is_item(ctx.text, line_start):
            pending = 0
            if above == marker:
                items_above.append(any(d.value and _day_or_month(d.value) for d in ctx.within(line_start, line_end, "DATE")))
            continue
        told = [d for d in ctx.within(line_start, line_end, "DATE") if d.value]
        if told:
            if pending:
                return None
            # items dated one by one: an undated one is not the list's day (one item above that names a later
            # day, 【上会安排】…定于6月26日审议, does not make the list one of dated items)
            if items_above and all(items_above):
                return None
            return next((d for d in told if _introduces(ctx, d, line_start, line_end)), None)
        if len(ctx.text[line_start:line_end].strip()) > _HEADING and not _BYLINE.search(ctx.text, line_start, line_end):
            if pending < lines_of_item:
                pending += 1
                continue
            return None  # a paragraph that tells no date ends the search; a byline (来源：X　整理：Y) does not
    return None


# 新股前沿　2025-11-08, 来源：上证观察　2025-02-26 09:12: a dated line of who wrote it or where it came from
_BYLINE = re.compile(r"来源|來源|作者|记者|記者|撰文|编辑|編輯|出品")
_YEAR = re.compile(r"\d{4}")


def _introduces(ctx: Context, date: Entity, line_start: int, line_end: int) -> bool:
    rest = ctx.text[line_start:date.start] + ctx.text[date.end:line_end]
    byline = _YEAR.search(date.text) and (len(rest.strip()) <= _HEADING or _BYLINE.search(rest))
    return _day_or_month(date.value) and not ctx.text.startswith("第", date.end) and not byline


def _day_or_month(value: dict) -> bool:
    return _day(value) or value["granularity"] == "month"


# what may open a sentence before its date: a list number, a bullet, a 【…】 tag
_BEFORE_SCENE_DATE = re.compile(rf"[\s\d.、．)）(（①-⑳{BULLET_CHARS}]*(?:【[^】\n]{{1,8}}】)?\s*")


def scene_date(ctx: Context, ev: Candidate, told: set[int]) -> Entity | None:
    """【上会】6月10日，深交所上市委召开审议会议。X的首发申请获得通过: the day that opens the sentence just before
    the event's first, in its paragraph, when that sentence tells no event of its own (it sets the scene).
    told: the sentences of every event of the text. (The rule proposer's _paragraph_date takes such a day for a
    clause, after a plain opening only; after a tag or a bullet it would date events of their own too.)"""
    first = min(ev.sentences)
    if first == 0 or first - 1 in told:
        return None
    start, end = ctx.sentences[first - 1]
    if "\n" in ctx.text[start:ctx.sentences[first][0]].strip():
        return None
    return next((d for d in ctx.within(start, end, "DATE") if d.value and _day(d.value)
                 and _BEFORE_SCENE_DATE.fullmatch(ctx.text, start, d.start) and ctx.text.startswith(("，", ","), d.end)), None)


def _day(value: dict) -> bool:
    return value["granularity"] == "day" and value["start"] == value["end"]


def vague_date(ctx: Context, ev: Candidate) -> Entity | None:
    """近日, 日前, 近期: when the event has no date with a value, the vague one its
    evidence gives (a span without a value, since none can be had)."""
    for start, end in ev.evidence:
        for d in ctx.within(start, end, "DATE"):
            if not d.value and not ctx.is_dateline(d):
                return d
    return None


def datelines(ctx: Context) -> list[Entity]:
    """The dates that say when the news or the filing came out (6月3日消息, 8月25日，X宣布), in text order; the
    first is the article's (DuEE-Fin's 披露时间)."""
    return [d for d in ctx.entities if ctx.is_dateline(d)]


def own_dateline(ctx: Context, ev: Candidate, told: list[Entity]) -> Entity | None:
    """The last of the datelines `told` in the first of the event's sentences that has one: the filing's day, not
    the wire's (财联社9月5日讯，X9月4日晚间公告称)."""
    mine = [d for d in told if ctx.sentence_index(d.start) in ev.sentences]
    if not mine:
        return None
    first = ctx.sentence_index(mine[0].start)
    last = [d for d in mine if ctx.sentence_index(d.start) == first][-1]
    return last if last.value != mine[0].value else mine[0]  # (the same day twice: the first names it)


def finer_within(new, old) -> bool:
    """Is date `new` a shorter stretch of time inside `old` (2024年3月 in 去年)?"""
    a, b = (old.value or {}) if old is not None else {}, (new.value or {}) if new is not None else {}
    if not (a.get("start") and a.get("end") and b.get("start") and b.get("end")):
        return False
    return a["start"] <= b["start"] and b["end"] <= a["end"] and (b["start"], b["end"]) != (a["start"], a["end"])
