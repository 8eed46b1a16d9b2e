"""The ordered stages: normalise -> values and known names -> segment ->
sentences -> names -> party clusters -> events -> record with raw offsets."""
from __future__ import annotations

import datetime as dt
import functools

from spacy.tokens import Doc

from . import entities, events
from .document import Document, InputError
from .entities import aliases, dates, names
from .entities.span import Entity
from .events import triggers
from .events.context import Context
from .events.discover import discover
from .segment import sentences as sents
from .segment.tokenizer import blank_zh, segment, with_offsets
from .text.normalise import normalise

for _name in ("entities", "events", "reference"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def parse_published(published: str | dt.date | None) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        raise InputError(f"published date {published!r} is not an ISO date (YYYY-MM-DD)") from None


ENTITY_MODES = ("all", "events")


class Pipeline:
    """Load once, call many times: `Pipeline()(document)` -> docs record.

    entities="all" tags every document; "events" skips the expensive stages on
    text that holds no candidate trigger (its record then lists no entities)."""

    def __init__(self, entities: str = "all"):
        if entities not in ENTITY_MODES:
            raise ValueError(f"entities must be one of {ENTITY_MODES}, not {entities!r}")
        self.entities_mode = entities
        self.nlp = blank_zh()

    def analyse(self, document: Document, text: str | None = None, offsets=None):
        """Everything up to the events: (spaCy Doc, event Context, raw_span function)."""
        raw = document.raw_text
        if text is None:
            text, offsets = normalise(raw)
        reference = parse_published(document.published)
        inferred = reference is None
        if inferred:
            reference = dates.infer_reference(text)

        found = entities.find_values(text, reference, inferred) + entities.find_known_names(text)
        found = entities.resolve_overlaps(found)
        tokens = with_offsets(segment(text, [(e.start, e.end) for e in found]))
        found = entities.resolve_overlaps(found + entities.find_token_names(text, tokens, found))
        found = found + discover(text, found)
        found = entities.resolve_overlaps(names.propagate(text, found))
        if not _aligned(tokens, text, found):  # names found after segmentation: segment again around them
            tokens = with_offsets(segment(text, [(e.start, e.end) for e in found]))
        sentence_spans = sents.sentences(text)
        doc = self.nlp.tokenizer.make_doc(text, [w for w, _ in tokens], {s for s, _ in sentence_spans})
        spans = [doc.char_span(e.start, e.end, label=e.label) for e in found]
        doc.ents = [span for span in spans if span is not None]
        doc._.entities = found
        doc._.reference = reference

        ctx = Context(text, found, sentence_spans)
        groups = aliases.cluster([e for e in found if e.label in ("COMPANY", "ORG")])
        ctx.clusters = groups
        for i, group in enumerate(groups):
            for ent in group:
                ctx.cluster_of[id(ent)] = i
            ctx.cluster_names.append(aliases.canonical_name(group))

        def raw_span(start: int, end: int) -> dict:
            rs, re_ = offsets.to_raw(start, end)
            return {"text": raw[rs:re_], "start": rs, "end": re_}

        return doc, ctx, raw_span

    def __call__(self, document: Document) -> dict:
        record = {"doc_id": document.doc_id, "source": document.source, "published": document.published,
                  "reference_date": None, "reference_inferred": False,
                  "entities": [], "events": [], "errors": []}
        text, offsets = normalise(document.raw_text)
        if self.entities_mode == "events" and not triggers.has_candidate(text):
            return self._finish(record, document)
        doc, ctx, raw_span = self.analyse(document, text, offsets)

        def mention(ent: Entity) -> dict:
            return raw_span(ent.start, ent.end)

        doc._.events = events.extract(ctx, mention, raw_span, document.doc_id)
        record.update({
            "reference_date": doc._.reference.isoformat() if doc._.reference else None,
            "reference_inferred": document.published is None and doc._.reference is not None,
            "entities": [{"label": e.label, **mention(e), "value": _public_value(e)}
                         for e in doc._.entities if not _unconfirmed(e, ctx)],
            "events": doc._.events,
        })
        return self._finish(record, document)

    @staticmethod
    def _finish(record: dict, document: Document) -> dict:
        if document.meta.get("format") == "html":
            record["text"] = document.raw_text  # offsets point into the extracted text
        if document.meta.get("title"):
            record["title"] = document.meta["title"]
        return record


def _aligned(tokens: list[tuple[str, int]], text: str, found: list[Entity]) -> bool:
    boundaries = {start for _, start in tokens} | {len(text)}
    return all(e.start in boundaries and e.end in boundaries for e in found)


def _unconfirmed(ent: Entity, ctx: Context) -> bool:
    """A weak-suffix name (…科技, …智能) that no event gave a role."""
    return bool(ent.value and ent.value.get("weak")) and ent.text not in ctx.confirmed


def _public_value(ent: Entity):
    if ent.label in ("COMPANY", "ORG"):
        canonical = (ent.value or {}).get("canonical")
        return {"canonical": canonical} if canonical else None
    return ent.value


@functools.cache
def load(entities: str = "all") -> Pipeline:
    return Pipeline(entities)
