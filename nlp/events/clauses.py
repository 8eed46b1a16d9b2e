"""Clauses, each analysed once.

Text level (`split`, before the names are final): the clauses of the analysis
text with the trigger phrases of each; role discovery and the event stage both
read them. Entity level (`analyse`, once the names are final): the triggers the
clause's context leaves usable, and its names sorted by the role they play."""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass

from .. import resources
from ..entities.names import WHAT_IT_IS
from ..entities.span import Entity
from ..segment.sentences import clauses as clause_spans
from ..segment.sentences import sentences
from ..text.columns import BAR, column_cells, header_label
from . import triggers as trig
from .columns import ALLOTTEE_COLUMN
from .context import (BARE_INVEST, BREADCRUMBS, BULLET_CHARS, ENUMERATION, FORMER_LATTER, INVESTOR_NAME, INVESTS_IN, MORE_MONEY, NAMES, THIS_ROUND,
                      Context, cues, defines, former_or_latter, headline_part, name_lists)


@dataclass(frozen=True, slots=True)
class Clause:
    index: int
    sentence: int  # index of its sentence
    sentence_start: int
    start: int
    end: int
    triggers: tuple[trig.Trigger, ...]  # every trigger phrase, negated and modal ones too


def split(text: str) -> list[Clause]:
    out: list[Clause] = []
    headed = trig.heading_triggers(text) + trig.column_triggers(text)
    allottees = [(a, b) for _, a, b in column_cells(text, ALLOTTEE_COLUMN)]
    # 新浪财经 > 新股 > 辅导备案: the breadcrumb above the title names the site's sections, no company's step
    crumbs = BREADCRUMBS.match(text).end()
    furniture = related_reading(text) + disclaimers(text) + ([(0, crumbs)] if crumbs else [])
    for si, (s, e) in enumerate(sentences(text)):
        for cs, ce in clause_spans(text, s, e):
            found = () if any(fs <= cs < fe for fs, fe in furniture) else trig.find(text, cs, ce)
            # 【受理】 / · X（首发）：科创板, a table's 审议结果 cell: the section's or the cell's stage, where the clause
            # tells none of its own
            extra = [t for t in headed if cs <= t.start < ce]
            if extra and not any(t.event == "listing" and t.stage not in (None, "attach") for t in found):
                found = tuple(sorted((*found, *extra), key=lambda t: t.start))
            # ｜财通基金管理有限公司｜31,620.00｜ under 获配对象｜获配金额: the row adds a subscriber to the placement
            # (a deal word inside the cell is part of the name: 南京澄川创业投资合伙企业)
            rows = [(a, b) for a, b in allottees if cs <= a < ce]
            if rows:
                found = tuple(sorted((*(t for t in found if not any(a <= t.start < b for a, b in rows)),
                                      *(trig.Trigger("funding", "attach", a, b) for a, b in rows)), key=lambda t: t.start))
            out.append(Clause(len(out), si, s, cs, ce, found))
    return out


@functools.cache
def _related_heading() -> re.Pattern:
    words = "|".join(map(re.escape, resources.words("related_reading.txt")))
    # ▍往期回顾, 〔延伸閱讀〕, | 延伸阅读 |, —— 相关推荐 ——, 🔋 相关阅读: the heading between marks of any kind
    return re.compile(rf"^[ \t\u3000]*(?:[^\w\s]{{1,6}}[ \t\u3000]?)?(?:{words})(?:[ \t\u3000]?[^\w\s]{{1,6}})?(?=[\s:：►>»▶]|$)",
                      re.M)


# 风险提示：…新股投资请注意破发风险, （免责声明：本文仅供参考）: a page's boilerplate, about no company; it
# opens a line or follows a sentence
_DISCLAIMER = re.compile(rf"(?:^|(?<=[。!?！？]))[ \t\u3000]*(?:[{BULLET_CHARS}◇(\[【]\s?)?(?:风险提示|免责声明|免责申明|特别提示)[】\]]?\s?[:：][^\n]*", re.M)


def disclaimers(text: str) -> list[tuple[int, int]]:
    """The lines of a page's risk warning or disclaimer."""
    return [m.span() for m in _DISCLAIMER.finditer(text)]


_LIST_LINE = re.compile(rf"[ \t\u3000]*(?:[{BULLET_CHARS}]|\d{{1,2}}[.、)])")


def related_reading(text: str) -> list[tuple[int, int]]:
    """Where a page lists other articles (相关阅读：· X获B轮融资 …): from the heading through the short or
    bulleted lines under it. Their headlines are other news."""
    zones = []
    for m in _related_heading().finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        while end < len(text):
            line_end = text.find("\n", end + 1)
            line_end = len(text) if line_end < 0 else line_end
            line = text[end + 1:line_end]
            if line.strip() and len(line.strip()) > 40 and not _LIST_LINE.match(line):
                break
            end = line_end
        zones.append((m.start(), end))
    return zones


# 特华投资、华安保险: names in a list, no verb between; 投资腾讯音乐的股票: a trade, no round
_NAME_GAP_BREAK = re.compile(r"[,，。；;!?！？\n、]")
_ITS_ROUND = re.compile(r"其[^,，。；;]{0,12}?(?:轮|融资)")
_ITS_STOCK = re.compile(r"\s?(?:\([^()]{1,12}\))?(?:的)?(?:股票|二级市场|可转债|债券)")


def _invests_in_a_name(text: str, t: trig.Trigger, near: list[Entity]) -> bool:
    """出手投资星河机器人, 投了一家芯片公司：星河微电子: a bare investing verb (context.BARE_INVEST) with a
    company within a few words after it (a colon may come between); not the verb that ends a name (特华投资,
    朗生投资（香港）有限公司). near: the names around the verb."""
    if any(e.start < t.end and t.start < e.end for e in near):
        return False
    if _ITS_ROUND.match(text, t.end):  # 独家投资其数千万元Pre-A轮: the round of the company in focus
        return True
    e = next((e for e in near if e.label == "COMPANY" and e.start >= t.end), None)  # the first name after it
    return e is not None and e.start <= t.end + 14 and not _NAME_GAP_BREAK.search(text, t.end, e.start) \
        and not _ITS_STOCK.match(text, e.end) and not _describes_next(text, e, near)


def _describes_next(text: str, e: Entity, near: list[Entity]) -> bool:
    """曾投资宸屹新能的朴澜资本: the verb and its name describe the name after 的, no round is told."""
    return text.startswith("的", e.end) and any(
        e.end < n.start <= e.end + 16 and not _NAME_GAP_BREAK.search(text, e.end, n.start) for n in near)


# 专做玉米、大豆生物育种的穗垚种业: like a verb and its name (above), a name with a few more words and 的 right before
# another name describes that one (the words no verb of a deal and no joiner: 星河科技获得的腾讯投资 and 沪主板的X与北交所的Y
# keep their names)
_MODIFIER_TAIL = re.compile(r"(?:(?!获|完成|融|投|领|募|筹|上市|挂牌|宣布|拿|迎|引|与|和|及|或|跟|同|向|对|为|在)[\u4e00-\u9fff]){1,4}的")


