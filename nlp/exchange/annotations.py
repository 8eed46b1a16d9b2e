"""The neutral annotation shape between zhfin records and annotation tools.

    for doc in from_folder(BatchFolder("out/")):      # Annotated, one per document with text
        doc.spans, doc.relations

An event becomes an anchor span (its company's mention, labelled `funding:equity`,
`listing:filed` …) and one relation per argument, from the anchor to the argument's
span, named by role. Entities without a role stay plain spans, so names the pipeline
missed or mislabelled can be corrected too.

Each export also carries, per document, the gold value of every argument it wrote
(`values`, keyed `start:end:role`): an argument the annotator left alone comes back with
exactly the value zhfin gave it; a new or moved one is normalised from its words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..document import InputError
from ..review import roles
from ..review.corpus import NEEDS_TEXT, BatchFolder, Texts

NAME_LABELS = ("COMPANY", "ORG", "PERSON")
ENTITY_LABELS = NAME_LABELS + ("MONEY", "DATE", "PERCENT", "SHARES", "TICKER", "ROUND", "EXCHANGE")
RELATION_LABELS = tuple(dict.fromkeys(role for rs in roles.ROLES.values() for role, _f, _k in rs if role != "company"))


@dataclass
class Span:
    id: int
    start: int
    end: int
    label: str


@dataclass
class Relation:
    head: int  # the anchor's span id
    tail: int
    role: str


@dataclass
class Annotated:
    doc_id: str
    text: str
    published: str | None = None
    reference_date: str | None = None
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    values: dict = field(default_factory=dict)  # "start:end:role" -> gold value
    events: list = field(default_factory=list)  # the zhfin event records (DocBin keeps them)
    entities: list = field(default_factory=list)  # the zhfin entity records
    source: str | None = None

    def meta(self) -> dict:
        """What an annotation tool carries along untouched and the importer reads back."""
        return {"doc_id": self.doc_id, "published": self.published, "reference_date": self.reference_date,
                "source": self.source, "values": self.values}

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]


def is_anchor(label: str) -> bool:
    return label.split(":")[0] in roles.ROLES


def labels() -> list[str]:
    """Every span label an annotation project needs: entities, then event anchors."""
    return list(ENTITY_LABELS) + roles.anchor_labels()


def _date_prefix(value: dict | None) -> str | None:
    """The ISO prefix a gold date is written as: 2025-09-04, 2025-09, 2025."""
    start = (value or {}).get("start_date") or (value or {}).get("start")
    if not isinstance(start, str):
        return None
    granularity = (value or {}).get("granularity")
    return start if granularity == "day" else start[:4] if granularity == "year" else start[:7]


def gold_value(role: str, kind: str, value, event: dict):
    """The gold-passage value of one argument of a zhfin event."""
    if role in roles.PARTY_ROLES:
        return (value.get("mention") or {}).get("text") or value.get("name")
    if kind == "MONEY":
        return {"value": value.get("value"), "currency": value.get("currency"), "text": value.get("text")}
    if kind == "DATE":
        return _date_prefix(value)
    if kind == "ROUND":
        return value.get("name") or value.get("text")
    if kind == "EXCHANGE":
        return value.get("code") or value.get("name") or value.get("text")
    if kind == "TICKER":
        return event.get("ticker") or value.get("text")
    if kind == "SHARES":
        return value.get("value")
    return value.get("text")


def from_record(record: dict, text: str) -> Annotated:
    doc = Annotated(str(record.get("doc_id")), text, record.get("published"), record.get("reference_date"),
                    events=list(record.get("events") or []), entities=list(record.get("entities") or []),
                    source=record.get("source"))
    by_offsets: dict[tuple[int, int], list[Span]] = {}

    def add(start: int, end: int, label: str) -> Span:
        span = Span(len(doc.spans), start, end, label)
        doc.spans.append(span)
        by_offsets.setdefault((start, end), []).append(span)
        return span

    for ent in doc.entities:
        key = (ent.get("start"), ent.get("end"))
        if ent.get("label") in ENTITY_LABELS and not any(s.label == ent["label"] for s in by_offsets.get(key, [])):
            add(key[0], key[1], ent["label"])
    for event in doc.events:
        parts = list(roles.spans(event))
        company = next((m for role, _k, _v, m in parts if role == "company"), None)
        if company is None:
            continue
        key = (company["start"], company["end"])
        name = next((s for s in by_offsets.get(key, []) if s.label in NAME_LABELS), None)
        if name is not None:  # the anchor takes the place of the plain name
            name.label = roles.anchor_label(event)
            anchor = name
        else:
            anchor = add(*key, roles.anchor_label(event))
        # the company as written, and the canonical name of its cluster where that differs (alternatives)
        doc.values[f"{key[0]}:{key[1]}:company"] = list(dict.fromkeys(
            n for n in (company["text"], (event.get("company") or {}).get("name")) if n))
        for role, kind, value, mention in parts:
            if role == "company":
                continue
            key = (mention["start"], mention["end"])
            here = by_offsets.get(key, [])
            tail = next((s for s in here if not is_anchor(s.label)), None) or (here[0] if here else None)
            tail = tail or add(*key, kind)
            if not any(r.head == anchor.id and r.tail == tail.id and r.role == role for r in doc.relations):
                doc.relations.append(Relation(anchor.id, tail.id, role))
            # None too: a date without a year stays out of the gold, as zhfin left it without a value
            doc.values[f"{key[0]}:{key[1]}:{role}"] = gold_value(role, kind, value, event)
    return doc


class FolderAnnotations:
    """The documents of a batch output folder that have text, as Annotated; failed
    documents are left out. Iterate once; then `documents`, `skipped` and `failed` say
    what happened. No text at all is an InputError naming --keep-text."""

    def __init__(self, folder: BatchFolder, limit: int | None = None):
        self.folder, self.limit = folder, limit
        self.documents = self.events = self.skipped = self.failed = 0

    def __iter__(self) -> Iterator[Annotated]:
        texts = Texts(self.folder)
        for record in self.folder.docs():
            if self.limit is not None and self.documents >= self.limit:
                break
            if record.get("errors"):
                self.failed += 1
                continue
            text = texts(record)
            if text is None:
                self.skipped += 1
                continue
            self.documents += 1
            self.events += len(record.get("events") or [])
            yield from_record(record, text)
        if self.skipped and not self.documents:
            raise InputError(NEEDS_TEXT.format(folder=self.folder.path))

    def counts(self) -> dict:
        return {"documents": self.documents, "events": self.events, "without_text": self.skipped,
                "failed": self.failed}


def from_folder(folder: BatchFolder, limit: int | None = None) -> FolderAnnotations:
    return FolderAnnotations(folder, limit)
