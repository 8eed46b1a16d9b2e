"""Investors told away from the deal's sentences, linked to the round by a learned model.

A round is often told first and its investors later (参投方还包括X、Y; 老股东Z也继续跟投; “…”，W合伙人表示), in a
sentence where no trigger names the round again. The rules read each clause for itself and miss them. For each
funding event the merge built, every company or organisation named within a few sentences of it (not already a
party of it, nor an event's company) is a candidate; a logistic regression over the candidate's surroundings
(its distance from the round, the characters around it, whether another company's deal sits between, whether
the sentence looks back to an older round) says how likely it is one of this round's investors. Those above the
model's threshold join the investors; a lead word in the name's clause makes it a lead.

The model is plain JSON (models/linker/linker.json, see its README.md); `zhfin train linker` rebuilds it. The
date linker (date_linker.py) shares its document lookups and its model class."""
from __future__ import annotations

import bisect
import functools
import json
import math
import re
from pathlib import Path

from ..entities.span import Entity
from ..paths import MODELS, missing
from .candidate import Candidate
from .context import Context

MODEL_FILE = "linker.json"
MODEL_PATH = MODELS / "linker" / MODEL_FILE
REBUILD = "zhfin train linker --data ../shared/data --out models/linker"
FORMAT = "zhfin-linker/1"
REACH = 3  # sentences before or after the event's own that a candidate may lie in
_PARTIES = ("COMPANY", "ORG")
_WINDOW = 8  # characters each side of a candidate read as bigrams
_SENTENCE = 30  # and of its sentence, read as bigrams without their side
_CLAUSE_END = re.compile(r"[,，。；;！？!?\n]")
_LEAD = re.compile(r"领投|牵头|领衔|独家投资")  # in the candidate's clause: it leads


def bigrams(s: str, tag: str) -> list[str]:
    return [f"{tag}={s[i:i + 2]}" for i in range(len(s) - 1)]


def _clause_breaks(text: str) -> list[int]:
    return [m.start() for m in _CLAUSE_END.finditer(text)]


def _clause_around(breaks: list[int], size: int, start: int, end: int) -> tuple[int, int]:
    """The comma clause around text[start:end], from the text's clause breaks (a lookup, not a walk)."""
    i, j = bisect.bisect_left(breaks, start), bisect.bisect_left(breaks, end)
    return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else size)


class Document:
    """What every candidate of a document shares, looked up once: the sentence of each position, the events
    told in each sentence, the investors of each event."""

    def __init__(self, ctx: Context, events: list[Candidate]):
        self.ctx, self.events = ctx, events
        self._self_named: dict[tuple[int, int], bool] = {}
        self.by_sentence: dict[int, list[int]] = {}
        for n, ev in enumerate(events):
            for i in ev.sentences:
                self.by_sentence.setdefault(i, []).append(n)
        self.funded = min(len({ctx.party(e.company) for e in events if e.type == "funding"}), 3)
        self.investor_in = {}  # party -> the events it invests in
        for n, ev in enumerate(events):
            for inv in ev.args.get("investors", []):
                self.investor_in.setdefault(ctx.party(inv), set()).add(n)

    @functools.cached_property
    def breaks(self) -> list[int]:
        """Where the text's comma clauses end (only the investor features read them)."""
        return _clause_breaks(self.ctx.text)

    def sentence(self, pos: int) -> int:
        return self.ctx.sentence_index(pos)

    def same_company(self, a: Candidate, b: Candidate) -> bool:
        return a.company is b.company or self.ctx.same_party(a.company, b.company)

    def names_company(self, sentence: int, n: int) -> bool:
        """Does the sentence name event n's company (once per sentence and event)?"""
        key = (sentence, n)
        if key not in self._self_named:
            s_start, s_end = self.ctx.sentences[sentence]
            company = self.events[n].company
            self._self_named[key] = any(self.ctx.same_party(p, company)
                                        for p in self.ctx.within(s_start, s_end, *_PARTIES))
        return self._self_named[key]


