"""The page of `zhfin view` in a real browser: headless Chromium (Debian's `chromium`
package) loads it, its DOM holds the event cards and the escaped input, and its
screenshot is not blank. Skipped, saying so, where no Chromium is installed; set
ZHFIN_CHROMIUM to the browser's path to use another one."""
from __future__ import annotations

import os
import shutil
import subprocess
import zlib

import pytest
from click.testing import CliRunner

from nlp.cli import main

from .review_corpus import make_batch

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str | None:
    chosen = os.environ.get("ZHFIN_CHROMIUM")
    if chosen:
        return chosen
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


BROWSER = _browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium installed "
                                "(apt-get install chromium, or set ZHFIN_CHROMIUM)")


def chromium(tmp_path, *args) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([BROWSER, *flags, *args], capture_output=True, text=True, timeout=120)


def png_pixels_that_differ(path) -> int:
    """Bytes of the decompressed image data that are not 0. Chromium filters each row
    (Sub, Up, Paeth …), so a blank page decompresses to zeros; drawn text, marks and
    cards do not."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(raw) - raw.count(0)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    out = make_batch(root)
    path = root / "page.html"
    result = CliRunner().invoke(main, ["view", str(out), "--output", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_chromium_renders_the_event_cards(page, tmp_path):
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count('class="card funding') == 2 and dom.count('class="card listing') == 2
    assert "湖光电池" in dom and "芯衡微" in dom and "2,000,000,000 CNY" in dom
    # the input's markup stayed text: no script element in the loaded document
    assert "<script" not in dom.lower() and "&lt;script&gt;" in dom


def test_chromium_screenshot_is_not_blank(page, tmp_path):
    shot = tmp_path / "view.png"
    result = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1000,800", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    assert png_pixels_that_differ(shot) > 10_000
