"""The ordered stages: normalise -> values and known names -> segment ->
sentences -> names -> party clusters -> events -> record with raw offsets."""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from dataclasses import dataclass

from . import entities, events, userdata
from .document import Document, InputError
from .provenance import MODELS, PRODUCER, provenance
from .entities import aliases, dates, names
from .entities.span import Entity
from .events import clauses, prefilter, tagger
from .events.context import Context
from .events.discover import discover
from .segment import sentences as sents
from .segment.tokenizer import segment, with_offsets
from .text.offsets import OffsetMap
from .text.normalise import normalise

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
INSTRUMENTS = ("equity", "placement", "debt")
# Where names come from: lexicon, suffix and role rules; or those plus the trained
# recogniser in models/ner (better recall, about five times slower).
NAME_SOURCES = ("rules", "model")


@dataclass
class Analysis:
    """One document analysed up to the events, on the analysis text."""
    document: Document
    text: str
    offsets: OffsetMap
    reference: dt.date | None
    tokens: list[tuple[str, int]]  # (word, start) from the jieba segmenter, before names were found
    context: Context  # sentences, entities and party clusters, as the event stage sees them

    def raw_span(self, start: int, end: int) -> dict:
        rs, re_ = self.offsets.to_raw(start, end)
        return {"text": self.document.raw_text[rs:re_], "start": rs, "end": re_}

    def mention(self, ent: Entity) -> dict:
        return self.raw_span(ent.start, ent.end)


def _user_scope(method):
    """Runs `method` with the pipeline's user data active (see userdata.active)."""
    @functools.wraps(method)
    def scoped(self, *args, **kwargs):
        with userdata.using(self.user):
            return method(self, *args, **kwargs)
    return scoped


