"""Train the investor linker (nlp/events/linker.py) and measure it by cross-validation.

    zhfin train linker --data ../shared/data --out models/linker
    zhfin train linker --data ../shared/data --cv-only

Data: realnews_dev `train` and the train halves of the project's probe sets that were read (corpora/probes:
every set up to LAST_READ but the ones kept unread, UNREAD_SETS), so no blind half, no unread set and no
held-out text is trained on; nor is the frozen 30 % of DuEE-Fin (its `dev` part is). Each candidate (a company
or organisation near a funding event the rules built, in a sentence of its own) is labelled 1 when it names an
investor the rules missed of the gold event whose company and round the event names. The threshold is the
lowest whose cross-validated precision over candidates reaches MIN_PRECISION."""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

from ..document import Document
from ..evaluation.duee_fin import read_jsonl
from ..evaluation.matching import alternatives, names_match, norm_round
from ..evaluation.splits import select
from ..events import analyse_clauses, candidates as event_candidates, linker
from ..pipeline import Pipeline
from .events import fit

PASSAGES = Path("realnews_dev") / "passages.jsonl"
DUEE = Path("duee_fin") / "train_partial.jsonl"
PROBES = Path(__file__).resolve().parents[2] / "corpora" / "probes"
LAST_READ = 242
# sets kept unread whole to measure on (corpora/probes/README*.md of each)
UNREAD_SETS = frozenset({2, 8, 26, 28, 33, 35, 50, 51, 53, *range(65, 73), *range(243, 247)})
C = 0.3
MIN_PRECISION = 0.8


def _set_number(path: Path) -> int:
    m = re.fullmatch(r"passages(\d*)\.jsonl", path.name)
    return int(m.group(1) or 1) if m else 0


def documents(data_dir: Path, log=print) -> list[dict]:
    """{doc, text, published, gold}: gold, the passage's funding events (company, investors)."""
    docs = [{"doc": p["id"], "text": p["text"], "published": p.get("publish_date"), "gold": p["gold"]}
            for p in read_jsonl(data_dir / PASSAGES) if p.get("split") == "train"]
    n_real = len(docs)
    for path in sorted(PROBES.glob("passages*.jsonl")):
        n = _set_number(path)
        if not 1 <= n <= LAST_READ or n in UNREAD_SETS:
            continue
        docs += [{"doc": f"{path.stem}-{p['id']}", "text": p["text"], "published": p.get("publish_date"),
                  "gold": p["gold"]} for p in read_jsonl(path) if p.get("split") == "train"]
    n_probes = len(docs) - n_real
    for d in select(read_jsonl(data_dir / DUEE), "dev"):  # the frozen 30 % stays unread
        gold = [{"type": "funding", "company": [a["argument"] for a in e["arguments"] if a["role"] == "被投资方"],
                 "investors": [a["argument"] for a in e["arguments"] if a["role"] == "投资方"]}
                for e in d.get("event_list", []) if e["event_type"] == "企业融资"]
        if gold:
            docs.append({"doc": d["id"], "text": d["text"], "published": None, "gold": gold})
    log(f"{len(docs)} documents: realnews_dev train {n_real}, probe train halves {n_probes}, "
        f"DuEE-Fin dev with a funding event {len(docs) - n_real - n_probes}")
    return docs


def _investors_of(gold: list[dict], names: list[str], round_text: str | None) -> list | None:
    """The gold investors of the funding event whose company one of `names` names and, where the passage tells
    several of its rounds, whose round is the event's (None: no such event, or no telling which)."""
    told = [g for g in gold if g.get("type") == "funding" and not g.get("historical")
            and any(names_match(c, n) for c in alternatives(g.get("company")) for n in names if n)]
    if len(told) > 1:
        told = [g for g in told if round_text and any(norm_round(r) == norm_round(round_text)
                                                      for r in alternatives(g.get("round")) if r)]
    return list(told[0].get("investors") or []) if len(told) == 1 else None


def _missed(doc: dict, ctx, ev) -> list | None:
    """The gold investors of the event that the rules did not find (None: no gold event to say)."""
    cluster = ctx.cluster(ev.company)
    told_round = ev.args.get("round")
    gold = _investors_of(doc["gold"], [ev.company.text, ctx.cluster_names[cluster] if cluster is not None else ""],
                         told_round.text if told_round is not None else None)
    if gold is None:
        return None
    have = [e.text for e in ev.args.get("investors", [])]  # found already: no gain to find again in another form
    return [inv for inv in gold if not any(names_match(g, h) for g in alternatives(inv) for h in have)]


