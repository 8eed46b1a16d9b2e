"""A docs record as a spaCy Doc: what `zhfin.load().doc(text)` returns.

    doc = zhfin.load().doc("云帆智能完成5亿元B轮融资，由澄湖资本领投。")
    doc.ents                      # COMPANY, MONEY, ROUND … (the record's entities)
    doc.spans["funding"]          # one span per role mention: label company, investors, amount …
    doc._.events                  # the event dicts of the record (zhfin.event/2)
    doc.user_data["zhfin"]        # the rest of the record: entities with values, provenance …

The Doc's text is the raw text as the user gave it, so every offset in the record is
a character offset of the Doc (`doc.char_span(e["start"], e["end"])`). The tokens
are jieba's words over the analysis text mapped back to the raw text; normalisation
only deletes characters or replaces one by one, so every word maps to one raw
stretch, and the deleted stretches between words (a pinyin gloss, a zero-width
space) become tokens of their own. `token.norm_` holds the analysis form where it
differs (simplified script, half-width): 融資 -> 融资.

Span groups: `doc.spans["funding"]` and `doc.spans["listing"]` (always both, maybe
empty). For each event, one span per role mention, its label the record's field
(company, investors, lead_investors, amount, round, valuation, date, disclosed,
exchange, ticker, offer_price, shares_offered, proceeds, market_cap, listing_date,
milestones …), plus one span labelled "evidence" per evidence sentence. Each span's
`id_` is its event's `event_id`, so `[s for s in doc.spans["funding"] if s.id_ == e["event_id"]]`
are the spans of event e.

Everything is plain JSON-able data in `doc.user_data`, so `DocBin(store_user_data=True)`
keeps it: the events as JSON text under "zhfin_events" (`doc._.events` reads them, a
fresh list on each access, exactly as written), the rest of the record as a dict under
"zhfin" (DocBin gives its lists back as tuples). `Doc._.events` is registered when this module is imported, which spaCy
does itself in any process where zhfin is installed (the `zhfin_events` factory is a
spaCy entry point): a DocBin read back with `spacy.blank("zh").vocab` has its events.
The factory is also a component: `nlp.add_pipe("zhfin_events")` annotates the docs of
any Chinese spaCy pipeline (span groups and `doc._.events`; tokens are that pipeline's).
"""
from __future__ import annotations

import json

from spacy.language import Language
from spacy.tokens import Doc

from . import spacy_registry

GROUPS = ("funding", "listing")
USER_DATA_KEY = "zhfin"
EVENTS_KEY = "zhfin_events"


def register() -> None:
    """`Doc._.events`, once (idempotent: a second import or call changes nothing)."""
    if not Doc.has_extension("events"):
        Doc.set_extension("events", getter=events_of)


def events_of(doc: Doc) -> list[dict] | None:
    """The events stored on a Doc (None on a Doc zhfin never saw)."""
    stored = doc.user_data.get(EVENTS_KEY)
    return None if stored is None else json.loads(stored)


register()


def build(record: dict, analysis) -> Doc:
    """The Doc of a record and the analysis it came from (pipeline.Pipeline.doc)."""
    from .segment.tokenizer import blank_zh, segment, with_offsets

    ctx = analysis.context
    tokens = analysis.tokens
    if not _aligned(tokens, analysis.text, ctx.entities):  # names found after segmentation: segment around them
        tokens = with_offsets(segment(analysis.text, [(e.start, e.end) for e in ctx.entities]))
    raw = analysis.document.raw_text
    words, norms = _raw_words(tokens, analysis.offsets, raw)
    starts = {analysis.offsets.to_raw(s, s + 1)[0] for s, e in ctx.sentences if e > s}
    doc = blank_zh().tokenizer.make_doc(raw, words, starts)
    for token in doc:
        norm = norms.get(token.idx)
        if norm is not None and norm[1] == len(token.text) and norm[0] != token.text:
            token.norm_ = norm[0]
    spans = [doc.char_span(e["start"], e["end"], label=e["label"]) for e in record["entities"]]
    doc.ents = [span for span in spans if span is not None]
    annotate(doc, record, alignment_mode="strict")
    return doc


def annotate(doc: Doc, record: dict, alignment_mode: str = "expand") -> Doc:
    """Span groups, `doc._.events` and `doc.user_data["zhfin"]` from a record whose
    offsets are character offsets of `doc`."""
    register()
    groups = {name: [] for name in GROUPS}
    for event in record["events"]:
        spans = groups.setdefault(event["type"], [])
        for role, mention in role_mentions(event):
            span = doc.char_span(mention["start"], mention["end"], label=role, span_id=event["event_id"],
                                 alignment_mode=alignment_mode)
            if span is None and alignment_mode != "expand":
                span = doc.char_span(mention["start"], mention["end"], label=role, span_id=event["event_id"],
                                     alignment_mode="expand")
            if span is not None:
                spans.append(span)
    for name, spans in groups.items():
        doc.spans[name] = spans
    doc.user_data[EVENTS_KEY] = json.dumps(record["events"], ensure_ascii=False)
    doc.user_data[USER_DATA_KEY] = {k: v for k, v in record.items() if k != "events"}
    return doc


def role_mentions(event: dict):
    """(role, {text, start, end}) for every mention of an event: parties, values, dates,
    evidence sentences; a field ending in _mention (ticker_mention) is its role (ticker)."""
    for field, value in event.items():
        role = field.removesuffix("_mention")
        for item in value if isinstance(value, list) else [value]:
            mention = _mention(item)
            if mention is None and isinstance(item, dict):  # milestones: {stage, date}
                mention = next((m for v in item.values() if (m := _mention(v))), None)
            if mention is not None:
                yield role, mention


def _mention(value) -> dict | None:
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("mention"), dict):
        value = value["mention"]
    return value if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) else None


def _aligned(tokens: list[tuple[str, int]], text: str, found) -> bool:
    boundaries = {start for _, start in tokens} | {len(text)}
    return all(e.start in boundaries and e.end in boundaries for e in found)


def _raw_words(tokens: list[tuple[str, int]], offsets, raw: str) -> tuple[list[str], dict[int, tuple[str, int]]]:
    """The analysis words as raw stretches, with the deleted stretches between them as
    words of their own; and raw start -> (analysis word, raw length) for the norms."""
    words, norms, pos = [], {}, 0
    for word, start in tokens:
        if not word:
            continue
        rs, re_ = offsets.to_raw(start, start + len(word))
        if rs > pos:
            words.append(raw[pos:rs])
        words.append(raw[rs:re_])
        norms[rs] = (word, re_ - rs)
        pos = re_
    if pos < len(raw):
        words.append(raw[pos:])
    return words, norms


@spacy_registry.factory("zhfin_events", default_config={"entities": "all", "names": "rules"})
def make_events_component(nlp: Language, name: str, entities: str, names: str):
    """A spaCy component: runs zhfin on each Doc's text and adds the span groups,
    `doc._.events` and `doc.user_data["zhfin"]` (the Doc's tokens stay as they are)."""
    return EventsComponent(entities, names)


class EventsComponent:
    def __init__(self, entities: str = "all", names: str = "rules"):
        self.entities, self.names = entities, names

    def __call__(self, doc: Doc) -> Doc:
        from .document import Document
        from .pipeline import load

        record = load(self.entities, self.names)(Document(doc_id="doc", raw_text=doc.text))
        return annotate(doc, record)
