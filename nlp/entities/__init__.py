"""Entity recognition: values first (they protect segmentation), then names."""
from __future__ import annotations

import datetime as dt

from . import dates, money, names, timeline, values
from .span import Entity, Occupied, resolve_overlaps

_VALUE_FINDERS = (
    ("MONEY", money.find),
    ("PERCENT", values.find_percent),
    ("SHARES", values.find_shares),
    ("TICKER", values.find_tickers),
    ("ROUND", values.find_rounds),
    ("EXCHANGE", values.find_exchanges),
)


def find_values(text: str, reference: dt.date | None, reference_inferred: bool) -> list[Entity]:
    """MONEY, DATE, PERCENT, SHARES, TICKER, ROUND, EXCHANGE with normalised values."""
    found = [Entity(label, s, e, text[s:e], value)
             for label, finder in _VALUE_FINDERS for s, e, value in finder(text)]
    spans = dates.find(text)
    for (s, e), value in zip(spans, timeline.values(text, spans, reference, reference_inferred)):
        found.append(Entity("DATE", s, e, text[s:e], value))  # 4月2日 after 2019年3月1日 is 2019's
    return found


def find_known_names(text: str) -> list[Entity]:
    return names.find_known(text)


def find_token_names(text: str, tokens: list[tuple[str, int]], taken: list[Entity]) -> list[Entity]:
    """Names that need the segmentation: suffix rules and people."""
    found = names.find_suffixed(tokens, taken)
    stocks = names.find_stock_names(text, tokens, taken + found)
    found = [e for e in found if not any(e.overlaps(s) for s in stocks)] + stocks
    found.extend(names.find_people(text))
    return found


def find_model_names(text: str, taken: list[Entity]) -> list[Entity]:
    """Names from the trained recogniser (models/ner) where nothing else found one."""
    from . import ner_model  # spaCy and the model load only when asked for

    busy = Occupied(len(text), taken)
    return [Entity(label, s, e, text[s:e], None) for label, s, e in ner_model.find(text) if not busy.any(s, e)]


__all__ = ["Entity", "find_values", "find_known_names", "find_token_names", "find_model_names", "resolve_overlaps"]
