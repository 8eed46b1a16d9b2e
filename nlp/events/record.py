"""The pieces of an event record that every event type shares: parties, money,
dates, and the bookkeeping of which entity is behind which field (for the
argument scorer)."""
from __future__ import annotations

from typing import Callable

from ..entities.span import Entity
from .context import Context, is_calendar

Mention = Callable[[Entity], dict]  # entity -> {text, start, end} on the raw text
Sources = dict[tuple[str, "int | None"], Entity]  # (field, index in a list field) -> its entity


def party(ctx: Context, ent: Entity, mention: Mention) -> dict:
    """name: the cluster's canonical name; aliases: its distinct raw surface forms."""
    cluster = ctx.cluster(ent)
    if cluster is None:
        return {"name": ent.text, "mention": mention(ent), "aliases": [mention(ent)["text"]]}
    forms = ctx.cluster_forms.get(cluster)
    if forms is None:  # once per cluster: a name said a thousand times is no thousand-fold cost
        forms = ctx.cluster_forms[cluster] = list(dict.fromkeys(mention(e)["text"] for e in ctx.clusters[cluster]))
    return {"name": ctx.cluster_names[cluster], "mention": mention(ent), "aliases": list(forms)}


def parties(ctx: Context, field: str, ents: list[Entity], mention: Mention, sources: Sources) -> list[dict]:
    """One party per cluster, in order of first mention."""
    out: list[dict] = []
    for ent in ents:
        p = party(ctx, ent, mention)
        if p["name"] not in {q["name"] for q in out}:
            sources[(field, len(out))] = ent
            out.append(p)
    return out


def source(sources: Sources, field: str, ent: Entity | None, value):
    """Remember the entity behind a field that has a value."""
    if value is not None and ent is not None:
        sources[(field, None)] = ent
    return value


def money(ent: Entity | None, mention: Mention) -> dict | None:
    if ent is None or not ent.value:
        return None
    v = ent.value
    return {"value": v.get("value"), "value_max": v.get("value_max"), "currency": v.get("currency"),
            "qualifier": v.get("qualifier"), **mention(ent)}


def date(ent: Entity | None, mention: Mention) -> dict | None:
    """Date = {start_date, end_date, granularity, inferred, [time], text, start, end}.
    start_date and end_date are null for a calendar date whose year nothing gives
    (8月16日 with neither a published date nor a year in the text)."""
    if ent is None or not (ent.value or is_calendar(ent.text)):
        return None
    v = ent.value or {"start": None, "end": None, "granularity": "month" if ent.text.endswith("月") else "day"}
    out = {"start_date": v["start"], "end_date": v["end"], "granularity": v["granularity"],
           "inferred": bool(v.get("inferred"))}
    if v.get("time"):
        out["time"] = v["time"]
    return {**out, **mention(ent)}
