"""COMPANY / ORG names in Latin script, closed by an ending of resources/latin_name_suffixes.tsv:

    由Starlight Capital领投              -> Starlight Capital
    Nebula Robotics Holdings Co., Ltd.   -> the whole name
    K W Starlight Group(08411)           -> K W Starlight Group
    the Venture Capital / Generative AI  -> nothing (only generic words before the ending)
    长江国弘(Grand Yangtze Capital)        -> nothing (a gloss of the name before it)
    Pebblo（中文名：深圳卵石跃动科技有限公司）  -> Pebblo (glossed: before a bracket that holds a name found, see glossed)

Case-aware: each word of the name starts with a capital or a digit (or is camel-case: xAI,
iFlytek), words are joined by spaces, '&', ' and ', ' of '. IPO, CEO, AI or USD alone are never names.
"""
from __future__ import annotations

import functools
import re

from .. import resources
from .span import Entity

_WORD = r"(?:[A-Z0-9][A-Za-z0-9'\-]*|[a-z]+[A-Z][A-Za-z0-9]*)"
_JOIN = r"(?:\s&\s|&|\sand\s|\sof\s|\s)"
_LEADING = frozenset("The A An In On At By For From With And Of To As".split())  # words before a name


@functools.cache
def _suffixes() -> dict[str, tuple[str, bool]]:
    return {r["suffix"]: (r["label"], r["strength"] == "strong") for r in resources.table("latin_name_suffixes.tsv")}


@functools.cache
def _generic() -> frozenset[str]:
    return frozenset(resources.words("latin_generic_words.txt"))


@functools.cache
def _pattern() -> re.Pattern:
    return re.compile(
        rf"(?<![A-Za-z0-9&'.\-])(?P<name>{_WORD}(?:{_JOIN}{_WORD}){{0,5}}?)"
        rf"(?P<endings>(?:,?\s(?:{_ending_alternation()}))+)(?![A-Za-z0-9])"
    )


def _label(endings: str) -> tuple[str, bool]:
    """The last ending gives the label (… Foundation is an ORG); any strong one makes the name strong
    (Starlight Capital Management)."""
    found = re.findall(_ending_alternation(), endings)
    return _suffixes()[found[-1]][0], any(_suffixes()[e][1] for e in found)


@functools.cache
def _ending_alternation() -> str:
    return "|".join(re.escape(s) for s in sorted(_suffixes(), key=len, reverse=True))


def _gloss(text: str, start: int, end: int) -> bool:
    """长江国弘(Grand Yangtze Capital): the English name of the party just named is no second party."""
    before = text[max(0, start - 8):start].rstrip()
    if not before.endswith("(") or not text[end:].lstrip().startswith(")"):
        return False
    before = before[:-1].rstrip()  # 贝壳控股 (KE Holdings)
    return bool(before) and "\u4e00" <= before[-1] <= "\u9fff"


def find(text: str) -> list[Entity]:
    out = []
    generic = _generic()
    for m in _pattern().finditer(text):
        start = m.start("name")
        words = re.findall(_WORD, m["name"])
        while len(words) > 1 and (words[0] in _LEADING or words[0].isdigit()):  # The Starlight Group, In 2020 …
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if all(w in generic for w in words) or _gloss(text, start, m.end()):
            continue
        label, strong = _label(m["endings"])
        out.append(Entity(label, start, m.end(), text[start:m.end()], None if strong else {"weak": True}))
    return out


# Pebblo（中文名：深圳卵石跃动科技有限公司）, Brevix（深圳市倍维智能科技有限公司）: Latin words right before a bracket
# that opens on a name found (a legal one, say) are that party's other name, with or without an ending
_BEFORE_GLOSS = re.compile(rf"(?<![A-Za-z0-9&'.\-])(?P<name>{_WORD}(?:\s{_WORD}){{0,3}})\s?[(（]\s?"
                           r"(?:(?:中文|英文)?(?:名称?|全称)\s?[:：为]\s?)?$")


def glossed(text: str, names: list[Entity]) -> list[Entity]:
    """Latin names that a bracket right after them glosses with a name found (a COMPANY that is no guess)."""
    out = []
    for e in names:
        if e.label != "COMPANY" or (e.value or {}).get("weak") or e.text.isascii() \
                or not any(b in text[max(0, e.start - 10) : e.start] for b in "(（"):  # (the bracket first: nearly never)
            continue
        window = max(0, e.start - 48)
        m = _BEFORE_GLOSS.search(text[window:e.start])
        if m is None:
            continue
        if _names_nothing(m["name"]):
            continue
        out.append(Entity("COMPANY", window + m.start("name"), window + m.end("name"), m["name"], None))
    return out


def _names_nothing(name: str) -> bool:
    """Too short, or only generic and leading words (The AI, China): no name."""
    return len(name) < 3 or all(w in _generic() or w in _LEADING for w in re.findall(_WORD, name))


def core(name: str) -> str | None:
    """Moxly Holdings -> Moxly, Lumenfold AI Inc. -> Lumenfold: a Latin name without its endings, as the press
    cites it after the first mention (None: no ending, or only generic words before it: China Holdings)."""
    m = _pattern().fullmatch(name)
    return None if m is None or _names_nothing(m["name"]) else m["name"]
