"""zhfin event records against gold passages (the realnews_dev format), scored as the
maintainers score them (`shared/eval/score_events.py`).

A gold event is found when a prediction of the same type names the same company
(`matching.names_match`); among several such predictions, the one with the most
matching slots wins, the first on a tie, and each prediction serves one gold event.
Slots are the gold's values, one per field, and one per investor. A gold event
marked `historical` (a listing told as background) is optional: a prediction of it
is neither rewarded nor counted. A prediction naming a passage's `must_not` company
is a violation.

    result = score(passages, predictions)
    result["events"]["f1"], result["slots"]["f1"], result["per_type"]["funding"]["events"]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import matching as m

EVENT_TYPES = ("funding", "listing")
VALUE_FIELDS = ("amount", "valuation", "offer_price", "market_cap", "round", "exchange", "ticker", "stage",
                "shares_offered", "listing_date", "date")
PARTY_FIELDS = ("investors", "lead_investors")
# what a prediction can hold: the gold's fields, and `proceeds`, which the gold calls `amount`
PREDICTED_FIELDS = VALUE_FIELDS + ("proceeds",)


def _empty(value) -> bool:
    return value is None or value == [] or value == ""


def gold_slots(event: dict) -> list[tuple[str, object]]:
    """(field, gold value) for each value the gold gives; every investor is a slot of its own."""
    slots = [(f, event[f]) for f in VALUE_FIELDS if not _empty(event.get(f))]
    for f in PARTY_FIELDS:
        names = event.get(f) or []
        slots += [(f, name) for name in ([names] if isinstance(names, str) else names)]
    return slots


def predicted_slots(prediction: dict) -> Counter:
    """How many values a prediction gives, per gold field (a listing's `proceeds` is the gold's `amount`)."""
    counts = Counter()
    for f in PREDICTED_FIELDS:
        counts["amount" if f == "proceeds" else f] += not _empty(prediction.get(f))
    for f in PARTY_FIELDS:
        counts[f] += len(prediction.get(f) or [])
    return counts


def predicted_slot_count(prediction: dict) -> int:
    return sum(predicted_slots(prediction).values())


def _money_fields(field_name: str, prediction: dict) -> tuple[str, ...]:
    """The gold's `amount` of a listing is the money the IPO raises: zhfin's `proceeds`."""
    if field_name == "amount" and prediction.get("type") == "listing":
        return ("amount", "proceeds")
    return (field_name,)


def slot_matches(field_name: str, gold, prediction: dict) -> bool:
    if field_name in ("amount", "valuation", "offer_price", "market_cap"):
        return any(m.money_matches(gold, prediction.get(f)) for f in _money_fields(field_name, prediction))
    if field_name in ("date", "listing_date"):
        return m.date_matches(gold, prediction.get(field_name))
    if field_name in PARTY_FIELDS:
        return m.party_matches(gold, prediction.get(field_name))
    compare = {"round": m.round_matches, "exchange": m.exchange_matches, "ticker": m.ticker_matches,
               "stage": m.stage_matches, "shares_offered": m.shares_match}.get(field_name)
    return compare is not None and compare(gold, prediction.get(field_name))


def company_of(prediction: dict) -> str:
    return m.lookup(prediction, "company.name") or m.lookup(prediction, "company.mention.text") or ""


def _same_party(gold: dict, prediction: dict) -> bool:
    return prediction["type"] == gold["type"] and m.any_name_matches(gold["company"], company_of(prediction))


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int = 0, pred: int = 0, gold: int = 0) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def figures(self) -> dict:
        """P and R are 0 with nothing to divide by; F1 is 1 when there was nothing to find and nothing found."""
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold,
                "p": self.tp / self.pred if self.pred else 0.0,
                "r": self.tp / self.gold if self.gold else 0.0,
                "f1": 2 * self.tp / (self.pred + self.gold) if self.pred + self.gold else 1.0}


@dataclass
class Tally:
    """Event and slot counts, overall and per event type, plus what went wrong (for --errors)."""
    events: Counts = field(default_factory=Counts)
    slots: Counts = field(default_factory=Counts)
    type_events: dict = field(default_factory=lambda: defaultdict(Counts))
    type_slots: dict = field(default_factory=lambda: defaultdict(Counts))
    field_slots: dict = field(default_factory=lambda: defaultdict(Counts))  # per gold field (amount, date …)
    missed: list = field(default_factory=list)  # (passage id, gold event)
    false: list = field(default_factory=list)  # (passage id, prediction)
    wrong_slots: list = field(default_factory=list)  # (passage id, gold event, field, gold value, prediction)
    violations: list = field(default_factory=list)  # (passage id, must_not entry, prediction)

    def count(self, etype: str, events: dict, slots: dict) -> None:
        self.events.add(**events)
        self.slots.add(**slots)
        self.type_events[etype].add(**events)
        self.type_slots[etype].add(**slots)

    def count_predicted(self, prediction: dict, sign: int = 1) -> None:
        self.count(prediction["type"], {"pred": sign}, {"pred": sign * predicted_slot_count(prediction)})
        for f, n in predicted_slots(prediction).items():
            self.field_slots[f].add(pred=sign * n)

    def result(self) -> dict:
        return {"events": self.events.figures(), "slots": self.slots.figures(),
                "per_type": {t: {"events": self.type_events[t].figures(), "slots": self.type_slots[t].figures()}
                             for t in sorted(self.type_events)},
                "must_not_violations": len(self.violations)}

    def per_slot(self) -> dict:
        """Slot figures per gold field, in the order of the gold format; they add up to the slot figures."""
        order = VALUE_FIELDS + PARTY_FIELDS
        told = [f for f, c in self.field_slots.items() if c.pred or c.gold]
        return {f: self.field_slots[f].figures() for f in sorted(told, key=order.index)}


def _best_prediction(gold: dict, predictions: list[dict], used: set[int]) -> tuple[int | None, int]:
    """The unused prediction of the gold's party with the most matching slots (the first on a tie)."""
    best, best_hits = None, -1
    slots = gold_slots(gold)
    for i, prediction in enumerate(predictions):
        if i in used or not _same_party(gold, prediction):
            continue
        hits = sum(slot_matches(f, v, prediction) for f, v in slots)
        if hits > best_hits:
            best, best_hits = i, hits
    return best, best_hits


