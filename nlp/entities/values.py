"""PERCENT, SHARES, TICKER, ROUND and EXCHANGE recognisers.

Each `find_x(text)` takes analysis text (simplified, half-width) and returns
[(start, end, value)], sorted and non-overlapping. Values:

    PERCENT  {"value": 14.58} (+ "value_max" for 10%-20%, + "qualifier" for 30%以上)
    SHARES   {"value": 37419500.0, "share_class": "H" | "A" | "B" | "ADS" | "ordinary" | None}
    TICKER   {"code": "2513", "exchange": "HKEX" | "SSE" | … | None}; the span is the
             code itself (with its .HK suffix when written), never the words around it;
             + "bare": True for Latin letters alone in brackets (沱锦出行(TJMX)), a ticker only beside a US exchange
    ROUND    {"name": "pre-A+" | "A" | "B1" | "angel" | "strategic" | "new" | …}
    EXCHANGE {"name": canonical Chinese name, "code": "HKEX" | None, "board": … | None,
              "market": "HK" | "CN" | "US" | …}
"""
from __future__ import annotations

import re

from .market import MarketContext
from .numbers import ARABIC, CN_NUM_CLASS, fold, parse_number
from ..resources import table
from ..text.columns import column_cells
from ..text.scan import guarded


def _alt(surfaces) -> str:
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        e = re.escape(s)
        if s[0].isascii() and s[0].isalpha():
            e = r"(?<![A-Za-z])" + e
        if s[-1].isascii() and s[-1].isalpha():
            e += r"(?![A-Za-z])"
        parts.append(e)
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------- PERCENT
_PCT_NUM = rf"(?:{ARABIC})"
PERCENT = re.compile(
    rf"(?<![\d.])(?P<a>{_PCT_NUM})(?:\s?%?\s?[-–—~～至到]\s?(?P<b>{_PCT_NUM}))?\s?%"
    rf"(?P<q>以上|以下|以内|左右)?"
    rf"|百分之(?P<cn>[{CN_NUM_CLASS}]+(?:点[{CN_NUM_CLASS}]+)?|{_PCT_NUM})(?P<cq>以上|以下|以内|左右)?"
)
PERCENT = guarded(PERCENT)  # the same matches, scanned faster
_PCT_Q = {"以上": "over", "以下": "at_most", "以内": "at_most", "左右": "approx"}


def _cn_decimal(s: str) -> float | None:
    whole, _, frac = s.partition("点")
    w = parse_number(whole)
    if w is None:
        return None
    if frac:
        digits = "".join(str(int(parse_number(c) or 0)) for c in frac)
        return float(f"{int(w)}.{digits}")
    return w


def find_percent(text: str) -> list[tuple[int, int, dict]]:
    out = []
    for m in PERCENT.finditer(text):
        if m["cn"]:
            v = _cn_decimal(m["cn"])
            q = m["cq"]
        else:
            v = float(m["a"].replace(",", ""))
            q = m["q"]
        if v is None:
            continue
        value = {"value": v}
        if m["b"]:
            value["value_max"] = float(m["b"].replace(",", ""))
        if q:
            value["qualifier"] = _PCT_Q[q]
        out.append((m.start(), m.end(), value))
    return out


# ---------------------------------------------------------------- SHARES
_SHARE_CLASS = {
    "H股": "H", "A股": "A", "B股": "B", "美国存托股份": "ADS", "美国存托股": "ADS",
    "美国存托凭证": "ADS", "存托股份": "ADS", "存托股": "ADS", "ADS": "ADS", "ADSs": "ADS",
    "普通股": "ordinary",
}
SHARES = re.compile(
    rf"(?<![\d.])(?P<n>(?:{ARABIC})(?:\s?[十百千万亿]+)?|[{CN_NUM_CLASS}]*[百千万亿][{CN_NUM_CLASS}]*)"
    rf"(?P<more>[余多])?\s?股(?!东|权|价|票|本|市|息|利|民|指|评|份制|改|吧|灾|神|基|性|骨|子|风|脑|劲|份公司|份有限)"
    rf"(?:\s?(?P<cls>{_alt(_SHARE_CLASS)}))?"
)
SHARES = guarded(SHARES)  # the same matches, scanned faster


