"""Whether two funding figures are the same: exact within 1 %, or a headline's one-digit figure
for the text's exact one (7亿元定增 … 不超过7.2亿元)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from nlp.events.types.funding import _round_figure, same_number

FIGURES = [
    # a, b, same
    ((7e8, "CNY"), (7.2e8, "CNY"), True),  # headline 7亿 for 7.2亿
    ((7.2e8, "CNY"), (7e8, "CNY"), True),
    ((3e7, "CNY"), (3.1e7, "CNY"), True),
    ((1e8, "CNY"), (1.2e8, "CNY"), False),  # 20 % apart: two rounds
    ((7.1e8, "CNY"), (7.2e8, "CNY"), False),  # neither is a headline's round figure
    ((7e8, "CNY"), (7.2e8, "USD"), False),
    ((5e8, "CNY"), (5.04e8, "CNY"), True),  # within 1 %
    (None, (5e8, "CNY"), True),  # no figure: nothing to tell them apart
]


@pytest.mark.parametrize("a, b, same", FIGURES)
def test_same_number(a, b, same):
    assert same_number(a, b) is same


@pytest.mark.parametrize("value, rounded", [(7e8, True), (3000e4, True), (1, True), (7.2e8, False), (1.18e8, False), (0.5, False)])
def test_round_figure(value, rounded):
    assert _round_figure(value) is rounded


money = st.tuples(st.floats(min_value=1, max_value=1e12, allow_nan=False), st.sampled_from(["CNY", "USD", "HKD"]))


@given(money, money)
def test_same_number_is_symmetric_and_needs_one_currency(a, b):
    assert same_number(a, b) == same_number(b, a)
    if a[1] != b[1]:
        assert not same_number(a, b)
    assert same_number(a, a)
