"""Trigger words for funding and listing events, with the false friends that
contain them and the words before them that negate or soften them."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import resources

# A clause that opens as hearsay (市场消息：…) reports nothing as fact.
_HEARSAY_HEAD = re.compile(r"\s*(?:【[^】]{0,30}】)?\s*(?:市场消息|消息人士|据传|传闻|市场传闻)")
_NAMED_INSTRUMENTS = ("debt", "placement")  # specific phrases no false-friend list blocks
_SEGMENT_BREAK = re.compile(r"[,，。；;!?！？:：\n]")


@dataclass(slots=True, frozen=True)
class Trigger:
    event: str  # funding | listing
    stage: str | None  # listing stage the phrase reports; funding: debt, placement or attach
    start: int
    end: int
    modal: bool = False  # plan, intention, rumour or condition
    negated: bool = False
    rumour: bool = False  # 市场消息, 据传: reported as hearsay


@functools.cache
def _triggers() -> tuple[tuple[str, str | None, re.Pattern], ...]:
    return tuple((r["event"], None if r["stage"] == "-" else r["stage"], re.compile(r["pattern"]))
                 for r in resources.table("event_triggers.tsv"))


@functools.cache
def _blockers() -> dict[str, re.Pattern]:
    rows = resources.table("event_blockers.tsv")
    return {event: re.compile("|".join(f"(?:{r['pattern']})" for r in rows if r["event"] == event))
            for event in {r["event"] for r in rows}}


@functools.cache
def context_pattern(kind: str) -> re.Pattern:
    rows = [r["pattern"] for r in resources.table("event_context.tsv") if r["kind"] == kind]
    return re.compile("|".join(f"(?:{p})" for p in rows))


def segment_start(text: str, pos: int, floor: int) -> int:
    """Start of the comma-separated segment that holds `pos` (not before `floor`)."""
    i = pos
    while i > floor and not _SEGMENT_BREAK.match(text[i - 1]):
        i -= 1
    return i


def find(text: str, start: int = 0, end: int | None = None) -> tuple[Trigger, ...]:
    """Triggers in text[start:end], false friends removed, modality marked."""
    end = len(text) if end is None else end
    blocked: dict[str, list[tuple[int, int]]] = {
        event: [m.span() for m in pattern.finditer(text, start, end)]
        for event, pattern in _blockers().items()
    }
    found: list[Trigger] = []
    for event, stage, pattern in _triggers():
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if stage not in _NAMED_INSTRUMENTS and any(bs < e and s < be for bs, be in blocked.get(event, ())):
                continue
            if any(t.event == event and t.start < e and s < t.end for t in found):
                continue  # an earlier, more specific pattern covers it
            seg = text[segment_start(text, s, start) : s]
            found.append(Trigger(event, stage, s, e,
                                 modal=bool(context_pattern("modal").search(seg)),
                                 negated=bool(context_pattern("negation").search(seg)),
                                 rumour=bool(context_pattern("rumour").search(seg) or _HEARSAY_HEAD.match(text, start))))
    return tuple(sorted(found, key=lambda t: t.start))


def has_candidate(text: str) -> bool:
    """Cheap test: could this text hold any event at all?"""
    return any(p.search(text) for _, _, p in _triggers())
