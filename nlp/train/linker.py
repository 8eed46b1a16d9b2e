"""Train the investor linker (nlp/events/linker.py) and the date linker (nlp/events/date_linker.py), and measure
them by cross-validation.

    zhfin train linker --data ../shared/data --out models/linker
    zhfin train linker --data ../shared/data --cv-only

Data: realnews_dev `train` and the train halves of the project's probe sets that were read (corpora/probes:
every set up to LAST_READ but the ones kept unread, UNREAD_SETS), so no blind half, no unread set and no
held-out text is trained on; nor is the frozen 30 % of DuEE-Fin (its `dev` part is, for investors only). An
investor candidate (a company or organisation near a funding event the rules built, in a sentence of its own) is
labelled 1 when it names an investor the rules missed of the gold event whose company and round the event names;
a date candidate (a date near an event the rules left undated) when it starts inside that gold event's date. The
candidates of an event that is no gold event are 0. Each threshold is the lowest whose cross-validated precision
reaches MIN_PRECISION."""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

from ..document import Document
from ..evaluation.duee_fin import read_jsonl
from ..evaluation.matching import alternatives, date_matches, names_match, norm_round
from ..evaluation.splits import select
from ..events import analyse_clauses, build as build_events, candidates as event_candidates, date_linker, linker, undated
from ..pipeline import Pipeline
from .events import fit

PASSAGES = Path("realnews_dev") / "passages.jsonl"
DUEE = Path("duee_fin") / "train_partial.jsonl"
PROBES = Path(__file__).resolve().parents[2] / "corpora" / "probes"
LAST_READ = 334
# sets kept unread whole to measure on (corpora/probes/README*.md of each)
UNREAD_SETS = frozenset({2, 8, 26, 28, 33, 35, 50, 51, 53, *range(65, 73), *range(235, 239), *range(243, 247), 248, 251})
C = 0.3
MIN_PRECISION = 0.8
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _set_number(path: Path) -> int:
    m = re.fullmatch(r"passages(\d*)\.jsonl", path.name)
    return int(m.group(1) or 1) if m else 0


def documents(data_dir: Path, log=print) -> list[dict]:
    """{doc, text, published, gold, dated}: gold, the passage's events (DuEE-Fin: its funding events, company and
    investors only); dated: whether its gold tells dates the way the passages do (DuEE-Fin's do not)."""
    docs = [{"doc": p["id"], "text": p["text"], "published": p.get("publish_date"), "gold": p["gold"],
             "dated": True} for p in read_jsonl(data_dir / PASSAGES) if p.get("split") == "train"]
    n_real = len(docs)
    for path in sorted(PROBES.glob("passages*.jsonl")):
        n = _set_number(path)
        if not 1 <= n <= LAST_READ or n in UNREAD_SETS:
            continue
        docs += [{"doc": f"{path.stem}-{p['id']}", "text": p["text"], "published": p.get("publish_date"),
                  "gold": p["gold"], "dated": True} for p in read_jsonl(path) if p.get("split") == "train"]
    n_probes = len(docs) - n_real
    for d in select(read_jsonl(data_dir / DUEE), "dev"):  # the frozen 30 % stays unread
        gold = [{"type": "funding", "company": [a["argument"] for a in e["arguments"] if a["role"] == "被投资方"],
                 "investors": [a["argument"] for a in e["arguments"] if a["role"] == "投资方"]}
                for e in d.get("event_list", []) if e["event_type"] == "企业融资"]
        if gold:
            docs.append({"doc": d["id"], "text": d["text"], "published": None, "gold": gold, "dated": False})
    log(f"{len(docs)} documents: realnews_dev train {n_real}, probe train halves {n_probes}, "
        f"DuEE-Fin dev with a funding event {len(docs) - n_real - n_probes}")
    return docs


NO_EVENT: dict = {}  # the rules' event is no gold event: nothing near it is its investor or its date


