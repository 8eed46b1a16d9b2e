"""Argument confidence: every argument of every event gets a probability, the
training rows are labelled as `zhfin evaluate` would score them."""
from __future__ import annotations

import pytest

import nlp
from nlp.events import scorer
from nlp.pipeline import Pipeline
from nlp.train.events import calibration, collect

TEXT = "云帆智能于12月3日完成5亿元B+轮融资，由澄湖资本领投，松涧创投跟投。"


def test_every_argument_has_a_probability_and_the_event_takes_its_company_s():
    [event] = nlp.extract(TEXT, published="2025-12-30")["events"]
    conf = event["argument_confidence"]
    assert event["confidence"] == conf["company"]
    for field in ("amount", "round", "date"):
        assert event[field] is not None and 0 < conf[field] < 1
    for field in ("investors", "lead_investors"):
        assert len(conf[field]) == len(event[field]) > 0
        assert all(0 < p < 1 for p in conf[field])


def test_listing_arguments_are_scored_too():
    [event] = nlp.extract("途灵科技今日在纳斯达克上市，股票代码为TLRB，发行价为每股16美元。",
                          published="2025-12-04")["events"]
    assert {"company", "ticker", "offer_price"} <= set(event["argument_confidence"])


def test_a_missing_model_names_the_rebuild_command(tmp_path):
    with pytest.raises(FileNotFoundError, match="train events"):
        scorer.load(tmp_path / "nope.json")


def test_a_model_of_another_format_is_refused():
    with pytest.raises(ValueError, match="zhfin.argument_scorer/1"):
        scorer.ArgumentScorer({"format": "something/2", "weights": {}, "bias": 0.0})


def test_probability_is_the_logistic_of_the_summed_weights():
    model = scorer.ArgumentScorer({"format": scorer.FORMAT, "weights": {"a": 1.0, "b": -3.0}, "bias": 2.0})
    assert model.probability(["a", "a", "unknown"]) == pytest.approx(1 / (1 + 2.718281828459045 ** -3))
    assert model.probability(["b"]) == pytest.approx(0.2689414)


def test_training_rows_are_labelled_by_the_duee_strings():
    gold = [{"id": "d1", "text": TEXT, "event_list": [{"event_type": "企业融资", "arguments": [
        {"role": "被投资方", "argument": "云帆智能"}, {"role": "融资金额", "argument": "5亿元"},
        {"role": "领投方", "argument": "澄湖资本"}, {"role": "投资方", "argument": "澄湖资本"}]}]}]
    rows = collect(Pipeline("all"), gold)
    labels = {(r["field"], r["label"]) for r in rows}
    assert {("company", 1), ("amount", 1), ("lead_investors", 1), ("round", 0)} <= labels
    assert all(r["doc"] == "d1" and r["features"] for r in rows)


def test_calibration_bins_count_and_compare():
    cal = calibration([(0.1, 0), (0.1, 0), (0.9, 1), (0.9, 0)])
    assert cal["n"] == 4
    by_bin = {b["bin"]: b for b in cal["bins"]}
    assert by_bin["0.0-0.2"]["n"] == 2 and by_bin["0.0-0.2"]["right"] == 0.0
    assert by_bin["0.8-1.0"]["right"] == 0.5
    assert cal["ece"] == pytest.approx((0.2 + 0.8) / 4)