def find_shares(text: str) -> list[tuple[int, int, dict]]:
    out = []
    for m in SHARES.finditer(text):
        v = parse_number(m["n"])
        if v is None or (m["n"] in "万亿" and text[m.start() - 1 : m.start()] in ("(", "（")):
            continue  # 发行量（万股）: a column's unit, no count
        value = {"value": v, "share_class": _SHARE_CLASS.get(m["cls"]) if m["cls"] else None}
        if m["more"]:
            value["qualifier"] = "over"
        out.append((m.start(), m.end(), value))
    return out + _shares_in_column(text)


# 发行量（万股）｜… over …｜2,000｜…: a count of shares in a table's column whose header says they are shares (and in what unit)
_SHARES_COLUMN = re.compile(r"(?:本次)?(?:发行|公开发行|新股发行|网上发行)(?:量|数量|股数|规模)\s?[(（](?P<unit>万|亿)?股[)）]")
_CELL_NUMBER = re.compile(r"\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*")


def _in_column(text: str, header: re.Pattern, cell: re.Pattern, value) -> list[tuple[int, int, dict]]:
    """The cells of a table's column whose header `header` matches and whose content `cell` matches whole:
    (start, end, value(header's word, the cell's match)) of the cell's group 1."""
    return [(m.start(1), m.end(1), value(label, m)) for label, a, b in column_cells(text, header)
            if (m := cell.fullmatch(text, a, b))]


def _shares_in_column(text: str) -> list[tuple[int, int, dict]]:
    def shares(label: str, m: re.Match) -> dict:
        unit = {"万": 1e4, "亿": 1e8}.get(_SHARES_COLUMN.fullmatch(label)["unit"], 1)
        return {"value": float(m[1].replace(",", "")) * unit, "share_class": None}
    return _in_column(text, _SHARES_COLUMN, _CELL_NUMBER, shares)


# ---------------------------------------------------------------- EXCHANGE
_EXCHANGES = table("exchanges.tsv")
_EX_BY_SURFACE = {r["surface"]: r for r in _EXCHANGES}
# code -> its first surface without a board (reversed: the first row wins)
_SURFACE_OF_CODE = {r["code"]: r["surface"] for r in reversed(_EXCHANGES) if r["code"] and not r["board"]}
_BOARDS = {(r["exchange"], r["surface"]): r["board"] for r in table("boards.tsv")}
EXCHANGE = re.compile(
    rf"(?P<ex>{_alt(_EX_BY_SURFACE)})(?!期货|资管|资本(?!市场)|国际|证券(?!交易所)|(?<=证)监)"  # 广东证监局: no 东证; 纳斯达克资本市场 is a board
    rf"(?P<board>{_alt({s for _, s in _BOARDS})})?"
)
EXCHANGE = guarded(EXCHANGE)  # the same matches, scanned faster


def exchange_value(surface: str) -> dict:
    r = _EX_BY_SURFACE[surface]
    return {"name": r["name"], "code": r["code"] or None, "board": r["board"] or None,
            "market": r["market"] or None}


def exchange_of_code(code: str | None) -> dict | None:
    """The exchange (no board) our code names (HKEX, SSE …), as exchange_value gives it; None if unknown."""
    surface = _SURFACE_OF_CODE.get(code)
    return exchange_value(surface) if surface else None


def find_exchanges(text: str) -> list[tuple[int, int, dict]]:
    out = []
    pos = 0
    while (m := EXCHANGE.search(text, pos)) is not None:
        value = exchange_value(m["ex"])
        end = m.end("ex")
        board = m["board"] and _BOARDS.get((value["code"], m["board"]))
        if board:
            value["board"] = board
            end = m.end()
        out.append((m.start(), end, value))
        pos = end
    return out


# ---------------------------------------------------------------- TICKER
_SUFFIX_EXCHANGE = {"HK": "HKEX", "SH": "SSE", "SS": "SSE", "SZ": "SZSE", "BJ": "BSE",
                    "O": "NASDAQ", "OQ": "NASDAQ", "N": "NYSE", "TW": "TWSE", "TWO": "TPEX", "US": None}
_TICKER_EX = {k: v for k, v in _SUFFIX_EXCHANGE.items() if v}  # one-letter O and N only as suffixes
_TICKER_EX.update({s: r["code"] for s, r in _EX_BY_SURFACE.items() if r["code"]})
_TICKER_EX.update({"NASDAQ": "NASDAQ", "NYSE": "NYSE", "AMEX": "AMEX", "SSE": "SSE",
                   "SZSE": "SZSE", "BSE": "BSE", "LSE": "LSE", "SGX": "SGX", "TSE": "TSE",
                   "沪": "SSE", "深": "SZSE", "港": "HKEX"})
