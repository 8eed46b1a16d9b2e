"""How much of the event score rests on knowing the names: the same passages with every gold company renamed.

    .venv/bin/python benchmarks/renamed_names.py --gold ../shared/data/realnews_dev/passages.jsonl --split train
    .venv/bin/python benchmarks/renamed_names.py --gold /tmp/finnl_passages.jsonl --split train --pool common --seed 7

Held-out news is full of companies that no lexicon of zhfin knows. Here each gold company string of a
gold-passage file (the format of ../shared/data/realnews_dev) is replaced, in the text and in the gold, by an
invented name of the same shape: its ending (科技, 集团, 股份有限公司 …) and a leading place are kept, the rest
becomes characters drawn from a pool (`rare`: characters that make no dictionary word; `common`: characters
of real company names, which jieba may join into words). Latin names get invented Latin ones. Both versions
are run through `zhfin batch` and scored by `zhfin evaluate`; the difference is what the known names carry.

Only aggregate figures are printed. The renamed file is kept with --keep, so that misses on a read split can be
studied (never those of a held-out split). Nothing of the data is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp import resources  # noqa: E402
from nlp.text.normalise import to_simplified  # noqa: E402

POOLS = {"rare": "澜舟汀岚霁珩昱骁曜屹翎岫沅芮璟琮湛溯砚桉榆杉槿蔚朔渚涣曦",
         "common": "华安盛达恒信鼎泰嘉和瑞丰源通宏远博创晟汇联金新光明正元亿天海云德富康力美宁"}
PLACE = re.compile(r"^(?:北京|上海|深圳|广州|杭州|南京|苏州|成都|武汉|天津|重庆|西安|香港|中国|江苏|浙江|广东|山东)")


class Renamer:
    def __init__(self, pool: str, seed: int):
        self.pool, self.rnd = pool, random.Random(seed)
        self.suffixes = sorted({r["suffix"] for r in resources.table("name_suffixes.tsv")}, key=len, reverse=True)

    def invent(self, name: str) -> str | None:
        if name.isascii():
            syllables = max(2, len(name.replace(" ", "")) // 2)
            return "".join(self.rnd.choice("bcdfghklmnprstvz") + self.rnd.choice("aeiou")
                           for _ in range(syllables)).capitalize()
        simple = to_simplified(name)  # one character for one: the ending's length holds in the raw name
        ending = next((len(s) for s in self.suffixes if simple.endswith(s) and len(name) - len(s) >= 2), 0)
        core = name[: len(name) - ending]
        place = PLACE.match(simple)
        lead = core[: place.end()] if place else ""
        rest = core[len(lead):]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", rest):
            return None
        return lead + "".join(self.rnd.choice(self.pool) for _ in rest) + name[len(core):]

    def passage(self, record: dict) -> dict:
        text, mapping = record["text"], {}
        # longest first, then by the name itself: a set's order changes from run to run, and so would the draws
        for name in sorted({e["company"] for e in record["gold"] if e.get("company")}, key=lambda n: (-len(n), n)):
            new = self.invent(name) if name in text else None
            if new and new not in text:
                mapping[name] = new
        for old, new in mapping.items():
            text = text.replace(old, new)
        out = dict(record, text=text)
        out["gold"] = [dict(e, company=mapping.get(e.get("company"), e.get("company"))) for e in record["gold"]]
        out["must_not"] = [dict(e, company=mapping.get(e.get("company"), e.get("company")))
                           for e in record.get("must_not", [])]
        return out


def score(gold: Path, split: str | None, work: Path, zhfin: list[str]) -> str:
    subprocess.run(zhfin + ["batch", str(gold), "-o", str(work), "--published-field", "publish_date", "--overwrite"],
                   check=True, capture_output=True)
    args = zhfin + ["evaluate", "--gold", str(gold), "--pred", str(work)] + (["--split", split] if split else [])
    lines = subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines()
    return next((line for line in lines if line.startswith("events P")), "(no figures)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True, help="a gold-passage file (realnews_dev format)")
    ap.add_argument("--split", help="score only this split (train, blind …)")
    ap.add_argument("--pool", choices=sorted(POOLS), default="rare")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="a folder to keep the renamed passages and both batch outputs in")
    args = ap.parse_args()
    records = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    renamer = Renamer(POOLS[args.pool], args.seed)
    renamed = [renamer.passage(r) for r in records]
    zhfin = [sys.executable, str(ROOT / "cli.py")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        renamed_path = work / "renamed.jsonl"
        renamed_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in renamed), encoding="utf-8")
        changed = sum(r["text"] != o["text"] for r, o in zip(renamed, records))
        print(f"{len(records)} passages, {changed} with a company renamed (pool {args.pool}, seed {args.seed})")
        print("real names:    " + score(Path(args.gold), args.split, work / "real", zhfin))
        print("renamed names: " + score(renamed_path, args.split, work / "renamed", zhfin))


if __name__ == "__main__":
    main()
