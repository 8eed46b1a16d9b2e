"""Listing: a company goes public or takes a step on the way (DuEE-Fin 公司上市).

One listing per company per document: candidates of the same company always
merge; the stage is the furthest one reported as fact, and each stage reached
becomes a milestone."""
from __future__ import annotations

import datetime as dt
import re

from ...entities import values
from ...entities.span import Entity
from .. import record as rec
from .. import stage_model
from .. import triggers as trig
from ..candidate import Candidate, Proposal, Step
from ..clauses import segment_end
from ..when import finer_within
from ..context import BREADCRUMBS, ENUMERATION, TICKER_OPENS, Context, cues, name_lists, title_end
from ...text.columns import BAR, header_label

NAME = "listing"
DUEE_TYPE = "公司上市"
DUEE_ROLES = {"company": "上市公司", "ticker": "证券代码", "offer_price": "发行价格", "market_cap": "市值",
              "proceeds": "募资金额", "listing_date": "事件时间", "date": "事件时间", "date_vague": "事件时间",
              "disclosed": "披露时间"}
SCORED = ("company", "ticker", "offer_price", "proceeds", "market_cap", "date", "listing_date",
          "date_vague", "disclosed")
LIST_ROLES = ("stages",)
# a ticker or a price belongs to one company: when a clause lists several, none gets them
OWN_VALUES = ("ticker", "offer_price", "shares_offered", "proceeds", "market_cap")
NEWS_DAYS = 365  # 2001年贵州茅台登陆A股 in a 2025 article is told as history …
KEEP_HISTORY = True  # … and reported with historical: true (DuEE-Fin counts it)
DUEE_HISTORY = True  # and DuEE-Fin annotates it, as it does the listing of the news

# Later stages win; a withdrawal is the cause of the termination that follows it.
STAGE_ORDER = ("planned", "filed", "hearing_passed", "registered", "subscription", "priced", "listed",
               "suspended", "terminated", "withdrawn")
STAGE_TO_DUEE = {
    "planned": "筹备上市", "filed": "筹备上市", "hearing_passed": "筹备上市", "registered": "筹备上市",
    "subscription": "筹备上市", "priced": "筹备上市", "listed": "正式上市",
    "suspended": "暂停上市", "terminated": "终止上市", "withdrawn": "终止上市",
}
_ENDED = ("terminated", "withdrawn")
# 再度受理, 重启IPO, 二次闯关, 转战创业板: a new attempt, so a termination told with it is history
_RESTART = re.compile(r"重启|再度|再次|重新(?:递交|提交|申报|递表)|卷土重来|第二次|二次(?:递表|闯关|冲击|申报|IPO)|二度|转战")
# 暂未透露是否会再次申报, 不会重新递表: a new attempt asked about or ruled out is none
_RESTART_ASKED = re.compile(r"(?:是否|能否|会否|会不会|有无|何时|不会|不再|暂无|暂不)(?:会|将|还|要)?$")
_H_SHARES = re.compile(r"H股(?:上市|发行|的?(?:上市|发行)?申请|招股)")
# a listing told with one of these is not (only) in Hong Kong, whatever the press
_ELSEWHERE = re.compile(r"A股|美股|赴美|美国|新加坡|台湾|伦敦|东京|[沪深]市")
_SENTENCE_ENDS = "。；;！!？?\n"


# --- rules: which companies, which arguments ----------------------------------------------

def usable(ctx: Context, clause, triggers: list) -> list:
    """No listing in a clause about a product launch (新车上市) or a trading rule,
    unless an exchange or a ticker is named; none in a clause about a listed company's
    new shares (定增, 配股) or naming no company right after one (…向特定对象发行股票。
    本次发行价格为…), none for a bond that lists (可转债上市) or is subscribed (可转债…网上申购)."""
    text, start, end = ctx.text, clause.start, clause.end
    if trig.context_pattern("not_listing").search(text, start, end) and not ctx.within(start, end, "EXCHANGE", "TICKER"):
        return []
    before = ctx.clauses[clause.index - 1].start if clause.index and not ctx.within(start, end, "COMPANY") else start
    placement = list(trig.context_pattern("placement").finditer(text, before, end))
    if placement:
        # 暂时不会配股集资: no new shares told (an issue withdrawn or ended, 终止定增, still tells a placement)
        denied = [t for t in clause.triggers if t.event == "funding" and t.negated and not t.ended]
        if any(not any(t.start < m.end() and m.start() < t.end for t in denied) for m in placement):
            # 拟IPO企业X首发获通过，上市公司Y定增同样获得通过: a step whose own segment names a first offering and no
            # new shares is not the placement's
            triggers = [t for t in triggers if _first_offering_told(text, t, start, end, placement)]
            if not triggers:
                return []
    if ctx.tells_placement:
        # 此前，X已于10月获得深交所受理，11月获证监会同意注册, 发行价格为10.36元/股: in a story of a listed company's
        # new shares, a review step or a price that names no IPO is the placement's
        sentence = ctx.sentence_of(start)
        triggers = [t for t in triggers if t.stage not in (*_REVIEW_STEPS, "priced") or _IPO_WORDS.search(text, *sentence)]
    bond = trig.context_pattern("bond")
    # 发行12亿元可转换公司债券…网上申购: the bond's subscription (the clause searched only where one is told)
    bond_clause = any(t.stage == "subscription" for t in triggers) and bool(bond.search(text, start, end))
    out = []
    for t in triggers:
        if t.stage in ("subscription", "priced") and _offered_by_listed(ctx, t):
            continue
        if t.stage == "listed" and trig.context_pattern("listed_for").search(text, start, t.start):
            continue  # 上市约三星期的X昨日收报1.96元，较招股价仍低约两成: how long it has traded tells an old listing
        seg = trig.segment_start(text, t.start, start)
        before = trig.context_before(text, t.start, start)
        if not bond.search(text, seg, segment_end(text, t.end, end)) and not (bond_clause and t.stage == "subscription") \
                and not _NO_STEP.search(before) and not _UNNAMED_SPINOFF.search(text, seg, t.end) \
                and not _grey_market_price(text, t, start) \
                and not _bond_review(ctx, t, bond) and not (ctx.tells_placement and _NEW_SHARES.search(before)):
            out.append(t)
    return out


