"""Trigger words for funding and listing events, with the false friends that
contain them and the words before them that negate or soften them."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import resources, userdata
from ..text.columns import column_cells
from ..text.scan import guarded
from .columns import ALLOTTEE_COLUMN
from .literal_gate import LiteralGate, required_literals

# A clause that opens as hearsay (市场消息：…, 另有市场消息称…). Hearsay not denied is an event (realnews_dev's
# definition); the flag only keeps such clauses out of the party tagger's windows (events/tagger.py).
_HEARSAY_HEAD = re.compile(r"\s*(?:【[^】]{0,30}】)?\s*(?:另有|又有|另据|此外[,，]?|另外[,，]?)?(?:市场消息|消息人士|据传|传闻|市场传闻)")
_NAMED_INSTRUMENTS = ("debt", "placement")  # specific phrases no false-friend list blocks
# A colon between digits is a time of day (6月5日10:30), no break. guarded: a faster scan of the text.
# (not the comma of a Latin legal name: Quanxu Thailand Co., Ltd., Voltrix Holdings, Inc.)
SEGMENT_BREAK = guarded(re.compile(r",(?<!\bCo\.,)(?!\s?(?:Ltd|Inc|LLC|Limited)\b)|[，。；;!?！？\n]|(?<!\d)[:：]|[:：](?!\d)"))


@dataclass(slots=True, frozen=True)
class Trigger:
    event: str  # funding | listing
    stage: str | None  # listing stage the phrase reports; funding: debt, placement or attach
    start: int
    end: int
    modal: bool = False  # plan, intention, rumour or condition
    negated: bool = False
    rumour: bool = False  # 市场消息, 据传: reported as hearsay
    ended: bool = False  # funding: the issue withdrawn, terminated or voted down (决定终止本次向特定对象发行)


@functools.cache
def _triggers() -> tuple[tuple[str, str | None, re.Pattern], ...]:
    return tuple((r["event"], None if r["stage"] == "-" else r["stage"], re.compile(r["pattern"]))
                 for r in resources.table("event_triggers.tsv"))


def patterns() -> tuple[re.Pattern, ...]:
    """Every built-in trigger pattern (events/prefilter.py reads which strings each needs)."""
    return tuple(p for _, _, p in _triggers())


@functools.cache
def _blockers() -> dict[str, re.Pattern]:
    rows = resources.table("event_blockers.tsv")
    return {event: re.compile("|".join(f"(?:{r['pattern']})" for r in rows if r["event"] == event))
            for event in {r["event"] for r in rows}}


@functools.cache
def context_pattern(kind: str) -> re.Pattern:
    rows = [r["pattern"] for r in resources.table("event_context.tsv") if r["kind"] == kind]
    return re.compile("|".join(f"(?:{p})" for p in rows))


def told_as_of(text: str, date_start: int, floor: int = 0) -> bool:
    """截至昨日, 截止9月30日: a date told as "by then" (of a figure), not as the day something happened."""
    return bool(context_pattern("as_of").search(text, max(floor, date_start - 3), date_start))


@functools.lru_cache(maxsize=4)
def _segment_starts(text: str) -> list[int]:
    """Where each comma-separated segment of the text starts (after its break)."""
    return [m.end() for m in SEGMENT_BREAK.finditer(text)]


# 拟以介绍形式上市的万联矿业亦于今日通过聆讯, 拟登陆创业板的汇岭电气同日过会, 计划赴美的营运商X更新F-1, 拟IPO企业X首发获通过:
# a plan that describes the name (…上市的X, 拟登陆…板的X, 计划赴美的X, 拟IPO企业X) is not the step X takes
_DESCRIBED_LISTING = re.compile(r"(?:上市|IPO|挂牌|招股)的|(?:IPO|上市)(?:企业|公司)(?=[\u4e00-\u9fffA-Za-z])|(?:登陆|冲刺|闯关)[^,，。；;的]{1,8}?(?:板|所|市场|A股|港股|美股)的|赴[^,，。；;的]{1,6}?的")


# A（拟募资9.2亿元）、B（拟募资15亿元）于3月25日过会: a bracketed aside's plan is no plan of the step told after it
_ASIDE = re.compile(r"[(（][^()（）]{0,40}[)）]")


def modal_before(seg: str) -> bool:
    """A modal word in the segment before a trigger, not inside a listing that describes a name, nor inside brackets."""
    modal = context_pattern("modal")
    if not modal.search(seg):  # nearly every trigger: one search
        return False
    if "(" in seg or "（" in seg:
        seg = _ASIDE.sub(lambda m: " " * len(m.group()), seg)
        if not modal.search(seg):
            return False
    return bool(modal.search(seg, max((m.end() for m in _DESCRIBED_LISTING.finditer(seg)), default=0)))


# 有自媒体称，X已完成C轮融资: hearsay told earlier in the clause, within this many characters (a bound, so that a
# clause of hostile length costs no scan per trigger)
_HEARSAY_REACH = 80
# 针对“星睿医疗已向港交所提交上市申请”的市场传闻: the step told inside the quoted hearsay
# (回应“完成10亿元C轮融资”：消息不实: the quoted step the text denies right after the quote)
_QUOTED_HEARSAY = re.compile(r"[^“”\"「」。\n]{0,40}?[”」\"](?:的?(?:市场|网络|媒体|网传)?(?:传闻|传言|消息|报道|说法|一说)"
                             r"|[:：,，]?\s?(?:消息|传闻|报道)?(?:不实|不属实|系谣言|为谣言|纯属谣言))"
                             r"|的?(?:市场|网络|媒体)?(?:传闻|传言|说法)"  # 分拆光学部门独立上市的传闻, 融资传闻频发
                             r"|[^,，。；;\n?？]{0,24}?[?？]")  # 高瓴入局星灵机器人？: a step asked about


def context_before(text: str, pos: int, floor: int) -> str:
    """The stretch of pos's comma segment before it where a modal or negating word counts (bounded)."""
    return text[max(segment_start(text, pos, floor), pos - _CONTEXT_REACH) : pos]