def _in_modifier(ctx: Context, e: Entity, end: int) -> bool:
    tail = _MODIFIER_TAIL.match(ctx.text, e.end, end)
    return tail is not None and any(n.start == tail.end() for n in ctx.within(tail.end(), end, "COMPANY"))


def is_bare_verb(text: str, t: trig.Trigger) -> bool:
    return t.stage is None and bool(BARE_INVEST.fullmatch(text, t.start, t.end))


def worth_reading(text: str, clause_list: list[Clause], names: list[Entity]) -> list[Clause]:
    """The clauses with their triggers less a bare investing verb that no name found so far follows. Role
    discovery, the party readers (tagger, recogniser) and the event stage each filter the clauses of `split`
    with the names they have, so a name found later may still make the verb a trigger."""
    ordered = sorted((e for e in names if e.label in NAMES), key=lambda e: e.start)
    starts = [e.start for e in ordered]
    out = []
    for c in clause_list:
        # 苏州市天使投资引导基金: a deal word inside a name (not a weak guess's) is no trigger
        inside = [t for t in c.triggers if _inside_a_name(t, ordered, starts)]
        if not inside and not any(is_bare_verb(text, t) for t in c.triggers):
            out.append(c)
            continue
        keep = tuple(t for t in c.triggers if t not in inside and (not is_bare_verb(text, t) or _invests_in_a_name(
            text, t, ordered[bisect.bisect_left(starts, t.start - 40) : bisect.bisect_left(starts, t.end + 40)])))
        out.append(dataclasses.replace(c, triggers=keep))
    return out


def _inside_a_name(t: trig.Trigger, ordered: list[Entity], starts: list[int]) -> bool:
    """Does a longer name, not a weak guess, cover the trigger (names sorted by start; a few before it looked at)?"""
    at = bisect.bisect_right(starts, t.start)
    return any(not e.weak and e.start <= t.start and t.end <= e.end and e.end - e.start > t.end - t.start
               for e in ordered[max(0, at - 8) : at])


@dataclass(slots=True)
class ClauseView:
    """A clause with the entities in it: what every proposer reads."""
    clause: Clause
    usable: list[trig.Trigger]  # the triggers its context does not rule out
    others: list[Entity]  # names that play no investor or source role: subject candidates
    investors: list[Entity]
    leads: list[Entity]
    sources: list[Entity]  # news sources, advisors, people's affiliations
    list_item: bool = False  # one round of a list told in one segment (先后获得X的种子轮、Y领投的A轮)


def analyse(ctx: Context, clause: Clause, confirmed: set[str]) -> ClauseView:
    """`confirmed`: weak names (…科技) seen in a role so far in the document; the
    names this clause confirms are added to it."""
    others, investors, leads, sources = _roles_of_names(ctx, clause.start, clause.end, confirmed)
    return ClauseView(clause, _usable_triggers(ctx, clause), others, investors, leads, sources)


# --- one clause, several companies' events ----------------------------------------

# 星河科技完成A轮融资，蓝海生物获天使轮融资: a comma segment that opens with a company of its
# own, the one name before a trigger of its own, tells another company's event, as a sentence
# would. Before that company only a date, a linking word (其子公司, 同时, 此外) or what the company
# is (机械人公司, 区块链平台, 拟登陆深市主板的) may stand: 向中国银行申请, 并获得富士康投资 open with a verb, and the
# name is no subject.
_SEGMENT_HEAD = re.compile(r"\s*(?:而|同时|此外|另外|其中|与此同时|随后|其(?:全资|控股)?子公司|旗下)?\s*"
                           rf"(?:[^获得向与和由对并被为在从把将,，]{{0,12}}?(?:{'|'.join(sorted(WHAT_IT_IS))}|商)"
                           r"|[^获得向与和由对并被为在从把将,，]{0,16}?的)?\s*")


def by_subject(ctx: Context, view: ClauseView) -> list[ClauseView]:
    """The view cut, at the start of each such segment, into views of one subject each
    (the same clause index for now: analyse_clauses numbers them). A segment that names
    another round than the part before it (此前曾获X种子轮投资，并于2023年6月完成A轮融资), or a round of
    another year (2021年拿到X天使投资，2023年完成A轮，今年3月又获得Y战略投资), or one of the rounds the
    part before it lists (连续完成天使轮和A轮融资，天使轮由X领投), is cut off too: the same company's
    other round, with its own figures."""
    text, clause = ctx.text, view.clause
    # …分别完成Pre-A轮和天使轮融资，前者金额为数千万元，由X领投: a segment about the first of the list
    told_of = [m.start() for m in _FORMER_LATTER_SEGMENT.finditer(text, clause.start + 1, clause.end)
               if former_or_latter(ctx, m.start()) is not None]
    # 已完成两轮融资：2024年获X天使投资，2025年获Y投资: the count before the colon sums up, each item after it is a round
    told_of += [m.end() for m in _COUNTED_ROUNDS.finditer(text, clause.start, clause.end)
                if any(t.start >= m.end() for t in view.usable)]
    live = sorted((t for t in view.usable if not t.negated), key=lambda t: t.start)
    if len(live) < 2:
        return _cut(view, told_of)
    companies = [e for e in view.others if e.label == "COMPANY"]
    cuts, subject, rounds, years, issue = [], None, set(), set(), None
    by_object = False  # the subject is the name after an investing verb
    for t in live:
        told, head_end = trig.told_at(text, t)  # 上会：…，A、B均获通过: A、B stand before its end
        # (樾棠家居今起招股　骎途出行首挂: a headline's blank parts two statements, each with its own company)
        seg = trig.segment_start(text, told, clause.start)
        seg = headline_part(text, told, seg, segment_end(text, t.end, clause.end))[0]
        # 拟配售新股 同步发行可换股债券: an issue of another instrument is another event, even
        # within a segment
        if t.stage in ("debt", "placement"):
            if issue is not None and t.stage != issue.stage and t.start > (cuts[-1] if cuts else clause.start):
                cuts.append(seg if seg > issue.start else t.start)
            issue = t
        elif issue is not None and t.event == "funding" and t.start > (cuts[-1] if cuts else clause.start):
            # 定增落地募资8.6亿元　控股子公司Y B轮拿下3亿元: a company named after the issue raises a round of its own
            named = [e for e in companies if issue.end <= e.start and e.end <= t.start]
            if named and _rounds(ctx, named[-1].start, segment_end(text, t.end, clause.end)):
                cuts.append(_blank_before(text, issue.end, named[-1].start))
                issue = None
        before = [e for e in companies if seg <= e.start and e.end <= head_end]
        head = before[-1] if before else None
        told_end = segment_end(text, t.end, clause.end)
        own = _rounds(ctx, seg, told_end) if t.event == "funding" else set()
        own_years = _years(ctx, seg, told_end) if t.event == "funding" else set()
        later = seg > (cuts[-1] if cuts else clause.start)
        # A投资了X项目，而B投资了Y: an investing verb's company is the name after it; another one is another event
        invested = next((e for e in companies if t.end <= e.start and e.end <= told_end), None) \
            if INVESTS_IN.search(text, seg, t.end) else None
        if invested is not None:
            if later and subject is not None and by_object and not ctx.same_party(invested, subject):
                cuts.append(seg)
                subject, rounds, years = invested, own, own_years
            else:
                if subject is None:
                    subject, by_object = invested, True
                rounds |= own
                years |= own_years
            continue
        # …，并同意Y在北交所上市的注册申请: a trigger that names its company inside it (同意X…注册)
        named_inside = next((e for e in companies if t.start <= e.start and e.end <= t.end and not e.weak), None) \
            if head is None else None
        if later and subject is not None and named_inside is not None and not ctx.same_party(named_inside, subject):
            cuts.append(seg)
            subject, rounds = named_inside, own
        elif later and subject is not None and head is not None \
                and (_heads(ctx, seg, _list_head(ctx, head, seg)) or _invested_head(text, seg, head)) \
                and not _others_between(ctx, view, head.end, t.start) and not INVESTOR_NAME.search(head.text) \
                and not PARENT_OF_NEXT.match(text, head.end) and not ctx.same_party(head, subject):
            cuts.append(seg)
            subject, rounds = head, own
        elif later and ((own and rounds and (not own & rounds or (len(own) == 1 < len(rounds) and own < rounds)))
                        or (own_years and years and not own_years & years and not own & rounds
                            and not THIS_ROUND.search(text, seg, t.end))
                        or (rounds and not own and MORE_MONEY.search(text, seg, told_end)  # with its own sum
                            and ctx.within(seg, told_end, "MONEY"))) \
                and (head is None or subject is None or ctx.same_party(head, subject)):
            cuts.append(seg)
            subject, rounds, years = subject or head, own, own_years
        else:
            subject = subject or head or named_inside
            rounds |= own
            years |= own_years
    return _cut(view, sorted(set(cuts) | set(told_of)))


