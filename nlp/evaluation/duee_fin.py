"""DuEE-Fin argument-level scoring: the unit is (document id, event type, role,
argument string), matched exactly; precision, recall and F1 per event type and role.
zhfin records are converted as `batch --duee` converts them."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..document import InputError
from ..io.duee import FUNDING, LISTING, ROLES, record_to_duee

__all__ = ["score", "micro", "format_table", "errors", "to_duee", "units", "read_jsonl", "TYPES"]

TYPES = (FUNDING, LISTING)


def units(lines, doc_ids: set[str] | None = None) -> set[tuple[str, str, str, str]]:
    out = set()
    for doc in lines:
        if doc_ids is not None and doc["id"] not in doc_ids:
            continue
        for event in doc.get("event_list") or []:
            if event["event_type"] not in TYPES:
                continue
            for arg in event.get("arguments", []):
                out.add((doc["id"], event["event_type"], arg["role"], arg["argument"]))
    return out


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp,
            "pred": n_pred, "gold": n_gold}


def score(gold_lines: list[dict], pred_lines: list[dict]) -> dict:
    """Scores over the documents present in the gold file."""
    ids = {d["id"] for d in gold_lines}
    gold, pred = units(gold_lines), units(pred_lines, ids)
    result: dict = {}
    for etype in TYPES:
        g = {u for u in gold if u[1] == etype}
        p = {u for u in pred if u[1] == etype}
        by_role = defaultdict(lambda: [0, 0, 0])
        for u in g:
            by_role[u[2]][2] += 1
        for u in p:
            by_role[u[2]][1] += 1
            by_role[u[2]][0] += u in g
        result[etype] = {"all": _prf(len(g & p), len(p), len(g)),
                         "roles": {role: _prf(*v) for role, v in sorted(by_role.items())}}
    return result


def micro(result: dict) -> dict:
    """The micro-average over the event types: every argument of every type counts once."""
    parts = [res["all"] for res in result.values()]
    return _prf(sum(a["tp"] for a in parts), sum(a["pred"] for a in parts), sum(a["gold"] for a in parts))


def _row(label: str, r: dict) -> str:
    return f"{label:<22}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{r['gold']:>7}{r['pred']:>7}"


def format_table(result: dict) -> str:
    lines = [f"{'event type / role':<22}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
    for etype, res in result.items():
        lines.append(_row(etype, res["all"]))
        lines += [_row(f"  {role}", r) for role, r in res["roles"].items()]
    lines.append(_row("all (micro-average)", micro(result)))
    return "\n".join(lines)



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
