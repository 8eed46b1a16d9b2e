"""Proposers read the analysed clauses and propose (clause, event type, role,
span, score). None of them writes into another stage's state; the assembler
alone decides what an event is made of."""
from __future__ import annotations

from ..candidate import Proposal
from ..clauses import ClauseView
from ..context import Context
from . import learned, ranked
from .rules import RuleProposer


def propose(ctx: Context, views: list[ClauseView], ranker=None) -> list[Proposal]:
    """Rules first; the party tagger's parties; the ranker's scores of every name,
    which read the rules' choice of subject."""
    tagged = learned.propose(ctx, views)
    rules = RuleProposer(ctx).propose(views)
    scored = ranked.propose(ctx, views, rules, ranker) if ranker is not None else []
    return rules + tagged + scored
