"""The accurate mode: a fine-tuned pretrained encoder (any local Hugging Face BERT-like
checkpoint) that tags the parties of trigger clauses.

    zhfin train trf --base DIR --data ../shared/data --out models/trf
    zhfin extract article.txt --model accurate [--model-dir models/trf]
    zhfin.load(model="accurate")

It reads the same windows as the party tagger (nlp/events/tagger.py: each clause
with a live trigger, or 160 characters around its triggers) and tags, per
wordpiece, the event's company (CO) and, for funding, its investors (INV). Its
spans travel in Context.trf_tagged to the trf proposer (events/proposers/trf.py).

torch and transformers are imported only when a model is loaded or trained
(pip install "zhfin[trf]"); this module and the default (fast) path never import them.
The model folder is written by save_pretrained (config.json, model.safetensors,
tokenizer files) plus zhfin.json (format tag, labels, how windows are encoded);
it loads without pickle."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..paths import MODELS

ENV = "ZHFIN_TRF_MODEL"
DEFAULT_DIR = MODELS / "trf"
FORMAT = "zhfin.trf_tagger/1"
CONFIG = "zhfin.json"
WEIGHTS = "model.safetensors"
REBUILD = "zhfin train trf --base DIR --data ../shared/data --out models/trf"
INSTALL = 'pip install "zhfin[trf]"'
MODES = ("fast", "accurate")
QUANTIZE = ("none", "int8")


class TrfUnavailable(RuntimeError):
    """The accurate mode cannot run: no model folder, or torch/transformers missing."""


@dataclass(frozen=True, slots=True)
class TrfOptions:
    """What the pipeline needs to load the accurate tagger (hashable: the pipeline is cached by it).
    quantize: "int8" (dynamic quantisation of the Linear layers, CPU) or "none"."""
    model_dir: str
    quantize: str = "none"
    device: str = "cpu"


def model_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--model-dir, else $ZHFIN_TRF_MODEL, else models/trf (under ZHFIN_MODELS when set)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    return DEFAULT_DIR


def missing_message(path: Path) -> str:
    return (f"accurate model not found at {path} (no {CONFIG} and {WEIGHTS}); point --model-dir or {ENV} at one, "
            f"or build it with: {REBUILD}")


def check(path: Path) -> None:
    """Raise TrfUnavailable (one line) when `path` is not a trained model folder or torch is not installed."""
    if not (path / CONFIG).is_file() or not (path / WEIGHTS).is_file():
        raise TrfUnavailable(missing_message(path))
    import importlib.util

    absent = [m for m in ("torch", "transformers") if importlib.util.find_spec(m) is None]
    if absent:
        raise TrfUnavailable(f"the accurate mode needs {' and '.join(absent)}: {INSTALL}")


def options(mode: str = "fast", directory: str | os.PathLike | None = None, quantize: str = "none",
            device: str = "cpu") -> TrfOptions | None:
    """None for the fast mode; for the accurate mode the checked options (TrfUnavailable if it cannot run)."""
    if mode not in MODES:
        raise ValueError(f"model must be one of {MODES}, not {mode!r}")
    if quantize not in QUANTIZE:
        raise ValueError(f"quantize must be one of {QUANTIZE}, not {quantize!r}")
    if mode == "fast":
        return None
    path = model_dir(directory)
    check(path)
    return TrfOptions(str(path.resolve()), quantize, device)


def load(opts: TrfOptions):
    """The tagger for these options, loaded once per process (torch loads here)."""
    from .model import load as _load

    return _load(opts.model_dir, opts.quantize, opts.device)
