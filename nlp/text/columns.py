"""A flattened table's cells and columns (序号 | 企业简称 | 审议结果, 获配对象｜获配金额): the cells of a row, and the
cells of the rows under a header whose cell names the column sought."""
from __future__ import annotations

import re

BAR = re.compile(r"[|｜]")


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of the row text[start:end], the bars between them."""
    bounds = [start - 1, *(m.start() for m in BAR.finditer(text, start, end)), end]  # the bar before each cell
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]


def column_cells(text: str, header: re.Pattern, beside: re.Pattern | None = None) -> list[tuple[str, int, int]]:
    """(the header's word, start, end) of each row's cell in the column whose header cell `header` matches (and,
    given `beside`, where another header cell matches that), for every row below the header with as many cells (a
    line of another width ends the table); empty cells left out."""
    if "|" not in text and "｜" not in text:  # nearly every text
        return []
    out: list[tuple[str, int, int]] = []
    label, column, width = "", None, 0
    pos = 0
    for line in text.split("\n"):
        row = cells(text, pos, pos + len(line)) if BAR.search(line) else []
        if column is not None and len(row) == width:
            a, b = row[column]
            if any(c.isalnum() for c in text[a:b]):
                out.append((label, a, b))
        else:
            found = [k for k, (a, b) in enumerate(row) if header.fullmatch(text[a:b].strip())]
            if beside is not None and not any(beside.fullmatch(text[a:b].strip()) for a, b in row):
                found = []
            # 网上申购日 | 2025年8月19日 under 项目 | 内容: a field's label and its value, no column's header (认购对象｜
            # 认购金额（元） is one)
            if found == [0] and len(row) == 2 and any(c.isdigit() for c in text[slice(*row[1])]):
                found = []
            label, column, width = (text[slice(*row[found[0]])].strip(), found[0], len(row)) if found else ("", None, 0)
        pos += len(line) + 1
    return out


def header_label(text: str, pos: int) -> str:
    """The header cell of the column that pos lies in, when pos lies in a flattened table's row under a header
    line of as many cells (申购日｜简称｜发行价 over 11月11日｜星河食品｜9.88元: 发行价 for 9.88元); else ""."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if not BAR.search(text, line_start, line_end):
        return ""
    row = cells(text, line_start, line_end)
    column = next((k for k, (a, b) in enumerate(row) if a <= pos <= b), None)
    header = None
    while line_start > 0 and column is not None:  # the top line of the block of rows as wide as this one
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = cells(text, above_start, line_start - 1) if BAR.search(text, above_start, line_start - 1) else []
        if len(above) != len(row):
            break
        header, line_start = above, above_start
    return text[slice(*header[column])].strip() if header else ""
