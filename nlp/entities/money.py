"""MONEY: recogniser (`find`) and normaliser (`parse`) for amounts of money.

    parse("约43亿港元") -> {"value": 4.3e9, "value_max": None, "currency": "HKD",
                           "qualifier": "approx", "vague": False}

Both run the same compiled pattern (`find` over analysis text, `parse` as a
full match over one folded surface), so `parse(text[s:e])` equals what `find`
returned for that span. Vague amounts (数亿元, 亿级, 上亿元) have vague True and
the bounds their order of magnitude gives (数亿元: 1e8–9e8, qualifier approx;
上亿元: over 1e8); a range (3–5亿元) sets value and value_max; a per-share price
(每股116.2港元, 29.60元/股) adds "per_share": True. A number with a unit but no
currency (融资5亿) is money with currency None (entities.local_currency fills it in), only where the
next word is not something counted (股, 人, 用户 …); a bare number is never money, but for
`find_column_sums`: a table's cells under a header that gives their unit (金额（万元） over 5000).
"""
from __future__ import annotations

import re

from .numbers import ARABIC, CN_DIGIT_CLASS, CN_NUM_CLASS, fold, has_unit, parse_number
from ..resources import table
from ..text.columns import column_cells
from ..text.scan import guarded

_CURRENCIES = table("currencies.tsv")
_QUALIFIERS = table("money_qualifiers.tsv")
_UNITS = table("money_units.tsv")
CURRENCY = {r["surface"]: r["code"] for r in _CURRENCIES}
QUALIFIER = {r["surface"]: r["qualifier"] for r in _QUALIFIERS}
QUALIFIER.update({"过": "over", "破": "over", "余": "over", "多": "over"})

# A currency word must not run on into a longer word: 1日元旦, 三元锂, RMBX.
_CUR_GUARD = r"(?!旦|宵|素|化|件|组|论|老|首|宇宙|器件|锂|材料|正极|前驱|电池)"


def _alternation(surfaces) -> str:
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        guard = r"(?![A-Za-z])" if s[-1].isascii() and s[-1].isalpha() else ""
        parts.append(re.escape(s) + guard)
    return "(?:" + "|".join(parts) + ")"


_CUR_PRE = _alternation(r["surface"] for r in _CURRENCIES if r["position"] in ("pre", "both"))
_CUR_SUF = _alternation(r["surface"] for r in _CURRENCIES if r["position"] in ("suf", "both")) + _CUR_GUARD
_Q_PRE = (
    _alternation(r["surface"] for r in _QUALIFIERS if r["position"] == "pre")[:-1]
    + r"|[过破](?=[十百千]?[万亿]))"
)
_Q_POST = _alternation(r["surface"] for r in _QUALIFIERS if r["position"] == "post")
_ENG = _alternation(r["surface"] for r in _UNITS if r["surface"].isascii())
_ENG = "(?i:" + _ENG[3:]
_UNIT = rf"(?:[十百千]?万亿|[十百千]?亿(?:\d+(?:\.\d+)?[千百]?万)?|[十百千]?万|千|{_ENG})"
# US$5M, $1.5B, HK$800K: a single letter multiplies only right after digits that a currency sign opens (_interpret)
_LETTER_UNIT = r"(?<=\d)[MKBmkb](?![A-Za-z])"
# 三个亿, 两个多亿, 1.5个亿, 四点五个亿: spoken, a 个 before the unit and 点 for the decimal point
_SPOKEN_GE = r"个(?=多?[万亿])"
_AMOUNT = (
    rf"(?:(?:{ARABIC})(?:\s?[余多])?(?:\s?(?:{_SPOKEN_GE}多?)?{_UNIT}|{_LETTER_UNIT})?[余多]?"
    rf"|(?:[数几]|上(?=[十百千万亿]))?[{CN_NUM_CLASS}](?:[{CN_NUM_CLASS}几余多]|{_SPOKEN_GE}|点(?=[{CN_DIGIT_CLASS}]))*)"
)
MONEY = re.compile(
    rf"(?<![\d.])"
    rf"(?:(?P<q0>{_Q_PRE})\s?(?=每股))?"  # 不超过每股188港元
    rf"(?:(?P<ps1>每股)\s?)?"
    rf"(?:(?P<q1>{_Q_PRE})\s?)?"
    rf"(?:(?P<c1>{_CUR_PRE})\s?)?"
    rf"(?:(?P<q1b>{_Q_PRE})\s?)?"
    rf"(?P<a1>{_AMOUNT})(?P<lvl0>级)?"
    rf"(?:\s?(?P<c2>{_CUR_SUF}))?"
    rf"(?:\s?(?P<sep>[-–—~～至到])\s?(?:(?P<c3>{_CUR_PRE})\s?)?(?P<a2>{_AMOUNT})(?![年月日号%倍股个\d]))?"
    rf"(?:\s?(?P<c4>{_CUR_SUF}))?"
    rf"(?P<lvl>级别?)?"
    rf"(?P<ps2>/股|每股)?"
    rf"(?P<q3>{_Q_POST})?"
)
MONEY = guarded(MONEY)  # the same matches, scanned faster
_VAGUE = re.compile(r"[数几]|^上")  # 数亿, 十几亿, 上亿
_TRAILING_UNIT = re.compile(rf"\s?(?:{_UNIT}|{_LETTER_UNIT})$")
_ENDS_IN_LETTER = re.compile(rf"{_LETTER_UNIT}$")
_DIGIT_OR_SMALL = re.compile(r"[\d零〇○一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]")
_CN_ONLY = re.compile(rf"[{CN_NUM_CLASS}几余多数上]+")
# Where a currency-less amount (5亿) may stop: end, punctuation, or money words.
# 获数千万A轮融资, 完成近亿天使轮: a round's name may follow; 拟发行11亿债券: so may a bond (not 债务, debt owed).
_OPEN_END = re.compile(r"$|[^\w]|的|融资|投资|估值|市值|规模|资金|金额|投后|投前|注资|募资|级|(?:公司|企业|美元|永续)?债(?![务权])|票据"
                       r"|(?:Pre-?|pre-?)?[A-Ea-e]\d?\+*轮|(?:天使|种子|战略|新一|首)\+*轮")


