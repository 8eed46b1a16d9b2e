"""DuEE-Fin interchange format: docs records -> one DuEE-Fin line per document.

Arguments are raw-text surface strings, as DuEE-Fin annotates them; a past round told as history
is left out (DuEE-Fin annotates past listings, not past rounds). 环节 maps
the listing stage: planned…priced -> 筹备上市, listed -> 正式上市, suspended ->
暂停上市, terminated and withdrawn -> 终止上市."""
from __future__ import annotations

from ..events import types
from ..events.types.listing import STAGE_TO_DUEE  # noqa: F401  (part of this module's interface)
from ..text.normalise import QUOTE_IN_NAME

FUNDING = types.get("funding").DUEE_TYPE
LISTING = types.get("listing").DUEE_TYPE


def _party_text(party: dict) -> str:
    """DuEE-Fin names a party by the fullest form the text gives (the legal name),
    without a stock quote pasted into it."""
    forms = party.get("aliases") or [party["mention"]["text"]]
    return QUOTE_IN_NAME.sub("", max(forms, key=len))


def _args(pairs) -> list[dict]:
    seen, out = set(), []
    for role, value in pairs:
        if value and (role, value) not in seen:
            seen.add((role, value))
            out.append({"role": role, "argument": value})
    return out


def _text(value: dict | None) -> str | None:
    return value["text"] if value else None


# 新一轮 names no round, and DuEE-Fin does not count 战略投资 as one
_NOT_DUEE_ROUNDS = {"new", "latest", "strategic"}


def _round_text(value: dict | None) -> str | None:
    """DuEE-Fin writes rounds without 轮: A+, 天使, Pre-A."""
    if not value or value.get("name") in _NOT_DUEE_ROUNDS:
        return None
    return value["text"].removesuffix("轮").removesuffix("輪")


def _price_text(value: dict | None) -> str | None:
    return value["text"].removesuffix("/股") if value else None


# event type -> {record field -> DuEE-Fin role}
ROLES = {name: etype.DUEE_ROLES for name, etype in types.REGISTRY.items()}


def field_text(event: dict, field: str, index: int | None = None) -> str | None:
    """The DuEE-Fin surface string of one argument of a zhfin event."""
    value = event.get(field)
    if value is not None and index is not None:
        value = value[index]
    if not value:
        return None
    if field in ("company", "investors", "lead_investors"):
        return _party_text(value)
    if field == "round":
        return _round_text(value)
    if field == "offer_price":
        return _price_text(value)
    if field == "ticker":
        return (event.get("ticker_mention") or {}).get("text") or value
    return _text(value)


def _same_span(a: dict, b: dict | None) -> bool:
    return b is not None and (a.get("start"), a.get("end")) == (b.get("start"), b.get("end"))


def event_to_duee(event: dict) -> dict:
    etype = types.get(event["type"])
    roles = etype.DUEE_ROLES
    pairs, timed = [], False
    for field, role in roles.items():
        if role == "事件时间":
            # the date the news came out, told as the day of the step too, is 披露时间 only
            if timed or not event.get(field) or _same_span(event[field], event.get("disclosed")):
                continue
            timed = True
        values = event.get(field) or []
        indexes = range(len(values)) if isinstance(values, list) else [None]
        pairs += [(role, field_text(event, field, i)) for i in indexes]
    pairs += etype.duee_extra(event)
    return {"event_type": etype.DUEE_TYPE, "arguments": _args(pairs)}


def record_to_duee(record: dict) -> dict:
    """Every event, less those told as history where DuEE-Fin does not annotate them (past rounds) and those its
    schema files under another type (funding.duee_exported)."""
    return {"id": record["doc_id"], "event_list": [
        event_to_duee(e) for e in record["events"]
        if (not e.get("historical") or types.get(e["type"]).DUEE_HISTORY) and types.get(e["type"]).duee_exported(e)]}
