"""Scoring against gold passages: the matching rules one case a line, event-level scoring,
the held-out splits, and agreement with the maintainers' scorer on generated data."""
from __future__ import annotations

import hashlib
import importlib.util

import pytest
from hypothesis import given, settings, strategies as st

from nlp.evaluation import matching, passages, splits
from nlp.evaluation.passages import score, slot_matches

from .helpers import ROOT

REFERENCE = ROOT.parent / "shared" / "eval" / "score_events.py"


def party(name, mention=None):
    return {"name": name, "mention": {"text": mention or name, "start": 0, "end": len(mention or name)}}


def money(value, currency="CNY", value_max=None):
    return {"value": value, "value_max": value_max, "currency": currency, "qualifier": None, "text": "x"}


def date1(start, end=None):  # zhfin.event/1
    return {"start": start, "end": end or start, "granularity": "day", "inferred": False, "text": "x",
            "start_offset": 0, "end_offset": 1}


def date2(start, end=None):  # zhfin.event/2: ISO dates in start_date/end_date, offsets in start/end
    return {"start_date": start, "end_date": end or start, "granularity": "day", "inferred": False, "text": "x",
            "start": 0, "end": 1}


def funding(company="星河科技", doc_id="p1", **fields):
    return {"schema": "zhfin.event/1", "doc_id": doc_id, "type": "funding", "company": party(company), **fields}


def listing(company="星河科技", doc_id="p1", **fields):
    return {"schema": "zhfin.event/1", "doc_id": doc_id, "type": "listing", "company": party(company), **fields}


NAME_CASES = [
    ("星河科技", "星河科技", True),
    ("星河科技", "星河科技股份有限公司", True),  # containment, both ways
    ("星河科技股份有限公司", "星河科技", True),
    ("港灣智醫", "港湾智医", True),  # traditional script
    ("雲(yún)帆智能", "云帆智能", True),  # inline pinyin gloss
    ("云帆(Yunfan)智能", "云帆智能", True),  # an English aside in parentheses
    ("星河 科技", "星河科技", True),
    ("“星河”科技", "星河科技", True),
    ("（星河）科技", "星河科技", True),
    ("StarRiver", "STARRIVER", True),
    ("星河科技", "云帆智能", False),
    ("星河科技", "", False),
    ("", "星河科技", False),
    ("星河科技", None, False),
]


@pytest.mark.parametrize("gold, predicted, expected", NAME_CASES)
def test_names_match(gold, predicted, expected):
    assert matching.names_match(gold, predicted) is expected