# A currency word that names no country: in Hong Kong or Taiwan text it is the local dollar.
BARE_YUAN = frozenset({"元", "圆", "块钱"})


def _currency_word(m: re.Match) -> str | None:
    """The word that names the currency: 人民币 in 人民币3亿元, 新台币 in 1,500亿元新台币."""
    pre, c2, c4 = m["c1"] or m["c3"], m["c2"], m["c4"]
    if c2 in BARE_YUAN and c4:
        return c4
    return pre or c2 or c4


def _amount_value(a: str, other: str | None) -> float | None:
    if other and not has_unit(a) and not re.search(r"[十百千]$", a):
        unit = _TRAILING_UNIT.search(other)
        if unit:  # 3–5亿元: the first bound borrows the unit of the second
            a = a + unit.group().strip()
    return parse_number(a)


def _vague_bounds(amount: str) -> tuple[float | None, float | None]:
    """The order of magnitude a vague amount gives: 数千万 1e7–9e7, 十几亿 1.1e9–1.9e9,
    上亿 / 亿元级 1e8 (no upper bound)."""
    amount = amount.removeprefix("上")
    low = parse_number(re.sub("[数几]", "1", amount) or "")
    high = parse_number(re.sub("[数几]", "9", amount) or "")
    if low is None:
        return None, None
    return low, (high if high is not None and high != low else None)


# a character a bare 亿 may end a name after (not 近, 过, 破, 超, 逾, 上 … that make it a sum)
_NAME_CHAR = re.compile(r"(?![近过破超逾上数几约达获])[\u4e00-\u9fff]")


def _interpret(m: re.Match, text: str | None) -> dict | None:
    a1, a2 = m["a1"], m["a2"]
    amounts = a1 + (a2 or "")
    pre_cur = m["c1"] or m["c3"]
    cur_word = _currency_word(m)
    currency = CURRENCY.get(cur_word) if cur_word else None
    unit = has_unit(amounts)
    if not currency and not unit:
        return None  # a bare number is not money
    if not pre_cur and (_ENDS_IN_LETTER.search(a1) or (a2 and _ENDS_IN_LETTER.search(a2))):
        return None  # 300m, 5K: a length, a count
    vague = bool(m["lvl"] or m["lvl0"] or _VAGUE.search(a1) or (a2 and _VAGUE.search(a2)))
    bare_unit = not _DIGIT_OR_SMALL.search(a1)
    if bare_unit and not (m["q1"] or m["q1b"]):
        if not re.search("亿", a1):
            return None  # 万元 alone is not an amount
        if a1 == "亿" and not (currency or m["lvl"] or m["lvl0"]) and text and m.start() and _NAME_CHAR.match(text, m.start() - 1):
            return None  # 通恒源亿(002960): the last character of a name, no sum
        vague = True  # 亿元 on its own means "a nine-figure sum"
    if text is not None:
        strict = not currency or (_CN_ONLY.fullmatch(amounts) and not unit)
        if strict and not _OPEN_END.match(text, m.end()):
            return None  # 9500万股, 5亿用户, 三元锂电池
    qualifier = None
    if m["q0"] or m["q1"] or m["q1b"]:
        qualifier = QUALIFIER[m["q0"] or m["q1"] or m["q1b"]]
    elif m["q3"]:
        qualifier = QUALIFIER[m["q3"]]
    elif re.search("[余多]", amounts):
        qualifier = "over"
    value = value_max = None
    if vague:
        value, value_max = _vague_bounds(a1) if not a2 else (None, None)
        if value is not None:
            qualifier = qualifier or ("over" if a1.startswith("上") else "approx")
    else:
        value = _amount_value(a1, a2)
        if value is None:
            return None
        if a2:
            value_max = parse_number(a2)
            if value_max is None:
                return None
    out = {"value": value, "value_max": value_max, "currency": currency,
           "qualifier": qualifier, "vague": vague}
    if m["ps1"] or m["ps2"]:
        out["per_share"] = True
    return out


