"""`zhfin view`: documents on one self-contained HTML page, each with its text (entities
and event roles marked) and its events as cards (normalised values, confidence).

    shown = from_article(document, pipeline)        # one article, analysed now
    shown, note = from_folder("out/", ["id1"], 20)  # documents of a batch output folder
    Path("page.html").write_text(render(shown, "out/"))

Every piece of text from the input is escaped (page.esc); the page has no script.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import roles
from .corpus import NEEDS_TEXT, BatchFolder, Texts
from .page import COLOURS, ROLE_COLOURS, esc, money, number, page

EVIDENCE_SHOWN = 3


@dataclass
class Shown:
    """One document on the page: its docs record and its raw text (None: not to be had)."""
    record: dict
    text: str | None
    note: str | None = None


def from_article(document, pipeline) -> list[Shown]:
    record = pipeline(document)
    return [Shown(record, record.get("text") or document.raw_text)]


def from_folder(path: str, doc_ids: tuple[str, ...] = (), limit: int = 20,
                everything: bool = False) -> tuple[list[Shown], str | None]:
    """The chosen documents (by id; else the first `limit` with events, or any with
    `everything`) and a one-line note for the user, or None."""
    folder = BatchFolder(path)
    wanted, chosen, total = set(doc_ids), [], 0
    for record in folder.docs():
        if wanted:
            if str(record.get("doc_id")) in wanted:
                chosen.append(record)
            continue
        if everything or record.get("events"):
            total += 1
            if len(chosen) < limit:
                chosen.append(record)
    missing = wanted - {str(r.get("doc_id")) for r in chosen}
    if missing:
        from ..document import InputError

        raise InputError(f"{path}: no document {', '.join(sorted(missing))} in docs.jsonl")
    texts = Texts(folder)
    needs_text = NEEDS_TEXT.format(folder=path)
    shown = []
    for record in chosen:
        text = texts(record)
        shown.append(Shown(record, text, None if text is not None else needs_text))
    notes = []
    if texts.missing:
        notes.append(needs_text)
    if not wanted and total > len(chosen):
        notes.append(f"showing {len(chosen)} of {total} documents{'' if everything else ' with events'}; "
                     "--limit or --doc to choose")
    if not chosen:
        notes.append(f"{path}: no documents{'' if everything or wanted else ' with events'} to show")
    return shown, "; ".join(notes) or None


# ---- the marked text ----------------------------------------------------------------------

@dataclass
class _Mark:
    start: int
    end: int
    label: str
    roles: list  # [(event number, event type, role)]


def _marks(record: dict, text: str) -> list[_Mark]:
    """Entity and role spans, non-overlapping: role spans first, then the longer."""
    by_span: dict[tuple[int, int], _Mark] = {}
    for ent in record.get("entities") or []:
        key = (ent.get("start"), ent.get("end"))
        if isinstance(key[0], int) and isinstance(key[1], int):
            by_span.setdefault(key, _Mark(key[0], key[1], str(ent.get("label")), []))
    for number_, event in enumerate(record.get("events") or [], 1):
        for role, kind, _value, mention in roles.spans(event):
            key = (mention["start"], mention["end"])
            mark = by_span.setdefault(key, _Mark(key[0], key[1], kind, []))
            mark.roles.append((number_, event.get("type"), role))
    ranked = sorted(by_span.values(), key=lambda m: (not m.roles, m.start - m.end, m.start))
    kept, taken = [], []
    for mark in ranked:
        if 0 <= mark.start < mark.end <= len(text) and not any(mark.start < e and s < mark.end for s, e in taken):
            kept.append(mark)
            taken.append((mark.start, mark.end))
    return sorted(kept, key=lambda m: m.start)


def _evidence(record: dict) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for ev in record.get("events") or [] for e in ev.get("evidence") or []
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]


def _plain(text: str, start: int, end: int, evidence: list[tuple[int, int]]) -> str:
    """text[start:end], the parts inside an event's evidence shaded."""
    cuts = sorted({start, end} | {p for s, e in evidence for p in (s, e) if start < p < end})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(text[a:b])
        out.append(f'<span class="ev">{piece}</span>' if any(s <= a and b <= e for s, e in evidence) else piece)
    return "".join(out)


def marked_text(record: dict, text: str) -> str:
    evidence = _evidence(record)
    out, at = [], 0
    for mark in _marks(record, text):
        out.append(_plain(text, at, mark.start, evidence))
        colour = COLOURS.get(mark.label, "#eee")
        role_tags = "".join(f'<span class="role {esc(t)}">E{n} {esc(r)}</span>' for n, t, r in mark.roles)
        title = "; ".join([mark.label] + [f"E{n} {t} {r}" for n, t, r in mark.roles])
        out.append(f'<mark class="ent{" has-role" if mark.roles else ""}" style="background:{colour}" '
                   f'title="{esc(title)}">{_plain(text, mark.start, mark.end, evidence)}'
                   f'<span class="lab">{esc(mark.label)}</span>{role_tags}</mark>')
        at = mark.end
    out.append(_plain(text, at, len(text), evidence))
    return "".join(out)


