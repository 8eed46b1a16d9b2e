"""Document level: candidates about the same party and the same event become one.

Funding: one company can report several rounds, so candidates merge only when
nothing contradicts (round name, amount, round count, cumulative or not).
Listing: one listing per company per document; its stage is the furthest
stage reported as fact, and each stage reached becomes a milestone."""
from __future__ import annotations

import datetime as dt

from .candidates import STAGE_ORDER, Candidate
from .context import Context

_WILDCARD_ROUNDS = {"new", "latest", None}


def _round(c: Candidate):
    r = c.args.get("round")
    return (r.value or {}).get("name") if r is not None else None


def _amount(c: Candidate):
    m = c.args.get("amount")
    if m is None or not m.value or m.value.get("value") is None:
        return None
    return m.value["value"], m.value.get("currency")


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return True
    return a[1] == b[1] and abs(a[0] - b[0]) <= 0.01 * max(abs(a[0]), abs(b[0]))


def _funding_compatible(a: Candidate, b: Candidate) -> bool:
    ra, rb = _round(a), _round(b)
    if ra not in _WILDCARD_ROUNDS and rb not in _WILDCARD_ROUNDS and ra != rb:
        return False
    if a.args.get("cumulative") != b.args.get("cumulative"):
        return False
    if a.args.get("rounds_count") and b.args.get("rounds_count") and a.args["rounds_count"] != b.args["rounds_count"]:
        return False
    if not _same_number(_amount(a), _amount(b)):
        return False
    # two candidates with nothing in common are two events
    shared = (ra is not None and ra == rb) or (_amount(a) is not None and _amount(b) is not None) \
        or bool({id(i) for i in a.args.get("investors", [])} & {id(i) for i in b.args.get("investors", [])}) \
        or any(abs(x - y) <= 1 for x in a.sentences for y in b.sentences)
    return shared


def _attaches(ev: Candidate, cand: Candidate) -> bool:
    return bool(cand.args.get("attach")) and any(0 <= y - x <= 2 for x in ev.sentences for y in cand.sentences) \
        and not (cand.args.get("amount") and ev.args.get("amount") and not _same_number(_amount(ev), _amount(cand)))


def _more_specific_exchange(have, new) -> bool:
    """港交所主板 after 港交所: same exchange, now with the board."""
    if have is None or not have.value or not new.value:
        return False
    return have.value.get("code") == new.value.get("code") and not have.value.get("board") \
        and bool(new.value.get("board"))


def _absorb(into: Candidate, other: Candidate) -> None:
    into.evidence.extend(other.evidence)
    into.sentences |= other.sentences
    into.triggers.extend(other.triggers)
    for key, value in other.args.items():
        if isinstance(value, list):
            have = into.args.setdefault(key, [])
            have.extend(v for v in value if v not in have)
        elif key == "round" and _round(into) in _WILDCARD_ROUNDS and _round(other) not in _WILDCARD_ROUNDS:
            into.args[key] = value
        elif key == "exchange" and _more_specific_exchange(into.args.get(key), value):
            into.args[key] = value
        else:
            into.args.setdefault(key, value)


def merge(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    negated_clusters = {ctx.cluster(c.company) for c in candidates if c.args.get("negated")}
    events: list[Candidate] = []
    for cand in candidates:
        if cand.args.get("negated"):
            continue
        cluster = ctx.cluster(cand.company)
        target = None
        for ev in reversed(events):  # the nearest earlier event first
            if ev.type != cand.type or ctx.cluster(ev.company) != cluster:
                continue
            if cand.type == "listing" or _funding_compatible(ev, cand) or _attaches(ev, cand):
                target = ev
                break
        if target is None and cand.args.get("attach"):
            continue  # 估值 / 投资方 sentences only complete an event told nearby
        if target is None:
            events.append(cand)
        else:
            _absorb(target, cand)
    return [ev for ev in events
            if _substantial(ev, ctx.cluster(ev.company) in negated_clusters) and not _background(ev, ctx.reference)]


def _substantial(ev: Candidate, negated_elsewhere: bool) -> bool:
    a = ev.args
    if ev.type == "funding":
        return any(a.get(k) for k in ("amount", "round", "investors", "valuation")) and \
            not (negated_elsewhere and not a.get("amount"))
    firm = any(step.firm for step in a.get("stages", []))
    concrete = any(a.get(k) for k in ("ticker", "offer_price", "shares_offered"))
    if negated_elsewhere:
        return concrete
    return bool(firm) or concrete or bool(a.get("exchange") and a.get("stages"))


# How old an event may be and still be news rather than background
# (2001年贵州茅台登陆A股, 软银从2017年开始成为种子轮投资者).
_NEWS_DAYS = {"funding": 730, "listing": 365}


def _background(ev: Candidate, reference) -> bool:
    """Every date the event carries lies long before the article's date."""
    if reference is None:
        return False
    dates = [step.date for step in ev.args.get("stages", [])] + [ev.args.get("date"), ev.args.get("listing_date")]
    ends = [dt.date.fromisoformat(d.value["end"]) for d in dates if d is not None and d.value]
    return bool(ends) and max(ends) < reference - dt.timedelta(days=_NEWS_DAYS[ev.type])


_ENDED = ("terminated", "withdrawn")


def stage_of(ev: Candidate) -> str:
    """The furthest stage trigger words report; the classifier's reading of a
    plain 上市 / IPO sentence only when no trigger word names one."""
    steps = ev.args.get("stages", [])
    named = [step.stage for step in steps if not step.classified] or [step.stage for step in steps]
    if ev.args.get("restarted"):  # a new attempt: an earlier termination is history
        named = [st for st in named if st not in _ENDED] or named
    return max(named, key=STAGE_ORDER.index) if named else "planned"
