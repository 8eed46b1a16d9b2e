"""Inline pinyin glosses that web converters insert after characters: 網(wǎng), 融(rong)資.

A parenthesised run is a gloss only if it follows a Chinese character, is written
in lower case and is a real pinyin syllable, so (合肥), (A股), (ARR) and
(NASDAQ: NIU) survive.
"""
from __future__ import annotations

import functools
import re

from .. import resources

_TONED = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)
_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[1-5]?)[)）]"
)


@functools.cache
def syllables() -> frozenset[str]:
    return frozenset(s.replace("ü", "v") for s in resources.words("pinyin_syllables.txt"))


def is_syllable(word: str) -> bool:
    return word.rstrip("12345").translate(_TONED) in syllables()


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the glosses (parentheses included) to delete from `text`."""
    if "(" not in text and "（" not in text:
        return []
    return [m.span() for m in _GLOSS.finditer(text) if is_syllable(m.group(1))]