def segment_start(text: str, pos: int, floor: int) -> int:
    """Start of the comma-separated segment that holds `pos` (not before `floor`).
    A lookup, not a walk back: a text without commas must not cost a walk per trigger."""
    starts = _segment_starts(text)
    i = bisect.bisect_right(starts, pos)
    return max(floor, starts[i - 1]) if i else floor


def told_at(text: str, t) -> tuple[int, int]:
    """Where a trigger is told, and where the names said before it end: its start for both, or, when it runs over
    commas (上会：…，A、B均获通过 is told at A、B), where its last comma segment opens and its end."""
    comma = max(text.rfind(",", t.start, t.end), text.rfind("，", t.start, t.end))
    return (comma + 1, t.end) if comma >= 0 else (t.start, t.start)


# how far back in its comma segment a trigger's modal or negating word may stand (a bound: a segment of hostile length
# costs no scan per trigger)
_CONTEXT_REACH = 80


def _marks(start: int, end: int, spans) -> bytearray:
    """A mark per character of text[start:end] that one of the spans covers."""
    marks = bytearray(end - start)
    for s, e in spans:
        marks[s - start : e - start] = b"\x01" * (e - s)
    return marks


def find(text: str, start: int = 0, end: int | None = None) -> tuple[Trigger, ...]:
    """Triggers in text[start:end], false friends removed, modality marked. A trigger
    pattern runs only where a literal it needs occurs (most clauses need few)."""
    end = len(text) if end is None else end
    # per event, which characters of text[start:end] a false friend covers, and which a trigger found already
    # covers: marks, not lists, so that text with thousands of triggers costs no scan per trigger
    blocked: dict[str, bytearray | None] = {}
    taken: dict[str, bytearray] = {}
    found: list[Trigger] = []
    for event, stage, pattern in _with_user_rows(_triggers(), _gate().rows(text, start, end)):
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if event not in blocked:  # the event's false friends, once a trigger of it is there
                bp = _blockers().get(event)
                blocked[event] = None if bp is None else _marks(start, end, (b.span() for b in bp.finditer(text, start, end)))
            # a false friend at either end of the phrase (上市公司, 产品…上市); not one inside a long
            # phrase's gap (同意拟上市公司X首次公开发行股票的注册申请)
            friends = blocked[event]
            if stage not in _NAMED_INSTRUMENTS and friends is not None and (friends[s - start] or friends[e - 1 - start]):
                continue
            covered = taken.get(event)
            if covered is None:
                covered = taken[event] = bytearray(end - start)
            elif covered.find(1, s - start, e - start) >= 0:
                continue  # an earlier, more specific pattern covers it
            covered[s - start : e - start] = b"\x01" * (e - s)
            seg = context_before(text, s, start)
            ended = event == "funding" and (bool(context_pattern("rejected").match(text, e, end))
                                            or bool(context_pattern("withdrawn").search(seg)))
            found.append(Trigger(event, stage, s, e,
                                 modal=modal_before(seg),
                                 negated=ended or bool(context_pattern("negation").search(seg)),
                                 ended=ended,
                                 rumour=bool(context_pattern("rumour").search(text, max(start, s - _HEARSAY_REACH), s)
                                             or _HEARSAY_HEAD.match(text, start)
                                             or _QUOTED_HEARSAY.match(text, e, end))))
    return tuple(sorted(found, key=lambda t: t.start))


