"""COMPANY / ORG / PERSON names, baseline: a gazetteer of well-known names,
legal-name suffix rules over jieba tokens, and title + surname patterns for people.

Names found only by their role in an event (the subject of 完成…融资, an
investor list) are added later by the event stage, which knows the roles.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from .. import resources
from ..text.scan import guarded
from . import latin_names
from .span import Entity, Occupied

_LATIN_EDGE = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"


@functools.cache
def gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form (lower-cased) -> (canonical name, label)."""
    entries: dict[str, tuple[str, str]] = {}
    for row in resources.table("known_names.tsv"):
        # an INVESTOR is a company that invests (investment_firms), as in a user's lexicon (userdata)
        canonical, label = row["name"].strip(), row["label"].strip().replace("INVESTOR", "COMPANY")
        for surface in [canonical, *(row.get("aliases") or "").split("|")]:
            surface = surface.strip()
            if len(surface) >= 2:
                entries.setdefault(surface.lower(), (canonical, label))
    return entries


@functools.cache
def investment_firms() -> frozenset[str]:
    """The canonical names the gazetteer knows as investment firms and state funds (label INVESTOR)."""
    rows = resources.table("known_names.tsv")
    return frozenset(row["name"].strip() for row in rows if row["label"].strip() == "INVESTOR")


def trie_regex(words) -> str:
    """One regex for many literal words, factored by common prefixes so that
    Python's engine does not try each word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


@functools.cache
def _gazetteer_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(names starting with a Chinese character, Latin names matched as whole words)."""
    names = list(gazetteer())
    cjk = [n for n in names if not n[0].isascii()]
    latin = [n for n in names if n[0].isascii()]
    return (re.compile(trie_regex(cjk), re.IGNORECASE),
            guarded(re.compile(_LATIN_EDGE.format(trie_regex(latin)), re.IGNORECASE)))


_LEGAL_FORM_SRC = r"(?:\([\u4e00-\u9fff]{2,6}\))?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)"
# an investor's fund or branch named after it (红杉资本中国基金, 红杉中国种子基金, Sequoia Capital, 招商局创投), a
# subsidiary named after its line of business (保利物业, 京东健康), or the legal
# form of a known name (中微半导体(深圳)股份有限公司)
# a bank's branch (中国银行深圳分行, 国家开发银行山西省分行, 中国农业银行瑞安支行) lends as itself; a holding company
# (奇瑞控股, 吉利控股集团), but not 控股 the verb (阿里巴巴控股的高鑫零售, 奇瑞控股股东)
_LATIN_LEGAL_FORM = re.compile(r"(?<=[A-Za-z]) (?:AG|SA|S\.A\.|PLC|plc|N\.V\.|SE)(?![A-Za-z])")
_KNOWN_EXTENSION = re.compile(r"(?<=银行)(?:股份有限公司)?[\u4e00-\u9fff]{2,3}(?:省|市)?(?:分行|支行)|"
                              r"(?:中国)?(?:种子|成长|早期|创业|产业|并购|美元|人民币|医疗|科技)(?:投资)?基金|"
                              r"(?<=[A-Za-z]) (?:Capital|Ventures|Partners|Fund|Investments?|Management)(?![A-Za-z])|"
                              r"控股(?:集团)?(?![的了地]|股东|子公司|权|比例|地位)|中国基金|中国|创投|资本(?!市场)|(?:物业服务|物业|地产|置业|置地|健康|医疗|医药|药业|影业|音乐|证券|保险|信托|银行|集团|"
                              r"肉食|食品|乳业|啤酒|包装|物流|电力|燃气|水务|环保|新能源|能源|电子|汽车|生物)"
                              r"(?![\u4e00-\u9fff]{0,2}(?:业务|板块|行业|服务|市场))|" + _LEGAL_FORM_SRC)


def _inside_a_name(before: str) -> bool:
    return "\u4e00" <= before <= "\u9fff" and before not in _LEADING_JUNK


# 投资 read as a verb: 腾讯投资了星火互动 (腾讯 invests, 腾讯投资 is no name there)
_INVESTS_AFTER = re.compile(r"了|过")
_ARM = re.compile(r"投资|资本|创投|基金")  # what a company's investing arm is called after its name
# 山西路桥集团, 阗泷国有资本运营集团, 星宇控股 after 山西路桥, 阗泷, 星宇: a group, a state holder or a holding company of
# the same name (not 星宇控股股东 or 控股子公司: the company's own holder or child); 嘉泽转债: its convertible bond
_OTHER_FIRM_AFTER = re.compile(r"集团|转债|国有|国资|控股(?!股东|子公司|孙公司|公司)")


def find_known(text: str) -> list[Entity]:
    out = []
    for pattern in _gazetteer_patterns():
        for m in pattern.finditer(text):
            if _straddles_words(text, m.start(), m.end()) or _closes_a_place(text, m.start(), m.end()) \
                    or ends_at_interbank(text, m.end()) or _a_bureau(text, m.start(), m.end()):
                continue
            canonical, label = gazetteer()[m.group().lower()]
            if m.group().endswith("投资") and len(m.group()) >= 4 and _INVESTS_AFTER.match(text, m.end()):
                short = m.group()[:-2]
                canonical = gazetteer().get(short.lower(), (canonical, label))[0]
                out.append(Entity(label, m.start(), m.end() - 2, short, {"canonical": canonical}))
                continue
            if label == "COMPANY" and (form := _LATIN_LEGAL_FORM.match(text, m.end())):
                out.append(Entity(label, m.start(), form.end(), text[m.start():form.end()], {"canonical": canonical}))
                continue  # UBS AG: the known Latin name with its legal form, one name
            ext = _KNOWN_EXTENSION.match(text, m.end()) if label == "COMPANY" else None
            if ext and _LEGAL_FORM.fullmatch(ext.group()) and m.start() and _inside_a_name(text[m.start() - 1]):
                ext = None  # 南京澜屹汇丰股份有限公司: the known name is part of a longer legal name
            if ext and not pattern.match(text, m.end()):
                out.append(Entity(label, m.start(), ext.end(), text[m.start():ext.end()], None))
            else:
                out.append(Entity(label, m.start(), m.end(), m.group(), {"canonical": canonical}))
    return out


_INTERBANK = re.compile(r"银行间")


def ends_at_interbank(text: str, end: int) -> bool:
    """在中国银行间债券市场发行: a name that ends in the 银行 of 银行间 (the interbank market) is no bank."""
    return end >= 2 and bool(_INTERBANK.match(text, end - 2))


def _straddles_words(text: str, start: int, end: int) -> bool:
    """其中金额, 集中金属: a two-character known name (中金) whose first character ends a word and whose last
    begins one is the seam of two words, not the name; so is one whose first character ends a word as common as
    其中 or 北京 (其中车规级, 北京东路), whatever follows."""
    if end - start != 2 or not start or end >= len(text):
        return False
    freq = _word_freq()
    before = freq.get(text[start - 1 : start + 1], 0)
    return before >= _COMMON_WORD or (before > 0 and freq.get(text[end - 1 : end + 1], 0) > 0)


_COMMON_WORD = 2000  # jieba's count: 其中, 当中, 北京 above it; 从小 (从小米获得投资), 对华 below


def _a_bureau(text: str, start: int, end: int) -> bool:
    """区招商局, 市招商局: a known name ending in 局 right after an administrative level is a government bureau."""
    return text[end - 1] == "局" and start > 0 and text[start - 1] in "区县市省镇乡州旗"


