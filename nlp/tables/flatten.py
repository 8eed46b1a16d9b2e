"""Nested docs / events records -> flat rows with typed columns, one table each.

One place decides the columns of every table, for `zhfin.to_frames` (pandas) and
`zhfin export --to csv|parquet` alike:

- ``events``: one row per event. Every value the text gives becomes a group of
  columns named after its field: money ``amount_value`` (float), ``amount_value_max``,
  ``amount_currency``, ``amount_qualifier``, ``amount_text``, ``amount_start``,
  ``amount_end`` (raw-text offsets); dates ``date_start`` / ``date_end`` (ISO dates),
  ``date_granularity``, ``date_inferred``, ``date_time``, ``date_text``,
  ``date_start_offset`` / ``date_end_offset``; parties ``investors`` and
  ``lead_investors`` as names joined with ``;``.
- ``investors``: one row per investor of an event, with its ``role``.
- ``entities``: one row per entity, its value spread over typed columns, and the
  whole value as JSON in ``value_json``.
- ``docs``: one row per document.

A column has one kind (``str``, ``float``, ``int``, ``bool``, ``date``) for every
row, null where the record has nothing, so a table's type never depends on what
one batch happened to hold.
"""
from __future__ import annotations

import datetime as dt
import json

MONEY_FIELDS = ("amount", "valuation", "offer_price", "proceeds", "market_cap")
DATE_FIELDS = ("date", "disclosed", "listing_date")
# fields whose argument_confidence is one number
SCALAR_CONFIDENCE = ("company", "round", "amount", "valuation", "date", "disclosed", "exchange", "ticker",
                     "offer_price", "shares_offered", "proceeds", "market_cap", "listing_date", "stage")
JOIN = ";"


def _money_columns(f: str) -> list[tuple[str, str]]:
    return [(f"{f}_value", "float"), (f"{f}_value_max", "float"), (f"{f}_currency", "str"),
            (f"{f}_qualifier", "str"), (f"{f}_text", "str"), (f"{f}_start", "int"), (f"{f}_end", "int")]


def _date_columns(f: str) -> list[tuple[str, str]]:
    return [(f"{f}_start", "date"), (f"{f}_end", "date"), (f"{f}_granularity", "str"), (f"{f}_inferred", "bool"),
            (f"{f}_time", "str"), (f"{f}_text", "str"), (f"{f}_start_offset", "int"), (f"{f}_end_offset", "int")]


def _mention_columns(f: str) -> list[tuple[str, str]]:
    return [(f"{f}_text", "str"), (f"{f}_start", "int"), (f"{f}_end", "int")]


EVENT_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "str"), ("event_id", "str"), ("type", "str"), ("schema", "str"), ("published", "date"),
    ("company", "str"), *_mention_columns("company"), ("company_aliases", "str"),
    ("confidence", "float"),
    ("instrument", "str"), ("stage", "str"), ("historical", "bool"), ("cumulative", "bool"), ("rounds_count", "int"),
    ("round", "str"), *_mention_columns("round"),
    ("investors", "str"), ("lead_investors", "str"), ("investors_count", "int"),
    ("exchange", "str"), ("exchange_name", "str"), *_mention_columns("exchange"), ("board", "str"),
    ("ticker", "str"), *_mention_columns("ticker"),
    ("shares_offered_value", "float"), ("shares_offered_class", "str"), *_mention_columns("shares_offered"),
    *[c for f in MONEY_FIELDS for c in _money_columns(f)],
    *[c for f in DATE_FIELDS for c in _date_columns(f)],
    *_mention_columns("date_vague"),
    ("milestones", "str"),
    ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
    *[(f"{f}_confidence", "float") for f in SCALAR_CONFIDENCE if f != "company"],
]

INVESTOR_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "str"), ("event_id", "str"), ("type", "str"), ("instrument", "str"), ("company", "str"),
    ("round", "str"), ("position", "int"), ("role", "str"), ("name", "str"), ("text", "str"),
    ("start", "int"), ("end", "int"), ("confidence", "float"),
]

ENTITY_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "str"), ("label", "str"), ("text", "str"), ("start", "int"), ("end", "int"),
    ("value", "float"), ("value_max", "float"), ("currency", "str"), ("qualifier", "str"),
    ("date_start", "date"), ("date_end", "date"), ("granularity", "str"), ("inferred", "bool"),
    ("name", "str"), ("code", "str"), ("board", "str"), ("market", "str"), ("exchange", "str"),
    ("share_class", "str"), ("value_json", "str"),
]

DOC_COLUMNS: list[tuple[str, str]] = [
    ("doc_id", "str"), ("source", "str"), ("published", "date"), ("reference_date", "date"),
    ("reference_inferred", "bool"), ("title", "str"), ("events_count", "int"), ("entities_count", "int"),
    ("error", "str"), ("producer", "str"), ("text", "str"),
]

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": EVENT_COLUMNS, "investors": INVESTOR_COLUMNS, "entities": ENTITY_COLUMNS, "docs": DOC_COLUMNS,
}
TABLES = tuple(COLUMNS)