def _others_between(ctx: Context, view: ClauseView, start: int, end: int) -> bool:
    """Names between a segment's head and its trigger that are neither the view's investors nor their parents
    (Y则获X药业旗下X资本战略投资: X资本 invests in Y, and Y heads a deal of its own)."""
    investors = {id(e) for e in view.investors}
    return any(id(e) not in investors and not PARENT_OF_NEXT.match(ctx.text, e.end)
               for e in ctx.within(start, end, *NAMES))


def _blank_before(text: str, start: int, pos: int) -> int:
    """Where the part that ends at pos opens: after the last blank between start and pos, else at pos."""
    blank = max(text.rfind(" ", start, pos), text.rfind("\u3000", start, pos))
    return blank + 1 if blank >= 0 else pos


# 先后获得X的种子轮（2020年）、Y领投的A轮（2022年，1.5亿元），以及Z领投的B轮: rounds listed in one segment, each with
# its own investors (and figures) told before it, are one event each
_NEXT_ITEM = re.compile(r"\s?(?:[(（][^()（）]{0,30}[)）])?\s?(?P<sep>、|[,，]?\s?(?:以及|及|和|与))")
_ITEM_OWNER = re.compile(r"的[^,，。；;、()（）]{0,12}$")
_PART_OF_SUM = re.compile(r"(?:累计|总计|合计|共计)(?:获得|完成)?(?:融资|募资|投资)[^。；;]{0,30}?[,，]\s?(?P<part>其中)")


def by_round_list(ctx: Context, view: ClauseView) -> list[ClauseView]:
    """The view cut before each round of such a list after the first; each later item gets a trigger of its own,
    its round (the word that tells the first item's round tells them all)."""
    text = ctx.text
    if not any(t.event == "funding" and not t.negated for t in view.usable):
        return [view]
    rounds = _named_rounds(ctx, view.clause.start, view.clause.end)
    if parts := _part_of_sum(ctx, view, rounds):
        return parts
    cuts, items, owners = [], [], []
    for before, after in zip(rounds, rounds[1:]):
        sep = _NEXT_ITEM.match(text, before.end)
        own_sum = _with_sum(ctx, before, after.start) if sep is None else None
        summed = own_sum is not None and _with_sum(ctx, after, view.clause.end) is not None
        if summed:  # 获得A轮1亿美元、B轮约6000万美元的融资: each round told with its own sum
            sep = _NEXT_ITEM.match(text, own_sum.end)
        if sep is None or before.value["name"] == after.value["name"] \
                or not (summed or _ITEM_OWNER.search(text, sep.end(), after.start)) \
                or trig.SEGMENT_BREAK.search(text, sep.end(), after.start):
            continue
        cuts.append(sep.start("sep"))
        items.append(trig.Trigger("funding", None, after.start, after.end))
        owners.append(next((e for e in ctx.within(sep.end(), after.start, "COMPANY") if text.startswith("的", e.end)), None))
    if not cuts:
        return [view]
    parts = _cut(view, cuts)
    for part in parts:
        part.list_item = True
    # X投资了A的A+轮、B的天使轮和C的C+轮: an item that names its owner is that company's round, from the investors
    # named before the list
    backers = [[e for e in group if e.start < rounds[0].start] for group in (view.investors, view.leads)]
    for part, item, owner in zip(parts[1:], items, owners):
        _give_trigger(part, item)
        if owner is not None and all(e is owner for e in part.others):
            part.others = [owner]
            part.investors = part.investors or backers[0]
            part.leads = part.leads or backers[1]
    return parts


def _part_of_sum(ctx: Context, view: ClauseView, rounds: list[Entity]) -> list[ClauseView]:
    """此前累计融资约3亿美元，其中2024年的1.2亿美元C轮由X领投: the round named in the segment after 其中 is a part of the
    sum, a deal of its own; the view cut before 其中, the part given a trigger of its own (its round)."""
    text = ctx.text
    found = _PART_OF_SUM.search(text, view.clause.start, view.clause.end)
    named = next((r for r in rounds if found and r.start >= found.end()), None)
    if named is None or trig.SEGMENT_BREAK.search(text, found.end(), named.start):
        return []
    whole, part = _cut(view, [found.start("part")])
    _give_trigger(part, trig.Trigger("funding", None, named.start, named.end))
    return [whole, part]


def _give_trigger(part: ClauseView, item: trig.Trigger) -> None:
    part.clause = dataclasses.replace(part.clause, triggers=(*part.clause.triggers, item))
    part.usable = [*part.usable, item]


_SUM_GAP = re.compile(r"\s?(?:为|约|近|逾|超|超过|达)?\s?")


def _with_sum(ctx: Context, round_: Entity, ceiling: int) -> Entity | None:
    """The sum told right after a round (A轮1亿美元, B轮约6000万美元), if any."""
    return next((m for m in ctx.within(round_.end, ceiling, "MONEY") if _SUM_GAP.fullmatch(ctx.text, round_.end, m.start)),
                None)


def _cut(view: ClauseView, cuts: list[int]) -> list[ClauseView]:
    bounds = [view.clause.start, *cuts, view.clause.end]
    return [_part(view, s, e) for s, e in zip(bounds, bounds[1:])] if cuts else [view]


