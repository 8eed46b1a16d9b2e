"""What the event extractors see of a document: the analysis text, its
sentences and clauses, the entities and the party clusters, plus the role cues."""
from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .. import resources
from ..entities.market import MarketContext
from ..entities.span import Entity
from ..text.columns import BAR, header_label
from .triggers import segment_start

NAMES = ("COMPANY", "ORG")
# ● 募集资金总额…: a bullet point of a filing
BULLET_CHARS = r"●•·‧・▪▍▌■◆◇★►▶✔✓✘✗☑\-*"
BULLET = re.compile(rf"\s*[{BULLET_CHARS}]")
# 1. 星河智能(香港)|停车场自动化, 周一(12月8日)|星河科技|科创板, 1️⃣ Sprocketly｜Seed｜$2.5M: a round-up's or a
# calendar's item that names its company on a line of its own
def _item_head(bullets: str) -> str:
    """An item's opening (a number, one of `bullets`, a day before a bar) and the name after it."""
    return (r"\s*(?:\d{1,2}\s?(?:[.、)|]|\ufe0f?\u20e3)|[" + bullets + r"]|[一二三四五六七八九十]、"
            r"|(?:(?:周|星期)[一二三四五六日天]|\d{1,2}月\d{1,2}日)\s?(?:\([^()\n]{1,12}\))?\s?\|)\s*(?P<name>[^,，。；;:：(|【】\n]{2,30}?)\s*"
            r"(?:\([^()\n]{1,16}\))?\s*")


_ITEM_BULLETS = "①-⑳●•▍▌■◆▶✔✓✘✗☑"
# (▍Tessavolt　A轮　1500万美元: the name, then the round and the sum set off by spaces)
ITEM_HEADER = re.compile(_item_head(_ITEM_BULLETS) + r"(?:[|/·•]|$|(?<=\s)(?=(?:[A-H]\d?\+{0,2}|Pre-[A-H]\+?|天使\+*|种子\+*|Pre-IPO|战略)轮|战略融资|战略投资))")
# ■ 琉光智造(10/13):工业视觉新创，宣布完成Pre-A轮, · 鸱吻科技：工业网络安全，A轮，…: a bulleted item whose name leads its
# line before a colon (a dot opens such items too; a dotted line alone is a sentence, no item's header)
ITEM_LEAD = re.compile(_item_head(_ITEM_BULLETS + "·‧・▪") + r"[:：](?=\S)")
# 【发债】汶岭国资：…完成…发行: a digest's item under a bracketed category tag names its company before the colon
TAG_LEAD = re.compile(r"\s*【[^【】\n]{1,6}】\s*(?P<name>[^,，。；;:：(|【】\n]{2,20}?)\s*(?:\([^()\n]{1,16}\))?\s*[:：](?=\S)")
# 【星河机器人】 alone on its line, then 该公司月初完成B轮融资…: a digest's item headed by its company in brackets
BRACKET_HEAD = re.compile(r"[ \t]*【(?P<name>[^【】\n]{2,24})】[ \t]*")
# 福源(1682) alone on a line, its figures on the lines below (招股價:0.60元 暗盤價:1元): a market table's row header
CODE_HEADER = re.compile(r"[ \t]*(?P<name>[^,，。；;:：()（）|\n]{2,20}?)[ \t]*[(（]\d{3,6}(?:\.[A-Z]{2})?[)）][ \t]*$")


# ① 项目名称：星河视觉 / 所属领域：工业检测 / 融资轮次：天使轮 / 投资方：X: a card of field lines, its name field
# naming the company whose round the fields below it tell
CARD_NAME = re.compile(rf"[ \t]*(?:[①-⑳]|\d{{1,2}}[.、)]|[{BULLET_CHARS}])?\s*(?:项目名称|公司名称|企业名称|项目|公司|企业|品牌)"
                       r"[:：]\s*(?P<name>[^,，。；;:：|\n]{2,30}?)\s*$")
