"""Throughput in steady state, event mode and all entities, against jieba.lcut on the same texts.

    python benchmarks/event_speed.py [NEWS.jsonl] [--docs 7067] [--repeat 3]

Both run in this process, already loaded and warmed (the dictionaries, the
models), so start-up is out of the figure: what is left is the cost per
character a batch worker pays. The runs alternate (jieba, zhfin, jieba, …) and
the fastest of each counts, since other work on a shared machine only ever adds
time; the time is the process's CPU time, which other processes disturb less
than the wall clock. zhfin runs as `batch --entities events` does (documents
without a candidate trigger skip the analysis), with the party tagger and
without it, and as `batch --entities all` does (every document tagged).
zhfin's memory of the HMM's words (segment/fast_jieba) is emptied before each
run: the repeats read the same texts, which a corpus never does.

The corpus is read from ../shared/data at run time."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import news  # noqa: E402

DEFAULT = news.FINNL


def _timed(fn, texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("news", nargs="?", default=str(DEFAULT))
    ap.add_argument("--docs", type=int, default=7067)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import jieba

    from nlp.document import Document
    from nlp.pipeline import Pipeline
    from nlp.segment import fast_jieba

    texts = news.texts(Path(args.news), args.docs)
    chars = sum(map(len, texts))
    jieba.setLogLevel(60)
    runs = {"jieba.lcut": jieba.lcut}
    for label, mode, tagger in (("zhfin events, rules + tagger", "events", True),
                                ("zhfin events, rules only", "events", False),
                                ("zhfin all entities", "all", True)):
        pipeline = Pipeline(mode, "rules", party_tagger=tagger)
        runs[label] = lambda text, p=pipeline: p(Document("d", text))
    for fn in runs.values():  # warm up: dictionaries and models load
        _timed(fn, texts[:200])
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            fast_jieba._hmm_words.cache_clear()
            best[name] = min(best[name], _timed(fn, texts))
    print(f"{len(texts):,} documents, {chars:,} characters; fastest of {args.repeat} alternating runs\n")
    print(f"{'run':<32}{'seconds':>9}{'chars/s':>12}{'x jieba':>9}")
    for name, seconds in best.items():
        print(f"{name:<32}{seconds:>9.2f}{chars / seconds:>12,.0f}{best['jieba.lcut'] / seconds:>9.2f}")
    print()
    for name, target in (("zhfin events, rules + tagger", 1.0), ("zhfin all entities", 0.35)):
        ratio = best["jieba.lcut"] / best[name]
        print(f"{name} >= {target}x jieba.lcut: {ratio:.2f} {'ok' if ratio >= target else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