# 纳斯达克上市的X宣布以每股ADS 21.5美元公开发售600万股, 纳斯达克上市公司X…增发完成定价: shares offered by a company
# listed already (a follow-on, a holder's sale) take no listing step, unless the sentence tells an IPO or a second
# market (已在纳斯达克上市的X在港招股)
_LISTED_BEFORE = re.compile(r"(?<!今日)(?<!今天)(?<!刚刚)(?<!新近)(?:纳斯达克|纽交所|美股|港股|A股|港交所|联交所|上交所|深交所)(?:主板)?(?:上市|挂牌)(?:的|公司)")
_NEW_LISTING = re.compile(r"IPO|首发|首次公开发行|招股|二次上市|第二上市|双重(?:主要)?上市|回港|回A|介绍上市|登陆")


def _offered_by_listed(ctx: Context, t) -> bool:
    start, end = ctx.sentence_of(t.start)
    if not _LISTED_BEFORE.search(ctx.text, start, t.start) or _NEW_LISTING.search(ctx.text, start, end):
        return False
    return len({e.value.get("code") for e in ctx.within(start, end, "EXCHANGE") if e.value}) <= 1


# 发行的股票将在深交所主板上市交易, in a listed company's placement story: its new shares trade, nothing goes public
# (首次公开发行股票并在科创板上市的注册申请获同意: a first offering's shares are no placement's)
_NEW_SHARES = re.compile(r"(?:(?<!首次公开)发行|新增|认购)的?(?:A股)?(?:股票|股份|新股)[^,，。；;]{0,12}$")


_BOND_REVIEW_STEPS = ("filed", "hearing_passed", "registered", "suspended", "terminated", "withdrawn")


def _bond_review(ctx: Context, t, bond) -> bool:
    """撤回向不特定对象发行可转换公司债券的申请，上交所已于8月28日决定终止审核: a review step in a sentence about a bond's
    application that names no IPO is the bond's."""
    if t.stage not in _BOND_REVIEW_STEPS:
        return False
    sentence = ctx.sentence_of(t.start)
    return bool(bond.search(ctx.text, *sentence)) and not _IPO_WORDS.search(ctx.text, *sentence)


_REVIEW_STEPS = ("filed", "hearing_passed", "registered")


def _grey_market_price(text: str, t, floor: int) -> bool:
    """暗盘收报5.2元，较招股价升20%: a price compared with the offer price in the grey market, before the listing."""
    return t.stage == "listed" and text[t.start] in "较比" and "暗盘" in text[max(floor, t.start - 40) : t.start]


_IPO_WORDS = re.compile(r"IPO|上市|首发|首次公开发行|招股|挂牌|科创板|创业板|北交所|主板")
_FIRST_OFFERING = re.compile(r"IPO|首发|首次公开发行")


def _first_offering_told(text: str, t, start: int, end: int, placement: list[re.Match]) -> bool:
    seg, seg_end = trig.segment_start(text, t.start, start), segment_end(text, t.end, end)
    return bool(_FIRST_OFFERING.search(text, seg, seg_end)) and not any(seg < m.end() and m.start() < seg_end for m in placement)


# 星瑞股份欲登陆A股市场: a wish is no step, nor a plan the company announced; 汉砺科技虽已在科创板上市，但…: nor a
# listing conceded in passing, which describes the company
_NO_STEP = re.compile(r"欲|试图|想要|虽然|虽|尽管")
# 董事会审议通过分拆子公司至创业板上市的预案: the child that lists is not named here, the parent lists nothing
_UNNAMED_SPINOFF = re.compile(r"分拆(?:所属|旗下|控股|全资)?(?:子公司|附属公司)(?:至|到|在|于|赴)")


def _spun_off(ctx: Context, start: int, end: int):
    """In 京东拟分拆京东健康独立上市 the company that lists is the part spun off."""
    from ..discover import role_zones

    for role, zs, ze in role_zones(ctx.text, start, end):
        if role == "spinoff":
            names = ctx.within(zs, ze, "COMPANY")
            if names:
                return names[0]
    return None


def _listed_together(ctx: Context, subject, others, start: int, end: int) -> list:
    """上交所受理A、B、C科创板IPO申请: every company of the subject's list."""
    for group in name_lists(ctx, start, end):
        if subject in group:
            together = [e for e in group if e in others and e.label == "COMPANY"]
            return together if subject in together else [subject]
    return [subject]


# 分别为首日升1.3倍的A(01573),升92%的B(03626),及…C(01632), 两只新股今日挂牌：A(1234)…，B(5678)…:
# an enumeration of names with their codes
_ENUMERATION = re.compile(ENUMERATION + "|则有|[:：]")
_CODE_AFTER = re.compile(r"\s?\((?:\d{4,6})(?:\.[A-Z]{2})?\)")


def _enumerated(ctx: Context, subject, others, start: int, end: int) -> list:
    m = _ENUMERATION.search(ctx.text, start, end)
    if m is None or subject.start < m.end():
        return []
    coded = [e for e in others if e.start >= m.end() and e.label == "COMPANY" and _CODE_AFTER.match(ctx.text, e.end)]
    return coded if subject in coded and len(coded) > 1 else []


# 创业板新股A(301617)和北交所新股B(920198)同日挂牌: names with their codes joined by 和 (what each is may stand between)
_JOINED_AFTER_CODE = re.compile(r"\s?(?:和|与|及|以及|、)[^,，。；;()\d]{0,8}$")


def _joined_with_codes(ctx: Context, subject, others) -> list:
    if not _CODE_AFTER.match(ctx.text, subject.end):
        return []
    joined, last = [subject], subject
    for e in sorted((e for e in others if e.label == "COMPANY" and e.end <= subject.start), key=lambda e: -e.start):
        code = _CODE_AFTER.match(ctx.text, e.end)
        if code is None or not _JOINED_AFTER_CODE.match(ctx.text, code.end(), last.start):
            break
        joined.insert(0, e)
        last = e
    return joined if len(joined) > 1 else []


def companies(reader, view, subject, others):
    ctx, clause = reader.ctx, view.clause
    spun_off = _spun_off(ctx, clause.start, clause.end)
    if spun_off is not None:
        return [spun_off]
    return _enumerated(ctx, subject, others, clause.start, clause.end) \
        or _applicants(ctx, subject, others) \
        or _joined_with_codes(ctx, subject, others) \
        or _listed_together(ctx, subject, others, clause.start, clause.end)


