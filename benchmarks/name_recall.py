"""How many of the companies in real financial news the name finder finds: FewFC's organisation arguments.

    .venv/bin/python benchmarks/name_recall.py [--data ../shared/data] [--parts train,dev] [--n 2000]

FewFC (CCKS 2020) marks, with character spans, the organisations that play a role in its events
(sub-org, obj-org, target-company, and the invested company `obj` of 投资). No event gold of
zhfin's is used; the texts are real news sentences nobody tuned names on. Only recall can be
had (FewFC does not mark every name), so read it beside the event figures, which pay for wrong
names. Prints, for each part and each names setting (rules, the default; model, --names model),
the share of arguments that a COMPANY or ORG entity covers exactly (same span, or the same string
elsewhere in the sentence) and by any overlap. `dev` is the part to report: read misses on `train`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROLES = {"sub-org", "obj-org", "target-company"}


def arguments(record: dict) -> set[tuple[int, int, str]]:
    return {(a["span"][0], a["span"][1], a["word"]) for ev in record["events"] for role, items in ev["args"].items()
            if role in ROLES or (ev["type"] == "投资" and role == "obj") for a in items}


def recall(pipeline, records: list[dict]) -> tuple[int, int, int]:
    from nlp.document import Document

    total = exact = overlap = 0
    for r in records:
        gold = arguments(r)
        if not gold:
            continue
        text = r["content"]
        ctx = pipeline.analyse(Document(r["id"], text)).context
        if ctx.text != text:  # the analysis text folds full-width forms: offsets would not compare
            continue
        found = [(e.start, e.end, e.text) for e in ctx.entities if e.label in ("COMPANY", "ORG")]
        for s, e, word in gold:
            total += 1
            if any((fs, fe) == (s, e) or ft == word for fs, fe, ft in found):
                exact += 1
                overlap += 1
            elif any(fs < e and s < fe for fs, fe, _ in found):
                overlap += 1
    return total, exact, overlap


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--parts", default="dev,train")
    ap.add_argument("--n", type=int, default=2000, help="at most this many sentences of each part")
    ap.add_argument("--names", default="rules,model")
    args = ap.parse_args()
    from nlp.pipeline import Pipeline

    for part in args.parts.split(","):
        with open(args.data / "fewfc" / f"{part}.jsonl", encoding="utf-8") as f:
            records = [json.loads(line) for _, line in zip(range(args.n), f)]
        for names in args.names.split(","):
            total, exact, overlap = recall(Pipeline(names=names), records)
            print(f"fewfc {part:5} names={names:5}: {total} organisation arguments, "
                  f"found exactly {exact / total:.3f}, overlapping {overlap / total:.3f}")


if __name__ == "__main__":
    main()
