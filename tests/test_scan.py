"""The first-character guard finds exactly what the pattern finds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.entities import dates, money, stock_names, values
from nlp.entities.market import _CUES
from nlp.text.scan import first_chars, guarded

SHIPPED = {"DATE": dates.DATE, "MONEY": money.MONEY, "PERCENT": values.PERCENT, "SHARES": values.SHARES,
           "EXCHANGE": values.EXCHANGE, "TICKER": values.TICKER, "ROUND": values.ROUND,
           "stock quote": stock_names._STOCK_QUOTE, "market cues": _CUES}
PIECES = ["2025年", "12月3日", "今天", "上周五", "美东时间", "约", "3.5亿元", "每股", "10港元", "US$", "5%",
          "百分之十", "1000万股", "H股", "港交所", "主板", "(02333.HK)", "代码:688001", "Pre-A轮", "B+轮",
          "Series C", "天使轮", "孖展", "招股", "，", "。", " ", "a", "Q3", "H1", "二〇二五年", "二十日"]


@pytest.mark.parametrize("pattern", SHIPPED.values(), ids=SHIPPED.keys())
def test_every_shipped_scanner_is_guarded(pattern):
    assert pattern.pattern.startswith("(?=[")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=30))
def test_a_guarded_pattern_finds_the_same_matches(pieces):
    text = "".join(pieces)
    for pattern in SHIPPED.values():
        bare = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1], pattern.flags)  # without the guard
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in bare.finditer(text)]


@pytest.mark.parametrize("src, chars", [
    (r"abc|d", "ad"),
    (r"(?<!x)\d+元", r"\d"),
    (r"(?:美东时间)?\d{4}年|今天", r"\d今美"),
    (r"x?y", "xy"),
    (r"[a-c]z", "a-c"),
])
def test_first_characters_of_a_pattern(src, chars):
    assert sorted(first_chars(re.compile(src))) == sorted(chars)


@pytest.mark.parametrize("src", [r"a?", r".x", r"[^a]b", r"(a)?\1", r"x*"])
def test_no_guard_where_any_character_or_nothing_may_start_a_match(src):
    pattern = re.compile(src)
    assert first_chars(pattern) is None
    assert guarded(pattern) is pattern
