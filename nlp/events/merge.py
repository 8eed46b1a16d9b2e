"""Document level: candidates about the same party and the same event become one.

Whether two candidates of one company are one event is the event type's call
(`compatible`): a company reports one listing but may report several rounds.
A clause that only adds arguments (估值…, 投资方为…) joins the event told just
before it, or nothing."""
from __future__ import annotations

import datetime as dt
import re

from . import triggers as trig
from . import types
from .assemble import TAGGED
from .candidate import Candidate
from .context import BULLET, THIS_ROUND, THIS_ROUND_REACH, Context, title_end


_CELL = re.compile(r"(?:(?<=\n)\s*[|｜]?|(?<=[|｜]))[^\n|｜]+[|｜]")  # a flattened table's cell, a bar after it


def _attaches(ctx: Context, ev: Candidate, cand: Candidate, alone: bool) -> bool:
    """An arguments-only clause joins the party's event told in the two sentences before it (in the eight
    before it when it says 本轮, this round); a bullet point joins the party's only event of the type
    wherever it was told (a filing's title, then, lines below, ● 募集资金总额…), and so does a table's row
    (｜财通基金管理有限公司｜31,620.00｜ under 获配对象｜获配金额)."""
    reach = 2
    if any(THIS_ROUND.search(ctx.text, start, end) for start, end in cand.evidence):
        reach = THIS_ROUND_REACH
    near = any(y - d in ev.sentences for y in cand.sentences for d in range(reach + 1))
    bullet = alone and any(BULLET.match(ctx.text, start) or _CELL.match(ctx.text, start) for start, _ in cand.evidence)
    return bool(cand.args.get("attach")) and (near or bullet) and not types.get(ev.type).attach_conflicts(ev, cand)


def _this_round(ctx: Context, ev: Candidate, cand: Candidate) -> bool:
    """X（2025年3月，A轮）：…这家公司…。本轮融资1.5亿元，由Y领投: 本轮 with no round of its own is the round just told
    of the party, a few sentences on; so is a clause that says what that deal was (这是公司的一轮战略融资, 这是公司完成
    红筹重组后的首轮美元融资), with a kind of round and no figure, investor or date of its own."""
    if cand.args.get("attach") or not any(y - d in ev.sentences for y in cand.sentences
                                          for d in range(THIS_ROUND_REACH + 1)):
        return False
    if bool(ev.args.get("round")) and not cand.args.get("round"):
        return any(THIS_ROUND.search(ctx.text, s, e) for s, e in cand.evidence) \
            and not types.get(ev.type).attach_conflicts(ev, cand)
    # (a kind names no round of its own: with no figure, investor or date it cannot tell another deal)
    kind = cand.args.get("round")
    return kind is not None and (kind.value or {}).get("name") in _KINDS_OF_ROUND \
        and not any(cand.args.get(k) for k in ("amount", "investors", "date")) \
        and any(_THIS_IS.search(ctx.text, s, e) for s, e in cand.evidence)


# a clause that opens on 这是 (这也是, 这已是) says what the deal just told was; the rounds such a clause names are kinds
_THIS_IS = re.compile(r"(?<![^\s,，。；;])这(?:也|已|才)?是")
_KINDS_OF_ROUND = frozenset({"strategic", "first", "new", "latest"})


def _absorb(into: Candidate, other: Candidate) -> None:
    etype = types.get(into.type)
    into.evidence.extend(other.evidence)
    into.sentences |= other.sentences
    into.triggers.extend(other.triggers)
    for key, value in other.args.items():
        if isinstance(value, list):
            into.add_unique(key, value)
        elif etype.prefer(key, into, other):
            into.args[key] = value
        else:
            into.args.setdefault(key, value)


