"""Sentence and clause boundaries on the analysis text.

Sentences end at 。！？!? (with closing quotes kept) and at line breaks; clauses
further split a sentence at semicolons, because Chinese news packs two
companies' stories into one sentence with ；."""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。！？!?]+[”’\"')）]*|\n+")
_CLAUSE_END = re.compile(r"[；;]")


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
    return _split(_SENTENCE_END, text, 0, len(text))


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return _split(_CLAUSE_END, text, start, end)
