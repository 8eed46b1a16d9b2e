"""Stacked bar charts as inline SVG: no plotting library, nothing fetched, text escaped.

    bars(["2025-01", "2025-02"], [("funding", [3, 5]), ("listing", [1, 0])], title="events per month")
    bars(["红杉中国", "高瓴"], [("led", [4, 2]), ("joined", [9, 3])], horizontal=True)
"""
from __future__ import annotations

from .page import esc

PALETTE = ("#1f6feb", "#2da44e", "#8250df", "#d4760a", "#cf222e", "#0a7d8c", "#9a6700", "#6e7781", "#bf3989",
           "#57606a", "#1b7c83", "#953800")
LEGEND_WIDTH = 440  # legend rows wrap here; charts are at least this wide
FONT = 'font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif"'


def _nice_step(top: float) -> float:
    """A round tick step giving about five ticks up to `top`."""
    if top <= 5:
        return 1
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _label_width(text: str) -> int:
    """Rough pixel width of a 12px label: wide CJK characters, narrow others."""
    return sum(12 if ord(c) > 0x2E80 else 7 for c in text)


def _clip(text: str, width: int) -> str:
    while text and _label_width(text) > width:
        text = text[:-2] + "…" if len(text) > 2 else text[:-1]
    return text


def _legend(series: list[tuple[str, list[float]]], colours: dict, x: int, y: int) -> tuple[str, int]:
    if len(series) < 2:
        return "", y
    out, at = [], x
    for name, _ in series:
        width = 26 + _label_width(name)
        if at > x and at + width > x + LEGEND_WIDTH:  # wrap
            at, y = x, y + 16
        out.append(f'<rect x="{at}" y="{y}" width="10" height="10" fill="{colours[name]}"/>'
                   f'<text x="{at + 14}" y="{y + 9}" font-size="11">{esc(name)}</text>')
        at += width
    return "".join(out), y + 18


def bars(categories: list[str], series: list[tuple[str, list[float]]], title: str = "", horizontal: bool = False,
         colours: dict | None = None) -> str:
    """One stacked bar per category; each series a colour. An empty chart says so."""
    colours = colours or {}
    colours = {name: colours.get(name, PALETTE[i % len(PALETTE)]) for i, (name, _) in enumerate(series)}
    totals = [sum(vals[i] for _, vals in series) for i in range(len(categories))]
    if not categories or not any(totals):
        return f'<p class="muted">{esc(title)}: nothing to show</p>'
    top = max(totals)
    step = _nice_step(top)
    axis_top = step * -(-top // step)
    return (_horizontal if horizontal else _vertical)(categories, series, totals, axis_top, step, title, colours)


def _vertical(categories, series, totals, axis_top, step, title, colours) -> str:
    n = len(categories)
    bar_w = max(8, min(36, 720 // n))
    rotate = n > 10 or max(_label_width(c) for c in categories) > bar_w + 6
    left, plot_h = 44, 200
    legend, y0 = _legend(series, colours, left, 24 if title else 4)
    bottom = max(_label_width(c) for c in categories) * 0.75 + 14 if rotate else 22
    width = max(left + n * (bar_w + 6) + 20, left + LEGEND_WIDTH + 20)
    height = int(y0 + 10 + plot_h + bottom)
    base = y0 + 10 + plot_h
    out = [f'<text x="0" y="15" font-size="13" font-weight="600">{esc(title)}</text>' if title else "", legend]
    tick = 0.0
    while tick <= axis_top:
        y = base - plot_h * tick / axis_top
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ec"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{tick:g}</text>')
        tick += step
    for i, cat in enumerate(categories):
        x = left + 6 + i * (bar_w + 6)
        y = base
        for name, vals in series:
            if vals[i]:
                h = plot_h * vals[i] / axis_top
                y -= h
                out.append(f'<rect x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" fill="{colours[name]}">'
                           f'<title>{esc(cat)} · {esc(name)}: {vals[i]:g}</title></rect>')
        label = esc(cat)
        if rotate:
            out.append(f'<text transform="translate({x + bar_w / 2 + 4},{base + 8}) rotate(-45)" font-size="10" '
                       f'text-anchor="end">{label}</text>')
        else:
            out.append(f'<text x="{x + bar_w / 2}" y="{base + 14}" font-size="10" text-anchor="middle">{label}</text>')
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" {FONT}>{"".join(out)}</svg>')


def _horizontal(categories, series, totals, axis_top, step, title, colours) -> str:
    label_w = min(220, max(_label_width(c) for c in categories) + 8)
    left, plot_w, bar_h = label_w + 6, 420, 16
    legend, y0 = _legend(series, colours, left, 24 if title else 4)
    top_y = y0 + 6
    height = int(top_y + len(categories) * (bar_h + 6) + 24)
    width = left + plot_w + 60
    out = [f'<text x="0" y="15" font-size="13" font-weight="600">{esc(title)}</text>' if title else "", legend]
    bottom = top_y + len(categories) * (bar_h + 6)
    tick = 0.0
    while tick <= axis_top:
        x = left + plot_w * tick / axis_top
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top_y}" y2="{bottom}" stroke="#e3e6ec"/>'
                   f'<text x="{x:.1f}" y="{bottom + 14}" font-size="10" text-anchor="middle">{tick:g}</text>')
        tick += step
    for i, cat in enumerate(categories):
        y = top_y + i * (bar_h + 6)
        out.append(f'<text x="{label_w}" y="{y + 12}" font-size="12" text-anchor="end">'
                   f'<title>{esc(cat)}</title>{esc(_clip(cat, label_w))}</text>')
        x = left
        for name, vals in series:
            if vals[i]:
                w = plot_w * vals[i] / axis_top
                out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colours[name]}">'
                           f'<title>{esc(cat)} · {esc(name)}: {vals[i]:g}</title></rect>')
                x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 12}" font-size="11">{totals[i]:g}</text>')
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" {FONT}>{"".join(out)}</svg>')
