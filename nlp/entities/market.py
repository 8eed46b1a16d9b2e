"""Which stock market a text is written for, and what a bare 元 means there.

Hong Kong, Taiwan and Singapore press write prices and sums in their own currency with a
bare 元 (招股价每股0.45元, 集资近6.1亿元, 承销价90元). The cue words of
resources/market_cues.tsv are weighed per paragraph and per document:

    ctx = MarketContext("…孖展超购…招股价每股0.45元…")
    ctx.market_at(pos)              -> "HK"      (strict: the market's own press)
    ctx.market_at(pos, strict=False) -> "HK"     (any lead of HK or TW cues: enough for a ticker)
    ctx.bare_yuan_currency(s, e)    -> "HKD"     (None: keep the amount's CNY)

A paragraph decides on its own when its cues are decisive; otherwise the
document decides. Everything here is a function of the text alone.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..resources import table
from ..text.scan import guarded

_MARKET_CURRENCY = {"HK": "HKD", "TW": "TWD", "SG": "SGD"}
_FOREIGN = tuple(_MARKET_CURRENCY)  # the markets with a dollar of their own


def _compile_cues() -> tuple[re.Pattern, list[tuple[str, int]]]:
    rows = table("market_cues.tsv")
    pattern = guarded(re.compile("|".join(f"(?P<c{i}>{r['pattern']})" for i, r in enumerate(rows))))
    return pattern, [(r["market"], int(r["weight"])) for r in rows]


_CUES, _CUE_INFO = _compile_cues()
# (人民币,下同) / (港元,下同): the currency of every bare 元 from here on
_DECLARED = re.compile(r"(?P<cur>人民币|港元|港币|美元|新台币)\s?[,、]?\s?(?:下同|以下同)")
_DECLARED_CODE = {"人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD", "新台币": "TWD"}
# an A-share quote in the same sentence: 均胜电子A股(沪:600699)收报20元
_A_SHARE = re.compile(r"A股|[沪深]:|沪市|深市|上交所|深交所|北交所|科创板|\d{6}\.(?:SH|SZ|SS)|\((?:60|68|00|30)\d{4}\)")
_H_SHARE = re.compile(r"H股|港股")
_SENTENCE_END = re.compile(r"[。!?！？\n]")
_CLAUSE_END = re.compile(r"[。!?！？\n,;:，；：]")
_AROUND = 300  # a clause or sentence longer than this is not real text: look no further


@dataclass
class _Scores:
    weight: dict = field(default_factory=lambda: dict.fromkeys((*_FOREIGN, "CN"), 0))
    strong: set = field(default_factory=set)

    def add(self, market: str, weight: int) -> None:
        self.weight[market] += weight
        if weight >= 2:
            self.strong.add(market)

    def strict(self) -> str | None:
        """HK / TW / SG when that press's own words lead by far; CN when only mainland cues are there."""
        for m in _FOREIGN:
            others = max(w for k, w in self.weight.items() if k != m)
            if m in self.strong and self.weight[m] > 2 * others:
                return m
        if self.weight["CN"] and not any(self.weight[m] for m in _FOREIGN):
            return "CN"
        return None

    def loose(self) -> str | None:
        """HK / TW / SG named at least as often as the mainland market."""
        m = max(_FOREIGN, key=lambda k: self.weight[k])
        return m if self.weight[m] and self.weight[m] >= self.weight["CN"] else None


class MarketContext:
    def __init__(self, text: str):
        self.text = text
        self._para_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._paras = [_Scores() for _ in self._para_starts]
        self._doc = _Scores()
        for m in _CUES.finditer(text):
            market, weight = _CUE_INFO[int(m.lastgroup[1:])]
            self._doc.add(market, weight)
            self._paras[bisect.bisect_right(self._para_starts, m.start()) - 1].add(market, weight)
        self._declared = [(m.start(), _DECLARED_CODE[m["cur"]]) for m in _DECLARED.finditer(text)]
        self._sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self._clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]

    def market_at(self, pos: int, strict: bool = True) -> str | None:
        para = self._paras[bisect.bisect_right(self._para_starts, pos) - 1]
        if strict:
            return para.strict() or self._doc.strict()
        return para.loose() if para.strict() else self._doc.loose()

    def _around(self, ends: list[int], start: int, end: int) -> str:
        """The clause or sentence around [start, end), at most _AROUND characters each side."""
        i = bisect.bisect_left(ends, start)
        left = ends[i - 1] + 1 if i else 0
        j = bisect.bisect_left(ends, end)
        right = ends[j] if j < len(ends) else len(self.text)
        return self.text[max(left, start - _AROUND) : min(right, end + _AROUND)]

    def sentence_break(self, start: int, end: int) -> bool:
        """Does a sentence end between start and end?"""
        i = bisect.bisect_left(self._sentence_ends, start)
        return i < len(self._sentence_ends) and self._sentence_ends[i] < end

    def bare_yuan_currency(self, start: int, end: int) -> str | None:
        """The currency a bare 元 at [start, end) stands for when it is not CNY, else None.

        招股价每股0.45元 in a Hong Kong IPO report -> HKD; but 3623亿元、4620亿元和5769亿元人民币
        (人民币 in the clause), 均胜电子A股收报20元 (an A-share quote in the sentence) and amounts
        after (人民币,下同) keep CNY."""
        clause = self._around(self._clause_ends, start, end)
        if "人民币" in clause:
            return None
        if _A_SHARE.search(self._around(self._sentence_ends, start, end)) and not _H_SHARE.search(clause):
            return None
        i = bisect.bisect_left(self._declared, (start,))  # the last declaration before it
        if i:
            code = self._declared[i - 1][1]
            return None if code == "CNY" else code
        return _MARKET_CURRENCY.get(self.market_at(start))
