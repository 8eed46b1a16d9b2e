"""Train the company ranker (nlp/events/ranker.py) and cross-validate it.

    zhfin train ranker --data ../shared/data --out models/ranker
    zhfin train ranker --data ../shared/data --cv-only

Rows: every name in every clause with a usable funding or listing trigger, in
the documents of realnews_dev (`train` split only) and DuEE-Fin train_partial
(`dev` part only); label 1 when the name is a gold company of that event type in
the document (names compared as the realnews scorer compares them: simplified,
glosses and punctuation dropped, one containing the other).

Cross-validation is at the level the product is judged: documents in k folds;
per fold the ranker is fitted on the other folds and the whole pipeline runs on
the fold's documents; the pooled events are scored as `zhfin evaluate` scores them
(realnews event and slot F1, DuEE-Fin argument F1), against the rules alone."""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from ..document import Document
from ..evaluation.matching import names_match
from ..events import analyse_clauses, proposers, ranker
from ..events.proposers import ranked as ranked_proposer
from ..pipeline import Pipeline
from . import tagger as tagger_training

C = 0.3


def _gold_companies(d: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for event, role, name in d["gold"]:
        if role == "CO":
            out.setdefault(event, []).append(name)
    return out


def rows(pipeline: Pipeline, docs: list[dict]) -> list[dict]:
    """{doc, features, label} for every (clause, name, event type) the ranker would score."""
    out = []
    for d in docs:
        analysis = pipeline.analyse(Document(d["doc"], d["text"], published=d["published"]))
        ctx = analysis.context
        views = analyse_clauses(ctx)
        gold = _gold_companies(d)
        captured: list = []

        class _Spy:  # records the features the proposer computes, scores nothing
            @staticmethod
            def probability(feats):
                captured.append(feats)
                return 0.0

        props = ranked_proposer.propose(ctx, views, proposers.RuleProposer(ctx).propose(views), _Spy)
        for p, feats in zip(props, captured):
            label = int(any(names_match(g, p.entity.text) for g in gold.get(p.event, [])))
            out.append({"doc": d["doc"], "features": feats, "label": label})
    return out


def fit(train_rows: list[dict], c: float = C) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"]} for r in train_rows])
    y = [r["label"] for r in train_rows]
    lr = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if w}
    return {"format": ranker.FORMAT, "weights": dict(sorted(weights.items())), "bias": round(float(lr.intercept_[0]), 5),
            "C": c, "min_p": 0.5}


def _docs(data_dir: Path, log) -> list[dict]:
    return [d for d in tagger_training.documents(data_dir, log) if d["source"] in ("realnews", "duee")]


def cross_validate_events(data_dir: Path, k: int = 5, seed: int = 0, log=print, settings=None) -> dict:
    """Event-level figures of the rules alone and of the ranker (with each assembler setting)."""
    from ..events import assemble

    docs = _docs(data_dir, log)
    plain = Pipeline("all", "rules")
    all_rows = rows(plain, docs)
    passages = [p for p in tagger_training._read(data_dir / tagger_training.PASSAGES) if p.get("split") == "train"]
    duee_gold = [d for d in tagger_training._read(data_dir / tagger_training.DUEE)
                 if tagger_training.duee_split(d["id"]) == "dev"]
    runs: dict[str, list[dict]] = {"rules": tagger_training._events(plain, docs)}
    settings = settings or [{"RANKED_MIN": 0.5, "RANKED_FALLBACK": True}]
    saved = {k: getattr(assemble, k) for k in settings[0]}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n, held in enumerate(tagger_training._folds([d["doc"] for d in docs], k, seed)):
                model_dir = Path(tmp) / f"fold{n}"
                model_dir.mkdir()
                (model_dir / ranker.MODEL_FILE).write_text(
                    json.dumps(fit([r for r in all_rows if r["doc"] not in held])), encoding="utf-8")
                fold_docs = [d for d in docs if d["doc"] in held]
                for setting in settings:
                    for key, value in setting.items():
                        setattr(assemble, key, value)
                    runs.setdefault(json.dumps(setting, sort_keys=True), []).extend(
                        tagger_training._events(Pipeline("all", "rules", company_ranker=str(model_dir)), fold_docs))
                log(f"fold {n + 1}/{k} done")
    finally:
        for key, value in saved.items():
            setattr(assemble, key, value)
    return {name: tagger_training._score_events(records, passages, duee_gold) for name, records in runs.items()}


def train(data_dir: Path, out_dir: Path, log=print) -> dict:
    docs = _docs(data_dir, log)
    all_rows = rows(Pipeline("all", "rules"), docs)
    model = fit(all_rows)
    model["trained_on"] = {"documents": len(docs), "rows": len(all_rows),
                           "positive": sum(r["label"] for r in all_rows)}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ranker.MODEL_FILE).write_text(json.dumps(model, ensure_ascii=False, indent=0), encoding="utf-8")
    log(f"{out_dir / ranker.MODEL_FILE}: {len(model['weights'])} weights from {len(all_rows)} rows")
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="zhfin train ranker", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data", help="folder holding realnews_dev/ and duee_fin/")
    ap.add_argument("--out", default="models/ranker", help="where ranker.json goes")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cv-only", action="store_true", help="print the event-level cross-validation, write nothing")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if args.cv_only:
        settings = [{"RANKED_MIN": m, "RANKED_FALLBACK": f} for m in (0.3, 0.5, 0.7) for f in (True, False)]
        for name, figures in cross_validate_events(data, args.folds, args.seed, settings=settings).items():
            print(f"{name:<50} {figures}")
        return 0
    train(data, Path(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