_SFX = r"(?:HK|SH|SS|SZ|BJ|TWO|TW|OQ|O|N)"
# (股票代码Q4M, 证券代码为“398A”: Singapore's and Tokyo's codes mix letters and digits)
_CODE = rf"(?P<code>\d{{4,6}}|[A-Z]{{1,5}}|(?=\d*[A-Z])(?=[A-Z]*\d)[A-Z\d]{{3,4}})(?:\.(?P<sfx>{_SFX}))?(?![\w.])"
TICKER = re.compile(
    # 股票代码"2513", 证券代码:688068, 纽交所代码XPEV, 代码为"NIO", 代码定为“TDRA”, 股票代码将是688784, 代码暂定“JCSH”
    # (not a former code: 原证券代码873596, its NEEQ code before the listing)
    rf"(?:(?<!原)(?:股票|证券|股份|交易)代[码号]|(?<!申购)(?<!债券)(?<!原)(?<!原证券)(?<!原股票)代[码号])(?:暂定为?|拟定为|拟为|预计为|将(?:是|为)|定为|为|是)?\s?:?\s?[\"“”'「『]?{_CODE}"
    # 拟以"YBLG"为代码, 分别以"GUYK"和"GUYKW"为代码 (the code told before the word; the first of two is the shares')
    rf"|(?<=以)[\"“”'「『](?P<qcode>[A-Z]{{1,5}})[\"“”'」』](?=(?:(?:和|及|与|、)[\"“”'「『][A-Z]{{1,6}}[\"“”'」』])?(?:分别)?为(?:股票|证券)?代码)(?P<qsfx>)"
    # (NASDAQ: NIU), (纳斯达克:XPEV), (NYSE: NIO; HKEX: 9866), (沪:600699), (港:0700)
    rf"|(?<=[(;,])\s?(?P<pex>{_alt(k for k in _TICKER_EX if len(k) > 1 or k in '沪深港')})\s?:\s?"
    rf"(?P<pcode>\d{{4,6}}|[A-Z]{{1,5}})(?:\.(?P<psfx>{_SFX}))?(?![\w.])"
    # 00700.HK, 688068.SH, 2330.TW
    r"|(?<![\w.])(?P<scode>\d{4,6})\.(?P<ssfx>HK|SH|SS|SZ|BJ|TWO|TW)(?![A-Za-z])"
    # 星河控股(01592-HK), 新东方(EDU,US), (EDU.US)
    r"|(?<=\()(?P<dcode>\d{3,6}|[A-Z]{1,5})\s?[-,.]\s?(?P<dsfx>HK|SH|SZ|BJ|TWO|TW|US)(?=\))"
    # 大叶股份(300879), 昆越精工(920198): an A-share or BSE code alone in brackets after the name
    r"|(?:(?<=[\u4e00-\u9fff]\()|(?<=[」”』]\())(?<![号码期]\()(?P<bcode>(?:60|68|00|30|92)\d{4})(?=\))(?P<bsfx>)"
    # 大行科工(2543), 赛晶(580), 新代(7750): a bare code after a name, a ticker only in a text
    # about Hong Kong or Taiwan shares (not 电话(852) 2345 6789, not 成立于(2018))
    r"|(?:(?<=[\u4e00-\u9fffA-Za-z]\()|(?<=[\u4e00-\u9fffA-Za-z]\s\()|(?<=[」”』]\())(?P<xcode>\d{3,5})(?=\)(?!\s?\d{4}))(?P<xsfx>)"
    # 沱锦出行(TJMX): Latin letters alone in brackets after a Chinese name, a ticker only beside a US exchange
    r"|(?:(?<=[\u4e00-\u9fff]\()|(?<=[」”』]\())(?P<lcode>[A-Z]{2,5})(?=\))(?P<lsfx>)"
    # 申购代码为301874: a Shenzhen new share subscribes under its stock code (Shanghai's 787xxx / 732xxx differ); the
    # words before the code are lookbehinds, so that the scan's first-character guard stays on digits
    r"|(?:(?<=申购代码)|(?<=申购代码[为是:\s])|(?<=申购代码[为是:]\s))(?P<zcode>(?:00|30)\d{4})(?!\d)(?P<zsfx>)"
)
TICKER = guarded(TICKER)  # the same matches, scanned faster
_A_SHARE_PREFIX = (("60", "SSE"), ("68", "SSE"), ("00", "SZSE"), ("30", "SZSE"),
                   ("43", "BSE"), ("83", "BSE"), ("87", "BSE"), ("92", "BSE"))


