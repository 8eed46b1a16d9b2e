"""Funding and listing events (schema zhfin.event/1) from an analysed document."""
from __future__ import annotations

import hashlib
from typing import Callable

from ..entities.span import Entity
from .candidates import Candidate, ClauseReader
from .confidence import confidence
from .context import Context, is_calendar
from .merge import merge, stage_of

SCHEMA = "zhfin.event/1"
Mention = Callable[[Entity], dict]  # entity -> {text, start, end} on the raw text


def extract(ctx: Context, mention: Mention, raw_span: Callable[[int, int], dict], doc_id: str) -> list[dict]:
    events = merge(ctx, ClauseReader(ctx).run())
    disclosed = _date(_disclosure_date(ctx), mention) if events else None
    out = []
    for n, ev in enumerate(events):
        record = (_funding if ev.type == "funding" else _listing)(ctx, ev, mention)
        record["disclosed"] = disclosed
        record["date_vague"] = None if record["date"] else _vague_date(ctx, ev, mention)
        record["evidence"] = [raw_span(s, e) for s, e in sorted(set(ev.evidence))]
        record["confidence"] = confidence(record | {"type": ev.type})
        key = f"{doc_id}|{ev.type}|{record['company']['name']}|{n}"
        out.append({"schema": SCHEMA,
                    "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
                    "doc_id": doc_id, "type": ev.type, **record})
    return out


def _party(ctx: Context, ent: Entity, mention: Mention) -> dict:
    """name: the cluster's canonical name; aliases: its distinct raw surface forms."""
    cluster = ctx.cluster(ent)
    if cluster is None:
        return {"name": ent.text, "mention": mention(ent), "aliases": [mention(ent)["text"]]}
    forms = list(dict.fromkeys(mention(e)["text"] for e in ctx.clusters[cluster]))
    return {"name": ctx.cluster_names[cluster], "mention": mention(ent), "aliases": forms}


def _parties(ctx: Context, ents: list[Entity], mention: Mention) -> list[dict]:
    seen, out = set(), []
    for ent in ents:
        party = _party(ctx, ent, mention)
        if party["name"] not in seen:
            seen.add(party["name"])
            out.append(party)
    return out


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


def _funding(ctx: Context, ev: Candidate, mention: Mention) -> dict:
    a = ev.args
    rnd = a.get("round")
    return {
        "company": _party(ctx, ev.company, mention),
        "round": {"name": rnd.value.get("name"), "text": mention(rnd)["text"]} if rnd is not None and rnd.value else None,
        "amount": _money(a.get("amount"), mention),
        "investors": _parties(ctx, a.get("investors", []), mention),
        "lead_investors": _parties(ctx, a.get("lead_investors", []), mention),
        "valuation": _money(a.get("valuation"), mention),
        "date": _date(a.get("date"), mention),
        "cumulative": bool(a.get("cumulative")),
        "rounds_count": a.get("rounds_count"),
    }


def _listing(ctx: Context, ev: Candidate, mention: Mention) -> dict:
    a = ev.args
    exchange = a.get("exchange")
    ticker = a.get("ticker")
    shares = a.get("shares_offered")
    stage = stage_of(ev)
    dated: dict[str, dict | None] = {}
    for st, date, _ in a.get("stages", []):
        if st != "planned" and dated.get(st) is None:
            dated[st] = _date(date, mention)
    milestones = [{"stage": st, "date": date} for st, date in dated.items()]
    stage_date = next((m["date"] for m in milestones if m["stage"] == stage), None)
    return {
        "company": _party(ctx, ev.company, mention),
        "stage": stage,
        "exchange": {"name": exchange.value.get("name"), "code": exchange.value.get("code"),
                     "text": mention(exchange)["text"]} if exchange is not None and exchange.value else None,
        "board": (exchange.value or {}).get("board") if exchange is not None else None,
        "ticker": (ticker.value or {}).get("code", ticker.text) if ticker is not None else None,
        "ticker_text": mention(ticker)["text"] if ticker is not None else None,
        "offer_price": _money(a.get("offer_price"), mention),
        "shares_offered": {"value": shares.value.get("value"), "text": mention(shares)["text"]}
        if shares is not None and shares.value else None,
        "proceeds": _money(a.get("proceeds"), mention),
        "market_cap": _money(a.get("market_cap"), mention),
        "date": stage_date,
        "listing_date": _date(a.get("listing_date"), mention),
        "milestones": sorted(milestones, key=lambda m: (m["date"] or {}).get("start") or "9999"),
    }


def _vague_date(ctx: Context, ev: Candidate, mention: Mention) -> dict | None:
    """近日, 日前, 近期: when the event has no date with a value, the vague one its
    evidence gives (a span without a value, since none can be had)."""
    for start, end in ev.evidence:
        for d in ctx.within(start, end, "DATE"):
            if not d.value and not ctx.is_dateline(d):
                return mention(d)
    return None


def _disclosure_date(ctx: Context) -> Entity | None:
    """The first dateline: the date the news or the filing came out."""
    return next((d for d in ctx.entities if ctx.is_dateline(d)), None)