class Pipeline:
    """Load once, call many times: `Pipeline()(document)` -> docs record.

    entities="all" tags every document; "events" skips the expensive stages on
    text that holds no candidate trigger (its record then lists no entities).
    `Pipeline().doc(text_or_document)` gives the record as a spaCy Doc (see spacy_doc).
    user: the user's names, triggers and name model (userdata.load); a name model
    implies names="model"."""

    def __init__(self, entities: str = "all", names: str = "rules", instruments: tuple[str, ...] | None = None,
                 party_tagger: bool | str = True, user: userdata.UserData | None = None, trf=None):
        if entities not in ENTITY_MODES:
            raise ValueError(f"entities must be one of {ENTITY_MODES}, not {entities!r}")
        if names not in NAME_SOURCES:
            raise ValueError(f"names must be one of {NAME_SOURCES}, not {names!r}")
        bad = sorted(set(instruments or ()) - set(INSTRUMENTS))
        if bad:
            raise ValueError(f"instruments must be among {INSTRUMENTS}, not {', '.join(bad)}")
        self.user = user or None
        self.entities_mode = entities
        self.names = "model" if self.user and self.user.ner_model else names
        self.instruments = tuple(instruments) if instruments else None  # None: every funding event
        self.tagger = party_tagger  # True: models/tagger; a path: that model; False: rules alone
        self.trf = trf  # nlp.trf.TrfOptions: the accurate mode's tagger too (None: the fast mode)

    @functools.cached_property
    def provenance(self) -> dict:
        from .events import date_linker, linker, scorer, stage_model

        models = {"events/arguments": scorer.MODEL_PATH, "events/listing_stage": stage_model.MODEL_PATH,
                  "linker": linker.MODEL_PATH, "date_linker": date_linker.MODEL_PATH}
        if self.tagger:
            models["tagger"] = tagger.MODEL_DIR if self.tagger is True else Path(self.tagger)
        if self.names == "model":  # not ner_model.MODEL_DIR: that import loads spaCy
            models["ner"] = Path(self.user.ner_model) if self.user and self.user.ner_model else MODELS / "ner"
        options = {"entities": self.entities_mode, "names": self.names,
                   "instruments": list(self.instruments) if self.instruments else "all"}
        if self.trf:
            models["trf"] = Path(self.trf.model_dir)
            options.update(model="accurate", quantize=self.trf.quantize)
        if self.user:
            options["user"] = self.user.provenance()
        return provenance(options, models)

    @_user_scope
    def find_names(self, text: str, reference: dt.date | None, inferred: bool, text_clauses: list | None = None):
        """Values and names by rules (and the recogniser with names="model"), up to role
        discovery: (entities, jieba words, clauses with their triggers). What the party
        tagger reads, at inference and in training alike. text_clauses: clauses.split(text), when made already."""
        found = entities.find_values(text, reference, inferred) + entities.find_known_names(text)
        if self.user:  # the user's names win over the built-in guesses they overlap
            found = self.user.claim(found, text)
        found = entities.resolve_overlaps(found)
        tokens = with_offsets(segment(text, [(e.start, e.end) for e in found]))
        found = entities.off_share_bars(text, entities.resolve_overlaps(found + entities.find_token_names(text, tokens, found)))
        if self.names == "model":
            found = found + entities.find_model_names(text, found, self.user.ner_model if self.user else None)
        if text_clauses is None:
            text_clauses = clauses.split(text)  # each clause and its triggers, found once
        # role discovery and the recogniser read the clauses with a trigger worth reading (no bare 投资
        # without a name after it); the event stage checks every trigger again with the final names
        found = _with_role_names(found, discover(text, found, clauses.worth_reading(text, text_clauses, found)))
        if self.names == "rules":  # the recogniser, where neither the rules nor the roles name a party
            found = found + entities.find_clause_names(text, clauses.worth_reading(text, text_clauses, found), found,
                                                       self.user.ner_model if self.user else None)
        return found, tokens, text_clauses

    @_user_scope
    def analyse(self, document: Document, text: str | None = None, offsets: OffsetMap | None = None,
                events_only: bool = False) -> Analysis | None:
        """Everything up to the events. events_only: None where no clause keeps a trigger once the names are
        found (a bare 投资 that no name follows): such a text holds no event, and the rest is not built."""
        if text is None:
            text, offsets = normalise(document.raw_text)
        text_clauses = clauses.split(text)
        if events_only and not any(c.triggers for c in text_clauses):  # the names could only take triggers away
            return None
        reference = parse_published(document.published)
        inferred = reference is None
        if inferred:
            reference = dates.infer_reference(text)

        found, tokens, text_clauses = self.find_names(text, reference, inferred, text_clauses)
        read = clauses.worth_reading(text, text_clauses, found)  # what the party tagger reads
        has_triggers = any(c.triggers for c in read)
        tagged = self._party_tagger().tag(text, read, tokens, found) if self.tagger and has_triggers else []
        trf_tagged, trf_names = self._trf_tag(text, read, tokens) if self.trf and has_triggers else ([], [])
        found = _with_role_names(found, tagger.new_names(text, tagged + trf_names, found))
        found = entities.resolve_overlaps(names.propagate(text, found))
        if self.user:  # a longer name found by its role does not cut into a user's name
            found = self.user.claim(found, text)

        # the event stage reads a bare 投资 only where a name, final now, follows it
        final_clauses = clauses.worth_reading(text, text_clauses, found)
        if events_only and not any(c.triggers for c in final_clauses):
            return None
        ctx = Context(text, found, sents.sentences(text), reference=reference, reference_inferred=inferred,
                      clauses=final_clauses, tagged=tagged, trf_tagged=trf_tagged)
        parties = [e for e in found if e.label in ("COMPANY", "ORG")]
        ctx.clusters = aliases.cluster(parties, text)
        former = aliases.former_names(parties, text)
        for i, group in enumerate(ctx.clusters):
            for ent in group:
                ctx.cluster_of[id(ent)] = i
            ctx.cluster_names.append(aliases.canonical_name(group, former))
        return Analysis(document, text, offsets, reference, tokens, ctx)

    def _party_tagger(self):
        return tagger.load(None if self.tagger is True else self.tagger)

    def _trf_tagger(self):
        from . import trf  # torch and transformers load with the accurate model, never before

        return trf.load(self.trf)

    def _trf_tag(self, text: str, text_clauses: list, tokens: list[tuple[str, int]]):
        """(the accurate tagger's spans, those sure enough to become new names)."""
        model = self._trf_tagger()
        tagged = model.tag(text, text_clauses, tokens)
        return tagged, model.names(tagged)

    @_user_scope
    def doc(self, document: Document | str, published: str | None = None, doc_id: str = "doc"):
        """The record as a spaCy Doc over the raw text: tokens, sentences, entities in
        `doc.ents`, events as span groups and `doc._.events` (spacy_doc; spaCy loads on first use)."""
        from . import spacy_doc

        if isinstance(document, str):
            document = Document(doc_id=doc_id, raw_text=document, published=published)
        record, analysis = self._record(document, analyse_all=True)
        return spacy_doc.build(record, analysis)

    @_user_scope
    def __call__(self, document: Document) -> dict:
        return self._record(document)[0]

    def _record(self, document: Document, analyse_all: bool = False) -> tuple[dict, Analysis | None]:
        """(docs record, the analysis it came from; None when the text was skipped)."""
        record = {"doc_id": document.doc_id, "source": document.source, "published": document.published,
                  "reference_date": None, "reference_inferred": False,
                  "entities": [], "events": [], "errors": []}
        events_only = self.entities_mode == "events" and not analyse_all
        if events_only and not prefilter.may_hold(document.raw_text):  # nine texts in ten, not even normalised
            return self._finish(record, document), None
        text, offsets = normalise(document.raw_text)
        if events_only and not events.may_hold_event(text):
            return self._finish(record, document), None
        analysis = self.analyse(document, text, offsets, events_only=events_only)
        if analysis is None:  # its candidate triggers fell away with the names
            return self._finish(record, document), None
        ctx = analysis.context
        # events need a trigger; the clause views serve the events and confirm weak names
        has_triggers = any(c.triggers for c in ctx.clauses)
        views = events.analyse_clauses(ctx, weak_only=not has_triggers)
        found = events.extract(ctx, analysis.mention, analysis.raw_span, document.doc_id, views) if has_triggers else []
        record.update({
            "reference_date": analysis.reference.isoformat() if analysis.reference else None,
            "reference_inferred": document.published is None and analysis.reference is not None,
            "events": [ev for ev in found if self._wanted(ev)],
        })
        # a weak name (…科技, …智能) is reported only when some clause gave it a role
        confirmed = events.confirmed_names(views)
        record["entities"] = [{"label": e.label, **analysis.mention(e), "value": _public_value(e)}
                              for e in ctx.entities if not _unconfirmed(e, confirmed)]
        return self._finish(record, document), analysis

    def _wanted(self, event: dict) -> bool:
        """--instrument filters funding events; other events always pass."""
        return self.instruments is None or "instrument" not in event or event["instrument"] in self.instruments

    def _finish(self, record: dict, document: Document) -> dict:
        record["provenance"] = self.provenance
        record["producer"] = PRODUCER
        if document.meta.get("format") == "html" or document.meta.get("keep_text"):
            record["text"] = document.raw_text  # HTML: offsets point into the extracted text; batch --keep-text
        if document.meta.get("title"):
            record["title"] = document.meta["title"]
        return record


def _with_role_names(found: list[Entity], discovered: list[Entity]) -> list[Entity]:
    """Names found by their role replace the weak guesses they overlap."""
    kept = [e for e in found if not (e.weak and any(e.overlaps(d) for d in discovered))]
    return kept + discovered


def _unconfirmed(ent: Entity, confirmed: set[str]) -> bool:
    """A weak-suffix name (…科技, …智能) that no clause gave a role."""
    return ent.weak and ent.text not in confirmed


def _public_value(ent: Entity):
    if ent.label in ("COMPANY", "ORG"):
        canonical = (ent.value or {}).get("canonical")
        return {"canonical": canonical} if canonical else None
    return ent.value


@functools.cache
def load(entities: str = "all", names: str = "rules", instruments: tuple[str, ...] | None = None,
         user: userdata.UserData | None = None, trf=None) -> Pipeline:
    """trf: nlp.trf.TrfOptions for the accurate mode (nlp.trf.options), None for the fast one."""
    return Pipeline(entities, names, instruments, user=user, trf=trf)
