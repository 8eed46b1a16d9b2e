"""Funding: a company raised money (DuEE-Fin 企业融资).

One company can report several rounds in one document, so two candidates of the
same company merge only when nothing contradicts (round name, amount, round
count, cumulative or not)."""
from __future__ import annotations

import datetime
import functools
import re

from ... import resources
from ...entities.names import investment_firms
from ...entities.numbers import parse_number
from ...entities.span import Entity
from ...entities.values import find_rounds
from ...text.columns import header_label
from .. import triggers as trig
from ..clauses import segment_end
from ..candidate import Candidate, Proposal
from ..when import finer_within
from ..discover import table_zones
from ..context import (INVESTMENT_FIRM, INVESTS_IN, LOAN, MORE_MONEY, NAMES, PRONOUN, Context, cues, is_calendar, name_lists,
                       subscribed_issuer, title_end)
from .. import record as rec

NAME = "funding"
DUEE_TYPE = "企业融资"
# record field -> DuEE-Fin role; 事件时间 comes from the first of its fields that is set
DUEE_ROLES = {"company": "被投资方", "investors": "投资方", "lead_investors": "领投方", "amount": "融资金额",
              "round": "融资轮次", "date": "事件时间", "date_vague": "事件时间", "disclosed": "披露时间"}
# the fields the argument scorer rates: those DuEE-Fin annotates, so that there is something to learn from
SCORED = ("company", "investors", "lead_investors", "amount", "round", "date", "date_vague", "disclosed")
LIST_ROLES = ("investors", "lead_investors")
OWN_VALUES = ()  # values that belong to one company only (none: a funding clause has one company)
NEWS_DAYS = 730  # older than this before the article's date, a round is told as history (软银从2017年开始…)
KEEP_HISTORY = True  # and is reported with historical: true (a past round with its specifics is an event)
DUEE_HISTORY = False  # DuEE-Fin annotates the round the news is about, not the rounds behind it

# 上一次融资在2024年8月, 上一轮是去年3月: the round before the one the story tells, a deal of its own (距上一轮不到一年
# only measures the time since)
_PREVIOUS_ROUND = re.compile(r"(?<!距)(?<!距离)(?:上一(?:次|轮)|上轮|前一轮)(?:融资)?(?:在|是|为|发生在)")
_ROUND_COUNT = re.compile(r"(?<![A-Za-z第])(\d+|[一二两三四五六七八九十]+)轮(?:融资|投资)")
# 累计融资, 融资总额, 两个月内的融资额已逾30亿港元 (money raised over a stretch of time, not one deal; 增资款合计26亿元
# sums this deal's payments)
_CUMULATIVE = re.compile(r"(?:[\d一两二三四五六七八九十]+个?(?:月|年)|年内|今年以来|上市以来)内?的?(?:融资|集资|募资)额|累计|(?<!资金)(?<!发行)(?<!募资)(?<!轮融资)(?<!番融资)(?<!次融资)(?<!轮)(?<!贷款)(?<!借款)(?<!授信)(?<!本金)(?<!面值)总额|(?:(?<!轮)|(?<=[两二三四五六七八九十\d多几数]轮))(?<!款)(?:共计|合计)(?!增资|认购|出资|持股|持有)|总计|共完成|累积|先后|已完成\d+轮|已融资\d+轮")
_SUMS = ("合计", "共计", "总计")  # a sum, not by itself a sum over rounds
_AFTER_INVESTORS = re.compile(r"(?:投资者|投资方|投资人|股东)[,，]?\s?$")
_FACILITY_SUMS = (*_SUMS, "总额")  # 签订总额35亿港元的银团贷款协议: a loan's or a bond's size
_ARRIVED_JUST_BEFORE = re.compile(r"(?:到账|到位|入账)[,，]?\s?$")
_ROUND_NAMED_AFTER = re.compile(r"\s?的?(?:Pre-)?(?:[A-H]\d?\+{0,2}|天使\+?|种子)\s?轮")
_ROUND_JUST_BEFORE = re.compile(r"轮(?:融资|募资|增资|集资)?(?:已经|已)?(?:正式|顺利)?(?:完成|结束|到位|交割)?了?\s?[,，]\s?$")
_LATEST = re.compile(r"最新一轮|最近一轮|本轮|此轮|该轮|这一轮")
_WILDCARD_ROUNDS = {"new", "latest", None}


@functools.cache
def _instruments() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r["instrument"], re.compile(r["pattern"])) for r in resources.table("funding_instruments.tsv"))


