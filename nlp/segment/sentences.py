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
_SENTENCE_END = re.compile(rf"[。！？!?]+[”’\"')）]*|\n+|{CITATION}(?=\s|$)|(?<=\s)-(?=\s)")
_CLAUSE_END = re.compile(r"[；;]")
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
    for s, e in _split(_SENTENCE_END, text, 0, len(text)):
        while e - s > MAX_SENTENCE:
            cut = _last_soft_break(text, s + MAX_SENTENCE // 2, s + MAX_SENTENCE) or s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return tuple(out)


def _last_soft_break(text: str, lo: int, hi: int) -> int | None:
    last = None
    for m in _SOFT_BREAK.finditer(text, lo, hi):
        last = m.end()
    return last


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split(_CLAUSE_END, text, start, end)
