"""The seed article's values through the public API, `nlp.extract(text)` with no
publication date: every listed entity is found and normalised right.

Entities are looked up by their raw `text` (traditional script, possibly with
inline pinyin glosses), compared after `normalise`; where a surface occurs more
than once, every occurrence must carry the expected value.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import nlp
from nlp.text.normalise import normalise

SEED = Path(__file__).resolve().parents[1].parent / "shared/samples/000_8b2fe20a107fcfe5.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared sample article not present")

N = None


def M(value, currency, qualifier=None, value_max=None, vague=False, **extra):
    return {"value": value, "value_max": value_max, "currency": currency,
            "qualifier": qualifier, "vague": vague, **extra}


def D(start, end=None, gran="day", inferred=False):
    return {"start": start, "end": end or start, "granularity": gran, "inferred": inferred}


# (label, surface in simplified script, expected value)
VALUES = [
    ("MONEY", "每股116.2港元", M(116.2, "HKD", per_share=True)),
    ("MONEY", "约43亿港元", M(4.3e9, "HKD", "approx")),
    ("MONEY", "超过511亿港元", M(5.11e10, "HKD", "over")),
    ("MONEY", "超50亿元", M(5e9, "CNY", "over")),
    ("MONEY", "3亿美元", M(3e8, "USD")),
    ("MONEY", "30亿美元", M(3e9, "USD")),
    ("MONEY", "超83亿元", M(8.3e9, "CNY", "over")),
    ("MONEY", "243.77亿元", M(2.4377e10, "CNY")),
    ("MONEY", "约3亿美元", M(3e8, "USD", "approx")),
    ("MONEY", "约300亿元", M(3e10, "CNY", "approx")),
    ("MONEY", "3–5亿元", M(3e8, "CNY", value_max=5e8)),
    ("MONEY", "数百万元", M(1e6, "CNY", "approx", value_max=9e6, vague=True)),
    ("MONEY", "1.86 亿美元以内", M(1.86e8, "USD", "at_most")),
    # no publication date: year-less dates resolve against the inferred one (2026-01-08)
    ("DATE", "12月19日", D("2025-12-19", inferred=True)),
    ("DATE", "2026年1月5日", D("2026-01-05")),
    ("DATE", "2026年1月8日", D("2026-01-08")),
    ("DATE", "2025年7月", D("2025-07-01", "2025-07-31", "month")),
    ("DATE", "2024年内", D("2024-01-01", "2024-12-31", "year")),
    ("DATE", "2025年上半年", D("2025-01-01", "2025-06-30", "half")),
    ("DATE", "2025年二季度", D("2025-04-01", "2025-06-30", "quarter")),
    ("DATE", "12月21日", D("2025-12-21", inferred=True)),
    ("SHARES", "37,419,500股H股", {"value": 37419500.0, "share_class": "H"}),
    ("SHARES", "1,871,000股", {"value": 1871000.0, "share_class": None}),
    ("SHARES", "35,548,500股", {"value": 35548500.0, "share_class": None}),
    ("TICKER", "2513", {"code": "2513"}),
    ("EXCHANGE", "港交所主板", {"code": "HKEX", "board": "main"}),
    ("PERCENT", "42%", {"value": 42.0}),
    ("PERCENT", "174.7%", {"value": 174.7}),
    ("ROUND", "最新一轮", {"name": "latest"}),
]


@pytest.fixture(scope="module")
def entities():
    raw = SEED.read_text(encoding="utf-8")
    record = nlp.extract(raw)
    for e in record["entities"]:  # spans point into the raw text
        assert raw[e["start"]:e["end"]] == e["text"]
    return record["entities"]


def simplified(surface: str) -> str:
    """Entity text -> simplified script without pinyin glosses or thousands separators."""
    return normalise(surface)[0]


def _close(a, b) -> bool:
    if isinstance(b, float) and a is not None:
        return a == pytest.approx(b, rel=1e-9)
    return a == b


@pytest.mark.parametrize("label,surface,expected", VALUES, ids=[f"{lab}:{s}" for lab, s, _ in VALUES])
def test_seed_value(entities, label, surface, expected):
    found = [e for e in entities if e["label"] == label and simplified(e["text"]) == simplified(surface)]
    assert found, f"no {label} {surface!r}; got {sorted({simplified(e['text']) for e in entities if e['label'] == label})}"
    for e in found:
        value = e["value"]
        assert value is not None, e
        got = {k: value.get(k) for k in expected}
        assert all(_close(got[k], v) for k, v in expected.items()), (e["text"], got, expected)
        if label == "MONEY":  # no key beyond the expected ones (per_share only where expected)
            assert value.get("per_share", False) == expected.get("per_share", False)
