"""The event models' files: plain JSON in models/events, rebuilt by `zhfin train events`."""
from __future__ import annotations

import json
from pathlib import Path

MODELS = Path(__file__).resolve().parents[2] / "models" / "events"
REBUILD = "python cli.py train events --data ../shared/data --out models/events"


def read(path: Path, what: str) -> dict:
    if not path.exists():
        raise FileNotFoundError(f"{what} not found at {path}; rebuild it with: {REBUILD}")
    return json.loads(path.read_text(encoding="utf-8"))