def _gold_event(gold: list[dict], kind: str, names: list[str], round_text: str | None) -> dict | None:
    """The gold event of type `kind` whose company one of `names` names and, where the passage tells several of
    its rounds, whose round is the event's. NO_EVENT where the passage tells no such event (the scorer counts
    every value of a false event wrong); None where there is no telling which, or the event is a listing told
    as history (which neither counts nor penalises)."""
    of_company = [g for g in gold if g.get("type") == kind
                  and any(names_match(c, n) for c in alternatives(g.get("company")) for n in names if n)]
    told = [g for g in of_company if not g.get("historical")]
    if len(told) > 1 and kind == "funding":
        told = [g for g in told if round_text and any(norm_round(r) == norm_round(round_text)
                                                      for r in alternatives(g.get("round")) if r)]
    return told[0] if len(told) == 1 else NO_EVENT if not of_company else None


def _gold_of(doc: dict, ctx, ev) -> dict | None:
    cluster = ctx.cluster(ev.company)
    told_round = ev.args.get("round")
    names = [ev.company.text, ctx.cluster_names[cluster] if cluster is not None else ""]
    return _gold_event(doc["gold"], ev.type, names, told_round.text if told_round is not None else None)


def _missed(doc: dict, ctx, ev) -> list | None:
    """The gold investors of the event that the rules did not find (None: no telling)."""
    gold = _gold_of(doc, ctx, ev)
    if gold is None:
        return None
    have = [e.text for e in ev.args.get("investors", [])]  # found already: no gain to find again in another form
    return [inv for inv in gold.get("investors") or []
            if not any(names_match(g, h) for g in alternatives(inv) for h in have)]


def rows(pipeline: Pipeline, docs: list[dict], log=print) -> tuple[list[dict], list[dict]]:
    """One row per candidate of an event that a gold event labels, its features and label: the investor
    candidates, and the date candidates of the events the rules left undated."""
    investor_rows, date_rows = [], []
    began = time.time()
    for k, doc in enumerate(docs):
        analysis = pipeline.analyse(Document(doc["doc"], doc["text"], doc["published"]))
        if analysis is None:
            continue
        ctx = analysis.context
        views = analyse_clauses(ctx)
        events = event_candidates(ctx, views)
        missed: dict[int, list | None] = {}
        for n, ent, feats in linker.candidates(ctx, events):
            if n not in missed:
                missed[n] = _missed(doc, ctx, events[n])
            if missed[n] is None:
                continue
            names = [ent.text] + ([ctx.cluster_names[ctx.cluster(ent)]] if ctx.cluster(ent) is not None else [])
            hit = any(names_match(g, x) for inv in missed[n] for g in alternatives(inv) for x in names)
            investor_rows.append({"doc": doc["doc"], "features": feats, "label": int(hit)})
        if doc["dated"]:
            built = build_events(ctx, analysis.mention, analysis.raw_span, doc["doc"], views, link_dates=False)
            events, left = [b.event for b in built], undated(built)
            gold = {n: _gold_of(doc, ctx, events[n]) for n in left}
            for n, date, feats in date_linker.candidates(ctx, events, left):
                if gold[n] is not None:
                    hit = bool(gold[n].get("date")) and date_matches(gold[n]["date"], {"start_date": date.value["start"]})
                    date_rows.append({"doc": doc["doc"], "event": n, "features": feats, "label": int(hit)})
        if (k + 1) % 500 == 0:
            log(f"  {k + 1} documents, {len(investor_rows)} investor and {len(date_rows)} date candidates, "
                f"{time.time() - began:.0f} s")
    return investor_rows, date_rows


def cross_validate(data: list[dict], k: int = 5, seed: int = 0, c: float = C) -> list[float]:
    """The probability of every row, each given by a model trained without its fold (folds by document)."""
    ids = sorted({r["doc"] for r in data})
    random.Random(seed).shuffle(ids)
    fold_of = {d: i % k for i, d in enumerate(ids)}
    probability = [0.0] * len(data)
    for fold in range(k):
        weights, bias = fit([r for r in data if fold_of[r["doc"]] != fold], c)
        for i, r in enumerate(data):
            if fold_of[r["doc"]] == fold:
                probability[i] = linker.logistic(weights, bias, r["features"])
    return probability


