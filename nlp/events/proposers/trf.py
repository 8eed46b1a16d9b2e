"""The accurate proposer: the parties the fine-tuned encoder (nlp/trf) found in a
trigger clause (Context.trf_tagged, accurate mode only), as proposals of the
entities at those places, scored by the model's probability. It proposes as the
party tagger's proposer does; the assembler prefers its companies to the party
tagger's (assemble.LEARNED)."""
from __future__ import annotations

from ..candidate import Proposal
from ..clauses import ClauseView
from ..context import Context
from . import learned

SOURCE = "trf"


def propose(ctx: Context, views: list[ClauseView]) -> list[Proposal]:
    return learned.propose(ctx, views, ctx.trf_tagged, SOURCE) if ctx.trf_tagged else []