def merge(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    # a listing denied (公司短期内没有上市安排) leaves the party's rounds be; (type, cluster) -> the stages denied
    negated_clusters: dict[tuple, frozenset] = {}
    for c in candidates:
        if c.args.get("negated"):
            for t in ((c.type,) if c.type == "listing" else types.REGISTRY):
                key = (t, ctx.cluster(c.company))
                negated_clusters[key] = negated_clusters.get(key, frozenset()) | c.args.get("negated_stages", frozenset({None}))
    events: list[Candidate] = []
    party_events: dict[tuple, list[Candidate]] = {}  # (type, cluster) -> its events so far
    grown: dict[tuple, None] = {}  # the parties one of whose several events took in a clause
    retold = None  # the headline's event the body told again
    headline_end = title_end(ctx.text)
    # X宣布终止7亿元定增 in the headline: the story's placement of that party (its plan, its sum) ended
    ended_clusters = {ctx.cluster(c.company) for c in candidates if c.args.get("negated") == "ended"
                      and headline_end and all(e <= headline_end for _, e in c.evidence)}
    for cand in candidates:
        if cand.args.get("negated"):
            continue
        key = (cand.type, ctx.cluster(cand.company))
        same = party_events.setdefault(key, [])
        now = bool(_THIS_TIME.search(ctx.text, *cand.evidence[0])) and not _background(cand, ctx.reference)
        target = next((ev for ev in reversed(same)  # the nearest earlier event first
                       if (types.get(ev.type).compatible(ev, cand) or _attaches(ctx, ev, cand, len(same) == 1))
                       and not (now and _background(ev, ctx.reference))), None)
        if target is None and same and _this_round(ctx, same[-1], cand):
            target = same[-1]
        if target is None and headline_end and len(same) == 1 and same[0] is not retold \
                and _retells_headline(ctx, headline_end, same[0], cand):
            target = retold = same[0]
        if target is None and cand.args.get("attach") and not types.get(cand.type).told_alone(cand, same):
            continue  # 估值 / 投资方 sentences only complete an event told nearby
        if target is None:
            events.append(cand)
            same.append(cand)
        else:
            _absorb(target, cand)
            if len(same) > 1:
                grown[key] = None
    events = _merge_late(ctx, events, [party_events[key] for key in grown])
    investors = {ctx.cluster(e) for ev in events for e in ev.args.get("investors", [])}
    out = []
    for ev in events:
        same = party_events[(ev.type, ctx.cluster(ev.company))]
        if types.get(ev.type).redundant(ev, same):
            continue
        etype = types.get(ev.type)
        cluster = ctx.cluster(ev.company)
        if not etype.substantial(ev, negated_clusters.get((ev.type, cluster), frozenset()), cluster in investors) \
                or _denied(ctx, ev) \
                or (ev.args.get("instrument") == "placement" and cluster in ended_clusters):
            continue
        if _background(ev, ctx.reference):
            if not etype.KEEP_HISTORY:
                continue
            ev.args["historical"] = True
        _fill_learned(ev)
        out.append(ev)
    return out


# 此次香港全球发售…: "this" offering is the one the story is about, never a step told as long past just before it
_THIS_TIME = re.compile(r"此次|本次|今次|是次|这次|此番")


def _merge_late(ctx: Context, events: list[Candidate], grown: list[list[Candidate]]) -> list[Candidate]:
    """公司拟以4,500万元认购标的公司新增注册资本 … 当日签署《增资协议》 … 标的公司本次为B轮融资，融资总额3亿元: a
    clause may join the party's nearest event (the signing) and so miss an earlier one (the sum one investor pays)
    that the two together are one with; once every clause has joined, such events of one party become one. Only a
    party one of whose events took in a clause after the second was told can have such a pair: every other pair was
    found incompatible when the later event was told."""
    gone = set()
    for same in grown:
        for k, later in enumerate(same):
            target = next((ev for ev in same[:k] if id(ev) not in gone
                           and types.get(ev.type).compatible(ev, later)
                           and _background(ev, ctx.reference) == _background(later, ctx.reference)), None)
            if target is not None:
                _absorb(target, later)
                gone.add(id(later))
    return [ev for ev in events if id(ev) not in gone]


def _fill_learned(ev: Candidate) -> None:
    """A role the party tagger fills (assemble.POLICY "fill"): its values where the rules gave the event none.
    Only now, so that they never decide whether the event is one."""
    for key in [k for k in ev.args if k.startswith(TAGGED)]:
        values = ev.args.pop(key)
        role = key[len(TAGGED):]
        if not ev.args.get(role):
            ev.args[role] = values


def _retells_headline(ctx: Context, end_of_title: int, headline: Candidate, cand: Candidate) -> bool:
    """The body's first telling of the company's event, when the headline told it alone (晶澈材料获战略入股 /
    …以约2.2亿元认购晶澈材料新增注册资本): one event, unless they contradict or the body's is long past."""
    def in_title(ev: Candidate) -> bool:  # (a clause's span may run on over the blank lines below the title)
        return all(e <= end_of_title or not ctx.text[end_of_title:e].strip() for _, e in ev.evidence)

    return in_title(headline) and not in_title(cand) and not _background(cand, ctx.reference) \
        and not (_dated_before_the_year(cand, ctx.reference) and not _dated(headline)) \
        and types.get(cand.type).told_again(headline, cand)


def _denied(ctx: Context, ev: Candidate) -> bool:
    """市场传闻X拟分拆Y赴科创板上市，X回应称该消息不实: hearsay its sentence or the two after it deny;
    X发表声明，否认获Y注资的消息。有网媒引述消息人士报道，指Y将入股X: or the two before it."""
    # attach words tell no deal, nor a post's topic tag (#X融资#) the post's hearsay
    told = [t for t in ev.triggers if not t.negated and t.stage != "attach" and not _in_hashtag(ctx.text, t)]
    if not told or not all(t.rumour for t in told):
        return False
    first = min(ctx.sentence_index(t.start) for t in told)
    last = max(ctx.sentence_index(t.start) for t in told)
    # (网传X完成C轮融资 … a post's counts and rules … X（官方微博）：关于网络流传的“X完成C轮融资”…不属实: further on, a
    # denial that names the company)
    denial = trig.context_pattern("denial")
    return any(denial.search(ctx.text, *ctx.sentences[i])
               and (i <= last + 2 or any(ctx.same_party(e, ev.company) for e in ctx.within(*ctx.sentences[i], "COMPANY")))
               for i in range(max(first - 2, 0), min(last + _NAMED_DENIAL_REACH, len(ctx.sentences))))


_NAMED_DENIAL_REACH = 8  # sentences


def _in_hashtag(text: str, t) -> bool:
    """Is the trigger inside a topic tag on its line (#星河汽车融资#)?"""
    line_start, line_end = text.rfind("\n", 0, t.start) + 1, text.find("\n", t.end)
    return text.count("#", line_start, t.start) % 2 == 1 and "#" in text[t.end : len(text) if line_end < 0 else line_end]


def _dated(ev: Candidate) -> list:
    return [d for d in types.get(ev.type).event_dates(ev) if d is not None and d.value]


def _dated_before_the_year(ev: Candidate, reference) -> bool:
    """2023年，公司曾获X种子轮投资 in a 2025 article: a round of an earlier year, not the news of a headline that
    tells no date (X获Y入股; 去年获Y注资 is dated, and its date decides)."""
    years = [int(d.value["end"][:4]) for d in _dated(ev)]
    return reference is not None and bool(years) and max(years) < reference.year


def _background(ev: Candidate, reference) -> bool:
    """Every date the event carries lies long before the article's date."""
    if reference is None:
        return False
    ends = [dt.date.fromisoformat(d.value["end"]) for d in _dated(ev)]
    return bool(ends) and max(ends) < reference - dt.timedelta(days=types.get(ev.type).NEWS_DAYS)
