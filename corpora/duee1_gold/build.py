"""Join the gold events of corpora/duee1_gold/gold.jsonl with their texts from ../shared/data.

    .venv/bin/python corpora/duee1_gold/build.py [--data ../shared/data] [--out duee1_passages.jsonl]

The texts are DuEE 1.0 train sentences (Baidu; research and teaching use only), so only ids and our own
gold are in the repository; this writes the gold-passage file (the format of realnews_dev) that
`zhfin batch` and `zhfin evaluate` read, outside the repository by default.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "duee1_passages.jsonl")
    args = ap.parse_args()
    source = args.data / "duee" / "train_event_types.jsonl"
    if not source.exists():
        sys.exit(f"error: {source} not found (pass --data, the folder that holds duee/train_event_types.jsonl)")
    texts = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    out = []
    with open(HERE / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] not in texts:
                sys.exit(f"error: {record['id']} is not in {source}")
            out.append({**record, "text": texts[record["id"]], "source": None})
    with open(args.out, "w", encoding="utf-8") as f:
        for record in out:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(out)} passages -> {args.out}")


if __name__ == "__main__":
    main()
