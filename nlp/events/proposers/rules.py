"""The rule proposer: for each clause with a usable trigger, the company its
wording makes the subject, and the arguments the type's role rules find.

It walks the clauses in order and keeps the company in focus, so that a clause
that says only 该公司 / 其, or only adds arguments (投资方为…), is about it."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from ...entities.numbers import parse_number
from ...entities.span import Entity
from ...segment.sentences import CITATION
from ...text.columns import BAR, cells, header_label
from .. import triggers as trig
from .. import types
from ..candidate import Proposal
from ..clauses import (COLON_CHILD, PARENT_OF_NEXT, SUBSIDIARY, Clause, ClauseView, counted_in, is_bare_verb, receives_money,
                       segment_end)
from ..columns import ALLOTTEE_COLUMN
from ..context import (BOARD_WORD, BRACKET_HEAD, BREADCRUMBS, BULLET, CARD_FIELD, CODE_HEADER, DESCRIBED_PRONOUN, ENUMERATION, INVESTOR_NAME,
                       ITEM_HEADER, LOAN, PRONOUN, TAG_LEAD, THIS_ROUND, THIS_ROUND_REACH, TICKER_OPENS, Context, card_lines, card_name, cues,
                       former_or_latter, headline_part, is_calendar, is_lender, line_above, name_lists, named_with_code, subscribed_issuer)
from ..discover import table_zones

SOURCE = "rules"
# 三家公司, 这5家企业, 上述2家拟IPO企业, 5家被投企业, 两只新股: companies counted, not named
_COUNT = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})"  # how many companies a count says (3家, 两家)
_GROUP = re.compile(r"(?:这|上述|以上|前述|该|共有|共|其中|另有)?" + _COUNT + r"(?:家(?:(?![也是的为在已将曾还均都])[\u4e00-\u9fffA-Za-z]){0,6}?(?:企业|公司)|只新股)")
_SPONSORS = re.compile(r"(?:担任|作为)?(?:独家|联席)?(?:保荐|承销)")  # (由)招商证券保荐
_COUNT_COLON = re.compile(r"[^,，。；;:：]{0,12}[:：]")
_LIST_STOP = re.compile(r"[；;。]")
# 3家获通过：, 两家公司成功过会： a count of companies that took a step (not 由三家银行组成：, the parties of a deal)
_COUNTED_BEFORE_COLON = re.compile(_COUNT + r"家(?:企业|公司)?[^,，。；;:：\d]{0,4}?"
                                   r"(?:通过|过会|过了|上会|被否|终止|撤回|注册|受理|招股|上市|挂牌|递表|聆讯|融资|获批)[^,，。；;:：\d]{0,3}(?=[:：])")
_ENUMERATES = re.compile(ENUMERATION + r"|^[^,，。]{0,6}其中|(?:家|只)[^,，。；;]{0,12}[:：]")  # 两只新股今日挂牌：A(1234)…，B(5678)…

# 宁华电力宣布，公司拟…: the words between a name and the segment its announcement opens
_ANNOUNCES = re.compile(r"\s?(?:\([^()]{1,20}\))?\s?(?:\d{1,2}月\d{1,2}日|昨日|今日|昨天|今天|日前|近日)?(?:晚间|早间|盘后|晚)?(?:发布)?"
                        r"(?:的?(?:联合)?(?:创始人|董事长|CEO|总裁|总经理|首席执行官|(?:相关)?负责人)[\u4e00-\u9fff]{0,3}?)?"
                        r"(?:公告|宣布|表示|称|披露|透露|介绍|公布)(?:称)?[,，:：]\s?")
# 星澄银行获国开行50亿元授信, 向X申请贷款: a bank that borrows
_BORROWS = re.compile(r"获(?!悉)|取得|拿到|申请|借入|借款")
# 全资子公司Y拟通过增资扩股引入…, 控股子公司Y在创业板首发上市的申请…获受理, 旗下附属公司Y已向上交所申请撤回…: a child
# named right before its raise or listing step
_CHILD_BEFORE = re.compile(rf"[,，]\s?(?:其|公司)?(?:旗下)?(?:全资|控股)?(?:{SUBSIDIARY})$")
_CHILD_RAISES = re.compile(r"(?:\([^()]{1,30}\))?(?:拟|将|已|近日|日前)?(?:通过|以|实施|进行)?(?:增资扩股|增资的?(?:形式|方式)(?:引入|引进|迎来)|引入|引进|迎来|获得?|完成"
                           r"|(?:在|于)[^,，。；;]{0,10}?(?:首次公开发行股票并上市|首发上市|发行上市|上市|IPO)的?申请"
                           r"|(?:向[^,，。；;]{0,12}?)?(?:申请)?(?:撤回|递交|提交))")
# an investor's verb: the company it names comes after it (投资了X, 领投两家公司：X和Y)
# 国投创合2024年领投朔蓝人民币8亿元D轮, 领投了X的B轮: the name after the verb, then its round, raised it
_JOINS = re.compile(r"领投|参投|跟投")
_NAMED_ROUND = re.compile(r"(?!了?(?:它|其|公司|该公司|对方))了?[^,，。；;的\d]{2,20}?(?:的)?\s?(?:(?:人民币|港元|美元)?[\d.,]+\s?[万亿]+元?(?:人民币|港元|美元)?的?)?\s?"
                          r"(?:[A-H]\d?\+{0,2}|Pre-[A-H]\+?|天使\+*|种子\+*|Pre-IPO|战略|新一)\s?轮")
_ACTIVE = re.compile(r"投资了$|(?:先后|相继|陆续|接连|连续)投资$|(?:宣布|决定|同意)[^,，。；;]{0,16}?投资$|入股$|参股$|家[^,，。；;:：]{0,8}?[:：]$")
_RECEIVED = re.compile(r"获(?![悉知准批])得?|迎来|受到?")
_RECEIVED_REACH = 40  # characters back in the segment (a bound, as for the triggers' context)
_PRONOUN_OBJECT = re.compile(r"(?:领投|参投|跟投|投资|入股|注资|投下|投出|押注)了?(?:该公司|公司)的")
_OBJECTLESS = re.compile(r"\s*(?:[,，。；;]|$)")  # the investing verb ends its segment: it names no company
_DESCRIBED_ONLY = re.compile(r"了?(?:一家|一间)?[^,，。；;:：\s]{0,8}?(?:初创|新创|创企|独角兽|公司|企业|平台|品牌|厂商|药企|车企|设计商|供应商|制造商|服务商)"
                            r"(?=\s|[,，。；;:：]|$)")
_COUNTED_LIST = re.compile(r"了?[一两二三四五六七八九十\d]+家[^,，。；;:：]{0,8}?[:：]")
_DESCRIBES = re.compile(r"(?:第[一二三四五六七八九十\d]+[日天])?的[「“\"『]?")  # (…上市的「X」: the name in quotes)
# 附属公司获谷歌投资, X：参股公司Y进入上市辅导, X旗下境外平台发行票据: a child, named or not, takes the step, not the
# name before it
_UNNAMED_CHILD = re.compile(rf"\s*(?:关于)?(?:其|该公司)?(?:全资|控股)?(?:{SUBSIDIARY}|旗下[\u4e00-\u9fff]{{0,4}}?(?:公司|企业|平台|主体))")
_COLON_CHILD = re.compile(COLON_CHILD)
_TAKES_IN = re.compile(r"工商变更|新增(?:了)?股东|迎来|引入|获得?")
_PARENT_OF_INVESTOR = re.compile(r"(?:后者|其|该机构|该基金)(?:为|是)$")
# …的X，也在今年9月完成了A轮: an adverb (or a date) opens a segment that goes on about the name before it
_ADVERB_OPEN = re.compile(r"\s*(?:也|亦|还|则|同样|同期|刚刚?|近日|日前|(?:今日|今天|正式)?宣布)")  # …创立的Y，宣布完成…
_DESCRIBED_BY = re.compile(r"(?:的|——)[^,，。；;的]{0,8}$")
_OTHER_SIDE = re.compile(r"\s*(?:后者|前者|对方|双方)")
# 昨日召开的上市委审议会议上，X首发过会: the listing committee (上市委) names no step; its meeting's day is the step's
_COMMITTEE = re.compile(r"委(?!托)")
# 2023年，它拿到了X的天使轮投资: 它 stands for the company, as 公司 does; 它的融资节奏一直很快。: a sentence that opens on
# 它 / 其 goes on about the company in focus (not 它们, 其他, 其实 …)
_IT = re.compile(r"它(?!们)")
# 保荐机构为X, 36氪获悉: an adviser, a medium that reports (no rival of the company in focus; narrower than the role cues'
# advisers and sources, which would also pass 的数据 and a dateline's separator)
_ADVISER_BEFORE = re.compile(r"(?:保荐机构|保荐人|主承销商|承销商|审计机构|会计师|律师事务所|律师|财务顾问)(?:\(主承销商\))?(?:为|是|[:：])\s?$")
_REPORTS = re.compile(r"\s?(?:独家)?(?:获悉|了解到|注意到|报道|讯)")
# 36氪　文｜X, 同花顺　2025-07-18 20:36, 同花顺 > 新股: the medium's byline, its dated line, its breadcrumb
_BYLINE_AFTER = re.compile(r"\s*(?:(?:文|作者|记者|编辑|撰文)\s?[|｜:：]|[>＞]|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:\n|$))")
_OPENS_ON_IT = re.compile(rf"\s*(?:{_IT.pattern}|其(?![他它中余后实次]))")
# 在亚马逊, 、亚马逊和, 包括X: a name after a preposition or a list's joiner (see _object)
# (他告诉36氪，公司…: the outlet told, not the company in focus)
_OBJECT_BEFORE = re.compile(r"(?:在|从|离开|加入|任职于|就职于|供职于|来自|包括|包含|比如|例如|、|与|和|跟|同|告诉|告知|对|向|由)$")
_STAYED_OUT = re.compile(r"(?:并未|未曾|未|没有|并没有|均未|也未|亦未)(?:参与|参投|跟投|投资|入股)了?[^,，。；;]{0,8}$")
_DESCRIBES_NAME = re.compile(r"[^,，。；;的]{1,16}的")
_LIST_ITEM = re.compile(r"\s*\d{1,2}[.、)]\D")
_ITEM_NUMBER = re.compile(r"[ \t]*\d{1,2}\s?(?:、|[.)](?!\d))")  # 1、2025.9.22…, 2. 星河…; not 2025.9
_NUMBERED = re.compile(rf"{_ITEM_NUMBER.pattern}|[ \t]*\d{{1,2}}\.(?=(?:19|20)\d{{2}}年)")  # (3．2024年12月，…)


def _rows_of_one_table(text: str, above: tuple[int, int], start: int) -> bool:
    """1｜澄海基金管理有限公司｜4,267,425 over 2｜Brightwater Capital AG｜2,370,791: two rows of one flattened table (as
    many cells), not an item's header line over its body."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return bool(BAR.search(text, *above)) and len(cells(text, *above)) == len(cells(text, start, end))
