"""Trigger finding and role discovery: the literal gate that lets a clause skip the patterns it
cannot match must never skip one that matches."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from nlp.events import literal_gate, triggers

from .test_rule_corpus import ROWS

REQUIRED = [
    # pattern, the literals one of which every match contains (None: no such set)
    ("融资", {"融资"}),
    ("(?:上市|IPO)(?:申请)?(?:材料|文件)?(?:已)?(?:获得?|被)[^,。；;]{0,8}?受理", {"受理"}),
    ("截飞|截招|超购", {"截飞", "截招", "超购"}),
    ("(?<!未)过会", {"过会"}),
    ("完成[^,。；;]{0,20}?轮", {"完成"}),
    ("首挂|暗盘", {"首挂", "暗盘"}),
    ("首挂|首日(?:挂牌|上市)", {"首"}),  # Python factors the shared 首 out: still sound, only weaker
    ("[A-H]轮", {"轮"}),
    ("(?:A|B)?x", {"x"}),
    ("(?:ab)+c", {"ab"}),
    ("a|[bc]", None),
    ("\\d+", None),
]


@pytest.mark.parametrize("pattern, expected", REQUIRED)
def test_required_literals(pattern, expected):
    got = literal_gate.required_literals(pattern)
    assert (set(got) if got else None) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="融资上市IPO获投完成轮A股受理首挂截飞，。的星河科技", max_size=40))
def test_every_match_holds_a_required_literal(text):
    for _, _, pattern in triggers._triggers():
        needs = literal_gate.required_literals(pattern.pattern)
        for m in pattern.finditer(text):
            assert needs and any(lit in m.group() for lit in needs), (pattern.pattern, m.group())


def _find_without_gate(text: str) -> tuple:
    """The triggers found with every pattern tried (what find() did before the gate)."""
    gate = triggers._gate()
    try:
        gate.enabled = False
        return triggers.find(text)
    finally:
        gate.enabled = True


@pytest.mark.parametrize("text", sorted({r.text for r in ROWS})[:120])
def test_the_gate_changes_no_trigger(text):
    from nlp.text.normalise import normalise

    analysis = normalise(text)[0]
    ungated = _find_without_gate(analysis)
    assert triggers.find(analysis) == ungated
    told, _ = triggers.words_present(analysis)
    assert told or not [t for t in ungated if t.stage != "attach"]


@pytest.mark.parametrize("text", sorted({r.text for r in ROWS if r.type != "-"}))
def test_every_text_with_an_event_passes_the_first_gate(text):
    """The cheap test before any analysis keeps every corpus text that must give an event, those whose only
    words are ones that add to a deal (本轮融资总额为3亿元, a named round beside 投资方) among them."""
    from nlp.events import may_hold_event
    from nlp.text.normalise import normalise

    assert may_hold_event(normalise(text)[0])


@pytest.mark.parametrize("text, held", [
    ("这家公司目前估值约50亿元，投资者关注其盈利能力。", False),  # 估值 and 投资者 alone add to no deal
    ("该股总市值达300亿元，今日开盘价为12元。", False),
    ("本轮融资总额为3亿元，投资方包括红杉中国。", True),  # the round's size: told alone
    ("2023年的A轮中，联想创投是唯一的机构投资方。", True),  # a named round with a date: told alone
])
def test_the_first_gate_on_words_that_only_add(text, held):
    from nlp.events import may_hold_event

    assert may_hold_event(text) is held


@pytest.mark.parametrize("text", sorted({r.text for r in ROWS})[::6])
def test_the_role_patterns_gate_changes_no_event(text):
    import nlp
    from nlp.events import discover

    gated = nlp.extract(text, published="2025-12-30")["events"]
    gate = discover._gate()
    try:
        gate.enabled = False
        ungated = nlp.extract(text, published="2025-12-30")["events"]
    finally:
        gate.enabled = True
    assert gated == ungated


@pytest.mark.parametrize("text", [
    "澄越重卡回应“完成10亿元C轮融资”：消息不实",  # the quoted step, denied right after the quote
    "业内人士分析，头部企业的融资传闻频发。",  # a deal word the word for hearsay follows
])
def test_a_step_told_as_hearsay_is_marked_so(text):
    found = [t for t in triggers.find(text) if t.event == "funding" and t.stage != "attach"]
    assert found and all(t.rumour for t in found)


@pytest.mark.parametrize("text", [
    "一手5000股，预期10月10日在GEM挂牌，独家保荐人为同人融资。",  # a sponsor's name that ends in 融资
    "本次配售的财务顾问是澄岭融资有限公司，配售代理为星河证券。",
])
def test_an_advisers_name_ending_in_融资_is_no_funding_word(text):
    assert not [t for t in triggers.find(text) if t.event == "funding"]