# A line that is only a heading (【受理】, 【获通过】 …), and a line's mark of an IPO applicant (X（首发）, 科创板)
_HEADING_LINE = re.compile(r"[ \t\u3000]*[【\[](?P<word>[^【】\[\]\n]{1,8})[】\]][ \t\u3000]*$")
_HEADING_INLINE = re.compile(r"[ \t\u3000]*[【\[](?P<word>[^【】\[\]\n]{1,8})[】\]](?=[ \t\u3000]*\S)")
_REVIEW_VERB = re.compile(r"(?:IPO)?(?:受理|审议|问询|上会|过会|注册|终止|撤回)")
_APPLICANT_MARK = re.compile(r"\((?:首发|IPO)\)|科创板|创业板|北交所|[沪深]市主板|主板")
# 证监会同意以下企业首次公开发行股票注册：, then 1. 星河医疗器械股份有限公司（科创板）; 先说本周上市的两只：, then
# - 周二 星河科技，创业板…: a sentence that counts the companies (or new shares) it lists after its colon
_COUNT = r"(?:[两二三四五六七八九十]|\d{1,2})(?:只|家)"
# (本周辖区内有三家企业完成辅导备案登记：: the count may stand before the step the line tells)
_LIST_INTRO = re.compile(rf".*以下[^,，。:：\n]{{0,6}}?(?:企业|公司)[^\n]*[:：]\s*$|.*{_COUNT}(?:新股|企业|公司)?[^\n。]*?[:：][ \t\u3000]*$")
_COUNTED_INTRO = re.compile(rf"{_COUNT}[^\n。]*?[:：][ \t\u3000]*\n")  # the cheap test for such a line anywhere in a text
_LISTED_ONES = re.compile(rf"(?<![拟将])(?:上市|挂牌)的{_COUNT}")  # 本周上市的两只
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.、)]|[·•\-–])")


@functools.cache
def _heading_stages() -> dict[str, str]:
    return {r["word"]: r["stage"] for r in resources.table("stage_headings.tsv")}


def heading_cues() -> set[str]:
    """The stage headings' words: with a bracket in the text, one of them is there wherever `heading_triggers`
    finds a trigger that no trigger pattern finds, or else `counts_listed` holds (events/prefilter.py)."""
    return set(_heading_stages())


def counts_listed(text: str) -> bool:
    """本周上市的两只: a list's intro may count what was listed."""
    return ("上市的" in text or "挂牌的" in text) and bool(_LISTED_ONES.search(text))


