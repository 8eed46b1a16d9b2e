"""doccano: a sequence-labelling project with relation labelling ("Use relation
Labeling" and "Allow overlapping entity" ticked when the project is created).

Export: `doccano.jsonl`, one document a line, in the format doccano imports and exports
for such projects:

    {"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
     "relations": [{"id", "from_id", "to_id", "type"}], "doc_id", "zhfin": {…}}

plus `span_labels.json` and `relation_labels.json` for the project's label pages.
doccano keeps the other fields (`doc_id`, `zhfin`) as the example's metadata and writes
them back on export, so the importer finds the document again. Offsets are characters
(code points) of the text.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..document import InputError
from ..io.writers import JsonlWriter
from .annotations import RELATION_LABELS, Annotated, Relation, Span, is_anchor, labels
from .labels import colour


def _line(doc: Annotated, next_id: int) -> tuple[dict, int]:
    ids = {span.id: next_id + i for i, span in enumerate(doc.spans)}
    entities = [{"id": ids[s.id], "start_offset": s.start, "end_offset": s.end, "label": s.label} for s in doc.spans]
    next_id += len(doc.spans)
    relations = [{"id": next_id + i, "from_id": ids[r.head], "to_id": ids[r.tail], "type": r.role}
                 for i, r in enumerate(doc.relations)]
    next_id += len(doc.relations)
    return {"text": doc.text, "entities": entities, "relations": relations, "doc_id": doc.doc_id,
            "zhfin": doc.meta()}, next_id


def write(docs, target: Path) -> dict:
    target.mkdir(parents=True, exist_ok=True)
    next_id = 1
    with JsonlWriter(target / "doccano.jsonl") as out:
        for doc in docs:
            line, next_id = _line(doc, next_id)
            out.write(line)
    span_labels = [{"text": label, "background_color": colour(label), "text_color": "#000000"} for label in labels()]
    relation_labels = [{"text": role, "background_color": colour(role), "text_color": "#ffffff"}
                       for role in RELATION_LABELS]
    (target / "span_labels.json").write_text(json.dumps(span_labels, ensure_ascii=False, indent=1), encoding="utf-8")
    (target / "relation_labels.json").write_text(json.dumps(relation_labels, indent=1), encoding="utf-8")
    return docs.counts() if hasattr(docs, "counts") else {}


# ---- reading doccano's export back --------------------------------------------------------

def _doc_id(obj: dict, number: int) -> str:
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    for source in (obj, meta, obj.get("zhfin") or {}):
        if isinstance(source, dict) and source.get("doc_id") not in (None, ""):
            return str(source["doc_id"])
    return str(obj.get("id", number))


def _entities(obj: dict, where: str) -> list[tuple[object, int, int, str]]:
    """(id, start, end, label) from `entities` dicts, or from `label` [[start, end, label]]."""
    if isinstance(obj.get("entities"), list):
        out = []
        for e in obj["entities"]:
            if not (isinstance(e, dict) and isinstance(e.get("start_offset"), int)
                    and isinstance(e.get("end_offset"), int) and isinstance(e.get("label"), str)):
                raise InputError(f"{where}: an entity lacks start_offset, end_offset or label")
            out.append((e.get("id"), e["start_offset"], e["end_offset"], e["label"]))
        return out
    spans = obj.get("label", obj.get("labels", []))
    if not isinstance(spans, list) or not all(isinstance(s, list) and len(s) == 3 for s in spans):
        raise InputError(f"{where}: no 'entities' list and no 'label' list of [start, end, label]")
    return [(None, s[0], s[1], s[2]) for s in spans]


def parse(obj: dict, where: str, number: int) -> Annotated:
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str):
        raise InputError(f"{where}: no 'text'")
    meta = obj.get("zhfin") if isinstance(obj.get("zhfin"), dict) else \
        (obj.get("meta") or {}).get("zhfin") if isinstance(obj.get("meta"), dict) else None
    meta = meta if isinstance(meta, dict) else {}
    doc = Annotated(_doc_id(obj, number), text, meta.get("published"), meta.get("reference_date"),
                    values=meta.get("values") if isinstance(meta.get("values"), dict) else {},
                    source=meta.get("source"))
    ids = {}
    for entity_id, start, end, label in _entities(obj, where):
        if not 0 <= start < end <= len(text):
            raise InputError(f"{where}: entity {label!r} at {start}-{end} lies outside the text")
        span = Span(len(doc.spans), start, end, label)
        doc.spans.append(span)
        if entity_id is not None:
            ids[entity_id] = span.id
    for rel in obj.get("relations") or []:
        if not isinstance(rel, dict) or rel.get("from_id") not in ids or rel.get("to_id") not in ids:
            raise InputError(f"{where}: a relation names an entity id that is not there")
        head, tail = ids[rel["from_id"]], ids[rel["to_id"]]
        if not is_anchor(doc.spans[head].label) and is_anchor(doc.spans[tail].label):
            head, tail = tail, head  # drawn from the argument to the anchor: the same relation
        doc.relations.append(Relation(head, tail, str(rel.get("type"))))
    return doc


def read(path: str | Path) -> list[Annotated]:
    """doccano's JSONL export (or our own export, unchanged) -> Annotated documents."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    docs = []
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: malformed JSON: {exc.msg} at column {exc.colno} "
                                 "(doccano: export as JSONL)") from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{number}: not a JSON object")
            docs.append(parse(obj, f"{path}:{number}", number))
    return docs