def _a_share_exchange(code: str) -> str | None:
    """The A-share or BSE exchange a six-digit code's prefix names (600519: SSE), or None."""
    return next((ex for p, ex in _A_SHARE_PREFIX if code.startswith(p)), None)


_BARE_CODE_DIGITS = {"HK": range(3, 6), "TW": range(4, 5)}  # 700 / 00700 / 8549; TW codes have four


_CODE_SHAPE = {"SSE": r"\d{6}", "SZSE": r"\d{6}", "BSE": r"\d{6}", "HKEX": r"\d{1,5}", "TWSE": r"\d{4,6}",
               "TPEX": r"\d{4,6}", "NASDAQ": r"[A-Z]{1,5}", "NYSE": r"[A-Z]{1,5}"}


# a US exchange near a bracketed Latin code makes it a ticker; words in capitals that are no ticker (nor is an
# exchange's own abbreviation: 腾讯音乐（NYSE）)
_US_EXCHANGE = re.compile(r"纳斯达克|纽交所|纽约证券交易所|美股|NASDAQ|Nasdaq|NYSE|美国上市|赴美")
_NO_TICKER = frozenset("IPO CEO CFO COO CTO AI ETF SPAC ADR ADS GDR ESG PE VC API OTC SEC CSRC KOL LP GP EV AR VR "
                       "IT B2B AGI LLM USD RMB HKD".split())


def _nearby_exchange(text: str, start: int, code: str) -> str | None:
    """The exchange named just before the code, unless the code cannot be one of its own
    (创业板新股…K W Nelson(08411): five digits are no Shenzhen code)."""
    window = text[max(0, start - 24):start]
    found = find_exchanges(window)
    code_ex = found[-1][2]["code"] if found else None
    return code_ex if code_ex is None or re.fullmatch(_CODE_SHAPE.get(code_ex, r".+"), code) else None


def _market_exchange(text: str, market: str | None) -> str | None:
    """The exchange a text about one market means: HKEX, SGX; for Taiwan the TW exchange it names most,
    else TPEx where it speaks of 上柜 / 兴柜, else TWSE."""
    if market == "HK":
        return "HKEX"
    if market == "SG":
        return "SGX"
    if market == "TW":
        codes = [v["code"] for _, _, v in find_exchanges(text) if v["market"] == "TW"]
        if codes:
            return max(set(codes), key=codes.count)
        return "TPEX" if re.search("上柜|柜买|兴柜", text) else "TWSE"  # 初次上柜: the OTC market
    return None


def _bare_code_ok(text: str, m: re.Match, market: str | None) -> bool:
    from .stock_names import name_ends_at  # jieba's dictionary loads only here

    return market in _BARE_CODE_DIGITS and len(m["xcode"]) in _BARE_CODE_DIGITS[market] \
        and name_ends_at(text, text.rindex("(", 0, m.start()))


def find_tickers(text: str, context: MarketContext | None = None) -> list[tuple[int, int, dict]]:
    """context: the market of the text (built from the text on first need when not given)."""
    def market_at(pos: int) -> str | None:
        nonlocal context
        context = context or MarketContext(text)
        return context.market_at(pos, strict=False)

    out = []
    for m in TICKER.finditer(text):
        for code_g, sfx_g in (("code", "sfx"), ("pcode", "psfx"), ("scode", "ssfx"), ("dcode", "dsfx"),
                              ("bcode", "bsfx"), ("xcode", "xsfx"), ("qcode", "qsfx"), ("lcode", "lsfx"), ("zcode", "zsfx")):
            if m[code_g]:
                break
        code, sfx = m[code_g], m[sfx_g]
        if code_g == "xcode" and not _bare_code_ok(text, m, market_at(m.start())):
            continue
        if code_g == "lcode" and (code in _NO_TICKER or code in _TICKER_EX
                                  or not _US_EXCHANGE.search(text, max(0, m.start() - 80), m.end() + 80)):
            continue
        start, end = m.start(code_g), m.end(sfx_g) if sfx else m.end(code_g)
        exchange = _SUFFIX_EXCHANGE.get(sfx) if sfx else None
        if exchange is None and m["pex"]:
            exchange = _TICKER_EX.get(m["pex"])
        if exchange is None:
            exchange = _nearby_exchange(text, start, code)
        if exchange is None and code.isdigit() and len(code) == 6:
            exchange = _a_share_exchange(code)
        if exchange is None and code.isdigit() and sfx != "US":  # from the market the text is about
            exchange = _market_exchange(text, market_at(start))
        out.append((start, end, {"code": code, "exchange": exchange, **({"bare": True} if code_g == "lcode" else {})}))
    return out + _tickers_in_column(text)


