"""Hostile text: extraction never raises, every span points into the raw text,
and time grows about linearly with the size (benchmarks/hostile.py prints the
full table; this keeps the worst mechanisms from coming back)."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.document import Document
from nlp.pipeline import Pipeline

from .helpers import iter_mentions

PIECES = ["融资", "上市", "亿元", "万美元", "IPO", "A轮", "Pre-A轮", "C+轮", "领投", "跟投", "、", "，", "。",
          "2025年12月3日", "12月", "星河科技有限公司", "红杉资本", "(08549)", "港交所", "主板", "招股", "每股",
          "发行价", "<div>", "</p>", "<a href='x'>", "&amp;", "\x00", "\u200b", "\u200d", "\u202e", "😀", "\n",
          "\r\n", "\t", " ", "（", "）", "“", "”", "【", "】", "Inc.", "Alpha", "1", "0.5", "%", "拟", "未",
          "被否", "暗盘", "孖展", "融\u200b资", "上市公司", "估值", "亿港元"]

_PIPELINE = None


def pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(entities="all")
    return _PIPELINE


def extract(text: str) -> dict:
    return pipeline()(Document(doc_id="d", raw_text=text, published="2025-12-01"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60))
def test_extraction_never_raises_and_every_span_points_into_the_raw_text(pieces):
    raw = "".join(pieces)
    record = extract(raw)
    for text, start, end in iter_mentions(record):
        assert raw[start:end] == text


# Inputs that once made a stage quadratic, each repeated to size.
GROWTH_CASES = {
    "one trigger word": "融资",
    "no punctuation": "融资上市亿元万美元IPO",
    "zero-width inside a trigger": "融\u200b资\u200d",
    "money units": "亿元",
    "rounds": "A轮B轮C+轮Pre-A轮",
    "tickers": "华兴科技(08549)招股",
    "company suffixes": "科技有限公司",
    "one company many times": "星河科技有限公司完成3亿元B轮融资，由红杉资本领投。",
    "investor list": "、深创投",
}


def _seconds(text: str) -> float:
    start = time.process_time()
    extract(text)
    return time.process_time() - start


@pytest.mark.parametrize("pattern", GROWTH_CASES.values(), ids=GROWTH_CASES.keys())
def test_time_grows_about_linearly(pattern):
    """5x the text may cost at most 12x the CPU time (a quadratic stage costs 25x;
    the margin is for a shared machine's noise)."""
    small, large = (pattern * (4000 // len(pattern) + 1))[:4000], (pattern * (20000 // len(pattern) + 1))[:20000]
    _seconds(small)  # warm
    t_small = min(_seconds(small) for _ in range(2))
    t_large = min(_seconds(large) for _ in range(2))
    assert t_large <= 12 * max(t_small, 0.02), (t_small, t_large)


def test_a_lone_surrogate_in_the_id_of_an_eventful_document_is_no_error():
    record = pipeline()(Document(doc_id="x\ud800", raw_text="星河科技完成1亿元A轮融资，由澄湖资本领投。", published="2025-12-01"))
    assert [e["company"]["name"] for e in record["events"]] == ["星河科技"]