def curve(pairs: list[tuple[float, int]], gold: int) -> list[dict]:
    """Precision and recall of the (probability, right) predictions above each threshold; gold: how many to find."""
    out = []
    for t in THRESHOLDS:
        pred = [right for p, right in pairs if p >= t]
        tp = sum(pred)
        out.append({"threshold": t, "p": round(tp / len(pred), 3) if pred else 0.0,
                    "r": round(tp / gold, 3) if gold else 0.0, "pred": len(pred), "tp": tp})
    return out


def investor_curve(data: list[dict], probability: list[float]) -> list[dict]:
    """Every candidate above the threshold is added: precision and recall over candidates."""
    return curve([(p, r["label"]) for p, r in zip(probability, data)], sum(r["label"] for r in data))


def date_curve(data: list[dict], probability: list[float]) -> list[dict]:
    """Each event takes its likeliest candidate, where it is above the threshold: precision and recall over the
    events (recall of those whose date is among the candidates)."""
    best: dict[tuple, tuple[float, int]] = {}
    reachable = set()
    for p, r in zip(probability, data):
        key = (r["doc"], r["event"])
        if r["label"]:
            reachable.add(key)
        if key not in best or p > best[key][0]:
            best[key] = (p, r["label"])
    return curve(list(best.values()), len(reachable))


def _fit_and_write(model, data: list[dict], meta: dict, out_dir: Path, log) -> None:
    """Fit `model`'s (linker or date_linker) weights on every row and write its JSON file."""
    weights, bias = fit(data, C)
    meta = {"format": model.FORMAT, **meta, "bias": bias, "weights": dict(sorted(weights.items()))}
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / model.MODEL_FILE
    path.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    log(f"wrote {path} ({len(weights):,} weights, {path.stat().st_size:,} bytes)")


def _threshold(name: str, cv: list[dict], log) -> float:
    for row in cv:
        log(f"  {name} threshold {row['threshold']:.1f}: P {row['p']:.3f} R {row['r']:.3f} ({row['tp']} of {row['pred']})")
    threshold = next((row["threshold"] for row in cv if row["p"] >= MIN_PRECISION), cv[-1]["threshold"])
    log(f"  {name} threshold: {threshold} (the lowest whose cross-validated precision reaches {MIN_PRECISION})")
    return threshold


def train(data_dir: Path, out_dir: Path | None, k: int = 5, seed: int = 0, log=print) -> dict:
    """Cross-validate both linkers, choose their thresholds, and (out_dir given) write each model fitted on every
    candidate."""
    pipeline = Pipeline("all", "rules", party_tagger=True)
    docs = documents(data_dir, log)
    investor_rows, date_rows = rows(pipeline, docs, log)
    investors = sum(r["label"] for r in investor_rows)
    events = len({(r["doc"], r["event"]) for r in date_rows})
    log(f"{len(investor_rows)} investor candidates, {investors} of them an investor the rules missed; "
        f"{len(date_rows)} date candidates of {events} events the rules left undated")
    result = {}
    for name, model, data, curve_of, counts in (
            ("investors", linker, investor_rows, investor_curve, {"candidates": len(investor_rows), "investors": investors}),
            ("dates", date_linker, date_rows, date_curve, {"candidates": len(date_rows), "events": events})):
        cv = curve_of(data, cross_validate(data, k, seed))
        threshold = _threshold(name, cv, log)
        result[name] = {"cv": cv, "threshold": threshold, **counts}
        if out_dir is not None:
            trained_on = {"documents": len(docs), **counts, "c": C, "folds": k, "seed": seed}
            _fit_and_write(model, data, {"threshold": threshold, "trained_on": trained_on, "cv": cv}, out_dir, log)
    return result
