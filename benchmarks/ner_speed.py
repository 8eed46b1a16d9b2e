"""Throughput of the name recogniser (models/ner) against jieba.posseg, same text, same run.

    .venv/bin/python benchmarks/ner_speed.py [--data ../shared/data] [--n 3000] [--model models/ner]

Texts: the first --n items of news/finnl_news.jsonl and of news/duee_sentences.jsonl,
folded to half-width as the analysis text is. One thread (set below, before numpy
loads). Prints chars/s of `ner_model.find_many` (nlp.pipe), of each pipeline
component alone (a BILUO-tagger decoder's time includes its Viterbi decoding),
of `jieba.posseg.lcut` and of `jieba.lcut`, plus the model's size.
Each timing is the best of --repeat runs, to damp noise from other jobs.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _texts(data: Path, n: int) -> list[str]:
    from nlp.text.normalise import to_half_width as fold

    out = []
    for name in ("finnl_news.jsonl", "duee_sentences.jsonl"):
        with open(data / "news" / name, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n:
                    break
                text = json.loads(line).get("text") or ""
                if text.strip():
                    out.append(fold(text))
    return out


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--n", type=int, default=3000, help="texts per corpus")
    ap.add_argument("--model", default=None, help="model folder (default models/ner)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)

    import jieba
    import jieba.posseg

    from nlp.entities import ner_model

    jieba.setLogLevel(logging.WARNING)
    texts = _texts(Path(a.data), a.n)
    chars = sum(len(t) for t in texts)
    nlp = ner_model.load(a.model)
    model_dir = Path(a.model) if a.model else ner_model.MODEL_DIR
    # warm up: jieba dictionaries, model weights, caches
    list(ner_model.find_many(texts[:200], nlp))
    jieba.posseg.lcut(texts[0])
    jieba.lcut(texts[0])

    rows = []
    n_ents = [0]

    def run_ner():
        n_ents[0] = sum(len(x) for x in ner_model.find_many(texts, nlp))

    rows.append(("zhfin ner_model.find_many (whole recogniser)", _best(run_ner, a.repeat)))
    docs = [nlp.make_doc(t) for t in texts]
    rows.append(("  tokenizer (char)", _best(lambda: [nlp.make_doc(t) for t in texts], a.repeat)))
    for name, proc in nlp.pipeline:
        def run(proc=proc):
            if hasattr(proc, "pipe"):
                list(proc.pipe(docs, batch_size=64))
            else:
                for d in docs:
                    proc(d)
        rows.append((f"  component {name}", _best(run, a.repeat)))
    rows.append(("jieba.posseg.lcut", _best(lambda: [jieba.posseg.lcut(t) for t in texts], a.repeat)))
    rows.append(("jieba.lcut", _best(lambda: [jieba.lcut(t) for t in texts], a.repeat)))

    factories = ", ".join(f"{n}={nlp.get_pipe_meta(n).factory}" for n in nlp.pipe_names)
    print(f"{len(texts)} texts, {chars} chars, one thread, best of {a.repeat}; "
          f"model {model_dir} {_size_mb(model_dir):.1f} MB ({factories}); {n_ents[0]} names found")
    print(f"{'what':48s} {'seconds':>8s} {'chars/s':>10s}")
    for what, secs in rows:
        print(f"{what:48s} {secs:8.2f} {chars / secs:10.0f}")
    ner_speed = chars / rows[0][1]
    pos_speed = chars / rows[-2][1]
    print(f"recogniser / jieba.posseg speed ratio: {ner_speed / pos_speed:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