# a table row (1. 桥石智能｜协作机器人｜A轮，1亿元): the company is in the first cell, the others describe it
_FIRST_CELL = re.compile(r"\s*\|?\s*(?:\d{1,2}[.、)]\s*)?[^|\n]{2,30}?\s?(?=\|)")
_TITLE = re.compile(r"公告\s*$")
# 星河科技融资历程：, 星河科技的历次融资: a line that heads the rows of one company's rounds
_HISTORY_WORDS = r"融资历程|融资历史|融资记录|历次融资"  # the words that head a company's rounds
_HISTORY_HEAD = re.compile(rf"[ \t]*(?P<name>[^,，。；;:：|｜\n]{{2,20}}?)的?(?:{_HISTORY_WORDS}|历史融资|融资情况|融资一览)[:：]?[ \t]*")
_HISTORY_ROWS = 12
_FILING_HEAD = re.compile(r"(?:股份代号|证券代码|股票代码|证券简称)[:：]")
_SHORT_NAME = re.compile(r"(?:证券|股票)简称[:：]\s*")
# 版权所有 © 2025 江苏星河新材料集团股份有限公司: a company's own site, its owner named only in the footer, on a page
# that speaks of itself (本公司首次公开发行…, 我司)
_COPYRIGHT_LINE = re.compile(r"^[^\n]*(?:版权所有|Copyright|©)[^\n]*$", re.M | re.I)
_FIRST_PERSON = re.compile(r"本公司|我司|我公司|本集团|我集团")
# 二、两年内完成两轮大额融资: a section heading, no sentence of the story
_COLON = re.compile(r"\s?[:：]")
_BOARD_FIRST = re.compile(rf"\s?{BOARD_WORD}\s?")  # 2只新股申购：沪主板X、…
# 其中，中芯聚源作为领投方出资1.2亿元: an investor's part of the round told before, no round of its own
# (其中，A、B分别完成…融资 and 其中，A完成由X领投的B轮 list rounds)
_BREAKDOWN = re.compile(r"\s*其中[,，]\s*(?:(?!完成|获|宣布|融资|轮)[^,，。；;]){2,20}?(?:作为[^,，。；;]{0,8}?(?:领投方|跟投方|投资方))?"
                        r"(?:出资|认购|领投|跟投)了?[^,，。；;]{0,4}?[\d一二两三四五六七八九十数几]")
_CITED = re.compile(rf"{CITATION}\s*$")  # a summary's bullet (…[1] -)
# a comma segment whose subject is the company in focus (公司拿到…, 该企业获得…)
_OPENS_ON_COMPANY = re.compile(rf"\s*(?:该公司|该企业|公司|{DESCRIBED_PRONOUN})")
# 公司…，并拟向云臻公司增资5亿元: the company in focus puts money into a party no rule named; it raises nothing
_JOINS_THIS_ROUND = re.compile(r"(?:参与|参投|跟投|认购)了?(?:本轮|此轮|这一轮|是轮|该轮|本次|此次|这次)")
_GIVES_INTO = re.compile(r"(?:向|对)(?!(?:该|本)?公司|其|该企业)[^,，。；;]{2,12}$")  # (向公司增资: it receives)
_PUTS_IN = re.compile(r"增资|注资|投资|出资")
_TOLD_TO = re.compile(r"(?:告诉|告知|接受)$")  # 他告诉36氪: the outlet told, no company
_COUNTERPART = re.compile(r"(?:公司|该公司|其|他们|我们)(?:和|与|同|跟)$")  # 公司和汧湄能源签下合同: the other side of a deal
_SOURCE_AFTER = re.compile(r"\s?(?:数据|统计|资料)?(?:显示|表明|称|指出)|\s?(?:数据|统计)")  # Wind数据显示 (and _REPORTS)
# what may stand before the name a sentence opens on: quotes, an item's label (【已定价】X（JLBO）)
_OPENS_ON_NAME = re.compile(r"[\s“”\"「」『』《》]*(?:【[^【】\n]{1,8}】\s?)?")
_RECEIVES = re.compile(r"(?:获得?|拿到|拿下|取得|接受|得到|迎来)了?$")
_OWNER_TO_ROUND = re.compile(r"[」”\"』]?\s?的?")  # Y的B轮, 「Y」B轮
# 继去年8月拿下A轮后，: a clause told before the subject it shares with the clause after it
# 对后者增资, 向前者注资: the verb's company is told by 前者 / 后者 right before it
_TO_FORMER_LATTER = re.compile(r"(?:对|向)(?P<which>前者|后者)(?=\s?$)")
# 领投后者3.5亿元B轮融资: the investing verb's object is told by 前者 / 后者 right after it
_INVESTS_FORMER_LATTER = re.compile(r"(?:领投|参投|跟投|投资|入股|注资|增资)了?(?P<which>前者|后者)")
_BEFORE_THE_SUBJECT = re.compile(r"继[^,，。；;]{1,24}?(?:之后|后)[,，]?\s*$")
# 根据协议，X将…: a sentence that tells the terms of an agreement signed in the sentence before
_PER_AGREEMENT = re.compile(r"\s*(?:根据|按照|依据|按)(?:该|上述|双方)?(?:协议|约定|合同)")
_TIME_OF_DAY = re.compile(r"\d[:：]\d|[点时]")  # 2025-11-06 08:15: a page's time, no timeline's date
# a sentence that opens with its date (6月5日下午，…, 今天，…), or a calendar's line (周一（12月8日）｜X｜科创板)
_SENTENCE_DATE = re.compile(r"\s*(?P<date>[^,，。；;:：|\n]{2,16}?)(?:上午|下午|晚间|早间|晚|盘后)?(?:[,，]|\s?\|)")
_ENTRY_TITLE_REST = 8  # characters of a site's word after an entry's name on its first line (- 企业名片)
_CHRONICLE_LINE = re.compile(r"\s*(?:19|20)\d\d年(?:\d{1,2}月(?:\d{1,2}日)?(?:[初中底末]|上旬|中旬|下旬)?)?(?:\s?[,，:：]|[ \t\u3000]+)")
# ▍融资历程 above a chronicle's lines: the rounds of the company the page is about
_ROUNDS_HISTORY = re.compile(r"[^\S\n]*(?:[▍●■◆#【]|[一二三四五六七八九十]+、|\d{1,2}[.、])?[^\S\n]*"
                             rf"(?:{_HISTORY_WORDS}|过往融资|融资经历)】?[:：]?[^\S\n]*$")
_HISTORY_LINES = 60  # how many lines of rounds a history's heading may stand above


def _line_shape(text: str, start: int) -> str | None:
    """A sentence that opens a line of a chronicle (2021年：…, 2024年5月，…) or a table's row (…|…), else None."""
    if start and text[start - 1] != "\n":
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if _CHRONICLE_LINE.match(text, start, end):
        return "chronicle"
    return "row" if BAR.search(text, start, end) else None


def _row_names_its_company(text: str, start: int, end: int) -> bool:
    """A table's row whose cell under a company column holds something."""
    return any(role == "subject" and any(c.isalnum() for c in text[a:b]) for role, a, b in table_zones(text, start, end))


_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|[▍●■◆【])?[^,，。；;!?！？\n]{1,30}[?？]?\n*")
# 股份将于7月4日上市, 股份本月十五日挂牌, 股份预期明日(29日)在主板开始买卖, 股份预计7月14日(下周二)在港交所挂牌: a clause that opens on
# the shares is about the company in focus
_SHARES_OF_FOCUS = re.compile(r"\s*(?:其|该公司)?(?:股份|股票|H股)(?:将|预计|预期|拟|计划|已|亦)?(?:于|在|本月|下月|下周|明日|明天|今日|今天|今晚|今夜|\d{1,2}月\d{1,2}日)")
# an interview's guest, named with the company they lead near the top: 米粒智造CEO孔维, 陈泊（极屿储能创始人兼CEO）
_LEADER = r"的?(?:联合)?(?:创始人|创办人|董事长|CEO|首席执行官|总裁|总经理|行政总裁|执行长|CFO|首席财务官|财务总监|董事会秘书|董秘)(?:兼[A-Za-z\u4e00-\u9fff]{1,6}?)?"
_GUEST_AFTER = re.compile(rf"{_LEADER}[\s\u3000]?(?P<person>[\u4e00-\u9fff]{{2,3}}?)(?=[\s:：,，、(（]|说|表示|同台|对话|$)")
_GUEST_BEFORE = re.compile(r"(?P<person>[\u4e00-\u9fff]{2,3})[(（]$")
_GUEST_BEFORE_END = re.compile(rf"{_LEADER}[)）]")
_WE = re.compile(r"我们|我司|咱们")
_QUOTE_REACH = 1000  # a quote longer than this is no one's words (a bound, so that hostile text costs no scan a clause)
# ”康岱医疗联合创始人陆明川说: who says the quote before it, with their company and title
# (…漪光芯片的创始人在采访中说: the leader unnamed)
_SAID_AFTER = re.compile(rf"[，,]?\s?[^，,。；;“”\n]{{2,24}}?(?P<leader>{_LEADER})"
                         r"(?:[\s\u3000]?[\u4e00-\u9fff]{2,3}|在[^，,。；;“”\n]{1,8}?)(?:说|表示|称|介绍|透露|坦言|告诉)")