CARD_FIELD = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,6}[:：]")
CARD_FIELDS_MAX = 12


def _fields_above(text: str, line_start: int):
    """(start, end) of the lines above a card's field line, nearest first, at most CARD_FIELDS_MAX of them."""
    if not CARD_FIELD.match(text, line_start):
        return
    for _ in range(CARD_FIELDS_MAX):
        start, end = line_above(text, line_start)
        if end <= start:
            return
        yield start, end
        line_start = start


def card_name(text: str, line_start: int) -> tuple[int, int] | None:
    """Where the card's name field names the company, for a field line that opens at line_start (the lines between
    are fields of the same card)."""
    for start, end in _fields_above(text, line_start):
        name = CARD_NAME.match(text, start, end)
        if name:
            return name.span("name")
        if not CARD_FIELD.match(text, start, end):
            return None
    return None


def card_lines(text: str, line_start: int) -> tuple[int, int] | None:
    """(start, end) of the run of field lines (股份代號：02713 / 招股價：45至50元 / …) the line at line_start is one of."""
    if not CARD_FIELD.match(text, line_start):
        return None
    start = line_start
    for above, end in _fields_above(text, line_start):
        if not CARD_FIELD.match(text, above, end):
            break
        start = above
    end = text.find("\n", line_start)
    for _ in range(CARD_FIELDS_MAX):
        if end < 0 or not CARD_FIELD.match(text, end + 1):
            break
        end = text.find("\n", end + 1)
    return start, len(text) if end < 0 else end


# 奇信股份(002781), X（纳斯达克代码：HGAC）, X（「X」或「公司」，股份代号：3648）: what stands between a name and the code
# printed in brackets after it (the short names the bracket defines first among it)
TICKER_OPENS = re.compile(r"(?:-[A-Z]{1,2})?\s?[(（]\s?(?:(?:[「“\"][^」”\"()（）]{1,12}[」”\"](?:或|及|、)?){1,3}[,，;；]\s?)?"
                          r"(?:[^()（）,，。]{0,8}?(?:代码|代號|代号)\s?[:：]?\s?)?")


def named_with_code(ctx: Context, ticker: Entity) -> Entity | None:
    """The company a code is printed after, in brackets (翊澄醫療（02713）)."""
    return next((name for name in ctx.within(max(0, ticker.start - 60), ticker.start, "COMPANY")
                 if TICKER_OPENS.fullmatch(ctx.text, name.end, ticker.start)), None)


# 三家创投, 多家机构, 两名投资者, 两间初创: parties counted, none named (no name, as role discovery and the tagger read it)
PARTY_COUNT = r"(?:\d+|[一二两三四五六七八九十百千数几多]+)(?:家|个|只|名|位|间)"


# 首页 > 金融 > 银行, 經濟通 ＞ 新股, 股吧 > 星河股份吧(300893): a web page's breadcrumb above its title
_CRUMBS = r"[ \t]*(?:[^\n>＞。]{1,12}[ \t]*[>＞][ \t]*)+(?:[^\n>＞。]{1,12}|[^\n>＞。()]{2,12}[(（]\d{4,6}[)）])[ \t]*\n"
BREADCRUMB = re.compile(rf"{_CRUMBS}|[ \t]*\n")
_SITE_NAME = r"[^\n>＞。，,\d]{1,28}?(?:委员会|人民政府|政府|网|频道|日报|晚报|新闻|财经|官网|门户|中心|协会|有限公司|集团|交易所)"
# all of them, and the blank lines, above the title; and the site's name above them (泰州市人民政府国有资产监督管理委员会)
BREADCRUMBS = re.compile(rf"(?:[ \t]*{_SITE_NAME}[ \t]*\n(?={_CRUMBS}))?(?:{BREADCRUMB.pattern})*")
HEADLINE_MAX = 60  # characters: a longer first line is a paragraph, not a title