SLOT_CASES = [
    # money: within 1 % of the gold value, same currency unless the gold leaves it open
    ("amount", {"value": 5e8, "currency": "CNY"}, funding(amount=money(5.04e8)), True),
    ("amount", {"value": 5e8, "currency": "CNY"}, funding(amount=money(5.06e8)), False),
    ("amount", {"value": 5e8, "currency": "CNY"}, funding(amount=money(5e8, "USD")), False),
    ("amount", {"value": 5e8}, funding(amount=money(5e8, "USD")), True),
    ("amount", {"value": None, "currency": "HKD"}, listing(proceeds=money(1, "HKD")), True),
    ("amount", {"value": None, "currency": "HKD"}, listing(proceeds=money(None, "HKD")), False),
    ("amount", {"value": 5e8}, funding(amount=None), False),
    # value_max: only the lower bound is compared
    ("amount", {"value": 4.5e7, "value_max": 6.5e7}, listing(proceeds=money(4.5e7, value_max=6.5e7)), True),
    ("amount", {"value": 4.5e7, "value_max": 6.5e7}, listing(proceeds=money(6.5e7)), False),
    # a listing's amount is what the IPO raises: zhfin's proceeds; a funding event has none
    ("amount", {"value": 1e8}, listing(proceeds=money(1e8)), True),
    ("amount", {"value": 1e8}, funding(proceeds=money(1e8)), False),
    ("amount", [{"value": 1e8}, {"value": 2e8}], funding(amount=money(2e8)), True),  # alternatives
    ("valuation", {"value": 3e9, "currency": "USD"}, funding(valuation=money(3e9, "USD")), True),
    ("offer_price", {"value": 0.4, "currency": "HKD"}, listing(offer_price=money(0.402, "HKD")), True),
    ("market_cap", {"value": 2e9}, listing(market_cap=money(2.1e9)), False),
    # dates: by prefix, zhfin.event/1 and /2
    ("date", "2025-12", funding(date=date1("2025-12-03")), True),
    ("date", "2025-12-03", funding(date=date2("2025-12-03")), True),
    ("date", "2025-12-03", funding(date=date1("2025-12-01", "2025-12-31")), False),
    ("date", "2025", funding(date=date1(None)), False),  # a date without a year
    ("date", "2025", funding(date=date2(None)), False),
    ("date", ["2025-11", "2025-12"], funding(date=date1("2025-12-30")), True),
    ("listing_date", "2026-01-08", listing(listing_date=date2("2026-01-08")), True),
    ("date", "2026-01-08", listing(listing_date=date2("2026-01-08")), False),
    # stages
    ("stage", "招股", listing(stage="priced"), True),
    ("stage", "招股", listing(stage="subscription"), True),
    ("stage", "招股", listing(stage="listed"), False),
    ("stage", "通过聆讯", listing(stage="registered"), True),
    ("stage", "递交招股书", listing(stage="filed"), True),
    ("stage", "筹备上市", listing(stage="filed"), True),
    ("stage", "挂牌上市", listing(stage="listed"), True),
    ("stage", "终止上市", listing(stage="withdrawn"), True),
    ("stage", "暂停上市", listing(stage="suspended"), True),
    ("stage", "listed", listing(stage="listed"), True),  # not a gold stage name: compared as written
    ("stage", ["招股", "挂牌上市"], listing(stage="listed"), True),
    # exchanges: the gold surface names a code
    ("exchange", "港交所", listing(exchange={"name": "香港联合交易所", "code": "HKEX"}), True),
    ("exchange", "港交所GEM", listing(exchange={"code": "HKEX"}), True),
    ("exchange", "上交所科創板", listing(exchange={"code": "SSE"}), True),
    ("exchange", "深交所创业板", listing(exchange={"code": "SZSE"}), True),
    ("exchange", "纳斯达克", listing(exchange={"code": "NYSE"}), False),
    ("exchange", "HKEX", listing(exchange={"code": "HKEX"}), True),  # a code as written
    ("exchange", "台交所", listing(exchange={"code": "TWSE"}), False),  # not in the table
    ("exchange", "港交所", listing(exchange=None), False),
    # tickers: no leading zeros, no market suffix, any case
    ("ticker", "01592", listing(ticker="1592"), True),
    ("ticker", "1592", listing(ticker="01592.HK"), True),
    ("ticker", "688235", listing(ticker="688235.SH"), True),
    ("ticker", "EDU", listing(ticker="edu.N"), True),
    ("ticker", "1592", listing(ticker="1593"), False),
    ("ticker", "1592", listing(ticker=None), False),
    ("ticker", "02513", listing(ticker={"text": "2513.HK", "start": 0, "end": 7}), True),  # with offsets
    # rounds
    ("round", "B輪", funding(round={"name": "B", "text": "B輪"}), True),
    ("round", "天使轮", funding(round={"name": "angel", "text": "天使轮"}), True),
    ("round", "天使+輪", funding(round={"name": "angel+", "text": "天使+輪"}), True),
    ("round", "种子轮", funding(round={"name": "seed", "text": "种子轮"}), True),
    ("round", "Pre-A轮", funding(round={"name": "pre-A", "text": "Pre-A轮"}), True),
    ("round", "PreA轮", funding(round={"name": "pre-A", "text": "PreA轮"}), True),
    ("round", "Pre-IPO", funding(round={"name": "pre-IPO", "text": "Pre-IPO轮"}), True),
    ("round", "战略融资", funding(round={"name": "strategic", "text": "战略融资"}), True),
    ("round", "A+轮", funding(round={"name": "A+", "text": "A+轮"}), True),
    ("round", "A轮", funding(round={"name": "A+", "text": "A+轮"}), False),
    ("round", "C轮", funding(round={"name": None, "text": "C轮"}), True),  # the text when there is no name
    ("round", "C轮", funding(round=None), False),
    # investors: each name is a slot, matched within the same role
    ("investors", "澄湖資本", funding(investors=[party("红杉中国"), party("澄湖资本")]), True),
    ("investors", "澄湖资本", funding(lead_investors=[party("澄湖资本")]), False),
    ("lead_investors", "澄湖资本", funding(lead_investors=[{"name": None, "mention": {"text": "澄湖資本"}}]), True),
    ("investors", ["澄湖资本", "澄湖基金"], funding(investors=[party("澄湖基金")]), True),
    # shares offered: within 1 %
    ("shares_offered", 1_000_000, listing(shares_offered={"value": 1_005_000, "text": "x"}), True),
    ("shares_offered", 1_000_000, listing(shares_offered={"value": 1_020_000, "text": "x"}), False),
]


