"""Cold start of `zhfin extract` on one article against a cold jieba.lcut process.

    python benchmarks/startup.py [ARTICLE] [--published 2025-12-30] [--repeat 7]

Two whole processes, started alternately in the same run so that both see the
same machine load and the same file cache:

- jieba: `python -c "import jieba; jieba.lcut(<the article's text>)"`;
- zhfin: `python cli.py extract ARTICLE --published … --format json`.

The article defaults to the seed article (../shared/samples, read at run time
only) or, without it, a bundled one. The median of --repeat runs counts (the
minimum is printed too); the target is zhfin at most 1.5x jieba.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "samples" / "000_8b2fe20a107fcfe5.txt"
BUNDLED = ROOT / "corpora" / "articles" / "funding_lead_follow.txt"
JIEBA = "import sys, jieba; jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"
TARGET = 1.5


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("article", nargs="?", type=Path, default=SEED if SEED.exists() else BUNDLED)
    ap.add_argument("--published", default="2025-12-30")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    runs = {
        "jieba.lcut": [sys.executable, "-c", JIEBA, str(args.article)],
        "zhfin extract": [sys.executable, str(ROOT / "cli.py"), "extract", str(args.article),
                          "--published", args.published, "--format", "json"],
    }
    for argv in runs.values():  # warm the file cache (and jieba's own cache file) once
        wall(argv)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, argv in runs.items():
            times[name].append(wall(argv))

    print(f"{args.article.name}, {args.repeat} alternating cold runs each, {sys.executable}")
    print(f"{'process':15} {'median s':>9} {'min s':>7}")
    for name, ts in times.items():
        print(f"{name:15} {statistics.median(ts):9.3f} {min(ts):7.3f}")
    ratio = statistics.median(times["zhfin extract"]) / statistics.median(times["jieba.lcut"])
    print(f"zhfin / jieba (medians): {ratio:.2f}x (target <= {TARGET}x): {'ok' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