def _named_rounds(ctx: Context, start: int, end: int) -> list[Entity]:
    """The rounds named in text[start:end] (A, B+, angel; not 新一轮, 本轮 or a strategic
    investment, which may be part of a named round)."""
    return [r for r in ctx.rounds_told(start, end)
            if (r.value or {}).get("name") not in (None, "new", "latest", "strategic")]


def _rounds(ctx: Context, start: int, end: int) -> set[str]:
    return {r.value["name"] for r in _named_rounds(ctx, start, end)}


def _years(ctx: Context, start: int, end: int) -> set[str]:
    """The years of the dates told in text[start:end], not the article's dateline."""
    return {d.value["start"][:4] for d in ctx.within(start, end, "DATE") if d.value and not ctx.is_dateline(d)}


def _list_head(ctx: Context, name: Entity, seg: int) -> Entity:
    """The first name of the list that ends with `name` (蓝岫生物和云澜智能将于周三申购)."""
    group = next((g for g in name_lists(ctx, seg, name.end) if g[-1] is name), [name])
    return group[0]


# 拟对X增资5亿元，对Y投资2亿元: a segment that opens on 对 / 向 and the company the money goes into
_INVESTED_HEAD = re.compile(r"\s*(?:拟|将|并|再|另|同时)?(?:对|向)")
_INVESTED_AFTER = re.compile(r"(?:增资|注资|投资|战略投资|出资)")


def _invested_head(text: str, seg: int, name: Entity) -> bool:
    return bool(_INVESTED_HEAD.fullmatch(text, seg, name.start)) and bool(_INVESTED_AFTER.match(text, name.end))


def _heads(ctx: Context, seg: int, name: Entity) -> bool:
    """Only a date, a linking word or what the company is (金融科技公司: a name guessed in it
    included) stands between the segment's start and the name."""
    pos = seg
    for d in ctx.within(seg, name.start, "DATE"):
        if not _SEGMENT_HEAD.fullmatch(ctx.text, pos, d.start):
            return False
        pos = d.end
    return bool(_SEGMENT_HEAD.fullmatch(ctx.text, pos, name.start))


_FORMER_LATTER_SEGMENT = re.compile(r"(?<=[,，;；:：])" + FORMER_LATTER.pattern)
_COUNTED_ROUNDS = re.compile(r"(?:[两二三四五六七八九十\d]+|多)轮(?:融资|投资)[:：]")


def _part(view: ClauseView, start: int, end: int) -> ClauseView:
    inside = lambda items: [x for x in items if start <= x.start < end]  # noqa: E731
    clause = dataclasses.replace(view.clause, start=start, end=end, triggers=tuple(inside(view.clause.triggers)))
    return ClauseView(clause, inside(view.usable), inside(view.others), inside(view.investors),
                      inside(view.leads), inside(view.sources))


# --- which triggers the clause's context leaves ----------------------------------

# 其中A终止IPO,其余6家均顺利登陆科创板, 其中两家已进入上市辅导: that segment is about companies it does not name
# (其中两家：A、B names them after its colon)
_THE_OTHERS = re.compile(r"(?:其余|其他|另外|另有|其中)[^,，。；;]{0,4}(?:家|只)(?![^,，。；;]{0,4}?[:：])")


def segment_end(text: str, pos: int, ceiling: int) -> int:
    m = trig.SEGMENT_BREAK.search(text, pos, ceiling)
    return m.start() if m else ceiling


def _usable_triggers(ctx: Context, clause: Clause) -> list[trig.Trigger]:
    """The clause's triggers, less those its context rules out: margin trading, a segment
    about other companies (其余6家), and what each event type rules out itself (a funding
    only planned, a product launch called 上市 …)."""
    from . import types

    text, start, end = ctx.text, clause.start, clause.end
    if trig.context_pattern("margin").search(text, start, end):
        return []
    asks = _question_end(text, start, end)
    interviewer = bool(asks) and bool(_ASKER.match(text, start))
    found = [t for t in clause.triggers if not _THE_OTHERS.match(text, trig.segment_start(text, t.start, start))
             and not (asks and (interviewer or _asked(text, t, start, asks)))]
    kept = {id(t) for name, etype in types.REGISTRY.items()
            for t in etype.usable(ctx, clause, [t for t in found if t.event == name])}
    return [t for t in found if id(t) in kept]


# 记者：今年的融资情况怎么样？, 请问贵公司是否参与了X的融资？, 上市有时间表吗？: a question tells no event (a
# headline that ends in one, 获腾讯投资"烧钱"是唯一出路？, asks about the event it tells)
_QUESTION = re.compile(r"是否|吗|呢|怎么|怎样|如何|什么|何时|多少|哪")
# 如何看待X完成10亿元B轮融资？: a question asking what one thinks of the event tells it
_OPINION = re.compile(r"(?:如何|怎么|怎样)(?:看待|评价|看)")
_BREAK = re.compile(r"[,，:：\s]")
# 问：外界一直传X在谈新一轮融资，估值30亿元，是真的吗？: an interviewer's whole question asks, whatever its commas
_ASKER = re.compile(r"\s*(?:问|提问|记者|主持人|Q)\s?[:：]")


def _question_end(text: str, start: int, end: int) -> int:
    """Where the question mark that ends the clause stands (0: the clause asks nothing)."""
    last = len(text[start:end].rstrip()) + start - 1
    return last if last >= start and text[last] in "?？" else 0


def _asked(text: str, t: trig.Trigger, start: int, mark: int) -> bool:
    """The trigger is in the question: no break between it and the mark, a question word in its segment."""
    segment = trig.segment_start(text, t.start, start)
    return not _BREAK.search(text, t.start, mark) and bool(_QUESTION.search(text, segment, mark)) \
        and not _OPINION.search(text, segment, t.start)


# --- the role each name of a clause plays ------------------------------------------