# 九块八, 二十一块五毛, 十二块三到十三块: a price said aloud, in the local currency (a 块 alone is a measure word:
# 一块屏幕, 两块业务)
SPOKEN_PRICE = re.compile(rf"(?<![\d{CN_NUM_CLASS}])(?P<whole>\d{{1,4}}|[{CN_NUM_CLASS}]{{1,5}})块(?P<jiao>[{CN_DIGIT_CLASS}]|\d(?![\d.]))毛?"
                          r"(?=[到至]|[^\u4e00-\u9fff\d]|$)")


def _spoken_prices(text: str, taken: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    out = []
    if "块" not in text:
        return out
    for m in SPOKEN_PRICE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in taken):
            continue
        whole = parse_number(m["whole"])
        if whole is None:
            continue
        value = whole + parse_number(m["jiao"]) / 10
        out.append((m.start(), m.end(), {"value": round(value, 2), "value_max": None, "currency": None,
                                         "qualifier": None, "vague": False}))
    return out


# 金额（万元）, 拟募资(亿元), 融资额（亿美元）: a flattened table's column whose header gives the unit of sums (万 or
# 亿) over cells that are bare numbers; not one party's part (获配金额, 认购金额, 出资额: the allottees' table of a
# placement told above it). 发行价（元）, 招股价(港元): a column of prices per share.
_UNIT_HEADER = re.compile(rf"(?!获配|认购|出资)[^|｜（(]{{0,12}}[（(]\s*(?:单位[:：]\s*)?(?P<unit>[十百千]?[万亿]{_CUR_SUF})\s*[）)]"
                          rf"|(?:发行价格?|招股价|发售价|申购价)[（(]\s*(?P<price>{_CUR_SUF})(?:/股)?\s*[）)]")
_BARE_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def find_column_sums(text: str) -> list[tuple[int, int, dict]]:
    """金额（万元）｜… over 5000｜…: each bare number of the column, the sum its header's unit makes of it (发行价（元）
    over 32.18: a price per share)."""
    out = []
    for label, a, b in column_cells(text, _UNIT_HEADER):
        cell = text[a:b]
        start, end = a + len(cell) - len(cell.lstrip()), a + len(cell.rstrip())  # the number, without the padding
        header = _UNIT_HEADER.fullmatch(label)
        surface = f"{text[start:end]}{header['unit']}" if header["unit"] else f"每股{text[start:end]}{header['price']}"
        if _BARE_NUMBER.fullmatch(text, start, end) and (value := parse(surface)):
            if written_currency(surface) in BARE_YUAN:  # 招股价（元） on a Hong Kong page: the market's dollar, decided later
                value = {**value, "currency": None}
            out.append((start, end, value))
    return out


def find(text: str) -> list[tuple[int, int, dict]]:
    """Money spans in analysis text: [(start, end, value)], sorted, non-overlapping."""
    out = []
    for m in MONEY.finditer(text):
        value = _interpret(m, text)
        if value is not None:
            out.append((m.start(), m.end(), value))
    spoken = _spoken_prices(text, out)
    return sorted(out + spoken) if spoken else out


def written_currency(surface: str) -> str | None:
    """The currency word written in one money surface (元, 港元, 人民币, US$), None when there is none.
    人民币1.5亿元 -> 人民币: a bare 元 is one that no other currency word names."""
    m = MONEY.fullmatch(fold(surface).strip())
    return _currency_word(m) if m else None


def parse(surface: str) -> dict | None:
    """Value of one money surface (simplified or traditional, half- or full-width)."""
    s = fold(surface).strip()
    m = MONEY.fullmatch(s)
    if m:
        return _interpret(m, None)
    found = find(s)  # a surface with words around the amount: 发行价为17元
    return found[0][2] if len(found) == 1 else None
