"""The article zhfin was started from (../shared/samples), run through the CLI
with no publication date: the acceptance values of the foundation issue."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .helpers import ROOT, SEED, iter_mentions, names, party_matches, party_texts

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared sample article not present")


@pytest.fixture(scope="module")
def record():
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "extract", str(SEED), "--format", "json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def events_of(record, type_, company):
    return [e for e in record["events"] if e["type"] == type_ and party_matches(e["company"], company)]


def approx(money, value, currency, qualifier="any"):
    assert money is not None
    assert money["currency"] == currency
    assert money["value"] == pytest.approx(value, rel=1e-9)
    if qualifier != "any":
        assert money["qualifier"] == qualifier


def test_zhipu_listing(record):
    [ev] = events_of(record, "listing", "智谱")
    assert ev["exchange"]["code"] == "HKEX" and ev["board"] == "main"
    assert ev["ticker"] == "2513"
    approx(ev["offer_price"], 116.2, "HKD")
    assert ev["shares_offered"]["value"] == 37_419_500
    approx(ev["proceeds"], 4.3e9, "HKD", "approx")
    approx(ev["market_cap"], 5.11e10, "HKD", "over")
    assert ev["listing_date"]["start_date"] == "2026-01-08"
    assert ev["stage"] == "subscription"
    hearing = [m for m in ev["milestones"] if m["stage"] == "hearing_passed"]
    assert hearing and hearing[0]["date"]["start_date"] == "2025-12-19"


def test_minimax_listing(record):
    [ev] = events_of(record, "listing", "MiniMax")
    assert ev["exchange"]["code"] == "HKEX"
    assert ev["stage"] == "hearing_passed"
    filed = [m for m in ev["milestones"] if m["stage"] == "filed"]
    assert filed and filed[0]["date"]["start_date"] == "2025-12-21"


def test_zhipu_fundings(record):
    fundings = events_of(record, "funding", "智谱")
    assert len(fundings) == 2
    four = next(e for e in fundings if e["rounds_count"] == 4)
    assert four["date"]["start_date"] == "2024-01-01" and four["date"]["granularity"] == "year"
    approx(four["amount"], 5e9, "CNY", "over")
    assert four["cumulative"]
    assert names(four["investors"]) == {"沙特阿美", "北京市AI产业基金"}
    eight = next(e for e in fundings if e["rounds_count"] == 8)
    approx(eight["amount"], 8.3e9, "CNY", "over")
    approx(eight["valuation"], 2.4377e10, "CNY")
    assert party_texts(eight["investors"]) >= {"阿里", "腾讯", "红杉资本", "高瓴资本"}


def test_minimax_funding_is_one_event(record):
    [ev] = events_of(record, "funding", "MiniMax")
    assert ev["date"]["start_date"] == "2025-07-01" and ev["date"]["granularity"] == "month"
    approx(ev["amount"], 3e8, "USD")
    assert names(ev["investors"]) == {"上海国资母基金"}
    approx(ev["valuation"], 3e9, "USD")


def test_nothing_else(record):
    assert len(record["events"]) == 5, [(e["type"], e["company"]["name"]) for e in record["events"]]
    parties = {p["name"] for e in record["events"] for p in [e["company"], *e.get("investors", [])]}
    assert not parties & {"月之暗面", "沙利文", "投中数据"}


def test_spans_point_into_raw_text(record):
    raw = SEED.read_text(encoding="utf-8")
    spans = list(iter_mentions(record))
    assert len(spans) > 50
    for text, start, end in spans:
        assert raw[start:end] == text
