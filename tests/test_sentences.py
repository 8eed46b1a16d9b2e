"""Sentence boundaries (nlp/segment/sentences.py): where one ends, and the lines that stay one sentence."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.segment.sentences import sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("星河科技完成B轮融资。本轮由澄湖资本领投。", ["星河科技完成B轮融资。", "本轮由澄湖资本领投。"]),
    ("星河科技完成B轮融资！金额为2亿元。", ["星河科技完成B轮融资！", "金额为2亿元。"]),
    # a headline's opening figure and its exclamation mark are no sentence of their own
    ("2亿元！星河科技完成B轮融资", ["2亿元！星河科技完成B轮融资"]),
    ("募资8亿元！澄川股份定增落地\n正文。", ["募资8亿元！澄川股份定增落地\n", "正文。"]),
    ("规模10亿元！！集团发行公司债", ["规模10亿元！！集团发行公司债"]),
    ("3亿美元！星河科技递表港交所", ["3亿美元！星河科技递表港交所"]),
    # …but a figure on a line of its own, or words that are more than a figure, end there
    ("2亿元！\n星河科技完成B轮融资", ["2亿元！", "星河科技完成B轮融资"]),
    ("又一笔2亿元融资！星河科技完成B轮", ["又一笔2亿元融资！", "星河科技完成B轮"]),
    ("太好了！星河科技完成B轮融资", ["太好了！", "星河科技完成B轮融资"]),
])
def test_sentence_boundaries(text, expected):
    assert _texts(text) == expected


@given(st.text(alphabet="0123456789.亿万元美港！!。\n 星河科技融资", max_size=60))
def test_sentences_are_in_order_and_cover_every_word(text):
    spans = sentences(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
