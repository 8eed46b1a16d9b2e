"""The test on the raw text before normalising it (events/prefilter.py) must never turn away a text that
`may_hold_event` keeps once normalised: whatever the script, the widths, the spaces and the junk."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from nlp.events import may_hold_event, prefilter, triggers
from nlp.text.normalise import normalise

from .test_rule_corpus import ROWS


def _kept_after_normalising(raw: str) -> bool:
    return may_hold_event(normalise(raw)[0])


@pytest.mark.parametrize("pattern, expected", [
    ("融资", [[{"融资"}]]),
    ("有(?=[^,，]{2,16}?申购)", [[{"有"}, {"申购"}]]),  # a lookahead's strings are in the text too
    ("(?<=轮)(?:引入|注入)", [[{"轮"}, {"引入", "注入"}]]),  # a lookbehind's too
    ("完成|(?:获得|拿到)[^,]{0,9}轮", [[{"完成"}], [{"获得", "拿到"}, {"轮"}]]),  # one list per branch
])
def test_required_sets(pattern, expected):
    assert [[set(need) for need in sets] for sets in prefilter.required_sets(pattern)] == expected


@pytest.mark.parametrize("raw", [
    "星河科技完成 A 輪融資，由紅杉中國領投。",  # traditional script, spaced
    "星河科技完成Ａ輪融資。",  # a full-width letter
    "星河科技ＩＰＯ申請獲受理。",
    "星河科技\u200b完成B轮融资。",  # an invisible character inside the phrase: the full way
    "星海生物去年登陆 A 股。",  # the space normalise deletes inside A股
    "【获批】\n1. 星河科技（科创板）",  # a digest's stage heading, no trigger word in the line
    "序号｜企业｜板块｜结果\n1｜星河科技｜科创板｜通过",  # a table's result column
    "序号｜企业｜状态\n1｜星河科技｜已问询",
    "本周上市的两只新股：\n1. 星河科技",
    "星河科技今（5）日宣布完成C轮融资。",  # a day's gloss inside the sentence
    "星河科技宣布完成融(róng)資。",  # a pinyin gloss
])
def test_texts_with_an_event_pass(raw):
    assert _kept_after_normalising(raw)
    assert prefilter.may_hold(raw)


@pytest.mark.parametrize("raw", [
    "沪指今日收涨0.5%，成交额1.2万亿元，两市超3000只个股上涨。",
    "央行开展7天期逆回购操作，利率维持1.5%不变。",
    "",
])
def test_texts_without_one_are_turned_away(raw):
    assert not _kept_after_normalising(raw)
    assert not prefilter.may_hold(raw)


@pytest.mark.parametrize("text", sorted({r.text for r in ROWS}))
def test_every_corpus_text_the_first_gate_keeps_passes(text):
    if _kept_after_normalising(text):
        assert prefilter.may_hold(text)


# pieces of trigger phrases in both scripts, widths, the spaces and separators normalise deletes, and junk
_PIECES = ["融资", "融資", "完成", "A", "Ａ", "轮", "輪", "上市", "IPO", "ＩＰＯ", "申请", "申請", "受理", "获", "獲",
           "投资", "投資", "领投", "領投", "募资", "發行", "发行", "配售", "债", "債", "申购", "有", "【", "】", "[", "]",
           "|", "｜", "审议结果", "通过", "以下", "两只", "上市的", "：", "\n", " ", "\u3000", "\u00a0", ",", "，", "1",
           "0", "000", "%", "(", ")", "（", "）", "róng", "guó", "今", "日", "周一", "\u200b", "![x](y)", "星河", "科技",
           "的", "是", "亿元", "估值", "本轮", "战略", "入股", "回購", "港交所", "聆讯", "暗盘", "注册", "生效"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_prefilter_turns_away_no_text_the_first_gate_keeps(raw):
    assert prefilter.may_hold(raw) or not _kept_after_normalising(raw)


def test_a_users_own_triggers_switch_it_off(tmp_path):
    from nlp import userdata

    rows = tmp_path / "triggers.tsv"
    rows.write_text("event\tstage\tpattern\nfunding\t-\t喜提资金\n", encoding="utf-8")
    with userdata.using(userdata.load(triggers=rows)):
        assert prefilter.may_hold("沪指今日收涨0.5%。")


def test_every_trigger_branch_needs_a_string():
    """A branch that needs none would make every text pass: the prefilter refuses to build then."""
    assert all(sets for p in triggers.patterns() for sets in prefilter.required_sets(p.pattern))


@pytest.mark.parametrize("raw, passes", [
    ("【获批】\n1. 星河科技（科创板）", True),
    ("获批\n1. 星河科技（科创板）", False),  # the heading's word needs its bracket
    ("序号｜企业｜板块｜结果\n1｜星河科技｜科创板｜通过", True),
    ("企业 板块 结果\n星河科技 科创板 通过", False),  # a column needs its bars
    ("先说本周上市的两只：\n- 周二 星河科技，创业板", True),
])
def test_headings_tables_and_counted_lists_pass_on_their_own(monkeypatch, raw, passes):
    """Where no trigger pattern's strings occur, a stage heading, a table's column header or a list's count
    still lets the text through (their lines become triggers in `may_hold_event`)."""
    monkeypatch.setattr(prefilter._needs(), "finder", re.compile("(?!)"))  # no trigger string anywhere
    assert prefilter.may_hold(raw) is passes