# ---- values --------------------------------------------------------------------------------

def _get(obj, key):
    return obj.get(key) if isinstance(obj, dict) else None


def _float(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    try:
        return float(x) if isinstance(x, str) and x.strip() else None
    except ValueError:
        return None


def _int(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return x
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return None


def _bool(x):
    return x if isinstance(x, bool) else None


def _str(x):
    if x is None or isinstance(x, (dict, list)):
        return None
    return str(x)


def _date(x):
    """An ISO date string (YYYY-MM-DD…) -> "YYYY-MM-DD"; anything else -> None."""
    if not isinstance(x, str) or len(x) < 10:
        return None
    try:
        return dt.date.fromisoformat(x[:10]).isoformat()
    except ValueError:
        return None


CAST = {"str": _str, "float": _float, "int": _int, "bool": _bool, "date": _date}


def typed(row: dict, columns: list[tuple[str, str]]) -> dict:
    """The row with every column of the table, each value of its column's kind (or None)."""
    return {name: CAST[kind](row.get(name)) for name, kind in columns}


def _names(parties) -> str | None:
    names = [p.get("name") or _get(p.get("mention"), "text") for p in parties or [] if isinstance(p, dict)]
    names = [n for n in names if n]
    return JOIN.join(names) if names else None


def _mention(prefix: str, m) -> dict:
    return {f"{prefix}_text": _get(m, "text"), f"{prefix}_start": _get(m, "start"), f"{prefix}_end": _get(m, "end")}


def _money(prefix: str, m) -> dict:
    return {f"{prefix}_value": _get(m, "value"), f"{prefix}_value_max": _get(m, "value_max"),
            f"{prefix}_currency": _get(m, "currency"), f"{prefix}_qualifier": _get(m, "qualifier"),
            **_mention(prefix, m)}


def _date_cells(prefix: str, d) -> dict:
    # zhfin.event/2 calls the ISO dates start_date/end_date; zhfin.event/1 called them start/end
    v2 = isinstance(d, dict) and "start_date" in d
    return {f"{prefix}_start": _get(d, "start_date") if v2 else _get(d, "start"),
            f"{prefix}_end": _get(d, "end_date") if v2 else _get(d, "end"),
            f"{prefix}_granularity": _get(d, "granularity"), f"{prefix}_inferred": _get(d, "inferred"),
            f"{prefix}_time": _get(d, "time"), f"{prefix}_text": _get(d, "text"),
            f"{prefix}_start_offset": _get(d, "start") if v2 else _get(d, "start_offset"),
            f"{prefix}_end_offset": _get(d, "end") if v2 else _get(d, "end_offset")}


def _milestones(items) -> str | None:
    parts = []
    for m in items or []:
        if isinstance(m, dict) and m.get("stage"):
            start = _get(m.get("date"), "start_date") or _get(m.get("date"), "start")
            parts.append(f"{m['stage']} {start}" if start else str(m["stage"]))
    return JOIN.join(parts) if parts else None


# ---- rows ----------------------------------------------------------------------------------

def event_row(event: dict, published: str | None = None) -> dict:
    company = event.get("company") or {}
    exchange = event.get("exchange")
    shares = event.get("shares_offered")
    evidence = [e for e in event.get("evidence") or [] if isinstance(e, dict)]
    confidence = event.get("argument_confidence") or {}
    investors = event.get("investors") or []
    row = {
        "doc_id": event.get("doc_id"), "event_id": event.get("event_id"), "type": event.get("type"),
        "schema": event.get("schema"), "published": published,
        "company": company.get("name"), **_mention("company", company.get("mention")),
        "company_aliases": JOIN.join(company.get("aliases") or []) or None,
        "confidence": event.get("confidence"),
        "instrument": event.get("instrument"), "stage": event.get("stage"), "historical": event.get("historical"),
        "cumulative": event.get("cumulative"), "rounds_count": event.get("rounds_count"),
        "round": _get(event.get("round"), "name"), **_mention("round", event.get("round")),
        "investors": _names(investors), "lead_investors": _names(event.get("lead_investors")),
        "investors_count": len(investors) if event.get("type") == "funding" else None,
        "exchange": _get(exchange, "code"), "exchange_name": _get(exchange, "name"), **_mention("exchange", exchange),
        "board": event.get("board"),
        "ticker": event.get("ticker"), **_mention("ticker", event.get("ticker_mention")),
        "shares_offered_value": _get(shares, "value"), "shares_offered_class": _get(shares, "share_class"),
        **_mention("shares_offered", shares),
        **_mention("date_vague", event.get("date_vague")),
        "milestones": _milestones(event.get("milestones")),
        "evidence": " … ".join(e.get("text", "").strip() for e in evidence) or None,
        "evidence_start": min((e["start"] for e in evidence if isinstance(e.get("start"), int)), default=None),
        "evidence_end": max((e["end"] for e in evidence if isinstance(e.get("end"), int)), default=None),
    }
    for f in MONEY_FIELDS:
        row.update(_money(f, event.get(f)))
    for f in DATE_FIELDS:
        row.update(_date_cells(f, event.get(f)))
    for f in SCALAR_CONFIDENCE:
        if f != "company":
            value = confidence.get(f) if isinstance(confidence, dict) else None
            row[f"{f}_confidence"] = value if isinstance(value, (int, float)) else None
    return typed(row, EVENT_COLUMNS)


def investor_rows(event: dict) -> list[dict]:
    """One row per investor, role "lead" or "follow" ("lender" / "lead" for debt);
    a lead investor the event does not also list among its investors gets a row too."""
    investors = [p for p in event.get("investors") or [] if isinstance(p, dict)]
    leads = [p for p in event.get("lead_investors") or [] if isinstance(p, dict)]
    lead_names = {p.get("name") for p in leads}
    confidence = event.get("argument_confidence")
    confidence = confidence if isinstance(confidence, dict) else {}
    other = "lender" if event.get("instrument") == "debt" else "follow"
    base = {"doc_id": event.get("doc_id"), "event_id": event.get("event_id"), "type": event.get("type"),
            "instrument": event.get("instrument"), "company": _get(event.get("company"), "name"),
            "round": _get(event.get("round"), "name")}
    rows = []
    for i, party in enumerate(investors):
        lead = party.get("name") in lead_names
        rows.append({**base, "role": "lead" if lead else other, "name": party.get("name"),
                     **_party_mention(party), "confidence": _nth(confidence.get("investors"), i)})
    listed = {p.get("name") for p in investors}
    for i, party in enumerate(leads):
        if party.get("name") not in listed:
            rows.append({**base, "role": "lead", "name": party.get("name"), **_party_mention(party),
                         "confidence": _nth(confidence.get("lead_investors"), i)})
    return [typed({**row, "position": n}, INVESTOR_COLUMNS) for n, row in enumerate(rows)]


def _nth(values, i: int):
    return values[i] if isinstance(values, list) and i < len(values) else None


def _party_mention(party: dict) -> dict:
    m = party.get("mention")
    return {"text": _get(m, "text"), "start": _get(m, "start"), "end": _get(m, "end")}


def entity_row(entity: dict, doc_id) -> dict:
    value = entity.get("value")
    v = value if isinstance(value, dict) else {}
    label = entity.get("label")
    is_date = label == "DATE"
    row = {
        "doc_id": doc_id, "label": label, "text": entity.get("text"), "start": entity.get("start"),
        "end": entity.get("end"),
        "value": v.get("value"),
        "value_max": v.get("value_max"), "currency": v.get("currency"), "qualifier": v.get("qualifier"),
        "date_start": (v.get("start_date") or v.get("start")) if is_date else None,
        "date_end": (v.get("end_date") or v.get("end")) if is_date else None,
        "granularity": v.get("granularity"), "inferred": v.get("inferred"),
        "name": v.get("name") or v.get("canonical"), "code": v.get("code"), "board": v.get("board"),
        "market": v.get("market"), "exchange": v.get("exchange"), "share_class": v.get("share_class"),
        "value_json": json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else None,
    }
    return typed(row, ENTITY_COLUMNS)


def doc_row(record: dict) -> dict:
    errors = record.get("errors") or []
    row = {"doc_id": record.get("doc_id"), "source": record.get("source"), "published": record.get("published"),
           "reference_date": record.get("reference_date"), "reference_inferred": record.get("reference_inferred"),
           "title": record.get("title"), "events_count": len(record.get("events") or []),
           "entities_count": len(record.get("entities") or []),
           "error": JOIN.join(str(e) for e in errors) if errors else None,
           "producer": record.get("producer") or _producer(record), "text": record.get("text")}
    return typed(row, DOC_COLUMNS)


def _producer(record: dict) -> str | None:
    version = _get(record.get("provenance"), "zhfin")
    return f"zhfin {version}" if version else None


def doc_rows(record: dict) -> dict[str, list[dict]]:
    """The rows one docs record gives each table."""
    doc_id = record.get("doc_id")
    events = [e if e.get("doc_id") is not None else {**e, "doc_id": doc_id}
              for e in record.get("events") or [] if isinstance(e, dict)]
    return {
        "events": [event_row(e, record.get("published")) for e in events],
        "investors": [row for e in events for row in investor_rows(e)],
        "entities": [entity_row(e, doc_id) for e in record.get("entities") or [] if isinstance(e, dict)],
        "docs": [doc_row(record)],
    }


def event_only_rows(event: dict) -> dict[str, list[dict]]:
    """The rows one events.jsonl line gives (no entities, no docs)."""
    return {"events": [event_row(event)], "investors": investor_rows(event), "entities": [], "docs": []}


def rows_of(records) -> dict[str, list[dict]]:
    """Every table's rows from docs records (or plain event records, or both)."""
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        if not isinstance(record, dict):
            continue
        part = doc_rows(record) if "events" in record or "entities" in record else event_only_rows(record)
        for name, rows in part.items():
            tables[name].extend(rows)
    return tables
