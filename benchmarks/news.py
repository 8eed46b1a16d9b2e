"""The news texts the speed benchmarks read (from ../shared/data at run time, never copied)."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FINNL = ROOT.parent / "shared" / "data" / "news" / "finnl_news.jsonl"


def texts(path: Path = FINNL, n: int | None = None, chars: int | None = None) -> list[str]:
    """The first `n` texts of a JSON-lines corpus (field text or content), or as many as make `chars`."""
    out, total = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            out.append(record.get("text") or record.get("content") or "")
            total += len(out[-1])
            if (n is not None and len(out) >= n) or (chars is not None and total > chars):
                break
    return out