def heading_triggers(text: str) -> list[Trigger]:
    """An IPO digest's lines under a heading that names a stage (【受理】 / · X（首发）：科创板): a listing trigger
    of that stage at each line's applicant mark (a later one of the line where the review's verb follows it).
    Another bracketed heading ends the section. So too the numbered lines after a sentence that tells the step
    of 以下企业 (证监会同意以下企业首次公开发行股票注册：), up to the first line that is no item."""
    if "【" not in text and "[" not in text and "以下" not in text and not _COUNTED_INTRO.search(text):  # nearly every text
        return []
    out: list[Trigger] = []
    stage = None
    listed = False  # the section is an intro sentence's list
    pos = 0
    for line in text.split("\n"):
        heading = _HEADING_LINE.match(line)
        inline = None if heading else _HEADING_INLINE.match(line)
        if heading:
            stage, listed = _heading_stages().get(heading["word"].strip()), False
        elif inline and inline["word"].strip() in _heading_stages():  # 【受理】北交所受理A、B的申请: this line only
            stage, listed = None, False
            first = _APPLICANT_MARK.search(line, inline.end())
            if first:
                out.append(Trigger("listing", _heading_stages()[inline["word"].strip()], pos + first.start(),
                                   pos + first.end()))
        elif _LIST_INTRO.match(line):
            stage = next((t.stage for t in find(line) if t.event == "listing" and not t.negated), None) \
                or ("listed" if _LISTED_ONES.search(line) else None)
            listed = True
        elif listed and not _LIST_ITEM.match(line):
            stage = None if line.strip() else stage
        elif stage is not None:  # the first mark, and each later one the review's verb follows (…；同日，科创板受理B)
            marks = list(_APPLICANT_MARK.finditer(line))
            item = _LIST_ITEM.match(line) if listed and not marks else None
            if item:  # 3. 湖州星城生物科技股份有限公司，拟上市板块为“境内证券交易所”: an item that names no board
                out.append(Trigger("listing", stage, pos + item.start(), pos + item.end()))
            out.extend(Trigger("listing", stage, pos + m.start(), pos + m.end()) for k, m in enumerate(marks)
                       if k == 0 or _REVIEW_VERB.match(line, m.end()))
        pos += len(line) + 1
    return out


# 序号 | 企业简称 | … | 审议结果 | …: a table's column of review results (通过, 未通过, 暂缓审议, 注册生效); a bare
# 结果 column is one beside a column of boards (日期｜企业｜板块｜结果)
_STAGE_COLUMN = re.compile(r"(?:审议|审核|上会)(?:结果|结论|状态|进度)|(?:最新)?状态")
_RESULT_COLUMN = re.compile(r"结果|结论")
_BOARD_COLUMN = re.compile(r"(?:拟上市|上市|申报)?(?:板块|板别|市场)")
# 申购日｜简称｜代码｜发行价, 名称（代码）｜招股日期｜招股价: a calendar of new shares, each row's day the one its
# shares are subscribed (Hong Kong's 招股 is the subscription)
SUBSCRIPTION_COLUMN = re.compile(r"(?:网上)?申购(?:日|日期|时间)|招股(?:日|日期|时间|期)")
# 公司｜板块｜保荐机构｜受理日: a list of IPO applications, each row's day the one its step was taken on
_STEP_DAY_COLUMN = re.compile(r"(?P<step>受理|注册生效|获批注册|注册)(?:日|日期|时间)")
_STEP_OF_DAY = {"受理": "filed", "注册生效": "registered", "获批注册": "registered", "注册": "registered"}
# 公司｜交易所｜代码｜上市日｜发行价: a list of new listings, each row's company listed on its day (a calendar that gives
# the subscription's day too tells the subscription, with the listing day as its listing date)
LISTING_DAY_COLUMN = re.compile(r"(?:预计)?上市(?:日|日期|时间)")
_LISTED_BESIDE = re.compile(r"交易所|上市地点?|(?:股票|证券)?代码|发行价(?:格)?")
# 日期｜申购代码｜新股: a bare day beside the subscription code is the subscription's day too
_DAY_COLUMN = re.compile(r"日期|时间")
_CODE_COLUMN = re.compile(r"申购代码")
# 日期｜发行人｜品种｜规模（亿元）: a table of bond issues, each row's kind of bond (中票, 超短融, 公司债) issued by its issuer
_BOND_KIND_COLUMN = re.compile(r"(?:债券)?(?:品种|类型|类别)|券种")
_ISSUER_COLUMN = re.compile(r"发行人|发行主体")
# 公司｜发行日｜募资总额｜主要获配对象 under a title of 定增: each row's listed company placed its new shares
_RAISED_COLUMN = re.compile(r"(?:实际)?(?:募资|募集资金|发行)(?:总额|金额|规模)(?:[(（][^()（）]{1,6}[)）])?")
_PLACEMENT_TITLE = re.compile(r"定增|非公开发行|向特定对象发行")