# 简称｜股票代码｜申购代码 over 星河科技｜688971｜787971: a code in a table's column of stock codes (not the subscription code's)
_CODE_COLUMN = re.compile(r"(?:股票|证券)代码")
_CELL_CODE = re.compile(r"\s*(\d{6})\s*")


def _tickers_in_column(text: str) -> list[tuple[int, int, dict]]:
    return _in_column(text, _CODE_COLUMN, _CELL_CODE, lambda _, m: {"code": m[1], "exchange": _a_share_exchange(m[1])})


# ---------------------------------------------------------------- ROUND
_NAMED_ROUNDS = {r["surface"]: r["name"] for r in table("rounds.tsv")}
_ROUND_GUARD = r"(?!者|人|方|部|机构|基金|公司|问询|审核|反馈|回复|投票|意见)"
# text set with blanks around Latin and signs (天使 + 轮, A + 轮) names the same rounds
_NAMED_ALT = re.sub(r"((?:\\\+)+)轮", lambda m: r"\s?" + m[1] + r"\s?轮", _alt(_NAMED_ROUNDS))
ROUND = re.compile(
    rf"(?P<named>{_NAMED_ALT}){_ROUND_GUARD}"
    # 获Pre-A融资, 完成B+融资: a letter round may stand right before 融资 without 轮
    r"|(?<![A-Za-z0-9])(?P<pre>[Pp][Rr][Ee]-?\s?)?(?P<letter>[A-Ka-k])(?P<num>\d)?\s?(?P<plus>\+*)\s?(?:轮|系列|(?=融资))"
    r"|(?<![A-Za-z])Series\s(?P<sl>[A-K])(?P<sp>\+*)(?![A-Za-z])"
    # 做完了一轮Pre-A, 拿了一轮B+, 这一轮是Pre-A, 本轮为B+: spoken, the letter alone after 一轮 or a round's 是 / 为
    r"|(?:(?<=一轮)|(?<=轮是)|(?<=轮为))(?P<spre>[Pp][Rr][Ee]-?)?(?P<sletter>[A-H])(?P<splus>\+*)(?![A-Za-z0-9])"
)
ROUND = guarded(ROUND)  # the same matches, scanned faster
ROUND_COUNT = re.compile(
    r"(?<![\d.新最第一二三四五六七八九十两A-Za-z+])(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s?轮"
)


def find_rounds(text: str) -> list[tuple[int, int, dict]]:
    out = []
    for m in ROUND.finditer(text):
        if m["named"]:
            name = _NAMED_ROUNDS["".join(m["named"].split())]
        elif m["sl"]:
            name = m["sl"] + m["sp"]
        elif m["sletter"]:
            name = ("pre-" if m["spre"] else "") + m["sletter"] + m["splus"]
        else:
            name = ("pre-" if m["pre"] else "") + m["letter"].upper() + (m["num"] or "") + m["plus"]
        out.append((m.start(), m.end(), {"name": name}))
    return out


def find_round_counts(text: str) -> list[tuple[int, int, dict]]:
    """How many rounds were raised: 4轮, 五轮 -> {"count": 4}; never a named round."""
    named = find_rounds(text)
    out = []
    for m in ROUND_COUNT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in named):
            continue
        n = parse_number(m["n"])
        if n:
            out.append((m.start(), m.end(), {"count": int(n)}))
    return out


def parse_round(surface: str) -> dict | None:
    """Normalised round name of one surface (traditional or full-width too)."""
    found = find_rounds(fold(surface).strip())
    return found[0][2] if len(found) == 1 else None