def _closes_a_place(text: str, start: int, end: int) -> bool:
    """上海通宁科技, 海宁 in 上海宁亿: a short known name (海通) whose first character ends a place name is part of it."""
    if end - start > 3 or not start:
        return False
    tags = _word_tags()
    return any(tags.get(text[start - n : start + 1]) == "ns" for n in (1, 2) if start >= n)


@functools.cache
def _word_freq() -> dict[str, int]:
    """jieba's dictionary counts (the same dict jieba reads; a lookup, no segmentation)."""
    from ..segment.tokenizer import jieba_tokenizer

    return jieba_tokenizer().FREQ


# --- legal and descriptive names ending in a company or organisation suffix ---

@functools.cache
def _suffixes() -> dict[str, tuple[str, bool]]:
    """suffix -> (label, strong). Strong suffixes make a name on their own;
    weak ones (科技, 智能 …) only with a proper-looking prefix."""
    out = {}
    for row in resources.table("name_suffixes.tsv"):
        out[row["suffix"]] = (row["label"], row["strength"] == "strong")
    return out


@functools.cache
def _word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags (a lookup, not a tagger run; no jieba.posseg import)."""
    from ..segment.tokenizer import word_tags

    return word_tags()


# Dictionary tags of words that never sit inside a name: verbs, adverbs,
# prepositions, pronouns, conjunctions, particles, numerals, time words.
_NON_NAME_TAGS = frozenset("v vd p d r c u uj ul m mq q t tg f y e o ad b".split())


@functools.cache
def _stop_tokens() -> frozenset[str]:
    """Tokens that end a name: function words, finance terms (领投, 继续加注 …) other than those ending in a
    suffix (产业基金 may close a name), and people's titles (灵犀智能CEO张伟: jieba's Latin CEO is name-like)."""
    terms = (w for w in resources.words("finance_terms.txt") if _suffix_of(w) is None)
    return frozenset(resources.words("name_stopwords.txt")).union(terms, resources.words("person_titles.txt"))


@functools.cache
def _generic_names() -> frozenset[str]:
    """Finance terms that look like names but name no one: 产业基金, 战略投资."""
    return frozenset(w for w in resources.words("finance_terms.txt") if _suffix_of(w) is not None)


# 岵衡助力X完成B轮, 协助X完成, 热烈祝贺X上市: a law firm, an adviser or a well-wisher before the company it helps or greets
# (two parties, or a greeting: the name is the one after the verb)
HELPS_OR_GREETS = r"助力|协助|帮助|(?:热烈)?(?:祝贺|庆祝|恭贺|恭喜)"


# 市城投集团, 区交投公司, 区属国企: "the city's investment group" refers to a firm named elsewhere (澨州城投), it names none
# (内地城投, 更多城投, 地市级城投: the region's, or more of them, or a level of them, in general)
LOCAL_STATE_FIRM = re.compile(r"(?:地市|[市区县省州]|内地|地方|各地|境内|更多|其他|其它|部分|多家|各类)(?:属|管|级)?"
                              r"(?:城投|交投|国投|产投|建投|城建|水投|文旅|文投|旅投|国资|国企|国有企业|金控|科投|农投|发投|工投|城发|交建|轨交|地铁|水务|公交)")


def names_no_one(text: str) -> bool:
    """A finance term (产业基金) or a state firm told by its level only (市城投集团): it looks like a name, names none."""
    return text in _generic_names() or LOCAL_STATE_FIRM.match(text) is not None


_NAME_TOKEN = re.compile(r"^(?:[\u4e00-\u9fff]+(?:\([\u4e00-\u9fff]{2,6}\))?|[A-Za-z][A-Za-z0-9&.\-]*|\([\u4e00-\u9fff]{2,6}\))$")


# Words that describe the name that follows them: 全资子公司华鑫证券, 解决方案提供商数势科技.
_DESCRIPTORS = frozenset("子公司 工作室 业者 全资子公司 控股子公司 参股子公司 母公司 控股股东 大股东 股东 旗下 所属 下属 所持 持有 以 提供商 服务商 供应商 "
                         "制造商 运营商 开发商 解决商 厂 企业 公司 品牌 巨头 龙头 独角兽 初创 新创 新锐 平台 厂商 上市公司 中概股 概念股 竞争对手 对手 同行 "
                         "项目 连锁 业主 借款人 发行人 申请人 关联方 关联企业 关联公司 主体 运营方".split())
_DESK = frozenset("组 频道 栏目".split())  # a newsroom's desk named by its beat (科技组, 财经频道)
# Words for what a company is, right before its name (工业软件企业迈拓软件, 机械人公司灵动机器).
WHAT_IT_IS = frozenset("企业 公司 厂商 平台 品牌 初创 新创 新锐 独角兽".split())
# A maker's or doer's word (研发商, 先行者); not 商 opening a word (农村商业银行, 跨境商贸, 中国商飞)
MAKER_WORD = r"(?:[\u4e00-\u9fff]{2}(?:商(?!业|务|贸|品|城|行|会|标|场|店|用|汤|学|飞)|者)|(?:综|药|车|房|险|国|央|民|外|港|台|美|日|韩)企(?!业))"  # (上市综企X, 生物药企X)
_DESCRIBED = re.compile(rf"^.*{MAKER_WORD}(?=[\u4e00-\u9fffA-Za-z])")


def _is_descriptor(word: str) -> bool:
    """全资子公司, 提供商, 研发商, 先行者, 元件厂, 餐饮企业 (one jieba word) … (but not 招商, 酒厂, 有限公司)."""
    return word in _DESCRIPTORS or (len(word) >= 3 and word[-1] in "商者厂") or word in ("商", "者", "厂", "企") \
        or (len(word) >= 4 and word.endswith(("企业", "公司")) and (_suffix_of(word) or ("",))[0] != word
            and not word.startswith(_OWNERSHIP))


_OWNERSHIP = ("国有", "民营", "中央", "地方", "外资", "合资", "私营", "集体")  # 中国国有企业混改基金: part of the name


_GLUED_VERBS = "向被把从"  # inside a guessed name, what jieba's HMM glued to the name after it
_LEADING_JUNK = frozenset("由获向对在与和及的将被把从为是系属据让给于并且等其该因丨有这那了较除")  # 丨: a dateline separator; 了: 引入|了岚桥; 除: 除|澄泰 股份外; 属: 属|晅矽科技C轮
# 湘江钛业全称湖南湘江钛业科技股份有限公司, X又称Y: a word that names a name, inside a run of name-like words
# (up to the last of them: the name is after it)
_CALLED = re.compile(r".*(?:全称|又称|原名|原称|时名|简称|全名)(?:为|是)?")
# 毅达资本独家投资闽钧股份: jieba's run of name-like words opens on the investing verb (投资 is also a suffix)
_INVESTS_INTO = re.compile(r"(?:独家|联合|共同|再次|出手|重金|战略|策略性?|领投|跟投|参投)?(?:投资|入股|参股|注资)了?")
# 物流股峤蓝物流, 创新药股澄霆生物, 港股星河科技: the kind of stock a name is, before it
_STOCK_KIND = re.compile(r"^[\u4e00-\u9fffA]{1,5}?股(?!份|东|权|票|价|民|市|本|息|指)")


def stock_kind_end(name: str) -> int:
    """Where a name starts after the kind of stock said before it (物流股峤蓝物流 -> 3), else 0: a market,
    a sector word or a name's ending (港, 药, 物流, 消费) before 股, with a name of two characters after."""
    m = _STOCK_KIND.match(name)
    if m is None or len(name) - m.end() < 2:
        return 0
    kind = m.group()[:-1]
    sure = kind in ("港", "美", "A", "内房", "内银", "内险", "濠赌", "科网", "中概", "概念", "题材", "龙头", "蓝筹", "红筹", "中资", "新", "次新", "半新", "药") \
        or _suffix_of(kind) is not None or _industry_phrase(kind)
    return m.end() if sure else 0


