"""`zhfin report`: what a batch output folder holds, on one self-contained HTML page
with inline SVG charts: events per month by type and instrument, the top investors and
the largest rounds, listings by exchange and stage, failures by reason.

    stats = collect(BatchFolder("out/"))
    Path("report.html").write_text(render(stats, "out/"))

Files are read as streams; what is kept is counters, plus the events with an amount
for the largest rounds."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import roles, svg
from .corpus import BatchFolder
from .page import esc, money, page

TOP_INVESTORS = 15
LARGEST = 10
CURRENCIES_SHOWN = 3
MAX_MONTHS = 36  # a longer span is counted by year
TYPE_COLOURS = {"funding · equity": "#1f6feb", "funding · placement": "#0a7d8c", "funding · debt": "#8250df",
                "funding": "#57606a", "listing": "#d4760a"}


@dataclass
class Stats:
    documents: int = 0
    with_events: int = 0
    failed: int = 0
    events: Counter = field(default_factory=Counter)  # series name -> count
    historical: int = 0
    by_month: dict = field(default_factory=lambda: defaultdict(Counter))  # "YYYY-MM" -> series -> count
    undated: int = 0
    led: Counter = field(default_factory=Counter)
    joined: Counter = field(default_factory=Counter)
    rounds: dict = field(default_factory=lambda: defaultdict(list))  # currency -> heap of (value, n, event)
    listings: dict = field(default_factory=lambda: defaultdict(Counter))  # exchange -> stage -> count
    failures: Counter = field(default_factory=Counter)
    failure_examples: list = field(default_factory=list)
    summary: dict = field(default_factory=dict)


def series_of(event: dict) -> str:
    if event.get("type") == "funding":
        return f"funding · {event['instrument']}" if event.get("instrument") else "funding"
    return str(event.get("type"))


def _month(event: dict, published: dict) -> str | None:
    """The event's own date, else its dateline, else the article's date."""
    for key in ("date", "listing_date", "disclosed"):
        start = (event.get(key) or {}).get("start_date")
        if isinstance(start, str) and len(start) >= 7:
            return start[:7]
    day = published.get(str(event.get("doc_id")))
    return day[:7] if isinstance(day, str) and len(day) >= 7 else None


def _exchange(event: dict) -> str:
    ex = event.get("exchange") or {}
    return ex.get("code") or ex.get("name") or "not named"


def _add_event(stats: Stats, event: dict, published: dict, n: int) -> None:
    name = series_of(event)
    stats.events[name] += 1
    stats.historical += bool(event.get("historical"))
    month = _month(event, published)
    if month is None:
        stats.undated += 1
    else:
        stats.by_month[month][name] += 1
    if event.get("type") == "funding":
        lead = {p.get("name") for p in event.get("lead_investors") or [] if p.get("name")}
        for investor in {p.get("name") for p in event.get("investors") or [] if p.get("name")} | lead:
            (stats.led if investor in lead else stats.joined)[investor] += 1
        amount = event.get("amount") or {}
        if event.get("instrument", "equity") == "equity" and amount.get("value") and not event.get("cumulative"):
            heap = stats.rounds[amount.get("currency") or "?"]
            item = (float(amount["value"]), -n, event)
            (heapq.heappush if len(heap) < LARGEST else heapq.heappushpop)(heap, item)
    elif event.get("type") == "listing":
        stats.listings[_exchange(event)][event.get("stage") or "?"] += 1


def collect(folder: BatchFolder) -> Stats:
    stats = Stats(summary=folder.summary())
    published = {}
    for record in folder.docs():
        stats.documents += 1
        stats.failed += bool(record.get("errors"))
        if record.get("events"):
            stats.with_events += 1
            day = record.get("published") or record.get("reference_date")
            if day:
                published[str(record.get("doc_id"))] = day
    for n, event in enumerate(folder.events()):
        _add_event(stats, event, published, n)
    for error in folder.errors():
        reason = error.get("reason") or str(error.get("error") or "unknown").split(":")[0]
        stats.failures[reason] += 1
        if len(stats.failure_examples) < 20:
            stats.failure_examples.append(error)
    if not stats.failures and isinstance(stats.summary.get("failures_by_reason"), dict):
        stats.failures.update(stats.summary["failures_by_reason"])
    return stats


# ---- charts and tables ----------------------------------------------------------------------

def _months(by_month: dict) -> tuple[list[str], dict]:
    """Every month from the first to the last (gaps as zero), or years when the span is long."""
    keys = sorted(k for k in by_month if len(k) == 7 and k[4] == "-" and k[:4].isdigit() and k[5:].isdigit())
    if not keys:
        return [], {}
    (y0, m0), (y1, m1) = (int(keys[0][:4]), int(keys[0][5:])), (int(keys[-1][:4]), int(keys[-1][5:]))
    span = (y1 - y0) * 12 + m1 - m0 + 1
    if span > MAX_MONTHS:
        years = defaultdict(Counter)
        for k in keys:
            years[k[:4]].update(by_month[k])
        return [str(y) for y in range(y0, y1 + 1)], years
    months = [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(span)]
    return months, by_month


def _per_month_chart(stats: Stats) -> str:
    periods, counts = _months(stats.by_month)
    names = [n for n in TYPE_COLOURS if stats.events.get(n)] + sorted(set(stats.events) - set(TYPE_COLOURS))
    series = [(n, [counts.get(p, {}).get(n, 0) for p in periods]) for n in names]
    unit = "year" if periods and len(periods[0]) == 4 else "month"
    note = f'<p class="muted">{stats.undated} event(s) without any date are not shown.</p>' if stats.undated else ""
    return svg.bars(periods, series, title=f"events per {unit} (the event's date, else the article's)",
                    colours=TYPE_COLOURS) + note


def _investor_chart(stats: Stats) -> str:
    total = stats.led + stats.joined
    top = [name for name, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_INVESTORS]]
    return svg.bars(top, [("led", [stats.led[n] for n in top]), ("joined", [stats.joined[n] for n in top])],
                    title=f"top {len(top)} investors by funding events", horizontal=True)


def _rounds_tables(stats: Stats) -> str:
    if not stats.rounds:
        return '<p class="muted">largest rounds: no equity round with an amount</p>'
    currencies = sorted(stats.rounds, key=lambda c: (-len(stats.rounds[c]), c))[:CURRENCIES_SHOWN]
    out = []
    for currency in currencies:
        rows = []
        for value, _n, ev in sorted(stats.rounds[currency], key=lambda item: (-item[0], -item[1])):
            date = (ev.get("date") or {}).get("start_date") or ""
            rows.append(f"<tr><td>{esc((ev.get('company') or {}).get('name'))}</td>"
                        f"<td>{esc((ev.get('round') or {}).get('name') or '')}</td>"
                        f'<td class="num">{esc(money(ev.get("amount")))}</td>'
                        f"<td>{esc((ev.get('amount') or {}).get('text'))}</td><td>{esc(date)}</td>"
                        f"<td>{esc(ev.get('doc_id'))}</td></tr>")
        out.append(f"<h3>largest equity rounds in {esc(currency)}</h3><table class=\"grid\"><tr><th>company</th>"
                   f"<th>round</th><th>amount</th><th>as written</th><th>date</th><th>document</th></tr>"
                   f"{''.join(rows)}</table>")
    return "".join(out)


def _listing_chart(stats: Stats) -> str:
    exchanges = sorted(stats.listings, key=lambda ex: (-sum(stats.listings[ex].values()), ex))
    stages = [s for s in roles.STAGES if any(stats.listings[ex].get(s) for ex in exchanges)]
    stages += sorted({s for ex in exchanges for s in stats.listings[ex]} - set(stages))
    return svg.bars(exchanges, [(s, [stats.listings[ex].get(s, 0) for ex in exchanges]) for s in stages],
                    title="listings by exchange and stage", horizontal=True)


def _failures(stats: Stats) -> str:
    if not stats.failures:
        return '<p class="muted">no document failed</p>'
    reasons = [r for r, _ in stats.failures.most_common()]
    chart = svg.bars(reasons, [("documents", [stats.failures[r] for r in reasons])], title="failures by reason",
                     horizontal=True, colours={"documents": "#cf222e"})
    rows = "".join(f"<tr><td>{esc(e.get('doc_id'))}</td><td>{esc(e.get('source'))}</td>"
                   f"<td>{esc(e.get('reason'))}</td><td>{esc(e.get('error'))}</td></tr>" for e in stats.failure_examples)
    table = (f'<h3>first failures (errors.jsonl)</h3><table class="grid"><tr><th>document</th><th>source</th>'
             f"<th>reason</th><th>message</th></tr>{rows}</table>") if rows else ""
    return chart + table


def _headline(stats: Stats) -> str:
    tiles = [("documents", stats.documents), ("with events", stats.with_events),
             ("events", sum(stats.events.values())), ("failed", stats.failed)]
    tiles += [(name, count) for name, count in sorted(stats.events.items())]
    if stats.historical:
        tiles.append(("told as history", stats.historical))
    html = "".join(f'<div class="tile"><b>{count:,}</b><span>{esc(name)}</span></div>' for name, count in tiles)
    prov = stats.summary.get("provenance") or {}
    models = ", ".join(f"{k} {v}" for k, v in (prov.get("models") or {}).items())
    produced = " · ".join(filter(None, [f"zhfin {prov['zhfin']}" if prov.get("zhfin") else "", prov.get("schema"),
                                        f"models: {models}" if models else ""]))
    return f'<div class="tiles">{html}</div>' + (f'<p class="muted">produced by {esc(produced)}</p>' if produced else "")


def render(stats: Stats, source: str) -> str:
    sections = [("overview", _headline(stats)), ("events over time", _per_month_chart(stats)),
                ("investors and rounds", _investor_chart(stats) + _rounds_tables(stats)),
                ("listings", _listing_chart(stats)), ("failures", _failures(stats))]
    body = "\n".join(f'<section class="box"><h2>{esc(title)}</h2>{content}</section>' for title, content in sections)
    return page("zhfin report", f"{source} · {stats.documents:,} document(s)", body, CSS)


CSS = """
.tiles { display: flex; flex-wrap: wrap; gap: 10px; }
.tile { border: 1px solid #dfe3ea; border-radius: 6px; padding: 6px 14px; min-width: 110px; }
.tile b { display: block; font-size: 22px; }
.tile span { color: #6b7385; font-size: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
"""