@pytest.mark.parametrize("field, gold, prediction, expected", SLOT_CASES)
def test_slot_matches(field, gold, prediction, expected):
    assert slot_matches(field, gold, prediction) is expected


def passage(gold=(), must_not=(), pid="p1", split="train", genre="vc"):
    return {"id": pid, "text": "…", "gold": list(gold), "must_not": list(must_not), "split": split, "genre": genre}


def G(etype="funding", company="星河科技", **fields):
    return {"type": etype, "company": company, **fields}


def counts(figures):
    return figures["tp"], figures["pred"], figures["gold"]


SCORE_CASES = [
    # gold passages, predictions, events (tp, pred, gold), slots (tp, pred, gold), must-not violations
    ([passage([G(amount={"value": 1e8})])], [funding(amount=money(1e8))], (1, 1, 1), (1, 1, 1), 0),
    ([passage([G()])], [funding(company="星河科技股份有限公司")], (1, 1, 1), (0, 0, 0), 0),
    ([passage([G()])], [listing()], (0, 1, 1), (0, 0, 0), 0),  # wrong type
    ([passage([G()])], [funding(doc_id="p2")], (0, 0, 1), (0, 0, 0), 0),  # another passage: ignored
    ([passage([G(investors=["红杉中国", "澄湖资本"])])], [funding(investors=[party("澄湖资本")])], (1, 1, 1),
     (1, 1, 2), 0),
    # the prediction with more matching slots serves the gold event; the other one is false
    ([passage([G(round="B轮")])], [funding(round={"name": "A", "text": "A轮"}), funding(round={"name": "B", "text": "B轮"})],
     (1, 2, 1), (1, 2, 1), 0),
    # one prediction serves one gold event
    ([passage([G(), G(company="星河科技股份有限公司")])], [funding()], (1, 1, 2), (0, 0, 0), 0),
    # historical: optional, a prediction of it is neither rewarded nor counted
    ([passage([G("listing", historical=True, stage="挂牌上市")])], [listing(stage="listed")], (0, 0, 0), (0, 0, 0), 0),
    ([passage([G("listing", historical=True)])], [], (0, 0, 0), (0, 0, 0), 0),
    ([passage([G("listing", historical=True)])], [listing(), listing(stage="listed")], (0, 1, 0), (0, 1, 0), 0),
    # must-not: a tempting wrong answer
    ([passage(must_not=[G("funding", "澄湖资本")])], [funding(company="澄湖资本")], (0, 1, 0), (0, 0, 0), 1),
    ([passage(must_not=[G("listing", "澄湖资本")])], [funding(company="澄湖资本")], (0, 1, 0), (0, 0, 0), 0),
    # predicted slots: proceeds and every party count
    ([passage()], [funding(amount=money(1), proceeds=money(2), investors=[party("a"), party("b")])], (0, 1, 0),
     (0, 4, 0), 0),
    ([passage()], [{"doc_id": "p1", "type": "merger", "company": party("星河科技")}], (0, 0, 0), (0, 0, 0), 0),
]


@pytest.mark.parametrize("gold, predictions, events, slots, violations", SCORE_CASES)
def test_score(gold, predictions, events, slots, violations):
    result = score(gold, predictions)
    assert counts(result["events"]) == events
    assert counts(result["slots"]) == slots
    assert result["must_not_violations"] == violations


@pytest.mark.parametrize("gold, predictions, events, slots, violations", SCORE_CASES)
def test_slot_figures_per_field_add_up_to_the_slot_figures(gold, predictions, events, slots, violations):
    tally = passages.tally(gold, predictions)
    per_slot = tally.per_slot()
    assert tuple(sum(f[k] for f in per_slot.values()) for k in ("tp", "pred", "gold")) == slots


def test_slot_figures_per_field_say_which_values_are_missed_and_which_are_given_wrongly():
    gold = [passage([G(amount={"value": 1e8}, investors=["红杉中国", "澄湖资本"]), G("listing", stage="挂牌上市")])]
    preds = [funding(amount=money(1e8), investors=[party("澄湖资本")], date={"start_date": "2025-01-02"}),
             listing(stage="listed", proceeds=money(5e8))]
    per_slot = passages.tally(gold, preds).per_slot()
    assert list(per_slot) == ["amount", "stage", "date", "investors"]  # the gold format's order, told fields only
    assert counts(per_slot["amount"]) == (1, 2, 1)  # a listing's proceeds is the gold's amount
    assert counts(per_slot["investors"]) == (1, 1, 2) and counts(per_slot["date"]) == (0, 1, 0)


