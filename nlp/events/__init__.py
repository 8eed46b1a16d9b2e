"""Funding and listing events (schema zhfin.event/2) from an analysed document.

    clauses (each analysed once: usable triggers, names by role)
       -> proposers (rules …): (clause, type, role, span, score)
       -> assembler: per clause and type, the companies and their arguments
       -> merge across the document -> records -> argument scorer (confidence)
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import Callable

from ..entities.span import Entity, any_start_within
from . import assemble, clauses, proposers, scorer, types
from .candidate import Candidate
from .context import BULLET_CHARS, Context, line_above
from .merge import merge
from .record import Mention
from .record import date as _date
from .scorer import Built, Sources

SCHEMA = "zhfin.event/2"


def extract(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str,
            views: list[clauses.ClauseView] | None = None) -> list[dict]:
    return [scorer.apply(ctx, built) for built in build(ctx, mention, raw_span, doc_id, views)]


def analyse_clauses(ctx: Context, weak_only: bool = False) -> list[clauses.ClauseView]:
    """Every clause with the entities in it, in order (a weak name one clause confirms
    counts as a name in the clauses after it). weak_only: only the clauses that hold a
    weak name, all a text without triggers needs (which weak names have a role)."""
    confirmed: set[str] = set()
    if weak_only:
        weak = sorted(e.start for e in ctx.entities if e.weak)
        return [clauses.analyse(ctx, clause, confirmed) for clause in ctx.clauses
                if any_start_within(weak, clause.start, clause.end)]
    views = [part for clause in ctx.clauses for part in clauses.by_subject(ctx, clauses.analyse(ctx, clause, confirmed))]
    for index, view in enumerate(views):  # a proposal names its view by index
        view.clause = dataclasses.replace(view.clause, index=index)
    return views


def confirmed_names(views: list[clauses.ClauseView]) -> set[str]:
    """Weak names (…科技) that play a role somewhere in the document."""
    return {e.text for v in views for group in (v.others, v.investors, v.leads, v.sources) for e in group
            if e.weak}


def candidates(ctx: Context, views: list[clauses.ClauseView]) -> list[Candidate]:
    return merge(ctx, assemble.assemble(ctx, views, proposers.propose(ctx, views)))


def build(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str,
          views: list[clauses.ClauseView] | None = None) -> list[Built]:
    """The events with every argument the proposers found, and the entity behind each."""
    views = analyse_clauses(ctx) if views is None else views
    events = candidates(ctx, views)
    dateline = _disclosure_date(ctx)
    period, counted = _round_up_period(ctx) if len({ctx.cluster(ev.company) for ev in events}) >= _ROUND_UP_SIZE \
        else (None, ())
    out = []
    for n, ev in enumerate(events):
        sources: Sources = {}
        record = types.get(ev.type).record(ctx, ev, mention, sources)
        record["disclosed"] = _date(dateline, mention)
        # 6月22日晚间，星河电池发布公告披露定增结果: a step told in a dateline's sentence was announced that day;
        # in a digest each item has its own (9月7日，Y宣布完成…), not only the article's first
        own_day = None if record["date"] else _own_dateline(ctx, ev)
        told_that_day = own_day is not None
        if told_that_day:
            record["date"] = _date(own_day, mention)
        elif not record["date"] and period is not None and ev.type in counted:  # a round-up item's date
            record["date"] = _date(period, mention)
            sources[("date", None)] = period
        elif not record["date"] and (intro := _list_intro_date(ctx, ev)) is not None:
            record["date"] = _date(intro, mention)
            sources[("date", None)] = intro
        if record["date"] is not None and record["date"]["start_date"] is None:
            # 8月16日 in an undated article: with no year there is no date to report, only the text's
            # word for when, as 近日 is
            record["date"] = None
            vague = sources.pop(("date", None), None) or (own_day if told_that_day else None)
            told_that_day = False
        else:
            vague = None if record["date"] else _vague_date(ctx, ev)
        record["date_vague"] = mention(vague) if vague is not None else None
        for field, ent in (("disclosed", dateline), ("date_vague", vague), ("date", own_day)):
            if record[field] is not None and (field != "date" or told_that_day):
                sources[(field, None)] = ent
        record["evidence"] = [raw_span(s, e) for s, e in sorted(set(ev.evidence))]
        key = f"{doc_id}|{ev.type}|{record['company']['name']}|{n}"
        out.append(Built(ev, {"schema": SCHEMA,
                              "event_id": hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                              "doc_id": doc_id, "type": ev.type, **record}, sources, len(events)))
    return out


# A round-up: several companies, and a period its opening counts them in (今年香港共有120间企业新上市, 最近一周
# (10月6日-10月12日)，有2家公司上市): each item that tells no date of its own happened in that period.
_ROUND_UP_SIZE = 3
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s?(?:家|间|只|宗|起)[^,，。；;]{0,6}?(?:公司|企业|新股|IPO|项目|融资|上市)")
_FINER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 4, "year": 5}


def _round_up_period(ctx: Context) -> tuple[Entity | None, set[str]]:
    """The finest resolved date in the first three sentences that count companies (the dateline not counted),
    and the event types those sentences tell (a past round below a count of listings keeps no date)."""
    counting = [i for i, (s, e) in enumerate(ctx.sentences[:3]) if _COUNTED.search(ctx.text, s, e)]
    found = [d for i in counting for d in ctx.within(*ctx.sentences[i], "DATE") if d.value and not ctx.is_dateline(d)]
    types_told = {t.event for c in ctx.clauses if c.sentence in counting for t in c.triggers}
    return min(found, key=lambda d: _FINER.get(d.value.get("granularity"), 9), default=None), types_told


# 周一（8月11日）\n· 禾岳智控…, 审议会议于5月22日召开，…如下：\n一、审议结果\n（一）X：审议通过,
# IPO日报｜6月19日\n【注册】X…: a list item's event happened on the day (or in the month) of the line that
# introduces the list
_LIST_ITEM = re.compile(rf"\s*(?:[{BULLET_CHARS}]|\d{{1,2}}\s?[.、．)）]|[(（][一二三四五六七八九十\d]{{1,3}}[)）]|[①-⑳]"
                        r"|[一二三四五六七八九十]{1,3}、|【[^】\n]{1,8}】)")
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


def _list_intro_date(ctx: Context, ev: Candidate) -> Entity | None:
    """Only for an item whose own line tells no date; a byline's date (the day the article came out) or a
    month split in weeks (7月第2周) introduces nothing."""
    start = min(s for s, _ in ev.evidence)
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", start) % (len(ctx.text) + 1)
    marker = _is_item(ctx.text, line_start)
    if not marker or any(d.value for d in ctx.within(line_start, line_end, "DATE")):
        return None  # (当日 there has no value of its own: it is the list's day)
    while line_start > 0:
        line_start, line_end = line_above(ctx.text, line_start)
        if line_end <= line_start:
            return None
        if above := _is_item(ctx.text, line_start):
            if above == marker and any(d.value and _day_or_month(d.value)
                                       for d in ctx.within(line_start, line_end, "DATE")):
                return None  # items dated one by one: an undated one is not the list's day
            continue
        told = [d for d in ctx.within(line_start, line_end, "DATE") if d.value]
        if told:
            return next((d for d in told if _introduces(ctx, d, line_start, line_end)), None)
        if len(ctx.text[line_start:line_end].strip()) > _HEADING and not _BYLINE.search(ctx.text, line_start, line_end):
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
    return (value["granularity"] == "day" and value["start"] == value["end"]) or value["granularity"] == "month"


def _vague_date(ctx: Context, ev: Candidate) -> Entity | None:
    """近日, 日前, 近期: when the event has no date with a value, the vague one its
    evidence gives (a span without a value, since none can be had)."""
    for start, end in ev.evidence:
        for d in ctx.within(start, end, "DATE"):
            if not d.value and not ctx.is_dateline(d):
                return d
    return None


def _own_dateline(ctx: Context, ev: Candidate) -> Entity | None:
    """The first dateline in one of the event's sentences."""
    return next((d for d in ctx.entities if ctx.is_dateline(d) and ctx.sentence_index(d.start) in ev.sentences),
                None)


def _disclosure_date(ctx: Context) -> Entity | None:
    """The first dateline: the date the news or the filing came out."""
    return next((d for d in ctx.entities if ctx.is_dateline(d)), None)
