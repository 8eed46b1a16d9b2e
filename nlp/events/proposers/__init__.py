"""Proposers read the analysed clauses and propose (clause, event type, role,
span, score). None of them writes into another stage's state; the assembler
alone decides what an event is made of."""
from __future__ import annotations

from ..candidate import Proposal
from ..clauses import ClauseView
from ..context import Context
from . import learned, trf
from .rules import RuleProposer


def propose(ctx: Context, views: list[ClauseView]) -> list[Proposal]:
    """The rules' subjects and arguments, the party tagger's parties and, in the accurate
    mode, the accurate tagger's (the rules propose arguments where any names a company)."""
    tagged = learned.propose(ctx, views) + trf.propose(ctx, views)
    named = frozenset((p.clause, p.event) for p in tagged if p.role == "company")
    return RuleProposer(ctx, named).propose(views) + tagged
