"""A built wheel works on its own: it installs the package `zhfin` with its models
as package data and the `zhfin` command, and extracts from a folder that is not a
clone. The wheel is built from a copy of the sources (no stale build/ folder, nothing
written into the repo), installed with --target, and run with the test's interpreter,
whose site-packages hold the dependencies; the repo is on no path."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .helpers import ARTICLES, ROOT, SEED

SOURCES = ("pyproject.toml", "setup.py", "README.md", "nlp", "models")
ARTICLE = ARTICLES / "funding_lead_follow.txt"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src, dist, site = tmp / "src", tmp / "dist", tmp / "site"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    # the test extra pins a setuptools new enough for pyproject.toml, so no backend is fetched
    subprocess.run([*pip, "wheel", str(src), "--no-deps", "--no-build-isolation", "-w", str(dist)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("zhfin-*.whl")
    subprocess.run([*pip, "install", str(wheel), "--no-deps", "--target", str(site)], check=True, capture_output=True)
    return site


def installed(site: Path, args: list[str], cwd: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """Run `args` with only the installed wheel added to the interpreter's paths."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ZHFIN_MODELS")}
    env.update(env_vars, PYTHONPATH=str(site))
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_wheel_installs_zhfin_with_its_models_and_nothing_generic(site):
    top = {p.name for p in site.iterdir()}
    assert "zhfin" in top and not {"nlp", "cli.py", "models"} & top
    assert (site / "zhfin" / "models" / "events" / "listing_stage.json").exists()
    assert (site / "zhfin" / "models" / "ner" / "config.cfg").exists()
    assert (site / "zhfin" / "models" / "tagger" / "party.crfsuite").exists()


def test_installed_package_finds_itself_and_its_models(site, tmp_path):
    code = "import zhfin, zhfin.paths; print(zhfin.__file__); print(zhfin.paths.MODELS)"
    out = installed(site, [sys.executable, "-c", code], tmp_path)
    assert out.returncode == 0, out.stderr
    package, models = map(Path, out.stdout.split("\n")[:2])
    assert package.is_relative_to(site) and models == site / "zhfin" / "models"


def test_zhfin_command_from_another_folder_matches_the_clone(site, tmp_path):
    here = subprocess.run([sys.executable, str(ROOT / "cli.py"), "extract", str(ARTICLE), "--published", "2025-12-05",
                           "--format", "json"], capture_output=True, text=True, check=True)
    out = installed(site, [str(site / "bin" / "zhfin"), "extract", str(ARTICLE), "--published", "2025-12-05",
                           "--format", "json"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(here.stdout)


@pytest.mark.skipif(not SEED.exists(), reason="shared sample article not present")
def test_seed_article_from_the_wheel(site, tmp_path):
    out = installed(site, [sys.executable, "-m", "zhfin", "extract", str(SEED), "--published", "2025-12-30",
                           "--format", "json"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["events"]) == 5


def test_models_folder_from_the_environment(site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    out = installed(site, [sys.executable, "-c", "import zhfin.paths; print(zhfin.paths.MODELS)"], tmp_path,
                    ZHFIN_MODELS=str(elsewhere))
    assert Path(out.stdout.strip()) == elsewhere
    missing = installed(site, [str(site / "bin" / "zhfin"), "extract", str(ARTICLE)], tmp_path,
                        ZHFIN_MODELS=str(elsewhere))
    assert missing.returncode == 1
    [line] = missing.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "ZHFIN_MODELS" in line and "zhfin train" in line