# 同意A首次公开发行股票并在科创板上市、B首次公开发行股票并在创业板上市的注册申请: each name its application follows
# (and the board after it is that name's)
_APPLIES = re.compile(r"\s?(?:\([^()]{1,20}\))?(?:首次公开发行|首发|公开发行股票)")
_APPLIES_AT = re.compile(r"\s?(?:\([^()]{1,20}\))?(?:首次公开发行|首发|公开发行)(?:A股)?(?:股票)?并?(?:在|于|登陆)")


def _applicants(ctx: Context, subject, others) -> list:
    applicants = [e for e in others if e.label == "COMPANY" and _APPLIES.match(ctx.text, e.end)]
    parties = [e for i, e in enumerate(applicants) if not any(ctx.same_party(e, f) for f in applicants[:i])]
    return applicants if subject in applicants and len(parties) > 1 else []


# 冲刺创业板IPO获受理: words of effort describe the company; with a step taken they mark no plan
_EFFORT = re.compile(r"冲刺|推进|推动|启动|走向")
_TAKEN = ("filed", "hearing_passed", "registered", "subscription", "priced", "listed", "suspended")
# 将于周一申购, 将于本周四挂牌, 将于9月3日上市, 今日晚间X将在纳斯达克上市: a step scheduled for a day
_SCHEDULED = re.compile(r"于(?:(?:本|下|这)?(?:周|星期)[一二三四五六日天]|(?:\d{4}年)?\d{1,2}月\d{1,2}日|明日|明天|今日|今天|今晚)"
                        r"|(?:今日|今天|今晚|明日|明天)(?:晚间|晚上|早间|上午|下午)?(?=[^,，。；;]{0,16}?将)")


# 已聘请高盛和中金，筹备IPO, 聘请美银和瑞银安排香港IPO: banks hired for the listing make the plan a step taken
_BANKS_HIRED = re.compile(r"(?:聘请|委任|选定)了?[^,，。；;]{0,16}?(?:投行|投资银行|银行|券商|承销商|保荐人|保荐机构"
                          r"|(?:安排|筹备|负责|协助)[^,，。；;]{0,12}?(?:IPO|上市))")
# 获新融资并启动IPO: so does a listing launched, not one to be launched (将择机启动上市工作, 争取启动上市辅导)
_LAUNCHED = re.compile(r"启动(?:了)?(?:A股|港股|美股)?(?:IPO|上市)")


def _plan_told(ctx: Context, start: int, end: int) -> bool:
    if _BANKS_HIRED.search(ctx.text, start, end):
        return True
    return any(not trig.modal_before(trig.context_before(ctx.text, m.start(), start))
               for m in _LAUNCHED.finditer(ctx.text, start, end))


def _effort_only(ctx: Context, t: trig.Trigger) -> bool:
    before = _EFFORT.sub("", ctx.text[trig.segment_start(ctx.text, t.start, 0) : t.start])
    return t.stage in _TAKEN and not trig.context_pattern("modal").search(before)


# 股票或面临终止上市, 若…股票将被终止上市, 可能暂停公司股票上市: a suspension or a delisting threatened, not taken
_THREAT = re.compile(r"若|如果|如若|一旦|即便|即使|哪怕|就算|万一|可能|或将|或面临|面临|存在[^,，。；;]{0,8}?风险|是否")
_THREAT_REACH = 80  # characters back within the sentence (a bound: a hostile sentence costs no scan per trigger)


def _threatened(ctx: Context, t: trig.Trigger) -> bool:
    if t.stage not in ("suspended", "terminated"):
        return False
    return bool(_THREAT.search(ctx.text, max(ctx.sentence_of(t.start)[0], t.start - _THREAT_REACH), t.start))


# 是2015年在深交所挂牌的, 是去年在港交所上市的: the 是…的 of a past deed, closing its segment
_FOCUS_OPENS = re.compile(r"是(?=[^,，。；;是]*$)")
_DONE_FOCUS = re.compile(r"(?:上市)?的(?=[,，。；;!！?？]|$)")
_FOCUS_REACH = 24  # characters back within the segment
# 2021年上市, 2022年在港交所上市: a year right before the plain listing word (or before where it lists; not 2019年挂牌,
# which is often a listing on the NEEQ)
_YEAR_BEFORE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:(?:在|于|登陆)[^,，。；;\d]{1,12}?)?$")
_YEAR_REACH = 20  # characters back


def _stage(ctx: Context, t: trig.Trigger) -> tuple[str | None, bool]:
    """The stage a trigger reports. A plain 上市 / IPO says nothing of the
    stage by itself; the listing-stage classifier reads its sentence then."""
    if t.modal and t.stage == "subscription" \
            and _SCHEDULED.search(ctx.text, trig.segment_start(ctx.text, t.start, 0), t.start):
        return "subscription", True  # 将于明日起招股: an offering that opens on a day told has been launched
    if t.modal and t.stage not in ("withdrawn", "terminated") and not _effort_only(ctx, t):
        # a step scheduled for a day is a firm plan
        return "planned", t.stage in _TAKEN and bool(_SCHEDULED.search(ctx.text, t.start, t.end))
    if t.stage is not None:
        return t.stage, True
    if "上市" in ctx.text[t.start:t.end] and ctx.reference is not None \
            and (year := _YEAR_BEFORE.search(ctx.text, max(0, t.start - _YEAR_REACH), t.start)) \
            and int(year.group("year")) < ctx.reference.year:
        return "listed", True  # 篁仿软件2021年上市（688712）: a plain listing word after a year gone by tells a listing done
    if _DONE_FOCUS.match(ctx.text, t.end) and _FOCUS_OPENS.search(ctx.text, max(trig.segment_start(ctx.text, t.start, 0),
                                                                                 t.start - _FOCUS_REACH), t.start):
        return "listed", True  # 公司是2015年在创业板挂牌的: 是…的 tells a step done, and a plain listing word's step is listing
    sentence = ctx.text[slice(*ctx.sentence_of(t.start))]
    stage = stage_model.listing_stage(sentence)
    if stage is None and _subject_lists(ctx, t):
        return stage_model.likeliest_stage(sentence), True
    return stage, False