# ---- the event cards ----------------------------------------------------------------------

def _date(d: dict | None) -> str:
    if not d:
        return ""
    if not d.get("start_date"):
        return f"({d.get('text', '')})"
    shown = d["start_date"] if d.get("granularity") == "day" else f"{d['start_date']} … {d.get('end_date')}"
    return shown + (f" {d['time']}" if d.get("time") else "") + (" (year inferred)" if d.get("inferred") else "")


def _value(kind: str, value) -> str:
    """The normalised value of one role, as text."""
    if kind == "MONEY":
        return money(value)
    if kind == "DATE":
        return _date(value)
    if kind == "ROUND":
        return value.get("name") or ""
    if kind == "EXCHANGE":
        return " ".join(filter(None, [value.get("code"), value.get("board"), value.get("name")]))
    if kind == "SHARES":
        return number(value["value"]) + " shares" if value.get("value") is not None else ""
    return value.get("name") or value.get("code") or ""


def _facts(event: dict) -> list[tuple[str, str, str, float | None]]:
    """(role, normalised value, words in the text, confidence) per filled role."""
    conf = event.get("argument_confidence") or {}
    rows, seen = [], {}
    for role, field, kind in roles.roles_of(event.get("type", "")):
        if role == "company":
            continue
        value = event.get(field)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(x for x in items if x):
            c = conf.get(field)
            c = c[i] if isinstance(c, list) and i < len(c) else c
            if role == "ticker":
                shown, words = event.get("ticker") or "", item.get("text", "")
            else:
                shown = _value(kind, item)
                words = (item.get("mention") or {}).get("text", "") if role in roles.PARTY_ROLES else item.get("text", "")
            seen[role] = True
            rows.append((role, shown, words, c if isinstance(c, (int, float)) else None))
    if event.get("type") == "listing" and event.get("ticker") and "ticker" not in seen:
        rows.append(("ticker", event["ticker"], "", conf.get("ticker")))
    return rows


def _confidence(c) -> str:
    if not isinstance(c, (int, float)):
        return ""
    pct = max(0.0, min(1.0, float(c))) * 100
    return (f'<span class="conf" title="confidence {c:.3f}"><span class="bar"><span style="width:{pct:.0f}%">'
            f'</span></span>{c:.2f}</span>')


def event_card(event: dict, n: int) -> str:
    etype = event.get("type", "event")
    detail = event.get("instrument") if etype == "funding" else event.get("stage")
    company = event.get("company") or {}
    mention = (company.get("mention") or {}).get("text")
    name = esc(company.get("name") or mention or "?")
    as_written = f' <span class="muted">(as written: {esc(mention)})</span>' if mention and mention != company.get("name") else ""
    flags = "".join(f'<span class="flag">{esc(f)}</span>' for f in
                    (["historical"] if event.get("historical") else []) + (["cumulative"] if event.get("cumulative") else []))
    rows = "".join(f'<tr><th>{esc(role)}</th><td>{esc(shown)}</td>'
                   f'<td class="words">{esc(words) if words != shown else ""}</td>'
                   f'<td>{_confidence(c)}</td></tr>' for role, shown, words, c in _facts(event))
    evidence = "".join(f"<li>{esc(e.get('text', '').strip())}</li>" for e in (event.get("evidence") or [])[:EVIDENCE_SHOWN])
    return (f'<article class="card {esc(etype)}{" historical" if event.get("historical") else ""}" '
            f'data-event-id="{esc(event.get("event_id"))}">'
            f'<div class="card-head"><span class="badge {esc(etype)}">E{n} {esc(etype)}'
            f'{" · " + esc(detail) if detail else ""}</span>{flags}{_confidence(event.get("confidence"))}</div>'
            f'<div class="company">{name}{as_written}</div>'
            f'<table class="facts">{rows}</table>'
            + (f'<ul class="evidence">{evidence}</ul>' if evidence else "") + "</article>")


# ---- the page -----------------------------------------------------------------------------

def _doc_section(shown: Shown, i: int) -> str:
    r = shown.record
    events = r.get("events") or []
    meta = [("source", r.get("source")), ("published", r.get("published")),
            ("dates resolved against", (r.get("reference_date") or "") + (" (inferred)" if r.get("reference_inferred") else "")),
            ("title", r.get("title"))]
    meta_html = " · ".join(f"{esc(k)}: {esc(v)}" for k, v in meta if v)
    errors = "".join(f'<p class="notice">error: {esc(e)}</p>' for e in r.get("errors") or [])
    cards = "".join(event_card(ev, n) for n, ev in enumerate(events, 1)) or '<p class="muted">no events found</p>'
    if shown.text is not None:
        text = f'<div class="text">{marked_text(r, shown.text)}</div>'
    else:
        text = f'<p class="notice">{esc(shown.note or "no text")}</p>'
    return (f'<section class="box doc" id="d{i}"><h2>{esc(r.get("doc_id"))} '
            f'<span class="muted">{len(events)} event(s)</span></h2><p class="muted">{meta_html}</p>{errors}'
            f'<div class="doc-body">{text}<div class="cards">{cards}</div></div></section>')


