"""Train and evaluate the COMPANY / ORG / PERSON recogniser shipped in models/ner/.

    zhfin train ner --data ../shared/data --out models/ner
    python -m nlp.train.ner --data ../shared/data --out models/ner      # the same
    python -m nlp.train.ner --eval-only --data ../shared/data --out models/ner

Data (read from --data at training time, never copied into the repository):
  cluener/train.jsonl  company -> COMPANY; organization, government -> ORG; name -> PERSON
  finner/train.jsonl   公司 -> COMPANY; 政府机构, 其他机构 -> ORG; 人物 -> PERSON
                       (labels carry no offsets: every occurrence of the string is
                       marked, longest first; strings of other types block overlaps)
5% of each train file (fixed seed) is the dev set used to pick the best
checkpoint; cluener/dev.jsonl and finner/dev.jsonl are held out for evaluate().
Text is folded to half-width (length-preserving) as the analysis text is.

The defaults are the shipped settings (models/ner/README.md): tok2vec width 64,
depth 3, window 2, and the "tagger" decoder (per character: its vector and its
two neighbours' -> Maxout 64 -> BILUO softmax, decoded by constrained Viterbi;
nlp.entities.ner_model.BiluoTagger); --decoder ner gives spaCy's
transition-based NER instead. The tagger peaks after 2-3 minutes
(about 3,600 steps) and then overfits; the best checkpoint is kept.
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from ..text.normalise import to_half_width

CLUENER_MAP = {"company": "COMPANY", "organization": "ORG", "government": "ORG", "name": "PERSON"}
FINNER_MAP = {"公司": "COMPANY", "政府机构": "ORG", "其他机构": "ORG", "人物": "PERSON"}


# ---------------------------------------------------------------- data loading

def _jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_cluener(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """[(text, [(start, end_exclusive, LABEL)])] with our labels only."""
    out = []
    for rec in _jsonl(path):
        text = to_half_width(rec["text"])
        spans = []
        for typ, ents in (rec.get("label") or {}).items():
            label = CLUENER_MAP.get(typ)
            if not label:
                continue
            for positions in ents.values():
                for s, e in positions:
                    spans.append((s, e + 1, label))
        out.append((text, _non_overlapping(spans)))
    return out


def finner_labels(rec) -> list[tuple[str, str]]:
    """[(surface string, FinNER type)] of one record ('name:type', type after the last colon)."""
    out = []
    for item in rec.get("labels") or []:
        name, _, typ = item.rpartition(":")
        if name:
            out.append((to_half_width(name), typ))
    return out


def load_finner(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Find every occurrence of each labelled string, longest first, no overlaps.
    Strings of types we do not keep (产品, 国家/地区 …) still claim their characters."""
    out = []
    for rec in _jsonl(path):
        text = to_half_width(rec["text"])
        taken = [False] * len(text)
        spans = []
        for name, typ in sorted(set(finner_labels(rec)), key=lambda x: -len(x[0])):
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(taken[start:end]):
                    for k in range(start, end):
                        taken[k] = True
                    label = FINNER_MAP.get(typ)
                    if label:
                        spans.append((start, end, label))
                start = text.find(name, end)
        out.append((text, sorted(spans)))
    return out


def _non_overlapping(spans):
    spans = sorted(spans, key=lambda x: (x[0], -(x[1] - x[0])))
    out, last = [], -1
    for s, e, label in spans:
        if s >= last:
            out.append((s, e, label))
            last = e
    return out


def _split(records, frac: float, seed: int):
    rng = random.Random(seed)
    idx = list(range(len(records)))
    rng.shuffle(idx)
    n_dev = int(len(records) * frac)
    dev = {i for i in idx[:n_dev]}
    return [r for i, r in enumerate(records) if i not in dev], [r for i, r in enumerate(records) if i in dev]


