"""The event models' files: plain JSON in the models folder's events/ (nlp/paths.py says
where that folder is), rebuilt by `zhfin train events`."""
from __future__ import annotations

import json
from pathlib import Path

from ..paths import MODELS as _ALL, missing

MODELS = _ALL / "events"
REBUILD = "zhfin train events --data ../shared/data --out models/events"


def read(path: Path, what: str) -> dict:
    if not path.exists():
        raise FileNotFoundError(missing(what, path, REBUILD))
    return json.loads(path.read_text(encoding="utf-8"))
