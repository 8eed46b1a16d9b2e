"""The accurate tagger at inference: a token-classification model over the windows of
the trigger clauses. Imports torch and transformers (only reached through nlp.trf.load)."""
from __future__ import annotations

import functools
import json
import warnings
from pathlib import Path

import torch

from ..events import tagger
from . import CONFIG, FORMAT, WEIGHTS, TrfUnavailable, missing_message
from .encode import Encoded, Encoder, decode, snap, windows

BATCH = 32  # windows per forward pass (sorted by length, so little padding)


def read_config(path: Path) -> dict:
    card = path / CONFIG
    if not card.is_file() or not (path / WEIGHTS).is_file():
        raise TrfUnavailable(missing_message(path))
    config = json.loads(card.read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise TrfUnavailable(f"{card}: not a {FORMAT} model (format={config.get('format')!r})")
    return config


def quantize_int8(model):
    """Dynamic int8 quantisation of every Linear layer (weights int8, activations quantised
    on the fly): CPU inference only."""
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch deprecates its quantised tensors in favour of torchao
        warnings.simplefilter("ignore")
        return quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def pad(batch: list[Encoded], pad_id: int, device: str = "cpu") -> dict:
    width = max(len(e.ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for i, e in enumerate(batch):
        n = len(e.ids)
        ids[i, :n] = torch.tensor(e.ids)
        types[i, :n] = torch.tensor(e.types)
        mask[i, :n] = 1
    return {"input_ids": ids.to(device), "token_type_ids": types.to(device), "attention_mask": mask.to(device)}


class TrfTagger:
    def __init__(self, path: str | Path, quantize: str = "none", device: str = "cpu"):
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        path = Path(path)
        self.config = read_config(path)
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(path, local_files_only=True, use_safetensors=True)
        model.eval()
        if quantize == "int8":
            model = quantize_int8(model)
        self.device = device
        self.model = model.to(device) if quantize != "int8" else model
        self.encoder = Encoder(self.tokenizer, self.config)
        self.min_p = float(self.config.get("min_p", 0.5))  # a span the proposer sees
        name_p = self.config.get("name_p")  # a span that becomes a new name; None: never
        self.name_p = float(name_p) if name_p is not None else None
        self.pad_id = self.tokenizer.pad_token_id or 0

    def predict(self, encoded: list[Encoded], batch_size: int = BATCH) -> list[list[list[float]]]:
        """Per encoded window, per token, the probabilities of LABELS; in input order."""
        out: list = [None] * len(encoded)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k : k + batch_size]
                logits = self.model(**pad([encoded[i] for i in idx], self.pad_id, self.device)).logits
                probs = torch.softmax(logits.float(), dim=-1).cpu()
                for row, i in enumerate(idx):
                    out[i] = probs[row, : len(encoded[i].ids)].tolist()
        return out

    def tag(self, text: str, clauses: list, words: list[tuple[str, int]] | None = None) -> list[tagger.Tagged]:
        """The parties of the trigger clauses' windows with their probability (at least min_p),
        widened to the jieba words they cut into when `words` are given."""
        wins = windows(clauses)
        if not wins:
            return []
        encoded = self.encoder.encode(text, wins)
        out: list[tagger.Tagged] = []
        for w, enc, rows in zip(wins, encoded, self.predict(encoded)):
            out += decode(enc, rows, w.event)
        if words:
            out = snap(out, words)
        return [t for t in out if t.p >= self.min_p]

    def names(self, tagged: list[tagger.Tagged]) -> list[tagger.Tagged]:
        """The spans sure enough to become names where the rules found none (name_p; None: none)."""
        return [] if self.name_p is None else [t for t in tagged if t.p >= self.name_p]


@functools.cache
def load(path: str, quantize: str = "none", device: str = "cpu") -> TrfTagger:
    return TrfTagger(path, quantize, device)
