"""Entity recognition: values first (they protect segmentation), then names."""
from __future__ import annotations

import datetime as dt
import re

from . import dates, latin_names, money, names, stock_names, timeline, values
from .market import MarketContext
from .span import Entity, Occupied, any_start_within, resolve_overlaps

_VALUE_FINDERS = (
    ("MONEY", money.find),
    ("MONEY", money.find_column_sums),
    ("PERCENT", values.find_percent),
    ("SHARES", values.find_shares),
    ("ROUND", values.find_rounds),
    ("EXCHANGE", values.find_exchanges),
)


def find_values(text: str, reference: dt.date | None, reference_inferred: bool) -> list[Entity]:
    """MONEY, DATE, PERCENT, SHARES, TICKER, ROUND, EXCHANGE with normalised values."""
    market = MarketContext(text)
    found = [Entity(label, s, e, text[s:e], value)
             for label, finder in _VALUE_FINDERS for s, e, value in finder(text)]
    found.extend(Entity("TICKER", s, e, text[s:e], value) for s, e, value in values.find_tickers(text, market))
    local_currency(found, market)
    local_boards(found, market)
    spans = dates.find(text)
    for (s, e), value in zip(spans, timeline.values(text, spans, reference, reference_inferred)):
        found.append(Entity("DATE", s, e, text[s:e], value))  # 4月2日 after 2019年3月1日 is 2019's
    return found


def local_currency(found: list[Entity], market: MarketContext) -> None:
    """A bare 元 in a Hong Kong or Taiwan text is the local dollar: 招股价每股0.45元 -> HKD,
    marked "currency_inferred" (see market.MarketContext.bare_yuan_currency for the exceptions).
    An amount with no currency word at all (获数千万A轮融资, 募资5亿) is in the currency of the amount
    before it in its sentence (3亿美元，其中1亿…), else the local one (CNY, or HKD / TWD as for 元)."""
    before = None  # the last amount with a currency
    for ent in sorted((e for e in found if e.label == "MONEY" and e.value), key=lambda e: e.start):
        if ent.value["currency"] is None:
            told = before is not None and not market.sentence_break(before.end, ent.start)
            currency = before.value["currency"] if told else market.bare_yuan_currency(ent.start, ent.end) or "CNY"
        elif ent.value["currency"] == "CNY" and money.written_currency(ent.text) in money.BARE_YUAN:
            currency = market.bare_yuan_currency(ent.start, ent.end)
        else:
            currency = None
        if currency:
            ent.value = {**ent.value, "currency": currency, "currency_inferred": True}
        before = ent


def local_boards(found: list[Entity], market: MarketContext) -> None:
    """创业板 alone in Hong Kong press is the GEM of HKEX, not Shenzhen's ChiNext:
    五只创业板新股孖展超购 -> HKEX / GEM."""
    for ent in found:
        if ent.label == "EXCHANGE" and ent.text == "创业板" and market.market_at(ent.start) == "HK":
            ent.value = values.exchange_value("港交所") | {"board": "GEM"}


def find_known_names(text: str) -> list[Entity]:
    """Gazetteer names, and Latin names closed by an ending (Starlight Capital): both found before
    segmentation, which they protect. A gazetteer name wins over a Latin name it overlaps."""
    known = names.find_known(text)
    busy = Occupied(len(text), known)
    return known + [e for e in latin_names.find(text) if not busy.any(e.start, e.end)]


# a page's share bar (分享：Facebook WhatsApp 列印, 分享到：微信 微博): the services named are no parties
_SHARE_BAR = re.compile(r"^[ \t\u3000]*(?:分享|分享到|分享至|转发到|Share)[ \t\u3000]*[:：]?[^\n]*", re.M)


def off_share_bars(text: str, found: list[Entity]) -> list[Entity]:
    """The entities, less the names on a share bar's line."""
    if "分享" not in text and "转发到" not in text and "Share" not in text:  # nearly every text
        return found
    bars = [m.span() for m in _SHARE_BAR.finditer(text)]
    return [e for e in found if e.label not in ("COMPANY", "ORG") or not any(s <= e.start < end for s, end in bars)]