# 瑞幸咖啡纳斯达克上市直击, 飞鹤赴港上市, 嘉兴斯达A股IPO: a headline's plain listing word right after a name (and the
# market it takes) tells that company's own listing, whatever the step (a body tells the step); not 上市后 / 上市以来 /
# 上市三年 / 上市公司, which describe the company
_MARKET_BETWEEN = re.compile(r"\s?(?:赴港|赴美|(?:在|登陆)?(?:A股|港股|美股|H股|\uFFFC))?\s?")
_DESCRIBES = re.compile(r"后|之后|以后|以来|至今|满|前|之前|时|当[天日年]|之初|初期|[\d一二三四五六七八九十两]|公司|企业|地|的")
_SEGMENT_OPENS = re.compile(r"[\s【\[「“\"《]*")


def _headline_end(text: str) -> int:
    """Where the headline ends: a 【…】 title opening the text, else the title line (context.title_end)."""
    start = BREADCRUMBS.match(text).end()
    if text.startswith("【", start):
        return max(text.find("】", start), 0)
    return title_end(text)


def _subject_lists(ctx: Context, t: trig.Trigger) -> bool:
    if t.modal or t.start >= _headline_end(ctx.text) or _DESCRIBES.match(ctx.text, t.end):
        return False
    names = ctx.within(max(0, t.start - 24), t.start, "COMPANY")
    if not names or not _SEGMENT_OPENS.fullmatch(ctx.text, trig.segment_start(ctx.text, names[-1].start, 0),
                                                 names[-1].start):
        return False  # a name in passing (包括X IPO等因素) is not what the headline is about
    between = ctx.text[names[-1].end : t.start]
    for exchange in ctx.within(names[-1].end, t.start, "EXCHANGE"):
        between = between.replace(exchange.text, "\uFFFC")
    return bool(_MARKET_BETWEEN.fullmatch(between))


def _after(date, reference) -> bool:
    """A day after the article's own, told so (本月十五日, 明日, 周五, 2026年3月5日), or a day of the same year at
    most a month ahead (定于9月12日挂牌, told on the 10th; not 1月5日 in a late-December article, whose year is a
    guess)."""
    value = (date.value or {}) if date is not None else {}
    if reference is None or value.get("granularity") != "day" or value["start"] <= reference.isoformat():
        return False
    ahead = dt.date.fromisoformat(value["start"][:10]) - reference
    return bool(_TOLD_AHEAD.search(date.text)) or (value["start"][:4] == str(reference.year) and ahead.days <= _SOON)


_TOLD_AHEAD = re.compile(r"\d{4}年|本月|下月|下周|下星期|明|次日|翌日|周[一二三四五六日]|星期[一二三四五六日天]")
_SOON = 31  # days
_SHARES_TOLD = re.compile(r"股份|股票|新股|[AH]股|\d股|IPO|首发|招股|发售|主板|创业板|科创板|GEM")


def _scheduled(ctx: Context, t: trig.Trigger, stage: str, date, start: int, end: int) -> bool:
    """股份本月十五日挂牌 told on the 8th, 将于9月3日在港交所上市, 下周招股: a listing or an offer set for a day ahead, not
    done yet (a plan's day counts where the clause names the market or the shares: not 新车将于9月5日正式上市)."""
    if t.stage == stage and stage in ("subscription", "priced", "listed"):  # (定價日為12月5日 told on the 1st: ahead too)
        if ctx.reference is not None and (date is None or (date.value or {}).get("start")):
            return _after(date, ctx.reference)
        # a day no article's date resolves: the words say it lies ahead (10月8日(下周三)才会挂牌上市)
        return bool(_AHEAD.search(ctx.text, trig.segment_start(ctx.text, t.start, start), t.start))
    return t.stage == "listed" and stage == "planned" \
        and bool(_SCHEDULED.search(ctx.text, trig.segment_start(ctx.text, t.start, start), t.end)) \
        and bool(ctx.within(start, end, "EXCHANGE", "TICKER") or _SHARES_TOLD.search(ctx.text, start, end))


_AHEAD = re.compile(r"(?:将|才会|才将|预计|预期|料将|有望)[^,，。；;]{0,14}$")


# 10月曾被暂缓审议, 曾于2017年报送IPO申请，后于2018年被发审委否决: a step the company once took, before the one told now
_ONCE = re.compile(r"曾(?:经)?")
_THEN = re.compile(r"\s?(?:后|随后|此后|其后|之后|后来)")
_ONCE_REACH = 40  # characters back within the segment (a bound: no scan per trigger over a hostile segment)


# 同样在纳斯达克上市的X, 在港交所挂牌的X: where a name is listed describes it; a step only where the words before say
# when (今日在港交所上市的X, 新近挂牌的X)
_FRESH = re.compile(r"今|昨|刚|新近|最新|新(?=上市|挂牌|登陆)|首日|本周|上周|日前|近日|近期|本月|上月|月初|月底|年初|年底")  # (not 新加坡)


def _describes_listed(reader, t: trig.Trigger, floor: int) -> bool:
    if t.modal or t.stage not in (None, "listed") or not reader.describes_a_name(t):
        return False
    seg = trig.segment_start(reader.ctx.text, t.start, floor)
    return not reader.ctx.within(seg, t.end, "DATE") and not _FRESH.search(reader.ctx.text, seg, t.end)


def _once(text: str, pos: int, floor: int) -> bool:
    """曾被暂缓审议, or a segment opening on 后 after one told with 曾: a step once taken."""
    seg = trig.segment_start(text, pos, floor)
    if _ONCE.search(text, max(seg, pos - _ONCE_REACH), pos):
        return True
    return seg > floor and bool(_THEN.match(text, seg)) \
        and bool(_ONCE.search(text, max(trig.segment_start(text, seg - 1, floor), seg - _ONCE_REACH), seg))


def _before_the_day(date, reference) -> bool:
    """A step dated before the article's day: said of the name after it (上週通過聆訊的X將於明日起招股) it is behind the
    company, as one once taken is (今日上市的X is not)."""
    end = (date.value or {}).get("end") if date is not None else None
    return end is not None and reference is not None and end < reference.isoformat()