def test_f1_is_one_when_nothing_was_to_be_found_and_nothing_was():
    result = score([passage(genre="neg-vc")], [])
    assert result["events"]["f1"] == 1.0 and result["events"]["p"] == 0.0


def test_figures_per_type_and_genre():
    gold = [passage([G(), G("listing", "云帆智能")], genre="vc"), passage([G("listing", "港灣智醫")], pid="p2", genre="hk")]
    preds = [funding(), listing("港湾智医", doc_id="p2", exchange={"code": "HKEX"})]
    result = score(gold, preds)
    assert counts(result["per_type"]["funding"]["events"]) == (1, 1, 1)
    assert counts(result["per_type"]["listing"]["events"]) == (1, 1, 2)
    assert counts(result["per_type"]["listing"]["slots"]) == (0, 1, 0)
    by_genre = passages.score_by_genre(gold, preds)
    assert list(by_genre) == ["hk", "vc"] and counts(by_genre["hk"]["events"]) == (1, 1, 1)


def test_errors_name_what_went_wrong():
    tally = passages.tally([passage([G(round="B轮"), G(company="云帆智能")], must_not=[G("funding", "澄湖资本")])],
                           [funding(round={"name": "A", "text": "A轮"}), funding(company="澄湖资本")])
    assert [(pid, g["company"]) for pid, g in tally.missed] == [("p1", "云帆智能")]
    assert [(pid, p["company"]["name"]) for pid, p in tally.false] == [("p1", "澄湖资本")]
    assert [(f, v) for _, _, f, v, _ in tally.wrong_slots] == [("round", "B轮")]
    assert len(tally.violations) == 1


def test_exchange_table_agrees_with_the_exchange_lexicon():
    """Each gold surface's code is the code exchanges.tsv gives its longest known prefix."""
    from nlp import resources

    codes = {r["surface"].lower(): r["code"] for r in resources.table("exchanges.tsv") if r["code"]}
    for code, surfaces in matching.EXCHANGE_SURFACES.items():
        for surface in surfaces:
            prefix = max((s for s in codes if surface.startswith(s)), key=len)
            assert codes[prefix] == code, surface


# ---- splits -------------------------------------------------------------------------------

@given(st.text(min_size=1, max_size=20))
def test_duee_split_is_the_id_hash(doc_id):
    frozen = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 10 < 3
    assert splits.duee_split(doc_id) == ("frozen" if frozen else "dev")


def test_select_either_format():
    ids = [f"doc-{i}" for i in range(40)]
    duee = [{"id": i, "text": "…", "event_list": []} for i in ids]
    frozen = splits.select(duee, "frozen")
    assert 0 < len(frozen) < len(ids) and all(splits.duee_split(d["id"]) == "frozen" for d in frozen)
    assert len(frozen) + len(splits.select(duee, "dev")) == len(ids)
    gold = [passage(pid="a", split="train"), passage(pid="b", split="blind"), {"id": "c", "gold": []}]
    assert [p["id"] for p in splits.select(gold, "blind")] == ["b"]
    assert splits.split_of(gold[2]) is None
    assert splits.has_held_out(gold) and not splits.has_held_out(gold[:1])


# ---- agreement with the maintainers' scorer ------------------------------------------------

