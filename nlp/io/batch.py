"""Sequential batch run over a JSON-lines corpus: one docs record per input
document (or an error record), events and errors in their own files."""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from ..document import Document, InputError
from ..pipeline import load
from . import readers
from .writers import JsonlWriter


def run_batch(input_path: str, output: str, id_field=None, text_field=None, title_field=None,
              published_field=None) -> dict:
    if not Path(input_path).is_file():
        raise InputError(f"{input_path}: no such file")
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    pipeline = load()
    counts: Counter = Counter()
    reasons: Counter = Counter()
    chars = 0
    started = time.perf_counter()
    with JsonlWriter(out / "docs.jsonl") as docs, JsonlWriter(out / "events.jsonl") as events, \
            JsonlWriter(out / "errors.jsonl") as errors:
        for item in readers.iter_jsonl(input_path, id_field=id_field, text_field=text_field,
                                       title_field=title_field, published_field=published_field):
            counts["documents"] += 1
            if isinstance(item, Document):
                try:
                    record = pipeline(item)
                except (InputError, ValueError) as exc:
                    item = {"doc_id": item.doc_id, "source": item.source, "error": str(exc)}
                else:
                    chars += len(item.raw_text)
                    docs.write(record)
                    for event in record["events"]:
                        events.write(event)
                    counts["events"] += len(record["events"])
                    continue
            counts["failed"] += 1
            reasons[item["error"].split(":")[0]] += 1
            errors.write(item)
            docs.write({"doc_id": item["doc_id"], "source": item.get("source"), "published": None,
                        "entities": [], "events": [], "errors": [item["error"]]})
    seconds = time.perf_counter() - started
    summary = {"input": str(input_path), "documents": counts["documents"], "events": counts["events"],
               "failed": counts["failed"], "failures_by_reason": dict(reasons), "seconds": round(seconds, 3),
               "chars": chars, "chars_per_second": round(chars / seconds) if seconds else None}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return summary
