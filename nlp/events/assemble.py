"""The assembler: per clause and event type, the companies the proposals name,
each with the arguments proposed for that clause.

Arguments are taken in the order proposed: the first proposal of a single-valued
role wins, list roles take every proposal. What depends on the company is
decided here: a company is never its own investor, a ticker printed after
another company's name is not this one's, and values that belong to one
company (a ticker, a price) go, when the clause names several, only to the
company printed right before them."""
from __future__ import annotations

from . import types
from .candidate import Candidate, Proposal
from .clauses import PARENT_OF_NEXT, ClauseView
from .context import LOAN, Context, is_lender


def assemble(ctx: Context, views: list[ClauseView], proposals: list[Proposal]) -> list[Candidate]:
    groups: dict[tuple[int, str], list[Proposal]] = {}
    for p in proposals:
        groups.setdefault((p.clause, p.event), []).append(p)
    out: list[Candidate] = []
    for (index, event), props in groups.items():
        view, etype = views[index], types.get(event)
        triggers = [t for t in view.usable if t.event == event]
        loan = any(LOAN.search(ctx.text, t.start, t.end) for t in triggers)
        companies = _companies(ctx, props, etype, loan, triggers)
        for company in companies:
            cand = Candidate(event, company, {view.clause.sentence}, [(view.clause.start, view.clause.end)],
                             triggers=list(triggers))
            _fill(ctx, cand, props, etype, shared=len(companies) > 1)
            out.append(cand)
    return out


# How the rule proposals and the party tagger's combine ("rules": the tagger adds
# nothing; "fill": its companies where the rules name none, its investors where the
# rules give the whole event none; "prefer": its company over the rules' when it is
# sure; "union": both). Chosen by cross-validation and checked on unread text
# (models/tagger/README.md).
POLICY = {"company": "fill", "investors": "fill"}
TAGGED = "tagged_"  # the argument that keeps a "fill" role's learned values until the event is known
SURE = 0.8  # "prefer": the tagger's probability that overrides the rules
# The learned proposers, most trusted first: in a clause where the accurate tagger
# (nlp/trf, accurate mode) names a company, the party tagger's are not used.
LEARNED = ("trf", "tagger")


def _companies(ctx: Context, props: list[Proposal], etype, loan: bool = False, triggers=()) -> list:
    # a user's INVESTOR name; a party the type says never takes its events (a fund raises no round)
    props = [p for p in props
             if not (p.role == "company" and (_investor(p.entity) or not etype.may_be_company(p.entity, triggers)))]
    rules = [p.entity for p in props if p.role == "company" and p.source == "rules"]
    # …旗下境外平台发行票据: a parent the text names before its child is not the learned company either
    # (…银行伦敦分行签署总额3.7亿美元的绿色贷款融资协议: in a loan, a bank the tagger names lends, it borrows nothing)
    learned = next((found for source in LEARNED
                    if (found := [p for p in props if p.role == "company" and p.source == source
                                  and not PARENT_OF_NEXT.match(ctx.text, p.entity.end)
                                  and not (loan and is_lender(p.entity))])), [])
    policy = POLICY["company"]
    # 投资组合中已有4家企业登陆科创板: the rules found companies counted and none named
    if policy == "rules" or not learned or (not rules and any(p.role == "counted" for p in props)):
        return rules
    # a party the rules make the clause's investor is no company while the tagger names another; one they
    # make its lead (港投公司与X联合领投), or the lender of a loan (X拟向星商银行申请贷款), never is
    investing = [p for p in props if p.source == "rules" and p.role in ("investors", "lead_investors")
                 and p.entity is not None]
    debt = any(p.role == "instrument" and p.value == "debt" for p in props)
    leading = [p.entity for p in investing
               if p.role == "lead_investors" or (debt and is_lender(p.entity))]
    picked = []
    for p in sorted(learned, key=lambda p: p.entity.start):
        if not any(ctx.same_party(p.entity, q.entity) for q in picked):
            picked.append(p)
    raising = [p for p in picked if not any(ctx.same_party(p.entity, q.entity) for q in investing)]
    picked = raising or [p for p in picked if not any(ctx.same_party(p.entity, e) for e in leading)]
    if policy == "fill":
        return rules or [p.entity for p in picked]
    if policy == "prefer":
        sure = [p.entity for p in picked if p.score >= SURE]
        if sure and not any(ctx.same_party(e, r) for e in sure for r in rules):
            return sure
        return rules or [p.entity for p in picked]
    return rules + [p.entity for p in picked if not any(ctx.same_party(p.entity, r) for r in rules)]


def _investor(ent) -> bool:
    """Typed INVESTOR in the user's lexicon (userdata): it invests, it never raises."""
    return ent is not None and bool((ent.value or {}).get("investor"))


def _fill(ctx: Context, cand: Candidate, props: list[Proposal], etype, shared: bool = False) -> None:
    """shared: the clause names several companies; a value that belongs to one company only
    (OWN_VALUES) then goes to the company printed right before it (星川医疗(2598)), else to none."""
    if negated := next((p.value for p in props if p.role == "negated"), None):
        cand.args["negated"] = negated  # True, or "ended": the issue told is withdrawn or terminated
        cand.args["negated_stages"] = next((p.value for p in props if p.role == "negated_stages"), frozenset())
        return
    for p in props:
        if p.role == "company" or (p.source != "rules" and POLICY.get(p.role, "union") == "rules"):
            continue
        if p.source != "rules" and POLICY.get(p.role) == "fill":
            if p.entity is not None and not ctx.same_party(p.entity, cand.company):
                cand.args.setdefault(TAGGED + p.role, []).append(p.entity)  # merge._fill_learned uses them
            continue
        if p.role in etype.LIST_ROLES:
            item = p.entity if p.entity is not None else p.value
            if p.entity is None or not ctx.same_party(p.entity, cand.company):
                cand.args.setdefault(p.role, []).append(item)
        elif p.entity is None:  # a plain value: a flag, a count
            cand.args[p.role] = p.value
        elif p.owner is None and not (shared and p.role in etype.OWN_VALUES) \
                or p.owner is not None and ctx.same_party(p.owner, cand.company):
            cand.args.setdefault(p.role, p.entity)
