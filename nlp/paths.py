"""Where the trained models are, for every model (events, tagger, ner) alike.

In order: the folder named by ZHFIN_MODELS (holding events/, ner/, tagger/);
the models installed with the package (zhfin/models inside a wheel); a clone's
top-level models/. Read once, at import."""
from __future__ import annotations

import os
from pathlib import Path

ENV = "ZHFIN_MODELS"
_HERE = Path(__file__).resolve().parent


def models_dir() -> Path:
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    packaged = _HERE / "models"
    return packaged if packaged.is_dir() else _HERE.parent / "models"


MODELS = models_dir()


def missing(what: str, path: Path, rebuild: str) -> str:
    """The one-line error for a model file that is not there."""
    return (f"{what} not found at {path}; set {ENV} to a folder with events/, ner/ and tagger/, "
            f"or rebuild it with: {rebuild}")
