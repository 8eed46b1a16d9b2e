"""The entity record shared by all recognisers (offsets into the analysis text)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

VALUE_LABELS = ("MONEY", "DATE", "PERCENT", "SHARES", "TICKER", "ROUND", "EXCHANGE")
NAME_LABELS = ("COMPANY", "ORG", "PERSON")


@dataclass(slots=True)
class Entity:
    label: str
    start: int
    end: int
    text: str
    value: dict | None = None

    def overlaps(self, other: "Entity") -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def weak(self) -> bool:
        """A name guessed from a weak ending (…科技, …智能): a name only where it plays a role."""
        return bool(self.value and self.value.get("weak"))


def resolve_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep a non-overlapping subset: longer spans first, values before names on ties."""
    rank = {label: i for i, label in enumerate(VALUE_LABELS + NAME_LABELS)}
    chosen: list[Entity] = []
    taken = Occupied(max((e.end for e in entities), default=0))  # linear, where pairwise tests were not
    for ent in sorted(entities, key=lambda e: (-(e.end - e.start), rank.get(e.label, 99), e.start)):
        if not taken.any(ent.start, ent.end):
            chosen.append(ent)
            taken.take(ent.start, ent.end)
    return sorted(chosen, key=lambda e: e.start)


class Occupied:
    """Which characters of a text some entity already covers (one byte each)."""

    def __init__(self, length: int, entities=()):
        self._mask = bytearray(length)
        for ent in entities:
            self.take(ent.start, ent.end)

    def take(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def any(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1


def any_start_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted offsets `starts` lies in start..end."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end
