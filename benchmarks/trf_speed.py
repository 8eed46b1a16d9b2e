"""Speed of the accurate mode (nlp/trf) on CPU, float32 and int8, in characters per second.

    python benchmarks/trf_speed.py --model-dir models/trf [NEWS.jsonl] [--docs 2000] [--device cpu]

- event mode: the tagger on the windows of the trigger clauses only, as the pipeline
  runs it; chars/s of the whole documents (and of the windows it encoded);
- full document: every clause of every document encoded (160-character windows), as
  a tagger that read the whole text would;
- pipeline: `batch --entities events` in this process, fast against accurate.

Times are wall clock after a warm-up, on whatever threads torch takes (printed). The
corpus is read from ../shared/data at run time."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import news  # noqa: E402

DEFAULT = news.FINNL


def _full_windows(text: str, clauses, width: int = 160):
    from nlp.trf.encode import Window

    out = []
    for c in clauses:
        for s in range(c.start, c.end, width):
            out.append(Window("funding", s, min(c.end, s + width), ()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("news", nargs="?", default=str(DEFAULT))
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--skip-full", action="store_true", help="skip the full-document figure (the slow one)")
    ap.add_argument("--skip-pipeline", action="store_true")
    args = ap.parse_args()
    print(json.dumps(measure(Path(args.news), args.model_dir, args.docs, args.device, args.skip_full,
                             args.skip_pipeline)))
    return 0


def measure(news_path: Path, model_dir: str, n_docs: int, device: str = "cpu", skip_full: bool = False,
            skip_pipeline: bool = False) -> dict:
    """The figures of the module docstring, printed as they come and returned."""
    import torch

    from nlp.document import Document
    from nlp.events import clauses as clause_split
    from nlp.pipeline import Pipeline
    from nlp.text.normalise import normalise
    from nlp.trf import TrfOptions
    from nlp.trf.encode import windows
    from nlp.trf.model import TrfTagger

    raw = news.texts(Path(news_path), n_docs)
    texts = [normalise(t)[0] for t in raw]
    split = [clause_split.split(t) for t in texts]
    chars = sum(map(len, texts))
    wins = [windows(c) for c in split]
    win_chars = sum(w.end - w.start for ws in wins for w in ws)
    print(f"{len(texts)} documents, {chars} characters; {sum(map(len, wins))} trigger windows, {win_chars} characters "
          f"in them; torch {torch.__version__}, {torch.get_num_threads()} threads, device {device}")
    results = {}
    for quantize in ("none", "int8"):
        if quantize == "int8" and device != "cpu":
            continue
        tagger = TrfTagger(model_dir, quantize, device)
        tagger.tag(texts[0] + "星河科技完成1亿元A轮融资。", clause_split.split(texts[0] + "星河科技完成1亿元A轮融资。"))
        start = time.perf_counter()
        for text, cl in zip(texts, split):
            tagger.tag(text, cl)
        t = time.perf_counter() - start
        row = {"event_mode_doc_chars_per_s": round(chars / t), "event_mode_window_chars_per_s": round(win_chars / t),
               "event_mode_seconds": round(t, 1)}
        if not skip_full:
            full = [_full_windows(text, cl) for text, cl in zip(texts, split)]
            start = time.perf_counter()
            for text, ws in zip(texts, full):
                if ws:
                    tagger.predict(tagger.encoder.encode(text, ws))
            t = time.perf_counter() - start
            row.update(full_doc_chars_per_s=round(chars / t), full_doc_seconds=round(t, 1))
        results[quantize] = row
        print(quantize, row, flush=True)
    if not skip_pipeline:
        docs = [Document(f"d{i}", t) for i, t in enumerate(raw)]
        runs = {"fast": Pipeline("events"),
                **{f"accurate ({q})": Pipeline("events", trf=TrfOptions(str(Path(model_dir).resolve()), q,
                                                                       device))
                   for q in (("none", "int8") if device == "cpu" else ("none",))}}
        for name, pipeline in runs.items():
            pipeline(Document("warm", "星河科技完成1亿元A轮融资，由红杉中国领投。"))
            start = time.perf_counter()
            for d in docs:
                pipeline(d)
            t = time.perf_counter() - start
            results[f"pipeline {name}"] = {"chars_per_s": round(chars / t), "seconds": round(t, 1)}
            print(f"pipeline {name}", results[f"pipeline {name}"], flush=True)
    return results


if __name__ == "__main__":
    raise SystemExit(main())
