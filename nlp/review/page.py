"""The frame of a self-contained HTML page: one file, inline CSS, no script, no fetch.

Everything taken from the input (texts, names, ids, sources) goes through `esc`, in
element content and in attribute values alike."""
from __future__ import annotations

import html

# entity labels and event roles share one palette, light enough to read text on
COLOURS = {
    "COMPANY": "#cfe3ff", "ORG": "#d9d2ff", "PERSON": "#ffd9ec", "MONEY": "#c8f0d0", "DATE": "#ffe7b8",
    "PERCENT": "#e6f5c0", "SHARES": "#d5f2ef", "TICKER": "#f6d6c6", "ROUND": "#fff3a8", "EXCHANGE": "#e3e3e3",
}
ROLE_COLOURS = {"funding": "#1f6feb", "listing": "#b35900"}

BASE_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei",
       system-ui, sans-serif; color: #1d2330; background: #f4f6f9; }
header.top { background: #1d2330; color: #fff; padding: 14px 28px; }
header.top h1 { margin: 0; font-size: 20px; }
header.top p { margin: 2px 0 0; color: #c5cbd6; font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 18px 24px 40px; }
section.box { background: #fff; border: 1px solid #dfe3ea; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
h2 { font-size: 17px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
.muted { color: #6b7385; font-size: 13px; }
.notice { background: #fff6d6; border: 1px solid #e9d27a; border-radius: 6px; padding: 8px 12px; }
table.grid { border-collapse: collapse; font-size: 13px; }
table.grid th, table.grid td { border-bottom: 1px solid #e6e9ef; padding: 3px 10px 3px 0; text-align: left;
                               vertical-align: top; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
"""


def esc(value) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def page(title: str, subtitle: str, body: str, css: str = "") -> str:
    from .. import __version__

    return (f"<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta name=\"generator\" content=\"zhfin {esc(__version__)}\">\n"
            f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n<body>\n"
            f"<header class=\"top\"><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>\n"
            f"<main>\n{body}\n</main>\n</body>\n</html>\n")


def number(x: float) -> str:
    """1,234,567 for large values, 4 significant digits for small ones."""
    return f"{x:,.0f}" if abs(x) >= 1e4 else f"{x:,.4g}"


def money(m: dict | None) -> str:
    """500,000,000 CNY; ≈2.5e9 USD with a qualifier; the words when there is no value."""
    if not m:
        return ""
    if m.get("value") is None:
        return m.get("text") or ""
    q = {"approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤"}.get(m.get("qualifier") or "", "")
    value = number(m["value"]) + (f"–{number(m['value_max'])}" if m.get("value_max") is not None else "")
    return f"{q}{value} {m.get('currency') or ''}".strip()
