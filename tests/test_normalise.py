"""Normalisation: traditional -> simplified, full-width -> half-width, pinyin glosses
and web junk removed, and an offset map that always leads back to the raw text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.normalise import WORD_VARIANTS, normalise, to_simplified

CASES = [
    # raw, analysis text
    ("融資馀額", "融资余额"),  # a form OpenCC keeps
    ("暫緩讅議，縂計3家処於已問詢堦段，1家註冊生傚", "暂缓审议,总计3家处于已问询阶段,1家注册生效"),  # a poor converter's forms
    ("在那斯達克掛牌", "在纳斯达克挂牌"),  # Taiwan's name for a market, as long as the mainland's
    ("網(wǎng)易", "网易"),
    ("融(rong)資", "融资"),
    ("融(róng)資(zī)", "融资"),
    ("有(you)限(xian)公司", "有限公司"),
    ("領(lǐng)投", "领投"),
    ("綠(lv4)色", "绿色"),
    ("零重力飛機工業(合肥)有限公司", "零重力飞机工业(合肥)有限公司"),
    ("(A股)", "(A股)"),
    ("股價(124.990,15.90,14.58%)", "股价(124.990,15.90,14.58%)"),
    ("蔚來(NASDAQ: NIU)", "蔚来(NASDAQ: NIU)"),
    ("營收(ARR)", "营收(ARR)"),
    ("新規(18C章)", "新规(18C章)"),
    ("(合肥)", "(合肥)"),
    ("公司（以下簡稱“星河”）", "公司(以下简称“星河”)"),
    ("１．５億港元", "1.5亿港元"),
    ("２０２５年１２月", "2025年12月"),
    ("ＡＢＣ　公司", "ABC 公司"),
    # one space between Chinese and a Latin letter or a digit is spacing, not a break
    ("完成 A+ 輪募資", "完成A+轮募资"),
    ("獲得 1,200 萬美元", "获得1200万美元"),
    ("由 Cool Harbor Fund 領投", "由Cool Harbor Fund领投"),
    ("6月5日 10:30", "6月5日10:30"),
    ("IPO  定價", "IPO  定价"),  # two spaces are layout, kept
    ("智譜\u200bAI", "智谱AI"),
    ("![]()\n作者", "\n作者"),
    ("![](http://x/y.png)圖", "图"),
    ("融（róng）資", "融资"),
    ("英文(abc)不是拼音", "英文(abc)不是拼音"),
    ("小寫單詞(hello)", "小写单词(hello)"),
    ("數字(2025)", "数字(2025)"),
    ("開頭(xyz)", "开头(xyz)"),
    ("沒有括號的文本", "没有括号的文本"),
    ("富貴鳥(3.88,0.00,0.00%)股份有限公司", "富贵鸟股份有限公司"),
    ("星河数码科技（6.740，0.64，10.49%）股份有限公司", "星河数码科技股份有限公司"),
    ("立訊精密(54.970,-1.29,-2.29%)代工", "立讯精密(54.970,-1.29,-2.29%)代工"),
    # Taiwan press glosses the day of 今日 / 昨日; other numbers in brackets stay
    ("星川動力今（5）日宣布", "星川动力今日宣布"),
    ("鉞川茶飲今日（12日）在主板上市", "钺川茶饮今日在主板上市"),  # the same day told twice
    ("9月8日（周一），深交所", "9月8日,深交所"),  # a day's weekday
    ("昨(12)日公告", "昨日公告"),
    ("第(5)日", "第(5)日"),
]


def test_word_variants_keep_the_length():  # the offsets rely on it
    assert all(len(taiwan) == len(mainland) for taiwan, mainland in WORD_VARIANTS.items())


@pytest.mark.parametrize("raw, analysis", CASES)
def test_normalise(raw, analysis):
    text, offsets = normalise(raw)
    assert text == analysis
    # every analysis character comes from a raw character that normalises to it (a word variant's, with its word)
    words = [m.span() for m in re.finditer("|".join(WORD_VARIANTS.values()), text)]
    for i, ch in enumerate(text):
        start, end = offsets.to_raw(i, i + 1)
        assert end == start + 1
        s, e = next(((s, e) for s, e in words if s <= i < e), (i, i + 1))
        word_start, word_end = offsets.to_raw(s, e)
        assert normalise(raw[word_start:word_end])[0][i - s] == ch


PIECES = list("網絡融資公司有限(róngyouABC)１２３ 。，\u200b!][") + ["(wǎng)", "(you)", "![]()", "(合肥)"]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_offset_map_spans_stay_inside_and_ordered(raw):
    text, offsets = normalise(raw)
    previous_end = 0
    for i in range(len(text)):
        start, end = offsets.to_raw(i, i + 1)
        assert 0 <= start < end <= len(raw)
        assert start >= previous_end
        previous_end = end
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1):
            start, end = offsets.to_raw(i, j)
            assert 0 <= start <= end <= len(raw)


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=80))
@settings(max_examples=200, deadline=None)
def test_simplified_conversion_keeps_length_and_the_basic_plane(text):
    """Never a character beyond the BMP that the text did not hold (OpenCC writes 潕 as U+23C98)."""
    simplified = to_simplified(text)
    assert len(simplified) == len(text) and all(c <= "\uffff" for c in simplified)


@pytest.mark.parametrize("raw, analysis", [("湖南潕水環保科技股份有限公司", "湖南潕水环保科技股份有限公司"),
                                           ("潕水环保", "潕水环保"), ("星河𠀀科技", "星河𠀀科技")])
def test_a_character_opencc_would_take_beyond_the_basic_plane_keeps_its_form(raw, analysis):
    assert normalise(raw)[0] == analysis


@pytest.mark.parametrize("raw", ["星河科技\ud800完成1亿元A轮融资。", "\udfff星河", "a\ud83d"])
def test_a_lone_surrogate_becomes_one_replacement_character(raw):
    """JSON may hold "\\ud800" alone: no character, and OpenCC cannot encode it. It reads as U+FFFD, offsets kept."""
    text, offsets = normalise(raw)
    assert "\ufffd" in text and not any("\ud800" <= c <= "\udfff" for c in text)
    assert len(text) == len(raw) and offsets.to_raw(0, len(text)) == (0, len(raw))
