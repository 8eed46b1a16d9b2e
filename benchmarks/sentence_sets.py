"""Two development sets of real sentences, each cut in a read half and a blind half by sha1(id) parity
(even: read, odd: blind; report the blind half, never read its errors).

- DuEE 1.0 train sentences labelled 财经/交易-融资 or 财经/交易-上市 (event types only, no arguments): the
  share of them that gives an event of our type, and the events of our types on sentences of every other label.
  DuEE 1.0 labels by its own schema (a product's 上市 is 产品行为-上市/发布, a plan counts), so neither figure
  can reach 100 %; what matters is how they move.
- FewFC sentences (financial announcements): debt events whose evidence tells a loan (贷款, 借款, 授信 …) and
  whose company is a bank, a credit union or a trust, i.e. the lender taken for the borrower.

    python benchmarks/sentence_sets.py [--data ../shared/data]

Counts only; the data is read from ../shared/data at run time and nothing of it is printed."""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABELS = {"财经/交易-融资": "funding", "财经/交易-上市": "listing"}


def half(record_id) -> str:
    return "blind" if int(hashlib.sha1(str(record_id).encode("utf-8")).hexdigest(), 16) % 2 else "read"


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def duee_sentences(pipeline, path: Path) -> Counter:
    from nlp.document import Document

    counts: Counter = Counter()
    for r in _jsonl(path):
        part, labels = half(r["id"]), set(r["event_types"])
        found = {e["type"] for e in pipeline(Document(r["id"], r["text"]))["events"]}
        for label, ours in LABELS.items():
            if label in labels:
                counts[(part, ours, "labelled")] += 1
                counts[(part, ours, "found")] += ours in found
            elif ours in found:
                counts[(part, ours, "on other labels")] += 1
    return counts


def fewfc_lenders(pipeline, paths: list[Path]) -> Counter:
    from nlp.document import Document
    from nlp.events.context import LENDER_NAME, LOAN

    counts: Counter = Counter()
    for path in paths:
        for r in _jsonl(path):
            part = half(r["id"])
            for ev in pipeline(Document(str(r["id"]), r["content"]))["events"]:
                told = " ".join(x["text"] for x in ev.get("evidence") or [])
                if ev["type"] == "funding" and ev.get("instrument") == "debt" and LOAN.search(told):
                    counts[(part, "loan events")] += 1
                    counts[(part, "bank as the borrower")] += bool(LENDER_NAME.search(ev["company"]["name"]))
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    import nlp

    pipeline = nlp.load(entities="events")
    duee = duee_sentences(pipeline, args.data / "duee" / "train_event_types.jsonl")
    for part in ("read", "blind"):
        cells = [f"{t} {duee[(part, t, 'found')]}/{duee[(part, t, 'labelled')]} found, "
                 f"{duee[(part, t, 'on other labels')]} on other labels" for t in ("funding", "listing")]
        print(f"DuEE 1.0 sentences, {part} half: " + "; ".join(cells))
    fewfc = fewfc_lenders(pipeline, [args.data / "fewfc" / "train.jsonl", args.data / "fewfc" / "dev.jsonl"])
    for part in ("read", "blind"):
        print(f"FewFC, {part} half: {fewfc[(part, 'bank as the borrower')]} of {fewfc[(part, 'loan events')]} "
              "loan events name a bank as the borrower")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
