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
from .encode import Encoded, Encoder, decode, windows

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
        self.min_p = float(self.config.get("min_p", 0.5))
        self.pad_id = self.tokenizer.pad_token_id or 0

    def predict(self, encoded: list[Encoded], batch_size: int = BATCH) -> list[tuple[list[int], list[float]]]:
        """(label ids, their probabilities) per encoded window, in input order."""
        out: list = [None] * len(encoded)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                idx = order[k : k + batch_size]
                logits = self.model(**pad([encoded[i] for i in idx], self.pad_id, self.device)).logits
                probs, labels = torch.softmax(logits.float(), dim=-1).max(dim=-1)
                for row, i in enumerate(idx):
                    n = len(encoded[i].ids)
                    out[i] = (labels[row, :n].tolist(), probs[row, :n].tolist())
        return out

    def tag(self, text: str, clauses: list) -> list[tagger.Tagged]:
        """The parties of the trigger clauses' windows, with their probability."""
        wins = windows(clauses)
        if not wins:
            return []
        encoded = self.encoder.encode(text, wins)
        out: list[tagger.Tagged] = []
        for w, enc, (labels, probs) in zip(wins, encoded, self.predict(encoded)):
            out += [t for t in decode(enc, labels, probs, w.event) if t.p >= self.min_p]
        return out


@functools.cache
def load(path: str, quantize: str = "none", device: str = "cpu") -> TrfTagger:
    return TrfTagger(path, quantize, device)