def _reference():
    if not REFERENCE.exists():
        pytest.skip("the maintainers' scorer is not here")
    spec = importlib.util.spec_from_file_location("score_events_reference", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# small pools, so that generated predictions often match the generated gold, and often nearly
COMPANIES = ["星河科技", "星河科技股份有限公司", "港灣智醫", "港(gǎng)湾智医"]
CURRENCIES = [None, "CNY"]
VALUES = [None, 1e8, 1.005e8, 1.02e8]
DATES = ["2025", "2025-12", "2025-12-03", "2026-01-08"]
STAGE_NAMES = ["递交招股书", "通过聆讯", "招股", "挂牌上市", "筹备上市", "终止上市", "listed"]
ZHFIN_STAGES = ["planned", "filed", "hearing_passed", "registered", "subscription", "priced", "listed", "withdrawn"]
EXCHANGE_NAMES = ["港交所", "港交所GEM", "上交所科創板", "纳斯达克", "台交所", "HKEX"]
TICKERS = ["01592", "1592", "1592.HK", "EDU", "edu.n", "688235.SH", "688235"]
ROUNDS = ["B輪", "B", "天使轮", "angel", "Pre-A轮", "pre-A", "战略融资", "strategic", "A+"]

some = st.sampled_from
gold_money = st.builds(lambda v, c: {"value": v, "currency": c}, some(VALUES), some(CURRENCIES))
pred_money = st.none() | st.builds(money, some(VALUES), some(CURRENCIES))
pred_date = st.none() | st.builds(date1, some([None] + DATES)) | st.builds(date2, some([None] + DATES))


def alternatives_of(strategy):
    return strategy | st.lists(strategy, min_size=1, max_size=2)


gold_event = st.fixed_dictionaries(
    {"type": some(["funding", "listing"]), "company": some(COMPANIES)},
    optional={"amount": alternatives_of(gold_money), "valuation": gold_money, "offer_price": gold_money,
              "market_cap": gold_money, "round": alternatives_of(some(ROUNDS)),
              "exchange": alternatives_of(some(EXCHANGE_NAMES)), "ticker": alternatives_of(some(TICKERS)),
              "stage": alternatives_of(some(STAGE_NAMES)), "shares_offered": some([1_000_000, 1_004_000]),
              "listing_date": alternatives_of(some(DATES)), "date": some(DATES),
              "investors": st.lists(some(COMPANIES), max_size=2), "lead_investors": st.lists(some(COMPANIES), max_size=1),
              "historical": st.booleans()})
gold_passage = st.fixed_dictionaries(
    {"id": some(["p1", "p1", "p2"]), "gold": st.lists(gold_event, max_size=3),
     "must_not": st.lists(st.fixed_dictionaries({"type": some(["funding", "listing"]), "company": some(COMPANIES)}),
                          max_size=1)})
party_st = st.builds(lambda n, m: {"name": n, "mention": {"text": m}}, some([None, ""] + COMPANIES), some(COMPANIES))
prediction = st.fixed_dictionaries(
    {"doc_id": some(["p1", "p1", "p2", "p9"]), "type": some(["funding", "listing", "listing", "funding", "merger"]),
     "company": party_st},
    optional={"amount": pred_money, "proceeds": pred_money, "valuation": pred_money, "offer_price": pred_money,
              "market_cap": pred_money, "round": st.none() | st.builds(lambda n, t: {"name": n, "text": t},
                                                                           some([None] + ROUNDS), some(ROUNDS)),
              "exchange": st.none() | st.builds(lambda c: {"code": c}, some(["HKEX", "SSE", "NASDAQ", "TWSE"])),
              "ticker": st.none() | some(TICKERS), "stage": some(ZHFIN_STAGES),
              "shares_offered": st.none() | st.builds(lambda v: {"value": v}, some([1_000_000, 1_030_000])),
              "date": pred_date, "listing_date": pred_date,
              "investors": st.lists(party_st, max_size=2), "lead_investors": st.lists(party_st, max_size=1)})


@st.composite
def scored_case(draw):
    """Gold passages, and predictions among which some aim at a gold or must-not event
    (same passage, type and company as written), so that matching is often exercised."""
    gold = draw(st.lists(gold_passage, min_size=1, max_size=3))
    predictions = draw(st.lists(prediction, max_size=3))
    for psg in gold:
        for target in psg["gold"] + psg["must_not"]:
            if draw(st.booleans()):
                aimed = {**draw(prediction), "doc_id": psg["id"], "type": target["type"],
                         "company": {"name": draw(some([None, target["company"]] + COMPANIES)),
                                     "mention": {"text": target["company"]}}}
                predictions.insert(draw(st.integers(0, len(predictions))), aimed)
    return gold, predictions


@settings(max_examples=400, deadline=None)
@given(scored_case())
def test_agrees_with_the_maintainers_scorer(case):
    gold, predictions = case
    reference = _reference().score(gold, predictions)
    ours = score(gold, predictions)
    for part in ("events", "slots"):
        assert {k: ours[part][k] for k in ("tp", "pred", "gold", "p", "r", "f1")} == reference[part]
    assert ours["must_not_violations"] == len(reference["violations"])
    for etype, figures in reference["per_type"].items():
        assert counts(ours["per_type"][etype]["events"]) == (figures["tp"], figures["pred"], figures["gold"])
        assert ours["per_type"][etype]["events"]["f1"] == figures["f1"]
    missed = [f"{pid}: {g['type']} {g['company']}" for pid, g in passages.tally(gold, predictions).missed]
    assert missed == reference["missed"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("星河科技港灣智醫雲帆(（)）ǎyúnA b·“”\"\u3000\t")), max_size=12))
def test_name_normalisation_agrees_with_the_maintainers_scorer(name):
    assert matching.norm_name(name) == _reference().norm_name(name)
    assert matching.norm_round(name) == _reference().norm_round(name)