def find_token_names(text: str, tokens: list[tuple[str, int]], taken: list[Entity]) -> list[Entity]:
    """Names that need the segmentation: suffix rules and people."""
    found = [e for e in names.find_suffixed(tokens, taken) if not names.ends_at_interbank(text, e.end)
             and not (e.weak and names.in_bond_name(text, e.start, e.end))]
    stocks = stock_names.find_stock_names(text, tokens, taken + found)
    busy = Occupied(len(text), stocks)
    found = [e for e in found if not busy.any(e.start, e.end)] + stocks
    found = [_after_stock_kind(e) for e in found]
    glossed = latin_names.glossed(text, taken + found)
    if glossed:  # (rare: no overlap test built for every text)
        busy = Occupied(len(text), taken + found)
        found.extend(e for e in glossed if not busy.any(e.start, e.end))
    found.extend(names.find_people(text))
    return found


def _after_stock_kind(ent: Entity) -> Entity:
    """物流股峤蓝物流 -> 峤蓝物流: the kind of stock said before a name is no part of it (nor its 股 alone, where
    jieba glued it to the name: 医疗器械|股瀚|晞医疗)."""
    cut = 0
    if ent.label == "COMPANY":
        cut = names.stock_kind_end(ent.text) or (1 if ent.text.startswith("股") and len(ent.text) >= 4 else 0)
    return Entity(ent.label, ent.start + cut, ent.end, ent.text[cut:], ent.value) if cut else ent


def find_model_names(text: str, taken: list[Entity], model: str | None = None) -> list[Entity]:
    """Names from the trained recogniser (models/ner, or the folder `model`) where nothing else found one."""
    from . import ner_model  # spaCy and the model load only when asked for

    busy = Occupied(len(text), taken)
    found = ner_model.find(text, ner_model.load(model) if model else None)
    return [Entity(label, s, e, text[s:e], None) for label, s, e in found if not busy.any(s, e)]


def find_clause_names(text: str, clauses, taken: list[Entity], model: str | None = None) -> list[Entity]:
    """Company names the trained recogniser sees in event clauses that the rules name no party in
    before the verb (中国华融完成引战增资, 能链寻求赴港上市, 蓝湖控股完成增资，由红杉中国领投): weak
    guesses, so that only a role makes them a party."""
    starts = sorted(e.start for e in taken if e.label in ("COMPANY", "ORG"))
    bare = []
    for c in clauses:
        # a clause that only completes an event told nearby (估值, 投资方为…) has no party of its own to name
        live = [t.start for t in c.triggers if not t.negated and t.stage != "attach"]
        if live and not any_start_within(starts, c.start, min(live)):  # nothing named before its verb
            bare.append(c)
    if not bare:
        return []
    from ..events.discover import plausible_name

    busy = Occupied(len(text), taken)
    known = {e.text for e in taken if e.label in ("COMPANY", "ORG")}
    found = []
    for clause, spans in zip(bare, _recognise([text[c.start:c.end] for c in bare], model)):
        for label, s, e in spans:
            s, e = s + clause.start, e + clause.start
            name = text[s:e]
            # 中行 for 中国银行, 重庆行 for 重庆银行: a short form of a name found elsewhere is no new party
            if label == "COMPANY" and not busy.any(s, e) and plausible_name(name) \
                    and not any(_abbreviates(name, k) for k in known):
                found.append(Entity(label, s, e, name, {"weak": True, "found_by": "model"}))
    return found


def _recognise(texts: list[str], model: str | None):
    """The shipped recogniser in numpy (no spaCy to load: the same spans, ner_numpy.py); a
    user's model (--ner-model), which may be any spaCy pipeline, through spaCy."""
    if model is None:
        from . import ner_numpy

        return ner_numpy.load().find_many(texts)
    from . import ner_model

    return ner_model.find_many(texts, ner_model.load(model))


def _abbreviates(short: str, name: str) -> bool:
    """Every character of `short`, in order, in the longer `name`."""
    if len(short) >= len(name):
        return False
    chars = iter(name)
    return all(c in chars for c in short)


__all__ = ["Entity", "find_values", "find_known_names", "find_token_names", "find_model_names", "find_clause_names",
           "resolve_overlaps"]
