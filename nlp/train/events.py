"""Train the event models and measure them on DuEE-Fin.

    zhfin train events --data ../shared/data --out models/events
    zhfin train events --data ../shared/data --cv-only        # figures, no files written

Two models, both plain JSON in models/events:
- listing_stage.json: the listing-stage sentence classifier (nlp/train/stage.py);
- arguments.json: the argument scorer (nlp/events/scorer.py), a logistic
  regression that says how likely each argument the rules propose is right.
  Its label for an argument: is its DuEE-Fin string among the gold arguments of
  that role in that document (the unit `zhfin evaluate` scores).

Only the `dev` part of train_partial.jsonl is used (nlp/evaluation/splits.py):
the frozen 30 % is never trained on, and `--cv-only` reports it beside the
cross-validation, predicted by models trained on the whole dev part.

Cross-validation: dev documents of train_partial.jsonl in k folds. For each fold
both models are trained without it (the stage classifier also leaves out its
training sentences that occur in the fold's documents, 55 of the 62 documents
with a listing hold one); the fold's documents are then run through the whole
pipeline and scored, and the scorer's probabilities on them are checked for
calibration."""
from __future__ import annotations

import json
from bisect import bisect_right
import random
import tempfile
from pathlib import Path

from ..document import Document
from ..evaluation import duee_fin as duee_eval
from ..events import scorer, stage_model
from ..events import build as build_events
from ..io.duee import ROLES, field_text, record_to_duee
from ..pipeline import Pipeline
from . import stage

DOCS_FILE = Path("duee_fin") / "train_partial.jsonl"
C = 0.3
STAGE_C = 30.0  # the stage classifier's C chosen on all its data (models/events/README.md)


# --- rows: one per argument the rules propose ----------------------------------

def _build(pipeline: Pipeline, doc: dict):
    """The document's analysis context and its events as the rules build them."""
    analysis = pipeline.analyse(Document(doc["id"], doc["text"]))
    return analysis.context, build_events(analysis.context, analysis.mention, analysis.raw_span, doc["id"])


def _rows(ctx, built, doc_id: str, gold: set) -> list[dict]:
    """One row per scored argument: its features and its label (1 when its
    DuEE string is a gold argument of its role in the document)."""
    etype = duee_eval.FUNDING if built.event.type == "funding" else duee_eval.LISTING
    return [{"doc": doc_id, "field": field, "features": feats,
             "label": int((doc_id, etype, ROLES[built.event.type][field], field_text(built.record, field, index))
                          in gold)}
            for field, index, feats in scorer.scored_arguments(ctx, built)]


def collect(pipeline: Pipeline, docs: list[dict]) -> list[dict]:
    """The rows of every event the rules build in `docs`."""
    gold = duee_eval.units(docs)
    rows = []
    for doc in docs:
        ctx, built_events = _build(pipeline, doc)
        for built in built_events:
            rows += _rows(ctx, built, doc["id"], gold)
    return rows