def features(doc: Document, n: int, ent: Entity) -> list[str]:
    """What the model reads about `ent` as an investor of event `n`."""
    ctx, ev = doc.ctx, doc.events[n]
    text = ctx.text
    here = doc.sentence(ent.start)
    nearest = min(ev.sentences, key=lambda i: (abs(i - here), i))
    value = ent.value or {}
    how = value.get("found_by") or ("weak" if ent.weak else "known" if value.get("canonical") else "rule")
    feats = ["bias", f"d={max(-REACH, min(REACH, here - nearest))}", f"lab={ent.label}", f"nev={doc.funded}",
             f"how={how}", "suf=" + (ent.text[-2:] if not ent.text[-1:].isascii() else "latin")]
    lo, hi = sorted((nearest, here))
    a, b = ctx.sentences[lo][1], ctx.sentences[hi][0]
    feats.append("para=" + ("same" if "\n" not in text[a:b].strip("\n") else "other"))
    # another round of the same company (its earlier rounds told in turn) or another company's event, told
    # between the round and the name
    for i in range(lo + 1, hi):
        for m in doc.by_sentence.get(i, ()):
            kin = "same" if doc.same_company(doc.events[m], ev) else "other"
            feats.append(f"{kin}_between={doc.events[m].type[0]}")
    for m in doc.investor_in.get(ctx.party(ent), ()):
        if m != n:
            feats.append("investor_of_" + ("same" if doc.same_company(doc.events[m], ev) else "other"))
    s_start, s_end = ctx.sentences[here]
    if doc.names_company(here, n):
        feats.append("self_here")
    c_start, c_end = _clause_around(doc.breaks, len(text), ent.start, ent.end)
    clause = ctx.within(c_start, c_end)
    if any(e.label == "ROUND" for e in clause):
        feats.append("round_in_clause")
    if any(e.label == "MONEY" for e in clause):
        feats.append("money_in_clause")
    if ctx.reference is not None and any(e.label == "DATE" and e.value and e.value.get("start")
                                         and int(e.value["start"][:4]) < ctx.reference.year for e in clause):
        feats.append("past_year_in_clause")
    before = text[max(c_start, ent.start - _WINDOW):ent.start]
    after = text[ent.end:min(c_end, ent.end + _WINDOW)]
    feats += bigrams("^" + before, "L") + bigrams(after + "$", "R")
    feats += bigrams(text[c_start:ent.start][-1:] + text[ent.end:c_end][:1], "LR")
    # the words of the sentence around it (a ranking, 最活跃的投资机构分别为, is no list of this round's investors)
    feats += sorted(set(bigrams(text[max(s_start, ent.start - _SENTENCE):ent.start], "S")
                        + bigrams(text[ent.end:min(s_end, ent.end + _SENTENCE)], "S")))
    return feats


def candidates(ctx: Context, events: list[Candidate]):
    """(event index, entity, features) for every company or organisation that may be an investor of a funding
    event: named within REACH sentences of it, in a sentence that tells no event of its own (those give their
    names to their own event), and no event's company nor a party the event has already."""
    doc = Document(ctx, events)
    companies = {ctx.cluster(e.company) for e in events} - {None}
    company_texts = {e.company.text for e in events}
    for n, ev in enumerate(events):
        if ev.type != "funding" or not ev.sentences:
            continue
        near = sorted({i for own in ev.sentences for i in range(own - REACH, own + REACH + 1)
                       if 0 <= i < len(ctx.sentences) and i not in doc.by_sentence})
        taken = [*ev.args.get("investors", []), *ev.args.get("lead_investors", [])]
        for i in near:
            for ent in ctx.within(*ctx.sentences[i], *_PARTIES):
                if ctx.cluster(ent) in companies or ent.text in company_texts \
                        or any(ctx.same_party(ent, t) or _one_party(ent.text, t.text) for t in taken):
                    continue
                yield n, ent, features(doc, n, ent)


def _one_party(a: str, b: str) -> bool:
    """红杉 and 红杉中国, 燊澜股份 and 燊澜智能装备股份有限公司: one party (or its group) told in two forms."""
    return a in b or b in a or (a[:2] == b[:2] and bool(_HAN_STEM.match(a)))


_HAN_STEM = re.compile(r"[\u4e00-\u9fff]{2}")


class Weights:
    """A logistic regression over named features, kept as plain JSON: {format, weights, bias, threshold}."""
    FORMAT = ""

    def __init__(self, meta: dict):
        if meta.get("format") != self.FORMAT:
            raise ValueError(f"not a {self.FORMAT} model (format={meta.get('format')!r})")
        self.weights: dict[str, float] = meta["weights"]
        self.bias = float(meta["bias"])
        self.threshold = float(meta["threshold"])

    def probability(self, feats: list[str]) -> float:
        return logistic(self.weights, self.bias, feats)


def logistic(weights: dict[str, float], bias: float, feats: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def load_weights(cls: type, what: str, path: str):
    """The model of class `cls` at `path` (resolved), read once."""
    if not Path(path).exists():
        raise FileNotFoundError(missing(what, Path(path), REBUILD))
    return cls(json.loads(Path(path).read_text(encoding="utf-8")))


class Linker(Weights):
    FORMAT = FORMAT

    def link(self, ctx: Context, events: list[Candidate]) -> None:
        """Add the likely investors to each funding event (one mention per party, the likeliest)."""
        best: dict[tuple[int, object], tuple[float, Entity]] = {}
        for n, ent, feats in candidates(ctx, events):
            p = self.probability(feats)
            if p < self.threshold:
                continue
            key = (n, ctx.party(ent))
            if key not in best or p > best[key][0]:
                best[key] = (p, ent)
        breaks = None  # (found once, where a party is added)
        for (n, _), (_, ent) in sorted(best.items(), key=lambda item: item[1][1].start):
            ev = events[n]
            if any(_one_party(ent.text, t.text) for t in ev.args.get("investors", [])):
                continue  # the same party, added already in another form
            ev.add_unique("investors", [ent])
            breaks = breaks if breaks is not None else _clause_breaks(ctx.text)
            c_start, c_end = _clause_around(breaks, len(ctx.text), ent.start, ent.end)
            if _LEAD.search(ctx.text, c_start, c_end):
                ev.add_unique("lead_investors", [ent])


def load(path: str | Path | None = None) -> Linker:
    """The model at `path`, or the shipped one (models/linker/linker.json)."""
    return load_weights(Linker, "investor linker", str(Path(path).resolve())) if path else _shipped()


@functools.cache
def _shipped() -> Linker:  # every document asks for it: no path resolved per call
    return load_weights(Linker, "investor linker", str(MODEL_PATH.resolve()))
