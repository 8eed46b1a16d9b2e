"""Listing stage of a sentence, as DuEE-Fin's 环节: 筹备上市 / 正式上市 / 终止上市 / 暂停上市.

Character 1-3-grams, TF-IDF (sublinear tf, l2 norm) and a multinomial logistic
regression, trained by ``nlp.train.stage``. The weights ship as plain JSON in
models/events/listing_stage.json, so inference needs numpy only (no sklearn,
no pickle) and reproduces sklearn's ``predict_proba``.

    from nlp.events import stage_model
    stage_model.predict("公司股票将于明日在深交所创业板挂牌上市")   # ("正式上市", 0.9...)
"""
from __future__ import annotations

import functools
import re
import string
from collections import Counter
from pathlib import Path

import numpy

from . import model_files

MODEL_PATH_DEFAULT = MODEL_PATH = model_files.MODELS / "listing_stage.json"
FORMAT = "zhfin.listing_stage/1"

_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SPACE = re.compile(r"\s")


def prepare(text: str) -> str:
    """Analysis text -> the string the n-grams are cut from. The training
    sentences are lower-cased and write every space as "，" ("," once
    half-width), so do the same here."""
    return _SPACE.sub(",", text.strip().translate(_LOWER))


def ngrams(text: str, lo: int = 1, hi: int = 3) -> list[str]:
    return [text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


def features(text: str) -> list[str]:
    """The analyzer, shared by training (sklearn) and inference (below)."""
    return ngrams(prepare(text))


class StageModel:
    def __init__(self, data: dict):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: format={data.get('format')!r}")
        self.classes: list[str] = data["classes"]
        self.vocabulary: dict[str, int] = data["vocabulary"]
        self.idf = numpy.asarray(data["idf"], dtype=numpy.float64)
        self.coef = numpy.asarray(data["coef"], dtype=numpy.float64)  # classes x columns
        self.intercept = numpy.asarray(data["intercept"], dtype=numpy.float64)
        self.meta = {k: data.get(k) for k in ("trained_on", "cv")}

    def probabilities(self, text: str) -> dict[str, float]:
        counts = Counter(c for c in map(self.vocabulary.get, features(text)) if c is not None)
        z = self.intercept.copy()
        if counts:
            cols = numpy.fromiter(counts.keys(), dtype=numpy.int64)
            x = (1.0 + numpy.log(numpy.fromiter(counts.values(), dtype=numpy.float64))) * self.idf[cols]
            z += self.coef[:, cols] @ (x / numpy.linalg.norm(x))
        p = numpy.exp(z - z.max())
        p /= p.sum()
        return dict(zip(self.classes, p.tolist()))

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.probabilities(text)
        best = max(probs, key=probs.get)
        return best, probs[best]


@functools.cache
def _load(path: str) -> StageModel:
    return StageModel(model_files.read(Path(path), "listing stage model"))


def load(path: str | Path | None = None) -> StageModel:
    """The model at `path` (default models/events/listing_stage.json), loaded once."""
    return _load(str(Path(path or MODEL_PATH).resolve()))


def probabilities(text: str) -> dict[str, float]:
    """Probability of each stage for analysis text (simplified, half-width)."""
    return load().probabilities(text)


def predict(text: str) -> tuple[str, float]:
    """The most likely stage and its probability."""
    return load().predict(text)


# DuEE 环节 -> zhfin stage, for a sentence whose trigger words name no stage.
# 暂停上市 is left to trigger words: 13 training sentences, several mislabelled.
_STAGES = {"正式上市": "listed", "终止上市": "terminated", "筹备上市": "planned"}
# chosen by the cross-validation of `zhfin train events` (0.6 / 0.7 / 0.8 within 0.01)
THRESHOLD = 0.7


def listing_stage(sentence: str) -> str | None:
    """The stage of a sentence that talks of a listing without saying how far
    it got (上市, IPO); None when the classifier is unsure. The classifier only
    ever saw listing sentences, so it tells stages apart, not whether there is
    a listing at all: its stage never makes an event by itself (a headline's
    subject does, with `likeliest_stage`)."""
    label, p = predict(sentence)
    return _STAGES[label] if label in _STAGES and p >= THRESHOLD else None


def likeliest_stage(sentence: str) -> str:
    """The likeliest of the stages `listing_stage` gives, however unsure (planned where the classifier leans
    to 暂停上市)."""
    probs = probabilities(sentence)
    return _STAGES[max(_STAGES, key=probs.get)]