_LONGEST_SUFFIX = 12  # characters (国有资本投资运营有限公司)


@functools.lru_cache(maxsize=1 << 16)  # asked for every token of every document
def _suffix_of(token: str) -> tuple[str, str, bool] | None:
    suffixes = _suffixes()
    for n in range(min(len(token), _LONGEST_SUFFIX), 0, -1):
        hit = suffixes.get(token[-n:])
        if hit:
            return token[-n:], hit[0], hit[1]
    return None


def _name_word(word: str, tags: dict) -> bool:
    """Not a verb, adverb, numeral … by jieba's dictionary (one-character words
    only when they are function words: 华 is an adjective there)."""
    return tags.get(word) not in (_NON_NAME_TAGS if len(word) >= 2 else _HARD_STOP_TAGS)


# 签了, 投了, 拿着: a verb and its aspect mark glued by jieba's guesser (骊程汽车签了电池…) ends a name
_VERB_DONE = re.compile(r"[\u4e00-\u9fff][了着]")


@functools.lru_cache(maxsize=1 << 16)
def _in_name(word: str) -> bool:
    """A token a run of name tokens may hold (asked for every token, so remembered); not a party word
    (认购方, 策略性投资人, 承配人: said before a name)."""
    return bool(_NAME_TOKEN.match(word)) and word not in _stop_tokens() and _name_word(word, _word_tags()) \
        and not (len(word) >= 3 and _party_word(word)) and not _VERB_DONE.fullmatch(word)


@functools.lru_cache(maxsize=1 << 16)
def _closes_name(word: str) -> bool:
    """A suffix word that is no name word (控股; 节能, a weak ending, in 恒禹节能), inside a run."""
    hit = _suffix_of(word)
    return bool(_NAME_TOKEN.match(word)) and word not in _stop_tokens() and hit is not None and hit[0] == word


def _is_suffix_word(word: str) -> bool:
    """控股 is a verb to jieba but closes 泉峰控股."""
    hit = _suffix_of(word)
    return hit is not None and hit[0] == word and hit[2]


# Tags jieba's dictionary gives words that also make company names (互动 an adverb, 未来 a time word,
# 创新 a verb: 沛星互动科技, 北京未来科技有限公司).
_BRIDGE_TAGS = frozenset("v vd d t b ad".split())
# Tags of words that open a name: people, places, other proper nouns, abbreviations, Latin.
_PROPER_TAGS = frozenset("nr nrt nrfg ns nz nt j eng x".split())


def bridges(before: str, word: str, after: str) -> bool:
    """沛星 互动 科技: a two-character verb, adverb or time word between a proper word (unknown to
    the dictionary, a place …) and a suffix word is part of the name, not the sentence."""
    if len(word) != 2:  # asked at the end of every run of name tokens: the cheap test first
        return False
    tags = _word_tags()
    if tags.get(word) not in _BRIDGE_TAGS:
        return False
    hit = _suffix_of(after)
    return hit is not None and hit[0] == after and word not in _stop_tokens() \
        and (before.isascii() or tags.get(before) is None or tags.get(before) in _PROPER_TAGS) \
        and bool(_NAME_TOKEN.match(before)) and before not in _stop_tokens()


def _all_suffix(prefix: str, words: tuple[str, ...] = ()) -> bool:
    """股份 in 股份有限公司, 科技股份 in 科技股份有限公司: a prefix made only of
    suffixes (and of the words given) names no one."""
    while prefix:
        hit = _suffix_of(prefix)
        word = hit[0] if hit is not None else next((w for w in words if prefix.endswith(w)), None)
        if word is None:
            return False
        prefix = prefix[: -len(word)]
    return True


@functools.cache
def _sector_words() -> tuple[str, ...]:
    return tuple(sorted(resources.words("sector_words.txt"), key=len, reverse=True))


def _industry_phrase(prefix: str) -> bool:
    """工业 in 工业软件, 商业 in 商业航天: before a weak ending, a prefix made only of sector words and
    endings makes an industry phrase, not a name."""
    return _all_suffix(prefix, _sector_words())


# 资金将用于助浴机器人的量产, 推出家用清洁机器人, 公司做电池管理芯片: what the verb before a weak guess is used for,
# launches or makes is a product
_MAKES_PRODUCT = frozenset(("用于", "应用于", "用在", "用来", "推出", "量产", "做", "生产", "研发", "研制", "开发", "主营", "主打"))


# 一颗电池管理芯片, 这款清洁机器人: a thing counted by its measure word is a product, not a company
_COUNTED_THING = re.compile(r"[一二两三几这那该每首][颗款台块枚件套部]")


def _is_product(tokens: list[tuple[str, int]], first: int) -> bool:
    word = tokens[first - 1][0] if first > 0 else ""
    return word in _MAKES_PRODUCT or _COUNTED_THING.fullmatch(word) is not None


@functools.lru_cache(maxsize=1 << 16)
def _legal_suffix(token: str) -> bool:
    hit = _suffix_of(token)
    return hit is not None and hit[2] and ("公司" in hit[0] or "合伙" in hit[0])


def _join_parenthesised(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """'(' '合肥' ')' -> '(合肥)', so that 零重力飞机工业(合肥)有限公司 is one run; '(' '有限' '合伙' ')'
    -> '(有限合伙)', a legal form."""
    if not any(w == "(" for w, _ in tokens):
        return tokens
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][0] == "(" and i + 2 < len(tokens) and tokens[i + 2][0] == ")":
            out.append((f"({tokens[i + 1][0]})", tokens[i][1]))
            i += 3
        elif tokens[i][0] == "(" and i + 3 < len(tokens) and tokens[i + 3][0] == ")" \
                and _is_suffix_word(inner := f"({tokens[i + 1][0]}{tokens[i + 2][0]})"):
            out.append((inner, tokens[i][1]))
            i += 4
        else:
            out.append(tokens[i])
            i += 1
    return out


# Tags that end a legal name on its left even when the words in between are
# unusual (房多多, 安克创新): prepositions, conjunctions, particles, pronouns, time words.
_HARD_STOP_TAGS = frozenset("p c u uj ul r t tg f y e o".split())
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}(?:市|省|区|县))$")


# 星河投资管理有限公司, 星河创业投资有限公司: 投资 that names the line of business, not the verb
_BUSINESS_AFTER = frozenset("管理 有限公司 有限责任公司 股份有限公司 控股 咨询 发展 集团 合伙企业 基金".split())


# 全球领先的X (a scope before a name) ends no legal name it stands inside: 兴证全球基金管理有限公司
_SCOPE_WORDS = frozenset(("全球", "海外", "国内", "全国"))


def _in_legal_name(tokens: list[tuple[str, int]], n: int) -> bool:
    return tokens[n][0] == "投资" and n + 1 < len(tokens) and tokens[n + 1][0] in _BUSINESS_AFTER


# the words a brand may be made of that also end a run (秋叶 a time word, 间 a direction): inside a legal name after its place
_BRAND_STOP_TAGS = frozenset("t tg f".split())


