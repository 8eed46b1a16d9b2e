"""A flattened table's columns (序号 | 企业简称 | 审议结果, 获配对象｜获配金额): the cells of the rows under a header
whose cell names the column sought."""
from __future__ import annotations

import re

_BAR = re.compile(r"[|｜]")


def column_cells(text: str, header: re.Pattern) -> list[tuple[str, int, int]]:
    """(the header's word, start, end) of each row's cell in the column whose header cell `header` matches, for
    every row below the header with as many cells (a line of another width ends the table); empty cells left out."""
    if "|" not in text and "｜" not in text:  # nearly every text
        return []
    out: list[tuple[str, int, int]] = []
    label, column, width = "", None, 0
    pos = 0
    for line in text.split("\n"):
        bars = [m.start() for m in _BAR.finditer(line)]
        cells = [(pos + a + 1, pos + b) for a, b in zip([-1, *bars], [*bars, len(line)])] if bars else []
        if column is not None and len(cells) == width:
            a, b = cells[column]
            if any(c.isalnum() for c in text[a:b]):
                out.append((label, a, b))
        else:
            found = [k for k, (a, b) in enumerate(cells) if header.fullmatch(text[a:b].strip())]
            label, column, width = (text[slice(*cells[found[0]])].strip(), found[0], len(cells)) if found else ("", None, 0)
        pos += len(line) + 1
    return out
