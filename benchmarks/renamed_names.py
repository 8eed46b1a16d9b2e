"""How much of the event score rests on knowing the names: the same passages with every gold company renamed.

    .venv/bin/python benchmarks/renamed_names.py --gold ../shared/data/realnews_dev/passages.jsonl --split train
    .venv/bin/python benchmarks/renamed_names.py --gold /tmp/finnl_passages.jsonl --split train --pool common --seed 7
    .venv/bin/python benchmarks/renamed_names.py --gold ../shared/data/realnews_dev/passages.jsonl --role investors

Held-out news is full of companies that no lexicon of zhfin knows. Here each gold company of a gold-passage file
(the format of ../shared/data/realnews_dev) is renamed, in the text and in the gold, to an invented name of the
same shape (nlp/train/renaming.py: pool `rare` or `common`). Both versions are run through `zhfin batch` and
scored by `zhfin evaluate`; the difference is what the known names carry. With --role investors the gold investors
are renamed instead (what the known investor names carry; the investors slot line shows it).

Only aggregate figures are printed. The renamed file is kept with --keep, so that misses on a read split can be
studied (never those of a held-out split). Nothing of the data is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.train.renaming import POOLS, Renamer  # noqa: E402


def score(gold: Path, split: str | None, work: Path, zhfin: list[str], slot: str | None = None) -> str:
    subprocess.run(zhfin + ["batch", str(gold), "-o", str(work), "--published-field", "publish_date", "--overwrite"],
                   check=True, capture_output=True)
    args = zhfin + ["evaluate", "--gold", str(gold), "--pred", str(work)] + (["--split", split] if split else []) \
        + (["--by-slot"] if slot else [])
    lines = subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines()
    events = next((line for line in lines if line.startswith("events P")), "(no figures)")
    slot_line = next((" ".join(line.split()) for line in lines if slot and line.split()[:1] == [slot]), "")
    return events + (f"\n    {slot_line} (P R F1 tp pred gold)" if slot_line else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True, help="a gold-passage file (realnews_dev format)")
    ap.add_argument("--split", help="score only this split (train, blind …)")
    ap.add_argument("--pool", choices=sorted(POOLS), default="rare")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--role", choices=("company", "investors"), default="company",
                    help="rename the gold companies (default) or the gold investors")
    ap.add_argument("--keep", type=Path, help="a folder to keep the renamed passages and both batch outputs in")
    args = ap.parse_args()
    records = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    renamer = Renamer(POOLS[args.pool], args.seed)
    renamed = [renamer.passage(r, args.role) for r in records]
    zhfin = [sys.executable, str(ROOT / "cli.py")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        renamed_path = work / "renamed.jsonl"
        renamed_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in renamed), encoding="utf-8")
        changed = sum(r["text"] != o["text"] for r, o in zip(renamed, records))
        what = "an investor" if args.role == "investors" else "a company"
        print(f"{len(records)} passages, {changed} with {what} renamed (pool {args.pool}, seed {args.seed})")
        slot = "investors" if args.role == "investors" else None
        print("real names:    " + score(Path(args.gold), args.split, work / "real", zhfin, slot))
        print("renamed names: " + score(renamed_path, args.split, work / "renamed", zhfin, slot))


if __name__ == "__main__":
    main()