_BOARD_DESCRIBES = re.compile(r"(?:(?:上市|挂牌)?的|企业|公司|新股)?")  # 创业板的X, 科创板上市的X, 创业板企业X, 北交所新股X, 北交所X (a list item)


def _owner(ctx: Context, value):
    """奇信股份(002781)公告,嘉元科技…上市, 星川电子(创业板)、星海科技(科创板): a value printed in
    brackets right after a name is that name's, as is the board its application names (X首次公开发行股票并在创业板上市); 拟登陆创业板的汇岭电气与北交所的恒朗新材,
    沪主板X、北交所Y: a board that describes the name right after it is that name's."""
    for name in ctx.within(max(0, value.start - 60), value.start, "COMPANY"):  # (a long Latin name too)
        if TICKER_OPENS.fullmatch(ctx.text, name.end, value.start) or _APPLIES_AT.fullmatch(ctx.text, name.end, value.start):
            return name
    described = _BOARD_DESCRIBES.match(ctx.text, value.end)
    if described:
        return next((n for n in ctx.within(described.end(), described.end() + 12, "COMPANY")
                     if n.start == described.end()), None)
    return None


# 上市日期：2025年11月14日, 上市日期为12月3日: the listing day a field or a sentence gives the listing told
_LISTING_DAY_FIELD = re.compile(r"上市日期\s?(?:为|是|定为|定于)?\s?[:：]?\s?")


def _row_days(ctx: Context, start: int, end: int) -> dict[str, Entity]:
    """A calendar's row (名称｜招股日期｜招股价｜上市日期 over X｜12月8日至12月11日｜4.10｜12月16日): its first day under each
    column's header, by what the header says it is ("subscription", "listed"); {} outside a table."""
    if not BAR.search(ctx.text, start, end):
        return {}
    days: dict[str, Entity] = {}
    for d in ctx.within(start, end, "DATE"):
        label = header_label(ctx.text, d.start)
        kind = "subscription" if trig.SUBSCRIPTION_COLUMN.fullmatch(label) else \
            "listed" if trig.LISTING_DAY_COLUMN.fullmatch(label) else None
        if kind is not None:
            days.setdefault(kind, d)
    return days


def propose_args(reader, view, triggers) -> list[Proposal]:
    """Stages with their dates, exchange, ticker, shares, offer price, proceeds and
    market value of one clause."""
    ctx, clause = reader.ctx, view.clause
    start, end = clause.start, clause.end
    out: list[Proposal] = []

    def add(role, entity=None, value=None, owner=None):
        out.append(Proposal(clause.index, NAME, role, entity, value=value, owner=owner))

    if any(not _RESTART_ASKED.search(ctx.text, max(start, m.start() - 5), m.start())
           for m in _RESTART.finditer(ctx.text, start, end)):
        add("restarted", value=True)
    if _H_SHARES.search(ctx.text, start, end):
        add("h_shares", value=True)
    plan_told = None
    for t in triggers:
        day = _LISTING_DAY_FIELD.match(ctx.text, t.start) if t.stage == "attach" else None
        date = next((d for d in ctx.within(day.end(), end, "DATE") if d.start == day.end()), None) if day else None
        if date is not None and (date.value or {}).get("granularity") == "day":
            add("listing_date", date)
        if t.negated or t.stage == "attach" or _threatened(ctx, t):
            continue
        if _describes_listed(reader, t, start):
            continue
        stage, firm = _stage(ctx, t)
        if stage is None:
            continue
        if stage == "planned" and not firm:
            if plan_told is None:  # once per clause: a clause of hostile length is not scanned per trigger
                plan_told = _plan_told(ctx, start, end)
            firm = plan_told
        date = reader.date_for(t.start, clause)
        if t.stage == "subscription" and (row := _row_days(ctx, start, end)).get("listed") is not None:
            # a calendar's row: the listing day's column gives its listing date, never the subscription's day
            add("listing_date", row["listed"])
            if date is row["listed"]:
                date = row.get("subscription")
        scheduled = _scheduled(ctx, t, stage, date, start, end)
        if scheduled:
            stage, firm = t.stage, True
        past = _once(ctx.text, t.start, start) or (_before_the_day(date, ctx.reference) and reader.describes_a_name(t))
        add("stages", value=Step(stage, date, t, firm, scheduled, past))
        # the day a company lists (12月8日正式上市, 将于9月24日挂牌) is also its listing date, unless another step is
        # told in between; a listing told by its year or month (今年在港交所上市) has a date and no listing day
        if t.stage == "listed" and date is not None and (date.value or {}).get("granularity") == "day" \
                and not reader.triggers_between(clause, date.end, t.start):
            add("listing_date", date)
    exchanges = ctx.within(start, end, "EXCHANGE")
    first_code = None  # the exchange the clause's first step takes
    for exchange in exchanges:  # the first one each company may take
        if any(_refines(later, exchange) for later in exchanges if later.start > exchange.start):
            continue  # 上交所受理了X的科创板IPO申请: the board names the same exchange more precisely
        there = _LISTED_THERE.match(ctx.text, exchange.end)
        if exchange is not exchanges[-1] and (there and (_LISTED_ALREADY.search(ctx.text, max(start, exchange.start - 4), exchange.start)
                                                         or any(e.start == there.end() for e in ctx.within(there.end(), end, "COMPANY")))
                                              or _LISTED_COMPANY.match(ctx.text, exchange.end)
                                              or (_MARKET_FIRM.match(ctx.text, exchange.end) and _another_market_after(exchanges, exchange))):
            continue  # 已在上交所科创板上市的X / 在港交所挂牌十年的X / 创业板(上市)公司X…在港交所主板挂牌: where it is listed describes it
        if _MOVES_FROM.search(ctx.text, max(start, exchange.start - 2), exchange.start) and _MOVES_TO.match(ctx.text, exchange.end):
            continue  # 由北交所转板至科创板: the market it leaves is not the step's
        if exchange.text in _MARKET_WORDS and (any(c.start == exchange.end for c in ctx.within(exchange.end, end, "COMPANY"))
                                               or _MARKET_FIRM.match(ctx.text, exchange.end)):
            continue  # 港股X回A获受理, 港股公司X…科创板上会: the market before the name says where X trades, not where this step is
        add("exchange", exchange, owner=_owner(ctx, exchange))
        first_code = first_code or (exchange.value or {}).get("code")
    # X(688716.SH)…在港交所主板挂牌，H股股份代号为06716: the code on the step's exchange first
    tickers = ctx.within(start, end, "TICKER")
    if not tickers and (header_code := reader.owner_code()) is not None:
        tickers = [header_code]  # 2月10日｜X（SYUK） above a line that names no code
    for ticker in sorted(tickers, key=lambda t: first_code is not None and (t.value or {}).get("exchange") != first_code):
        add("ticker", ticker, owner=_owner(ctx, ticker))
    for shares in ctx.within(start, end, "SHARES"):
        if ctx.cue_near(shares, "shares_offered", start, end):
            add("shares_offered", shares)
    respective = _respective_sums(ctx, view, start, end)
    listed_role = None  # the role of the first of respective sums, which the others share (募资分别为A、B)
    for money in ctx.within(start, end, "MONEY"):
        if cues("quote", "before").search(ctx.text[max(start, money.start - 3) : money.start]):
            continue
        if (money.value or {}).get("per_share"):
            add("offer_price", money)
            continue
        told = [role for role in _MONEY_ROLES if ctx.cue_near(money, role, start, end)]
        if "proceeds" in told and _TRANCHE.search(ctx.near_before(money, start, 12)):
            told.remove("proceeds")
        owner = respective.get(id(money))
        if told:  # 上限定价下集资约4.75亿元: the cue nearest before the sum tells what it is
            role = min(told, key=lambda role: _cue_distance(ctx, money, role, start))
            listed_role = listed_role or (role if owner is not None else None)
            add(role, money, owner=owner)
        elif owner is not None and listed_role is not None:
            add(listed_role, money, owner=owner)
    return out


