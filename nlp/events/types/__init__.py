"""The registered event types, one module each.

A type module says everything that is particular to its events: the rules that
pick its companies and arguments from a clause (`companies`, `propose_args`),
how two candidates merge (`compatible`, `prefer`, `attach_conflicts`), when an
event is worth reporting (`substantial`, `NEWS_DAYS`, `event_dates`), its
record (`record`), the fields the argument scorer rates (`SCORED`,
`scorer_tags`) and its DuEE-Fin mapping (`DUEE_TYPE`, `DUEE_ROLES`,
`duee_extra`). Nothing outside this package asks which type an event is.
A new type (M&A, share pledge) is one more module here plus its trigger rows."""
from __future__ import annotations

from types import ModuleType

from . import funding, listing

REGISTRY: dict[str, ModuleType] = {m.NAME: m for m in (funding, listing)}


def get(name: str) -> ModuleType:
    return REGISTRY[name]


def by_duee(duee_type: str) -> ModuleType | None:
    return next((m for m in REGISTRY.values() if m.DUEE_TYPE == duee_type), None)
