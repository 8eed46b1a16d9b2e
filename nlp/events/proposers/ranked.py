"""The ranker's proposals: every name of a clause with a usable trigger, as a
candidate company of that event type, scored by the company ranker."""
from __future__ import annotations

from ..candidate import Proposal
from ..clauses import ClauseView
from ..context import Context
from .. import ranker as company_ranker

SOURCE = "ranker"


def propose(ctx: Context, views: list[ClauseView], rule_proposals: list[Proposal], ranker) -> list[Proposal]:
    chosen: dict[tuple[int, str], set] = {}
    for p in rule_proposals:
        if p.role == "company":
            chosen.setdefault((p.clause, p.event), set()).add(id(p.entity))
    words, ends = company_ranker.word_maps(ctx.words)
    out: list[Proposal] = []
    for view in views:
        live = [t for t in view.usable if not t.negated and t.stage != "attach"]
        for event in dict.fromkeys(t.event for t in live):
            triggers = [t for t in live if t.event == event]
            subjects = chosen.get((view.clause.index, event), set())
            for ent in company_ranker.candidates(ctx, view):
                feats = company_ranker.features(ctx, view, ent, event, triggers, subjects, words, ends)
                out.append(Proposal(view.clause.index, event, "company", ent, score=ranker.probability(feats),
                                    source=SOURCE))
    return out