def _respective_sums(ctx: Context, view, start: int, end: int) -> dict[int, Entity]:
    """X、Y双双过会，拟募资分别为11.3亿元、4.7亿元: the k-th sum after 分别 is the k-th listed company's (id of the sum
    -> its company), when there are as many sums as companies. Each 分别 is tried: the first may open the list of
    names itself (分别为X、Y，分别计划募资A、B)."""
    at = ctx.text.find("分别", start, end)
    while at >= 0:  # nearly every clause: none, and no lists built
        sums = [m for m in ctx.within(at, segment_end(ctx.text, at, end), "MONEY") if not (m.value or {}).get("per_share")]
        for group in name_lists(ctx, start, at) if len(sums) >= 2 else ():
            companies = [e for e in group if e in view.others and e.label == "COMPANY"]
            if len(companies) >= 2 and len(sums) == len(companies):
                return {id(m): company for m, company in zip(sums, companies)}
        at = ctx.text.find("分别", at + 2, end)
    return {}


_LISTED_ALREADY = re.compile(r"(?:已经?|早已)(?:在|于)?$")
_LISTED_COMPANY = re.compile(r"上市(?:公司|企业)")
_LISTED_THERE = re.compile(r"[^,，。；;]{0,8}?(?:上市|挂牌)[^,，。；;的]{0,6}?的")


def _another_market_after(exchanges: list[Entity], exchange: Entity) -> bool:
    """创业板公司X…在港交所主板挂牌: another market is named after this one in the clause."""
    code = (exchange.value or {}).get("code")
    return any((e.value or {}).get("code") != code for e in exchanges if e.start > exchange.start)


_MOVES_FROM = re.compile(r"(?:由|从)$")
_MOVES_TO = re.compile(r"(?:主板|GEM|创业板)?转")  # 转板, 转往, 转至 …
_MONEY_ROLES = ("offer_price", "market_cap", "proceeds")  # in this order when the cues stand as near


def _cue_distance(ctx: Context, money, role: str, start: int) -> int:
    """How far before the sum its role's cue ends (0 for a cue after it, as 14美元的发行价 has)."""
    before = ctx.near_before(money, start, 10)
    ends = [m.end() for m in cues(role, "near").finditer(before)]
    return len(before) - max(ends) if ends else 0


# 以公开发售集资额650万元计, 国际配售部分集资: one tranche of a Hong Kong offering, not the whole proceeds
_TRANCHE = re.compile(r"(?:公开发售|国际配售)(?:部分|部份)?(?:起初|初步)?(?:的)?(?:集资|募资)")


# --- merging ---------------------------------------------------------------------------

_MARKET_WORDS = frozenset({"港股", "美股", "A股", "H股"})
_MARKET_FIRM = re.compile(r"(?:上市)?(?:公司|企业)(?=[\u4e00-\u9fffA-Za-z])")


def compatible(a: Candidate, b: Candidate) -> bool:
    """A company reports one listing, unless one attempt ended on one market and another is
    under way on another (an A-share IPO withdrawn, then a Hong Kong filing), or it is listed on one
    market and goes to another (2020年登陆深交所主板, 今向港交所递交H股上市申请)."""
    ma, mb = _market(a), _market(b)
    if ma == mb == "CN" and _code(a) != _code(b) and (_listed_years_before(a, b) or _listed_years_before(b, a)):
        return False  # 2022年在北交所上市 … 转板至科创板获审议通过: listed on one exchange years before a review on another
    if ma is None or mb is None or ma == mb:
        return True
    return (stage_of(a) in _ENDED) == (stage_of(b) in _ENDED) and "listed" not in (stage_of(a), stage_of(b))


def may_be_company(ent, triggers=()) -> bool:
    return True


told_again = compatible  # a headline's listing and the body's: any two compatible listings are one already


def _listed_years_before(a: Candidate, b: Candidate) -> bool:
    """a tells a listing in a year before the one b's review step is dated in."""
    years = [(d.value or {}).get("start", "")[:4] for d in event_dates(a) if d is not None]
    later = [(d.value or {}).get("start", "")[:4] for d in event_dates(b) if d is not None]
    return stage_of(a) == "listed" and stage_of(b) in _REVIEW_STEPS and bool(years) and bool(later) \
        and max(years) < min(later)


def _code(c: Candidate) -> str | None:
    exchange = c.args.get("exchange")
    return (exchange.value or {}).get("code") if exchange is not None else None


def _market(c: Candidate) -> str | None:
    """The market of the exchange told; HK for H shares told without one (递交H股上市申请，拟在主板上市)."""
    exchange = c.args.get("exchange")
    if exchange is not None:
        return (exchange.value or {}).get("market")
    return "HK" if c.args.get("h_shares") else None


