"""Arabic, Chinese and mixed numerals: 一亿, 两千万, 1.2万亿, 2,000万, 二〇二五, 十余亿.

`parse_number` is the one entry point; `fold` maps a raw surface (traditional
script, full-width forms) onto the analysis form the recognisers expect, one
character for one character, so normalisers accept both spellings.
"""
from __future__ import annotations

import functools
import re

# Traditional -> simplified for the characters our value lexicons use, plus
# full-width -> half-width. One char to one char, so lengths never change.
_TRAD = (
    "萬万 億亿 圓圆 幣币 國国 託托 週周 內内 約约 過过 餘余 數数 兩两 參叁 貳贰 陸陆 "
    "臺台 歐欧 鎊镑 韓韩 盧卢 門门 紐纽 東东 倫伦 聯联 證证 創创 業业 滬沪 納纳 達达 "
    "級级 輪轮 戰战 資资 種种 點点 價价 發发 為为 於于 與与 幾几 後后 禮礼 號号 時时 "
    "當当 個个 會会 碼码 憑凭 規规 額额 頭头 條条 線线 銖铢 計计 場场 層层 買买 賣卖 "
    "馬马 來来 蘭兰 陽阳 開开 區区 灣湾 際际 瑪玛 鈔钞 貨货 屆届 傳传 雙双 億亿 兆兆"
)
_MAP = {ord(p[0]): p[1] for p in _TRAD.split()}
_MAP.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
_MAP.update({0x3000: " ", 0xFFE5: "¥", 0xFFE0: "¢", 0xFFE1: "£", 0x2212: "-"})


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_MAP)) + "]")


def fold(s: str) -> str:
    """Raw surface -> analysis form (simplified script, half-width), same length. (Most text
    needs nothing: a scan for a foldable character is cheaper than translating every one.)"""
    return s.translate(_MAP) if _FOLDABLE.search(s) else s


DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
ENGLISH_UNITS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
APPROX_CHARS = "余多"  # 十余亿, 300多万: "more than"; parse_number ignores them
VAGUE_CHARS = "数几"  # 数亿, 十几亿: no definite value

CN_DIGIT_CLASS = "零〇○一壹二两贰三叁四肆五伍六陆七柒八捌九玖"
CN_NUM_CLASS = CN_DIGIT_CLASS + "十拾百佰千仟万亿"
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_TOKEN = re.compile(
    rf"(?P<arabic>{ARABIC})|(?P<cn>[{CN_DIGIT_CLASS}])|(?P<unit>[十拾百佰千仟万亿])"
    rf"|(?P<eng>(?i:thousand|million|billion|trillion|mln|bln|mn|bn|tn|k|m|b))|(?P<skip>[\s余多])"
)
_CN_SEQUENCE = re.compile(rf"[{CN_DIGIT_CLASS}]{{2,}}")


_SPOKEN_GE = re.compile(r"个(?=多?[万亿])")
_SPOKEN_POINT = re.compile(rf"(?P<whole>[{CN_DIGIT_CLASS}十拾]+)点(?P<decimals>[{CN_DIGIT_CLASS}]+)")


def _decimal(m: re.Match) -> str:
    whole = parse_number(m["whole"])
    return m.group() if whole is None else f"{whole:g}." + "".join(str(DIGITS[c]) for c in m["decimals"])


@functools.lru_cache(maxsize=8192)  # amounts and dates repeat across documents
def parse_number(s: str) -> float | None:
    """Value of a numeral, or None if `s` is not one (or is vague: 数亿, 十几亿).

    A unit with nothing before it counts once: 百亿 = 1e10, 亿 = 1e8.
    余/多 (十余亿, 300多万) are ignored; the caller decides what "more than" means.
    """
    if not s:
        return None
    s = fold(s).strip()
    if not s or any(c in VAGUE_CHARS for c in s):
        return None
    if "个" in s or "点" in s:  # spoken: 三个亿, 四点五亿 (4.5亿), 十二点三
        s = _SPOKEN_POINT.sub(_decimal, _SPOKEN_GE.sub("", s))
    if _CN_SEQUENCE.fullmatch(s):  # 二〇二五: digit by digit
        return float("".join(str(DIGITS[c]) for c in s))
    total = 0.0  # completed 亿 groups
    section = 0.0  # completed 万 group below the last 亿
    small = 0.0  # sum under 万 (十百千)
    number: float | None = None
    seen_value = False
    pos = 0
    n = len(s)
    while pos < n:
        m = _TOKEN.match(s, pos)
        if not m:
            return None
        pos = m.end()
        kind = m.lastgroup
        text = m.group()
        if kind == "skip":
            continue
        if kind in ("arabic", "cn"):
            if number is not None:
                return None  # two numbers in a row: 3 5
            seen_value = True
            if kind == "cn" and DIGITS[text] == 0:
                continue  # 一百零五: 零 only holds a place
            number = float(text.replace(",", "")) if kind == "arabic" else float(DIGITS[text])
        elif kind == "unit":
            if text in SMALL_UNITS:
                small += (1.0 if number is None else number) * SMALL_UNITS[text]
            elif text == "万":
                base = small + (number or 0.0)
                section = (section + (base if (base or seen_value) else 1.0)) * 1e4
                small = 0.0
            else:  # 亿
                base = section + small + (number or 0.0)
                total = (total + (base if (base or seen_value) else 1.0)) * 1e8
                section = small = 0.0
            number = None
            seen_value = True
        else:  # English unit applies to everything before it
            if pos < n and s[pos].isalpha() and s[pos].isascii():
                return None
            value = total + section + small + (number or 0.0)
            if not value:
                return None
            total, section, small, number = value * ENGLISH_UNITS[text.lower()], 0.0, 0.0, None
    if not seen_value:
        return None
    return round(total + section + small + (number or 0.0), 6)  # 243.77*1e8 -> 24377000000.0


_HAS_UNIT = re.compile(r"[万亿萬億]|(?i:thousand|million|billion|trillion|mln|bln|mn|bn|tn)")


def has_unit(s: str) -> bool:
    """True if the numeral carries a multiplier (万, 亿, million …)."""
    return bool(_HAS_UNIT.search(s))
