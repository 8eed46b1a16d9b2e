"""Per-argument confidence.

The rules propose every argument; a logistic regression over features of each
one (its role, how its entity was found, where it stands, the characters
around it) gives the probability that it is right. Nothing is dropped on it:
in cross-validation, dropping low-probability arguments did not raise F1
(models/events/README.md). The weights are plain JSON
(models/events/arguments.json), trained on DuEE-Fin by `zhfin train events`
(nlp/train/events.py)."""
from __future__ import annotations

import functools
import math
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from ..entities.span import Entity
from . import model_files, types
from .candidate import Candidate
from .context import Context
from .record import Sources

MODEL_PATH = model_files.MODELS / "arguments.json"
FORMAT = "zhfin.argument_scorer/1"

LIST_FIELDS = ("investors", "lead_investors")


@dataclass
class Built:
    event: Candidate
    record: dict
    sources: Sources
    events_in_doc: int


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return bisect_right(edges, n)


def features(ctx: Context, built: Built, field: str, ent: Entity) -> list[str]:
    ev, text = built.event, ctx.text
    r = f"{ev.type}.{field}"
    others = sum(1 for f, _ in built.sources if f != field)
    sentence = ctx.sentence_index(ent.start)
    near = min((abs(ent.start - t.start) for t in ev.triggers), default=10_000)
    out = [r, f"{r}|others={min(others, 6)}", f"{r}|events={min(built.events_in_doc, 4)}",
           f"{r}|sentence={min(sentence, 5)}", f"{r}|near={_bucket(near, (6, 16, 40, 100, 300))}",
           f"{r}|in_evidence={any(s <= ent.start < e for s, e in ev.evidence)}",
           f"{r}|len={min(len(ent.text), 12)}", f"{r}|label={ent.label}",
           f"{r}|b1={text[ent.start - 1 : ent.start]}", f"{r}|b2={text[max(0, ent.start - 2) : ent.start]}",
           f"{r}|a1={text[ent.end : ent.end + 1]}", f"{r}|a2={text[ent.end : ent.end + 2]}"]
    value = ent.value or {}
    out += [f"{r}|{key}={value[key]}" for key in ("found_by", "qualifier", "granularity", "currency") if value.get(key)]
    out += [f"{r}|{key}" for key in ("weak", "alias_of", "per_share", "inferred") if value.get(key)]
    if ent.label == "DATE":
        out += [f"{r}|valued={bool(ent.value)}", f"{r}|dateline={ctx.is_dateline(ent)}"]
    cluster = ctx.cluster(ent)
    if cluster is not None:
        out += [f"{r}|mentions={min(len(ctx.clusters[cluster]), 5)}",
                f"{r}|canonical={ctx.cluster_names[cluster] == ent.text}"]
    if field in LIST_FIELDS:
        out.append(f"{r}|listed={min(sum(1 for f, _ in built.sources if f == field), 5)}")
    out += [f"{r}|{tag}" for tag in types.get(ev.type).scorer_tags(ev)]
    return out


def scored_arguments(ctx: Context, built: Built) -> list[tuple[str, int | None, list[str]]]:
    """(field, index, features) of each argument the model scores."""
    fields = types.get(built.event.type).SCORED
    return [(field, index, features(ctx, built, field, ent))
            for (field, index), ent in built.sources.items() if field in fields]


class ArgumentScorer:
    def __init__(self, data: dict):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: format={data.get('format')!r}")
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def _load(path: str) -> ArgumentScorer:
    return ArgumentScorer(model_files.read(Path(path), "argument scorer"))


def load(path: str | Path | None = None) -> ArgumentScorer:
    return _load(str(Path(path).resolve())) if path else _shipped()


@functools.cache
def _shipped() -> ArgumentScorer:  # every event asks for it: no path resolved per call
    return _load(str(MODEL_PATH.resolve()))


def apply(ctx: Context, built: Built, model: ArgumentScorer | None = None) -> dict:
    """The record with its confidences: argument_confidence by field, and the
    event's, which is its company's (an event is right when its company is)."""
    model = model or load()
    confidence: dict[str, float | list[float]] = {}
    for field, index, feats in scored_arguments(ctx, built):
        p = round(model.probability(feats), 3)
        if index is None:
            confidence[field] = p
        else:
            confidence.setdefault(field, []).append(p)
    built.record["confidence"] = confidence["company"]
    built.record["argument_confidence"] = confidence
    return built.record
