"""Short stock names that news prints with a ticker or a price quote in brackets:

    华翔股份(603112.SH)  大叶股份(300879)  500彩票网(WBAI.US)  立讯精密(54.970,-1.29,-2.29%)
    圣诺医药-B(02257.HK)  大行科工(2543)  基石控股(01592-HK)  均胜电子(沪:600699)  K W Nelson(08411)

and the short name an announcement's header gives (证券简称：蓝海重工).

The name is the run of name-like words right before the bracket (the share class
mark -B / -W / -SW is no part of it), without the words that describe it
(摺叠单车商大行科工 -> 大行科工, 两只新股松龄护老 -> 松龄护老).
"""
from __future__ import annotations

import re

from .names import (_DESCRIBED, _HARD_STOP_TAGS, _LEADING_JUNK, _NON_NAME_TAGS, _is_descriptor, _split_glued,
                    _is_suffix_word, _legal_suffix, _suffix_of, _name_word, _stop_tokens, _word_tags)
from .span import Entity, Occupied
from ..text.scan import guarded

# 华翔股份(603112.SH), 大叶股份(300879), 500彩票网(WBAI.US), 立讯精密(54.970,-1.29,-2.29%),
# 圣诺医药-B(02257.HK): quotes that name a stock whatever else the text holds
_STOCK_QUOTE = re.compile(r"(?:-(?:SW|B|W|S|U|P))?\((?:\d{6}(?:\.(?:SH|SZ|SS|BJ))?|\d{4,5}\.HK|[A-Z]{1,5}\.(?:US|N|O|OQ)"
                          r"|-?\d+\.\d+,\s?[+-]?\d+\.\d+,\s?[+-]?\d+\.\d+%)\)")
_STOCK_QUOTE = guarded(_STOCK_QUOTE)  # the same matches, scanned faster
_STOCK_TOKEN = re.compile(r"^(?:[\u4e00-\u9fff]+|[A-Za-z0-9][A-Za-z0-9&.\-]*)$")  # 500彩票网
_LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.\-]*$")
_CLASS_MARK = re.compile(r"-(?:SW|B|W|S|U|P|R)\s?$")
# what a bracket holds after a stock name, around the TICKER found in it: (沪:600699), (2543), (01592-HK),
# (纳斯达克代码QMAP)
_TICKER_PREFIX = re.compile(r"[^()\n]{1,8}(?::\s?|代[码號号](?:为|是)?\s?)|\s?")
_TICKER_TAIL = re.compile(r"(?:\s?[-,.]\s?[A-Z]{1,3})?\)")
# a quoted name after the word for what it is: 长租公寓服务商“青客公寓”, 方案商「智澜驾驶」, 新创「星图」 (「星图 StarMap」:
# with its Latin name after it)
_QUOTED_AFTER_DESCRIPTOR = re.compile(r"(?:商|厂|公司|企业|平台|品牌|集团|机构|独角兽|新创|初创|新秀)[“\"「『]"
                                      r"([\u4e00-\u9fffA-Za-z0-9]{2,10}(?=[”\"」』])|[\u4e00-\u9fff]{2,10}(?=\s?[A-Za-z]))"
                                      r"(?:\s?[A-Za-z][A-Za-z0-9&.'-]*(?: [A-Za-z0-9&.'-]+)*)?[”\"」』]")
# a name said as what it is called, before the word for a company: 一家名为“灵犀微光”的AR公司, 名为星图智能的初创企业
_CALLED_BY_NAME = re.compile(r"名(?:为|叫)[“\"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,10}?)[”\"」』]?的[^,，。；;、]{0,8}?"
                             r"(?:公司|企业|初创|厂商|平台|品牌|独角兽)")
# a name set after a company's description by a dash or a colon: 一家激光雷达企业——光迹科技, 一家游戏公司：天象互动
_NAME_AFTER_DESCRIPTION = re.compile(r"(?:一|这|另一)家[^,，。；;]{0,20}?(?:公司|企业|初创|厂商|平台|品牌|独角兽|[^,，。；;]商)"
                                     r"(?:——|—|:|：)\s?([\u4e00-\u9fffA-Za-z0-9·&.\- ]{2,20}?)(?=[,，。；;(（]|$)")
# *ST凯迪已于…暂停上市, ST华信发布公告: a risk-warned A share's short name (at most four characters after its
# mark), where the clause goes on after it
_RISK_WARNED = re.compile(r"(?<![A-Za-z*])(\*?ST[\u4e00-\u9fff]{2,4}?)(?=[\s,，。；;、:：()（）“”\"]|$|已|于|将|拟|获|公告|发布|"
                          r"披露|股票|股份|的|在|因|被|自|收到|今日|近日|日前|昨日|表示|称|宣布|和|与|及|等|也|则|还|是|为)")