def column_triggers(text: str) -> list[Trigger]:
    """A flattened table's rows under a header with a review-result column (审议结果): a listing trigger at each
    row's result cell, of the stage the header's word and the cell tell together (审议结果：未通过 ends it); under a
    subscription day's column (申购日, or 日期 beside 申购代码), a subscription at each row's day; under a step's day
    beside a board's column (受理日 beside 板块), that step at each row's day; under a bond kind's
    column beside an issuer's (发行人｜品种), a bond issue at each row's kind."""
    days = {b for _, _, b in column_cells(text, SUBSCRIPTION_COLUMN)}
    if "申购代码" in text:  # (nearly no text: a second pass over the table's lines only then)
        days.update(b for _, _, b in column_cells(text, _DAY_COLUMN, beside=_CODE_COLUMN))
    out = [Trigger("listing", "subscription", *_last_cell(text, b)) for b in sorted(days)]
    out += [Trigger("listing", _STEP_OF_DAY[_STEP_DAY_COLUMN.fullmatch(label)["step"]], a, b)
            for label, a, b in column_cells(text, _STEP_DAY_COLUMN, beside=_BOARD_COLUMN)]
    if not days and "上市" in text:
        out += [Trigger("listing", "listed", a, b) for _, a, b in column_cells(text, LISTING_DAY_COLUMN, beside=_LISTED_BESIDE)]
    if "发行" in text:  # (a pass over the table's lines only where an issuer can be named)
        kinds = column_cells(text, _BOND_KIND_COLUMN, beside=_ISSUER_COLUMN)
        out += [Trigger("funding", "debt", a, b) for _, a, b in kinds
                if any(t.stage == "debt" for t in find(f"发行{text[a:b].strip()}"))]
    if _PLACEMENT_TITLE.search(text):
        out += [Trigger("funding", "placement", a, b) for _, a, b in column_cells(text, _RAISED_COLUMN, beside=ALLOTTEE_COLUMN)]
    bare = [("审议结果", a, b) for _, a, b in column_cells(text, _RESULT_COLUMN, beside=_BOARD_COLUMN)]
    for label, a, b in column_cells(text, _STAGE_COLUMN) + bare:
        told = next((t for t in find(f"{label}：{text[a:b].strip()}") if t.event == "listing"
                     and t.stage not in (None, "attach") and not t.negated), None)
        if told is not None:
            out.append(Trigger("listing", told.stage, a, b))
    return out


def column_cues() -> set[str]:
    """Strings one of which a table's header holds wherever `column_triggers` finds a trigger (with a bar in the
    text; events/prefilter.py)."""
    columns = (SUBSCRIPTION_COLUMN, _CODE_COLUMN, _ISSUER_COLUMN, _PLACEMENT_TITLE, _STAGE_COLUMN, _RESULT_COLUMN,
               _STEP_DAY_COLUMN, LISTING_DAY_COLUMN)
    return set().union(*(required_literals(c.pattern) for c in columns))


def _last_cell(text: str, pos: int) -> tuple[int, int]:
    """The span of the last cell of the row pos lies in (the row's name cell comes before it, as a subject does)."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return max(text.rfind("|", pos, end), text.rfind("｜", pos, end), pos - 1) + 1, end


@functools.cache
def _gate() -> LiteralGate:
    return LiteralGate([p.pattern for _, _, p in _triggers()])


def _with_user_rows(rows, chosen) -> list:
    """The rows of the user's --triggers file first (userdata: they win where they overlap
    a built-in one; never gated by literals), then the chosen built-in rows."""
    user = userdata.active()
    return [*(user.compiled_triggers() if user else ()), *(rows[r] for r in chosen)]


def words_present(text: str) -> tuple[bool, set[str]]:
    """Cheap test: (does a word that tells an event occur, the events whose words that only add to one told
    nearby occur: "attach", 估值, 市值). Only the trigger patterns whose literals occur are tried, up to the
    first that tells."""
    user = userdata.active()
    if user and any(p.search(text) for _, _, p in user.compiled_triggers()):
        return True, set()
    rows = _triggers()
    attached: set[str] = set()
    for r in _gate().rows(text):
        event, stage, pattern = rows[r]
        if stage != "attach":
            if pattern.search(text):
                return True, attached
        elif event not in attached and pattern.search(text):
            attached.add(event)
    return False, attached
