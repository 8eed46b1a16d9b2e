"""Join a gold file of ours (ids and gold events only) with the texts it annotates from ../shared/data, and write
the gold-passage file (the format of realnews_dev) that `zhfin batch` and `zhfin evaluate` read.

The texts belong to their publishers, so they stay in ../shared/data; corpora/finnl_gold/build.py and
corpora/duee1_gold/build.py call this with their own source file.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(doc: str, gold: Path, source: str, out_name: str) -> None:
    """doc: the calling script's docstring; gold: its gold.jsonl; source: the texts' path under the data folder;
    out_name: the default output file's name (in the temporary folder)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / out_name)
    args = ap.parse_args()
    texts_path = args.data / source
    if not texts_path.exists():
        sys.exit(f"error: {texts_path} not found (pass --data, the folder that holds {source})")
    texts = {}
    with open(texts_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    out = []
    with open(gold, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] not in texts:
                sys.exit(f"error: {record['id']} is not in {texts_path}")
            out.append({**record, "text": texts[record["id"]], "source": None})
    with open(args.out, "w", encoding="utf-8") as f:
        for record in out:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(out)} passages -> {args.out}")