# an announcement's header: 证券代码：002786　证券简称：蓝海重工 (A shares: up to four characters, *ST, a class mark)
_HEADER_NAME = re.compile(r"(?:证券|股票|公司)简称\s?[:：]\s?(\*?(?:ST)?[\u4e00-\u9fffA-Za-z0-9]{2,8})(?=[\s,，;；、。)）]|$)")
# one character that ends no name: 成立于(2018), 同期(2022), 上市后(2543)
_NO_NAME_END = frozenset("于在至的及和与是为约共达逾等第年月日号期时前后起止")
_A_SHARE_EXCHANGES = ("SSE", "SZSE", "BSE")


_CLOSING_QUOTES = "」”』\""
_QUOTED_NAME = re.compile(r"[「“『\"]([\u4e00-\u9fffA-Za-z0-9·&.\- ]{2,12})[」”』\"]")


def _name_end(text: str, bracket: int) -> int:
    """Where the name before a bracket ends: before spaces and a share class mark."""
    j = bracket
    while j and text[j - 1] == " ":
        j -= 1
    if j and text[j - 1] in _CLOSING_QUOTES:  # 「泓雅美妆」(02622): the name inside the quotes
        j -= 1
    mark = _CLASS_MARK.search(text[max(0, j - 4):j])
    return j - len(mark.group()) if mark else j


def name_ends_at(text: str, bracket: int) -> bool:
    """Whether the text before the bracket at `bracket` may end a name: 大行科工(2543),
    星河控股-B(2543), HSSP(03626); not 成立于(2018), 成立(2018), 去年(2022)."""
    j = _name_end(text, bracket)
    if j == 0:
        return False
    ch = text[j - 1]
    if ch.isascii():
        return ch.isalpha()
    if not "\u4e00" <= ch <= "\u9fff" or ch in _NO_NAME_END:
        return False
    tags = _word_tags()
    for n in (3, 2):  # the dictionary word that ends here, if any
        word = text[j - n:j]
        if len(word) == n and word in tags:
            # (骎途出行(02893): a trade word that may end a name, weak as it is, ends one before a code)
            return tags[word] not in _NON_NAME_TAGS or ((hit := _suffix_of(word)) is not None and hit[0] == word)
    return tags.get(ch) not in _HARD_STOP_TAGS


def _anchors(text: str, taken: list[Entity]) -> dict[int, int]:
    """Where a stock name ends -> how many characters it may have (4 for A shares, else 8)."""
    out: dict[int, int] = {}
    for m in _STOCK_QUOTE.finditer(text):
        out[m.start()] = 8 if m.group().endswith(("HK)", "US)", "N)", "O)", "OQ)")) else 4
    for t in taken:
        if t.label != "TICKER" or (t.value or {}).get("bare"):  # (波动率指数(VIX): bare Latin letters name no share)
            continue
        bracket = text.rfind("(", max(0, t.start - 10), t.start)
        if bracket < 0 or not _TICKER_PREFIX.fullmatch(text, bracket + 1, t.start) \
                or not _TICKER_TAIL.match(text, t.end):
            continue
        longest = 4 if (t.value or {}).get("exchange") in _A_SHARE_EXCHANGES else 8
        out.setdefault(_name_end(text, bracket), longest)
    return out


def _walk_back(tokens: list[tuple[str, int]], i: int, longest: int) -> int:
    """Index of the first token of the name whose last token is tokens[i]. An A-share name
    has at most four characters of any script; elsewhere a Latin word counts as two
    (Mega Expo, K W Nelson). One word that is no name word by the dictionary (集成 in
    集成金融) is kept when the name then starts at a punctuation mark or a function word."""
    stop, tags = _stop_tokens(), _word_tags()
    k, first, width, soft = i, i + 1, 0, None
    while k >= 0:
        tok = tokens[k][0]
        if tok == " " and k > 0 and first <= i and _LATIN.match(tokens[first][0]) and _LATIN.match(tokens[k - 1][0]):
            k -= 1  # K W Nelson: spaces between Latin words
            continue
        width += len(tok) if longest <= 4 or not _LATIN.match(tok) else 2
        if not _STOCK_TOKEN.match(tok) or tok in _LEADING_JUNK:
            return first  # a clear left edge
        if first <= i and tok.isdigit() and len(tok) <= 2 and not _LATIN.match(tokens[first][0]) \
                and (k == 0 or tokens[k - 1][0].endswith("\n")):
            return first  # 01 栩衡新能(02726) opening a line: the item's number, no part of the name
        # 星衡|半导体: the limit cuts a word off a name of dictionary words (not 两连板|皖新传媒, four already)
        if width > longest and width - len(tok) < longest and all(t in tags for t, _ in tokens[first : i + 1]):
            brand = _brand_start(tokens, k, width, longest + 4, lone_suffix=first == i and _only_suffix(tokens[i][0]))
            if brand is not None:
                return brand
        if width > longest and len(tok) == 1 == len(tokens[first][0]) and _clear_edge(tokens, k):
            return k  # 新股|曜|芯|半导体(688803): two characters jieba split open a brand, the code's limit inside it
        if (tok in stop and tok not in ("股份", "ST")) or _is_descriptor(tok) or width > longest:
            break
        if not (_name_word(tok, tags) or (k == i and _is_suffix_word(tok))):
            if soft is not None or width > 6:
                break
            soft = first  # where the name starts if this word is no part of it
        first, k = k, k - 1
    if k < 0:
        return first
    return soft if soft is not None else first


