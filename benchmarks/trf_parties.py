"""Party figures of the trigger clauses on the held-out parts: the shipped CRF party tagger
against the accurate tagger, exact spans, per role (CO company, INV investors).

    python benchmarks/trf_parties.py --model-dir models/trf [--data ../shared/data]

realnews_dev `blind` and DuEE-Fin `frozen` are read for measuring only: the script
prints totals, never a document or an error. The windows and gold labels are the
party tagger's (nlp/train/tagger.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def held_out_documents(data: Path) -> list[dict]:
    from nlp.evaluation.duee_fin import read_jsonl
    from nlp.evaluation.splits import duee_split
    from nlp.train import tagger as party

    docs = [{"doc": p["id"], "source": "realnews_blind", "text": p["text"], "published": p.get("publish_date"),
             "gold": party._passage_gold(p)} for p in read_jsonl(data / party.PASSAGES) if p.get("split") == "blind"]
    docs += [{"doc": d["id"], "source": "duee_frozen", "text": d["text"], "published": None,
              "gold": party._duee_gold(d)} for d in read_jsonl(data / party.DUEE) if duee_split(d["id"]) == "frozen"]
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args()

    from nlp.events import tagger
    from nlp.train import tagger as party
    from nlp.train import trf

    docs = held_out_documents(Path(args.data))
    crf = tagger.load()._tagger
    crf_exs = party.examples(docs, log=None)
    figures = {"crf (fast)": party.score([(e, crf.tag(e["features"])) for e in crf_exs]),
               "trf (accurate)": party.score(trf._trf_pairs(Path(args.model_dir), trf.examples(docs), args.device))}
    print(f"{'':<16}{'part/role':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for name, fig in figures.items():
        for key, m in fig.items():
            print(f"{name:<16}{key:<22}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{m['gold']:>6}{m['pred']:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
