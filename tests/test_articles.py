"""End to end on our own test articles: every expected event and value comes out."""
from __future__ import annotations

import pytest

from nlp.io import readers
from nlp.pipeline import load

from .helpers import article_cases, expected, iter_mentions, names, party_matches

CASES = article_cases()


def run(article):
    document = readers.read_path(article)
    document.published = expected(article)["published"]
    return document, load()(document)


def _money_ok(got: dict | None, want: dict) -> bool:
    return got is not None and got["currency"] == want["currency"] and \
        abs(got["value"] - want["value"]) <= 1e-6 * abs(want["value"])


def find_event(events: list[dict], want: dict) -> dict:
    """The event of the wanted type and company; of several such (a round and an earlier one), the first whose
    fields hold."""
    same = [ev for ev in events if ev["type"] == want["type"] and party_matches(ev["company"], want["company"])]
    if not same:
        raise AssertionError(f"no {want['type']} event for {want['company']}: "
                             f"{[(e['type'], e['company']['name']) for e in events]}")
    for ev in same[:-1]:
        try:
            check_event(ev, want)
            return ev
        except AssertionError:
            continue
    return same[-1]


def check_event(ev: dict, want: dict) -> None:
    for key in ("amount", "valuation", "offer_price", "proceeds", "market_cap"):
        if key in want:
            assert (ev[key] is None) if want[key] is None else _money_ok(ev[key], want[key]), (key, ev[key])
    for key in ("investors", "lead_investors"):
        if key in want:
            assert names(ev[key]) == set(want[key]), key
    if "round" in want:
        assert (ev["round"] or {}).get("name") == want["round"]
    for key in ("date", "listing_date", "disclosed"):
        if key in want:
            assert ev[key] is not None and ev[key]["start_date"] == want[key], (key, ev[key])
    for key in ("stage", "board", "ticker"):
        if key in want:
            assert ev[key] == want[key], key
    if "exchange" in want:
        assert (ev["exchange"] or {}).get("code") == want["exchange"]
    if "shares_offered" in want:
        assert ev["shares_offered"] and ev["shares_offered"]["value"] == want["shares_offered"]


@pytest.mark.parametrize("article", CASES, ids=[p.name for p in CASES])
def test_expected_events(article):
    _, record = run(article)
    want = expected(article)
    for want_event in want["events"]:
        check_event(find_event(record["events"], want_event), want_event)
    if want.get("exactly"):
        assert len(record["events"]) == len(want["events"]), [
            (e["type"], e["company"]["name"]) for e in record["events"]]


@pytest.mark.parametrize("article", CASES, ids=[p.name for p in CASES])
def test_every_span_points_into_the_raw_text(article):
    document, record = run(article)
    spans = list(iter_mentions(record))
    assert spans
    for text, start, end in spans:
        assert document.raw_text[start:end] == text
