"""Raw text -> analysis text: simplified script, half-width characters, no web junk.

The raw text is never changed; every step works on a copy and records where
each kept character came from (see OffsetMap).
"""
from __future__ import annotations

import functools
import re
from array import array

from .offsets import OffsetMap
from .pinyin import gloss_spans
from .scan import guarded

# A stock quote that a portal pasted into the middle of a legal name
# (富贵鸟(3.88,0.00,0.00%)股份有限公司).
QUOTE_IN_NAME = re.compile(r"[(（]\d+(?:\.\d+)?[,，]\s?[+-]?\d+(?:\.\d+)?[,，]\s?[+-]?\d+(?:\.\d+)?%[)）]"
                           r"(?=股份|有限|集团|控股|[(（]集团)")
# Invisible or junk characters that web pages leave behind, and such quotes.
_DELETE = guarded(re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]|!\[[^\]\n]{0,200}\](?:\([^)\n]{0,500}\))?|"
                             + QUOTE_IN_NAME.pattern))
# A lone surrogate (JSON "\ud800") is no character, and OpenCC cannot encode it: one U+FFFD, offsets kept.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Taiwan press glosses the day of 今日 / 昨日: 今（5）日 is today, the 5th; the analysis text reads 今日.
# guarded: the scan skips to the brackets.
_DAY_GLOSS = guarded(re.compile(r"(?<=[今昨明前])[(（]\s?\d{1,2}\s?[)）](?=日)"
                        r"|(?<=[今昨明前]日)[(（]\s?(?:\d{1,2}日|(?:周|星期)[一二三四五六日天])\s?[)）](?!起)"  # 今日（12日）: the same day
                        r"|(?<=\d日)[(（]\s?(?:周|星期)[一二三四五六日天]\s?[)）]"))  # 9月8日（周一）: that day's weekday
# A thousands separator (442,790万元): no clause break, so the analysis text drops it
# (the raw text, and so every reported span, keeps it).
# Not after a decimal part: 187.120,110.47,144.12% is a price quote, not one number.
_THOUSANDS = guarded(re.compile(r"(?<!\.\d)(?<!\.\d\d)(?<!\.\d\d\d)(?<=\d)[,，](?=\d{3}(?!\d))"))
_CJK_CHUNK = re.compile(r"[^\x00-\x7f]+")
# One space between a Chinese character and a Latin letter or a digit, as Taiwan and some mainland sites
# space them (完成 A 輪募資, 獲得 1,200 萬美元): the analysis text drops it, so that 完成 A 輪 reads as 完成A輪.
# guarded: only a space can start a match, so the scan skips to the spaces.
_CJK_LATIN_SPACE = guarded(re.compile(r"(?<=[\u4e00-\u9fff])[ \u00a0](?=[A-Za-z0-9])|(?<=[A-Za-z0-9%+])[ \u00a0](?=[\u4e00-\u9fff])"))

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space and NBSP -> space; Taiwan's column tag
# 〈新創募資〉 -> 【新創募資】, the bracket the rest of the pipeline knows.
_HALF_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_HALF_WIDTH.update({"\u3000": " ", "\u00a0": " ", "\ufe6a": "%", "\u3008": "【", "\u3009": "】"})
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000\u00a0\ufe6a\u3008\u3009]")


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed to keep the length (and so the offsets)."""
    if text.isascii():
        return text
    converter = _t2s()
    whole = converter.convert(text)  # one call; kept when every non-Chinese stretch stays in place
    if whole == text:  # simplified already, as most news is
        return _variants(text)
    if len(whole) == len(text) and [m.span() for m in _CJK_CHUNK.finditer(text)] == \
            [m.span() for m in _CJK_CHUNK.finditer(whole)]:
        return _variants(_in_bmp(text, whole))
    out = []
    last = 0
    for m in _CJK_CHUNK.finditer(text):
        out.append(text[last : m.start()])
        chunk = m.group()
        converted = converter.convert(chunk)
        if len(converted) != len(chunk):  # a phrase rule changed the length: go char by char
            converted = "".join(c if len(s := converter.convert(c)) != 1 else s for c in chunk)
        out.append(converted)
        last = m.end()
    out.append(text[last:])
    return _variants(_in_bmp(text, "".join(out)))


# OpenCC writes a few characters as ones beyond the Basic Multilingual Plane (潕 -> U+23C98), which no name
# or word pattern matches: such a character keeps its original form
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _in_bmp(original: str, converted: str) -> str:
    """`converted` (as long as `original`) with each character it took out of the BMP given back."""
    if not _ASTRAL.search(converted):
        return converted
    return "".join(o if n > "\uffff" >= o else n for o, n in zip(original, converted))


# Traditional forms OpenCC keeps as they are (融资馀额), and the variants poor converters write for traditional
# characters (讅核 for 審核, which OpenCC makes 谉核; 縂計, 堦段, 註冊生傚, 処於), one character for one.
_VARIANTS = str.maketrans({"馀": "余", "谉": "审", "縂": "总", "堦": "阶", "傚": "效", "処": "处"})
_VARIANT = re.compile(f"[{''.join(map(chr, _VARIANTS))}]")


# Taiwan's names for a market that mainland text spells otherwise, as long as theirs (那斯達克 for 纳斯达克): the
# analysis text reads the mainland name, which every listing pattern knows (a word, not a character, converts)
WORD_VARIANTS = {"那斯达克": "纳斯达克"}
_WORD_VARIANT = re.compile("|".join(WORD_VARIANTS))
_WORD_OPENINGS = frozenset(word[:2] for word in WORD_VARIANTS)  # a substring test spares most texts the scan


def _variants(text: str) -> str:
    text = text.translate(_VARIANTS) if _VARIANT.search(text) else text
    if any(opening in text for opening in _WORD_OPENINGS):
        text = _WORD_VARIANT.sub(lambda m: WORD_VARIANTS[m.group()], text)
    return text


def to_half_width(text: str) -> str:
    """Full-width ASCII and ideographic spaces -> ASCII, one character for one. (A text holds
    few kinds of them, mostly ，（）：: replacing each kind is several times faster than translate.)"""
    for char in set(_FULL_WIDTH.findall(text)):
        text = text.replace(char, _HALF_WIDTH[char])
    return text


def _delete_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    if not spans:
        return text, OffsetMap.identity(len(text))
    keep = array("l")
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        keep.extend(range(last, start))
        last = end
    pieces.append(text[last:])
    keep.extend(range(last, len(text)))
    return "".join(pieces), OffsetMap(keep, len(text))


def normalise(raw: str) -> tuple[str, OffsetMap]:
    """Return the analysis text and the map from its positions to `raw`."""
    deletions = [m.span() for m in _DELETE.finditer(raw)]
    deletions.extend(m.span() for m in _THOUSANDS.finditer(raw))
    deletions.extend(m.span() for m in _DAY_GLOSS.finditer(raw))
    deletions.extend(m.span() for m in _CJK_LATIN_SPACE.finditer(raw))
    deletions.extend(gloss_spans(raw))
    deletions = _merge(deletions)
    text, offsets = _delete_spans(raw, deletions)
    text = to_simplified(to_half_width(_SURROGATE.sub("\ufffd", text)))
    return text, offsets


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