_TICKER_PAREN = re.compile(r"^\([^()]{1,20}\)")  # 腾讯控股(00700.HK)投资的…
# A name with a weak suffix (科技, 智能 …) counts only in a role: in an investor
# list, or as the subject right before the verb of an event.
_SUBJECT_VERB = re.compile(r"^[」』”\"]?(?:(?:\d{4}年|今年|去年|本月|上月)?\d{1,2}月(?:\d{1,2}日)?|今年|去年|(?:上|本)月(?:初|中|底|末))?(?:宣布|表示[,，]|称[,，]|完成|获|已|正式|成功|于|因|明日|明天|截止|发行|上会|过会|希望|计划|预计|有望|准备|打算|寻求|今日|今起|明起|近日|日前|将|拟|通过|向|在|再|又|此前|近期|也|曾|"
                           r"(?:周|星期)[一二三四五六日天]|昨日|昨天|昨晚|今晚|当晚|今天|[今昨][(（]\d{1,2}[)）]日|本周|上周|进入|未获?通过|公布|刚|"
                           r"登陆|挂牌|上市|赴|递交|递表|启动|开启|冲刺|撤回|终止|本次|此次|主动|公告|发布|首次|首发|IPO|申购(?![了其])|"
                           r"的(?:首发|IPO|上市|(?:首次)?公开发行|发行上市)(?:股票)?(?:上市)?申请|的(?:(?:沪市?|深市?)?主板|创业板|科创板|北交所)(?:IPO|首发)|"
                           r"创业板|科创板|主板|中小板|[深上港北]交所|联交所|纳斯达克|纽交所|港股|美股|A股|H股|成功|首挂|截飞|暗盘|招股|披露|定增|非公开发行|向特定对象|配售|"
                           r"\d{1,2}月\d{1,2}日(?:晚间|晚|早间|盘后)?(?:发布)?(?:公告|披露|宣布)|"
                           r"(?:\d+(?:\.\d+)?\s?(?:亿|万|千万)[^,，。；;]{0,10}?)?\|?\s?(?:[A-H]\d?\+*|Pre-[A-H]\+?|天使|种子|战略|新一)轮|\|\s?战略(?:融资|投资)|"
                           r"(?:借出|提供)[^,，。；;]{0,12}?孖展|"
                           r"\([A-Za-z]|\(\d{3,6}[.)-]|\((?:股票|证券|申购)代码|\((?:沪|深|京)?市?(?:主板|创业板|科创板|北交所)\))")
# 【天地数码：…】, 天地数码：关于…的公告: a flash or an announcement opens with its company's name
_SAYS_IT_INVESTED = re.compile(r"[^,，。；;“”\"]{2,16}?(?:说|表示|称|补充道|介绍|谈道|指出)[:：]?\s?[“\"](?:作为|身为|我们是)"
                               r"(?:本轮|这轮|此轮|本次|这次)(?:融资|投资)?(?:的)?(?:唯一)?(?:(?P<lead>(?:联合)?领投)方"
                               r"|投资方|投资人|(?:新进来的|新)?股东|跟投方|参投方)")
_SAID_IT_INVESTED = re.compile(r"[“\"][^”\"]{0,30}?(?:(?:这|本|此)一?轮(?:融资)?(?:是|都是)?(?:由)?我们(?P<lead>领投|牵头)"
                               r"|我们(?:是|作为)(?:本轮|这轮|此轮|这一轮)(?:的)?(?:投资方|股东|跟投方|参投方)"
                               r"|我们(?:也)?(?:参与|跟投|投)了(?:本轮|这轮|此轮|这一轮))[^”\"]{0,60}?[”\"]\s?[,，]?\s?$")
_SAYS = re.compile(r"[^,，。；;“”\"]{0,20}?(?:说|表示|称|补充道|介绍|谈道|指出|透露)")  # …X合伙人Y说, after a quote
_TABLE_CELL = re.compile(r"\s?\|(?=[^|\n]*\|)")  # a cell of a flattened table's row (星河科技|机器人|A轮|…)
_LAST_CELL = re.compile(r"\|\s?$")  # …|星河科技|科创板: a cell after a bar is no byline either
_FLASH_HEAD = re.compile(rf"\s?[:：]|{_TABLE_CELL.pattern}")  # 星河科技：…, or a table row's first cell
# the words for a company another one owns (a share of): the parent names it, or stands for it
SUBSIDIARY = "子公司|附属公司|参股公司"
# 蓝港控股集团旗下另一家子公司蓝港能源: a name its parent introduces is a company
_CHILD_OF = re.compile(rf"(?:旗下|下属|{SUBSIDIARY}|孵化的|分拆的)[^,，。；;]{{0,3}}$")
# 向Rappi注资, 为星城公司提供贷款: the money goes into the name; 向东莞信托融资: the name lends it
# (对X（以下简称Y）实施战略入股: the name's definition may come between)
_PUT_INTO = re.compile(r"(?:[(（][^()（）]{1,20}[)）])?[」”\"』]?(?:进行了?|追加|实施|的)?(?:[^,，。；;]{0,8}?[轮元])?"
                       r"(?:注资|增资|战略投资|投资|战略入股|入股|出资)|提供[^,，。；;]{0,24}?(?:贷款|授信|借款|融资|资金支持)")
_BORROW = re.compile(r"等?(?:申请[^,，。；;]{0,20}?|进行)?(?:联合)?(?:融资|借款|贷款|借入|授信|联贷)")  # 申请合计不超过18亿元的综合授信
# 星河集团旗下X, 星河(00175)控股的X, 星河股份分拆子公司…上市, 星河股份：储能子公司B轮落地, 英伟达风投部门NVentures: the
# parent names the next name (or the part it spins off), it is not the party
COLON_CHILD = rf"[:：]\s?[\u4e00-\u9fff]{{0,4}}?(?:全资|控股)?(?:{SUBSIDIARY})"  # 星河股份：储能子公司…
PARENT_OF_NEXT = re.compile(r"(?:\([^()]{1,12}\)|\)(?=的))?(?:旗下(?:公司)?|下属|所属(?:的)?|控股的|"
                            rf"的?(?:全资|控股)?(?:{SUBSIDIARY})|{COLON_CHILD}|"
                            r"的[A-Za-z\u4e00-\u9fff]{0,8}?(?:业务|部门|板块)|(?:风险投资|风投|创投|战投|投资)(?:部门|分支|平台)|孵化的|分拆的|"
                            rf"分拆(?:所属|旗下|控股|全资)?(?:{SUBSIDIARY})|分拆(?![至到在于赴后出上的前完]))")  # not X分拆至科创板
_BYLINE_OPEN = re.compile(r"[【\[]\s*$")
# a company's step right after the bracket or bar: the name is the company's, no outlet's (【星河】递表港交所)
_NO_STEP_AFTER = r"(?!\s?(?:获|完成|拿下|拿到|斩获|收获|迎来|敲定|官宣|递表|递交|通过|过聆讯|登陆|挂牌|上市|招股|IPO|宣布|冲刺))"
# (【星河｜B轮】, 【星河电气今日申购】: a round or a step in the bracket heads a feed's item, no outlet's byline)
_BYLINE_CLOSE = re.compile(rf"(?![^】\]]{{0,6}}轮)(?![^】\]]{{0,4}}?(?:申购|上市|挂牌|招股|融资|募资|递表|过会|聆讯|IPO))"
                           rf"[^】\]]{{0,4}}[】\]]{_NO_STEP_AFTER}")
# 36氪出海｜跨境电商SaaS「X」完成…: an outlet's column label opens the headline, before a bar (not 星河科技｜完成B轮融资)
_LINE_START = re.compile(r"(?:^|\n)\s*$")
# (格隆汇港股公告解读｜X: a longer label, but none that tells a step: 星河科技获融资｜…)
_COLUMN_LABEL = re.compile(rf"(?:(?!获|融资|募资|上市|完成|递表|招股)[\u4e00-\u9fff]){{1,6}}\s?[|丨]{_NO_STEP_AFTER}")
_CONFIRMS = re.compile(r"(?:确认|透露|证实|表示|介绍|回应|独家透露)")
# 投资方为倚锋资本(领投)、贵阳创投; 深创投领投、元禾控股跟投的B轮: a lead marked inside a list
_LEAD_MARK = re.compile(r"\s?\((?:联合)?领投(?:方)?\)|(?:联合|共同)?领投(?=[、,，和与及]|的)")


