"""Map positions in the analysis text back to the raw text the user gave us.

Every normalisation step either keeps a character (possibly replacing it by one
other character) or deletes it, so one integer per analysis character, the raw
index it came from, is the whole map.
"""
from __future__ import annotations

from array import array


class OffsetMap:
    __slots__ = ("_index", "_raw_length")

    def __init__(self, index: array | None, raw_length: int):
        self._index = index  # None: identity (nothing was deleted)
        self._raw_length = raw_length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls(None, length)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Analysis span [start, end) -> raw span; end is exclusive on both sides."""
        if self._index is None:
            return start, end
        if end <= start:
            raw = self._index[start] if start < len(self._index) else self._raw_length
            return raw, raw
        return self._index[start], self._index[end - 1] + 1

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """self maps B->A, inner maps C->B; the result maps C->A."""
        if inner._index is None:
            return self
        if self._index is None:
            return OffsetMap(inner._index, self._raw_length)
        return OffsetMap(array("l", (self._index[i] for i in inner._index)), self._raw_length)
