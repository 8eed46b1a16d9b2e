"""Funding and listing events (schema zhfin.event/2) from an analysed document.

    clauses (each analysed once: usable triggers, names by role)
       -> proposers (rules …): (clause, type, role, span, score)
       -> assembler: per clause and type, the companies and their arguments
       -> merge across the document -> records -> argument scorer (confidence)
"""
from __future__ import annotations

import dataclasses
import hashlib
from typing import Callable

from ..entities.span import any_start_within
from . import assemble, clauses, date_linker, linker, proposers, scorer, triggers, types, when
from .candidate import Candidate
from .context import Context
from .merge import merge
from .record import Mention
from .record import date as _date
from .scorer import Built, Sources

SCHEMA = "zhfin.event/2"


def extract(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str,
            views: list[clauses.ClauseView] | None = None) -> list[dict]:
    return [scorer.apply(ctx, built) for built in build(ctx, mention, raw_span, doc_id, views)]


def may_hold_event(text: str) -> bool:
    """Cheap test before any analysis: could this text hold an event at all? A word that tells one occurs; or a
    word that only adds to one told nearby (估值, 投资者, 市值) occurs where its type says such a word may tell an
    event alone; or a stage heading (【受理】) or a table's result column (审议结果) whose lines are triggers of
    their own."""
    told, attached = triggers.words_present(text)
    return told or any(types.get(event).may_tell_alone(text) for event in attached) \
        or bool(triggers.heading_triggers(text)) or bool(triggers.column_triggers(text))


def analyse_clauses(ctx: Context, weak_only: bool = False) -> list[clauses.ClauseView]:
    """Every clause with the entities in it, in order (a weak name one clause confirms
    counts as a name in the clauses after it). weak_only: only the clauses that hold a
    weak name, all a text without triggers needs (which weak names have a role)."""
    confirmed: set[str] = set()
    if weak_only:
        weak = sorted(e.start for e in ctx.entities if e.weak)
        return [clauses.analyse(ctx, clause, confirmed) for clause in ctx.clauses
                if any_start_within(weak, clause.start, clause.end)]
    views = [item for clause in ctx.clauses for part in clauses.by_subject(ctx, clauses.analyse(ctx, clause, confirmed))
             for item in clauses.by_round_list(ctx, part)]
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
          views: list[clauses.ClauseView] | None = None, link_dates: bool = True) -> list[Built]:
    """The events with every argument the proposers found, and the entity behind each. link_dates: date the
    events the rules left undated by the date linker (off to train it)."""
    views = analyse_clauses(ctx) if views is None else views
    events = candidates(ctx, views)
    linker.load().link(ctx, events)  # investors told in sentences of their own
    datelines = when.datelines(ctx)
    dateline = datelines[0] if datelines else None
    round_up = len({ctx.cluster(ev.company) for ev in events}) >= when.ROUND_UP_SIZE
    period, counted = when.round_up_period(ctx) if round_up else (None, ())
    told = {i for ev in events for i in ev.sentences}
    out = []
    for n, ev in enumerate(events):
        sources: Sources = {}
        record = types.get(ev.type).record(ctx, ev, mention, sources)
        record["disclosed"] = _date(dateline, mention)
        # 6月22日晚间，星河电池发布公告披露定增结果: a step told in a dateline's sentence was announced that day;
        # in a digest each item has its own (9月7日，Y宣布完成…), not only the article's first
        own_day = None if record["date"] else when.own_dateline(ctx, ev, datelines)
        told_that_day = own_day is not None
        if told_that_day:
            record["date"] = _date(own_day, mention)
        elif not record["date"] and period is not None and ev.type in counted:  # a round-up item's date
            record["date"] = _date(period, mention)
            sources[("date", None)] = period
        elif not record["date"] and (intro := when.list_intro_date(ctx, ev) or when.scene_date(ctx, ev, told)) is not None:
            record["date"] = _date(intro, mention)
            sources[("date", None)] = intro
        elif not record["date"] and dateline is not None and record.get("instrument") in ("placement", "debt"):
            # 9月17日晚间接连披露两份公告。第一份是定增的发行情况报告书: new shares or a bond are told by the notice,
            # whose day dates them (a round's own day is seldom its notice's)
            record["date"] = _date(dateline, mention)
            sources[("date", None)] = dateline
        if record["date"] is not None and record["date"]["start_date"] is None:
            # 8月16日 in an undated article: with no year there is no date to report, only the text's
            # word for when, as 近日 is
            record["date"] = None
            vague = sources.pop(("date", None), None) or (own_day if told_that_day else None)
            told_that_day = False
        else:
            vague = None if record["date"] else when.vague_date(ctx, ev)
        record["date_vague"] = mention(vague) if vague is not None else None
        for field, ent in (("disclosed", dateline), ("date_vague", vague), ("date", own_day)):
            if record[field] is not None and (field != "date" or told_that_day):
                sources[(field, None)] = ent
        record["evidence"] = [raw_span(s, e) for s, e in sorted(set(ev.evidence))]
        key = f"{doc_id}|{ev.type}|{record['company']['name']}|{n}"
        out.append(Built(ev, {"schema": SCHEMA,
                              "event_id": hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
                              "doc_id": doc_id, "type": ev.type, **record}, sources, len(events)))
    if link_dates:
        _link_dates(ctx, events, out, mention)
    return out


def undated(built: list[Built]) -> dict[int, bool]:
    """The events no rule dated, each with whether a vague word (近日) tells its time."""
    return {n: b.record["date_vague"] is not None for n, b in enumerate(built) if b.record["date"] is None}


def _link_dates(ctx: Context, events: list[Candidate], built: list[Built], mention: Mention) -> None:
    """…完成B轮融资。据悉，该轮融资已于11月14日完成交割: a date told outside the event's clauses, chosen by the learned
    date linker for the events the rules left undated."""
    for n, date in date_linker.load().link(ctx, events, undated(built)).items():
        record, sources = built[n].record, built[n].sources
        record["date"], record["date_vague"] = _date(date, mention), None
        sources.pop(("date_vague", None), None)
        sources[("date", None)] = date