def _investor(ent: Entity) -> bool:
    return bool(ent.value and ent.value.get("investor"))


def _split_at_zones(text: str, groups: list[list[Entity]], zones) -> list[list[Entity]]:
    """A list joined by 与 whose tail a role zone covers is two lists: in 星茂集团与星信银行、
    澄汉银行签署贷款协议 the banks after 与 lend, the name before them borrows."""
    out = []
    for group in groups:
        last = group[-1]
        opens = [zs for _, zs, ze in zones if zs < last.end and last.start < ze and zs > group[0].start]
        head = [e for e in group if opens and e.end <= min(opens)]
        if head and text[head[-1].end : group[len(head)].start].strip() in _WITH:
            out.extend([head, group[len(head):]])
        else:
            out.extend(_by_zone(text, group, zones))
    return out


def _by_zone(text: str, group: list[Entity], zones) -> list[list[Entity]]:
    """领投方为中石化资本,星钢创投跟投: names of one comma list that lie in different role zones are
    lists of their own. A name outside every zone stays with the name before it, unless a comma closes
    that name's zone (领投的是深创投，峰瑞资本也在这一轮里出了钱: the zone's list ended at the comma)."""
    def zone(e: Entity):
        return next(((zs, ze) for _, zs, ze in zones if zs <= e.start and e.end <= ze), None)

    runs = [[group[0]]]
    for prev, e in zip(group, group[1:]):
        closed = zone(prev) is not None and zone(e) is None and bool(_COMMA.search(text, prev.end, e.start))
        if (zone(e) is not None and zone(e) != zone(prev)) or closed:
            runs.append([e])
        else:
            runs[-1].append(e)
    return runs


_WITH = ("与", "同", "和", "跟")
_COMMA = re.compile(r"[,，]")
# 通过港交所上市聆讯的澳恒能源, 今日挂牌的星筑家居: a step told of the name right after it makes a guess a name
_TOLD_STEP = re.compile(r"(?:聆讯|上市|挂牌|招股|过会|受理|递表|融资)的$")
_COUNTED_IN = re.compile(r"(?:第[一二三四五六七八九十\d]{1,2}|另一|还有一|最后一)家(?:公司|企业)?(?:是|为)[^,，。；;]{0,14}$")
_ENUMERATES = re.compile(rf"(?:{ENUMERATION}|其中|[:：])\s?$")  # 两只新股上市：A和B, 3家企业上会，其中A、B获通过
# (篁澈科技（日文名：Koutetsu Technologies株式会社）: a labelled gloss, a legal form after it)
_GLOSS_OPEN = re.compile(r"\s?[(（]\s?(?:(?:日文|英文|韩文|外文|原|旧)(?:名称?|名字)|又名|英文简称)?[:：]?\s?$")
_GLOSS_CLOSE = re.compile(r"\s?(?:株式会社|有限会社)?\s?[)）]")


def counted_in(text: str, ent: Entity, floor: int) -> bool:
    """两家中国企业…。第二家是宠物医疗连锁X, 另一家为X: a name the text counts among the companies it tells of."""
    return bool(_COUNTED_IN.search(text, max(floor, ent.start - 24), ent.start))


def _gloss(ctx: Context, ent: Entity, floor: int) -> bool:
    """小鹏汽车 (Xpeng): a name in brackets right after a name glosses it; it is no second party."""
    m = _GLOSS_OPEN.search(ctx.text, max(floor, ent.start - 9), ent.start)
    return m is not None and bool(_GLOSS_CLOSE.match(ctx.text, ent.end)) \
        and any(e.end == m.start() for e in ctx.within(max(floor, m.start() - 40), m.start(), *NAMES))


def _heads_flash(ctx: Context, ent: Entity) -> bool:
    """星河科技：…, 【星河科技：…】, or the bracketed head of a digest's item (【星河航空】eVTOL整机商，…)."""
    opens = ent.start == 0 or ctx.text[ent.start - 1] in "【[\n"
    return opens and (bool(_FLASH_HEAD.match(ctx.text, ent.end))
                      or (ctx.bracket_items and ctx.text[ent.start - 1:ent.start] == "【"
                          and ctx.text.startswith("】", ent.end)))


# 小米旗下基金入股了X, X旗下基金及Y跟投: the child acts right after its parent, or a list goes on (a name after its
# verb or in the list is no child of the parent)
_UNNAMED_CHILD_ACTS = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:基金|公司|平台|机构)(?:近日|日前|已经?|再次|也)?(?:战略)?"
                                 r"(?:入股|投资|领投|注资|增资|参投|跟投|认购|[及和与、])")


def receives_money(ctx: Context, ent: Entity, start: int) -> bool:
    """向Rappi注资, 对上游企业X（以下简称Y）实施战略入股: the name the money is put into."""
    return _receives(ctx.text[max(start, ent.start - 10) : ent.start], ctx.text[ent.end : ent.end + 60])


def _receives(before: str, after: str) -> bool:
    """The words before a name put money into it (向, 对) and the words after it say so (注资, 实施战略入股)."""
    return bool(cues("investee", "before").search(before) and _PUT_INTO.match(after))


def _parent_of_a_name(ctx: Context, ent: Entity, ceiling: int) -> bool:
    """淡马锡旗下专项医疗基金Sheares: the parent of a name that follows (嘉域发展旗下基金投资, 小米旗下基金入股了X:
    no name follows before the verb, the parent stands for its fund)."""
    m = PARENT_OF_NEXT.match(ctx.text, ent.end)
    if m is None:
        return False
    acts = _UNNAMED_CHILD_ACTS.match(ctx.text, m.end())
    return bool(ctx.within(m.end(), acts.end() if acts else min(ceiling, segment_end(ctx.text, m.end(), ceiling)), *NAMES))


