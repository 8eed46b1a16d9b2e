"""Output: JSON lines written whole, and a readable table for one article."""
from __future__ import annotations

import json
import os
import re
from typing import IO

_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def to_utf8(text: str) -> bytes:
    """UTF-8 bytes of JSON text that may hold lone surrogates: an id such as
    "x\\ud800" read from JSON, or a file name that is not UTF-8 (Python keeps
    its bad bytes as "\\udc80".."\\udcff"). Those have no UTF-8 form, so they
    are written as their JSON escapes (\\ud800), which read back as the same
    string: valid UTF-8, nothing lost, and os.fsencode(source) gives the file
    name's bytes back. They can only sit inside JSON strings, where the escape is
    what json.dumps(ensure_ascii=True) would write."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


class JsonlWriter:
    """Appends one JSON object per line; every line is written and flushed whole."""

    def __init__(self, path: str | os.PathLike, mode: str = "w"):
        self._file: IO[bytes] = open(path, mode.replace("b", "") + "b")

    def write(self, record: dict) -> None:
        self._file.write(to_utf8(dumps(record) + "\n"))
        self._file.flush()

    def close(self) -> None:
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _money(m: dict | None) -> str:
    if not m:
        return ""
    q = {"approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤"}.get(m.get("qualifier") or "", "")
    if m.get("value") is None:
        return m["text"]
    value = _number(m["value"]) + (f"–{_number(m['value_max'])}" if m.get("value_max") is not None else "")
    return f"{q}{value} {m.get('currency') or ''}".strip()


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1e4 else f"{x:,.4g}"


def _date(d: dict | None) -> str:
    if not d:
        return ""
    if d["start_date"] is None:  # no year to be had: the words of the text
        return d["text"]
    shown = d["start_date"] if d["granularity"] == "day" else f"{d['start_date']}..{d['end_date']}"
    if d.get("time"):
        shown += f" {d['time']}"
    return shown + (" (year inferred)" if d.get("inferred") else "")


def event_facts(ev: dict) -> list[tuple[str, str]]:
    """The filled fields of an event as (label, text) pairs, in reading order."""
    names = lambda parties: "、".join(p["name"] for p in parties)  # noqa: E731
    if ev["type"] == "funding":
        rows = [("round", (ev.get("round") or {}).get("name") or ""),
                ("amount", _money(ev.get("amount")) + (" (cumulative)" if ev.get("cumulative") else "")),
                ("rounds", str(ev["rounds_count"]) if ev.get("rounds_count") else ""),
                ("lead", names(ev.get("lead_investors", []))),
                ("investors", names(ev.get("investors", []))),
                ("valuation", _money(ev.get("valuation"))),
                ("date", _date(ev.get("date"))),
                ("disclosed", _date(ev.get("disclosed")))]
    else:
        ex = ev.get("exchange") or {}
        rows = [("stage", ev["stage"]),
                ("exchange", " ".join(filter(None, [ex.get("code"), ev.get("board")]))),
                ("ticker", ev.get("ticker") or ""),
                ("offer price", _money(ev.get("offer_price"))),
                ("shares", f"{ev['shares_offered']['value']:,.0f}" if ev.get("shares_offered") else ""),
                ("proceeds", _money(ev.get("proceeds"))),
                ("market cap", _money(ev.get("market_cap"))),
                ("listing date", _date(ev.get("listing_date"))),
                ("milestones", "; ".join(f"{m['stage']} {_date(m['date'])}".strip() for m in ev.get("milestones", []))),
                ("disclosed", _date(ev.get("disclosed")))]
    return [(k, v) for k, v in rows if v]


def without_glosses(text: str) -> str:
    """The text as a reader wants it: inline pinyin glosses (網(wǎng)) left out, as the
    analysis text leaves them out. For display only: offsets keep pointing into the raw text."""
    from ..text.pinyin import gloss_spans

    for start, end in reversed(gloss_spans(text)):
        text = text[:start] + text[end:]
    return text


def print_table(record: dict, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    from rich.markup import escape

    console = console or Console()
    events = record["events"]
    title = f"{record['doc_id']}: {len(events)} event(s)"
    if record.get("reference_date"):
        title += f", dates resolved against {record['reference_date']}" + \
            (" (inferred from the text)" if record.get("reference_inferred") else "")
    if not events:  # a sentence, not the frame of an empty table
        console.print(f"{escape(record['doc_id'])}: no events found", highlight=False)
        return
    table = Table(title=escape(title), show_lines=True)
    table.add_column("event")
    table.add_column("company")
    table.add_column("facts")
    table.add_column("evidence", ratio=2)
    for ev in events:
        facts = "\n".join(f"{k}: {v}" for k, v in event_facts(ev))
        evidence = "\n".join(without_glosses(e["text"]).strip() for e in ev["evidence"][:2])
        table.add_row(f"{ev['type']}\n{ev['confidence']:.2f}", escape(ev["company"]["name"]), escape(facts),
                      escape(evidence))
    console.print(table)
