"""Training time and speed of the accurate mode (nlp/trf) for a model *shape*, on any device.

    python benchmarks/trf_accelerator.py --tokenizer BASE_DIR --data DATA_DIR --device cuda \
        --news NEWS.jsonl [MORE.jsonl …] [--shape m3e-small bert-base] [--docs 3000]

Times depend on a model's shape, not on its weights. So where a base checkpoint cannot be
brought to a machine (an accelerator lent for a few minutes, a 64 MiB limit on what
travels), this builds a checkpoint of the same shape with random weights and the base's own
tokenizer files (BASE_DIR holds tokenizer.json), then, per shape:

- trains it with the recipe of `zhfin train trf` (same windows, steps and batch size) and
  reports seconds and steps/s;
- measures the trained model as benchmarks/trf_speed.py does (event mode, full document,
  whole pipeline) on each NEWS file.

The accuracy of these models means nothing; only their times are read."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SHAPES = {  # BERT sizes: m3e-small (uer/chinese_roberta_L-4_H-512) and bert-base-chinese
    "m3e-small": {"hidden_size": 512, "num_hidden_layers": 4, "num_attention_heads": 8, "intermediate_size": 2048},
    "bert-base": {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 3072},
    "tiny": {"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64},  # a smoke run
}
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def random_base(shape: str, tokenizer_dir: Path, out: Path) -> Path:
    """A BertModel of this shape with random weights, beside the tokenizer files of tokenizer_dir."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    vocab = len(AutoTokenizer.from_pretrained(tokenizer_dir, local_files_only=True))
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=vocab, **SHAPES[shape])).save_pretrained(out, safe_serialization=True)
    for name in TOKENIZER_FILES:
        if (tokenizer_dir / name).is_file():
            shutil.copy(tokenizer_dir / name, out / name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tokenizer", required=True, type=Path, help="a base checkpoint folder (its tokenizer files)")
    ap.add_argument("--data", required=True, type=Path, help="the training data folder (as zhfin train trf --data)")
    ap.add_argument("--news", required=True, type=Path, nargs="+", help="JSON lines of news to time the trained model on")
    ap.add_argument("--shape", nargs="+", default=["m3e-small", "bert-base"], choices=sorted(SHAPES))
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--max-steps", type=int, default=None, help="stop training early (smoke runs)")
    args = ap.parse_args(argv)

    import torch

    import trf_speed
    from nlp.train import trf as training

    if args.device.startswith("cuda"):
        print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shape:
            base = random_base(shape, args.tokenizer, Path(tmp) / f"base-{shape}")
            out = Path(tmp) / f"trained-{shape}"
            started = time.perf_counter()
            finner = 600 if (args.data / training.FINNER).is_file() else 0  # the recipe's; a smoke run has none
            run = training.train(str(base), args.data, out, finner=finner, device=args.device,
                                 max_steps=args.max_steps, log=lambda line: None)
            row = {"train_seconds": run["train_seconds"], "steps": run["steps"], "windows": run["windows"],
                   "steps_per_s": round(run["steps"] / run["train_seconds"], 1) if run["train_seconds"] else None,
                   "tokens_per_s": run["tokens_per_second"], "with_window_building_s": round(time.perf_counter() - started, 1)}
            print(shape, "training", row, flush=True)
            row["speed"] = {news.name: trf_speed.measure(news, str(out), args.docs, args.device) for news in args.news}
            results[shape] = row
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
