"""Sentence and clause boundaries on the analysis text.

Sentences end at 。！？!? (with closing quotes kept), at line breaks and at a summary's bullet marks; clauses
further split a sentence at semicolons, because Chinese news packs two
companies' stories into one sentence with ；.

A sentence longer than MAX_SENTENCE (no real one is; text without stops is)
is cut at its last comma before the limit, or at the limit: every later stage
may then spend per-pair work inside a sentence and stay linear in the text."""
from __future__ import annotations

import functools
import re

# and at a summary's bullet marks: …的A轮融资 [1] - 本轮融资的独家投资方为… (a citation, a dash between blanks)
CITATION = r"\[\d{1,2}\](?:\s+-)?"
_SENTENCE_END = re.compile(rf"[。！？!?]+[”’\"')）」』]*|\n+|{CITATION}(?=\s|$)|(?<=\s)(?<![|｜]\s)-(?=\s)(?!\s[|｜])")  # (a table's empty cell, | - |, ends nothing)
_CLAUSE_END = re.compile(r"[；;]")
# 本轮投资方包括：⏎红杉中国⏎高瓴资本: a line that opens a list of parties, one short line each, is one sentence.
# The parties: a deal verb's 方 / 人 (投资方, 领投方, 认购人, 承配人, as names._party_word), its 对象, 机构 or 银行, 股东
_PARTY_LIST_HEAD = re.compile(r"(?:[资投购款配][方人]|投资者|(?:投资|参投|跟投)机构|对象|(?:贷款|参贷)银行|股东)"
                              r"(?:名单)?(?:分别)?(?:包括|为|有|是|如下)?\s*[:：]\s*$")
_LIST_ITEM = re.compile(r"[^。！？!?:：\n]{2,30}")
_ONE_LINE_BREAK = re.compile(r"(?<!\n)\n[ \t\u3000\r]*\Z")  # a blank line ends the list
MAX_LIST_ITEMS = 20
_TABLE_ROW = re.compile(r"[^|\n]*(?:\|[^|\n]*){3,}\n*")
_SOFT_BREAK = re.compile(r"[,，、:：\s]")
MAX_SENTENCE = 600


def _split(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    last = start
    for m in pattern.finditer(text, start, end):
        if m.end() > last:
            spans.append((last, m.end()))
        last = m.end()
    if last < end:
        spans.append((last, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str) -> list[tuple[int, int]]:
    return list(_sentences(text))


@functools.lru_cache(maxsize=4)  # the timeline, the clauses and the event context all ask
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for s, e in _join_amount_leads(text, _join_party_lists(text, _split(_SENTENCE_END, text, 0, len(text)))):
        while e - s > MAX_SENTENCE:
            cut = _last_soft_break(text, s + MAX_SENTENCE // 2, s + MAX_SENTENCE) or s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return tuple(out)


def _join_party_lists(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that ends in a party list's colon takes the short lines after it (one party each)."""
    out: list[tuple[int, int]] = []
    items = 0
    for s, e in spans:
        if items and items <= MAX_LIST_ITEMS and _LIST_ITEM.fullmatch(text[s:e].strip()) \
                and _ONE_LINE_BREAK.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], e)
            items += 1
            continue
        out.append((s, e))
        items = 1 if text[s:e].rstrip().endswith((":", "：")) and _PARTY_LIST_HEAD.search(text, s, e) else 0
    return out


# 2亿元！星河科技完成B轮融资, 规模10亿元！集团成功发行…: a headline opens with its figure and an exclamation mark;
# the figure is the deal's, so it is no sentence of its own
_AMOUNT_LEAD = re.compile(r"[ \t\u3000]*[^\s\d。！？!?]{0,4}?\d[\d.,]*\s?(?:千|百)?(?:万|亿)(?:[^\s\d。！？!?]{0,3}?元)?[！!]+")


def _join_amount_leads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that is only a headline's opening figure (2亿元！) joins the sentence after it on its line."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s and _AMOUNT_LEAD.fullmatch(text, *out[-1]):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def _last_soft_break(text: str, lo: int, hi: int) -> int | None:
    last = None
    for m in _SOFT_BREAK.finditer(text, lo, hi):
        last = m.end()
    return last


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if text.count("|", start, end) >= 3 and _TABLE_ROW.fullmatch(text, start, end):
        return [(start, end)]  # | 星河 | A轮 | 1亿元 | X；Y |: a table row's semicolons list a cell's names
    return _split(_CLAUSE_END, text, start, end)
