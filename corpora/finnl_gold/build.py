"""Join the gold events of corpora/finnl_gold/gold.jsonl with their texts from ../shared/data.

    .venv/bin/python corpora/finnl_gold/build.py [--data ../shared/data] [--out finnl_passages.jsonl]

The texts belong to their publishers (FinNL, no licence stated), so only ids and our own gold are
in the repository; this writes the gold-passage file (the format of realnews_dev) that
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
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "finnl_passages.jsonl")
    args = ap.parse_args()
    news = args.data / "news" / "finnl_news.jsonl"
    if not news.exists():
        sys.exit(f"error: {news} not found (pass --data, the folder that holds news/finnl_news.jsonl)")
    texts = {}
    with open(news, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    out = []
    with open(HERE / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] not in texts:
                sys.exit(f"error: {record['id']} is not in {news}")
            out.append({**record, "text": texts[record["id"]], "source": None})
    with open(args.out, "w", encoding="utf-8") as f:
        for record in out:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(out)} passages -> {args.out}")


if __name__ == "__main__":
    main()
