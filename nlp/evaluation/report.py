"""What `zhfin evaluate` prints: figures as a table, and error lines for reading errors."""
from __future__ import annotations

import json

from . import matching as m
from .passages import company_of

_HEAD = f"{'':<22}{'events':<38}slots"
_COLUMNS = f"{'':<22}" + f"{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}  " * 2


def _row(label: str, figures: dict) -> str:
    cells = ""
    for part in ("events", "slots"):
        f = figures[part]
        cells += f"{f['p']:>7.3f}{f['r']:>7.3f}{f['f1']:>7.3f}{f['tp']:>6}{f['pred']:>6}{f['gold']:>6}  "
    return f"{label:<22}{cells}".rstrip()


def summary_line(result: dict) -> str:
    """The last line, as the maintainers' scorer prints it."""
    e, s = result["events"], result["slots"]
    return (f"events P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f} | slots P {s['p']:.3f} R {s['r']:.3f} "
            f"F1 {s['f1']:.3f} | must-not violations {result['must_not_violations']}")


def passages_table(result: dict, by_genre: dict | None = None, per_slot: dict | None = None) -> str:
    lines = [_HEAD, _COLUMNS.rstrip(), _row("all (micro-average)", result)]
    lines += [_row(f"  {etype}", figures) for etype, figures in result["per_type"].items()]
    for genre, figures in (by_genre or {}).items():
        lines.append(_row(f"genre {genre}", figures) + f"  must-not {figures['must_not_violations']}")
    if per_slot:  # which values are missed (recall), and which are given where the gold has none or another
        lines.append(f"{'slot':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
        lines += [f"  {name:<20}{f['p']:>7.3f}{f['r']:>7.3f}{f['f1']:>7.3f}{f['tp']:>6}{f['pred']:>6}{f['gold']:>6}"
                  for name, f in per_slot.items()]
    lines.append(summary_line(result))
    return "\n".join(lines)


def _value(value) -> str:
    """A gold value as a reader wants it: money as 7320萬港元 (73200000 HKD)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "value" in value:
        amount = " ".join(str(value[k]) for k in ("value", "currency") if value.get(k) is not None)
        return f"{value['text']} ({amount})" if value.get("text") else amount
    if isinstance(value, list):
        return " | ".join(_value(v) for v in value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _predicted(field_name: str, prediction: dict) -> str:
    """A short view of what the prediction holds for a gold field."""
    value = prediction.get(field_name)
    if field_name == "amount" and prediction.get("type") == "listing" and not value:
        value = prediction.get("proceeds")
    if field_name in ("investors", "lead_investors"):
        return "、".join(m.lookup(p, "name") or m.lookup(p, "mention.text") or "?" for p in value or []) or "-"
    if not value:
        return "-"
    if isinstance(value, dict):
        for key in ("code", "name", "start_date", "value"):  # a money value before its offset "start"
            if isinstance(value.get(key), (str, int, float)):
                shown = value[key]
                return f"{shown} {value['currency']}" if key == "value" and value.get("currency") else str(shown)
    return _value(value)


def passage_errors(tally) -> list[str]:
    """One line per missed gold event, false event, wrong or missing slot and must-not hit."""
    lines = [f"missed: {pid}: {g['type']} {_value(g['company'])}" for pid, g in tally.missed]
    lines += [f"false: {pid}: {p['type']} {company_of(p)}" for pid, p in tally.false]
    lines += [f"slot: {pid}: {g['type']} {_value(g['company'])} {f}: gold {_value(v)}, predicted {_predicted(f, p)}"
              for pid, g, f, v, p in tally.wrong_slots]
    lines += [f"must-not: {pid}: {w['type']} {_value(w['company'])} (predicted {company_of(p)})"
              for pid, w, p in tally.violations]
    return lines


def duee_errors(found: list[tuple[str, tuple]]) -> list[str]:
    return [f"{what}: {doc_id}: {etype} {role} {argument}" for what, (doc_id, etype, role, argument) in found]
