"""Numerals: Arabic, Chinese, mixed, traditional and full-width."""
import pytest
from hypothesis import given, strategies as st

from nlp.entities.numbers import fold, has_unit, parse_number

CASES = [
    ("0", 0.0),
    ("7", 7.0),
    ("2513", 2513.0),
    ("1.2", 1.2),
    ("2,000", 2000.0),
    ("十二点五", 12.5),  # spoken decimals and 个 before a unit
    ("二十一点零五", 21.05),
    ("两个多亿", 2e8),
    ("37,419,500", 37419500.0),
    ("一", 1.0),
    ("十", 10.0),
    ("十二", 12.0),
    ("二十一", 21.0),
    ("三十七", 37.0),
    ("一百零五", 105.0),
    ("一千二百", 1200.0),
    ("一亿", 1e8),
    ("两千万", 2e7),
    ("五千万", 5e7),
    ("十亿", 1e9),
    ("十余亿", 1e9),
    ("百亿", 1e10),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万亿", 1e12),
    ("亿", 1e8),
    ("1.2万亿", 1.2e12),
    ("2,000万", 2e7),
    ("3亿5000万", 3.5e8),
    ("一亿五千万", 1.5e8),
    ("一千二百万", 1.2e7),
    ("二十万亿", 2e13),
    ("243.77亿", 2.4377e10),
    ("1.86 亿", 1.86e8),
    ("300多万", 3e6),
    ("5000余万", 5e7),
    ("二〇二五", 2025.0),
    ("二零二六", 2026.0),
    ("1.5 billion", 1.5e9),
    ("300 million", 3e8),
    ("2.5 Billion", 2.5e9),
    ("5 thousand", 5e3),
    ("壹佰", 100.0),
    ("叁仟", 3000.0),
    # traditional and full-width
    ("兩千萬", 2e7),
    ("一億", 1e8),
    ("十餘億", 1e9),
    ("１．２萬億", 1.2e12),
    ("２，０００萬", 2e7),
    ("２５１３", 2513.0),
]

NOT_NUMBERS = ["", "   ", "abc", "三个", "点五", "数亿", "几千万", "十几亿", "3 5", "元", "1.5 billionaire", "数百万"]


@pytest.mark.parametrize("surface,expected", CASES)
def test_parse_number(surface, expected):
    assert parse_number(surface) == pytest.approx(expected)


@pytest.mark.parametrize("surface", NOT_NUMBERS)
def test_not_a_number(surface):
    assert parse_number(surface) is None


@pytest.mark.parametrize("surface,expected", [("3亿", True), ("3000", False), ("1.5 billion", True), ("萬", True)])
def test_has_unit(surface, expected):
    assert has_unit(surface) is expected


@given(st.text())
def test_fold_keeps_length(s):
    assert len(fold(s)) == len(s)


@given(st.text())
def test_parse_number_never_raises(s):
    v = parse_number(s)
    assert v is None or isinstance(v, float)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_roundtrip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 1e4), ("亿", 1e8), ("万亿", 1e12)]))
def test_unit_multiplies(n, unit):
    assert parse_number(f"{n}{unit[0]}") == pytest.approx(n * unit[1])
