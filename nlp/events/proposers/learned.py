"""The learned proposer: the parties the party tagger found in a clause
(Context.tagged), as proposals of the entities at those places, scored by the
tagger's probability."""
from __future__ import annotations

import bisect

from ...entities.span import Entity
from ..candidate import Proposal
from ..clauses import ClauseView
from ..context import NAMES, Context

SOURCE = "tagger"
ROLE = {"CO": "company", "INV": "investors"}


def _entity_at(ctx: Context, start: int, end: int) -> Entity | None:
    """The name at a tagged span: the same span, else the name that covers it or that it covers."""
    near = [e for e in ctx.within(max(0, start - 30), end + 30, *NAMES) if e.start < end and start < e.end]
    exact = next((e for e in near if (e.start, e.end) == (start, end)), None)
    return exact or (near[0] if len(near) == 1 else None)


def propose(ctx: Context, views: list[ClauseView], tagged: list | None = None, source: str = SOURCE) -> list[Proposal]:
    """tagged: the spans to propose (default: the party tagger's, Context.tagged); source: the proposer's name."""
    out: list[Proposal] = []
    tagged = sorted(ctx.tagged if tagged is None else tagged, key=lambda t: t.start)
    if not tagged:
        return out
    starts = [t.start for t in tagged]
    for view in views:
        clause = view.clause
        usable = {t.event for t in view.usable if not t.negated}
        if not usable:
            continue
        for t in tagged[bisect.bisect_left(starts, clause.start) : bisect.bisect_left(starts, clause.end)]:
            if t.event not in usable or t.end > clause.end:
                continue
            if t.event != "funding" and t.role == "INV":
                continue
            ent = _entity_at(ctx, t.start, t.end)
            # 主承销商为X, 财务顾问为X: a name the rules know to advise or report is no investor
            if ent is not None and not (t.role == "INV" and any(ctx.same_party(ent, s) for s in view.sources)):
                out.append(Proposal(clause.index, t.event, ROLE[t.role], ent, score=t.p, source=source))
    return out