def _place_before_stop(tokens: list[tuple[str, int]], k: int, busy: bytearray, tags: dict, stop: frozenset) -> int:
    """上海秋叶间餐饮管理有限公司, 杭州春分里茶饮管理有限公司: a place name a few words before where the walk back stopped
    on a time or direction word (间, 里) opens the legal name; the brand between may be made of such words."""
    for j in range(k - 1, max(k - 4, -1), -1):
        word = tokens[j][0]
        tag = tags.get(word)
        if tag == "ns" or _PLACE.match(word):
            return j
        if (tag in _HARD_STOP_TAGS and tag not in _BRAND_STOP_TAGS) or word in stop or busy[tokens[j][1]] \
                or not _NAME_TOKEN.match(word):
            return k
    return k


def _legal_name_start(tokens: list[tuple[str, int]], last: int, busy: bytearray, tags: dict, stop: frozenset) -> int:
    """Where a legal name (…有限公司) ending at token `last` begins: at the leftmost
    place name (深圳市, 江苏) before it, else after the last stop word; never across
    punctuation, digits or function words, at most 10 tokens back."""
    k = last
    while k > 0 and last - k < 10:
        word = tokens[k - 1][0]
        # 中 after a colon or a comma starts a name (中触媒新材料), it closes no 在…中
        opens_name = tags.get(word) == "f" and len(word) == 1 and (k == 1 or not _NAME_TOKEN.match(tokens[k - 2][0]))
        bridge = k >= 2 and bridges(tokens[k - 2][0], word, tokens[k][0])
        if not _NAME_TOKEN.match(word) or (tags.get(word) in _HARD_STOP_TAGS and not opens_name and not bridge) \
                or busy[tokens[k - 1][1]] or word in _LEADING_JUNK:
            break
        k -= 1
    k = _place_before_stop(tokens, k, busy, tags, stop)
    k = _past_clause_verbs(tokens, _past_verbs(tokens, k, last, tags), last, tags)
    if k >= 1 and _opens_after_list(tokens, k - 1):
        return k - 1
    if _opens_with_place(tokens, k, last, tags):
        return k
    places = [n for n in range(k, last) if tags.get(tokens[n][0]) == "ns" or _PLACE.match(tokens[n][0])]
    if places:
        return places[0]
    stops = [n for n in range(k, last) if (tokens[n][0] in stop and not _in_legal_name(tokens, n)
                                           and not (n > k and tokens[n][0] in _SCOPE_WORDS)
                                           or _is_descriptor(tokens[n][0])) and not _inner_word(tokens, n)]
    if not stops:
        return k
    # 审议会议审议同意星衡医疗股份有限公司: two verbs or more after the last stop word are no part of the name
    # either; one may be (联想(北京)有限公司)
    start = stops[-1] + 1
    past = _past_verbs(tokens, start, last, tags)
    return past if past - start >= 2 else start


def _opens_after_list(tokens: list[tuple[str, int]], k: int) -> bool:
    """A公司、和辉光电股份有限公司: a 和 right after a list's 、 opens the next name; it joins nothing."""
    return tokens[k][0] == "和" and k >= 1 and tokens[k - 1][0] == "、"


def _opens_with_place(tokens: list[tuple[str, int]], k: int, last: int, tags: dict) -> bool:
    """上|海通|宁…股份有限公司: the run's first characters make a place name that jieba cut apart (海通 took 海
    from 上海), so the name opens there and not at a place word further on."""
    if k + 1 >= last or len(tokens[k][0]) > 2:
        return False
    run = "".join(w for w, _ in tokens[k:k + 3])
    return any(len(tokens[k][0]) < n and tags.get(run[:n]) == "ns" for n in (2, 3))


def _past_clause_verbs(tokens: list[tuple[str, int]], k: int, last: int, tags: dict) -> int:
    """中泰香港拟向恒生银行有限公司, 子公司…有限公司接受上海国际信托有限公司, 投资组建盾石科技有限公司: a verb of the
    sentence inside the run ends what comes before it. The name starts after the first verb of the run that is
    no part of it (开发 in 房地产开发有限公司 is), that a place or a proper word follows, and that leaves more
    than suffix words before the legal form (招商 in 拟向招商银行股份有限公司 does not); the first, since a name
    may hold a verb of its own further on (上海上工申贝融资租赁有限公司)."""
    for n in range(k + 1, last):
        word, after = tokens[n][0], tokens[n + 1][0]
        if tags.get(word) == "v" and len(word) >= 2 and _opens_proper(after, tags) \
                and not _all_suffix("".join(t for t, _ in tokens[n + 1:last])) and not bridges(tokens[n - 1][0], word, after):
            return n + 1
    return k


def _opens_proper(word: str, tags: dict) -> bool:
    """A place or a word the dictionary does not know (恒生, 盾石, 上海): a name may start here (not 服务 in
    征信服务有限公司, 股权投资基金 in 产业引导股权投资基金, nor a bracket)."""
    return word[:1].isalnum() and (tags.get(word) is None or tags.get(word) in _PROPER_TAGS) and _suffix_of(word) is None


def _past_verbs(tokens: list[tuple[str, int]], k: int, last: int, tags: dict) -> int:
    """公开披露三彩家有限公司: leading verbs are no part of the name."""
    while k < last - 1 and len(tokens[k][0]) >= 2 and tags.get(tokens[k][0]) in _NON_NAME_TAGS \
            and not (k > 0 and bridges(tokens[k - 1][0], tokens[k][0], tokens[k + 1][0])):
        k += 1
    return k


# Verbs jieba's dictionary calls nouns too (vn), so that they would extend a run of name tokens.
# (and words that say how several pay: 皖湾产业投资基金合计出资6亿元)
_MONEY_VERBS = frozenset("出资 注资 增资 投资 融资 入股 参股 认购 合计 共计 合共 共同 联合 分别".split())
# Characters jieba glues to the unknown name after a complete one (星河集团获星商银行: 获星商).
_GLUE = frozenset("获向由与和及对在将被把从为给于并等跟")
_OPENS_NO_NAME = frozenset("获为对被把从给在及")  # after any word (向, 和, 于 … open names: 向日葵, 和辉光电)
_JOINS_NO_NAMES = frozenset("p c v u uj ul d".split())  # a word after which 和 opens a name, joining nothing
# The verbs whose party is X方 / X人 (投资方, 出资方, 领投方, 认购方, 贷款方, 承配人): jieba glues the 方 / 人
# to the word after
_PARTY_OF = frozenset("资投购款配")


def _party_word(word: str) -> bool:
    """认购方, 出资方, 承配人: the party of a deal's verb."""
    return word[-1] in "方人" and word[-2:-1] in _PARTY_OF


# A sector's firm word (药企, 车企) jieba glues to the unknown name after it (抗体药企星卓生物: 药企星).
SECTOR_FIRM = r"[药车房险]企"
_SECTOR_FIRM = re.compile(SECTOR_FIRM)
# The maker's 商 / 厂 jieba glues to the unknown name after a product word (零部件商拓驰科技: 商拓驰, 半导体厂昱晟: 厂昱晟).
_MAKER = frozenset("商厂企")  # (生物药 企骞峰: a pharma company, 药企, then its name)