def title_end(text: str) -> int:
    """Where a title line ends, its line break included (the text's end when the whole text is one such line): a
    first line of at most 60 characters without a full stop, breadcrumbs and blank lines above it not counted; 0
    when the text opens with no title."""
    start = BREADCRUMBS.match(text).end()
    end = text.find("\n", start, start + HEADLINE_MAX + 1)  # (asked per trigger: no scan of a long first line)
    if end < 0:
        end = len(text) if len(text) - start <= HEADLINE_MAX else start
    return end + (end < len(text)) if 0 < end - start and "。" not in text[start:end] else 0


# 星河科技再度递表港交所 去年B轮估值超10亿美元: a headline's blank between two Chinese words parts two statements
_HEADLINE_BLANK = re.compile(r"(?<=[\u4e00-\u9fff”」』\"])[ \u3000]+(?=[\u4e00-\u9fff“「『\"])")


def headline_part(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """Within a headline's segment (a short line without a full stop), the blank-separated part that holds `pos`:
    a date of one statement is no date of the other."""
    if end - start > HEADLINE_MAX or "。" in text[start:end] or not _HEADLINE_BLANK.search(text, start, end):
        return start, end
    for m in _HEADLINE_BLANK.finditer(text, start, end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, end


def line_above(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the last line with text that ends before `pos`."""
    end = text.rfind("\n", 0, pos)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    end = max(end, 0)
    return text.rfind("\n", 0, end) + 1, end


# 沪主板X、北交所Y: the board a list item opens on
BOARD_WORD = r"(?:沪市?|深市?|京市?)?(?:主板|创业板|科创板|北交所|上交所|深交所|港交所|港股|美股|纳斯达克|纽交所)"
# 财通基金（2.46亿元）｜诺德基金（1.98亿元）: a list of subscribers, each with its sum in brackets, split by bars (a
# person no rule names may stand among them)
_SUMS_BETWEEN_BARS = re.compile(r"(?:[^|｜/／()（）\n]{0,12}[(（][^()（）]{1,20}[)）]\s*[|｜/／]\s*){1,3}")
# 星川电子(创业板)、星海科技(科创板): a short note in brackets after a list item keeps the list
# …和电动车制造商云鹏汽车, …与北交所的恒朗新材, 沪主板X、北交所Y: after a joiner, what the next name is or where it
# lists may stand before it
# (达晨财智跟投的X: 跟投 is a verb, its 跟 joins nothing)
_SEPARATORS = re.compile(r"^[”」』\"]?(?:\s?[(（][^()（）]{1,20}[)）])?(?:[、,，和与及跟以及\s“「『\"]*|[、,，和与及跟以及\s]*(?:[、和与及]|跟(?![投进]))\s?"
                         r"(?:[\u4e00-\u9fff]{0,10}?(?:企业|公司|厂商|制造商|服务商|提供商|运营商|开发商)"
                         r"|[^,，。；;:：、\s]{1,14}?的[\u4e00-\u9fff]{0,6}?"
                         rf"|{BOARD_WORD}\s?))$")
_RELATED_TO = re.compile(r"(?:相关|有关|关联)的")
_OPENS_BRACKET = re.compile(r"\s?[(（]\s?")
# after a short name defined in brackets (…(以下简称"星河")及澄湖投资): the bracket closes, the list goes on
_DEFINED_LIST = re.compile(r"^[\"“”」』']?[)）](?:[、,，和及\s]|以及)*$")
# 这家储能温控企业: a company described, not named, stands for the one in focus
DESCRIBED_PRONOUN = r"这家[\u4e00-\u9fff\d]{0,12}?(?:公司|企业|品牌)"
# 该股同样申请在主板上市, 这只新股将于…挂牌: a news report's stock stands for its company (该股东 is a shareholder)
STOCK_PRONOUN = r"(?:该|此|这只|这支)新?股(?![东份权票])"
# A、B分别完成…，前者…；后者…: the first or the last of the list told just before
FORMER_LATTER = re.compile(r"\s?(?P<which>前者|后者)")
# 该公司 / 发行人 / 其: a clause about the company in focus
PRONOUN = re.compile("|".join(sorted(resources.words("party_pronouns.txt"), key=len, reverse=True))
                     + "|其|" + DESCRIBED_PRONOUN + "|" + STOCK_PRONOUN)
# 投资了星河科技, 先后投资A、B, 领投两家公司：A和B: an investor's verb, the company invested in right after it
COUNTED_LIST = r"了?[一两二三四五六七八九十\d]+家[^,，。；;:：]{0,8}?[:：]"
# 投资了X, 先后投资X, 投资香港初创X, 认购X新股: the verb, and what the company is, before its name
INVESTS_IN = re.compile(rf"(?:(?:投资|战略投资|入股|注资|领投|参投|跟投|押注|认购)(?:了|{COUNTED_LIST})?|投了|(?:先后|相继|陆续|接连|连续)投资|参股)"
                        r"(?:[^,，。；;、]{0,6}?(?:初创|新创|创企|独角兽|公司|企业|平台|品牌|(?<!厂)商|厂))?[:：]?$")


# 美团出手投资星河机器人, 又投了一家芯片公司：X: the bare investing verb (event_triggers.tsv), a trigger
# only where a company follows it
# 本轮投资方包括…, 假设配售股份悉数配售，集资总额…: a clause that says which round or placement it completes may stand paragraphs
# after it
THIS_ROUND = re.compile(r"本轮|此轮|这一轮|是轮|该轮|(?:本次|是次|此次|此番|这次)(?:融资|投资|增资|集资|配售|发行)|配售股份悉数配售")
THIS_ROUND_REACH = 8  # sentences
# 回看X的IPO之路: the writer's verb before a name is no part of it
# (如何看待X完成…: a question page asks what one thinks of X's deal)
WRITERS_VERB = re.compile(r"回看|回顾|纵观|反观|再看|(?:如何|怎么|怎样)(?:看待|评价)")
# 种子轮时就进场的X: when an investor came in, said before its name
CAME_IN = r"时?(?:就|便|即)(?:已)?(?:进场|进入|入股|参与|投资|出资)(?:了)?的"
# 种子轮投资人X这次也跟投, 种子轮就进场的X, 以及A轮的既有股东: a round that says who an investor is (right after the
# round) is no round of its own
_EARLIER_ROUNDS_INVESTOR = re.compile(r"(?:的)?(?:投资人|投资方|投资者|股东|老股东|领投方|领投者|领投人|领投机构)[^,，。；;]{2,24}?"
                                      r"(?:这次|此次|本轮|这轮|继续|也|亦|再次|再度|跟进|跟投|参投)"
                                      rf"|{CAME_IN}|的(?:既有|现有|原有|老|早期)(?:股东|投资人|投资方)")
# 这是公司在A轮后的第二次融资: a round told as the time after which something happened is no round of that event
_AFTER_THE_ROUND = re.compile(r"(?:融资)?(?:之|以)?后")
BARE_INVEST = re.compile(r"(?:出手|重金|再次|再度|又|首次|独家|联合|共同)?(?:投资|投了|押注)|(?:联合|共同)增资")


# 星河创投集团有限公司(以下简称"星河创投"): the bracket right after a name that defines its short name
_DEFINES = re.compile(r"\s?[(（](?:以下简称|以下称|下称|简称)[:：]?\s?[\"“”「『']?")


def defines(text: str, full: Entity, short: Entity) -> bool:
    """`short` is the short name that the bracket right after `full` defines."""
    return bool(_DEFINES.fullmatch(text, full.end, short.start))


_CALENDAR = re.compile(r"\d\s*[年月日号]")
_DAY = re.compile(r"\d\s*[日号]")  # a dateline names a day


# 三顿半完成红杉资本战略融资: a name like this is an investor's unless it stands alone
# the words that make a name an investment firm's (星河资本, 澄湖创投, 笙岚家族办公室, Maple Capital)
INVESTMENT_FIRM = "资本|创投|基金|投资|家族办公室|Capital|Ventures|Partners"
INVESTOR_NAME = re.compile(INVESTMENT_FIRM, re.I)
# A bank or a trust: in a loan (the words of LOAN) it lends (X拟向星商银行申请贷款)
LENDER_NAME = re.compile(r"银行|信用社|信托|中银香港")
LOAN = re.compile(r"贷款|借款|授信|信贷|银团")


def is_lender(e: Entity) -> bool:
    """A bank by its name, or by the name the gazetteer knows it by (汇丰 is 汇丰银行)."""
    return bool(LENDER_NAME.search(e.text) or LENDER_NAME.search((e.value or {}).get("canonical") or ""))

# Words that open an enumeration of parties: 保荐人分别为A、B, 包括A和B
ENUMERATION = "分别为|分别是|包括|依次为"


def is_calendar(text: str) -> bool:
    """8月16日, 2020年4月22日; not 近日 or 今天."""
    return bool(_CALENDAR.search(text))


@functools.cache
def cues(role: str, where: str) -> re.Pattern:
    rows = [r["pattern"] for r in resources.table("role_cues.tsv") if r["role"] == role and r["where"] == where]
    return re.compile("|".join(f"(?:{p})" for p in rows))


_LABEL_COLON = re.compile(r"(?P<colon>[:：])[ \t]*$")


# a line that opens with a bracketed head and goes on in words (【星河航空】eVTOL整机商…, 【A股】受理…)
_BRACKET_LINE = re.compile(r"^[ \t\u3000]*【[^】\n]{1,20}】(?=[^\n]*[\u4e00-\u9fff])", re.M)


@dataclass
class Context:
    text: str
    entities: list[Entity]
    sentences: list[tuple[int, int]]
    cluster_of: dict[int, int] = field(default_factory=dict)  # id(entity) -> cluster index
    cluster_names: list[str] = field(default_factory=list)
    clusters: list[list[Entity]] = field(default_factory=list)
    reference: dt.date | None = None  # the date "today" means in this document
    reference_inferred: bool = False  # no publication date given: the reference was guessed from the text
    clauses: list = field(default_factory=list)  # clauses.Clause, with their triggers
    tagged: list = field(default_factory=list)  # tagger.Tagged: parties the party tagger found
    trf_tagged: list = field(default_factory=list)  # tagger.Tagged: the accurate tagger's (nlp/trf), if on
    cluster_forms: dict[int, list[str]] = field(default_factory=dict)  # cluster -> its raw surface forms

    def __post_init__(self):
        self._starts = [e.start for e in self.entities]

    @functools.cached_property
    def exchanges(self) -> list[Entity]:
        """The exchanges the document names with a code, once per document."""
        return [e for e in self.entities if e.label == "EXCHANGE" and e.value and e.value.get("code")]

    @functools.cached_property
    def tells_placement(self) -> bool:
        """Does the text tell a listed company's new shares (定增, 向特定对象发行) anywhere, looked up once?"""
        from .triggers import context_pattern

        return bool(context_pattern("placement").search(self.text))

    @functools.cached_property
    def bracket_items(self) -> bool:
        """Do two lines or more open with a bracketed head (【星河航空】eVTOL整机商，数亿元B轮…)? Then the brackets
        head a digest's items, and none is an outlet's byline (【星河网】 opens one article once)."""
        return len(_BRACKET_LINE.findall(self.text, 0, 20000)) >= 2

    @functools.cached_property
    def market(self) -> MarketContext:
        """Which market's press the text is (HK, TW, CN), weighed once per document."""
        return MarketContext(self.text)

    def within(self, start: int, end: int, *labels: str) -> list[Entity]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].start < end:
            e = self.entities[i]
            if e.end <= end and (not labels or e.label in labels):
                out.append(e)
            i += 1
        return out

    def rounds_told(self, start: int, end: int) -> list[Entity]:
        """The rounds named in text[start:end], less one that only says who an investor is (种子轮投资人X)."""
        return [r for r in self.within(start, end, "ROUND") if not _EARLIER_ROUNDS_INVESTOR.match(self.text, r.end)
                and not (self.text[max(0, r.start - 1):r.start] == "在" and _AFTER_THE_ROUND.match(self.text, r.end))]

    def sentence_index(self, pos: int) -> int:
        return max(bisect_left(self.sentences, (pos + 1,)) - 1, 0)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def cluster(self, ent: Entity) -> int | None:
        return self.cluster_of.get(id(ent))

    def party(self, ent: Entity):
        """One key per party: its cluster of mentions, or its text where it has none."""
        cluster = self.cluster(ent)
        return ent.text if cluster is None else cluster

    def same_party(self, a: Entity, b: Entity) -> bool:
        """The same mention, or two mentions of one party (the same name, or one cluster)."""
        return a is b or a.text == b.text or self.cluster(a) == self.cluster(b) is not None

    def near_before(self, ent: Entity, floor: int, width: int = 12) -> str:
        """Text of the same comma segment before `ent`, at most `width` characters."""
        seg = segment_start(self.text, ent.start, floor)
        return self.text[max(seg, ent.start - width) : ent.start]

    def near_after(self, ent: Entity, ceiling: int, width: int = 8) -> str:
        end = min(ceiling, ent.end + width)
        m = re.search(r"[,，。；;!?！？\n]", self.text[ent.end : end])
        return self.text[ent.end : ent.end + m.start()] if m else self.text[ent.end : end]

    def is_dateline(self, date: Entity) -> bool:
        """A date that says when the news came out (6月3日消息, 7月30日晚间公告,
        8月25日，XX宣布): DuEE-Fin's 披露时间, not the time of the event."""
        return date.label == "DATE" and bool(_DAY.search(date.text)) and \
            bool(cues("disclosed", "after").match(self.text, date.end, min(len(self.text), date.end + 24)))

    def cue_near(self, ent: Entity, role: str, floor: int, ceiling: int) -> bool:
        """A 'near' cue in the same segment just before or just after the entity."""
        pattern = cues(role, "near")
        if BAR.search(self.text, max(0, ent.start - 1), ent.end + 1) and (label := header_label(self.text, ent.start)):
            return bool(pattern.search(label))  # a table's cell: its column's header says what it is
        return bool(pattern.search(self.near_before(ent, floor, 10).strip() or self._field_label(ent, floor)) or
                    pattern.match(self.near_after(ent, ceiling, 8)))

    def _field_label(self, ent: Entity, floor: int) -> str:
        """招股價：3.20港元: the label a value stands after, when a colon alone parts them."""
        m = _LABEL_COLON.search(self.text, max(floor, ent.start - 3), ent.start)
        if m is None:
            return ""
        colon = m.start("colon")
        return self.text[max(segment_start(self.text, colon, floor), colon - 10) : colon]


# 在2亿美元B轮融资基础上，额外获得共计1.5亿美元的新投资: money added to a round told before, a deal of its own (its 共计
# sums this deal, not the rounds)
MORE_MONEY = re.compile(r"额外|(?:新|另一笔|另一轮)的?(?:投资|融资)")


# 与「岫川生物」订立认购协议，以8,000万港元认购后者新股 / 认购其新发行股份 / 认购岫川生物新发行股份: the subscriber
# buys the new shares of the party it signed with, or of the company it names
SUBSCRIBES_TO = re.compile(r"认购(?P<what>[^,，。；;\d]{1,20}?)(?:的)?(?:[\d.,]+\s?[万亿]*股)?(?:新股|新H股|新发行|新增)")
_SIGNS_WITH = re.compile(r"\s?(?:[(（][^()（）]{0,20}[)）])?\s?[」”\"』]?\s?(?:订立|签订|签署|订定)")


def subscribed_issuer(ctx: Context, floor: int, pos: int) -> Entity | None:
    """The company whose new shares the subscriber at `pos` buys: the one named (认购岫川生物新发行股份), else, for
    其 / 前者 / 后者, the party the agreement before it was signed with, else what 前者 / 后者 stands for."""
    m = SUBSCRIBES_TO.match(ctx.text, pos)
    if m is None:
        return None
    what = m.group("what")
    if what not in ("其", "前者", "后者"):
        return next((e for e in ctx.within(m.start("what"), m.end("what"), "COMPANY")), None)
    signed = next((e for e in reversed(ctx.within(floor, pos, "COMPANY")) if _SIGNS_WITH.match(ctx.text, e.end)), None)
    return signed or (former_or_latter(ctx, m.start("what")) if what != "其" else None)


def former_or_latter(ctx: Context, pos: int, of_two: bool = False) -> Entity | None:
    """The company 前者 / 后者 at `pos` stands for: the first or the last of the last list of companies
    before it, in its sentence or the one before; else, of_two, of the two companies its sentence named
    before it (X拟以2亿元取得Y新增注册资本，领投后者…: Y), the first or the second."""
    m = FORMER_LATTER.match(ctx.text, pos)
    if m is None:
        return None
    sentence = ctx.sentence_index(pos)
    for start, _ in (ctx.sentences[sentence], ctx.sentences[max(sentence - 1, 0)]):
        lists = [[e for e in group if e.label == "COMPANY"] for group in name_lists(ctx, start, pos)]
        lists = [group for group in lists if len(group) >= 2]
        if lists:
            return lists[-1][0] if m.group("which") == "前者" else lists[-1][-1]
    if not of_two:
        return None
    named: list[Entity] = []
    for e in ctx.within(ctx.sentences[sentence][0], pos, "COMPANY"):
        if not any(ctx.same_party(e, n) for n in named):
            named.append(e)
    return (named[0] if m.group("which") == "前者" else named[1]) if len(named) == 2 else None


def name_lists(ctx: Context, start: int, end: int) -> list[list[Entity]]:
    """Names in text[start:end] grouped into lists joined only by 、 和 与 及 (or a comma
    between two names no weak guess: 消费级机器人，星河龙珠 is a clause break, not a list).
    A short name defined in brackets (星河创投集团有限公司(以下简称"星河创投")及澄湖投资) is a
    group of its own, right after its list, and the list goes on after the bracket (with 、 和 及:
    与 there joins the parties of an agreement)."""
    groups: list[list[Entity]] = []
    current: list[Entity] = []
    alias: Entity | None = None
    for ent in ctx.within(start, end, *NAMES):
        if _RELATED_TO.match(ctx.text, ent.end) and ctx.text[ent.start - 1 : ent.start] == "与":
            continue  # A和与阿里巴巴相关的B: a name that only describes the next one
        gap = ctx.text[(alias or current[-1]).end : ent.start] if current else ""
        if current and _OPENS_BRACKET.fullmatch(gap) and ctx.text[ent.end : ent.end + 1] in (")", "）"):
            continue  # 澄壳控股 (KE Holdings) 和…: the name's own Latin form, not the list's next name
        if current and alias is None and defines(ctx.text, current[-1], ent):
            alias = ent
            groups.append([ent])
            continue
        if current and (_DEFINED_LIST.match(gap) if alias else (_SEPARATORS.match(gap) or _SUMS_BETWEEN_BARS.fullmatch(gap))
                        and not ((current[-1].weak or ent.weak) and "," in gap.replace("，", ","))):
            current.append(ent)
        else:
            current = [ent]
            groups.append(current)
        alias = None
    return groups
