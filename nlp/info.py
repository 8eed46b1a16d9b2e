"""`zhfin info`: which zhfin this is, from where, with which models and packages.

The same block goes into every batch's summary.json (``info``), so a result file
says what produced it; each docs record carries the short form, ``producer``
("zhfin 0.2.0"), beside its ``provenance`` (model hashes and options).

    {"zhfin": "0.2.0", "schema": "zhfin.event/2", "package": "/…/zhfin",
     "git": {"commit": "f0a4c59…", "dirty": true} | null,      # null outside a clone
     "models_dir": "/…/models", "models": {"ner": {"path", "sha256", "bytes"} | null, …},
     "python": {"version", "implementation", "executable"}, "platform": "Linux-…",
     "packages": {"spacy": "3.8.18", …, "pandas": null}}        # null: not installed
"""
from __future__ import annotations

import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from . import __version__
from .paths import MODELS
from .provenance import SCHEMA, model_sha256
# the packages that decide what zhfin outputs, then the optional ones
PACKAGES = ("jieba", "spacy", "opencc", "selectolax", "charset-normalizer", "python-crfsuite", "click", "rich",
            "numpy", "scikit-learn", "pandas", "pyarrow", "duckdb", "dask")
_PACKAGE_DIR = Path(__file__).resolve().parent


def model_paths(models: Path = MODELS) -> dict[str, Path]:
    """Every model zhfin can use, under the names the records' provenance gives them."""
    return {"events/arguments": models / "events" / "arguments.json",
            "events/listing_stage": models / "events" / "listing_stage.json",
            "linker": models / "linker" / "linker.json",
            "date_linker": models / "linker" / "dates.json",
            "tagger": models / "tagger",
            "ner": models / "ner"}


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def models_info(models: Path = MODELS) -> dict[str, dict | None]:
    out: dict[str, dict | None] = {}
    for name, path in model_paths(models).items():
        digest = model_sha256(str(path))
        out[name] = {"path": str(path), "sha256": digest, "bytes": _size(path)} if digest else None
    return out


def git_commit(where: Path = _PACKAGE_DIR) -> dict | None:
    """{commit, dirty} when zhfin runs from a git clone, else None (an installed wheel)."""
    root = where.parent
    if not (root / ".git").exists():
        return None
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=10)
        if commit.returncode != 0:
            return _head_from_files(root)
        status = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True, timeout=10)
        dirty = bool(status.stdout.strip()) if status.returncode == 0 else None
        return {"commit": commit.stdout.strip(), "dirty": dirty}
    except (OSError, subprocess.SubprocessError):  # no git program: read .git by hand
        return _head_from_files(root)


def _head_from_files(root: Path) -> dict | None:
    try:
        head = (root / ".git" / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = root / ".git" / head[5:]
            head = ref.read_text().strip() if ref.exists() else None
        return {"commit": head, "dirty": None} if head else None
    except OSError:
        return None


def package_versions(names=PACKAGES) -> dict[str, str | None]:
    out = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def info() -> dict:
    return {
        "zhfin": __version__, "schema": SCHEMA, "package": str(_PACKAGE_DIR), "git": git_commit(),
        "models_dir": str(MODELS), "models": models_info(),
        "python": {"version": platform.python_version(), "implementation": platform.python_implementation(),
                   "executable": sys.executable},
        "platform": platform.platform(),
        "packages": package_versions(),
    }


def _bytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def render(data: dict) -> str:
    """The human-readable form of `info()`."""
    git = data["git"]
    lines = [f"zhfin {data['zhfin']} (output schema {data['schema']})",
             f"package   {data['package']}",
             "git       " + (f"{git['commit']}" + (" (uncommitted changes)" if git.get("dirty") else "")
                            if git else "not a git clone"),
             f"models    {data['models_dir']}"]
    for name, model in data["models"].items():
        lines.append(f"  {name:<22}" + (f"sha256 {model['sha256']}  {_bytes(model['bytes'])}" if model
                                        else "missing"))
    py = data["python"]
    lines.append(f"python    {py['version']} ({py['implementation']}, {py['executable']})")
    lines.append(f"platform  {data['platform']}")
    installed = [f"{k} {v}" for k, v in data["packages"].items() if v]
    absent = [k for k, v in data["packages"].items() if not v]
    lines.append("packages  " + ", ".join(installed))
    if absent:
        lines.append("absent    " + ", ".join(absent))
    return "\n".join(lines)