def _glued_to_next(prev: str, word: str, tags: dict) -> bool:
    if len(word) < 2 or word in tags or word in _stop_tokens():  # 华钢创投 跟投: a word of its own
        return False
    if (word[0] in _OPENS_NO_NAME or (word[0] == "有" and not word.startswith("有限"))) and len(word) >= 3:
        # 星选 获国发 基金, 发行对象 为澄湖 基金, 有宁禾 电子, 市场 对澄星 科技: they open no unknown name (有限责任公司
        # is a legal form)
        return True
    if word[0] == "和" and len(word) >= 3 and _CJK_ONLY.fullmatch(prev) and prev not in _stop_tokens() \
            and tags.get(prev) not in _JOINS_NO_NAMES:  # 骁棠 和珺桐 基金: 和 joins two names (由 和铂医药: it opens one)
        return True
    if word[0] in _GLUE:  # 星河集团 获星商; 出资方 为澄湖 资本; 其余份额 由蕙港 创投 (after a common word)
        return _suffix_of(prev) is not None or (prev[-1] == "方" and _party_word(prev)) \
            or (word[0] == "由" and len(word) >= 3 and tags.get(prev, "x") not in _PROPER_TAGS)
    # 零部件 商拓驰; 封测 厂晶霈 (a trade jieba does not know, then its maker's 厂)
    return word[0] in _MAKER and tags.get(prev) not in _PROPER_TAGS and (prev in tags or _CJK_ONLY.fullmatch(prev) is not None)


def _party_glued(prev: str, word: str, tags: dict) -> bool:
    """认购 方澄湖, 独家投资 方为, 承配 人为: the 方 / 人 of a party word (认购方, 投资方, 承配人) glued to the
    word after it (not 投资 方面, 投资 人民币: dictionary words other than 方为 / 人为 stay)."""
    return len(word) >= 2 and _party_word(prev + word[0]) and (word in ("方为", "人为") or word not in tags)


def _split_glued(tokens: list[tuple[str, int]], tags: dict) -> list[tuple[str, int]]:
    """星河集团 获星商 银行 -> 星河集团 获 星商 银行: after a token that ends in a name suffix,
    an unknown word that opens with a preposition, conjunction or 获 is that word and a new name
    (after any token when it opens with 获 or 为); after a common word, one that opens with a maker's
    商 / 厂 (零部件 商拓驰 -> 零部件 商 拓驰); a party word's 方 / 人 goes back to it (认购 方澄湖 -> 认购方 澄湖)."""
    glued = {k for k in range(1, len(tokens)) if _glued_to_next(tokens[k - 1][0], tokens[k][0], tags)}
    party = {k for k in range(1, len(tokens)) if _party_glued(tokens[k - 1][0], tokens[k][0], tags)}
    # 蓝川生 医获 国发 基金, 禾杉及 澄溪 基金: 获 or 及 glued to the end of an unknown word ends the name before it
    glued_after = {k for k, (word, _) in enumerate(tokens) if len(word) >= 2 and word[-1] in "获及" and word not in tags}
    sector = {k for k, (word, _) in enumerate(tokens) if len(word) >= 3 and word not in tags and _SECTOR_FIRM.match(word)}
    if not glued and not glued_after and not party and not sector:  # nearly every text: no copy
        return tokens
    out: list[tuple[str, int]] = []
    for k, (word, start) in enumerate(tokens):
        if k in party:
            out[-1] = (out[-1][0] + word[0], out[-1][1])
            out.append((word[1:], start + 1))
        elif k in glued or k in glued_after or k in sector:
            cut = len(word) - 1 if k in glued_after else 2 if k in sector else 1
            out += [(word[:cut], start), (word[cut:], start + cut)]
        else:
            out.append((word, start))
    return out


# jieba cuts 有限责任公司 into 有限责任 + 公司, 合伙企业 into 合伙 + 企业, 投资发展集团 into 投资 + 发展 + 集团: the
# pieces make one suffix
_SPLIT_TAILS = frozenset(("公司", "企业", "集团"))
# 星河市|国有资本|投资|运营|(集团)|有限公司: a state capital platform's legal name, joined into one suffix
_LEGAL_TAILS = ("有限公司", "有限责任公司")
_PLATFORM_WORDS = frozenset(("运营", "经营", "投资", "集团", "国有资本", "国资", "国有资产"))


def _joins(before: str, word: str) -> bool:
    platform = before in _PLATFORM_WORDS and word.endswith(_LEGAL_TAILS)  # 运营 + 集团有限公司, 国有资本 + 投资…
    if platform or word in _SPLIT_TAILS or word.endswith("集团"):
        hit = _suffix_of(before + word)
        return hit is not None and hit[2] and (len(hit[0]) > len(word) or platform)
    # 合伙企业 + (有限合伙): a legal form in brackets after another
    hit = _suffix_of(before)
    return word[0] == "(" and _is_suffix_word(word) and hit is not None and hit[0] == before