def _segment(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """The comma segment of `pos` within the clause start..end."""
    return trig.segment_start(text, pos, start), segment_end(text, pos, end)


def instrument(text: str, trigger_start: int, start: int, end: int) -> str:
    """equity, placement or debt: the first cue in the trigger's comma segment, else in the clause."""
    for lo, hi in (_segment(text, trigger_start, start, end), (start, end)):
        for name, pattern in _instruments():
            if pattern.search(text, lo, hi):
                return name
    return "equity"


INSTRUMENT_TRIGGERS = ("debt", "placement")  # trigger rows that name the instrument themselves


# --- rules: which triggers, which company, which arguments ---------------------------------

# 新东方此次IPO每股售价15美元，融资规模达到1.125亿美元: money raised in a sentence about the IPO is its proceeds
# 此次IPO, 公司拟在科创板发行不超过4,000万股，计划募资12亿元, X首发获上市委通过 拟募资12亿元: the sentence is about
# the IPO
_THIS_IPO = re.compile(r"(?:此次|本次|这次)(?:IPO|首次公开发行|首发|上市)|(?:拟|将)?在(?:科创板|创业板|北交所|(?:沪市?|深市?)?主板)(?:公开)?发行"
                       r"|(?:首发|IPO|上市)(?:申请)?(?:获|已获|顺利|过会|注册生效)")  # 科创板IPO获受理：拟募资15亿元


def usable(ctx: Context, clause, triggers: list) -> list:
    """A round only planned (计划融资) is no event; an issue of bonds or new shares
    announced with its terms (拟发行10亿元中期票据, 拟定增募资6亿元) is, unless it
    pays for an acquisition, backs a pledge or is the company's past. Money raised
    in a sentence about the IPO (此次IPO…) is the listing's proceeds."""
    if triggers and _LIMITED_PARTNER.search(ctx.text, clause.start, clause.end):
        return []
    return [t for t in triggers if (not t.modal or t.stage in INSTRUMENT_TRIGGERS or _decided(ctx, t, clause) is not None)
            and not (t.stage in INSTRUMENT_TRIGGERS and _not_an_issue(ctx, t, clause))
            and not (t.stage is None and _THIS_IPO.search(ctx.text, *ctx.sentence_of(t.start)))
            and not (t.stage is None and _old_shares_only(ctx, t))
            and not (_NAMES_ITS_COMPANY.fullmatch(ctx.text, t.start, t.end) and not _names_inside(ctx, t, clause.start))
            and not _into_own_child(ctx, t, clause.start)
            and not _TERM_SHEET.search(ctx.text, t.end, min(segment_end(ctx.text, t.end, clause.end), t.end + _TERM_SHEET_REACH))
            and not _INTENT.search(ctx.text, t.start, t.end)
            and not (t.modal and trig.context_pattern("market_permitting").search(ctx.text, t.end, clause.end))
            and not _leads_a_planned_round(ctx.text, t, triggers, clause.start)]


# X正在进行新一轮融资，由红杉中国领投: who leads a round only planned (in the segment after it) leads no round done; nor
# does what only adds to a rumoured one (有媒体报道称…，估值约30亿元)
_BY_WHOM = re.compile(r"\s?由")


def _leads_a_planned_round(text: str, t, triggers: list, floor: int) -> bool:
    before = [u for u in triggers if u.modal and not u.negated and u.stage is None and u.end <= t.start]
    return not t.modal and bool(before) and (bool(_BY_WHOM.match(text, trig.segment_start(text, t.start, floor)))
                                             or (t.stage == "attach" and any(u.rumour for u in before)))


# 以有限合伙人身份认缴出资2亿元，参与投资…合伙企业: money put into a fund (a fund raises for itself), anywhere in the clause
_LIMITED_PARTNER = re.compile(r"(?:作为|以|成为)(?:基金的?)?有限合伙人|认购[^,。；;]{0,20}?基金份额")
# 新一轮融资已签TS，预计年内交割: a term sheet or a letter of intent signed for the round, after it in its segment: not closed
_TERM_SHEET = re.compile(r"(?:签署|签订|签)了?(?:投资)?(?:TS|term sheet|Term Sheet|投资意向书|意向协议|意向书)")
_TERM_SHEET_REACH = 30
# 签署了意向性授信协议，意向金额50亿元: a letter of intent for credit, no loan granted
_INTENT = re.compile(r"意向性?(?:授信|贷款|借款|融资|银团)")


# 向全资附属公司X注资1亿港元, 给自己的全资子公司Y增资了10亿元: a parent's own money moved into its wholly-owned child
# (向泰国全资子公司Quanxu Thailand Co., Ltd.增资: a place before the child, a Latin name's comma inside)
_INTO_OWN_CHILD = re.compile(r"(?:向|对|给)(?:自己的|其|公司|本公司)?(?:的)?(?:[\u4e00-\u9fff]{2,4}?)?全资(?:子公司|附属公司|孙公司)"
                             r"(?:[^,。；;]|, ){0,30}?(?:增资|注资)")
# 工银投资拟以8亿元对公司全资子公司X进行增资: an investment firm, not the parent, pays
_FIRM_PAYS = re.compile(rf"[\u4e00-\u9fffA-Za-z]{{2,8}}(?:{INVESTMENT_FIRM})(?:拟|将|计划|以|出资)")


# 以自有资金5亿元对内蒙古阆昱进行增资: the child named alone, where the text calls it wholly owned elsewhere
_INTO_NAMED = re.compile(r"(?:向|对|给)(?P<name>[^,，。；;、\s]{2,20}?)(?:进行|实施)?(?:增资|注资)$")
# 全资子公司阆昱新能源（内蒙古）有限公司（以下简称“内蒙古阆昱”）: the name, or the short name defined for it, soon after
_CALLED_OWN = re.compile(r"全资(?:子公司|附属公司|孙公司)(?:名为|为)?(?:(?:[^,，。；;（()]|[（(][^（()）]{1,8}[）)]){2,30}[（(](?:以下简称|以下称|下称|简称)[:：]?[“\"「]?)?$")


def _into_own_child(ctx: Context, t, floor: int) -> bool:
    """The parent's own money into its wholly-owned child (not an investment firm's, which X raises from)."""
    before = trig.context_before(ctx.text, t.start, floor)
    told = before + ctx.text[t.start:t.end]
    m = _INTO_OWN_CHILD.search(told)
    if m is None and (named := _INTO_NAMED.search(told)):
        text, name, at = ctx.text, named["name"], t.start - len(before) + named.start("name")
        called = [k for k in _starts(text, name, t.start) if _CALLED_OWN.search(text, max(0, k - 60), k)]
        # 红杉中国拟以3亿元对X进行增资: another company named before it pays, unless the sentence calls X its
        # wholly owned child (为支持全资子公司X发展，Y股份拟以2亿元对X增资)
        sentence = ctx.sentence_of(at)[0]
        child = ctx.within(at, at + len(name), "COMPANY")
        payers = [] if any(k >= sentence for k in called) else ctx.within(sentence, at, "COMPANY")
        m = named if called and not any(name not in p.text and not (child and ctx.same_party(p, child[0]))
                                        for p in payers) else None
    return m is not None and not _FIRM_PAYS.search(before, 0, m.start())


def _starts(text: str, name: str, before: int) -> list[int]:
    """Where name is written in text before `before`."""
    out, k = [], text.find(name)
    while 0 <= k < before:
        out.append(k)
        k = text.find(name, k + 1)
    return out


# 引入X作为战略投资者，当时10名股东集体向X转让9.37%股份, X受让Y所持Z 18%的股权, Y拟公开挂牌转让其所持Z 35%股权: shares
# bought from (or offered by) their holders bring the company no money (a stake changing hands is an acquisition),
# unless the sentence tells new money too (并增资, 完成B轮融资); 拟减持不超过2%，该部分股份来源于2016年战略入股: where
# shares now sold came from
_OLD_SHARES = re.compile(r"(?:股东|持有人)[^。；;]{0,24}?(?:协议)?转让[^。；;]{0,24}?(?:股份|股权|总股本)|受让[^。；;]{0,16}?老股"
                         r"|受让[^。；;]{2,40}?所持(?:有)?[^。；;]{0,24}?(?:股份|股权|老股)|(?:股份|股票|股权)来源(?:为|于|系|是|:)"
                         r"|转让(?:其)?所持(?:有)?[^。；;]{0,24}?(?:股份|股权)")
# 不涉及增资, 不涉及新增融资, 不计入本轮融资额: new money denied is no new money; 已发行股份总数 counts the shares
_NEW_MONEY = re.compile(r"(?<!不涉及)(?<!不涉及新)(?<!并非)(?<!不计入)(?<!不计入本轮)(?<!不计入本次)"
                        r"(?:增资|新增的?注册资本|定增|发行(?<!已发行)|募资|融资|注资)")


def _old_shares_only(ctx: Context, t) -> bool:
    start, end = ctx.sentence_of(t.start)
    return bool(_OLD_SHARES.search(ctx.text, start, end)) and not _NEW_MONEY.search(ctx.text, start, end)


# 拟以自有资金6000万元认购X新增注册资本, 拟出资1亿元参与X的B轮融资, 拟与Y共同向X增资1亿元: an investor's decision,
# with its money
# (拟通过全资子公司X向Y增资: the child is the vehicle, Y the company)
_DECIDES = re.compile(r"(?:拟|将|计划)(?:通过[^,。；;]{2,40}?(?=[对向]))?(?:与[^,。；;]{2,24}?(?:共同|联合|一起))?(?:以|使用|用|出资|斥资|投资|投入|对|向)")
_OWN_CHILD = re.compile(r"全资|子公司|附属公司")
# 拟对X增资5亿元: the investee after 对 / 向, then the money right after the verb
_INTO = re.compile(r"(?:增资|注资|投资|战略投资|出资)$")
_SUM_AFTER = re.compile(r"(?:约|合计|共计|不超过|人民币)?")


def _decided(ctx: Context, t, clause):
    """(where the decision is told: its 拟, the sum) of a modal trigger that tells an investor's decision to put
    the sum in (an announced decision is an event), or None; a company's own plan to raise (拟融资1亿元) stays no
    event."""
    seg = trig.segment_start(ctx.text, t.start, clause.start)
    m = _DECIDES.search(ctx.text, seg, t.start + 1)  # 拟对X增资: the trigger may open on the 对
    if m is None or (_OWN_CHILD.search(ctx.text, m.end(), t.start)  # 拟以2亿元对全资子公司X增资: its own money,
                     and not _FIRM_PAYS.search(ctx.text, max(seg, m.start() - 12), m.end())):  # unless a firm pays
        return None
    if m.group().endswith(("对", "向")):
        if not _INTO.search(ctx.text, t.start, t.end):  # 拟向银行申请贷款 is the company's own plan
            return None
        money = next((x for x in ctx.within(t.end, t.end + 12, "MONEY") if _SUM_AFTER.fullmatch(ctx.text, t.end, x.start)),
                     None)
    else:  # the sum between 拟以 and the verb, or one the investors put in later in the sentence
        # (拟以增资扩股方式引入三名战略投资者，A、B与C合计出资6亿元: the terms are set)
        money = next(iter(ctx.within(m.end(), t.start, "MONEY")), None) or next(
            (x for x in ctx.within(t.end, ctx.sentence_of(t.start)[1], "MONEY")
             if _PUT_IN.search(ctx.text, max(t.end, x.start - 8), x.start)), None)
    return (m.start(), money) if money is not None else None


_PUT_IN = re.compile(r"(?:合计|共同|共计|分别)?(?:出资|认缴)(?:金额)?(?:为|达|约)?$")


# 向蓝鲸智算投资20亿元, 对X增资5亿元, 认购泰合生物新股: a phrase that names the company inside it is a deal only where a
# company (or 公司 / 其) is found there (宁德时代向匈牙利工厂投资73亿欧元 is a plant's money, and its investor
# must not stand in for the company)
_NAMES_ITS_COMPANY = re.compile(r"(?:向|对)[^,。；;]+(?:投资|增资|注资)|认购[^,。；;]+(?:新股|新H股|新发行股份|新发行的(?:[\d.,]+\s?[万亿]*股)?股份)")


# 先旧后新: X公布，控股股东Y…配售旧股，并认购与之数量相同的新股 / 同等数目新股: the new shares are those of the listed
# company the clause names before the vendor (with the vendor alone, 嵂峰控股会向公司认购…, the clause names no issuer)
_TOP_UP_SHARES = re.compile(r"认购(?:与之|与此)?(?:数量|数目)?(?:相同|同等|相等)")


def _names_inside(ctx: Context, t, floor: int) -> bool:
    return bool(ctx.within(t.start + 1, t.end, "COMPANY")) or _pronoun_inside(ctx.text, t) \
        or (bool(_TOP_UP_SHARES.match(ctx.text, t.start)) and len({e.text for e in ctx.within(floor, t.start, "COMPANY")}) >= 2) \
        or subscribed_issuer(ctx, floor, t.start) is not None  # 认购后者新股


def _pronoun_inside(text: str, t) -> bool:
    """向公司增资, 向其注资: a pronoun for the company; not the 公司 that ends a name no rule found (向云臻公司增资)."""
    return any(m.start() == t.start or not "\u4e00" <= text[m.start() - 1] <= "\u9fff" or text[m.start() - 1] in "向对给为与"
               for m in PRONOUN.finditer(text, t.start, t.end))


# 募资用于…补充流动资金及偿还贷款, 资金用途为偿还到期债务: what the new money pays for, not what the issue is
_USE_OF_PROCEEDS = re.compile(r"用于|用来|用作|用途")
# 拟发行4亿美元票据偿还债务: repaying right after the issue is what its money is for
_PURPOSE = re.compile(r"\s?(?:以|来|用以)?")


def _not_an_issue(ctx: Context, t, clause) -> bool:
    text = ctx.text
    if _SHARES_CAME_FROM.match(text, t.end):
        return True
    # 解禁日｜证券简称｜解禁类型 over 8月11日｜X股份｜定向增发机构配售股份: a table of shares unlocked, its column says so
    if trig.context_pattern("not_issue").search(header_label(text, t.start)):
        return True
    for m in trig.context_pattern("not_issue").finditer(text, clause.start, clause.end):
        seg = trig.segment_start(text, m.start(), clause.start)
        # (拟用于偿还一笔将于年内到期的银团贷款: the loan the trigger names is the one repaid, whatever pays for it)
        repaid = m.group() in ("偿还", "兑付", "赎回") and seg <= m.start() < t.start \
            and trig.segment_start(text, t.start, clause.start) == seg
        told_as_use = _USE_OF_PROCEEDS.search(text, seg, m.start()) or (m.group() == "偿还" and _PURPOSE.fullmatch(text, t.end, m.start()))
        guarantor = seg > t.end and _GUARANTEED_BY.match(text, seg) and m.group().endswith("担保")
        if repaid or not (told_as_use or guarantor):
            return True
    seg = trig.segment_start(text, t.start, clause.start)
    history = trig.context_pattern("issue_history")
    if seg > clause.start and _TELLS_AGAIN.match(text, seg, t.start):  # 曾与星信银行签订授信合同，后者为其提供授信
        before = trig.segment_start(text, seg - 1, clause.start)  # the segment before tells the same past deal
        return bool(history.search(text, before, seg - 1))
    if not history.search(text, seg, t.start):
        return False
    # 曾于2024年3月完成一次定向发行，募资4800万元: a past placement told with its money is a round of its own; so is a
    # past bond told with its money and its time (今年6月，X曾发行一期8亿元公司债)
    # (a past bond or credit line stays background: 此前共发行可转债…, 曾与星信银行签订授信合同)
    told_until = segment_end(text, min(segment_end(text, t.end, clause.end) + 1, clause.end), clause.end)
    if not ctx.within(t.end, told_until, "MONEY") and not ctx.within(t.start, t.end, "MONEY"):
        return True
    return t.stage != "placement" and not (t.stage == "debt" and not LOAN.search(text, t.start, t.end)
                                           and any(is_calendar(d.text) for d in ctx.within(clause.start, t.start, "DATE")))


# 减持非公开发行取得的股份, 所持股份系2019年非公开发行时认购取得: the issue tells where shares now held came from
_SHARES_CAME_FROM = re.compile(r"(?:股票|股份|A股)?(?:时|中)?(?:认购)?取得(?=的?(?:股份|股票)|[,。；;]|$)")
# 拟发行15亿元公司债券，期限5年，由星河担保提供连带责任保证担保, 同样由X担保: the issue's guarantor, told after it
_GUARANTEED_BY = re.compile(r"\s?(?:并|且|将|拟|同样|同时|亦|也|均)?由")
# 后者为其提供…, 其…: a segment that tells the deal of the segment before again, from the other side
_TELLS_AGAIN = re.compile(r"(?:后者|前者|对方|其)")


# A fund, or an investment firm, raises money for itself, or invests: either way no company's round
# (混改基金, 产业基金二期, 星河资本, 澄湖创投, Maple Capital, X创业投资合伙企业(有限合伙); the round-2 definitions)
_FUND = re.compile(rf"(?:基金(?:\(有限合伙\))?(?:[一二三四五六七八九十]期)?|{INVESTMENT_FIRM}|合伙企业(?:\(有限合伙\))?)$")


def may_be_company(ent, triggers=()) -> bool:
    """A fund, or an investment firm (by its name, or one the gazetteer knows as one: 国投创合, 奇绩创坛), raises no
    round of its own (the rule proposer's subject and the party tagger's company alike); one the gazetteer knows
    may still issue bonds or borrow (软银集团计划发售5500亿日元次级债券: the clause's triggers say so)."""
    if _FUND.search(ent.text):
        return False
    return (ent.value or {}).get("canonical") not in investment_firms() or any(t.stage == "debt" for t in triggers)


def companies(reader, view, subject, others):
    if not may_be_company(subject, view.usable):
        return []
    listed = _respective(reader.ctx, view) or _together(reader.ctx, view) or _invested_in(reader.ctx, view)
    return listed[0] if listed and subject in listed[0] else [subject]


_RESPECTIVELY = re.compile(r"\s?(?:也|均)?分别")
# 星河科技、澜舟智能纷纷获得首轮融资: an adverb that sums up a list makes each of it a subject
_TOGETHER = re.compile(r"\s?(?:也|亦)?(?:纷纷|均|都|先后|相继|双双|陆续|同时|同日|同一天)")


def _listed(ctx: Context, view, after: re.Pattern | None = None, before: re.Pattern | None = None):
    """(the companies of a list in the clause, the match of `after` right behind it, or of `before`
    right ahead of it)."""
    for group in name_lists(ctx, view.clause.start, view.clause.end):
        companies = [e for e in group if e in view.others and e.label == "COMPANY"]
        if len(companies) < 2:
            continue
        m = after.match(ctx.text, group[-1].end) if after else before.search(ctx.text, max(group[0].start - 24, 0),
                                                                             group[0].start)
        if m:
            return companies, m
    return None


def _respective(ctx: Context, view):
    """A、B、C分别完成1.5亿元B轮、数千万元Pre-A轮和2亿元C+轮融资: (the listed companies, where
    their figures start, where they end); the k-th figure is the k-th company's."""
    start, end = view.clause.start, view.clause.end
    if ctx.text.find("分别", start, end) < 0:  # nearly every clause: no lists built
        return None
    hit = _listed(ctx, view, after=_RESPECTIVELY)
    return hit and (hit[0], hit[1].end(), segment_end(ctx.text, hit[1].end(), end))


def _together(ctx: Context, view):
    if not _TOGETHER.search(ctx.text, view.clause.start, view.clause.end):
        return None
    return _listed(ctx, view, after=_TOGETHER)


def _invested_in(ctx: Context, view):
    """星河资本投资了A、B和C, 领投两家公司：A和B: each of a list after an investing verb is a company funded."""
    return _listed(ctx, view, before=INVESTS_IN)


def _respective_values(ctx: Context, view, add) -> None:
    """Each listed company's own round and amount, when there are as many as companies."""
    respective = _respective(ctx, view)
    if respective is None:
        return
    companies, lo, hi = respective
    amounts = [m for m in ctx.within(lo, hi, "MONEY") if not (m.value or {}).get("per_share")]
    for role, values in (("round", ctx.within(lo, hi, "ROUND")), ("amount", amounts)):
        if len(values) == len(companies):
            for company, value in zip(companies, values):
                add(role, value, owner=company)


_ROUND_SIZE = re.compile(r"融资(?:规模|总额)|融资的一部分|(?:本轮|此轮|该轮|这一轮)(?:合计|共计|总共|共)(?:募资|募得|融资|筹资|筹得)")
# X以合计2.1亿元取得Y股权, X同时以2,000万元参与增资, X 2亿元领投Y B轮, X子公司8000万元入股Y: the sum one investor
# pays, maybe a part of a round
_PAYS_BEFORE = re.compile(r"(?:(?:同时|将|已|再)?(?:以|出资|斥资|使用|动用|拿出|投入)(?:自有资金|自筹资金|现金|合计|共计|人民币)*"
                          r"|(?:子公司|附属公司|旗下基金))\s?$")
# 董事会同意公司以1.5亿元入股X; X同步公告，董事会通过以2亿元认购…, X(600123)9月3日晚公告，以…, X（4593）昨（30）日董事会通过，以…:
# the payer is the pronoun's or the announcer
_ANNOUNCED = re.compile(r"\s?(?:\([^()]{1,20}\))?\s?(?:\d{1,2}月\d{1,2}日|[今昨]日)?(?:晚间|晚上|晚|早间|盘后)?(?:同步|同日|今日|亦|也)?(?:发布|发出)?"
                       r"(?:公告|宣布|披露|重大讯息|重讯|董事会(?:\d{1,2}月\d{1,2}日|[今昨]日|日前|近日)?(?:审议)?通过)(?:称|指出|表示)?\s?[,，:：]\s?")
_PAYS_AFTER = re.compile(r"\s?(?:\([^()]{1,20}\))?(?:的价格|的对价|的代价|的?(?:自有资金|自筹资金|现金))?(?:认购|入股|[,，]?参与|参投|领投|跟投|增资|注资|取得|受让|战略投资|投资(?![\d人方者机]))")


# X获配3亿元, 分别获配3亿元和2.5亿元, 获配金额最高，约2.6亿元, 认购金额约4.1亿元, 本次跟投金额为4000万元: a placement's
# subscriber's (or a round's investor's) part
_ALLOTTED = re.compile(r"(?:(?:获配|获得配售)(?:金额|资金)?|认购(?:金额|资金)|(?:本次|本轮)?(?:跟投|领投)(?:金额|资金))[^,，。；;募额]{0,6}?[,，]?(?:约|共|合计|分别)?\s?$")
# A、B、C分别出资5000万元、3000万元和2000万元: each sum one investor's part
_EACH_PAYS = re.compile(r"分别(?:出资|认缴|认购|投资)(?:[^,，。；;]{1,24}?[、和及与])?\s?$")
_BRACKETED_PART = re.compile(r"[)）]\s*[|｜/／、;；]")  # the list goes on after the bracket
_BRACKETED_LAST = re.compile(r"[)）]\s*。?$")  # the list's last item


def _listed_part(ctx: Context, money, start: int, end: int) -> bool:
    """财通基金（2.46亿元）｜诺德基金（1.98亿元）: a subscriber's sum in brackets right after it, in a list (the last
    item's right after a name)."""
    if ctx.text[money.start - 1 : money.start] not in ("(", "（"):
        return False
    if _BRACKETED_PART.match(ctx.text, money.end, end):
        return True
    return bool(_BRACKETED_LAST.match(ctx.text, money.end, end)) \
        and any(e.end == money.start - 1 for e in ctx.within(max(start, money.start - 40), money.start, *NAMES))


# 除A外，B也将出资5,000万元, C追加5,000万元, 其中D出资2亿元: one more investor's part
_ONE_MORE_PAYS = re.compile(r"(?:(?:也|亦|还|另|同时)(?:将|拟|会)?(?:出资|投资|投入|认缴)|追加(?:投资|出资)?"
                            r"|其中[^,，。；;]{2,20}?(?:出资|投资|投入|认购|认缴))(?:约|共|合计)?\s?$")


# 本轮由X领投并出资4亿元, Y出资3亿元: a named investor's own payment, the verb between it and the sum
_PAID_BEFORE = re.compile(r"(?:领投并|并|还|另|将|已|拟)?(?:出资|投入|认缴|斥资)了?(?:约|共|合计)?\s?$")
# X担任领投，出资约15亿日元: the investor's role, then its payment after a comma
_LEADS_THEN = re.compile(r"(?:担任|作为|为)?(?:本轮)?(?:的)?(?:联合|共同)?领投(?:方)?[,，]\s?")


def _investor_pays(ctx: Context, view, money) -> bool:
    """Whether the sum is what one investor of the clause pays (its part), not the round's size."""
    if not _PAYS_AFTER.match(ctx.text, money.end):
        paid = _PAID_BEFORE.search(ctx.text, max(view.clause.start, money.start - 9), money.start)
        # (斥资, to spend, is only ever a payer's: X策略投资Y 斥资新台币2亿元)
        return paid is not None and bool(view.investors) and (
            "斥资" in paid.group() or any(e.end == paid.start() or _LEADS_THEN.fullmatch(ctx.text, e.end, paid.start())
                                         for e in view.investors))
    seg = trig.segment_start(ctx.text, money.start, view.clause.start)
    pays = _PAYS_BEFORE.search(ctx.text, seg, money.start)
    if pays:  # the payer: an investor of the clause, a name before the sum, or a subsidiary that stands for one
        return bool(view.investors) or bool(ctx.within(seg, money.start, "COMPANY")) \
            or pays.group().rstrip().endswith(("子公司", "附属公司", "旗下基金")) \
            or PRONOUN.search(ctx.text, seg, money.start) is not None \
            or any(_ANNOUNCED.fullmatch(ctx.text, e.end, seg) for e in ctx.within(view.clause.start, seg, "COMPANY"))
    return any(e.end == money.start or ctx.text[e.end:money.start].isspace() for e in view.investors)


# 一个月连投4笔，枢岚资本押注具身智能上游, 美团在机器人领域连投8笔(附表): a title that tells an investor's run of deals
_SPREE = re.compile(r"连投|连续投资|连续出手|又投|再投|押注|出手|投资版图|投了")


def _spree_investor(ctx: Context, start: int, end: int):
    """The investor a title tells the deals of, for a row of a table of those deals that has no investor column
    (公司｜轮次｜金额｜时间 under 一个月连投4笔，X押注…): the title's one company right before the spree's words."""
    zones = table_zones(ctx.text, start, end)  # (no bar in the clause, no table: the common case, at once)
    title = title_end(ctx.text) if zones else 0
    if not title or start < title or any(role in ("investor", "lead") for role, _, _ in zones):
        return None
    firms = [e for e in ctx.within(0, title, "COMPANY") if _SPREE.search(ctx.text, e.end, min(title, e.end + 10))]
    return firms[0] if len(firms) == 1 else None


_CHANGED_FROM = re.compile(r"\s?(?:一路|大幅)?(?:跌|降|下滑|下跌|下降|缩水|滑落|跌落|涨|升|增|飙升|上涨|攀升|增长|提升|暴涨|暴跌"
                           r"|砍|削|缩|减|调减|下调|上调|调增|追加)(?:到|至)")


def _who_pays(reader, start: int, before: int) -> Entity | None:
    """The company named last before the sum (or its 拟) puts the money in; in a notice, 公司 speaking of itself
    (公司以自有资金3,000万元参与X的A+轮, 公司拟以…认购标的公司新增注册资本) is its issuer."""
    named = next(iter(reversed(reader.ctx.within(start, before, "COMPANY"))), None)
    if named is None and reader.issuer is not None and PRONOUN.search(reader.ctx.text, start, before):
        return reader.issuer[0]
    return named


# 以增资扩股方式引进两家战略投资者, 引入国投创业作为战略股东: money from investors brought in as strategic ones is a
# strategic round; only a kind (strategic_kind), the round of an event that names none, never one that tells
# the event apart (elsewhere 战略投资者 only says who an investor is: no ROUND)
_BRINGS_IN_STRATEGIC = re.compile(r"(?:引入|引进)[^,，。；;]{0,30}?(?P<round>战略投资者|战略投资人|战略股东|战投|策略性?投资者)")


def propose_args(reader, view, triggers) -> list[Proposal]:
    """Amount, valuation, round, round count, investors and date of one clause."""
    ctx, clause = reader.ctx, view.clause
    start, end = clause.start, clause.end
    text = ctx.text[start:end]
    out: list[Proposal] = []

    def add(role, entity=None, value=None, owner=None):
        out.append(Proposal(clause.index, NAME, role, entity, value=value, owner=owner))

    _respective_values(ctx, view, add)  # first: a single-valued role keeps the first proposal
    latest = bool(_LATEST.search(text))
    # 以投前估值19亿元为定价基础，对应投后估值25亿元: the post-money valuation, where both are told
    post_money = next((m for m in ctx.within(start, end, "MONEY")
                       if ctx.text.find("投后", max(start, m.start - 6), m.start) >= 0), None) \
        if ctx.text.find("投后", start, end) >= 0 else None
    for money in ctx.within(start, end, "MONEY"):
        if (money.value or {}).get("per_share") or _CHANGED_FROM.match(ctx.text, money.end) \
                and ctx.text[max(start, money.start - 2) : money.start].endswith("从"):
            continue  # 估值从30亿美元跌到12亿美元, 募资从15亿元砍到9.42亿元: the figure it changed from is no figure of the deal
        if ctx.cue_near(money, "valuation", start, end):
            if post_money is None or money is post_money:
                add("valuation", money)
        elif _ALLOTTED.search(ctx.text, max(start, money.start - 12), money.start) \
                or _listed_part(ctx, money, start, end) or _EACH_PAYS.search(ctx.text, max(start, money.start - 40), money.start):
            add("investor_part", value=money)  # X获配金额最高，约2.6亿元: what one subscriber was allotted
        elif _ONE_MORE_PAYS.search(ctx.text, max(start, money.start - 30), money.start):
            add("amount", money)  # 除A外，B也将出资5,000万元: one more investor's part, of a round told nearby
            add("investor_part", value=money)
        elif not ctx.cue_near(money, "amount_not", start, end) \
                and not cues("amount_use", "before").search(ctx.near_before(money, start, 10)):
            add("amount", money)
    rounds = ctx.rounds_told(start, end)
    specific = [r for r in rounds if (r.value or {}).get("name") not in ("new", "latest", None)]
    # 由X独家战略投资的B轮融资: the lettered round names it, 战略投资 only says who put money in
    specific.sort(key=lambda r: (r.value or {}).get("name") == "strategic")
    if specific or rounds:
        add("round", (specific or rounds)[0])
    elif brought_in := _BRINGS_IN_STRATEGIC.search(ctx.text, start, end):
        add("strategic_kind", Entity("ROUND", brought_in.start("round"), brought_in.end("round"), brought_in["round"],
                                     {"name": "strategic"}))
    m = _ROUND_COUNT.search(text)
    # 以及去年10月由X领投的A轮，该公司在不到一年里完成了三轮融资: a count told after the lettered round's comma
    # segment sums up the rounds told; it does not make that round a total (完成两轮融资：A轮… still counts its list)
    if m and specific and start + m.start() >= segment_end(ctx.text, specific[0].end, end):
        m = None
    # 此前已完成四轮融资，其中2024年3月的C轮为8亿元: the lettered round is one of those counted before, not their total
    among = bool(m and specific and "其中" in ctx.text[start + m.end():specific[0].start])
    if among:
        m = None
    count = int(parse_number(m.group(1)) or 0) if m and not latest else None
    if count and count > 1:  # 数亿元的一轮融资 is "a round", no count
        add("rounds_count", value=count)
    # 完成1.2亿元Pre-A+轮募资，…，累计募资金额达2亿元: the sum to date is told beside the round's own sum
    amount = next((p.entity for p in out if p.role == "amount" and p.owner is None), None)
    seg = start if amount is None else trig.segment_start(ctx.text, amount.start, start)
    told = text if amount is None else ctx.text[seg:segment_end(ctx.text, amount.end, end)]
    # 完成B轮募资，总额新台币6亿元, 已完成C轮融资，融资总额超过1亿美元: a 总额 that opens the segment after the
    # round's is that round's size
    cumulative = _CUMULATIVE.search(told)
    if view.list_item:  # 先后获得X的种子轮、Y领投的A轮, 已完成两轮融资，分别为…: the words that count the list add up no rounds
        cumulative = next((m for m in _CUMULATIVE.finditer(told) if m.group() != "先后"), None)
        count = None
    if cumulative and cumulative.group() in _SUMS and MORE_MONEY.search(told):
        cumulative = None  # 额外获得共计1.5亿美元的新投资: the sum of this new money
    # 引入A、B和C三家战略投资者，合计募集资金8.6亿元, 获得A、B合计12亿元投资: a sum right after the deal's investors
    # adds up their parts
    if cumulative and cumulative.group() in _SUMS and view.investors \
            and (_AFTER_INVESTORS.search(ctx.text, max(start, seg + cumulative.start() - 12), seg + cumulative.start())
                 or any(e.end == seg + cumulative.start() for e in view.investors)):
        cumulative = None
    if cumulative and cumulative.group() == "总额" and _ROUND_JUST_BEFORE.search(ctx.text, max(start, seg - 12), seg) \
            and told[:cumulative.start()].strip(" ,，") in ("", "融资", "募资", "集资"):
        cumulative = None
    # B轮资金已经到账，共计1.8亿元: the sum of the money that arrived is this round's
    if cumulative and cumulative.group() in _SUMS and not told[:cumulative.start()].strip(" ,，") \
            and _ARRIVED_JUST_BEFORE.search(ctx.text, max(start, seg - 8), seg):
        cumulative = None
    # 向工商银行、招商银行申请合计不超过18亿元的综合授信, 签订总额35亿港元的银团贷款协议: a loan or a bond has no rounds
    # to add up; its 合计 (总额) sums the lenders or tranches of this one facility (累计发行债券4期，合计融资规模34亿元 still adds up)
    if cumulative and cumulative.group() in _FACILITY_SUMS and any(t.stage == "debt" for t in triggers) \
            and all(m.group() in _FACILITY_SUMS for m in _CUMULATIVE.finditer(text)):
        cumulative = None
    # (本轮 elsewhere in the clause, 此前累计融资已超过10亿元，本轮资金将用于…, does not make the sum this round's)
    add("cumulative", value=not (latest and _LATEST.search(told)) and bool(cumulative or (count or 0) > 1))
    if (among or _PREVIOUS_ROUND.search(text)) and ctx.within(start, end, "DATE"):
        add("previous", value=True)  # 公司上一次融资在2024年8月，那一轮拿了1.5亿元: the round before this one
    if any(t.stage == "attach" and _ROUND_SIZE.search(ctx.text, t.start, t.end) for t in triggers):
        add("round_total", value=True)  # 本轮融资总额为3亿元: the size of the round told before
    decision = next((d for d in (_decided(ctx, t, clause) for t in triggers if t.modal) if d is not None), None)
    if decision is None:
        if amount is not None and _investor_pays(ctx, view, amount):
            add("investor_part", value=amount)  # X以2,000万元参与增资: one investor's part
            # X披露，公司拟以2亿元取得Y新增注册资本，领投后者3.5亿元B轮融资: the round's own size is the amount,
            # and the payer, named before the sum (or speaking of itself as 公司), invests
            if any(p.role == "amount" and p.entity.start > amount.end and _ROUND_NAMED_AFTER.match(ctx.text, p.entity.end)
                   for p in out):
                out[:] = [p for p in out if not (p.role == "amount" and p.entity is amount)]
            payer = _who_pays(reader, start, amount.start)
            if payer is not None and not view.investors:  # (never the company's own: the assembler sees to that)
                add("investors", payer)
                pays = _PAYS_AFTER.match(ctx.text, amount.end)
                if pays and "领投" in pays.group():
                    add("lead_investors", payer)  # 公司以1.5亿元领投X的A轮融资: the payer leads
    else:  # 拟以6000万元认购…: the investor's part of a round, maybe told beside it
        decided_at, part = decision
        add("investor_part", value=part)
        decider = _who_pays(reader, start, decided_at)  # X公告，公司拟以…: the name that decides, before its 拟
        if decider is not None and not view.investors:
            add("investors", decider)
    for t in triggers:  # X与Y订立认购协议，以…认购其新股: X, named before, subscribes (where no other investor is named)
        issuer = subscribed_issuer(ctx, start, t.start)
        if issuer is None or any(not ctx.same_party(e, issuer) for e in view.investors):
            continue
        buyer = next((e for e in reversed(ctx.within(start, t.start, "COMPANY")) if not ctx.same_party(e, issuer)), None)
        if buyer is not None:
            add("investors", buyer)
    if not view.investors and (spree := _spree_investor(ctx, start, end)) is not None:
        add("investors", spree)  # 枢岚资本一个月连投4笔 above 公司｜轮次｜金额｜时间: each row is one of its deals
    for ent in view.investors:  # a regulator (ORG: 证监会, 发改委) approves, it never invests
        if ent.label != "ORG":
            add("investors", ent)
    for ent in view.leads:
        if ent.label != "ORG":
            add("lead_investors", ent)
    live = _by_substance(ctx, [t for t in triggers if not t.negated], start, end)
    named = next((t.stage for t in triggers if t.stage in INSTRUMENT_TRIGGERS), None)
    kind = named or instrument(ctx.text, live[0].start, start, end)
    add("instrument", value=kind)
    # a phrase that opens in a tag (【超短融】X：第三期超短期融资券已于8月20日发行完毕): the segment where it ends too
    # (a headline's other statement, 同赛道Y上月刚拿下B+轮, dates its own deal, not this one)
    lo, hi = reader.statement_of(live[0].start, clause)
    date = next((d for d in (reader.date_for(p, clause, closing=kind == "equity") for t in live if lo <= t.start < hi
                             for p in (t.start, t.end - 1)) if d is not None), None)
    if view.list_item and specific:  # a round of a list: the date told with it (先后获得X的种子轮（2020年）、Y的A轮（2022年）)
        first = trig.segment_start(ctx.text, specific[0].start, start)
        date = reader.told_within(first, end) or (date if first == start or not _LIST_AFTER.match(ctx.text, start) else None)
    if date is not None and not (kind == "equity" and not ctx.reference_inferred and _after(date, ctx.reference)
                                 and not any(t.modal for t in live)):
        add("date", date)
    return out


_LIST_AFTER = re.compile(r"\s?(?:、|[,，]?\s?(?:以及|及|和|与))")  # a list's later item opens on its joiner


def _after(date, reference) -> bool:
    """完成A轮 明年进军泰越: a relative date after the article's, which a round done cannot have (a plan may; a
    bond's subscription day may lie ahead). Never a date that gives its year."""
    start = (date.value or {}).get("start")
    return reference is not None and start is not None and not _YEAR.search(date.text) and start > reference.isoformat()


_YEAR = re.compile(r"\d{4}|[〇零一二三四五六七八九]{4}")


def _by_substance(ctx: Context, triggers: list, start: int, end: int) -> list:
    """The triggers whose comma segment names a round or an amount first (面壁智能一共公开过四次融资信息，
    …，2023年4月，面壁智能完成天使轮融资: the second dates the round)."""
    def substance(t) -> bool:
        return bool(ctx.within(*_segment(ctx.text, t.start, start, end), "ROUND", "MONEY"))
    return sorted(triggers, key=lambda t: not substance(t))


# --- merging ---------------------------------------------------------------------------

def _round(c: Candidate):
    r = c.args.get("round")
    return (r.value or {}).get("name") if r is not None else None


def _amount(c: Candidate):
    """The figure of the amount; a vague one (数亿元: only an order of magnitude) is none."""
    m = c.args.get("amount")
    if m is None or not m.value or m.value.get("value") is None or m.value.get("vague"):
        return None
    return m.value["value"], m.value.get("currency")


def _order(c: Candidate):
    """The bounds a vague amount gives (数千万元: 1e7–9e7; 上亿元: 1e8 and up) and its currency; None otherwise."""
    m = c.args.get("amount")
    if m is None or not m.value or not m.value.get("vague") or m.value.get("value") is None:
        return None
    return m.value["value"], m.value.get("value_max"), m.value.get("currency")


def _beyond_order(vague: Candidate, exact: Candidate) -> bool:
    """数千万元的A轮 beside 3亿元: an exact figure outside the order of magnitude told of the other is another round."""
    bounds, figure = _order(vague), _amount(exact)
    if bounds is None or figure is None or bounds[2] != figure[1]:
        return False
    low, high, _ = bounds
    return figure[0] < low or (high is not None and figure[0] > high * 1.1)


def same_number(a, b) -> bool:
    """The same figure, or a headline's round figure for the text's exact one (7亿元定增 … 7.2亿元)."""
    if a is None or b is None:
        return True
    if a[1] != b[1]:
        return False
    low, high = sorted((abs(a[0]), abs(b[0])))
    return high - low <= 0.01 * high or (_round_figure(low) and high - low <= 0.05 * high)


def _round_figure(value: float) -> bool:
    """7亿, 3000万: one significant digit."""
    return value >= 1 and value % 10 ** (len(str(int(value))) - 1) == 0


def _part(c: Candidate) -> bool:
    """The amount is an investor's part of the round (拟以6000万元认购…), not the round's size."""
    return c.args.get("amount") is not None and c.args.get("investor_part") is c.args.get("amount")


def _calls_placement_strategic(a: Candidate, b: Candidate) -> bool:
    """X拟以5亿元认购Y定增 … 本次认购属于产业链战略投资: the word alone (no figure, date or investor) names the placement
    told beside it."""
    return a.args.get("instrument") == "placement" and b.args.get("instrument") == "equity" \
        and _round(b) in (*_WILDCARD_ROUNDS, "strategic") and _amount(b) is None and b.args.get("date") is None \
        and not b.args.get("investors") and a.args.get("cumulative") == b.args.get("cumulative")


def _thin(c: Candidate) -> bool:
    """A mention with nothing of its own: no named round, no figure, no date, no investor
    (星河医疗此前获得数亿美元融资): it tells again an event told elsewhere."""
    return _bare(c) and not c.args.get("investors")


def _bare(c: Candidate) -> bool:
    """No named round, no figure, no date."""
    return _round(c) in _WILDCARD_ROUNDS and _amount(c) is None and c.args.get("date") is None


def compatible(a: Candidate, b: Candidate) -> bool:
    if _two_instruments(a, b):
        return False
    # a mention with nothing of its own tells the other again; 星河智能完成B轮融资… 跟投方包括X、Y: a list of
    # investors alone completes the round told earlier that named none
    if a.args.get("cumulative") == b.args.get("cumulative") and a.args.get("instrument") == b.args.get("instrument") \
            and (_thin(a) or _thin(b) or (_bare(b) and not a.args.get("investors"))):
        return True
    if _calls_placement_strategic(a, b) or _calls_placement_strategic(b, a):
        return True
    if _contradict(a, b):
        return False
    if _earlier_named_round(a, b) or _earlier_named_round(b, a):
        return False
    ra, rb = _round(a), _round(b)
    # two candidates with nothing in common are two events; a listed company's placement told in its headline
    # with the sum and in its body without it is one
    return (ra is not None and ra == rb) or (_amount(a) is not None and _amount(b) is not None) \
        or a.args.get("instrument") == "placement" == b.args.get("instrument") \
        or _shared_investor(a.args.get("investors", []), b.args.get("investors", []),
                            by_name=not (a.args.get("attach") or b.args.get("attach"))) \
        or (any(y + d in a.sentences for y in b.sentences for d in _reach(b)) and not _history_after_news(a, b))


def _earlier_named_round(a: Candidate, b: Candidate) -> bool:
    """公司拟以3000万元认购X新增注册资本 … 2023年，Y参与了X的天使轮: a named round told with a year of its own only
    (no month) is an earlier round, not the name of a deal told with a sum and no date (b completes no a); nor of a
    strategic investment told so (拟以6000万元对X进行战略投资 … X于2024年完成由Y领投的A轮融资)."""
    date = b.args.get("date")
    return _round(a) in (*_WILDCARD_ROUNDS, "strategic") and a.args.get("date") is None and _amount(a) is not None \
        and _round(b) not in _WILDCARD_ROUNDS and date is not None and bool(date.value) \
        and date.value["granularity"] == "year" and bool(_YEAR.search(date.text))


def _reach(b: Candidate) -> range:
    """How many sentences apart two candidates may tell one round: one, or two for a list of investors alone
    (- 领投：X / - 跟投：Y、Z, a bullet a line)."""
    return range(-2, 3) if _bare(b) and b.args.get("investors") else range(-1, 2)


def _history_after_news(a: Candidate, b: Candidate) -> bool:
    """面壁智能这轮融资由X联合投资。…2023年4月，面壁智能完成天使轮融资 / 2024年4月，完成数亿元的一轮融资: a
    round told with its month and its name or sum, after a round told by its investors alone, is an earlier
    round, not the same one told again."""
    date = b.args.get("date")
    return _bare(a) and date is not None and bool(date.value) and date.value["granularity"] in ("day", "month") \
        and (_round(b) not in _WILDCARD_ROUNDS or b.args.get("amount") is not None)


def told_again(headline: Candidate, body: Candidate) -> bool:
    """The body's first telling of the company's round tells the headline's again, unless they contradict
    (晶澈材料获战略入股 …; 三岛化学以约2.2亿元认购晶澈材料新增注册资本: one deal)."""
    return not _two_instruments(headline, body) and not _contradict(headline, body)


def _two_instruments(a: Candidate, b: Candidate) -> bool:
    """A bond beside new shares or a round is two deals; a bare mention of 融资 near a bond is the bond, and so is a
    private placement told in the bond's own sentence (签订证券购买协议，以私募方式发行…可转换票据)."""
    other = b if a.args.get("instrument") == "debt" else a
    return "debt" in (a.args.get("instrument"), b.args.get("instrument")) and other.args.get("instrument") != "debt" \
        and not (_thin(other) and other.args.get("instrument") == "equity") \
        and not (other.args.get("instrument") == "placement" and a.sentences & b.sentences)


def _contradict(a: Candidate, b: Candidate) -> bool:
    """Two rounds told with different names, sums, counts or months."""
    # 拟以2亿元战略投资X … 这笔钱是X C轮的一部分: an investor's part, told as a strategic investment, of a named round
    part_of = (_part(a) or _part(b)) and "strategic" in (_round(a), _round(b))
    return (_two_rounds(a, b) and not part_of) \
        or a.args.get("cumulative") != b.args.get("cumulative") \
        or bool(a.args.get("previous")) != bool(b.args.get("previous")) \
        or bool(a.args.get("rounds_count") and b.args.get("rounds_count")
                and a.args["rounds_count"] != b.args["rounds_count"]) \
        or not (same_number(_amount(a), _amount(b)) or _bound_keeps(a, b) or _bound_keeps(b, a) or _part(a) or _part(b)) \
        or (not (_part(a) or _part(b)) and (_beyond_order(a, b) or _beyond_order(b, a))) \
        or _part_exceeds(a, b) or _part_exceeds(b, a) \
        or (_months_apart(a.args.get("date"), b.args.get("date")) and not _steps_of_one_placement(a, b)
            and not _signed_then_closed(a, b)) \
        or _plan_and_past_year(a, b) or _plan_and_past_year(b, a)


def _signed_then_closed(a: Candidate, b: Candidate) -> bool:
    """9月12日签署B轮增资协议 beside 10月9日完成B轮工商变更: one named round's days (signed, paid, registered) lie
    weeks apart, not a year."""
    ra, da, db = _round(a), a.args.get("date"), b.args.get("date")
    if ra in _WILDCARD_ROUNDS or ra != _round(b) or not (da and da.value and db and db.value):
        return False
    first, last = sorted(datetime.date.fromisoformat(d.value["start"][:10]) for d in (da, db))
    return "day" == da.value["granularity"] == db.value["granularity"] and (last - first).days <= 62


def _steps_of_one_placement(a: Candidate, b: Candidate) -> bool:
    """定增从去年11月发布预案至今 beside 6月11日审核通过: a placement's steps take months; one of them without a sum
    tells the same issue (a past placement with its sum stays one of its own)."""
    return a.args.get("instrument") == "placement" == b.args.get("instrument") \
        and (_amount(a) is None or _amount(b) is None)


def _bound_keeps(bound: Candidate, other: Candidate) -> bool:
    """超过新台币10亿元 beside 新台币12亿元: a sum told only as a bound the other's figure lies within."""
    m, told, figure = bound.args.get("amount"), _amount(bound), _amount(other)
    qualifier = m.value.get("qualifier") if m is not None and m.value else None
    if figure is None or told is None or qualifier not in ("over", "at_least", "at_most", "under") or figure[1] != told[1]:
        return False
    return figure[0] >= m.value["value"] if qualifier in ("over", "at_least") else figure[0] <= m.value["value"]


def _part_exceeds(part: Candidate, whole: Candidate) -> bool:
    """拟对X增资5亿元 beside X's 3亿元 C轮: an investor's part is never more than the named round it is part of."""
    a, b = _amount(part), _amount(whole)
    return _part(part) and not _part(whole) and (_round(whole) not in _WILDCARD_ROUNDS or bool(whole.args.get("round_total"))) \
        and a is not None and b is not None and a[1] == b[1] and not same_number(a, b) and a[0] > b[0]


def _two_rounds(a: Candidate, b: Candidate) -> bool:
    """Rounds told with two different names (A轮, B1轮; not 本轮 or none)."""
    ra, rb = _round(a), _round(b)
    return ra not in _WILDCARD_ROUNDS and rb not in _WILDCARD_ROUNDS and ra != rb


def _shared_investor(a: list, b: list, by_name: bool) -> bool:
    """One investor in both lists: the same mention or, by_name, the same name or a short name
    inside a legal one (星鲸网络, 上海星鲸网络科技有限公司; not 腾讯 and 腾讯集团, two parties). A clause
    that only adds arguments (投资方…) joins by the mention alone: it completes the event told nearby."""
    def same(x, y) -> bool:
        short, long = sorted((x.text, y.text), key=len)
        return short == long or (len(short) >= 3 and short in long and long.endswith("公司"))
    return any(x is y or (by_name and same(x, y)) for x in a for y in b)


def _months_apart(a, b) -> bool:
    """2023年4月 … 2024年4月, 2021年 … 今年3月, 2023年 … 今日: two rounds, not one told twice (years written out,
    this year, or a day: 明年 in 明年進軍泰越 dates a plan, not the round)."""
    if a is None or b is None or not a.value or not b.value:
        return False
    if a.value["start"][:4] != b.value["start"][:4] and _told_year(a) and _told_year(b):
        return True
    return a.value["start"][:7] != b.value["start"][:7] and a.value["granularity"] in ("day", "month") \
        and b.value["granularity"] in ("day", "month")


def _plan_and_past_year(plan: Candidate, other: Candidate) -> bool:
    """拟定增募资不超8亿元 … 2022年，公司曾定增募资5.6亿元: a deal told as a plan, and one done in a year told
    by its number alone, are two deals, whatever their sums."""
    date = other.args.get("date")
    return any(t.modal for t in plan.triggers) and not any(t.modal for t in other.triggers) \
        and plan.args.get("date") is None and date is not None and bool(date.value) \
        and date.value["granularity"] == "year" and bool(_YEAR.search(date.text))


_RELATIVE_YEAR = re.compile(r"今年|本年")  # (not 去年, often another clause's date, nor 明年: see above)


def _told_year(date) -> bool:
    return bool(_YEAR.search(date.text) or _RELATIVE_YEAR.search(date.text)) or date.value["granularity"] == "day"


def attach_conflicts(ev: Candidate, cand: Candidate) -> bool:
    """An attach clause (估值…, 投资方为…) with another amount completes no event, unless it gives the round's
    size (本轮融资总额为3亿元) where the event told an investor's part (公司将出资1.2亿元参与B轮融资)."""
    a, b = _amount(ev), _amount(cand)
    # 2023年的A轮中，联想创投是唯一的机构投资方 completes no B1 round told before it, nor does a named round a total
    # over rounds (连续完成两轮融资：…；A+轮1.5亿元)
    return bool(a and b and not same_number(a, b) and not cand.args.get("round_total")) \
        or _beyond_order(ev, cand) or _beyond_order(cand, ev) or _two_rounds(ev, cand) \
        or (bool(ev.args.get("cumulative")) and _round(cand) not in _WILDCARD_ROUNDS) \
        or _months_apart(ev.args.get("date"), cand.args.get("date")) or _earlier_named_round(ev, cand)


def told_alone(cand: Candidate, told: list[Candidate]) -> bool:
    """A clause that adds arguments tells a round of its own when it gives the round's size (本轮融资总额为3亿元)
    or names a round with its date (2023年的A轮中，联想创投是唯一的机构投资方); or, of a company whose other
    round the text told (told: its events so far), names a round with its own sum (连续完成两轮融资：A轮…；
    A+轮1.5亿元，由X独家投资; not 战略投资方为X, which only says who put money in), or names a round with its sum and its
    investors (这是我们的B轮，金额1.8亿元，领投方是Y)."""
    named = _round(cand) not in _WILDCARD_ROUNDS
    # (曾与团队接触过战略投资，但…对估值的理解差距太大: a strategic investment told with a date alone is no round)
    dated = cand.args.get("date") is not None and (_round(cand) != "strategic" or bool(cand.args.get("investors"))
                                                   or _amount(cand) is not None)
    return bool(cand.args.get("round_total")) or (named and dated) \
        or ((bool(told) or bool(cand.args.get("investors"))) and named and _round(cand) != "strategic"
            and _amount(cand) is not None)


def may_tell_alone(text: str) -> bool:
    """Could a clause that only adds arguments tell a round alone somewhere in this text (`told_alone`)? Only
    where a round's size is told or a round is named."""
    return bool(_ROUND_SIZE.search(text)) or any(r["name"] not in _WILDCARD_ROUNDS for _, _, r in find_rounds(text))


def prefer(key: str, have: Candidate, new: Candidate) -> bool:
    """A named round replaces 新一轮 / 本轮 / 战略投资 when merging, the exact figure a headline's round one or an
    order of magnitude (数亿元), the round's size (本轮融资总额为3亿元) an investor's part (拟以2亿元认购…), a date
    inside the other's span a coarser one (去年B轮 … 2024年3月，B轮: the month)."""
    if key == "date":
        return finer_within(new.args.get(key), have.args.get(key))
    if key == "instrument":
        return new.args.get(key) == "debt"  # (notes sold by private placement: the notes are the deal)
    if key == "amount":
        a, b = _amount(have), _amount(new)
        if a is None and b is not None and _order(have) is not None:
            return True  # 数亿元的B轮 … 本轮融资金额为3亿元: the exact figure
        return a is not None and b is not None and (bool(new.args.get("round_total")) or
                                                    (_part(have) and not _part(new)) or
                                                    (_round_figure(a[0]) and not _round_figure(b[0])))
    # 战略投资 only says who put money in: the lettered round of the same deal names it
    named = lambda c: _round(c) not in _WILDCARD_ROUNDS and _round(c) != "strategic"  # noqa: E731
    return key == "round" and not named(have) and named(new)


def substantial(ev: Candidate, negated_elsewhere: frozenset, invests_elsewhere: bool) -> bool:
    """Something beyond the word: a figure, a round, investors; or a placement or bond issue
    told as done or under way (向特定对象发行股票预案, 完成发行公司债券), whose figures often come a
    sentence later (筹划定增 alone is no event), unless the company invests in another event of the text
    (X向Y定增 … Y通过定增取得控股权: Y subscribes)."""
    a = ev.args
    named = any(t.stage in INSTRUMENT_TRIGGERS and not t.negated and not t.modal for t in ev.triggers) \
        and not invests_elsewhere
    # (新一轮 names no round: 新一轮融资将用于… alone tells none)
    told = named or _round(ev) not in _WILDCARD_ROUNDS or any(a.get(k) for k in ("amount", "investors", "valuation"))
    return told and not (negated_elsewhere and not a.get("amount")) and not _FUND.search(ev.company.text)


def redundant(ev: Candidate, others: list[Candidate]) -> bool:
    """A total over rounds (累计融资超125亿元) is no event of its own when the text tells a
    round of that company: it stays only when it is all the text says of its funding."""
    return bool(ev.args.get("cumulative")) and any(o is not ev and not o.args.get("cumulative") for o in others)


def event_dates(ev: Candidate) -> list:
    return [ev.args.get("date")]


# --- the record ------------------------------------------------------------------------

def record(ctx: Context, ev: Candidate, mention: rec.Mention, sources: rec.Sources) -> dict:
    a = ev.args
    # (a placement's strategic subscribers, or its 战略投资 told apart, give it no round: placements carry none)
    rnd = a.get("round") or (a.get("strategic_kind") if a.get("instrument") in (None, "equity") else None)
    if rnd is not None and a.get("instrument") == "placement" and (rnd.value or {}).get("name") == "strategic":
        rnd = None

    def src(field, ent, value):
        return rec.source(sources, field, ent, value)

    return {
        "company": src("company", ev.company, rec.party(ctx, ev.company, mention)),
        "instrument": a.get("instrument") or "equity",
        "historical": bool(a.get("historical")),
        "round": src("round", rnd, {"name": rnd.value.get("name"), **mention(rnd)}
                     if rnd is not None and rnd.value else None),
        "amount": src("amount", a.get("amount"), rec.money(a.get("amount"), mention)),
        "investors": rec.parties(ctx, "investors", a.get("investors", []), mention, sources),
        "lead_investors": rec.parties(ctx, "lead_investors", a.get("lead_investors", []), mention, sources),
        "valuation": src("valuation", a.get("valuation"), rec.money(a.get("valuation"), mention)),
        "date": src("date", a.get("date"), rec.date(a.get("date"), mention)),
        "cumulative": bool(a.get("cumulative")),
        "rounds_count": a.get("rounds_count"),
    }


def scorer_tags(ev: Candidate) -> list[str]:
    return []


def duee_extra(event: dict) -> list[tuple[str, str]]:
    return []


# 大众将通过增发的方式获得国轩高科30%股份…成为第一大股东, X拟参与定增获取公司控制权: shares bought to take control
_TAKES_CONTROL = re.compile(r"收购|并购|控制权|成为(?:公司|其|该公司)?(?:的)?(?:第一大股东|控股股东|实际控制人)")


def duee_exported(event: dict) -> bool:
    """DuEE-Fin files new shares bought to take control (its evidence tells an acquisition or a change of control)
    under 企业收购, not 企业融资: such a round or placement stays a zhfin funding event and leaves the DuEE-Fin export."""
    return not (event.get("instrument") in ("equity", "placement")
                and any(_TAKES_CONTROL.search(e.get("text") or "") for e in event.get("evidence") or []))
