"""DuEE-Fin argument-level scoring of zhfin output: the unit is (document id, event
type, role, argument string), matched exactly (`nlp.events.evaluate`, which this wraps).
zhfin records are converted as `batch --duee` converts them."""
from __future__ import annotations

from ..document import InputError
from ..events.evaluate import TYPES, format_table, score, units
from ..io.duee import ROLES, record_to_duee

__all__ = ["score", "format_table", "errors", "to_duee"]


def to_duee(records: list[dict]) -> list[dict]:
    """docs records ({doc_id, events}) -> DuEE-Fin lines; event types DuEE-Fin has no
    mapping for are left out."""
    return [_record_to_duee(r["doc_id"], [e for e in r.get("events") or [] if e.get("type") in ROLES])
            for r in records]


def _record_to_duee(doc_id: str, events: list[dict]) -> dict:
    try:
        return record_to_duee({"doc_id": doc_id, "events": events})
    except (KeyError, TypeError, AttributeError, IndexError) as exc:
        raise InputError(f"document {doc_id}: an event that is not a zhfin event record "
                         f"({type(exc).__name__}: {exc})") from None


def errors(gold_lines: list[dict], pred_lines: list[dict]) -> list[tuple[str, tuple]]:
    """("missing", unit) for each gold argument not predicted, ("spurious", unit) for each
    predicted argument not in the gold, over the gold's documents, in document order."""
    order = {str(d["id"]): i for i, d in enumerate(gold_lines)}
    gold, pred = units(gold_lines), units(pred_lines, set(order))
    found = [("missing", u) for u in gold - pred] + [("spurious", u) for u in pred - gold]
    return sorted(found, key=lambda e: (order.get(e[1][0], -1), TYPES.index(e[1][1]), e[1][2], e[0], e[1][3]))