def fit(rows: list[dict], c: float = C) -> tuple[dict[str, float], float]:
    """Logistic regression weights by feature name, and the bias."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"]} for r in rows])
    y = [r["label"] for r in rows]
    lr = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if w}
    return weights, round(float(lr.intercept_[0]), 5)


def _model(weights: dict[str, float], bias: float) -> scorer.ArgumentScorer:
    return scorer.ArgumentScorer({"format": scorer.FORMAT, "weights": weights, "bias": bias})


def _folds(ids: list[str], k: int, seed: int) -> list[set[str]]:
    ids = sorted(ids)
    random.Random(seed).shuffle(ids)
    return [set(ids[i::k]) for i in range(k)]


# --- the stage classifier inside a fold --------------------------------------------

def _stage_model_without(texts: list[str], stages: list[str], docs: list[dict], out: Path, seed: int) -> Path:
    """Fit the stage classifier on the sentences that occur in none of `docs`."""
    keep = [i for i, ids in enumerate(stage.occurrences(texts, docs)) if not ids]
    search = stage._search(5, seed, grid=(STAGE_C,)).fit([texts[i] for i in keep], [stages[i] for i in keep])
    out.write_text(json.dumps(stage.export(search, len(keep)), ensure_ascii=False), encoding="utf-8")
    return out


def _use_stage_model(path: Path) -> None:
    stage_model.MODEL_PATH = path


# --- cross-validation --------------------------------------------------------------

def _dev_docs(data_dir: Path) -> list[dict]:
    from ..evaluation.splits import select

    return select(duee_eval.read_jsonl(Path(data_dir) / DOCS_FILE), "dev")


def cross_validate(data_dir: Path, k: int = 5, seed: int = 0, log=print) -> dict:
    docs = _dev_docs(data_dir)
    by_id = {d["id"]: d for d in docs}
    texts, stages = stage.without_held_out(*stage.read_sentences(Path(data_dir) / stage.DATA_FILE), data_dir)
    pipeline = Pipeline("all")
    preds: list[dict] = []
    held_out: list[tuple[str, float, int]] = []  # (field, probability, label) of every held-out argument
    gold = duee_eval.units(docs)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n, held in enumerate(_folds(list(by_id), k, seed)):
                test = [d for d in docs if d["id"] in held]
                train_docs = [d for d in docs if d["id"] not in held]
                _use_stage_model(_stage_model_without(texts, stages, test, Path(tmp) / f"stage{n}.json", seed))
                rows = collect(pipeline, train_docs)
                model = _model(*fit(rows))
                for doc in test:  # one pass: the DuEE line, and the probabilities of its arguments
                    ctx, built_events = _build(pipeline, doc)
                    held_out += [(r["field"], model.probability(r["features"]), r["label"])
                                 for built in built_events for r in _rows(ctx, built, doc["id"], gold)]
                    records = [scorer.apply(ctx, built, model) for built in built_events]
                    preds.append(record_to_duee({"doc_id": doc["id"], "events": records}))
                log(f"fold {n + 1}/{k}: {len(test)} documents, {len(rows)} training arguments")
    finally:
        _use_stage_model(stage_model.MODEL_PATH_DEFAULT)
    result = duee_eval.score(docs, preds)
    result["calibration"] = {"all arguments": calibration([(p, y) for _, p, y in held_out]),
                             "company (event confidence)": calibration([(p, y) for f, p, y in held_out
                                                                         if f == "company"])}
    return result


def calibration(pairs: list[tuple[float, int]], edges=(0.2, 0.4, 0.6, 0.8)) -> dict:
    """Reliability of held-out probabilities: per bin the mean probability and
    the share that was right; expected calibration error and Brier score."""
    bins: list[list[tuple[float, int]]] = [[] for _ in range(len(edges) + 1)]
    for p, y in pairs:
        bins[bisect_right(edges, p)].append((p, y))
    lo = (0.0,) + edges
    hi = edges + (1.0,)
    table = [{"bin": f"{lo[i]:.1f}-{hi[i]:.1f}", "n": len(b),
              "mean_p": round(sum(p for p, _ in b) / len(b), 3) if b else None,
              "right": round(sum(y for _, y in b) / len(b), 3) if b else None} for i, b in enumerate(bins)]
    n = len(pairs) or 1
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins) / n
    brier = sum((p - y) ** 2 for p, y in pairs) / n
    return {"n": len(pairs), "ece": round(ece, 4), "brier": round(brier, 4), "bins": table}


# --- the shipped models ------------------------------------------------------------

def train(data_dir: Path, out_dir: Path, k: int = 5, seed: int = 0, log=print) -> dict:
    out_dir = Path(out_dir)
    summary = stage.train(Path(data_dir), out_dir, k, seed)
    log(f"{summary['path']}: stage classifier, nested CV macro-F1 {summary['cv']['macro_f1']:.3f}")
    cv = cross_validate(data_dir, k, seed, log)
    _use_stage_model(Path(summary["path"]))
    docs = _dev_docs(data_dir)
    rows = collect(Pipeline("all"), docs)
    weights, bias = fit(rows)
    model = {"format": scorer.FORMAT, "weights": dict(sorted(weights.items())), "bias": bias, "C": C,
             "trained_on": {"file": DOCS_FILE.as_posix(), "documents": len(docs), "arguments": len(rows)},
             "cv": _cv_summary(cv, k, seed)}
    path = out_dir / "arguments.json"
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0), encoding="utf-8")
    _use_stage_model(stage_model.MODEL_PATH_DEFAULT)
    log(f"{path}: {len(weights)} weights")
    return {"path": str(path), "cv": cv}


def _cv_summary(cv: dict, k: int, seed: int) -> dict:
    return {"folds": k, "seed": seed, "calibration": cv["calibration"],
            **{t: cv[t] for t in duee_eval.TYPES}}


def main(argv: list[str] | None = None) -> int:
    """`zhfin train events` (nlp/train/commands.py holds its options)."""
    from .commands import run, events

    return run(events, argv, "events")


if __name__ == "__main__":
    raise SystemExit(main())
