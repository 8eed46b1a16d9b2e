"""Calibrate event confidence on a DuEE-Fin file: run the pipeline, call an event
right when its company (any alias) is a gold 被投资方 / 上市公司 of the same type
in that document, and write, per event type and number of filled key roles, the
share of right events (Laplace-smoothed) to nlp/resources/event_confidence.tsv.

    python cli.py train confidence --gold ../shared/data/duee_fin/train_partial.jsonl
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..document import Document
from ..events.confidence import TABLE, filled_roles
from ..events.evaluate import read_jsonl
from ..io.duee import FUNDING, LISTING
from ..pipeline import Pipeline
from ..resources import path as resource_path
from ..text.normalise import to_simplified

COMPANY_ROLE = {"funding": (FUNDING, "被投资方"), "listing": (LISTING, "上市公司")}


def _right(event: dict, gold_doc: dict) -> bool:
    etype, role = COMPANY_ROLE[event["type"]]
    gold = {a["argument"] for e in gold_doc.get("event_list") or [] if e["event_type"] == etype
            for a in e["arguments"] if a["role"] == role}
    forms = {to_simplified(f) for f in event["company"].get("aliases") or [event["company"]["mention"]["text"]]}
    return any(f == g or (len(f) >= 2 and (f in g or g in f)) for f in forms for g in map(to_simplified, gold))


def calibrate(gold_path: str) -> list[dict]:
    pipeline = Pipeline("all")
    seen, right = Counter(), Counter()
    for doc in read_jsonl(gold_path):
        for event in pipeline(Document(doc["id"], doc["text"]))["events"]:
            key = (event["type"], filled_roles(event))
            seen[key] += 1
            right[key] += _right(event, doc)
    rows = []
    for etype in sorted({t for t, _ in seen}):
        bins = sorted(n for t, n in seen if t == etype)
        smoothed = _monotone([(right[(etype, n)] + 1, seen[(etype, n)] + 2) for n in bins])
        rows += [{"type": etype, "filled": n, "events": seen[(etype, n)], "right": right[(etype, n)],
                  "confidence": round(c, 3)} for n, c in zip(bins, smoothed)]
    return rows


def _monotone(counts: list[tuple[int, int]]) -> list[float]:
    """Pool adjacent bins until the share of right events never falls as more
    roles are filled (pool-adjacent-violators over (right, total) counts)."""
    blocks: list[list[int]] = []  # [right, total, bins]
    for r, t in counts:
        blocks.append([r, t, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            r2, t2, k2 = blocks.pop()
            blocks[-1][0] += r2
            blocks[-1][1] += t2
            blocks[-1][2] += k2
    return [r / t for r, t, k in blocks for _ in range(k)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="zhfin train confidence", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="../shared/data/duee_fin/train_partial.jsonl", help="DuEE-Fin file with text")
    ap.add_argument("--out", default=str(resource_path(TABLE)), help="where the table goes")
    args = ap.parse_args(argv)
    rows = calibrate(args.gold)
    lines = ["# Share of right events by type and filled key roles, on " + Path(args.gold).name,
             "# (rebuild: python cli.py train confidence --gold PATH)",
             "type\tfilled\tevents\tright\tconfidence"]
    lines += [f"{r['type']}\t{r['filled']}\t{r['events']}\t{r['right']}\t{r['confidence']}" for r in rows]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for line in lines[2:]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