def attach_conflicts(ev: Candidate, cand: Candidate) -> bool:
    return False


def told_alone(cand: Candidate, told: list[Candidate]) -> bool:
    """A clause that only adds arguments (募集资金…) is never a listing of its own."""
    return False


def may_tell_alone(text: str) -> bool:
    """Never (`told_alone`)."""
    return False


def prefer(key: str, have: Candidate, new: Candidate) -> bool:
    """港交所主板 after 港交所, 纳斯达克 after 美股: the same exchange, now more precisely."""
    return key == "exchange" and have.args.get(key) is not None and _refines(new.args[key], have.args[key])


def _refines(new, old) -> bool:
    """Is `new` the exchange `old` names, with its board, or the exchange of the market `old` names (纳斯达克 after
    美股)?"""
    if not old.value or not new.value:
        return False
    if not old.value.get("code"):
        return bool(new.value.get("code")) and old.value.get("market") == new.value.get("market")
    return old.value.get("code") == new.value.get("code") and not old.value.get("board") \
        and bool(new.value.get("board"))


# 星河中证机器人ETF今日登陆上交所, 星河科技创新混合基金公开发售, X REIT上市: a fund lists its units, no company goes public
_FUND_UNITS = re.compile(r"(?:基金|ETF|LOF|REITs?|联接)(?:\(?[A-Z]\)?)?$", re.I)


def substantial(ev: Candidate, negated_elsewhere: frozenset, invests_elsewhere: bool) -> bool:
    """negated_elsewhere: the stages the text denies of the party (None for a denial that names none)."""
    a = ev.args
    if _FUND_UNITS.search(ev.company.text):
        return False
    firm = any(step.firm for step in a.get("stages", []))
    # (a bare Latin code in brackets, 澄屹科技（CYTK）, names a listed share, not a step: no event of its own)
    ticker = a.get("ticker")
    concrete = bool(ticker and not (ticker.value or {}).get("bare")) \
        or any(a.get(k) for k in ("offer_price", "shares_offered", "proceeds"))
    if negated_elsewhere:
        # 董事会审议通过分拆X上市的预案 … X还没有提交发行上市申请: a later step denied leaves the step taken be
        return concrete or (firm and all(_later(s, stage_of(ev)) for s in negated_elsewhere))
    return bool(firm) or concrete or bool(a.get("exchange") and a.get("stages"))


def _later(stage: str | None, than: str) -> bool:
    """A step of the way to the listing after `than` (never a termination, nor a denial that names no step)."""
    way = STAGE_ORDER[: STAGE_ORDER.index("listed") + 1]
    return stage in way and than in way and way.index(stage) > way.index(than)


def redundant(ev: Candidate, others: list[Candidate]) -> bool:
    return False


def event_dates(ev: Candidate) -> list:
    return [step.date for step in ev.args.get("stages", [])] + [ev.args.get("date"), ev.args.get("listing_date")]


def stage_of(ev: Candidate, final: bool = False) -> str:
    """The furthest stage trigger words report; the classifier's reading of a
    plain 上市 / IPO sentence only when no trigger word names one; a listing scheduled
    for a day ahead, or a step once taken (曾被暂缓审议), only when no step under way is
    told (今日截招，股份本月十五日挂牌: the offer is on; 定于9月12日挂牌 alone: the listing,
    dated; 曾被暂缓审议…首发申请获通过: passed)."""
    steps = ev.args.get("stages", [])
    under_way = [step for step in steps if step.firm and not step.scheduled and not step.past and step.stage != "planned"]
    if under_way:  # (a step told as once taken, 曾被暂缓审议, yields to the one under way too)
        steps = [step for step in steps if not step.scheduled and not step.past]
    named = [step.stage for step in steps if not step.classified] or [step.stage for step in steps]
    # a new attempt: an earlier termination is history (dated before a later step: only in the event's record, since
    # merging keeps an ended attempt on another market apart)
    if ev.args.get("restarted") or (final and _ended_before_a_later_step(steps)):
        named = [st for st in named if st not in _ENDED] or named
    return max(named, key=STAGE_ORDER.index) if named else "planned"


def _ended_before_a_later_step(steps: list) -> bool:
    """2022年4月…首发申请被否, then 6月27日深交所受理了X的创业板IPO申请: every termination is dated before a step
    of a later day, the step of a new attempt."""
    def day(step):
        return ((step.date.value or {}).get("end") or "") if step.date is not None else ""
    ended = [day(step) for step in steps if step.stage in _ENDED]
    later = [day(step) for step in steps if step.stage not in _ENDED and step.stage != "planned"]
    return bool(ended) and all(ended) and any(d > max(ended) for d in later)


# --- the record ------------------------------------------------------------------------

def document_exchange(ctx: Context, ev: Candidate) -> tuple[dict | None, Entity | None]:
    """(exchange value, its mention) for a listing whose own clauses name no exchange,
    marked inferred: the exchange the document names, the mention nearest before the
    event (when the document names several exchanges, only one in the event's paragraph);
    else HKEX, without a mention, when the event is told in Hong Kong's own press
    (招股, 孖展, 暗盘 …; market.MarketContext) and names no other market."""
    start = min(s for s, _ in ev.evidence)
    named = ctx.exchanges
    if len({e.value["code"] for e in named}) > 1:
        # 其中，深市主板有2家，分别为A、B；科创板有1家，为C: the board a list of companies is told under
        head = max(ctx.text.rfind(end, 0, ev.company.start) for end in _SENTENCE_ENDS) + 1
        near = [e for e in named if head <= e.start < ev.company.start and not _bracketed(ctx.text, e)]
        if near:
            return {**near[-1].value, "inferred": True}, near[-1]
        first, last = ctx.text.rfind("\n", 0, start) + 1, ctx.text.find("\n", start)
        named = [e for e in named if first <= e.start and (last < 0 or e.start < last)]
    before = [e for e in named if e.start < start]
    if len({e.value["code"] for e in named}) == 1:
        ent = before[-1] if before else named[0]
        return {**ent.value, "inferred": True}, ent
    if not named and not any(_ELSEWHERE.search(ctx.text, s, e) for s, e in ev.evidence) \
            and ctx.market.market_at(start) == "HK":
        return {**values.exchange_value("港交所"), "inferred": True}, None
    return None, None


