"""Batch throughput against jieba.lcut, worker scaling, memory, cold start.

    python benchmarks/batch_speed.py [NEWS.jsonl] [--docs 2000]

Every measurement is a whole process (start-up included), run as a timed
subprocess in the same session on the same texts:

- jieba.lcut over the texts (import and dictionary load included);
- ``cli.py batch --workers 1`` in event mode and in all-entities mode;
- the same with ``--workers 2``; scaling is reported whole-process and as
  steady-state throughput (the extra time a run of twice the documents takes,
  which cancels start-up);
- peak resident memory of every process of a run (polled from /proc), the
  largest one reported: an upper bound for one worker;
- the wall time of ``cli.py extract`` on one article from a cold start.

Each measurement runs ``--repeat`` times (default 3) and the fastest counts:
on a shared machine other work only ever adds time.

The corpus is read from ../shared/data at run time and written only to a
temporary folder.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "finnl_news.jsonl"
ARTICLE = ROOT / "corpora" / "articles" / "funding_lead_follow.txt"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

JIEBA = """
import json, sys, jieba
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for text in texts:
    jieba.lcut(text)
"""


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def timed(cmd: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """(wall seconds, peak RSS in bytes of the largest process in the tree)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak: dict[int, int] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            peak[pid] = max(peak.get(pid, 0), _rss(pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if proc.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return seconds, max(peak.values(), default=0)


def best(runs: int, cmd: list[str], **kw) -> tuple[float, int]:
    """Fastest wall time of ``runs`` runs (a shared machine only ever adds time), largest peak RSS."""
    results = [timed(cmd, **kw) for _ in range(runs)]
    return min(s for s, _ in results), max(r for _, r in results)


def batch(corpus: Path, out: Path, workers: int, entities: str, runs: int) -> tuple[float, int]:
    return best(runs, [sys.executable, str(ROOT / "cli.py"), "batch", str(corpus), "--output", str(out),
                  "--workers", str(workers), "--entities", entities, "--no-progress", "--overwrite"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("news", nargs="?", default=str(DEFAULT))
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    args = ap.parse_args()
    lines = [line for line in open(args.news, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, double = tmp / "news.jsonl", tmp / "double.jsonl"
        sample = lines[:args.docs]
        corpus.write_text("".join(sample), encoding="utf-8")
        double.write_text("".join(sample * 2), encoding="utf-8")
        chars = sum(len(json.loads(line)["text"]) for line in sample)
        (tmp / "lcut_bench.py").write_text(JIEBA, encoding="utf-8")
        print(f"{len(sample):,} documents, {chars:,} characters, {os.cpu_count()} cores", flush=True)

        jieba_s, jieba_rss = best(args.repeat, [sys.executable, str(tmp / "lcut_bench.py"), str(corpus)], ok=(0,))
        runs = {}
        for entities in ("events", "all"):
            for workers in (1, 2):
                one, rss = batch(corpus, tmp / f"out-{entities}-{workers}", workers, entities, args.repeat)
                two, rss2 = batch(double, tmp / f"out2-{entities}-{workers}", workers, entities, args.repeat)
                runs[entities, workers] = (one, two - one, max(rss, rss2))
        cold, cold_rss = best(args.repeat, [sys.executable, str(ROOT / "cli.py"), "extract", str(ARTICLE),
                                             "--format", "jsonl"])

    rate = lambda s: chars / s if s > 0 else float("inf")  # noqa: E731
    print(f"\n{'run':34} {'wall s':>7} {'chars/s':>9} {'x jieba':>7} {'steady chars/s':>14} {'peak RSS MB':>11}")
    print(f"{'jieba.lcut (whole process)':34} {jieba_s:7.2f} {rate(jieba_s):9,.0f} {1:7.2f} {'':>14} "
          f"{jieba_rss / 2**20:11.0f}")
    for (entities, workers), (one, extra, rss) in runs.items():
        print(f"{f'batch --entities {entities} --workers {workers}':34} {one:7.2f} {rate(one):9,.0f} "
              f"{jieba_s / one:7.2f} {rate(extra):14,.0f} {rss / 2**20:11.0f}")
    print(f"{'extract one article, cold start':34} {cold:7.2f} {'':>9} {'':>7} {'':>14} {cold_rss / 2**20:11.0f}")

    checks = [
        ("event mode, 1 worker >= 0.5x jieba", jieba_s / runs["events", 1][0], 0.5),
        ("all entities, 1 worker >= 0.15x jieba", jieba_s / runs["all", 1][0], 0.15),
        ("2 workers / 1 worker, events, whole process >= 1.7", runs["events", 1][0] / runs["events", 2][0], 1.7),
        ("2 workers / 1 worker, all, whole process >= 1.7", runs["all", 1][0] / runs["all", 2][0], 1.7),
        ("2 workers / 1 worker, events, steady state >= 1.7", runs["events", 1][1] / runs["events", 2][1], 1.7),
        ("2 workers / 1 worker, all, steady state >= 1.7", runs["all", 1][1] / runs["all", 2][1], 1.7),
    ]
    print()
    for name, value, target in checks:
        print(f"{name:52} {value:6.2f}  {'ok' if value >= target else 'MISSED'}")
    peak = max(rss for *_, rss in runs.values()) / 2**20
    print(f"{'peak RSS of any process <= 600 MB':52} {peak:6.0f}  {'ok' if peak <= 600 else 'MISSED'}")
    print(f"{'single-article extract, cold start <= 2 s':52} {cold:6.2f}  {'ok' if cold <= 2 else 'MISSED'}")


if __name__ == "__main__":
    main()
