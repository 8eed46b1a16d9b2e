"""The rule corpora beside the event types (nlp/events/types/*.corpus.tsv), one test a row: every
text gives exactly the (type, company) events of its rows, and each event passes its row's checks.
The format is described in nlp/events/types/__init__.py; a failure shows what was extracted."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

import nlp
from nlp.resources import validate

TYPES = Path(__file__).resolve().parents[1] / "nlp" / "events" / "types"
PUBLISHED = "2025-12-30"  # a row's published column, when empty


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    text: str
    type: str  # "-": the text gives no event
    company: str
    expect: tuple[tuple[str, str], ...]
    published: str

    @property
    def key(self) -> tuple[str, str]:
        return self.text, self.published

    @property
    def test_id(self) -> str:  # tests/conftest.py names the test after it, unescaped
        text = self.text if len(self.text) <= 24 else self.text[:23] + "…"
        return f"{self.file.removesuffix('.corpus.tsv')}:{self.line}:{text}"


def _checks(expect: str) -> tuple[tuple[str, str], ...]:
    return tuple((k.strip(), v.strip()) for k, _, v in (item.partition("=") for item in expect.split(";")) if k.strip())


def load() -> list[Row]:
    return [Row(path.name, line, r["text"].replace("\\n", "\n"), r["type"], r["company"], _checks(r["expect"]), r["published"] or PUBLISHED)
            for path in sorted(TYPES.glob("*.corpus.tsv")) for line, r in validate.rows(path)]


ROWS = load()
BY_TEXT: dict[tuple[str, str], list[Row]] = defaultdict(list)
for _row in ROWS:
    BY_TEXT[_row.key].append(_row)


@functools.cache
def events(text: str, published: str) -> tuple[dict, ...]:
    """Each text is extracted once, however many rows it has."""
    return tuple(nlp.extract(text, published=published)["events"])


# --- the checks a row may make: key -> what the event says, in the row's notation --------------

def _number(value: float) -> str:
    """5e8, 9.15e7, 43.6: the notation of the rows."""
    mantissa, exponent = f"{value:.12e}".split("e")
    if -3 < int(exponent) < 4:
        return repr(value)
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def _money(value) -> str:
    if value is None:
        return "-"
    amount = "-" if value["value"] is None else _number(value["value"])
    return f"{amount} {value['currency']}"


def _names(parties) -> str:
    return ",".join(p["name"] for p in parties) or "-"


SHOW = {
    "round": lambda ev: (ev["round"] or {}).get("name") or "-",
    "amount": lambda ev: _money(ev["amount"]),
    "investors": lambda ev: _names(ev["investors"]),
    "leads": lambda ev: _names(ev["lead_investors"]),
    "stage": lambda ev: ev["stage"] or "-",
    "exchange": lambda ev: (ev["exchange"] or {}).get("code") or "-",
    "board": lambda ev: ev["board"] or "-",
    "ticker": lambda ev: ev["ticker"] or "-",
    "offer_price": lambda ev: _money(ev["offer_price"]),
    "proceeds": lambda ev: _money(ev["proceeds"]),
    "date": lambda ev: (ev["date"] or {}).get("start_date") or "-",
    "listing_date": lambda ev: (ev["listing_date"] or {}).get("start_date") or "-",
    "disclosed": lambda ev: (ev["disclosed"] or {}).get("start_date") or "-",
    "instrument": lambda ev: ev["instrument"],
    "historical": lambda ev: str(ev["historical"]).lower(),
    "alias": lambda ev: ",".join(ev["company"]["aliases"]),
}


def _same_money(expected: str, actual) -> bool:
    """amount=5e8 CNY: that value and currency; amount=- CNY: no value, that currency (a vague 数千万元 has its lower bound, 1e7);
    amount=-: no amount at all."""
    if expected == "-":
        return actual is None
    value, _, currency = expected.partition(" ")
    if actual is None or actual["currency"] != currency.strip():
        return False
    return actual["value"] is None if value == "-" else actual["value"] == float(value)


def _same_names(expected: str, parties) -> bool:
    """investors=A,B: exactly these names, in any order (each as often as listed); '-': none."""
    want = [] if expected == "-" else [s.strip() for s in expected.split(",")]
    return sorted(p["name"] for p in parties) == sorted(want)


def holds(key: str, expected: str, ev: dict) -> bool:
    if key in ("amount", "offer_price", "proceeds"):
        return _same_money(expected, ev[key])
    if key in ("investors", "leads"):
        return _same_names(expected, ev["investors" if key == "investors" else "lead_investors"])
    if key == "alias":  # alias=A,B: each is one of the company's surfaces in the text
        return all(s.strip() in ev["company"]["aliases"] for s in expected.split(","))
    return SHOW[key](ev) == expected


_FIELD = {"leads": "lead_investors", "alias": "company"}  # the record field a check reads


def describe(evs) -> str:
    """Every event with each field a check could read, in the rows' notation."""
    return "\n".join(f"  {ev['type']} {ev['company']['name']}: "
                     + "; ".join(f"{k}={show(ev)}" for k, show in SHOW.items() if _FIELD.get(k, k) in ev)
                     for ev in evs) or "  no event"


# --- the tests ----------------------------------------------------------------------------------

def test_the_corpora_have_their_rows():
    files = {r.file for r in ROWS}
    assert {"funding.corpus.tsv", "listing.corpus.tsv", "no_event.corpus.tsv"} <= files
    assert all(r.type == "-" for r in ROWS if r.file == "no_event.corpus.tsv")


def test_a_text_without_events_has_no_other_rows():
    mixed = [rows[0].text for rows in BY_TEXT.values() if len(rows) > 1 and any(r.type == "-" for r in rows)]
    assert mixed == []


def test_every_check_key_is_known():
    assert {k for r in ROWS for k, _ in r.expect} <= set(SHOW)


@pytest.mark.parametrize("row", ROWS)
def test_rule_corpus_row(row):
    evs = events(row.text, row.published)
    where = f"{row.file}:{row.line}: {row.text} (published {row.published})\nextracted:\n{describe(evs)}"
    want = sorted((r.type, r.company) for r in BY_TEXT[row.key] if r.type != "-")
    got = sorted((ev["type"], ev["company"]["name"]) for ev in evs)
    if got != want:
        pytest.fail(f"{where}\nexpected the events {want or 'none'}", pytrace=False)
    if row.type == "-":
        return
    [ev] = [ev for ev in evs if (ev["type"], ev["company"]["name"]) == (row.type, row.company)]
    if wrong := [f"{key}={expected}, got {key}={SHOW[key](ev)}" for key, expected in row.expect
                 if not holds(key, expected, ev)]:
        pytest.fail(f"{where}\nexpected " + "; ".join(wrong), pytrace=False)