def _join_split_suffixes(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    # nearly every text: no copy (a legal tail joins only after a platform word)
    if not any(w in _SPLIT_TAILS or w in _PLATFORM_WORDS or w[0] == "(" for w, _ in tokens):
        return tokens
    out: list[tuple[str, int]] = []
    for word, start in tokens:
        if out and _joins(out[-1][0], word):
            out[-1] = (out[-1][0] + word, out[-1][1])
            while len(out) > 1 and _joins(out[-2][0], out[-1][0]):  # 投资 + 发展集团
                out[-2:] = [(out[-2][0] + out[-1][0], out[-2][1])]
        else:
            out.append((word, start))
    return out


_MANNER = frozenset({"战略", "策略"})  # strategic: of the verb after a name, never its end


def _run_end(tokens: list[tuple[str, int]], i: int, j: int, tags: dict) -> int:
    """Where a run of name tokens i..j really ends: not on an adverb, a prefix or a note in brackets
    (星月股份均获通过, 星月股份非公开发行, 星川电子(创业板)), nor on a money verb or a finance term after a strong
    suffix (澜汽集团出资2亿元, 获澜汽集团战略投资)."""
    while j - 1 > i and ((len(tokens[j - 1][0]) == 1 and tags.get(tokens[j - 1][0]) in ("d", "h"))
                         or tokens[j - 1][0].startswith("(")):
        j -= 1
    k = j  # (money verbs one or more: 皖湾产业投资基金 合计 出资; or one finance term)
    while k - 1 > i and tokens[k - 1][0] in _MONEY_VERBS:
        k -= 1
    if k == j and k - 1 > i and tokens[k - 1][0] in _generic_names():
        k -= 1
    if k < j and (_suffix_of(tokens[k - 1][0]) or ("", "", False))[2]:
        j = k
    if j - 1 > i and tokens[j - 1][0] in _MANNER:  # 云帆电子策略入股星河: strategic, of the verb after it
        j -= 1
    return j


# characters that carry a sentence (在, 将, 已 …): a run of single characters with one of them is no brand
_SENTENCE_CHARACTERS = frozenset("在将已并也又再还就都的了对向从被把于与和及或而但却是有为其该此这那亦无未不没非仍正均皆曾便即则乃所以由他她它我你")


def rare_characters(words: list[str]) -> bool:
    """佰才邦, 至真健康: a brand jieba cuts into single characters (before a suffix word), as it knows no word
    there; the function words among them (才, 至) are characters of the name, not words of the sentence."""
    last = _suffix_of(words[-1])
    brand = words[:-1] if len(words[-1]) >= 2 and last is not None and last[0] == words[-1] else words
    return len(brand) >= 2 and all(len(w) == 1 and w not in _SENTENCE_CHARACTERS for w in brand)


_KIN = re.compile(r"全资|控股|旗下|附属|子公司|母公司|参股|股东")  # 复川医药全资子公司: said of a name, not a plain word


def _weak_end(tokens: list[tuple[str, int]], i: int, j: int, tags: dict) -> int:
    """融资方面，帆栖 科技 节奏 并不快, 隼 瞳 科技 想 让 AI…: a run that ends on a plain word after a weak ending, where the
    words before that ending are unknown to the dictionary or a brand's single characters, holds a name up to the
    ending (a guess, as every weak name is), unless the word after it tells the name's kin (复川 医药 全资 子公司: one
    more name, the run is no name). Else the run as it was (资本 市场: no name)."""
    for k in range(j - 1, i, -1):
        hit = _suffix_of(tokens[k][0])
        if hit is not None and hit[0] == tokens[k][0] and not hit[2]:
            words = [w for w, _ in tokens[i:k]]
            brand = all(tags.get(w) is None for w in words) or rare_characters(words)
            return k + 1 if brand and not _KIN.match(tokens[k + 1][0]) else j
    return j


def _gazetteer_start(tokens: list[tuple[str, int]], first: int, j: int, busy: bytearray, tags: dict) -> int:
    """A legal name over a gazetteer name (上海复星平耀投资管理有限公司) starts at that name, or at
    most two places before it; busy: 2 where a gazetteer name is, 1 where another entity is."""
    gazetteer = next((k for k in range(max(first - 1, 0), j) if busy[tokens[k][1]] == 2), None)
    if gazetteer is None:
        return first
    # 南京澜屹汇丰股份有限公司: a place, then words no dictionary knows, then the gazetteer name: one name
    if first < gazetteer and (tags.get(tokens[first][0]) == "ns" or _PLACE.match(tokens[first][0])) \
            and all(tags.get(tokens[k][0]) is None and busy[tokens[k][1]] == 0 for k in range(first + 1, gazetteer)):
        return first
    first = gazetteer
    while gazetteer - first < 2 and first > 0 and busy[tokens[first - 1][1]] != 1 \
            and (tags.get(tokens[first - 1][0]) == "ns" or _PLACE.match(tokens[first - 1][0])):
        first -= 1
    return first


def _inner_word(tokens: list[tuple[str, int]], j: int) -> bool:
    """长城影视文化企业集团有限公司, 华安企业股份有限公司, 星海企业发展集团有限公司: 企业 before a strong suffix, or before
    nothing but suffix words up to a legal form, is part of the name, not its description."""
    if tokens[j][0] not in WHAT_IT_IS or j + 1 >= len(tokens):
        return False
    if _is_suffix_word(tokens[j + 1][0]):
        return True
    tail = "".join(w for w, _ in tokens[j + 1 : j + 3])
    if _legal_suffix(tail) and _all_suffix(tail):
        return True
    # 企业 发展 集团有限公司, 企业 管理 合伙企业(有限合伙): one plain word, then a legal form (not after 公司:
    # 互联网公司城云国际有限公司 is described)
    words = [w for w, _ in tokens[j + 1 : j + 4]]
    if tokens[j][0] != "企业" or len(words) < 2 or len(words[0]) != 2 or words[0] in _stop_tokens():
        return False
    return any(_legal_suffix(form) and _all_suffix(form) for form in {words[1], "".join(words[1:3])})


# 德国创投HV Capital, 美国创投Lightspeed: a country's venture firm, said of the Latin name right after it, is no name
PLACE_KIND = re.compile(r"(?:美国|德国|日本|韩国|英国|法国|欧洲|新加坡|以色列|印度|瑞士|瑞典|荷兰|加拿大|澳洲|澳大利亚|中东|硅谷|海外|本土)"
                         r"(?:创投|风投|基金)")
_LATIN_START = re.compile(r"[A-Za-z]")


def find_suffixed(tokens: list[tuple[str, int]], taken: list[Entity]) -> list[Entity]:
    """Names that end in a suffix: runs of name-like tokens closed by a suffix token.

    tokens: (text, start offset) pairs in order."""
    tokens = _split_glued(_join_split_suffixes(_join_parenthesised(tokens)), _word_tags())
    stop = _stop_tokens()
    tags = _word_tags()
    # per character: 0 free, 1 taken, 2 a gazetteer name (深圳市腾讯计算机系统有限公司: a run may
    # pass over one when it ends in a legal form)
    busy = bytearray(tokens[-1][1] + len(tokens[-1][0]) if tokens else 0)
    for e in taken:
        mark = b"\x02" if e.label == "COMPANY" and (e.value or {}).get("canonical") else b"\x01"
        busy[e.start:e.end] = mark * (e.end - e.start)
    known = 2 in busy
    out: list[Entity] = []
    inside = list(map(_in_name, (w for w, _ in tokens)))  # which tokens may open a run: skipped to at C speed
    i = 0
    while i < len(tokens):
        try:
            i = inside.index(True, i)
        except ValueError:
            break
        # a run of name-like tokens; a legal form (…有限公司) closes the name even when
        # name-like words follow (山东玻纤集团股份有限公司股票将于…)
        j = i
        while j < len(tokens) and (inside[j] or (j > i and (_closes_name(tokens[j][0]) or _inner_word(tokens, j) or (
                j + 1 < len(tokens) and bridges(tokens[j - 1][0], tokens[j][0], tokens[j + 1][0]))))) \
                and busy[tokens[j][1]] != 1:
            j += 1
            if _legal_suffix(tokens[j - 1][0]):
                break
        if known and not _legal_suffix(tokens[j - 1][0]):  # elsewhere a gazetteer name ends the run before it
            j = next((k for k in range(i, j) if busy[tokens[k][1]] == 2), j)
        if j == i:
            i += 1
            continue
        j = _run_end(tokens, i, j, tags)
        # the name ends where the run ends, on a suffix (资本市场 is no name)
        hit = _suffix_of(tokens[j - 1][0])
        if hit is None:
            j = _weak_end(tokens, i, j, tags)
            hit = _suffix_of(tokens[j - 1][0])
        if hit is not None and not hit[2] and j < len(tokens) and tokens[j][0] in WHAT_IT_IS:
            hit = None  # 工业软件企业迈拓软件: a weak guess that says what the next name is describes it
        if hit is not None and not hit[2] and j < len(tokens) and tokens[j][0] in _DESK:
            hit = None  # 出品｜虎嗅科技组: an outlet's desk, no company
        if hit is not None and hit[0] == "投资" and j < len(tokens) and _INVESTS_AFTER.fullmatch(tokens[j][0]):
            hit = None  # 澄湖投资了星火互动: a verb, not a suffix
        if hit is not None:
            suffix, label, strong = hit
            first = max(i, j - (8 if strong else 4))
            if "公司" in suffix or "合伙" in suffix:
                first = min(first, _legal_name_start(tokens, j - 1, busy, tags, stop))
                if known:
                    first = _gazetteer_start(tokens, first, j, busy, tags)
            start, end = tokens[first][1], tokens[j - 1][1] + len(tokens[j - 1][0])
            described = [k for k in range(first, j - 1) if _is_descriptor(tokens[k][0]) and not _inner_word(tokens, k)]
            if described:  # the name starts after the last descriptor
                first = described[-1] + 1
            start = tokens[first][1]
            text = "".join(t for t, _ in tokens[first:j])
            described = _DESCRIBED.match(text)
            if described and len(text) - described.end() >= len(suffix) + 2:  # 研发商伟杰信生物 (jieba: 商伟杰)
                text, start = text[described.end():], start + described.end()
            if text.startswith(suffix) and len(text) - 2 * len(suffix) >= 2:  # 家族办公室砚湾家族办公室: the kind, then the name
                text, start = text[len(suffix):], start + len(suffix)
            called = _CALLED.match(text) or _INVESTS_INTO.match(text)
            if called is not None and len(text) - called.end() >= len(suffix) + 2:
                text, start = text[called.end():], start + called.end()
            while text[0] in _LEADING_JUNK and len(text) - len(suffix) > 2 \
                    and not (start == tokens[first][1] and _opens_after_list(tokens, first)):  # jieba glued 由 to 澄湖
                text, start = text[1:], start + 1
            close = text.find(")") if text[0] == "(" else -1
            if close > 0 and len(text) - close - 1 - len(suffix) >= 2:  # 保荐机构(主承销商)国投证券: an aside opens no name
                text, start = text[close + 1:], start + close + 1
            inner = -1 if strong else max(map(text.rfind, _GLUED_VERBS))
            if inner > 0 and len(text) - inner - 1 - len(suffix) >= 2:
                text, start = text[inner + 1:], start + inner + 1  # 银行方合计向澄邦国际: jieba glued 向 to 澄邦
            if text[0] == "中" and first and tokens[first - 1][0] == "其" and len(text) - len(suffix) > 2:
                text, start = text[1:], start + 1  # 其中华测精工: jieba read 其|中华, the word is 其中
            if end - start - len(suffix) >= 2 and end - start <= 30 and not names_no_one(text) \
                    and not (PLACE_KIND.fullmatch(text) and j < len(tokens) and _LATIN_START.match(tokens[j][0])) \
                    and not _all_suffix(text[: -len(suffix)]) and text[: -len(suffix)] not in stop \
                    and (strong or not (_industry_phrase(text[: -len(suffix)]) or _is_product(tokens, first))):
                out.append(Entity(label, start, end, text, None if strong else {"weak": True}))
        i = j
    return out


# --- people: a title, then a surname and one or two characters, then a speech verb ---

@functools.cache
def _person_pattern() -> re.Pattern:
    titles = "|".join(sorted(map(re.escape, resources.words("person_titles.txt")), key=len, reverse=True))
    surnames = "|".join(sorted(map(re.escape, resources.words("surnames.txt")), key=len, reverse=True))
    return re.compile(
        rf"(?:{titles})\s?((?:{surnames})[\u4e00-\u9fff]{{1,2}}?)"
        r"(?=说|表示|称|透露|指出|介绍|认为|坦言|强调|告诉|回应|[,，:：、(（]|先生|女士"
        # 张伟近日接受采访时称: a time or a setting between the name and its speech verb
        r"|(?:近日|日前|此前|昨日|今日|昨天|今天|在|于|接受|向|对)[^,，。；;]{0,12}?(?:说|表示|称|透露|指出|介绍))"
    )


def find_people(text: str) -> list[Entity]:
    return [Entity("PERSON", m.start(1), m.end(1), m.group(1), None)
            for m in _person_pattern().finditer(text)]


# --- document level: names defined once are found everywhere ---

_QUOTED = r"[“\"「『]\s*([^”\"」』\s][^”\"」』]{0,10}[^”\"」』\s])\s*[”\"」』]"
# (以下简称“公司”或“云帆智能”), (Cloudsail Tech，以下简称“云帆”), Hong Kong's (「云帆」或「公司」):
# one or more short names
_SHORT_NAMES = re.compile(rf"(?:(?:[(（](?:[^()（）]{{1,40}}?[,，;；]\s?)?)?(?:以下简称|下称|简称|以下称)[:：]?|[(（](?=[“\"「『]))"
                          rf"(?:{_QUOTED}(?:或|、|和|及|,|，)?)+")


# (简称港湾物联), (下称星河): a short name without quotes, the whole bracket
_BARE_SHORT_NAME = re.compile(r"\s?[(（](?:以下简称|下称|简称|以下称)[:：]?([^()（）“”\"「」『』,，;；、\s]{2,12})[)）]")


_LEGAL_FORM = re.compile(_LEGAL_FORM_SRC + "$")


# the trade words of state-owned firms and the two characters they are cited by (国有资本投资 also opens 国有资本投资运营)
_STATE_FIRM_WORDS = (("国有资本投资", "国投"), ("国有资产投资", "国投"), ("城市建设投资", "城投"), ("城市投资", "城投"),
                     ("交通投资", "交投"), ("产业投资", "产投"), ("建设投资", "建投"), ("金融控股", "金控"))


@functools.cache
def _short_forms(legal: str) -> tuple[str, ...]:
    """Short names a legal name may be cited by: its leading words after the
    place, 3 to 6 characters (广东利元亨智能装备股份有限公司 -> 利元亨, 利元亨智能 …),
    and the A-share style first two characters + 股份 (宁波大叶园林设备股份有限公司 -> 大叶股份)."""
    from ..segment.tokenizer import segment

    core = _LEGAL_FORM.sub("", legal)
    if core == legal:
        return ()
    tags = _word_tags()
    every = segment(core)
    words = every
    while words and (tags.get(words[0]) == "ns" or _PLACE.match(words[0])):
        words = words[1:]
    out = []
    # 湖南湘江钛业科技…: a place name (湘江) after the province may open the short name too
    for opening in [words] + ([every[1:]] if len(every) - len(words) >= 2 else []):
        prefix = ""
        # (常州燚航电气: jieba's 燚|航电|气; a last word of one character is no trade word left out)
        for word in opening if opening and len(opening[-1]) == 1 else opening[:-1]:
            prefix += word
            if 3 <= len(prefix) <= 6 and tags.get(prefix) != "ns" and prefix not in out:
                out.append(prefix)
    # 浙江澜舟纺织机械股份有限公司 -> 澜舟纺机: a brand no dictionary knows, and the first character of each
    # two-character part of the four characters after it
    brand = 0
    while brand < len(words) and (len(words[brand]) == 1 or words[brand] not in tags):
        brand += 1
    head, after = "".join(words[:brand]), "".join(words[brand:])[:4]
    if 2 <= len(head) <= 3 and len(after) == 4:
        out.append(head + after[0] + after[2])
    # 溇澧国有资本投资运营集团有限公司 -> 溇澧国投, 瑞安市城市建设投资集团有限公司 -> 瑞安城投: a state firm's trade
    # words have their own short forms
    for phrase, short in _STATE_FIRM_WORDS:
        if (at := core.find(phrase)) >= 2:
            head = core[:at]
            forms = [head + short] + ([head[:-1] + short] if len(head) >= 3 and head[-1] in "省市县区" else [])
            out += [f for f in forms if f not in out]
    rest = "".join(words)
    # (宁波琰桥股份有限公司 -> 琰桥股份: a brand of two characters alone is cited so too)
    if "股份" in legal and (len(rest) == 2 or len(rest) >= 4) and tags.get(rest[:2]) != "ns" and not rest.startswith("中国"):
        out.append(rest[:2] + "股份")
    return tuple(out)


# a brand by jieba's dictionary: no entry, or a proper noun's tag (华为 nr, 腾讯 nz), not a
# common word (星河, 平安) or a place (长沙)
_BRAND_TAGS = frozenset({None, "nz", "nr", "nrt"})
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _without_trade_word(ent: Entity) -> tuple[str, ...]:
    """云栢医疗 -> 云栢, 旭光子科技 -> 旭光子: a company name without its trade word (a weak suffix),
    as reporters shorten it after the first mention; 2 to 4 characters of a proper-looking core."""
    hit = _suffix_of(ent.text)
    if ent.label != "COMPANY" or ent.weak or hit is None or hit[2]:
        return ()
    cores = [ent.text[: -len(hit[0])]]
    inner = _suffix_of(cores[0])  # 曜澄电池材料 -> 曜澄电池, 曜澄: two trade words
    if inner is not None and not inner[2] and len(cores[0]) - len(inner[0]) >= 2:
        cores.append(cores[0][: -len(inner[0])])
    return tuple(core for core in cores if 2 <= len(core) <= 4 and _CJK_ONLY.fullmatch(core)
                 and _word_tags().get(core) in _BRAND_TAGS)


# 湟川日报, 岱州新闻网: the city's paper or site, where a short form (湟川 of 湟川城投) is the city's name
_MEDIA_AFTER = re.compile(r"(?:日报|晚报|早报|时报|商报|新闻网|新闻中心|电视台|广播电视台|融媒体)")


_CONTRACT_ROLES = frozenset({"标的公司", "目标公司", "甲方", "乙方", "丙方"})


# 25澄州交投MTN001, 25溧澄K1: a bond's short name (its year, its issuer's short form, its series) is no company name
_BOND_YEAR = re.compile(r"\d{2}")
_BOND_SERIES_SRC = r"(?:MTN|SCP|CP|PPN|GN|K|Y|D|G)?\d{1,3}"
_BOND_SERIES = re.compile(_BOND_SERIES_SRC)


def in_bond_name(text: str, start: int, end: int) -> bool:
    return start >= 2 and bool(_BOND_YEAR.fullmatch(text, start - 2, start)) and bool(_BOND_SERIES.match(text, end))


def _bond_name_issuers(text: str) -> Counter:
    """The issuers' short forms inside bond short names (25嵇沅交投MTN003 -> 嵇沅交投), counted: one scan of the text."""
    return Counter(m.group(1) for m in _BOND_NAME.finditer(text))


_BOND_NAME = re.compile(rf"(?<=\d\d)([\u4e00-\u9fff]{{2,8}}?)(?={_BOND_SERIES_SRC})")


def propagate(text: str, found: list[Entity]) -> list[Entity]:
    """Other occurrences of the names found so far, and short names defined as
    in 杭州云帆智能科技有限公司(以下简称“云帆智能”). A person named by a title (董事长纪承远) is no
    company where a guess calls another mention of the name one (纪承远表示，公司…)."""
    people = {e.text for e in found if e.label == "PERSON"}
    if people:
        found = [e for e in found if not (e.label == "COMPANY" and e.text in people
                                          and not (e.value or {}).get("canonical"))]
    added: list[Entity] = []
    surfaces: dict[str, Entity] = {}
    bond_issuers = _bond_name_issuers(text)
    for ent in found:
        if ent.label not in ("COMPANY", "ORG"):
            continue
        m = _SHORT_NAMES.match(text, ent.end)
        bare = None if m else _BARE_SHORT_NAME.match(text, ent.end)
        if ent.weak:
            if not (m or bare):
                continue
            # 新创公司澜舟科技(以下简称“澜舟”): a guess that defines a short name is a name
            ent = Entity(ent.label, ent.start, ent.end, ent.text,
                         {k: v for k, v in ent.value.items() if k != "weak"} or None)
            added.append(ent)
        surfaces.setdefault(ent.text, ent)
        short_spans = [(m.start() + q.start(1), m.start() + q.end(1)) for q in re.finditer(_QUOTED, m.group())] if m \
            else [bare.span(1)] if bare else []
        for s_start, s_end in short_spans:
            # (以下简称“公司”) names no one; a party's role in a contract (“标的公司”, “乙方”) names the party defined
            short = text[s_start:s_end]
            if short not in resources.words("party_pronouns.txt") or short in _CONTRACT_ROLES:
                alias = Entity(ent.label, s_start, s_end, short,
                               {"alias_of": ent.text, **({"role_word": True} if short in _CONTRACT_ROLES else {})})
                added.append(alias)
                surfaces.setdefault(alias.text, alias)
        # a legal name's short forms, and a brand cut short (which stays the company's name: "shortened")
        shorts = [(s, {}) for s in _short_forms(ent.text)] + [(s, {"shortened": True}) for s in _without_trade_word(ent)]
        if ent.text.isascii() and (latin := latin_names.core(ent.text)):  # Moxly Holdings, later Moxly
            shorts.append((latin, {}))
        for short, mark in shorts:
            # used on its own somewhere (not only inside a bond's short name: 25嵇沅交投MTN003)
            if text.count(short) - bond_issuers[short] > ent.text.count(short):
                surfaces.setdefault(short, Entity(ent.label, 0, 0, short, {"alias_of": ent.text, **mark}))
    if not surfaces:
        return found
    # names found again here replace weak guesses at the same place (同光股份 is
    # a short form of 河北同光半导体股份有限公司, not a weak …股份 guess)
    aliases = Occupied(len(text), added)
    defined = {(a.start, a.end) for a in added if (a.value or {}).get("alias_of")}  # the definition wins
    hits = _leftmost_longest(text, surfaces)
    # nor a guess (weak, or the party tagger's) that cuts across one of their mentions (赣江锂业新材料: the
    # tagger's 锂业新材料, where 赣江锂业 is the short form of a legal name in the text)
    across = sorted((s, s + len(surface)) for s, surface in hits if not surfaces[surface].weak)
    starts = [s for s, _ in across]
    longest = max((t - s for s, t in across), default=0)

    def cut_across(e: Entity) -> bool:
        if not (e.weak or (e.value or {}).get("found_by") == "tagger"):
            return False
        near = across[bisect.bisect_left(starts, e.start - longest) : bisect.bisect_left(starts, e.end)]  # a lookup
        # (or lies inside one: 晖氢能 within 沺晖氢能, the short form of 沺晖氢能科技有限公司)
        return any(s < e.start < t < e.end or e.start < s < e.end < t
                   or (s <= e.start and e.end <= t and t - s > e.end - e.start) for s, t in near)

    keep = [e for e in found if not (e.weak and (e.text in surfaces or aliases.any(e.start, e.end)) or cut_across(e))
            and (e.start, e.end) not in defined]
    busy = Occupied(len(text), keep + added)
    for start, surface in hits:
        end = start + len(surface)
        # another firm of the same name or its bond (_OTHER_FIRM_AFTER); 星宇投资 (beside 星宇股份): its investment arm
        # (but 星宇投资了X: 星宇 invests)
        arm = _ARM.match(text, end)
        if not busy.any(start, end) and not _OTHER_FIRM_AFTER.match(text, end) and not _MEDIA_AFTER.match(text, end) \
                and not (arm and not _INVESTS_AFTER.match(text, arm.end())) and not _inside_latin_word(text, start, end):
            model = surfaces[surface]
            added.append(Entity(model.label, start, end, surface, model.value))
            busy.take(start, end)
    return keep + added


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """Moxly in MoxlyPay: a Latin surface with a letter or digit right beside it is part of another word."""
    return (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum() and text[start].isascii()) or \
        (end < len(text) and text[end].isascii() and text[end].isalnum() and text[end - 1].isascii())


def _leftmost_longest(text: str, surfaces) -> list[tuple[int, str]]:
    """Non-overlapping occurrences, scanning left to right and taking the longest
    surface at each place (what one alternation of them, longest first, finds;
    no regex is compiled per document)."""
    hits = []
    for surface in surfaces:
        i = text.find(surface)
        while i != -1:
            hits.append((i, -len(surface), surface))
            i = text.find(surface, i + 1)
    out, last = [], 0
    for start, _, surface in sorted(hits):
        if start >= last:
            out.append((start, surface))
            last = start + len(surface)
    return out
