"""When an event happened, where no rule dated it: a learned choice among the dates told near it.

The rules date an event from its own clauses, its dateline, a round-up's period or the sentence that sets its
scene (events/when.py). Reporters also tell the day in a sentence of its own, after the deal (…完成3亿元B轮融资。
据悉，该轮融资已于11月14日完成交割) or before it. For each event the rules left
undated, every date with a value within REACH sentences of it is a candidate; a logistic regression over where it
stands (distance, the same paragraph, another event between or in its sentence, a dateline), what it is (day or
month, how long before the article, a vague word beside the event) and the characters around it says how likely it
is the event's date. The likeliest candidate above the model's threshold dates the event.

The model is plain JSON (models/linker/dates.json, see models/linker/README.md); `zhfin train linker` rebuilds it
with the investor linker."""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ..entities.span import Entity
from ..paths import MODELS
from .candidate import Candidate
from .context import Context
from .linker import Document, Weights, bigrams, load_weights

MODEL_FILE = "dates.json"
MODEL_PATH = MODELS / "linker" / MODEL_FILE
FORMAT = "zhfin-date-linker/1"
REACH = 2  # sentences before or after the event's own that a candidate may lie in
_WINDOW = 6  # characters each side of a candidate read as bigrams
_SENTENCE = 20  # and of its sentence, read as bigrams without their side


def _ago(ctx: Context, start: str) -> str:
    """How long before the article's day the date begins, in coarse steps."""
    if ctx.reference is None:
        return "noref"
    try:
        days = (ctx.reference - dt.date.fromisoformat(start[:10])).days
    except ValueError:
        return "bad"
    if days < 0:
        return "future"
    return next(name for limit, name in ((0, "0"), (1, "1"), (7, "week"), (31, "month"), (366, "year"),
                                         (10 ** 6, "older")) if days <= limit)


def features(doc: Document, n: int, date: Entity, vague: bool, count: int) -> list[str]:
    """What the model reads about `date` as the day (or month) of event `n`."""
    ctx, ev = doc.ctx, doc.events[n]
    text, value, kind = ctx.text, date.value, ev.type[0]
    here = doc.sentence(date.start)
    nearest = min(ev.sentences, key=lambda i: (abs(i - here), i))
    distance = max(-REACH, min(REACH, here - nearest))
    ago = _ago(ctx, value["start"])
    feats = ["bias", f"t={kind}", f"d={distance}", f"{kind}d={distance}", f"g={value['granularity']}",
             f"ago={ago}", f"{kind}ago={ago}", f"{kind}g_ago={value['granularity']}_{ago}", f"n={min(count, 4)}",
             "end=" + date.text[-1:]]
    if ctx.reference_inferred:
        feats.append("ref_guessed")
    if value.get("inferred"):
        feats.append("year_inferred")
    if value.get("time"):
        feats.append("time")
    if vague:
        feats.append("vague")
    if ctx.is_dateline(date):
        feats.append("dateline")
    if any(start <= date.start < end for start, end in ev.evidence):
        feats.append("in_evidence")
    lo, hi = sorted((nearest, here))
    a, b = ctx.sentences[lo][1], ctx.sentences[hi][0]
    feats.append("para=" + ("same" if "\n" not in text[a:b].strip("\n") else "other"))
    for i in range(lo + 1, hi):
        for m in doc.by_sentence.get(i, ()):
            feats.append(("same" if doc.same_company(doc.events[m], ev) else "other") + "_between")
    for m in doc.by_sentence.get(here, ()):
        if m != n:
            feats.append(("same" if doc.same_company(doc.events[m], ev) else "other") + f"_here={doc.events[m].type[0]}")
    if doc.names_company(here, n):
        feats.append("self_here")
    s_start, s_end = ctx.sentences[here]
    feats += bigrams("^" + text[max(s_start, date.start - _WINDOW):date.start], "L")
    feats += bigrams(text[date.end:min(s_end, date.end + _WINDOW)] + "$", "R")
    feats += sorted(set(bigrams(text[max(s_start, date.start - _SENTENCE):date.start], "S")
                        + bigrams(text[date.end:min(s_end, date.end + _SENTENCE)], "S")))
    return feats


def candidates(ctx: Context, events: list[Candidate], undated: dict[int, bool]):
    """(event index, date, features) for every date with a value within REACH sentences of an event the rules
    left undated. undated: those events' indexes, each with whether a vague word (近日) tells its time."""
    if not undated:
        return
    doc = Document(ctx, events)
    for n, vague in undated.items():
        ev = events[n]
        near = sorted({i for own in ev.sentences for i in range(own - REACH, own + REACH + 1)
                       if 0 <= i < len(ctx.sentences)})
        dates = [d for i in near for d in ctx.within(*ctx.sentences[i], "DATE") if d.value and d.value.get("start")]
        for d in dates:
            yield n, d, features(doc, n, d, vague, len(dates))


class DateLinker(Weights):
    FORMAT = FORMAT

    def link(self, ctx: Context, events: list[Candidate], undated: dict[int, bool]) -> dict[int, Entity]:
        """The date of each undated event that one above the threshold dates (the likeliest)."""
        best: dict[int, tuple[float, Entity]] = {}
        for n, date, feats in candidates(ctx, events, undated):
            p = self.probability(feats)
            if p >= self.threshold and (n not in best or p > best[n][0]):
                best[n] = (p, date)
        return {n: date for n, (_, date) in best.items()}


def load(path: str | Path | None = None) -> DateLinker:
    """The model at `path`, or the shipped one (models/linker/dates.json)."""
    return load_weights(DateLinker, "date linker", str(Path(path).resolve())) if path else _shipped()


@functools.cache
def _shipped() -> DateLinker:
    return load_weights(DateLinker, "date linker", str(MODEL_PATH.resolve()))
