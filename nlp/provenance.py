"""Which zhfin, which models and which options produced a record.

Every docs record and every batch summary carries this, so that a file found
months later says how it was made. Model files are identified by a short
SHA-256 of their bytes (a folder: of its files, in name order)."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import __version__
from .paths import MODELS  # noqa: F401  (the pipeline names its models from here)

SCHEMA = "zhfin.event/2"
PRODUCER = f"zhfin {__version__}"  # the short form every docs record carries


@functools.cache
def model_sha256(path: str) -> str | None:
    """SHA-256 (hex) over the file, or over a folder's files (each one's relative
    path, then its bytes, in name order); None when absent. `zhfin info` shows it whole."""
    p = Path(path)
    if not p.exists():
        return None
    digest = hashlib.sha256()
    files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
    for f in files:
        digest.update(f.relative_to(p).as_posix().encode() if p.is_dir() else b"")
        digest.update(f.read_bytes())
    return digest.hexdigest()


def model_hash(path: str) -> str | None:
    """The first 16 hex digits of model_sha256: what each record carries."""
    full = model_sha256(path)
    return full[:16] if full else None


def provenance(options: dict, models: dict[str, Path]) -> dict:
    """options: what the user chose (entities, names, instruments …);
    models: name -> path of each model the run used."""
    return {"zhfin": __version__, "schema": SCHEMA,
            "models": {name: model_hash(str(path)) for name, path in sorted(models.items())},
            "options": options}
