"""Funding and listing events (schema zhfin.event/1) from an analysed document."""
from __future__ import annotations

import functools
import hashlib
from typing import Callable

from ..entities.span import Entity
from . import scorer
from .candidates import Candidate, ClauseReader
from .context import Context, is_calendar
from .merge import merge, stage_of
from .scorer import Built, Sources

SCHEMA = "zhfin.event/1"
Mention = Callable[[Entity], dict]  # entity -> {text, start, end} on the raw text


def extract(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str) -> list[dict]:
    return [scorer.apply(ctx, built) for built in build(ctx, mention, raw_span, doc_id)]


def build(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str) -> list[Built]:
    """The events with every argument the rules found, and the entity behind each."""
    events = merge(ctx, ClauseReader(ctx).run())
    dateline = _disclosure_date(ctx)
    out = []
    for n, ev in enumerate(events):
        sources: Sources = {}
        record = (_funding if ev.type == "funding" else _listing)(ctx, ev, mention, sources)
        record["disclosed"] = _date(dateline, mention)
        vague = None if record["date"] else _vague_date(ctx, ev)
        record["date_vague"] = mention(vague) if vague is not None else None
        for field, ent in (("disclosed", dateline), ("date_vague", vague)):
            if record[field] is not None:
                sources[(field, None)] = ent
        record["evidence"] = [raw_span(s, e) for s, e in sorted(set(ev.evidence))]
        key = f"{doc_id}|{ev.type}|{record['company']['name']}|{n}"
        out.append(Built(ev, {"schema": SCHEMA,
                              "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
                              "doc_id": doc_id, "type": ev.type, **record}, sources, len(events)))
    return out


def _party(ctx: Context, ent: Entity, mention: Mention) -> dict:
    """name: the cluster's canonical name; aliases: its distinct raw surface forms."""
    cluster = ctx.cluster(ent)
    if cluster is None:
        return {"name": ent.text, "mention": mention(ent), "aliases": [mention(ent)["text"]]}
    forms = list(dict.fromkeys(mention(e)["text"] for e in ctx.clusters[cluster]))
    return {"name": ctx.cluster_names[cluster], "mention": mention(ent), "aliases": forms}


def _parties(ctx: Context, field: str, ents: list[Entity], mention: Mention, sources: Sources) -> list[dict]:
    """One party per cluster, in order of first mention."""
    out: list[dict] = []
    for ent in ents:
        party = _party(ctx, ent, mention)
        if party["name"] not in {p["name"] for p in out}:
            sources[(field, len(out))] = ent
            out.append(party)
    return out


def _source(sources: Sources, field: str, ent: Entity | None, value):
    """Remember the entity behind a field that has a value."""
    if value is not None and ent is not None:
        sources[(field, None)] = ent
    return value


def _money(ent: Entity | None, mention: Mention) -> dict | None:
    if ent is None or not ent.value:
        return None
    v = ent.value
    return {"value": v.get("value"), "value_max": v.get("value_max"), "currency": v.get("currency"),
            "qualifier": v.get("qualifier"), **mention(ent)}


def _date(ent: Entity | None, mention: Mention) -> dict | None:
    """start and end are null for a calendar date whose year nothing gives
    (8月16日 with neither a published date nor a year in the text)."""
    if ent is None or not (ent.value or is_calendar(ent.text)):
        return None
    m = mention(ent)
    v = ent.value or {"start": None, "end": None, "granularity": "month" if ent.text.endswith("月") else "day"}
    return {"start": v["start"], "end": v["end"], "granularity": v["granularity"],
            "inferred": bool(v.get("inferred")), "text": m["text"],
            "start_offset": m["start"], "end_offset": m["end"]}


def _funding(ctx: Context, ev: Candidate, mention: Mention, sources: Sources) -> dict:
    a = ev.args
    rnd = a.get("round")
    src = functools.partial(_source, sources)
    return {
        "company": src("company", ev.company, _party(ctx, ev.company, mention)),
        "round": src("round", rnd, {"name": rnd.value.get("name"), "text": mention(rnd)["text"]}
                     if rnd is not None and rnd.value else None),
        "amount": src("amount", a.get("amount"), _money(a.get("amount"), mention)),
        "investors": _parties(ctx, "investors", a.get("investors", []), mention, sources),
        "lead_investors": _parties(ctx, "lead_investors", a.get("lead_investors", []), mention, sources),
        "valuation": src("valuation", a.get("valuation"), _money(a.get("valuation"), mention)),
        "date": src("date", a.get("date"), _date(a.get("date"), mention)),
        "cumulative": bool(a.get("cumulative")),
        "rounds_count": a.get("rounds_count"),
    }


def _listing(ctx: Context, ev: Candidate, mention: Mention, sources: Sources) -> dict:
    a = ev.args
    exchange = a.get("exchange")
    ticker = a.get("ticker")
    shares = a.get("shares_offered")
    stage = stage_of(ev)
    src = functools.partial(_source, sources)
    dated: dict[str, tuple[dict | None, Entity | None]] = {}
    for step in a.get("stages", []):
        if step.stage != "planned" and dated.get(step.stage, (None,))[0] is None:
            dated[step.stage] = (_date(step.date, mention), step.date)
    milestones = [{"stage": st, "date": date} for st, (date, _) in dated.items()]
    stage_date, stage_date_ent = dated.get(stage, (None, None))
    return {
        "company": src("company", ev.company, _party(ctx, ev.company, mention)),
        "stage": stage,
        "exchange": {"name": exchange.value.get("name"), "code": exchange.value.get("code"),
                     "text": mention(exchange)["text"]} if exchange is not None and exchange.value else None,
        "board": (exchange.value or {}).get("board") if exchange is not None else None,
        "ticker": src("ticker", ticker, (ticker.value or {}).get("code", ticker.text) if ticker is not None else None),
        "ticker_text": mention(ticker)["text"] if ticker is not None else None,
        "offer_price": src("offer_price", a.get("offer_price"), _money(a.get("offer_price"), mention)),
        "shares_offered": {"value": shares.value.get("value"), "text": mention(shares)["text"]}
        if shares is not None and shares.value else None,
        "proceeds": src("proceeds", a.get("proceeds"), _money(a.get("proceeds"), mention)),
        "market_cap": src("market_cap", a.get("market_cap"), _money(a.get("market_cap"), mention)),
        "date": src("date", stage_date_ent, stage_date),
        "listing_date": src("listing_date", a.get("listing_date"), _date(a.get("listing_date"), mention)),
        "milestones": sorted(milestones, key=lambda m: (m["date"] or {}).get("start") or "9999"),
    }


def _vague_date(ctx: Context, ev: Candidate) -> Entity | None:
    """近日, 日前, 近期: when the event has no date with a value, the vague one its
    evidence gives (a span without a value, since none can be had)."""
    for start, end in ev.evidence:
        for d in ctx.within(start, end, "DATE"):
            if not d.value and not ctx.is_dateline(d):
                return d
    return None


def _disclosure_date(ctx: Context) -> Entity | None:
    """The first dateline: the date the news or the filing came out."""
    return next((d for d in ctx.entities if ctx.is_dateline(d)), None)
