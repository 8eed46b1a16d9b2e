"""Event confidence: a calibrated lookup by type and filled roles, monotone in the roles."""
from __future__ import annotations

import pytest

import nlp
from nlp import resources
from nlp.events.confidence import TABLE, confidence, filled_roles
from nlp.train.confidence import _monotone


@pytest.mark.parametrize("counts, expected", [
    ([(1, 2), (3, 4)], [0.5, 0.75]),
    ([(3, 4), (1, 2)], [4 / 6, 4 / 6]),
    ([(2, 4), (9, 10), (1, 4)], [0.5, 10 / 14, 10 / 14]),
    ([(1, 1)], [1.0]),
])
def test_monotone_pools_violating_bins(counts, expected):
    assert _monotone(counts) == pytest.approx(expected)


def test_shipped_table_is_monotone_and_used():
    rows = resources.table(TABLE)
    for etype in {r["type"] for r in rows}:
        values = [float(r["confidence"]) for r in sorted(rows, key=lambda r: int(r["filled"])) if r["type"] == etype]
        assert values == sorted(values) and all(0 < v < 1 for v in values)
    record = nlp.extract("云帆智能于12月3日完成5亿元B+轮融资，由澄湖资本领投。", published="2025-12-30")
    [event] = record["events"]
    assert filled_roles(event) == 4
    assert event["confidence"] == confidence(event) in {float(r["confidence"]) for r in rows}


@pytest.mark.parametrize("filled_event", [
    {"type": "listing"},  # no key role at all
    {"type": "funding", "amount": 1, "round": 1, "investors": [1], "date": 1},
])
def test_every_event_gets_a_confidence(filled_event):
    assert 0 < confidence(filled_event) < 1
