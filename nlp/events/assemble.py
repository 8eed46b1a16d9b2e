"""The assembler: per clause and event type, the companies the proposals name,
each with the arguments proposed for that clause.

Arguments are taken in the order proposed: the first proposal of a single-valued
role wins, list roles take every proposal. What depends on the company is
decided here: a company is never its own investor, a ticker printed after
another company's name is not this one's, and values that belong to one
company (a ticker, a price) go to none when the clause names several."""
from __future__ import annotations

from . import types
from .candidate import Candidate, Proposal
from .clauses import ClauseView
from .context import Context


def assemble(ctx: Context, views: list[ClauseView], proposals: list[Proposal]) -> list[Candidate]:
    groups: dict[tuple[int, str], list[Proposal]] = {}
    for p in proposals:
        groups.setdefault((p.clause, p.event), []).append(p)
    out: list[Candidate] = []
    for (index, event), props in groups.items():
        view, etype = views[index], types.get(event)
        companies = [p.entity for p in props if p.role == "company"]
        triggers = [t for t in view.usable if t.event == event]
        for company in companies:
            cand = Candidate(event, company, {view.clause.sentence}, [(view.clause.start, view.clause.end)],
                             triggers=list(triggers))
            _fill(ctx, cand, props, etype)
            if len(companies) > 1:
                for key in etype.OWN_VALUES:
                    cand.args.pop(key, None)
            out.append(cand)
    return out


def _same_party(ctx: Context, a, b) -> bool:
    return a is b or ctx.cluster(a) == ctx.cluster(b) is not None


def _fill(ctx: Context, cand: Candidate, props: list[Proposal], etype) -> None:
    if any(p.role == "negated" for p in props):
        cand.args["negated"] = True
        return
    for p in props:
        if p.role == "company":
            continue
        if p.role in etype.LIST_ROLES:
            item = p.entity if p.entity is not None else p.value
            if item is not cand.company:
                cand.args.setdefault(p.role, []).append(item)
        elif p.entity is None:  # a plain value: a flag, a count
            cand.args[p.role] = p.value
        elif p.owner is None or _same_party(ctx, p.owner, cand.company):
            cand.args.setdefault(p.role, p.entity)
