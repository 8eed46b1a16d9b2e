"""brat standoff: one `NAME.txt` and `NAME.ann` per document, with the collection's
`annotation.conf` and `visual.conf`, and `index.tsv` (file name -> doc_id).

In the .ann files entities are text-bound (`T1<TAB>MONEY 6 9<TAB>5亿元`); an event is
an `E` line whose trigger is the company's mention, typed `Funding` or `Listing`, with
one argument per role (`Investor`, `Investor2`, … for several), and attributes
`Instrument`, `Stage` and `Historical`. A span crossing a line break is written in
fragments (`0 5;6 9`), as brat wants. Offsets are characters of the .txt file.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..review import roles
from .annotations import ENTITY_LABELS, Annotated, is_anchor
from .labels import colour

_UNSAFE = re.compile(r"[^\w.-]+")


def role_name(role: str) -> str:
    """lead_investor -> LeadInvestor."""
    return "".join(part.capitalize() for part in role.split("_"))


def _fragments(text: str, start: int, end: int) -> str:
    """'s e' or 's1 e1;s2 e2' around line breaks."""
    parts, at = [], start
    for m in re.finditer(r"[\r\n]+", text[start:end]):
        if m.start() + start > at:
            parts.append((at, start + m.start()))
        at = start + m.end()
    if end > at:
        parts.append((at, end))
    return ";".join(f"{s} {e}" for s, e in parts or [(start, end)])


def _text_line(text: str, start: int, end: int) -> str:
    return re.sub(r"[\r\n]+", " ", text[start:end])


def ann(doc: Annotated) -> str:
    lines, tids, entity_copy = [], {}, {}
    n_t = 0

    def text_bound(label: str, start: int, end: int) -> str:
        nonlocal n_t
        n_t += 1
        lines.append(f"T{n_t}\t{label} {_fragments(doc.text, start, end)}\t{_text_line(doc.text, start, end)}")
        return f"T{n_t}"

    for span in doc.spans:
        label = span.label.split(":")[0].capitalize() if is_anchor(span.label) else span.label
        tids[span.id] = text_bound(label, span.start, span.end)
    spans = {s.id: s for s in doc.spans}
    n_e = n_a = 0
    for anchor in (s for s in doc.spans if is_anchor(s.label)):
        n_e += 1
        args, used = [], {}
        for rel in (r for r in doc.relations if r.head == anchor.id):
            tail = spans[rel.tail]
            if is_anchor(tail.label):  # an event's trigger is no argument: a plain copy of the name is
                if tail.id not in entity_copy:
                    entity_copy[tail.id] = text_bound("COMPANY", tail.start, tail.end)
                target = entity_copy[tail.id]
            else:
                target = tids[tail.id]
            name = role_name(rel.role)
            used[name] = used.get(name, 0) + 1
            args.append(f"{name}{used[name] if used[name] > 1 else ''}:{target}")
        etype, *detail = anchor.label.split(":")
        lines.append(f"E{n_e}\t{etype.capitalize()}:{tids[anchor.id]}" + "".join(" " + a for a in args))
        if detail and detail[0] in roles.INSTRUMENTS + roles.STAGES:
            n_a += 1
            lines.append(f"A{n_a}\t{'Instrument' if etype == 'funding' else 'Stage'} E{n_e} {detail[0]}")
        if "historical" in detail:
            n_a += 1
            lines.append(f"A{n_a}\tHistorical E{n_e}")
    return "\n".join(lines) + ("\n" if lines else "")


def annotation_conf() -> str:
    events = []
    for etype, rs in roles.ROLES.items():
        args = ", ".join(f"{role_name(r)}{'*' if r in roles.PARTY_ROLES else '?'}:<ENTITY>"
                         for r, _f, _k in rs if r != "company")
        events.append(f"{etype.capitalize()}\t{args}")
    return ("[entities]\n" + "\n".join(ENTITY_LABELS) +
            "\n\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
            "\n[events]\n" + "\n".join(events) +
            "\n\n[attributes]\n"
            f"Instrument\tArg:Funding, Value:{'|'.join(roles.INSTRUMENTS)}\n"
            f"Stage\tArg:Listing, Value:{'|'.join(roles.STAGES)}\n"
            "Historical\tArg:<EVENT>\n")


def visual_conf() -> str:
    rows = [f"{label}\tbgColor:{colour(label)}" for label in ENTITY_LABELS]
    rows += [f"{etype.capitalize()}\tbgColor:{colour(etype)}, fgColor:white" for etype in roles.ROLES]
    return "[labels]\n\n[drawing]\n" + "\n".join(rows) + "\n"


def file_name(doc_id: str, taken: set[str]) -> str:
    base = _UNSAFE.sub("_", doc_id).strip("._")[:80] or "doc"
    name, n = base, 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name.lower())
    return name


def write(docs, target: Path) -> dict:
    target.mkdir(parents=True, exist_ok=True)
    taken: set[str] = {"annotation", "visual", "index"}
    index = ["file\tdoc_id"]
    for doc in docs:
        name = file_name(doc.doc_id, taken)
        (target / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="")
        (target / f"{name}.ann").write_text(ann(doc), encoding="utf-8", newline="")
        index.append(name + "\t" + re.sub(r"[\t\r\n]", " ", doc.doc_id))
    (target / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    (target / "visual.conf").write_text(visual_conf(), encoding="utf-8")
    (target / "index.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    return docs.counts() if hasattr(docs, "counts") else {}