def _legend() -> str:
    ents = "".join(f'<mark class="ent" style="background:{c}">{esc(label)}</mark> ' for label, c in COLOURS.items())
    return (f'<p class="legend">{ents} <span class="role funding">E1 funding role</span> '
            f'<span class="role listing">E1 listing role</span> <span class="ev">evidence</span></p>')


def render(shown: list[Shown], source: str, note: str | None = None) -> str:
    n_events = sum(len(s.record.get("events") or []) for s in shown)
    subtitle = f"{source} · {len(shown)} document(s), {n_events} event(s)"
    body = []
    if note:
        body.append(f'<p class="notice">{esc(note)}</p>')
    body.append(_legend())
    if len(shown) > 1:
        links = "".join(f'<li><a href="#d{i}">{esc(s.record.get("doc_id"))}</a> '
                        f'<span class="muted">{len(s.record.get("events") or [])}</span></li>'
                        for i, s in enumerate(shown, 1))
        body.append(f'<nav class="box toc"><ul>{links}</ul></nav>')
    body += [_doc_section(s, i) for i, s in enumerate(shown, 1)]
    return page("zhfin view", subtitle, "\n".join(body), CSS)


CSS = f"""
.doc-body {{ display: grid; grid-template-columns: minmax(0, 3fr) minmax(360px, 2fr); gap: 18px;
             align-items: start; }}
@media (max-width: 900px) {{ .doc-body {{ grid-template-columns: 1fr; }} }}
.doc-body > .notice {{ grid-column: 1; }}
.text {{ white-space: pre-wrap; line-height: 2.1; font-size: 16px; }}
mark.ent {{ padding: 1px 3px; border-radius: 4px; }}
mark.ent.has-role {{ outline: 1px solid #7d8799; }}
mark .lab {{ font-size: 9px; font-weight: 700; color: #4a5263; margin-left: 3px; vertical-align: super; }}
.role {{ font-size: 9px; color: #fff; border-radius: 3px; padding: 0 3px; margin-left: 2px; vertical-align: super;
         white-space: nowrap; background: #555; }}
.role.funding {{ background: {ROLE_COLOURS["funding"]}; }}
.role.listing {{ background: {ROLE_COLOURS["listing"]}; }}
.ev {{ background-image: linear-gradient(transparent 88%, #f2b84b 88%); }}
.legend mark {{ font-size: 12px; }}
.cards {{ display: grid; grid-template-columns: 1fr; gap: 12px; }}
.card {{ border: 1px solid #dfe3ea; border-left: 5px solid #888; border-radius: 6px; padding: 10px 12px;
         background: #fbfcfe; }}
.card.funding {{ border-left-color: {ROLE_COLOURS["funding"]}; }}
.card.listing {{ border-left-color: {ROLE_COLOURS["listing"]}; }}
.card.historical {{ opacity: .6; }}
.card-head {{ display: flex; gap: 6px; align-items: center; }}
.badge {{ color: #fff; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 600; background: #555; }}
.badge.funding {{ background: {ROLE_COLOURS["funding"]}; }}
.badge.listing {{ background: {ROLE_COLOURS["listing"]}; }}
.flag {{ font-size: 11px; border: 1px solid #aaa; border-radius: 4px; padding: 0 4px; }}
.company {{ font-size: 17px; font-weight: 700; margin: 4px 0; }}
table.facts {{ border-collapse: collapse; font-size: 13px; width: 100%; }}
table.facts th {{ text-align: left; color: #5b6478; font-weight: 500; padding-right: 8px; white-space: nowrap;
                  vertical-align: top; }}
table.facts td {{ padding-right: 8px; vertical-align: top; }}
table.facts td.words {{ color: #6b7385; white-space: nowrap; }}
.conf {{ margin-left: auto; font-size: 11px; color: #4a5263; white-space: nowrap; }}
.conf .bar {{ display: inline-block; width: 40px; height: 6px; background: #e3e6ec; border-radius: 3px;
              margin-right: 4px; vertical-align: middle; }}
.conf .bar span {{ display: block; height: 6px; background: #2da44e; border-radius: 3px; }}
ul.evidence {{ margin: 6px 0 0; padding-left: 18px; font-size: 12px; color: #4a5263; }}
nav.toc ul {{ columns: 3; margin: 0; padding-left: 18px; font-size: 13px; }}
"""
