"""Colours for the label configurations of annotation projects, the same as the view's."""
from __future__ import annotations

import zlib

from ..review.page import COLOURS, ROLE_COLOURS
from ..review.svg import PALETTE


def colour(label: str) -> str:
    """Entities as in `zhfin view`; anchors by event type; roles from a fixed palette."""
    if label in COLOURS:
        return COLOURS[label]
    kind = label.split(":")[0]
    if kind in ROLE_COLOURS:
        return ROLE_COLOURS[kind]
    return PALETTE[zlib.crc32(label.encode()) % len(PALETTE)]
