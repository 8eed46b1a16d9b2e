"""Annotations read back from a tool -> gold passages (the realnews_dev format), which
`zhfin evaluate --gold` and the train commands read:

    {"id", "text", "publish_date", "split", "genre", "source",
     "gold": [{"type", "company", "instrument" | "stage", "round", "amount", "investors",
               "lead_investors", "valuation", "exchange", "ticker", "offer_price", "market_cap",
               "shares_offered", "listing_date", "date", "historical"?}],
     "must_not": []}

Every anchor span is an event; every relation from it an argument. An argument whose
span is where the export put it keeps the value zhfin gave it (`Annotated.values`); a
new or moved span is normalised from its words (money, dates, rounds, exchanges, share
counts), dates against the document's publication date. Two relations of one
single-valued role become a list: alternatives, which the scorer accepts either of.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..document import InputError
from ..review import roles
from .annotations import Annotated, is_anchor

# role -> field of the gold event; a listing's proceeds are the gold's amount
GOLD_FIELD = {"investor": "investors", "lead_investor": "lead_investors", "proceeds": "amount"}
FUNDING_FIELDS = ("round", "amount", "investors", "lead_investors", "valuation", "date")
LISTING_FIELDS = ("exchange", "ticker", "stage", "offer_price", "market_cap", "shares_offered", "listing_date",
                  "amount", "date")
LIST_FIELDS = ("investors", "lead_investors")


def _reference(doc: Annotated) -> tuple[dt.date | None, bool]:
    for day, inferred in ((doc.published, False), (doc.reference_date, True)):
        try:
            return dt.date.fromisoformat(str(day)[:10]), inferred
        except ValueError:
            continue
    return None, False


def normalise_value(kind: str, words: str, doc: Annotated):
    """The gold value of an argument's words; None when they hold no value of that kind."""
    from ..entities import dates, money, values
    from ..text.normalise import normalise

    text = normalise(words)[0].strip()
    if not text:
        return None
    if kind == "MONEY":
        found = money.parse(text)
        return {"value": found["value"], "currency": found["currency"], "text": words} if found else None
    if kind == "DATE":
        reference, inferred = _reference(doc)
        value = dates.parse(text, reference, inferred)
        if not value:
            return None
        return value["start"] if value["granularity"] == "day" else \
            value["start"][:4] if value["granularity"] == "year" else value["start"][:7]
    if kind == "ROUND":
        return (values.parse_round(text) or {}).get("name") or text
    if kind == "EXCHANGE":
        found = values.find_exchanges(text)
        return (found[0][2].get("code") or found[0][2].get("name")) if found else text
    if kind == "SHARES":
        found = values.find_shares(text)
        return found[0][2]["value"] if found else None
    return text


def _event(doc: Annotated, anchor, warnings: list[str]) -> dict:
    parts = anchor.label.split(":")
    etype = parts[0]
    names = doc.values.get(f"{anchor.start}:{anchor.end}:company")
    if not (isinstance(names, list) and names and names[0] == doc.span_text(anchor)):
        names = [doc.span_text(anchor)]  # a new or moved anchor: its words
    event: dict = {"type": etype, "company": names[0] if len(names) == 1 else names}
    if etype == "funding":
        event["instrument"] = parts[1] if len(parts) > 1 and parts[1] in roles.INSTRUMENTS else None
    fields = FUNDING_FIELDS if etype == "funding" else LISTING_FIELDS
    for f in fields:
        event[f] = [] if f in LIST_FIELDS else None
    if etype == "listing":
        event["stage"] = parts[1] if len(parts) > 1 and parts[1] in roles.STAGES else None
    spans = {s.id: s for s in doc.spans}
    for rel in (r for r in doc.relations if r.head == anchor.id):
        tail = spans.get(rel.tail)
        if tail is None:
            continue
        words = doc.span_text(tail)
        kind = roles.KINDS.get(rel.role)
        if kind is None:
            warnings.append(f"{doc.doc_id}: relation {rel.role!r} is no role of zhfin; left out")
            continue
        key = f"{tail.start}:{tail.end}:{rel.role}"
        if key in doc.values:  # where the export put it: zhfin's value (None: it had none)
            value = doc.values[key]
            if value is None:
                continue
        else:
            value = normalise_value(kind, words, doc)
        if value is None:
            warnings.append(f"{doc.doc_id}: {rel.role} {words!r} holds no value zhfin can read; left out")
            continue
        field = GOLD_FIELD.get(rel.role, rel.role)
        if field in LIST_FIELDS:
            if value not in event[field]:
                event[field].append(value)
        elif event.get(field) is None:
            event[field] = value
        else:
            old = event[field]
            event[field] = (old if isinstance(old, list) else [old]) + [value]
    if "historical" in parts[2:]:
        event["historical"] = True
    return event


def to_passage(doc: Annotated, split: str = "train", warnings: list[str] | None = None) -> dict:
    warnings = [] if warnings is None else warnings
    anchors = sorted((s for s in doc.spans if is_anchor(s.label)), key=lambda s: (s.start, s.id))
    return {"id": doc.doc_id, "source": doc.source, "genre": None, "publish_date": doc.published, "text": doc.text,
            "split": split, "gold": [_event(doc, a, warnings) for a in anchors], "must_not": []}


def write_passages(docs, output: str | Path, split: str = "train", source_format: str = "") -> dict:
    """Write one gold passage per document to `output` (JSON lines); returns counts and warnings."""
    from ..io.writers import JsonlWriter

    if split not in ("train", "blind"):
        raise InputError(f"--split {split}: choose train or blind")
    warnings: list[str] = list(getattr(docs, "warnings", []))  # the reader's
    docs = list(docs)
    if not docs:
        raise InputError(f"no documents in the {source_format or 'annotation'} file")
    counts = {"passages": 0, "events": 0}
    seen: set[str] = set()
    with JsonlWriter(output) as out:
        for doc in docs:
            if doc.doc_id in seen:
                warnings.append(f"{doc.doc_id}: a second document with this id; ids must be unique in gold")
            seen.add(doc.doc_id)
            passage = to_passage(doc, split, warnings)
            out.write(passage)
            counts["passages"] += 1
            counts["events"] += len(passage["gold"])
    return {**counts, "warnings": warnings}