def _score_passage(passage: dict, predictions: list[dict], tally: Tally) -> None:
    pid = str(passage["id"])
    for p in predictions:
        tally.count_predicted(p)
    used: set[int] = set()
    gold_events = passage.get("gold") or []
    for gold in (g for g in gold_events if not g.get("historical")):
        slots = gold_slots(gold)
        best, hits = _best_prediction(gold, predictions, used)
        tally.count(gold["type"], {"gold": 1, "tp": best is not None}, {"gold": len(slots), "tp": max(hits, 0)})
        for f, v in slots:
            tally.field_slots[f].add(gold=1, tp=best is not None and slot_matches(f, v, predictions[best]))
        if best is None:
            tally.missed.append((pid, gold))
            continue
        used.add(best)
        tally.wrong_slots += [(pid, gold, f, v, predictions[best]) for f, v in slots
                              if not slot_matches(f, v, predictions[best])]
    for gold in (g for g in gold_events if g.get("historical")):
        # optional: the first prediction of it is taken out of the count
        i = next((i for i, p in enumerate(predictions) if i not in used and _same_party(gold, p)), None)
        if i is not None:
            used.add(i)
            tally.count_predicted(predictions[i], sign=-1)
    tally.false += [(pid, p) for i, p in enumerate(predictions) if i not in used]
    for wrong in passage.get("must_not") or []:
        tally.violations += [(pid, wrong, p) for p in predictions if _same_party(wrong, p)]


def by_passage(predictions: list[dict]) -> dict[str, list[dict]]:
    """Funding and listing predictions per passage id, in file order."""
    grouped = defaultdict(list)
    for p in predictions:
        if p.get("type") in EVENT_TYPES:
            grouped[str(p.get("doc_id"))].append(p)
    return grouped


def tally(passages: list[dict], predictions: list[dict]) -> Tally:
    """Predictions of passages not in `passages` are ignored."""
    grouped = by_passage(predictions)
    result = Tally()
    for passage in passages:
        _score_passage(passage, grouped.get(str(passage["id"]), []), result)
    return result


def score(passages: list[dict], predictions: list[dict]) -> dict:
    return tally(passages, predictions).result()


def score_by_genre(passages: list[dict], predictions: list[dict]) -> dict[str, dict]:
    """One score per genre, over the given passages (already cut to a split)."""
    genres = sorted({p["genre"] for p in passages if p.get("genre")})
    return {g: score([p for p in passages if p.get("genre") == g], predictions) for g in genres}
