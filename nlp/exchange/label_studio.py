"""Label Studio: tasks with zhfin's spans and relations as predictions to correct.

Export: `tasks.json` (a list of tasks, Label Studio's JSON import format) and
`label_config.xml` (the labelling interface: Labels over Text, and Relations named by
role). Each task:

    {"data": {"text", "doc_id", "zhfin": {…}},
     "predictions": [{"model_version": "zhfin 0.2.0", "result": [
         {"id", "from_name": "label", "to_name": "text", "type": "labels",
          "value": {"start", "end", "text", "labels": [label]}},
         {"from_id", "to_id", "type": "relation", "direction": "right", "labels": [role]}]}]}

Import reads Label Studio's JSON export: per task the latest annotation that was not
cancelled, else the prediction (a task nobody touched keeps zhfin's answer). Offsets are
characters (code points); a result whose `text` shows UTF-16 offsets (older Label Studio
with characters beyond the BMP) is mapped back.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..document import InputError
from .annotations import RELATION_LABELS, Annotated, Relation, Span, is_anchor, labels
from .labels import colour
from ..review.page import esc


def _result(doc: Annotated) -> list[dict]:
    out = [{"id": f"s{span.id}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": doc.span_text(span), "labels": [span.label]}}
           for span in doc.spans]
    out += [{"from_id": f"s{r.head}", "to_id": f"s{r.tail}", "type": "relation", "direction": "right",
             "labels": [r.role]} for r in doc.relations]
    return out


def label_config() -> str:
    relations = "".join(f'\n    <Relation value="{esc(role)}"/>' for role in RELATION_LABELS)
    spans = "".join(f'\n    <Label value="{esc(label)}" background="{colour(label)}"/>' for label in labels())
    return (f'<View>\n  <Relations>{relations}\n  </Relations>\n'
            f'  <Labels name="label" toName="text">{spans}\n  </Labels>\n'
            f'  <Text name="text" value="$text" granularity="symbol"/>\n</View>\n')


def write(docs, target: Path) -> dict:
    from .. import __version__

    target.mkdir(parents=True, exist_ok=True)
    with open(target / "tasks.json", "w", encoding="utf-8") as out:
        out.write("[")
        for i, doc in enumerate(docs):
            task = {"data": {"text": doc.text, "doc_id": doc.doc_id, "zhfin": doc.meta()},
                    "predictions": [{"model_version": f"zhfin {__version__}", "result": _result(doc)}]}
            out.write(("," if i else "") + "\n" + json.dumps(task, ensure_ascii=False))
        out.write("\n]\n")
    (target / "label_config.xml").write_text(label_config(), encoding="utf-8")
    return docs.counts() if hasattr(docs, "counts") else {}


# ---- reading Label Studio's export back ---------------------------------------------------

def _code_points(text: str, start: int, end: int, shown) -> tuple[int, int] | None:
    """Offsets in code points: as given, or mapped from UTF-16 units when `shown` says so."""
    if not isinstance(shown, str) or text[start:end] == shown:
        return start, end
    units = 0
    mapped = {}
    for i, ch in enumerate(text + " "):
        mapped[units] = i
        units += 2 if ord(ch) > 0xFFFF else 1
    s, e = mapped.get(start), mapped.get(end)
    if s is not None and e is not None and text[s:e] == shown:
        return s, e
    return None


def _chosen_result(task: dict) -> list:
    annotations = [a for a in task.get("annotations") or task.get("completions") or []
                   if isinstance(a, dict) and not a.get("was_cancelled")]
    if annotations:
        return annotations[-1].get("result") or []
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    return predictions[-1].get("result") or [] if predictions else []


def parse(task: dict, where: str, number: int, warnings: list[str]) -> Annotated:
    data = task.get("data") if isinstance(task.get("data"), dict) else {}
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: the task has no data.text")
    meta = data.get("zhfin") if isinstance(data.get("zhfin"), dict) else {}
    doc_id = data.get("doc_id", meta.get("doc_id", task.get("id", number)))
    doc = Annotated(str(doc_id), text, meta.get("published"), meta.get("reference_date"),
                    values=meta.get("values") if isinstance(meta.get("values"), dict) else {},
                    source=meta.get("source"))
    ids, links = {}, []
    for item in _chosen_result(task):
        if not isinstance(item, dict):
            continue
        if item.get("type") == "relation":
            links.append(item)
            continue
        value = item.get("value") or {}
        names = value.get("labels") or value.get("hypertextlabels") or []
        if not names or not isinstance(value.get("start"), int) or not isinstance(value.get("end"), int):
            continue
        offsets = _code_points(text, value["start"], value["end"], value.get("text"))
        if offsets is None or not 0 <= offsets[0] < offsets[1] <= len(text):
            warnings.append(f"{where}: span {value.get('text')!r} at {value['start']}-{value['end']} does not fit "
                            "the text; left out")
            continue
        for name in names:  # one region may carry several labels
            span = Span(len(doc.spans), offsets[0], offsets[1], str(name))
            doc.spans.append(span)
            ids.setdefault(item.get("id"), []).append(span.id)
    for link in links:
        heads, tails = ids.get(link.get("from_id"), []), ids.get(link.get("to_id"), [])
        if link.get("direction") == "left":
            heads, tails = tails, heads
        head = next((h for h in heads if is_anchor(doc.spans[h].label)), None)
        if head is None:  # drawn from the argument to the anchor
            heads, tails = tails, heads
            head = next((h for h in heads if is_anchor(doc.spans[h].label)), None)
        if head is None or not tails:
            warnings.append(f"{where}: a relation that starts at no event anchor; left out")
            continue
        tail = next((t for t in tails if t != head), tails[0])
        for role in link.get("labels") or []:
            doc.relations.append(Relation(head, tail, str(role)))
    return doc


class _Read(list):
    warnings: list[str]


def read(path: str | Path) -> list[Annotated]:
    """Label Studio's JSON export (a list of tasks), or our own tasks.json."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: malformed JSON: {exc.msg} at line {exc.lineno} "
                         "(Label Studio: export as JSON, not JSON-MIN)") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(f"{path}: not a list of Label Studio tasks")
    docs = _Read()
    docs.warnings = []
    for number, task in enumerate(tasks, 1):
        if not isinstance(task, dict):
            raise InputError(f"{path}: task {number} is not a JSON object")
        docs.append(parse(task, f"{path}: task {number}", number, docs.warnings))
    return docs
