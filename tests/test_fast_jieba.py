"""The rewritten DAG and route give jieba's own words, on zhfin's dictionary."""
from __future__ import annotations

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.segment import fast_jieba
from nlp.segment.tokenizer import _loaded

PIECES = ["星河智能", "科技有限公司", "完成", "亿元", "B轮", "融资", "领投", "跟投", "港交所", "主板", "上市",
          "招股", "发行价", "每股", "研究院", "的", "了", "在", "和", "深圳", "杭州", "新能源", "半导体",
          "2025年", "12月", "3.5", "%", "IPO", "Pre-A", "，", "。", " ", "（", "）", "「", "」", "\n",
          "長沙", "資本", "獲得", "億元", "芯片", "孖展", "超购", "暗盘", "基金", "合伙企业", "\r\n", "\t", "a b"]


@pytest.fixture(scope="module")
def both():
    ours = _loaded()[0]
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = ours.FREQ, ours.total, True
    return ours, plain


def test_the_pipeline_uses_the_fast_tokenizer(both):
    assert isinstance(both[0], fast_jieba.Tokenizer)


@pytest.mark.parametrize("text", [
    "星河智能科技有限公司完成3.5亿元B轮融资，由深圳某资本领投。",
    "长沙云帆新能源股份有限公司今日在港交所主板上市，每股发行价12港元。",
    "據悉，該公司獲得億元級融資，投後估值超過10億元。",
    "研究研究生命起源", "结婚的和尚未结婚的", "", "a", "。。。", "ＡＢＣ１２３",
])
def test_known_sentences(both, text):
    ours, plain = both
    assert ours.lcut(text) == plain.lcut(text) == list(ours.cut(text))
    assert ours.lcut(text, HMM=False) == plain.lcut(text, HMM=False)
    assert ours.lcut(text, cut_all=True) == plain.lcut(text, cut_all=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25))
def test_generated_text(both, pieces):
    ours, plain = both
    text = "".join(pieces)
    assert ours.lcut(text) == plain.lcut(text) == list(ours.cut(text))
    assert ours.lcut(text, HMM=False) == plain.lcut(text, HMM=False)
