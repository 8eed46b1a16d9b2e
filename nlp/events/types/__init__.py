"""The registered event types, one module each.

A type module says everything that is particular to its events: the rules that
pick its companies and arguments from a clause (`companies`, `propose_args`),
which parties may take its events (`may_be_company`), how two candidates merge
(`compatible`, `told_again`, `prefer`, `attach_conflicts`, `told_alone`), when an event is
worth reporting (`substantial`, `NEWS_DAYS`, `event_dates`), its record
(`record`), the fields the argument scorer rates (`SCORED`, `scorer_tags`) and
its DuEE-Fin mapping (`DUEE_TYPE`, `DUEE_ROLES`, `duee_extra`, `DUEE_HISTORY`, `duee_exported`). Nothing outside this package asks which type an event is.
A new type (M&A, share pledge) is one more module here plus its trigger rows
and its rule corpus.

Each type keeps its corpus beside it (duckling's Corpus.hs per rule set):
`funding.corpus.tsv`, `listing.corpus.tsv`, and `no_event.corpus.tsv` for texts
that must give no event. One row per expected event, tab-separated, columns
declared like the resources' (nlp/resources/validate.py) and checked the same way:

    text       an invented sentence (\n: a line break, for a headline above its story)
    type       the event type; '-' in no_event.corpus.tsv: the text gives no event
    company    the event's company name ('-' for no event)
    expect     ';'-separated key=value checks of the event's fields, the keys each
               file declares: round=B+  amount=5e8 CNY (a vague 数千万元: its
               lower bound, 1e7; amount=- CNY: no value; amount=-: none)  investors=A,B  leads=A (exactly
               those names, any order; '-': none)  stage=listed  exchange=HKEX
               board=STAR  ticker=2513  offer_price=43.6 HKD  proceeds=1.3e9 HKD  date=2025-12-03
               disclosed=2025-12-03 ('-': none)  alias=A,B (each among the
               company's surfaces in the text)
    published  the article's date; empty: 2025-12-30

All the rows of one text (and published date), across the corpus files, are the
events it must give: exactly those (type, company) pairs, no more. '#' lines are
comments: say there why a row is a case. tests/test_rule_corpus.py runs one
test a row."""
from __future__ import annotations

from types import ModuleType

from . import funding, listing

REGISTRY: dict[str, ModuleType] = {m.NAME: m for m in (funding, listing)}


def get(name: str) -> ModuleType:
    return REGISTRY[name]


def by_duee(duee_type: str) -> ModuleType | None:
    return next((m for m in REGISTRY.values() if m.DUEE_TYPE == duee_type), None)