def _bracketed(text: str, ent: Entity) -> bool:
    """A（创业板）、B（科创板）: a board in brackets belongs to the name before it."""
    return 0 < ent.start and ent.end < len(text) and text[ent.start - 1] in "（(" and text[ent.end] in "）)"


def _exchange(ctx: Context, ev: Candidate, mention: rec.Mention) -> dict | None:
    ent = ev.args.get("exchange")
    if ent is not None and ent.value:
        value = ent.value
    elif ev.args.get("h_shares"):  # 递交H股上市申请，拟在主板上市: Hong Kong, whatever else the text names
        value, ent = {**values.exchange_value("港交所"), "inferred": True}, None
    else:
        value, ent = document_exchange(ctx, ev)
        if value is None:  # 星胜集团(08441.HK)…招股: the code's market suffix tells the exchange
            ticker = ev.args.get("ticker")
            value = values.exchange_of_code((ticker.value or {}).get("exchange")) if ticker is not None else None
            if value is None or value.get("market") not in ("HK", "CN"):  # (a Taiwan code's market the scorer keeps no key for)
                return None
            value = {**value, "inferred": True}
    where = mention(ent) if ent is not None else {"text": None, "start": None, "end": None}
    return {"name": value.get("name"), "code": value.get("code"), "board": value.get("board"), **where,
            **({"inferred": True} if value.get("inferred") else {})}


def _printed_ticker(ctx: Context, ev: Candidate, exchange: dict | None):
    """金葉國際(8549)，為今年首家擬在GEM上市的股份。該股…招股: in Hong Kong, the code printed beside the company's
    name anywhere in the text is the code of its listing under way, unless it is another market's (an A share's
    code beside an H-share listing); a listing told as history keeps only a code told with it."""
    code = (exchange or {}).get("code")
    if code != "HKEX":  # where IPO reports print the new code beside the name; A-share news prints a listed one's
        return None
    for ticker in ctx.entities:
        if ticker.label != "TICKER" or (ticker.value or {}).get("exchange") not in (None, code):
            continue
        owner = _owner(ctx, ticker)
        if owner is not None and ctx.same_party(owner, ev.company):
            return ticker
    return None


_OFFER = ("subscription", "priced")  # the offer: open for subscription and its price set, told in one story


def _plan_step_done(step) -> bool:
    """A planning step taken, not intended: its trigger is the table's planned step itself (辅导备案), told
    without a modal."""
    return step.trigger.stage == "planned" and not step.trigger.modal and step.firm


def record(ctx: Context, ev: Candidate, mention: rec.Mention, sources: rec.Sources) -> dict:
    a = ev.args
    exchange = _exchange(ctx, ev, mention)
    ticker = a.get("ticker") or (None if a.get("historical") else _printed_ticker(ctx, ev, exchange))
    shares = a.get("shares_offered")
    stage = stage_of(ev, final=True)

    def src(field, ent, value):
        return rec.source(sources, field, ent, value)

    dated: dict[str, tuple[dict | None, object]] = {}
    for step in a.get("stages", []):
        # a plan has no day of its own (拟于2026年上市); a tutoring filing done (于10月23日办结辅导备案) has; a step
        # told again with a day inside the span told first (年内…过会, then 11月7日…获审议通过) takes that day
        if (step.stage != "planned" or _plan_step_done(step)) and (dated.get(step.stage, (None,))[0] is None
                                                                   or finer_within(step.date, dated[step.stage][1])):
            dated[step.stage] = (rec.date(step.date, mention), step.date)
    milestones = [{"stage": st, "date": date} for st, (date, _) in dated.items()]
    stage_date, stage_date_ent = dated.get(stage, (None, None))
    # a step told as either of a pair keeps the pair's day: 9月26日审核状态显示为终止…因撤回申请 (the review ended that
    # day), 今日进行网上申购…发行价格为14.28元 (the offer of that day, priced); a figure's "by then" (截至昨日) dates no step
    for same_step in (_ENDED, _OFFER):
        if stage_date is None and stage in same_step:
            stage_date, stage_date_ent = next((dated[s] for s in same_step if s in dated and dated[s][0] is not None
                                               and not trig.told_as_of(ctx.text, dated[s][1].start)), (None, None))
    return {
        "company": src("company", ev.company, rec.party(ctx, ev.company, mention)),
        "stage": stage,
        "historical": bool(a.get("historical")),
        "exchange": exchange,
        "board": exchange["board"] if exchange is not None else None,
        # the code as a string (what users filter on); where the text gives it, in ticker_mention
        "ticker": src("ticker", ticker, (ticker.value or {}).get("code", ticker.text) if ticker is not None else None),
        "ticker_mention": mention(ticker) if ticker is not None else None,
        "offer_price": src("offer_price", a.get("offer_price"), rec.money(a.get("offer_price"), mention)),
        "shares_offered": {"value": shares.value.get("value"), "share_class": shares.value.get("share_class"),
                           **mention(shares)} if shares is not None and shares.value else None,
        "proceeds": src("proceeds", a.get("proceeds"), rec.money(a.get("proceeds"), mention)),
        "market_cap": src("market_cap", a.get("market_cap"), rec.money(a.get("market_cap"), mention)),
        "date": src("date", stage_date_ent, stage_date),
        "listing_date": src("listing_date", a.get("listing_date"), rec.date(a.get("listing_date"), mention)),
        "milestones": sorted(milestones, key=lambda m: (m["date"] or {}).get("start_date") or "9999"),
    }


def scorer_tags(ev: Candidate) -> list[str]:
    return [f"stage={stage_of(ev)}"]


def duee_step(event: dict) -> str:
    """DuEE-Fin's 环节. A listing day already set (将于9月3日在上交所上市) counts as
    正式上市 there, whatever step short of it the company is at (and 事件时间 is that day:
    listing_date comes first in DUEE_ROLES)."""
    if event.get("listing_date") and event["stage"] in STAGE_ORDER[: STAGE_ORDER.index("listed")]:
        return "正式上市"
    return STAGE_TO_DUEE[event["stage"]]


def duee_extra(event: dict) -> list[tuple[str, str]]:
    return [("环节", duee_step(event))]


def duee_exported(event: dict) -> bool:
    return True
