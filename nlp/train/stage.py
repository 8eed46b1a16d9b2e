"""Train the listing-stage sentence classifier (nlp.events.stage_model) on
DuEE-Fin's listing_stage_train.jsonl and write models/events/listing_stage.json.

    zhfin train events --data ../shared/data --out models/events
    python -m nlp.train.stage --data ../shared/data --out models/events

Character 1-3-grams (TF-IDF, sublinear tf, l2, min_df 2) + multinomial logistic
regression (balanced class weights). C is chosen by stratified k-fold macro-F1;
the reported figures come from nested cross-validation (C chosen inside each
outer training fold), so they are not flattered by the choice of C.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..events.stage_model import FORMAT, features
from ..text.normalise import normalise

DATA_FILE = Path("duee_fin") / "listing_stage_train.jsonl"
DOCS_FILE = Path("duee_fin") / "train_partial.jsonl"
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)


def read_sentences(path: Path) -> tuple[list[str], list[str]]:
    """Texts (separators removed, normalised) and their stages."""
    texts, stages = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            texts.append(normalise(rec["text"].replace("\u0002", ""))[0])
            stages.append(rec["stage"])
    return texts, stages


def _search(folds: int, seed: int, grid: tuple[float, ...] = C_GRID):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold
    from sklearn.pipeline import Pipeline

    pipe = Pipeline([("tfidf", TfidfVectorizer(analyzer=features, min_df=2, sublinear_tf=True, norm="l2")),
                     ("lr", LogisticRegression(class_weight="balanced", max_iter=5000))])
    cv = StratifiedKFold(folds, shuffle=True, random_state=seed)
    return GridSearchCV(pipe, {"lr__C": list(grid)}, scoring="f1_macro", cv=cv)


def evaluate(texts: list[str], stages: list[str], folds: int, seed: int) -> dict:
    """Nested stratified k-fold: accuracy, macro-F1 and per-class P/R/F1."""
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    outer = StratifiedKFold(folds, shuffle=True, random_state=seed + 1)
    pred = cross_val_predict(_search(folds, seed), texts, stages, cv=outer)
    classes = sorted(set(stages))
    p, r, f, n = precision_recall_fscore_support(stages, pred, labels=classes, zero_division=0)
    return {"folds": folds, "seed": seed, "nested": True,
            "accuracy": _r(accuracy_score(stages, pred)),
            "macro_f1": _r(f1_score(stages, pred, average="macro")),
            "per_class": {c: {"precision": _r(p[i]), "recall": _r(r[i]), "f1": _r(f[i]), "support": int(n[i])}
                          for i, c in enumerate(classes)}}


def _r(x: float, digits: int = 4) -> float:
    return round(float(x), digits)


def _sig(x: float) -> float:
    # 7 significant digits keep probabilities within 1e-7 of sklearn's (5 drift by ~3e-6)
    return float(f"{x:.7g}")


def export(search, records: int) -> dict:
    """The fitted pipeline as zhfin.listing_stage/1 JSON. Every column stays:
    an l2-penalised model gives each one a weight, and dropping any would change
    the l2 norm of the TF-IDF rows."""
    tfidf, lr = search.best_estimator_["tfidf"], search.best_estimator_["lr"]
    return {"format": FORMAT, "classes": lr.classes_.tolist(), "ngram_range": [1, 3],
            "vocabulary": {g: int(c) for g, c in sorted(tfidf.vocabulary_.items(), key=lambda kv: kv[1])},
            "idf": [_sig(v) for v in tfidf.idf_],
            "coef": [[_sig(v) for v in row] for row in lr.coef_],
            "intercept": [_sig(v) for v in lr.intercept_],
            "trained_on": {"file": DATA_FILE.as_posix(), "records": records},
            "cv": {"C": float(lr.C),
                   "grid_macro_f1": {str(c): _r(s) for c, s in
                                     zip(search.cv_results_["param_lr__C"], search.cv_results_["mean_test_score"])}}}


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def occurrences(texts: list[str], docs: list[dict], width: int = 30) -> list[set[str]]:
    """For each sentence, the ids of the documents it occurs in (its first
    `width` letters and digits, punctuation and spaces ignored)."""
    bodies = [(d["id"], _key(normalise(d["text"])[0])) for d in docs]
    keys = [_key(t)[:width] for t in texts]
    found = {key: {i for i, body in bodies if key in body} for key in set(keys) - {""}}
    return [found.get(key, set()) for key in keys]


def overlap(texts: list[str], docs_path: Path, width: int = 30) -> tuple[int, list[str]]:
    """How many sentences occur inside a document of `docs_path`, and those documents' ids."""
    docs = [json.loads(line) for line in docs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = occurrences(texts, docs, width)
    return sum(1 for ids in hits if ids), sorted(set().union(*hits))


def without_held_out(texts: list[str], stages: list[str], data_dir: Path) -> tuple[list[str], list[str]]:
    """The sentences that occur in no held-out (frozen) DuEE-Fin document."""
    from ..evaluation.splits import select

    path = Path(data_dir) / DOCS_FILE
    if not path.exists():
        return texts, stages
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    keep = [i for i, ids in enumerate(occurrences(texts, select(docs, "frozen"))) if not ids]
    return [texts[i] for i in keep], [stages[i] for i in keep]


def train(data_dir: Path, out_dir: Path, folds: int = 5, seed: int = 0) -> dict:
    """Cross-validate, fit on the sentences outside the frozen DuEE-Fin documents,
    write out_dir/listing_stage.json; return its summary."""
    path = Path(data_dir) / DATA_FILE
    texts, stages = without_held_out(*read_sentences(path), data_dir)
    cv = evaluate(texts, stages, folds, seed)
    search = _search(folds, seed).fit(texts, stages)
    model = export(search, len(texts))
    model["cv"].update(cv)
    docs = Path(data_dir) / DOCS_FILE
    if docs.exists():
        n, ids = overlap(texts, docs)
        model["trained_on"]["in_" + docs.stem] = {"texts": n, "docs": len(ids)}
    out = Path(out_dir) / "listing_stage.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"path": str(out), "bytes": out.stat().st_size, "columns": len(model["idf"]),
            "trained_on": model["trained_on"], "cv": model["cv"]}


def main(argv: list[str] | None = None) -> int:
    """`python -m nlp.train.stage` (nlp/train/commands.py holds its options); `zhfin train
    events` trains this model too, with the argument scorer."""
    from .commands import stage

    return stage.main(args=argv, prog_name="python -m nlp.train.stage", standalone_mode=True)


if __name__ == "__main__":
    raise SystemExit(main())
