"""When a predicted value counts as a gold value, in the gold-passage format.

These are the maintainers' rules (`shared/eval/score_events.py`), written out one
function per kind of value. A gold value given as a list is a list of
alternatives: any of them will do.
"""
from __future__ import annotations

import functools
import re

# A parenthesised run of Latin letters: an inline pinyin gloss (網(wǎng)) or an
# English aside (云帆(Yunfan)), dropped from names before comparing.
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_LATIN_IN_PARENS = re.compile(rf"\([A-Za-z{_TONE_MARKS}]+\)")
_NAME_PUNCTUATION = frozenset("·•()（）\"“”")

# gold-passage stage -> the zhfin stages that count for it; any other gold stage
# must equal the predicted stage as written
STAGES = {
    "筹备上市": {"planned", "filed", "hearing_passed", "registered", "subscription", "priced"},
    "递交招股书": {"filed"},
    "通过聆讯": {"hearing_passed", "registered"},
    "招股": {"subscription", "priced"},
    "挂牌上市": {"listed"},
    "正式上市": {"listed"},
    "暂停上市": {"suspended"},
    "终止上市": {"terminated", "withdrawn"},
}

# exchange code -> the gold surfaces (simplified, lower case) that name it; a surface
# not listed here must equal the predicted code as written (tests check these codes
# against nlp/resources/exchanges.tsv)
EXCHANGE_SURFACES = {
    "HKEX": ("港交所", "港交所主板", "港交所gem"),
    "SSE": ("上交所", "上交所主板", "上交所科创板"),
    "SZSE": ("深交所", "深交所主板", "深交所创业板"),
    "BSE": ("北交所",),
    "NASDAQ": ("纳斯达克",),
    "NYSE": ("纽交所",),
    "LSE": ("伦交所",),
    "SGX": ("新交所",),
    "SIX": ("瑞士证券交易所",),
}
_EXCHANGE_CODE = {surface: code for code, surfaces in EXCHANGE_SURFACES.items() for surface in surfaces}

# round names, rewritten in this order: 天使+輪 -> 天使+ -> angel+, Pre-A轮 -> pre-a, PreA -> pre-a
_ROUND_REWRITES = (("轮", ""), ("融资", ""), ("天使", "angel"), ("种子", "seed"), ("战略", "strategic"),
                   ("pre", "pre-"), ("--", "-"))
# a ticker's market suffix: 01592.HK, 688235.SH, EDU.N
_TICKER_SUFFIX = re.compile(r"\.(?:hk|sh|sz|o|n)$")


def alternatives(value) -> list:
    return value if isinstance(value, list) else [value]


def lookup(obj, path: str):
    """obj["a"]["b"] for "a.b", None where a step is missing or not an object."""
    for key in path.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


def norm_name(name) -> str:
    """智譜(pǔ) AI -> 智谱ai: glosses dropped, simplified, lower case, no spaces or quotes."""
    if not name:
        return ""
    name = _t2s()(_LATIN_IN_PARENS.sub("", name)).lower()
    return "".join(c for c in name if not c.isspace() and c not in _NAME_PUNCTUATION)


def names_match(gold, predicted) -> bool:
    """Equal after norm_name, or one contains the other (智谱 / 北京智谱华章科技)."""
    a, b = norm_name(gold), norm_name(predicted)
    return bool(a and b) and (a in b or b in a)


def any_name_matches(gold, predicted) -> bool:
    return any(names_match(g, predicted) for g in alternatives(gold))


def norm_round(name) -> str:
    """B輪 -> b, 天使轮 -> angel, Pre-A -> pre-a, 战略融资 -> strategic."""
    name = norm_name(name)
    for old, new in _ROUND_REWRITES:
        name = name.replace(old, new)
    return name


def money_matches(gold, predicted) -> bool:
    """Value within 1 % of the gold value (its lower bound: value_max is not compared),
    same currency unless the gold leaves it open; a gold without a value only asks
    for a predicted amount in its currency."""
    if not isinstance(predicted, dict) or predicted.get("value") is None:
        return False
    return any(_one_money_matches(g, predicted) for g in alternatives(gold))


def _one_money_matches(gold, predicted: dict) -> bool:
    if not isinstance(gold, dict):
        gold = {"value": gold}
    if gold.get("currency") not in (None, predicted.get("currency")):
        return False
    if gold.get("value") is None:
        return True
    return _within_one_percent(predicted["value"], gold["value"])


def _within_one_percent(predicted, gold) -> bool:
    try:
        return abs(float(predicted) - gold) <= 0.01 * abs(gold)
    except (TypeError, ValueError):
        return False


def _iso_start(date) -> str | None:
    """The ISO start of a zhfin Date: `start_date` (zhfin.event/2) or `start` (zhfin.event/1)."""
    if not isinstance(date, dict):
        return None
    start = date.get("start_date") or date.get("date") or date.get("start")
    return start if isinstance(start, str) else None


def date_matches(gold, predicted) -> bool:
    """By prefix: gold 2025-12 takes any day of December 2025."""
    start = _iso_start(predicted)
    return start is not None and any(start.startswith(g) for g in alternatives(gold))


def _ticker_key(ticker) -> str:
    """01592.HK -> 1592, 688235.SH -> 688235, EDU.N -> edu."""
    return _TICKER_SUFFIX.sub("", str(ticker).lower()).lstrip("0")


def ticker_matches(gold, predicted) -> bool:
    if isinstance(predicted, dict):  # a ticker with offsets, as zhfin.event/2 may give it
        predicted = predicted.get("code") or predicted.get("value") or predicted.get("text")
    return predicted is not None and any(_ticker_key(g) == _ticker_key(predicted) for g in alternatives(gold))


def round_matches(gold, predicted_round) -> bool:
    predicted = lookup(predicted_round, "name") or lookup(predicted_round, "text")
    return any(norm_round(g) == norm_round(predicted) for g in alternatives(gold))


def exchange_matches(gold, predicted_exchange) -> bool:
    code = lookup(predicted_exchange, "code")
    return any(_EXCHANGE_CODE.get(norm_name(g), g) == code for g in alternatives(gold))


def stage_matches(gold, predicted_stage) -> bool:
    return any(predicted_stage in STAGES.get(g, {g}) for g in alternatives(gold))


def shares_match(gold, predicted_shares) -> bool:
    value = lookup(predicted_shares, "value")
    return value is not None and any(_within_one_percent(value, g) for g in alternatives(gold))


def party_matches(gold, parties) -> bool:
    """A gold investor name against the predicted parties of the same role."""
    return any(any_name_matches(gold, lookup(p, "name") or lookup(p, "mention.text")) for p in parties or [])