def _roles_of_names(ctx: Context, start: int, end: int, confirmed: set[str]):
    """Split the names of a clause into (others, investors, leads, sources)."""
    from .discover import role_zones

    others, investors, leads, sources = [], [], [], []
    zones = [_with_closing_list(ctx, end, _with_opening_list(ctx, start, z))
             for z in role_zones(ctx.text, start, end) if z[0] in ("lead", "investor")]
    advised_until = start  # 保荐人分别为A、B、C、D: the whole enumeration advises, names no lexicon knows included
    advisers: set[str] = set()
    for group in _split_at_zones(ctx.text, name_lists(ctx, start, end), zones):
        group = [e for e in group if not _gloss(ctx, e, start)]
        if not group:
            continue
        zone_roles = {role for role, zs, ze in zones if zs <= group[0].start and group[-1].end <= ze}
        if zone_roles:  # inside 由……领投 / 投资方包括……
            # 由淡马锡旗下专项医疗基金Sheares领投: the parent does not invest; nor the custodian or the product of a
            # manager's product in an allottees' cell (财通基金-光大银行-财通基金玉泉1号单一资产管理计划: 财通基金)
            group = [e for e in group if not _parent_of_a_name(ctx, e, end) and not _in_product_name(ctx.text, e)]
            if not group:
                continue
            investors.extend(group)
            # 投资方为倚锋资本(领投)、贵阳创投: the mark names the lead inside the list
            leads.extend(group if "lead" in zone_roles else [e for e in group if _LEAD_MARK.match(ctx.text, e.end)])
            confirmed.update(e.text for e in group if e.weak)
            continue
        # X合伙人Y说：“作为本轮的领投方，我们…”, “我们是这轮新进来的股东”: the speaker's firm says it invested
        # (“这一轮是我们领投的，”X合伙人Y说: the quote before the speaker)
        if said := (_SAYS_IT_INVESTED.match(ctx.text, group[-1].end, end)
                    or (_SAYS.match(ctx.text, group[-1].end, end)
                        and _SAID_IT_INVESTED.search(ctx.text, max(start, group[0].start - 80), group[0].start))):
            investors.extend(group)
            leads.extend(group if said.group("lead") else [])
            continue
        # 披露日期 | 交易金额 | 融资轮次 | 投资方 | 新闻来源: the names in a table's column of sources report
        column = header_label(ctx.text, group[0].start) if BAR.search(ctx.text, start, end) else ""
        if _SOURCE_COLUMN.search(column):
            sources.extend(group)
            continue
        before = ctx.text[max(start, group[0].start - 10) : group[0].start]
        wide = _TICKER_PAREN.sub("", ctx.text[group[-1].end : min(end, group[-1].end + 40)], count=1)
        after = wide[:16]
        if cues("nickname", "after").match(after) or cues("held", "before").search(before) or _WAIVES.match(after) \
                or (before.endswith("不是") and _CORRECTED.match(after)):
            continue  # (母公司星沚化工放弃认购权利: the one who waives its right takes no part; 不是X，是Y领投的: X none)
        # 【星河网】, 【星河财经讯】 (not a feed's item head, 【星河】递表港交所: the company whose step follows; nor
        # an item of a digest whose lines open with brackets, 【星河航空】eVTOL整机商，数亿元B轮融资落地)
        # (@老韭菜不割：过会≠注册…: a commenter's handle opens a reply, it takes no step)
        # (公司向36氪确认: the outlet told is a source)
        if (_BYLINE_OPEN.search(before) and _BYLINE_CLOSE.match(after) and not ctx.bracket_items) \
                or (before.endswith("向") and _CONFIRMS.match(after)) \
                or (_LINE_START.search(before) and _COLUMN_LABEL.match(after)) \
                or (_COMMENTER.search(before) and after[:1] in ":："):
            sources.extend(group)
            continue
        if group[0].start < advised_until:
            sources.extend(group)
        elif (_brokers(group, loose=True) and _BROKERS_BUSINESS.search(ctx.text, start, end)) \
                or (_LENDS_MARGIN.match(wide) and not before.endswith(("为", "向"))):
            sources.extend(group)  # 综合辉立、富途及耀才数据，三间券商合共借出孖展, 暗盘时富途报价: brokers lend and quote
        elif cues("advisor", "before").search(before):
            sources.extend(group)
            advisers.update(e.text for e in group)
            advised_until = segment_end(ctx.text, group[-1].end, end)
        elif cues("advisor", "after").match(wide):  # (X与Abernathy & Cole担任联席账簿管理人: a partner named between)
            sources.extend(group)
            advisers.update(e.text for e in group)
        elif _MONEY_FROM.search(before) or (before.endswith("从") and _GOT_FROM.match(after)):
            investors.extend(group)  # 种子轮新台币6,000万元来自X, 资金全部来自X, 从X拿到天使投资: the money's source invests
        # (星河网从云帆科技获悉: 云帆科技 told it, the outlet is the source)
        elif (cues("source", "after").match(after) and not before.endswith(("为", "从")) and not _TABLE_CELL.match(wide)
              and not (_LAST_CELL.search(before) and after.lstrip().startswith("|"))) \
                or _LEARNED_FROM.match(wide) or cues("source", "before").search(before) \
                or (all(_REGISTRY_PLATFORM.fullmatch(e.text) for e in group) and before.endswith("从")
                    and cues("source", "after").match(after)) \
                or (cues("venue", "after").match(after) and (cues("venue", "before").search(before) or _brokers(group))) \
                or cues("affiliation", "after").match(after):
            sources.extend(group)
        elif _ISSUED_TO.search(before) and _ISSUE.match(after):
            investors.extend(group)  # 公司拟向控股股东X发行股票: the one the new shares go to subscribes
        elif cues("investee", "after").match(after) or (_JOINED.search(before) and _ROUND_OF.match(after)):
            others.extend(group)  # 参与旭光子科技的A轮增资, 参与了X的A轮投资: the company raises, whatever verb follows
            continue
        elif _receives(before, after):
            others.extend(group)  # 软银向Rappi注资: the receiver, not an investor
            continue
        elif cues("lender", "after").match(ctx.text, group[-1].end, end) and not cues("investee", "before").search(before) \
                and not _PAID_TO.search(ctx.text, max(start, group[0].start - 30), group[0].start):
            investors.extend(group)  # 星商银行为公司提供50亿元授信: the bank lends (向星河提供贷款: 星河 borrows)
        elif cues("lender", "before").search(before) and _BORROW.match(wide):
            investors.extend(group)  # 星阳公司向星商银行融资借款, 向星商银行申请…流动资金贷款: the bank lends
        elif cues("lead", "after").match(after):
            leads.extend(group)
            investors.extend(group)
        elif cues("investor", "after").match(after) or cues("investor", "before").search(before):
            investors.extend(group)
        elif cues("partner", "before").search(before):
            continue  # 与中金公司合作: a partner, not the subject
        else:  # in a list with a sure name (星宇科技、星尔生物、江苏星兴股份有限公司), of three, or
            # enumerated (分别为A、B), weak guesses are names too
            investors.extend(e for e in group if _investor(e))  # a user's INVESTOR name invests (userdata)
            group = [e for e in group if not _investor(e)]
            listed = len(group) > 2 or (len(group) > 1 and (any(not e.weak for e in group)
                                                             or bool(_ENUMERATES.search(before))))
            group = [e for e in group if not _in_modifier(ctx, e, end)]
            others.extend(e for e in group if not e.weak or listed or e.text in confirmed
                          or _SUBJECT_VERB.match(ctx.text[e.end : e.end + 12]) or INVESTS_IN.search(before)
                          or _CHILD_OF.search(before) or _heads_flash(ctx, e) or _TOLD_STEP.search(before)
                          or counted_in(ctx.text, e, start))
            continue
        confirmed.update(e.text for e in group if e.weak)
    # 保荐数量前三：A、B、C … A、B、C保荐家数位列前三: a party the clause calls an adviser is no subject elsewhere in it
    sources = sorted([*sources, *(e for e in others if e.text in advisers)], key=lambda e: e.start)
    others = [e for e in others if e.text not in advisers]
    confirmed.update(e.text for e in others if e.weak)
    _aliases_follow(ctx, start, end, others, (investors, leads, sources))
    return others, investors, leads, sources


