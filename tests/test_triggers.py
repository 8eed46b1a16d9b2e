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
    assert triggers.has_candidate(analysis) or not ungated


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
