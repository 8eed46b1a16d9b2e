"""Event confidence: how often events like this one were right on a labelled
dev set (DuEE-Fin), looked up by event type and by how many key roles were
filled. The table is data (resources/event_confidence.tsv), rebuilt with
`zhfin train confidence`; without it a plain heuristic stands in."""
from __future__ import annotations

import functools

from .. import resources

KEY_ROLES = {
    "funding": ("amount", "round", "investors", "date"),
    "listing": ("exchange", "ticker", "offer_price", "listing_date", "milestones"),
}
TABLE = "event_confidence.tsv"


def filled_roles(event: dict) -> int:
    return sum(1 for key in KEY_ROLES[event["type"]] if event.get(key))


@functools.cache
def _table() -> dict[tuple[str, int], float]:
    if not resources.path(TABLE).exists():
        return {}
    return {(row["type"], int(row["filled"])): float(row["confidence"]) for row in resources.table(TABLE)}


def confidence(event: dict) -> float:
    filled = filled_roles(event)
    table = _table()
    known = sorted(n for (t, n) in table if t == event["type"])
    if known:  # the nearest calibrated bin at or below, else the lowest
        below = [n for n in known if n <= filled]
        return table[(event["type"], below[-1] if below else known[0])]
    return round(min(0.95, 0.45 + 0.12 * filled), 2)  # no table: more roles, more trust