def _docbin(nlp, records, path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    dropped = 0
    for text, spans in records:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, label in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                dropped += 1
                continue
            ents.append(span)
        doc.ents = ents
        db.add(doc)
    db.to_disk(path)
    return dropped


# ---------------------------------------------------------------- config

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "zh"
pipeline = ["zhfin_word_features","tok2vec","ner"]
batch_size = 256

[nlp.tokenizer]
@tokenizers = "spacy.zh.ChineseTokenizer"
segmenter = "char"

[components]

[components.zhfin_word_features]
factory = "zhfin_word_features"

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${components.tok2vec.model.encode.width}
attrs = ["ORTH","NORM","LEMMA","SHAPE"]
rows = [5000,10000,20000,50]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 100000
max_epochs = 0
max_steps = 0
eval_frequency = 400
frozen_components = []
annotating_components = ["zhfin_word_features"]
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[initialize]
vectors = null
init_tok2vec = null
"""


def make_config(width=64, depth=3, window=2, rows=(5000, 10000, 20000),
                attrs=("ORTH", "NORM", "LEMMA"), hidden=64, dropout=0.1, maxout=2, ner_maxout=2,
                decoder="tagger", tagger_hidden=64, tagger_window=1, label_smoothing=0.0):
    """The shipped settings are the defaults (see models/ner/README.md).

    decoder "ner": spaCy's transition-based NER (hidden, ner_maxout apply);
    decoder "tagger": zhfin_biluo_tagger, a per-character BILUO softmax decoded by
    constrained Viterbi (tagger_hidden > 0 adds a Maxout layer over the token and
    tagger_window neighbours each side; label_smoothing applies)."""
    from spacy import util

    cfg = util.load_config_from_str(CONFIG, interpolate=False)
    enc = cfg["components"]["tok2vec"]["model"]["encode"]
    enc["width"], enc["depth"], enc["window_size"], enc["maxout_pieces"] = width, depth, window, maxout
    emb = cfg["components"]["tok2vec"]["model"]["embed"]
    emb["attrs"], emb["rows"] = list(attrs), list(rows)
    cfg["components"]["ner"]["model"]["hidden_width"] = hidden
    cfg["components"]["ner"]["model"]["maxout_pieces"] = ner_maxout
    cfg["training"]["dropout"] = dropout
    if decoder == "tagger":
        cfg["components"]["ner"] = {
            "factory": "zhfin_biluo_tagger",
            "label_smoothing": label_smoothing,
            "model": {"@architectures": "zhfin.BiluoTagger.v1", "nO": None,
                      "hidden": tagger_hidden, "window": tagger_window,
                      "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1",
                                  "width": "${components.tok2vec.model.encode.width}"}}}
    elif decoder != "ner":
        raise ValueError(f"unknown decoder {decoder!r}")
    return cfg


# ---------------------------------------------------------------- training

def prepare(data_dir: Path, work: Path, finner: bool = True, seed: int = 0) -> dict:
    """Write train.spacy / dev.spacy under `work`; returns counts."""
    import spacy

    from ..entities import ner_model  # noqa: F401  (registers the feature component)

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    clue_train, clue_dev = _split(load_cluener(data_dir / "cluener" / "train.jsonl"), 0.05, seed)
    train, dev = list(clue_train), list(clue_dev)
    if finner:
        fin_train, fin_dev = _split(load_finner(data_dir / "finner" / "train.jsonl"), 0.05, seed)
        train += fin_train
        dev += fin_dev
    random.Random(seed).shuffle(train)
    work.mkdir(parents=True, exist_ok=True)
    dropped = _docbin(nlp, train, work / "train.spacy") + _docbin(nlp, dev, work / "dev.spacy")
    return {"train_docs": len(train), "dev_docs": len(dev), "dropped_spans": dropped,
            "train_chars": sum(len(t) for t, _ in train)}


def train(data_dir, out_dir, minutes: float = 7.0, finner: bool = True, seed: int = 0,
          work_dir=None, log=print, **model_settings) -> dict:
    """Train for at most `minutes` of wall time; keep the checkpoint best on the
    5% train-split dev set; write it to out_dir (spaCy format); evaluate it."""
    import spacy
    from spacy import util
    from spacy.schemas import ConfigSchemaTraining
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import create_evaluation_callback, \
        create_train_batches, train_while_improving
    from thinc.api import fix_random_seed

    from ..entities import ner_model  # noqa: F401

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    work = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="zhfin_ner_"))
    counts = prepare(data_dir, work, finner=finner, seed=seed)
    log(f"data: {counts}")
    cfg = make_config(**model_settings)
    cfg["paths"]["train"] = str(work / "train.spacy")
    cfg["paths"]["dev"] = str(work / "dev.spacy")
    cfg["system"]["seed"] = seed
    fix_random_seed(seed)
    nlp = init_nlp(cfg)
    config = nlp.config.interpolate()
    T = util.registry.resolve(config["training"], schema=ConfigSchemaTraining)
    dot_names = [T["train_corpus"], T["dev_corpus"]]
    train_corpus, dev_corpus = util.resolve_dot_names(config, dot_names)
    evaluate_cb = create_evaluation_callback(nlp, dev_corpus, T["score_weights"])
    batches = create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"])
    training_step_iterator = train_while_improving(
        nlp, T["optimizer"], batches, dropout=T["dropout"], accumulate_gradient=1,
        patience=T["patience"], max_steps=T["max_steps"], eval_frequency=T["eval_frequency"],
        exclude=[], annotating_components=T["annotating_components"], before_update=None,
        evaluate=evaluate_cb)
    tmp_best = work / "model-best"
    t0 = time.time()
    best, history = -1.0, []
    for batch, info, is_best in training_step_iterator:
        if info.get("other_scores") and info["step"] % T["eval_frequency"] == 0:
            sc = info["other_scores"]
            history.append({"step": info["step"], "epoch": info["epoch"], "ents_f": sc.get("ents_f"),
                            "minutes": round((time.time() - t0) / 60, 1)})
            log(f"step {info['step']} epoch {info['epoch']} dev ents_f {sc.get('ents_f'):.4f} "
                f"loss {info['losses'].get('ner', 0):.1f} {(time.time() - t0) / 60:.1f} min")
            if is_best and sc.get("ents_f", 0) > best:
                best = sc["ents_f"]
                with nlp.select_pipes(disable=[]):
                    with nlp.use_params(T["optimizer"].averages):
                        nlp.to_disk(tmp_best)
        if time.time() - t0 > minutes * 60:
            log("time cap reached")
            break
    if not tmp_best.exists():  # stopped before the first evaluation
        with nlp.use_params(T["optimizer"].averages):
            nlp.to_disk(tmp_best)
    # Save the best checkpoint without training-only paths.
    best_nlp = spacy.load(tmp_best)
    best_nlp.meta.update({"name": "zhfin_ner", "version": "1.0.0",
                          "description": "zhfin COMPANY/ORG/PERSON recogniser, char tokens + jieba word features"})
    out_dir.mkdir(parents=True, exist_ok=True)
    best_nlp.to_disk(out_dir)
    _strip_paths(out_dir / "config.cfg")
    metrics = evaluate(out_dir, data_dir)
    metrics.update({"train": counts, "settings": model_settings, "finner": finner, "history": history,
                    "best_dev_ents_f": best, "minutes": round((time.time() - t0) / 60, 1)})
    (out_dir / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    return metrics


def _strip_paths(cfg_path: Path) -> None:
    lines = cfg_path.read_text(encoding="utf-8").splitlines()
    out, section = [], ""
    for line in lines:
        if line.startswith("["):
            section = line.strip()
        if section == "[paths]" and line.split("=")[0].strip() in ("train", "dev"):
            line = line.split("=")[0].rstrip() + " = null"
        out.append(line)
    cfg_path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- evaluation

def _prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def evaluate(model_dir, data_dir) -> dict:
    """CLUENER dev: exact span P/R/F per label (company->COMPANY, organization and
    government->ORG, name->PERSON). FinNER dev: per record, the set of predicted
    COMPANY strings against the set of gold 公司 strings (exact string equality),
    summed over records."""
    from ..entities import ner_model

    data_dir = Path(data_dir)
    nlp = ner_model.load.__wrapped__(model_dir)
    res = {}
    clue = load_cluener(data_dir / "cluener" / "dev.jsonl")
    counts = {lab: [0, 0, 0] for lab in ("COMPANY", "ORG", "PERSON")}
    for (text, gold), pred in zip(clue, ner_model.find_many([t for t, _ in clue], nlp)):
        g = {(s, e, lab) for s, e, lab in gold}
        p = {(s, e, lab) for lab, s, e in pred}
        for lab in counts:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in p if x[2] == lab}
            counts[lab][0] += len(gl & pl)
            counts[lab][1] += len(pl)
            counts[lab][2] += len(gl)
    res["cluener_dev"] = {lab: _prf(*c) for lab, c in counts.items()}
    res["cluener_dev"]["ALL"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))

    recs = list(_jsonl(data_dir / "finner" / "dev.jsonl"))
    texts = [to_half_width(r["text"]) for r in recs]
    fin = {"COMPANY": [0, 0, 0], "ORG": [0, 0, 0], "PERSON": [0, 0, 0]}
    inv = {}
    for k, v in FINNER_MAP.items():
        inv.setdefault(v, set()).add(k)
    for rec, text, pred in zip(recs, texts, ner_model.find_many(texts, nlp)):
        labels = finner_labels(rec)
        for lab in fin:
            gold = {n for n, t in labels if t in inv[lab]}
            got = {text[s:e] for l, s, e in pred if l == lab}
            fin[lab][0] += len(gold & got)
            fin[lab][1] += len(got)
            fin[lab][2] += len(gold)
    res["finner_dev_strings"] = {lab: _prf(*c) for lab, c in fin.items()}
    return res


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    """`zhfin train ner` (nlp/train/commands.py holds its options)."""
    from .commands import run, ner

    return run(ner, argv, "ner")


if __name__ == "__main__":
    sys.exit(main())