def rows(pipeline: Pipeline, docs: list[dict], log=print) -> list[dict]:
    """One row per candidate of an event that a gold event labels: its features and label."""
    out = []
    began = time.time()
    for k, doc in enumerate(docs):
        analysis = pipeline.analyse(Document(doc["doc"], doc["text"], doc["published"]))
        if analysis is None:
            continue
        ctx = analysis.context
        events = event_candidates(ctx, analyse_clauses(ctx))
        missed: dict[int, list | None] = {}
        for n, ent, feats in linker.candidates(ctx, events):
            if n not in missed:
                missed[n] = _missed(doc, ctx, events[n])
            if missed[n] is None:
                continue
            names = [ent.text] + ([ctx.cluster_names[ctx.cluster(ent)]] if ctx.cluster(ent) is not None else [])
            hit = any(names_match(g, x) for inv in missed[n] for g in alternatives(inv) for x in names)
            out.append({"doc": doc["doc"], "features": feats, "label": int(hit)})
        if (k + 1) % 500 == 0:
            log(f"  {k + 1} documents, {len(out)} candidates, {time.time() - began:.0f} s")
    return out


def _model(weights: dict, bias: float, threshold: float) -> linker.Linker:
    return linker.Linker({"format": linker.FORMAT, "weights": weights, "bias": bias, "threshold": threshold})


def cross_validate(data: list[dict], k: int = 5, seed: int = 0, c: float = C) -> list[tuple[float, int]]:
    """(probability, label) of every candidate, each predicted by a model trained without its fold."""
    ids = sorted({r["doc"] for r in data})
    random.Random(seed).shuffle(ids)
    fold_of = {d: i % k for i, d in enumerate(ids)}
    pairs = []
    for fold in range(k):
        train = [r for r in data if fold_of[r["doc"]] != fold]
        weights, bias = fit(train, c)
        model = _model(weights, bias, 0.5)
        pairs += [(model.probability(r["features"]), r["label"]) for r in data if fold_of[r["doc"]] == fold]
    return pairs


def curve(pairs: list[tuple[float, int]], thresholds=(0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) -> list[dict]:
    gold = sum(label for _, label in pairs)
    out = []
    for t in thresholds:
        pred = [label for p, label in pairs if p >= t]
        tp = sum(pred)
        out.append({"threshold": t, "p": round(tp / len(pred), 3) if pred else 0.0,
                    "r": round(tp / gold, 3) if gold else 0.0, "pred": len(pred), "tp": tp})
    return out


def train(data_dir: Path, out_dir: Path | None, k: int = 5, seed: int = 0, log=print) -> dict:
    """Cross-validate, choose the threshold, and (out_dir given) write the model fitted on every candidate."""
    pipeline = Pipeline("all", "rules", party_tagger=True)
    docs = documents(data_dir, log)
    data = rows(pipeline, docs, log)
    investors = sum(r["label"] for r in data)
    log(f"{len(data)} candidates, {investors} of them an investor the rules missed")
    cv = curve(cross_validate(data, k, seed))
    for row in cv:
        log(f"threshold {row['threshold']:.1f}: P {row['p']:.3f} R {row['r']:.3f} ({row['tp']} of {row['pred']})")
    threshold = next((row["threshold"] for row in cv if row["p"] >= MIN_PRECISION), cv[-1]["threshold"])
    log(f"threshold: {threshold} (the lowest whose cross-validated precision reaches {MIN_PRECISION})")
    result = {"cv": cv, "threshold": threshold, "candidates": len(data), "investors": investors}
    if out_dir is not None:
        weights, bias = fit(data, C)
        meta = {"format": linker.FORMAT, "threshold": threshold, "bias": bias,
                "trained_on": {"documents": len(docs), "candidates": len(data), "investors": investors,
                               "c": C, "folds": k, "seed": seed},
                "cv": cv, "weights": dict(sorted(weights.items()))}
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / linker.MODEL_FILE
        path.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        log(f"wrote {path} ({len(weights):,} weights, {path.stat().st_size:,} bytes)")
    return result