def _clear_edge(tokens: list[tuple[str, int]], k: int) -> bool:
    """Nothing of a name may stand before tokens[k]: the start, punctuation, a function or stop word."""
    before = tokens[k - 1][0] if k else ""
    return not before or not _STOCK_TOKEN.match(before) or before in _LEADING_JUNK or before in _stop_tokens() \
        or _is_descriptor(before)


def _only_suffix(word: str) -> bool:
    """半导体, 新能源, 控股: a word that ends company names, alone."""
    hit = _suffix_of(word)
    return hit is not None and hit[0] == word


def _brand_start(tokens: list[tuple[str, int]], k: int, width: int, widest: int,
                 lone_suffix: bool = False) -> int | None:
    """星衡|半导体(688799), 澄源|新能源|科技(301799): a company's own short name with its code may pass the
    four characters of a stock's short name, when the words within them are all dictionary words and a
    brand no dictionary knows opens the name right after a clear edge (the start, punctuation, a stop
    word). The index of that brand's token, else None. Before a lone industry word (，晶格|半导体(688731))
    a dictionary word after a clear edge is the brand too: an industry word alone names no one."""
    stop, tags = _stop_tokens(), _word_tags()
    while k >= 0 and width <= widest:
        tok = tokens[k][0]
        if not _STOCK_TOKEN.match(tok) or _LATIN.match(tok) or tok in stop or not _name_word(tok, tags):
            return None
        if (tok not in tags or lone_suffix) and _clear_edge(tokens, k):
            return k
        lone_suffix = False
        k -= 1
        width += len(tokens[k][0]) if k >= 0 else 0
    return None


def _trim(text: str, start: int, end: int, first_token: str) -> int:
    """Drop what describes the name (单车商大行科工, or 零部件商|擎越汽车 where jieba glued only the 商
    to the name) and a function word jieba glued to an unknown name (兴柜股后新代 -> 新代; 半导体厂 厂昱晟 -> 昱晟)."""
    lead = min(2, start)  # a descriptor may begin before the name
    described = _DESCRIBED.match(text[start - lead:end])
    if described and described.end() > lead and end - (start - lead + described.end()) >= 2:
        return start - lead + described.end()
    if first_token not in _word_tags() and len(first_token) > 1 and first_token[0] in _LEADING_JUNK | {"后", "厂"} \
            and end - start > 2:
        return start + 1
    return start


def find_stock_names(text: str, tokens: list[tuple[str, int]], taken: list[Entity]) -> list[Entity]:
    """Short names before a ticker or a price quote (an A-share short name has at most four
    characters, plus *ST; Hong Kong, Taiwan and US names up to eight). They replace weak
    suffix guesses at the same place."""
    anchors = _anchors(text, taken)
    if anchors:  # 封测 厂晶霈 科技(7862): the maker's 厂 jieba glued to the name describes it
        tokens = _split_glued(tokens, _word_tags())
    busy = Occupied(len(text), [e for e in taken if not e.weak])
    ends = {start + len(tok): i for i, (tok, start) in enumerate(tokens)} if anchors else {}  # most text quotes no stock
    out: list[Entity] = []
    for end, longest in sorted(anchors.items()):
        i = ends.get(end)
        if i is None or busy.any(end - 1, end) or _legal_suffix(tokens[i][0]):
            continue  # …科技股份有限公司(证券代码:688999): a legal name, the suffix rules' business
        quoted = _QUOTED_NAME.search(text, max(0, end - longest - 1), end + 1)
        if quoted and quoted.end() == end + 1:  # 「晞和健康」(2679): the quotes say where the name starts
            start = quoted.start(1)
        else:
            first = _walk_back(tokens, i, longest)
            if first > i:
                continue
            start = _trim(text, tokens[first][1], end, tokens[first][0])
        if text.startswith("ST", start) and text[start - 1:start] == "*":  # *ST赫美
            start -= 1
        elif text[max(0, start - 2):start] == "F-":  # F-铠胜(5264): a foreign issuer in Taiwan
            start -= 2
        if end - start >= 2 and not busy.any(start, end) and not text.endswith("转债", 0, end):
            out.append(Entity("COMPANY", start, end, text[start:end], None))
            busy.take(start, end)
    for m in (*_QUOTED_AFTER_DESCRIPTOR.finditer(text), *_HEADER_NAME.finditer(text), *_CALLED_BY_NAME.finditer(text),
              *_NAME_AFTER_DESCRIPTION.finditer(text), *_RISK_WARNED.finditer(text)):
        if not busy.any(m.start(1), m.end(1)):
            out.append(Entity("COMPANY", m.start(1), m.end(1), m.group(1), None))
            busy.take(m.start(1), m.end(1))
    return out
