"""The roles of an event that point into the text, per event type: which field holds
them and what kind of span they are. The view marks them, the exporters turn them into
relations, and the importer reads them back.

    for role, kind, value, mention in spans(event): ...   # mention = {text, start, end}
"""
from __future__ import annotations

from typing import Iterator

# (role, event field, span kind); a role whose field is a list holds parties
ROLES = {
    "funding": (("company", "company", "COMPANY"), ("round", "round", "ROUND"), ("amount", "amount", "MONEY"),
                ("investor", "investors", "COMPANY"), ("lead_investor", "lead_investors", "COMPANY"),
                ("valuation", "valuation", "MONEY"), ("date", "date", "DATE"), ("disclosed", "disclosed", "DATE")),
    "listing": (("company", "company", "COMPANY"), ("exchange", "exchange", "EXCHANGE"),
                ("ticker", "ticker_mention", "TICKER"), ("offer_price", "offer_price", "MONEY"),
                ("shares_offered", "shares_offered", "SHARES"), ("proceeds", "proceeds", "MONEY"),
                ("market_cap", "market_cap", "MONEY"), ("date", "date", "DATE"),
                ("listing_date", "listing_date", "DATE"), ("disclosed", "disclosed", "DATE")),
}
# what an event of another type (a future M&A module) still has
DEFAULT_ROLES = (("company", "company", "COMPANY"),)
KINDS = {role: kind for roles in ROLES.values() for role, _field, kind in roles}
PARTY_ROLES = ("company", "investor", "lead_investor")
STAGES = ("planned", "filed", "hearing_passed", "registered", "subscription", "priced", "listed", "suspended",
          "terminated", "withdrawn")
INSTRUMENTS = ("equity", "placement", "debt")


def roles_of(event_type: str) -> tuple[tuple[str, str, str], ...]:
    return ROLES.get(event_type, DEFAULT_ROLES)


def _mention(value) -> dict | None:
    if not isinstance(value, dict):
        return None
    m = value.get("mention") if isinstance(value.get("mention"), dict) else value
    if isinstance(m.get("start"), int) and isinstance(m.get("end"), int) and isinstance(m.get("text"), str):
        return {"text": m["text"], "start": m["start"], "end": m["end"]}
    return None


def spans(event: dict) -> Iterator[tuple[str, str, dict, dict]]:
    """(role, kind, value, mention) for every role of the event that has offsets."""
    for role, field, kind in roles_of(event.get("type", "")):
        value = event.get(field)
        for item in value if isinstance(value, list) else [value]:
            mention = _mention(item)
            if mention is not None:
                yield role, kind, item, mention


def anchor_label(event: dict) -> str:
    """funding:equity, listing:filed, … (:historical appended for an event told as history)."""
    etype = event.get("type", "event")
    detail = event.get("instrument") if etype == "funding" else event.get("stage")
    label = f"{etype}:{detail}" if detail else etype
    return label + (":historical" if event.get("historical") else "")


def anchor_labels() -> list[str]:
    """Every event label an annotation project offers."""
    labels = [f"funding:{i}" for i in INSTRUMENTS] + [f"listing:{s}" for s in STAGES]
    return labels + [f"{label}:historical" for label in labels]