_TITLED = re.compile(rf"{_LEADER}[\s\u3000]?([\u4e00-\u9fff]{{2,3}})")  # 创始人廖嘉衡此前…: the name, its end unsure
# 对话苔蓝生物陶予宁：…, 专访X张三｜…: an interview's headline names the guest right after the company, no title between
_SPEAKER = re.compile(r"^[ \t]*([^\s:：,，。]{2,8})[:：]", re.M)
_ANSWER = re.compile(r"^[ \t]*(?:答|A)\s?[:：]", re.M)
_QUESTION = re.compile(r"[?？]\s*$|^[ \t]*(?:问|Q)\s?[:：]", re.M)
_QA_LABEL = re.compile(r"^[ \t]*(?:问|答|Q|A)\s?[:：]", re.M)
_INTERVIEW_HEAD = re.compile(r"(?:对话|专访|独家对话|访谈)\s?[｜|丨:：]?\s?[「“\"『]?$")
_GUEST_UNTITLED = re.compile(r"[」”\"』]?\s?(?P<person>[\u4e00-\u9fff]{2,3}?)(?=[:：｜|丨\s])")


def _allottee_row(text: str, start: int, end: int) -> bool:
    """A flattened table's row under a header with an allottees' column (序号｜发行对象｜获配股数)."""
    if not BAR.search(text, start, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return any(ALLOTTEE_COLUMN.fullmatch(header_label(text, a))
               for a, _ in cells(text, line_start, len(text) if line_end < 0 else line_end))


def _names_after(text: str, t: trig.Trigger) -> bool:
    if _RECEIVED.search(text, max(trig.segment_start(text, t.start, 0), t.start - _RECEIVED_REACH), t.start):
        return False  # X获Y战略入股: the verb is received, the company is named before it
    return bool(_ACTIVE.search(text, t.start, t.end) or _COUNTED_LIST.match(text, t.end)
                or is_bare_verb(text, t) or (_JOINS.fullmatch(text, t.start, t.end) and _NAMED_ROUND.match(text, t.end)))


_JOINS_LIST = re.compile(r"(?:以及|及|和|、)\s?$")  # a list of investors goes on


def _segment(text: str, pos: int, floor: int, ceiling: int) -> tuple[int, int]:
    """The comma-separated segment that holds `pos`, within floor..ceiling."""
    return trig.segment_start(text, pos, floor), segment_end(text, pos, ceiling)


# …的申请，已于本月12日经深交所审核通过: a segment that opens on when the step before it happened
_WHEN_NEXT = re.compile(r"[,，]\s?(?:已经?|并|均)?(?:于|在)")
# …，源码资本领投，交割于5月16日完成 / 资金已于9月3日到账 / 时间为3月4日: a later segment of the sentence that says when
# a round closed (its words right before or after the date) dates it, when the trigger's own segment tells no date
_CLOSED_AFTER = re.compile(r"(?:已经?)?(?:全部|全额)?(?:完成|办理完毕)?(?:交割|到账|到位|签署|签约|工商变更|完成)")
_CLOSED_BEFORE = re.compile(r"(?:时间|日期|官宣日|交割日|签约日|到账日)(?:为|是)?[:：]?\s?$")


def _usable_date(d: Entity) -> bool:
    """Resolved, or a calendar date (7月22日) whose year nothing gives: it keeps its text."""
    return d.value is not None or is_calendar(d.text)


_BACK_THEN = re.compile(r"当时|彼时|那时|当年")


def _not_a_date_of(ctx: Context, d: Entity, seg_end: int, seg: int) -> bool:
    """成立于2018年, 2022年度第一期, 2022年8月成立以来: the date says something else."""
    return bool(cues("date_not", "before").search(ctx.text[max(seg, d.start - 4) : d.start])
                or cues("date_not", "after").match(ctx.text, d.end, seg_end))


def _investor_or_medium(text: str, e: Entity) -> bool:
    """An investment firm (君联资本) or a medium that reports (36氪获悉, 36氪　文｜X, 36氪出海 · 周报): a name beside a
    company, never its rival."""
    return bool(INVESTOR_NAME.search(e.text) or _REPORTS.match(text, e.end) or _medium_after(text, e.end))


def _medium_after(text: str, end: int) -> bool:
    """36氪　文｜X, Wind资讯｜…月报, 36氪出海获悉，…: the words after a name that make it a medium's byline, label or
    report (a source's cue)."""
    return bool(_BYLINE_AFTER.match(text, end) or cues("source", "after").match(text, end))


def _gives(text: str, t: trig.Trigger, floor: int) -> bool:
    """向澄臻公司增资: a putting-in verb after 向 / 对 and its object in the trigger's segment."""
    return bool(_PUTS_IN.fullmatch(text, t.start, t.end)) \
        and bool(_GIVES_INTO.search(text, max(trig.segment_start(text, t.start, floor), t.start - 14), t.start))  # (bounded)


class RuleProposer:
    def __init__(self, ctx: Context, named_elsewhere: frozenset = frozenset()):
        """named_elsewhere: (clause index, event type) pairs another proposer names a
        company for; elsewhere a clause without a subject costs no argument rules."""
        self.ctx = ctx
        self.named_elsewhere = named_elsewhere
        self._owner: Entity | None = None  # the company the line above names, for the clause at hand
        self.issuer = self._issuer()  # a filing's issuer: 本公司 anywhere in it
        self.topic: tuple[Entity, int] | None = self.issuer  # (company in focus, its sentence index)
        self._crumbs = BREADCRUMBS.match(ctx.text).end()  # 新浪财经 > 港股 > 港股回A: the site's sections name no company
        self.first = self.issuer  # the first company in focus: the one the page is about
        self.entry = self._entry()  # the company a reference page is about
        # 晚点：去年那轮融资…: a name that opens two lines or more with a colon is the interviewer's label (a medium),
        # never the subject
        labels = Counter(m.group(1) for m in _SPEAKER.finditer(ctx.text))
        self._speakers = {label for label, n in labels.items() if n >= 2}
        # 问：… / 答：…: an interview whose answers are labelled, not named
        self._answers = len(_ANSWER.findall(ctx.text)) >= 2
        # an interview's guests: (the company each speaks for, their name), one per company at a roundtable
        self.guests = self._guests()
        # a line that opens with a guest's name and a colon, or what they are quoted to say (黄子轩说：「…」)
        self._turns = [(company, re.compile(rf"\s*{re.escape(person)}(?:[(（][^()（）\n]{{0,30}}[)）])?(?:说|表示|称)?[:：]"),
                        re.compile(rf"{re.escape(person)}(?:说|表示|称)[:：]")) for company, person in self.guests]
        # where quotes open and close (“我们…”X创始人张三说), found once for the whole text
        self._quote_opens = [m.start() for m in re.finditer("“", ctx.text)] if "“" in ctx.text else []
        self._quote_closes = [m.start() for m in re.finditer("”", ctx.text)] if self._quote_opens else []
        # the starts of the names a clause makes an investor, a source or an adviser (set by propose)
        self._bystanders: set[int] = set()
        self._invested: set = set()  # the parties the clauses read so far made investors
        self._sentence_triggers: dict[int, list[trig.Trigger]] = {}
        for clause in ctx.clauses:
            self._sentence_triggers.setdefault(clause.sentence, []).extend(clause.triggers)

    def _issuer(self) -> tuple[Entity, int] | None:
        """A filing's issuer, in focus from the start: the first company alone on a line among the head's
        lines, when the head gives a stock code (星河物流控股有限公司 / … / (股份代号：1863)), else the one its 证券简称
        names."""
        text = self.ctx.text
        head = text[:400]
        if not _FILING_HEAD.search(head):
            return self._site_owner()
        for ent in self.ctx.within(0, len(head), "COMPANY"):
            if (ent.start == 0 or text[ent.start - 1] == "\n") and text.startswith("\n", ent.end):
                return ent, self.ctx.sentence_index(ent.start)
        # 证券代码：603718　证券简称：星河电子: an A-share notice's head names its issuer by its short name
        for short in _SHORT_NAME.finditer(head):
            named = next((e for e in self.ctx.within(short.end(), len(head), "COMPANY") if e.start == short.end()), None)
            if named is not None:
                return named, self.ctx.sentence_index(named.start)
        return None

    def _entry(self) -> tuple[Entity, int] | None:
        """The company an entry is about (百科, 企业名片): the page's first line is its name, a word of the site's at
        most after it (珣翊机器人 - 企业名片). A chronicle's lines and a table's rows go on about it however far down."""
        text, top = self.ctx.text, self._crumbs  # (天眼查 > 企业 > X above it: the site's sections)
        line_end = text.find("\n", top)
        if line_end < 0:
            return None
        name = next(iter(self.ctx.within(top, line_end, "COMPANY")), None)
        if name is None or text[top:name.start].strip() or len(text[name.end:line_end].strip()) > _ENTRY_TITLE_REST:
            return None
        return name, self.ctx.sentence_index(name.start)

    def _site_owner(self) -> tuple[Entity, int] | None:
        """The company a page that speaks of itself (本公司, 我司) belongs to: the one its copyright line names."""
        text = self.ctx.text
        if not _FIRST_PERSON.search(text):
            return None
        for line in reversed(list(_COPYRIGHT_LINE.finditer(text))):
            owner = next(iter(self.ctx.within(line.start(), line.end(), "COMPANY")), None)
            if owner is not None:
                return owner, self.ctx.sentence_index(owner.start)
        return None

    def _guests(self) -> list[tuple[Entity, str]]:
        """An interview's guests, named near the top beside the company they lead (米粒智造CEO孔维,
        陈泊（极屿储能创始人兼CEO）, 对话苔蓝生物陶予宁; A公司CEO张三、B公司创始人李四同台对话): their turns (孔维：今年我们
        拿到了A轮) speak of that company."""
        text = self.ctx.text
        top = min(len(text), 300)
        found: dict[str, tuple[Entity, str]] = {}  # person -> (company, person)
        for ent in self.ctx.within(0, top, "COMPANY"):
            if (guest := self._guest_of_name(ent, top)) is not None:
                found.setdefault(guest[1], guest)
        if found:
            return list(found.values())
        guest = self._titled_guest(top)
        return [guest] if guest else []

    def _guest_of_name(self, ent: Entity, top: int) -> tuple[Entity, str] | None:
        """(ent, the person named as its leader at one of its mentions at the top), if any."""
        text = self.ctx.text
        start = text.find(ent.text, 0, top)
        while start >= 0:  # every mention at the top (净蓝水务创办人 梁颖诗 under the headline's 净蓝水务)
            end = start + len(ent.text)
            m = _GUEST_AFTER.match(text, end)
            if m is None and _GUEST_BEFORE_END.match(text, end):
                m = _GUEST_BEFORE.search(text, max(0, start - 4), start)
            if m is None and _INTERVIEW_HEAD.search(text, max(0, start - 5), start):
                m = _GUEST_UNTITLED.match(text, end)
                # (only a guest whose turns the text gives: 陶予宁：…)
                m = m if m and re.search(rf"\n\s*{re.escape(m.group('person'))}[:：]", text) else None
            if m is not None:
                return ent, m.group("person")
            start = text.find(ent.text, end, top)
        return None

    def _titled_guest(self, top: int) -> tuple[Entity, str] | None:
        """X的工程师正在调试…。创始人廖嘉衡此前…, then 廖嘉衡：… (or 问：… 答：…): a leader the lede names with a title
        only, whose turns the text gives, speaks for the one company the lede names."""
        text = self.ctx.text
        turns = [m.start() for m in _SPEAKER.finditer(text, 0, top) if m.group(1) in self._speakers]
        first_qa = _QA_LABEL.search(text, 0, top) if self._answers else None
        top = min([top, *turns, *([first_qa.start()] if first_qa else [])])  # the lede, before the first turn
        # (the investors the lede names are not whom the guest speaks for, nor its sponsor: 保荐机构为X)
        named = [e for e in self.ctx.within(0, top, "COMPANY")
                 if e.text not in self._speakers and not INVESTOR_NAME.search(e.text)
                 and not _ADVISER_BEFORE.search(text, max(0, e.start - 8), e.start)]
        if len({self.ctx.cluster(e) for e in named}) != 1:
            return None
        for m in _TITLED.finditer(text, 0, top):
            # (问：… 答：…: the leader the lede names answers, whatever the label)
            person = m.group(1) if self._answers else next((p for p in (m.group(1), m.group(1)[:2])
                                                            if re.search(rf"\n[ \t]*{re.escape(p)}[:：]", text)), None)
            if person:
                return named[0], person
        return None

    def _guest_of(self, clause: Clause) -> Entity | None:
        """The company of the guest whose turn the clause is in, or who is quoted to say it. (Where one guest
        answers 答：, a round told in an answer is their company's; a listing step there is talk, 视乎首日表现…)"""
        text = self.ctx.text
        line = text.rfind("\n", 0, clause.start) + 1
        if self._answers and len(self.guests) == 1 and _ANSWER.match(text, line) \
                and any(t.event == "funding" for t in clause.triggers):
            return self.guests[0][0]
        return next((company for company, turn, said in self._turns
                     if turn.match(text, line) or said.search(text, line, clause.start)), None)

    def _quote_speaker(self, clause: Clause) -> Entity | None:
        """“我们…”X创始人张三说: the company of the leader named right after the quote the clause is in, when the
        quote speaks as 我们."""
        text = self.ctx.text
        i = bisect.bisect_right(self._quote_opens, clause.start) - 1  # the last “ at or before the clause
        opened = self._quote_opens[i] if i >= 0 else -1
        j = bisect.bisect_left(self._quote_closes, opened)  # the first ” after it
        closed = self._quote_closes[j] if j < len(self._quote_closes) else -1
        if opened < 0 or closed < clause.start or closed - opened > _QUOTE_REACH or "\n" in text[opened:closed] \
                or not _WE.search(text, opened, clause.end):
            return None
        said = _SAID_AFTER.match(text, closed + 1)
        if said is None:
            return None
        return next(iter(self.ctx.within(said.start(), said.start("leader"), "COMPANY")), None)

    def propose(self, views: list[ClauseView]) -> list[Proposal]:
        out: list[Proposal] = []
        # where the text names an investor (元禾原点以每股16.8元认购公司新增股份), a source or an adviser (联席保荐人为X及Y):
        # never a rival of the company in focus
        self._bystanders = {e.start for view in views for e in (*view.investors, *view.sources)}
        for view in views:
            out.extend(self._clause(view))
            self._invested.update(self.ctx.party(e) for e in view.investors)
        return out

    def _subject(self, clause: Clause, others: list[Entity], live: list[trig.Trigger], has_args: bool,
                 sources: list[Entity] = (), names_investors: bool = False) -> Entity | None:
        """The company the clause is about, among its names that play no other role
        (organisations are regulators and sources, never the subject): in a
        trigger's own comma segment the name nearest before the trigger, else the
        segment's first; else the clause's first."""
        text, start, end = self.ctx.text, clause.start, clause.end
        self._owner, self._counted = None, False
        for t in live:  # X与Y签署合作协议，后者拟向前者增资5亿元: the company the verb's 前者 / 后者 stands for
            told_of = _TO_FORMER_LATTER.search(text, trig.segment_start(text, t.start, start), t.start)
            if told_of and (referent := former_or_latter(self.ctx, told_of.start("which"))) is not None:
                return referent
            told_of = _INVESTS_FORMER_LATTER.match(text, t.start)
            if told_of and (referent := former_or_latter(self.ctx, told_of.start("which"), of_two=True)) is not None:
                return referent
            if (issuer := subscribed_issuer(self.ctx, start, t.start)) is not None:
                return issuer  # X与Y订立认购协议，以8,000万港元认购其新股: Y issues them
        referent = former_or_latter(self.ctx, start)
        if referent is not None:  # …分别完成A轮和天使轮融资；后者获X独家投资
            return referent
        if not [e for e in others if e.label == "COMPANY"] and (speaker := self._quote_speaker(clause)):
            self._owner = speaker  # (in focus for the clauses after it: …，另一家参投机构为Y)
            return speaker  # “我们拿到的Pre-A轮…”X联合创始人张三说
        before = _BEFORE_THE_SUBJECT.search(text, start, end)
        if before and not any(e.end <= before.start() for e in others):  # 继去年8月拿下A轮后，X上周又获A+轮: X, named after
            named = next(iter(self.ctx.within(end, self.ctx.sentence_of(start)[1], "COMPANY")), None)
            if named is None and _OPENS_ON_COMPANY.match(text, end):  # …，公司近日又拿下B轮: the company in focus
                self.topic = self.topic or self._introduced(clause)
                return self.topic[0] if self.topic else None
            return named
        # (换成华泰联合证券保荐，当年8月上会却被否决: a sponsor or adviser named by the way takes no step; the company in focus does)
        others = [e for e in others if e.label == "COMPANY" and not any(e.text == person for _, person in self.guests)
                  and not self._advises(e, trig.segment_start(text, e.start, start))]
        cell = _FIRST_CELL.match(text, start, end)
        if cell and (first_cell := [e for e in others if e.end <= cell.end()]):
            others = first_cell
        active_only = bool(live) and all(_names_after(text, t) for t in live)
        # an attach word (募资 after a round) names no subject while a trigger of its own is there
        told = [t for t in live if t.stage != "attach"] or live
        for t in told:  # 奇信股份公告,嘉元科技股票在科创板上市; 受A、B青睐 印度电商C获D轮融资
            if _PRONOUN_OBJECT.search(text, t.start, t.end) and self.topic and self._in_focus(clause.sentence, start):
                return self.topic[0]  # 那一年它领投了公司的B轮: the investor's verb names the company in focus after it
            at, pos = trig.told_at(text, t)  # 上会：…，A、B均获通过: told where its last segment opens
            seg_start, seg_end = _segment(text, at, start, end)
            named = [e for e in others if seg_start <= e.start and e.end <= seg_end]
            ordered = [e for e in reversed(named) if e.end <= pos] + [e for e in named if e.end > pos]
            if _names_after(text, t):  # 有着蚂蚁金服基因的风投X投资了Y: Y raises, never a name before
                counted = _COUNTED_LIST.match(text, t.end)
                after = counted.end() if counted else t.end
                # …两家公司：X和Y: the list after the colon
                last = segment_end(text, after, end) if text[after - 1] in ":：" else seg_end
                ordered = [e for e in others if t.start < e.end and seg_start <= e.start and e.end <= last]
            if not ordered and others and all(e.start >= t.end for e in others) \
                    and _OPENS_ON_COMPANY.match(text, seg_start, t.start):
                # (2、泷栩医疗 / 这家做…的公司拿到近亿元A轮: the item's header above names the company)
                if (owner := self._line_owner(clause)) is not None:
                    return owner
                if self.topic and self._in_focus(clause.sentence, start):
                    return self.topic[0]  # 2023年，公司拿到300万元天使投资，帐篷在小红书上卖断了货: 公司, not a later name
            before = [e for e in ordered if e.end <= pos]
            count = _GROUP.search(text, before[0].end, pos) if before and not _names_after(text, t) else None
            if count and text[before[0].end:count.start()].strip() not in ("", "等"):
                self._counted = "家" in count.group()  # 光谷已有超过40家光电子企业获得融资: the counted raised, not the place
                return None  # (A、B两家公司也完成了融资, X等3家: the names are the counted)
            if ordered:  # 三顿半完成红杉资本战略融资: an investment firm is the subject only when alone;
                # 蓝港控股集团旗下子公司蓝港能源发行…: nor a parent named before its child; 鸿海旗下公司获
                # 谷歌投资: a child the segment does not name raised the money, not the parent
                own = [e for e in ordered if not PARENT_OF_NEXT.match(text, e.end)
                       and not (e.end <= t.start and _UNNAMED_CHILD.search(text, e.end, t.start))]
                if own:
                    # nor a bank of a loan when another name is there (X拟向星商银行申请贷款)
                    loan = bool(LOAN.search(text, t.start, t.end))
                    named = next((e for e in own if not INVESTOR_NAME.search(e.text)
                                  and not (loan and is_lender(e))), None)
                    return named or self._pronoun_focus(clause, t.start) or own[0]
                return self._guest_of(clause)
            if _UNNAMED_CHILD.match(text, seg_start):  # 附属公司获谷歌投资: nor the parent named before
                return None
            # 已有5家被投企业登陆A股: companies counted, none named (not A、B以及一家SaaS公司的前COO参投: one more
            # investor at the end of a list)
            count = _GROUP.search(text, seg_start, t.start)
            if count and not (names_investors and _JOINS_LIST.search(text, seg_start, count.start())):
                # 本周3家企业上会获通过：A、B、C: the count's names, listed right after the trigger's colon
                colon = _COLON.match(text, t.end)
                listed = [g for g in name_lists(self.ctx, colon.end(), end) if len(g) >= 2] if colon else []
                first = listed[0][0] if listed else None
                if first is not None and (first.start == colon.end() or _BOARD_FIRST.fullmatch(text, colon.end(), first.start)):
                    return first
                # (两只新股挂牌：A…，B…: the count's names follow it)
                self._counted = "家" in count.group() and not any(e.start >= count.end() for e in others)
                return None
        if described := self._described_subject(others, told, start):
            return described
        self._owner = self._line_owner(clause) if not others else None
        if self._owner is not None:
            return self._owner
        # X公告称，公司拟以4000万元参与该轮融资: X joins the round of the company in focus
        if self.topic and any(_JOINS_THIS_ROUND.search(text, max(start, t.start - 8), t.end) for t in live) \
                and self._in_focus(clause.sentence, start, THIS_ROUND_REACH):
            return self.topic[0]
        # X宣布，公司拟…; X创始人张三透露，公司已…: X speaks of itself
        announcer = self._announcer(clause, sorted([*others, *(e for e in sources if e.label == "COMPANY")],
                                                   key=lambda e: e.start), live)
        if announcer is not None:  # 瓯越电气的客户之一、上市公司宁华电力宣布，公司拟发行可转债
            return announcer
        if active_only:  # X投资了: only a name after the verb, or 该公司 after it, is the company
            if receiver := next((e for e in others if receives_money(self.ctx, e, start)), None):
                return receiver  # 公司已完成对Y（下称“Z”）的战略入股: the name the money went into, before the verb
            # 筠潞氢能完成工商变更：汾峤产投战略入股: the name the clause opens on, said to take in a holder before a
            # colon, was bought into (not one that announces: X公告：公司拟战略入股Y)
            opener = next((e for e in others if e.start == start and (colon := _COLON.search(text, e.end, live[0].start))
                           and _TAKES_IN.search(text, e.end, colon.start())), None)
            if opener is not None:
                return opener
            if _OBJECTLESS.match(text, live[0].end) and self.topic and self._in_focus(clause.sentence, start):
                return self.topic[0]  # 腾讯曾于2021年斥资1亿美元入股，…: it bought into the company in focus
            if not PRONOUN.match(text, live[0].end):
                # 骏晞控股8000万港元入股生科初创: the company bought into is only described; no learned guess names it
                self._counted = bool(_DESCRIBED_ONLY.match(text, live[0].end))
                return None
            # 3）极序医疗：2025年2月，独家投资其Pre-A轮: the item's header name, else the company in focus
            header = next((e for e in others if e.end <= live[0].start and _COLON.match(text, e.end)), None)
            return header or (self.topic[0] if self.topic else None)
        if all(PARENT_OF_NEXT.match(text, e.end) or INVESTOR_NAME.search(e.text) for e in others):
            if guest := self._guest_of(clause):
                return guest  # 陈泊：这一轮总共2亿元，宁德时代旗下的晨道资本领投 (a parent, an investment firm)
            # 是轮由X领投，渣打旗下SC Ventures跟进: this round's investors only, of the company in focus
            if names_investors and self.topic and THIS_ROUND.search(text, start, end) \
                    and self._in_focus(clause.sentence, start, THIS_ROUND_REACH):
                return self.topic[0]
        owner = next((e for e in others if self._owns_round(e)), None)
        if owner is not None:  # X公告称，拟以1.2亿元参与Y的B轮融资，与Z共同领投: the round is Y's
            return owner
        if len(others) > 1 and _ANNOUNCES.match(text, others[0].end):
            # X公告，全资子公司Y拟通过增资扩股方式引入…: the child the announcer names raises
            child = next((e for e in others[1:] if _CHILD_BEFORE.search(text, start, e.start)
                          and _CHILD_RAISES.match(text, e.end)), None)
            if child is not None:
                return child
        if told and all(_gives(text, t, start) for t in told):  # X公告，拟向澄臻公司增资: X gives, to a party no rule named
            return None
        # X披露，全资子公司Z已出资1.2亿元，对上游企业Y实施战略入股: the name the money goes into, not the announcer
        receiver = next((e for e in others[1:] if receives_money(self.ctx, e, start)), None)
        if receiver is not None:
            return receiver
        if others:  # 吉利汽车(00175)旗下品牌远程汽车完成A轮融资: a parent is not the subject, nor
            # the parent of the investor (由X领投，后者为复星医药全资子公司)
            # (nor a parent whose unnamed child raised: X：储能子公司B轮落地)
            return next((e for e in others if not PARENT_OF_NEXT.match(text, e.end)),
                        None if _PARENT_OF_INVESTOR.search(text, start, others[0].start)
                        or _COLON_CHILD.match(text, others[0].end) else others[0])
        if _LIST_ITEM.match(text, start, end):  # 8.驿公里获C+轮…: each item of a list has its own subject
            return None
        history = False  # a line under ▍融资历程: the page's company's, however far above it was named
        if self.entry is not None and _line_shape(text, clause.sentence_start):
            self.topic = self.entry  # an entry's chronicle line or table row that names no one: the entry's company
        elif self.first is not None and self._under_rounds_history(clause.sentence_start):
            self.topic = self.first  # (not the investor's parent named in the section above it)
            history = True
        if self.topic is None:
            self.topic = self._introduced(clause)
        if self.topic is None:
            return None
        pronoun = PRONOUN.search(text, start, end) or _SHARES_OF_FOCUS.match(text, start, end)
        # 本公司 in a filing is its issuer, however far down, and so is a clause of its figures that names no one
        # ((三)募集资金：募集资金总额为…, under a notice's numbered points)
        said_of_issuer = (pronoun or has_args) and self.issuer and self.ctx.same_party(self.topic[0], self.issuer[0])
        # 本轮投资方包括…: a clause that says it tells this round's arguments may stand paragraphs after the round
        this_round = THIS_ROUND.search(text, start, end)
        # (…募集资金总额为…。截至…认购资金已到账。三、发行对象及获配情况 / 序号｜发行对象｜…: so may an allottees' row)
        reach = THIS_ROUND_REACH if this_round or (has_args and _allottee_row(text, start, end)) else 2
        if (pronoun or has_args) and (said_of_issuer or history or BULLET.match(text, start)
                                      or self._in_focus(clause.sentence, start, reach)
                                      or (has_args and (self._named_pronoun(pronoun) or _IT.search(text, start, end))
                                          and self._only_one_since(start))) \
                and (this_round or not trig.context_pattern("deal_count").search(text, *self.ctx.sentences[clause.sentence])) \
                and not any(_gives(text, t, start) for t in told):
            return self.topic[0]
        return None

    def _described_subject(self, others: list[Entity], told: list[trig.Trigger], start: int) -> Entity | None:
        """为思湃神经供应电极基材的苏州柏瀚微纳，也在今年9月完成了A轮, X的隔膜供应商——苏州的Y，今年6月拿到了…: the
        name that closes the segment before the trigger's, described by the words before it (…的Y, …——Y), is the
        subject of a segment that opens on an adverb or a date and names no one (the names in the description are
        not)."""
        if not told:
            return None
        text = self.ctx.text
        seg = trig.segment_start(text, told[0].start, start)
        if any(seg <= e.start < told[0].start for e in others):
            return None
        last = next((e for e in reversed(others) if e.end <= seg), None)
        if last is None or text[last.end:seg].strip(" ,，") or not _DESCRIBED_BY.search(text, max(0, last.start - 8), last.start):
            return None
        opens = next((d.end for d in self.ctx.within(seg, told[0].start, "DATE") if not text[seg:d.start].strip()), seg)
        return last if opens > seg or _ADVERB_OPEN.match(text, opens) else None

    def _owns_round(self, name: Entity) -> bool:
        """Y的B轮融资, 「Y」B轮: a named round (not 新一轮, nor 战略投资) right after the name (its closing quote
        and 的 between) is the name's."""
        if _RECEIVES.search(self.ctx.text, max(0, name.start - 4), name.start):
            return False  # 它拿到了X的天使轮投资: X gave that round
        after = _OWNER_TO_ROUND.match(self.ctx.text, name.end).end()
        return any(r.start == after and (r.value or {}).get("name") not in (None, "new", "latest", "strategic")
                   for r in self.ctx.within(after, after + 12, "ROUND"))

    def _pronoun_focus(self, clause: Clause, before: int) -> Entity | None:
        """公司2023年引入的B轮投资者——X产业基金以8,000万元入股: where only investment firms are named, the
        company a pronoun before the trigger stands for."""
        if not (self.topic and self._in_focus(clause.sentence, clause.start)):
            return None
        pronouns = list(PRONOUN.finditer(self.ctx.text, clause.start, before))
        if not pronouns:
            return None
        names = self.ctx.within(clause.start, before, "COMPANY", "ORG")
        # 集团 / 公司 inside 星河交通投资集团有限公司 is part of a name, no pronoun
        if any(not any(e.start <= m.start() and m.end() <= e.end for e in names) for m in pronouns):
            return self.topic[0]
        return None

    def _announcer(self, clause: Clause, others: list[Entity], live: list[trig.Trigger]) -> Entity | None:
        """X宣布，公司拟…: the name that announces, right before the segment of the first trigger,
        when that segment opens with 公司 / 其 / 该公司."""
        if not live:
            return None
        text = self.ctx.text
        # (the first trigger's segment that opens on it: 在随后的融资路演环节，X负责人介绍，公司已完成…)
        seg = next((s for t in live if PRONOUN.match(text, s := trig.segment_start(text, t.start, clause.start))), None)
        if seg is None:
            return None
        if any(e.start >= seg and receives_money(self.ctx, e, seg) for e in others):
            return None  # X公告称，公司已完成对Y的战略入股: X puts money into Y, Y is the company
        return next((e for e in reversed(others) if e.end <= seg and _ANNOUNCES.fullmatch(text, e.end, seg)), None)

    def _introduced(self, clause: Clause) -> tuple[Entity, int] | None:
        """Before any trigger clause named a company: a sentence just before's only company, that it opens on
        (禾曦生物成立于2015年。2021年完成3.5亿元B轮融资) or names anywhere (…注册了途灵科技。第二年，奇绩创坛给了他500万元
        天使轮), unless the sentence is a list's bullet or the name a source (Wind数据显示, 他告诉36氪) or an investment
        firm."""
        ctx = self.ctx
        for i in range(clause.sentence - 1, max(clause.sentence - 3, -1), -1):
            start = ctx.sentences[i][0]
            names = [n for n in ctx.within(*ctx.sentences[i], "COMPANY") if n.text not in self._speakers
                     and n.start >= self._crumbs and not self._advises(n, start)]  # (nor the sponsor, 由保荐机构X包销)
            if not names:
                continue
            first = names[0]
            opens = _OPENS_ON_NAME.fullmatch(ctx.text, start, first.start) and not _medium_after(ctx.text, first.end)
            named = opens or not (
                BULLET.match(ctx.text, start) or _SOURCE_AFTER.match(ctx.text, first.end)
                or _TOLD_TO.search(ctx.text, max(start, first.start - 2), first.start) or _investor_or_medium(ctx.text, first)
                or _COUNTERPART.search(ctx.text, max(start, first.start - 4), first.start))
            if named and all(ctx.same_party(n, first) for n in names):
                return first, i
            return None
        return None

    @staticmethod
    def _named_pronoun(pronoun: re.Match | None) -> bool:
        """这家公司, 该公司, 公司: a pronoun that says what it stands for (其 may be 其中's)."""
        return pronoun is not None and pronoun.re is PRONOUN and pronoun.group() != "其"

    def _lends(self, clause: Clause, live: list[trig.Trigger]) -> bool:
        """A loan told of a bank that does not borrow it (no 获 / 申请 before the loan's word)."""
        text = self.ctx.text
        loans = [t for t in live if LOAN.search(text, t.start, t.end)]
        return bool(loans) and not _BORROWS.search(text, clause.start, loans[0].start)

    def _only_one_since(self, before: int) -> bool:
        """No other company named since the one in focus was (a weak guess aside): a pronoun (这家公司, 公司) in a
        clause with figures or investors then stands for it however many sentences of a feature come between
        (…让柘锂新材拿到了订单。路并不顺。…2023年，中科创星的种子轮投资，是这家公司拿到的第一笔钱; not
        公司上市后确实做过一次定增)."""
        ctx, company = self.ctx, self.topic[0]
        # (an investment firm named between, 这并非君联资本第一次押注这家公司, is the company's investor, and a
        # regulator or a school, 获得国家药监局批准, 毕业于复旦大学, no company: neither is a rival)
        # (nor a medium that reports, 36氪获悉, nor an adviser: 保荐机构为中信证券, nor an investor of a deal told
        # before, said again: 比亚迪既是新股东), nor any name a clause gives a source's or adviser's role (联席保荐人为X及Y)
        return all(ctx.same_party(e, company) or e.weak or _investor_or_medium(ctx.text, e)
                   or e.start in self._bystanders or self.ctx.party(e) in self._invested
                   or _ADVISER_BEFORE.search(ctx.text, max(0, e.start - 8), e.start)
                   for e in ctx.within(company.start, before, "COMPANY"))

    def _under_rounds_history(self, start: int) -> bool:
        """Whether the chronicle line or table row at `start` is one of those under a heading of the rounds' history
        (▍融资历程 / 2024年3月｜A轮｜1.6亿元｜X领投)."""
        text = self.ctx.text
        for _ in range(_HISTORY_LINES):  # (a bound: a table of hostile length costs no walk to its top per row)
            if not start or _line_shape(text, start) is None:
                return False
            start = text.rfind("\n", 0, start - 1) + 1
            end = text.find("\n", start)
            if _ROUNDS_HISTORY.match(text, start, len(text) if end < 0 else end):
                return True
        return False

    def _in_focus(self, sentence: int, before: int, reach: int = 2) -> bool:
        """Is the company in focus named at most two (reach) sentences before, section headings not counted
        (…成立于2016年。2022年公司营业收入…。二、融资历程 / 公司2021年完成B轮融资)?"""
        ctx, company = self.ctx, self.topic[0]
        named = next((e for e in reversed(ctx.within(company.start, before, "COMPANY")) if ctx.same_party(e, company)), None)
        last = max(ctx.sentence_index(named.start) if named else -1, self.topic[1])
        # a sentence that opens on the company's pronoun and names no other names it again (…保荐机构为X。
        # 这家成立于2016年的企业此前获得过多轮融资。2021年6月，公司完成B轮融资)
        for i in range(last + 1, sentence):
            s, e = ctx.sentences[i]
            if (PRONOUN.match(ctx.text, s) or _OPENS_ON_IT.match(ctx.text, s)) \
                    and all(ctx.same_party(n, company) for n in ctx.within(s, e, "COMPANY")):
                last = i
        # a summary's bullet (…[1] -) that names no other company goes on about the same one
        between = [i for i in range(last + 1, sentence) if not _HEADING.fullmatch(ctx.text, *ctx.sentences[i])
                   and not (_CITED.search(ctx.text, *ctx.sentences[i]) and not any(
                       not ctx.same_party(e, company) for e in ctx.within(*ctx.sentences[i], "COMPANY")))]
        # a chronicle's lines (2019年：完成种子轮…) and a table's rows (A轮 | 6000万元 | 深创投) go on about the
        # company in focus however many of them come between, when the clause at hand is one of them too
        shape = _line_shape(ctx.text, ctx.sentences[sentence][0])
        if shape == "row" and _row_names_its_company(ctx.text, *ctx.sentences[sentence]):
            return False  # (公司｜轮次 over 澜图智造｜天使轮: a row of another company, named or not)
        if shape is not None:
            if self.entry is not None and ctx.same_party(company, self.entry[0]):
                return True
            between = [i for i in between if _line_shape(ctx.text, ctx.sentences[i][0]) != shape]
        return len(between) < reach

    def _line_owner(self, clause: Clause) -> Entity | None:
        """The company of a clause that opens a line and names none, on the line above it: a
        filing's name above its title (星河精密机械股份有限公司 / 向特定对象发行股票发行结果公告), or a
        round-up item's header (1. 星河智能(香港)|停车场自动化 / 2月11日宣布完成A轮融资)."""
        text = self.ctx.text
        if clause.start and text[clause.start - 1] != "\n":
            return None
        line_start, line_end = line_above(text, clause.start)
        if _TITLE.search(text, clause.start, clause.end):
            line = text[line_start:line_end].strip()
            return next((e for e in self.ctx.within(line_start, line_end, "COMPANY") if e.text == line), None)
        # (【新股】星河食品：凯利板挂牌 / 这家粥品制造商今天在新交所凯利板挂牌: a digest's tagged item above)
        header = ITEM_HEADER.match(text, line_start, line_end) or CODE_HEADER.match(text, line_start, line_end) \
            or TAG_LEAD.match(text, line_start, line_end) or BRACKET_HEAD.fullmatch(text, line_start, line_end)
        if header is not None and not _rows_of_one_table(text, (line_start, line_end), clause.start):
            return next(iter(self.ctx.within(header.start("name"), header.end("name"), "COMPANY")), None)
        if card := card_name(text, clause.start):  # 融资轮次：天使轮 under 项目名称：X
            return next(iter(self.ctx.within(*card, "COMPANY")), None)
        lines = card_lines(text, clause.start)  # 股份代號：02713 / 預計上市日期：11月25日: the company of that code
        if lines and (coded := self._coded(lines)):
            return coded
        if history := self._history_head(clause.start):  # X融资历程： / 2023年6月｜天使轮｜过亿元｜线性资本
            return history
        # 1、2025.9.22（周一）沪主板 盛岚股份 / 申购代码732386…: a numbered item's line naming one company alone
        named = self.ctx.within(line_start, line_end, "COMPANY") if _ITEM_NUMBER.match(text, line_start) else []
        return named[0] if len(named) == 1 and line_end - named[0].end <= 1 else None

    def _history_head(self, line_start: int) -> Entity | None:
        """The company whose rounds a table lists, named on the line above its rows (星河科技融资历程：)."""
        text = self.ctx.text
        end = text.find("\n", line_start)
        if not BAR.search(text, line_start, len(text) if end < 0 else end):
            return None
        for _ in range(_HISTORY_ROWS):
            above, above_end = line_above(text, line_start)
            if above_end <= above:
                return None
            head = _HISTORY_HEAD.fullmatch(text, above, above_end)
            if head is not None:
                return next(iter(self.ctx.within(*head.span("name"), "COMPANY")), None)
            if not BAR.search(text, above, above_end):
                return None
            line_start = above
        return None

    def _coded(self, card: tuple[int, int]) -> Entity | None:
        """The company named with the code a card's field gives, elsewhere in the text (翊澄醫療（02713）)."""
        codes = {(t.value or {}).get("code") for t in self.ctx.within(*card, "TICKER")}
        return next((named for ticker in (self.ctx.within(0, len(self.ctx.text), "TICKER") if codes else ())
                     if (ticker.value or {}).get("code") in codes and not card[0] <= ticker.start < card[1]
                     and (named := named_with_code(self.ctx, ticker)) is not None), None)

    def _group(self, clause: Clause, sized_only: bool = False) -> list[Entity]:
        """三家公司全部通过审议, 共有5家企业终止审核: a clause that counts companies it does
        not name is about the list of that size in its sentence, the one before, or the
        one after that lists them (其中…分别为A、B). sized_only: only a list of that size."""
        ctx = self.ctx
        # 共有5家企业上会，3家获通过：A、B于3月25日过会，C…: the count a colon closes names the list after it
        counted = list(_COUNTED_BEFORE_COLON.finditer(ctx.text, clause.start, clause.end))
        m = counted[-1] if counted else _GROUP.search(ctx.text, clause.start, clause.end)
        if m is None:
            return []
        size = int(parse_number(m.group("n")) or 0)
        if size == 1:
            return []  # 另一家深主板企业暂缓审议: one company, not named, is none of a list
        # 共有两家公司递表：A…；B…: the list follows the colon, in this sentence only
        colon = _COUNT_COLON.match(ctx.text, m.end())
        own = (clause.start, colon.end() if colon else clause.end)  # where the clause's own words are
        lists = []
        if colon:  # (the names listed after the colon, up to the semicolon where the count is reached, come first)
            listed, at, sentence_end = [], colon.end(), ctx.sentences[clause.sentence][1]
            while at < sentence_end and (not listed or len(listed) < size):  # (A、B过会，C过会；D被否: three, not D)
                stop = _LIST_STOP.search(ctx.text, at, sentence_end)
                piece_end = stop.end() if stop else sentence_end
                # (A（计划募资11亿，保荐X证券）: a name in a bracket's aside is none of the list)
                listed += [n for n in ctx.within(at, piece_end, "COMPANY") if not self._advises(n, clause.start)
                           and ctx.text.rfind("(", at, n.start) <= ctx.text.rfind(")", at, n.start)]
                at = piece_end
            lists.append(listed)
            if counted:  # (a count of the step's companies names only those after its colon)
                return listed if len(listed) >= 2 else []
        for si in (clause.sentence,) if colon else (clause.sentence, clause.sentence - 1, clause.sentence + 1):
            if 0 <= si < len(ctx.sentences):
                s, e = ctx.sentences[si]
                if si == clause.sentence + 1 and not _ENUMERATES.search(ctx.text, s, e):
                    continue
                names = [n for n in ctx.within(s, e, "COMPANY") if not (own[0] <= n.start < own[1])
                         and not self._advises(n, s)]
                if si == clause.sentence + 1 or _ENUMERATES.search(ctx.text, s, e):
                    lists.append(names)  # 其中…分别为A(下称X)，B(下称Y): the whole enumeration
                lists += [g for g in name_lists(ctx, s, e) if len(g) >= 2]
        lists = [[n for n in g if n.label == "COMPANY"] for g in lists]
        lists = [g for g in lists if len(g) >= 2]
        sized = [g for g in lists if size and len({ctx.party(n)
                                                    for n in g}) == size]
        # (46家企业中有11家已启动上市辅导: a count far larger than any list told names none of them)
        near = [g for g in lists if not size or len(g) >= size - 1]
        return (sized or ([] if sized_only else near) or [[]])[0]

    def _advises(self, name: Entity, floor: int) -> bool:
        """保荐机构为中金公司, 由招商证券保荐: a sponsor or an adviser among the names of an enumeration."""
        text = self.ctx.text
        return bool(cues("advisor", "before").search(text, max(floor, name.start - 10), name.start)
                    or cues("advisor", "after").match(text, name.end) or _SPONSORS.match(text, name.end))

    def _clause(self, view: ClauseView) -> list[Proposal]:
        ctx, clause = self.ctx, view.clause
        investor_clusters = {ctx.cluster(i) for i in view.investors}
        others = [o for o in view.others if ctx.cluster(o) not in investor_clusters and o.text not in self._speakers]
        values = ctx.within(clause.start, clause.end, "MONEY", "ROUND", "TICKER", "SHARES")  # of one company
        live = [t for t in view.usable if not t.negated]
        if live and all(t.stage == "attach" for t in live) and CARD_FIELD.match(ctx.text, clause.start):
            values = values or ctx.within(clause.start, clause.end, "DATE")  # 上市日期：2025年11月14日: a field of the deal in focus
        subject = self._subject(clause, others, live, bool(live) and bool(values or view.investors), view.sources,
                                bool(view.investors))
        if subject is not None and is_lender(subject) and self._lends(clause, live):
            subject = None  # 该行已累计为1,860余家企业提供授信: the bank lends, to no one named
        # a filing's title, then its bullet points (● 募集资金总额…): each keeps the company in focus
        # a clause about the company in focus keeps it in focus (本次发行募集资金总额为…。其余3名获配对象分别为…)
        # (a clause that tells no deal brings a weak guess into focus only when it opens on it: 星河智能成立于2023年,
        # not 公司首颗…的存算一体芯片已流片, or counts it: 第二家是宠物医疗连锁X; nor an investment firm:
        # 高瓴创投和深创投分别持股9.6%和7.2%)
        if subject is not None and subject.start < self._crumbs:
            subject = None  # a breadcrumb's site name (新浪财经 > 港股 > …) is no company in focus
        if subject is not None and not live and self._advises(subject, clause.start):
            subject = None  # 换成华泰联合证券保荐: a sponsor named by the way is no company in focus
        # (比亚迪既是新股东，也是公司第一大客户: a deal's investor, said again in a clause that tells no deal, is no
        # company in focus, and the 公司 of the next clause is still the one that raised the money)
        if subject is not None and (live or self.ctx.party(subject) not in self._invested) \
                and ((subject in others and (live or (not subject.weak and not self._object(subject)
                                                                     and not _investor_or_medium(ctx.text, subject))
                                                            or (_OPENS_ON_NAME.fullmatch(ctx.text, clause.start, subject.start)
                                                                and not _medium_after(ctx.text, subject.end))
                                                            or counted_in(ctx.text, subject, clause.start)))
                                    or subject is self._owner
                                    or (self.topic and subject is self.topic[0]
                                        and (BULLET.match(ctx.text, clause.start) or _NUMBERED.match(ctx.text, clause.start)
                                             or (live and all(t.stage == "attach" for t in live))
                                             or (live and (PRONOUN.search(ctx.text, clause.start, clause.end)
                                                           or _IT.search(ctx.text, clause.start, clause.end)))))):
            self.topic = (subject, clause.sentence)
            self.first = self.first or self.topic
        # 同意晶科能源等2家公司…注册：晶科能源股份有限公司、莱特光电股份有限公司: a count about a list among which are the
        # names the clause tells: a count those names open (X等2家公司), or a list of just that size
        named = [o for o in others if o.label == "COMPANY"]
        counted = any(ctx.text.startswith("等", o.end) and _GROUP.match(ctx.text, o.end + 1) for o in named)
        group = self._group(clause, sized_only=bool(named) and not counted) if live else []
        if group and named and not all(any(ctx.same_party(o, g) for g in group) for o in named):
            group = []
        if any(ctx.cluster(g) is not None and ctx.cluster(g) in investor_clusters for g in group):
            group = []  # A、B以及一家SaaS公司的前COO X参投: the clause's investors are no list of companies it counts
        described = self._described(live, others)
        out: list[Proposal] = []
        for name, etype in types.REGISTRY.items():
            ev_triggers = [t for t in view.usable if t.event == name]
            if not ev_triggers or not (group or subject is not None
                                       or (clause.index, name) in self.named_elsewhere):
                continue
            if group:
                out += [Proposal(clause.index, name, "company", company, source=SOURCE) for company in group]
            elif subject is not None:
                out += [Proposal(clause.index, name, "company", company, source=SOURCE)
                        for company in etype.companies(self, view, subject, others)]
            out += [Proposal(clause.index, name, "company", company, source=SOURCE)
                    for t, company in described if t.event == name and company is not subject]
            if all(t.negated for t in ev_triggers):
                if all(_STAYED_OUT.search(ctx.text, trig.segment_start(ctx.text, t.start, clause.start), t.start)
                       for t in ev_triggers):
                    continue  # 但X并未参与这两轮融资: a party that put nothing in denies no round
                ended = any(t.ended for t in ev_triggers)
                out.append(Proposal(clause.index, name, "negated", value="ended" if ended else True, source=SOURCE))
                out.append(Proposal(clause.index, name, "negated_stages", value=frozenset(t.stage for t in ev_triggers),
                                    source=SOURCE))
                continue
            if self._counted and not group and subject is None:  # no learned guess names the counted either
                out.append(Proposal(clause.index, name, "counted", value=True, source=SOURCE))
            # X和Y以策略投资者身份参与本轮融资: a clause of this round that names investors, not the company, and
            # tells no round or sum of its own completes the round told before
            this_round = bool(view.investors) and subject not in others \
                and THIS_ROUND.search(ctx.text, clause.start, clause.end) \
                and not ctx.within(clause.start, clause.end, "MONEY", "ROUND")
            if all(t.stage == "attach" for t in ev_triggers if not t.negated) or this_round \
                    or (name == "funding" and _BREAKDOWN.match(ctx.text, clause.start)):
                out.append(Proposal(clause.index, name, "attach", value=True, source=SOURCE))
            out += etype.propose_args(self, view, ev_triggers)
            if name == "funding" and (asked := self._round_asked(clause)) is not None \
                    and not any(p.role == "round" for p in out):
                out.append(Proposal(clause.index, name, "round", asked, source=SOURCE))
        return out

    def _round_asked(self, clause: Clause) -> Entity | None:
        """问：A轮呢？ 答：2021年，2000万元，X领投: an answer that names no round tells the one the question on the line
        above asks about (one round named there, the answer's line opening the answer)."""
        text = self.ctx.text
        line = text.rfind("\n", 0, clause.start) + 1
        if not self.guests or self.ctx.within(clause.start, clause.end, "ROUND") \
                or not (_ANSWER.match(text, line) or any(turn.match(text, line) for _, turn, _ in self._turns)):
            return None
        above = text.rfind("\n", 0, max(0, line - 1)) + 1
        if not _QUESTION.search(text, above, line):
            return None
        asked = self.ctx.within(above, line, "ROUND")
        named = len(asked) == 1 and (asked[0].value or {}).get("name") not in ("new", "latest", None)
        return asked[0] if named else None

    def _object(self, name: Entity) -> bool:
        """创始人此前在亚马逊做了六年算法, 接入独立站、亚马逊和TikTok后台, 客户包括X, 由X提供担保: a name after a preposition,
        a list's comma or 包括 is a place, an employer, a customer, a partner or a guarantor; a clause that tells no deal
        does not bring it into focus (这并非X首次引入外部资金 still does)."""
        return bool(_OBJECT_BEFORE.search(self.ctx.text, max(0, name.start - 4), name.start))

    def _described(self, live: list[trig.Trigger], others: list[Entity]) -> list[tuple[trig.Trigger, Entity]]:
        """步入招股第三日的银诺医药, 今日截飞的星河医药: a trigger that describes the name right
        after it (…的 NAME) makes that name a company of the clause too, whatever its subject."""
        out = []
        for t in live:
            m = _DESCRIBES.match(self.ctx.text, t.end)
            if m:
                out += [(t, e) for e in others if e.start == m.end() and e.label == "COMPANY"]
        return out

    def owner_code(self) -> Entity | None:
        """The code printed in brackets after the company the line above names, for the clause at hand (2月10日｜X（SYUK）
        / 在纳斯达克资本市场挂牌…)."""
        owner, text = self._owner, self.ctx.text
        if owner is None:
            return None
        return next((t for t in self.ctx.within(owner.end, owner.end + 16, "TICKER")
                     if TICKER_OPENS.fullmatch(text, owner.end, t.start)), None)

    def describes_a_name(self, t: trig.Trigger) -> bool:
        """Is the trigger said of the name right after it (上周通过聆讯的X, 步入招股第三日的X)?"""
        m = _DESCRIBES.match(self.ctx.text, t.end)
        return m is not None and any(e.start == m.end() for e in self.ctx.within(m.end(), m.end() + 20, "COMPANY"))

    def triggers_between(self, clause: Clause, start: int, end: int) -> list[trig.Trigger]:
        """The trigger phrases of the clause's sentence that lie within start..end (not those that only
        attach a value: 股票代码, 估值)."""
        return [t for t in self._sentence_triggers.get(clause.sentence, [])
                if start <= t.start and t.end <= end and t.stage != "attach"]

    def told_within(self, start: int, end: int) -> Entity | None:
        """The first date told in text[start:end] (a list item's own: X领投的A轮（2022年，1.5亿元）)."""
        return next((d for d in self.ctx.within(start, end, "DATE") if self._told(d)), None)

    def _told(self, d: Entity) -> bool:
        """A date the text tells of something (usable, and not the article's dateline)."""
        return _usable_date(d) and not self.ctx.is_dateline(d)

    def date_for(self, pos: int, clause: Clause, closing: bool = False) -> Entity | None:
        """The date in the comma segment of `pos` ('as of' dates only when there
        is no other), else a date standing alone before it in the sentence
        ("12月19日，港交所官网显示，…"). closing: a later segment may tell the day a round closed (交割于5月16日
        完成; a bond's money that 已于…到账 is no day of its issue)."""
        ctx, sent_start = self.ctx, clause.sentence_start
        seg, seg_end = headline_part(ctx.text, pos, *_segment(ctx.text, pos, sent_start, clause.end))
        dates = [d for d in ctx.within(seg, seg_end, "DATE") if self._told(d)
                 and not _not_a_date_of(ctx, d, seg_end, seg)]
        plain = [d for d in dates if not trig.told_as_of(ctx.text, d.start, seg)]
        # 上周通过聆讯的X将于明日（18日）起招股: a date in the words that describe the name (…的X) is another step's
        own = [d for d in plain if not any(_DESCRIBES_NAME.fullmatch(ctx.text, d.end, e.start)
                                           for e in ctx.within(d.end, pos, "COMPANY"))]
        if own or plain or dates:
            return (own or plain or dates)[0]
        if closing and (closed := self._closing_date(seg_end, ctx.sentence_of(pos)[1])) is not None:
            return closed
        if _BACK_THEN.search(ctx.text, seg, pos):  # 2019年在纳斯达克上市，当时发行价为16美元: the time just told
            back = next((d for d in reversed(ctx.within(sent_start, seg, "DATE")) if self._told(d)
                         and not _not_a_date_of(ctx, d, segment_end(ctx.text, d.start, seg), sent_start)), None)
            if back is not None:
                return back
        triggers = self._sentence_triggers.get(clause.sentence, [])
        # 2021年公司曾引入战略投资者X，后者以2亿元认购…: a segment that opens on the other party tells the deal of the
        # segment before it, whose date is its own
        retold = bool(_OTHER_SIDE.match(ctx.text, seg))
        for d in reversed(ctx.within(sent_start, seg, "DATE")):  # the nearest before it
            d_start, d_end = _segment(ctx.text, d.start, sent_start, seg)
            if self._told(d) and not _not_a_date_of(ctx, d, d_end, d_start) \
                    and (retold or not any(d_start <= t.start and t.end <= d_end and not _COMMITTEE.match(ctx.text, t.end)
                                           for t in triggers)):
                return d
            retold = False  # only the segment right before
        # 公司向特定对象发行股票的申请，已于本月12日经深交所审核通过: the next segment opens on when it happened (and
        # names no round or sum of another deal: 此前曾获X种子轮投资，并于2023年6月完成3亿元A轮)
        after = _WHEN_NEXT.match(ctx.text, seg_end)
        if after is not None and not ctx.within(after.end(), segment_end(ctx.text, after.end(), ctx.sentence_of(pos)[1]),
                                                "ROUND", "MONEY"):
            d = next((d for d in ctx.within(after.end(), after.end() + 12, "DATE") if d.start == after.end()), None)
            if d is not None and self._told(d):
                return d
        return self._paragraph_date(clause)

    def statement_of(self, pos: int, clause: Clause) -> tuple[int, int]:
        """The clause, or the blank-separated part of a headline that holds `pos` (X完成C轮　同赛道Y上月刚拿下B+轮: two
        statements)."""
        return headline_part(self.ctx.text, pos, clause.start, clause.end)

    def _closing_date(self, start: int, sentence_end: int) -> Entity | None:
        """The day a later segment says the deal closed on, that segment naming no company, round or sum of its own
        (此前于2023年完成A轮 is another deal)."""
        ctx = self.ctx
        for d in ctx.within(start, sentence_end, "DATE"):
            d_start, d_end = _segment(ctx.text, d.start, start, sentence_end)
            if self._told(d) and (_CLOSED_AFTER.match(ctx.text, d.end) or _CLOSED_BEFORE.search(ctx.text, d_start, d.start)) \
                    and not ctx.within(d_start, d_end, "COMPANY", "ROUND", "MONEY"):
                return d
        return None

    def _paragraph_date(self, clause: Clause) -> Entity | None:
        """6月5日下午，上市委审议A、B、C三家企业的申请。三家公司全部通过审议: the date that opens the sentence
        right before (a paragraph break between too) dates the story this sentence goes on with."""
        ctx = self.ctx
        if clause.sentence == 0:
            return None
        prev_start, prev_end = ctx.sentences[clause.sentence - 1]
        # a timeline's line of its own (2022年11月 / 完成A轮融资1.5亿元) dates the line below (not a page's time of
        # publication, 2025-11-06 08:15)
        alone = [d for d in ctx.within(prev_start, prev_end, "DATE") if d.text == ctx.text[prev_start:prev_end].strip()
                 and not _TIME_OF_DAY.search(d.text)]
        if alone and self._told(alone[0]):
            return alone[0]
        if _PER_AGREEMENT.match(ctx.text, ctx.sentences[clause.sentence][0]):
            # …举行签约仪式。根据协议，X将向Y增资2亿元: the terms of the agreement signed the day the sentence before tells
            signed = self.told_within(prev_start, prev_end)
            if signed is not None:
                return signed
        opening = _SENTENCE_DATE.match(ctx.text, prev_start, prev_end)
        if opening is None:
            return None
        d = next(iter(ctx.within(opening.start("date"), opening.end(), "DATE")), None)
        return d if d is not None and d.start == opening.start("date") and self._told(d) else None