_SOURCE_COLUMN = re.compile(r"来源|出处|媒体")  # (the investors' columns: discover.table_zones)
_ISSUED_TO = re.compile(r"(?<!不)向(?:控股股东|实际控制人|大股东|第一大股东|关联方)?$")
_ISSUE = re.compile(r"\s?(?:定向)?发行(?:A股)?(?:股票|股份|新股)")
# 元禾原点于2024年参与了X的A轮投资: the investor's verb right before the name of the one whose round it is
_JOINED = re.compile(r"(?:参与|参投|领投|跟投)(?:了)?$")
_ROUND_OF = re.compile(r"[」”\"]?\s?(?:的[^,，。；;、]{0,10}?轮|(?:[Pp]re-?\s?)?[A-H]\d?\s?\+*\s?轮|(?:天使|种子)\+*轮|的?(?:增资|融资))")  # (参与X B轮现金增资, 参与X增资)


def _brokers(group: list[Entity], loose: bool = False) -> bool:
    """富途暗盘则收5.50元: a broker known by name before 暗盘 is where the grey market trades, not the new share.
    loose: the name may have taken in the words around it (综合辉立、富途及耀才数据: the brokers' figures)."""
    known = resources.words("hk_brokers.txt")
    return all((_BROKER_WRAP.sub("", e.text) if loose else e.text) in known for e in group)


_BROKERS_BUSINESS = re.compile(r"孖展|暗盘")
# 星商银行向成立两年的AI质检企业觇川科技发放贷款: the name the bank pays out to, however it is described, borrows
_PAID_TO = re.compile(r"向[^,，。；;向]{0,28}$")
# 中信证券为星澜医疗提供孖展, X向新股认购者借出…孖展: whoever lends the IPO margin is a broker, known by name or not
_LENDS_MARGIN = re.compile(r"\s?(?:(?:为|向)[^,，。；;]{1,24}?)?(?:提供|借出)[^,，。；;]{0,12}?孖展")
_BROKER_WRAP = re.compile(r"^(?:综合|根据|据)|(?:的)?(?:数据|资料|统计)$")


# 其实不是X，是Y领投的: a name put right takes no part (not 这不是X首次获得投资)
_CORRECTED = re.compile(r"\s*[,，]\s*(?:而|其实|实际上)?是")
_AFTER_MANAGER = re.compile(r"\s*[^|\n\-－—\s]{2,}[-－—]")


def _in_product_name(text: str, name: Entity) -> bool:
    """A name after the manager's in a table cell that names a product (管理人-托管行-产品名)."""
    bar, line = text.rfind("|", 0, name.start), text.rfind("\n", 0, name.start)
    return bar > line and bool(_AFTER_MANAGER.match(text, bar + 1, name.start))


_COMMENTER = re.compile(r"(?:^|\n)[\s└├—-]*(?:[^\s@\n]{1,20}\s?回复\s?)?@$")
_WAIVES = re.compile(r"(?:将|已|均)?放弃(?:[^,，。；;]{0,6}?)(?:认购|优先认购权|增资|出资)")
# 第一财经记者从浙江星河热控技术股份有限公司（下称“星河热控”）获悉: the outlet learned it from a name however long
_LEARNED_FROM = re.compile(r"记者从[^,，。；;]{2,36}?获悉")
# 记者从天眼查获悉, 据企查查App显示: a company-registry data platform tells what it found, it takes no part
_REGISTRY_PLATFORM = re.compile(r"(?:企查查|天眼查|爱企查|启信宝|企信宝)(?:App|APP|app)?")
_GOT_FROM = re.compile(r"(?:处|那里|手中|手里)?(?:再次|又|先后|陆续)?(?:拿到|获得|获(?![悉知])|融到|融得|得到|募得|筹得|拿了|融了)")
_MONEY_FROM = re.compile(r"(?:元|轮|资金|钱|融资)(?:全部|主要|均|都|则)?来自于?$")
_COMMA_ONLY = re.compile(r"\s?[,，、]\s?")


# 新股东为X，以及Y / 投资方包括X、Y，还有Z: the list goes on past the comma its pattern stops at
_LIST_GOES_ON = re.compile(r"\s?[,，]\s?(?:以及|还有|另有|外加|再加上)\s?")
_LIST_JOINER = re.compile(r"\s?(?:、|以及|及|和|与)\s?")
_LIST_CLOSES = re.compile(r"\s?(?:等[^,，。；;]{0,8}?)?\s?(?=[,，。；;!！?？]|$)")


def _with_closing_list(ctx: Context, end: int, zone: tuple[str, int, int]) -> tuple[str, int, int]:
    """新股东为启明创投，以及顺为资本: names that follow the zone's last one after a comma and 以及 / 还有, one after
    another and closing the segment, end the list the zone's role covers."""
    role, zs, ze = zone
    goes_on = _LIST_GOES_ON.match(ctx.text, ze, end)
    if goes_on is None:
        return zone
    names = ctx.within(goes_on.end(), segment_end(ctx.text, goes_on.end(), end), *NAMES)
    if not names or names[0].start != goes_on.end():
        return zone
    for a, b in zip(names, names[1:]):
        if not _LIST_JOINER.fullmatch(ctx.text, a.end, b.start):
            return zone
    return (role, zs, names[-1].end) if _LIST_CLOSES.match(ctx.text, names[-1].end, end) else zone


def _with_opening_list(ctx: Context, start: int, zone: tuple[str, int, int]) -> tuple[str, int, int]:
    """北京国管，经纬创投，BAI资本和Monolith砺思资本跟投: names that open the clause, one after another with only
    a comma between, head the list the zone's role covers (its pattern stops at the last comma)."""
    role, zs, ze = zone
    names = ctx.within(start, zs, *NAMES)
    if not names or ctx.text[start:names[0].start].strip():
        return zone
    ends = [e.end for e in names]
    starts = [e.start for e in names[1:]] + [zs]
    if all(_COMMA_ONLY.fullmatch(ctx.text, a, b) for a, b in zip(ends, starts)):
        return role, names[0].start, ze
    return zone


def _aliases_follow(ctx: Context, start: int, end: int, others: list[Entity], roles: tuple[list[Entity], ...]) -> None:
    """星河创投集团有限公司(以下简称"星河创投")分别出资: the short name, defined in brackets, of an
    investor, a lead or a source plays that part too, and is no subject; 向星河新材料科技有限公司(简称"星河
    材料")增资: that of a name with no role takes none of its own (the verb after the bracket is not its)."""
    names = ctx.within(start, end, *NAMES)
    for full, short in zip(names, names[1:]):
        if not defines(ctx.text, full, short):
            continue
        if any(full in role for role in roles):
            for role in (others, *roles):
                if short in role:
                    role.remove(short)
                if full in role and role is not others:
                    role.insert(role.index(full) + 1, short)
        elif full in others:
            for role in roles:
                if short in role:
                    role.remove(short)


__all__ = ["Clause", "ClauseView", "split", "analyse", "segment_end", "NAMES"]
