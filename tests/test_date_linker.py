"""The date linker: which dates near an event the rules left undated are its candidates, what the model reads of
them, how the likeliest dates the event, and how its training counts (its model file: tests/test_linker.py).
Invented articles."""
from __future__ import annotations

import pytest

from nlp.document import Document
from nlp.events import analyse_clauses, build, date_linker, undated
from nlp.pipeline import Pipeline
from nlp.train import linker as training

# the day is told in a sentence after the round's, in a paragraph of its own: no rule dates the round
DAY_AFTER = "澜芯微电子完成3亿元B轮融资，由鼎岳资本领投。\n据悉，该轮融资已于11月14日完成交割。"
DATED = "11月17日，澜芯微电子宣布完成3亿元B轮融资，本轮由鼎岳资本领投。"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline("all", "rules")


def _built(pipeline, text, published="2025-11-20"):
    analysis = pipeline.analyse(Document("d", text, published))
    ctx = analysis.context
    return ctx, build(ctx, analysis.mention, analysis.raw_span, "d", analyse_clauses(ctx), link_dates=False)


def _model(threshold=0.5, bias=10.0, **weights) -> date_linker.DateLinker:
    """A model that finds every candidate likely (bias 10) unless a weight says otherwise."""
    return date_linker.DateLinker({"format": date_linker.FORMAT, "bias": bias, "threshold": threshold,
                                   "weights": weights})


def test_an_event_the_rules_dated_has_no_candidates(pipeline):
    ctx, built = _built(pipeline, DATED)
    assert built[0].record["date"]["start_date"] == "2025-11-17"
    assert undated(built) == {}
    assert list(date_linker.candidates(ctx, [b.event for b in built], undated(built))) == []


def test_dates_near_an_undated_event_are_its_candidates(pipeline):
    ctx, built = _built(pipeline, DAY_AFTER)
    (n, vague), = undated(built).items()
    found = [(m, d.text, f) for m, d, f in date_linker.candidates(ctx, [b.event for b in built], undated(built))]
    assert [(m, text) for m, text, _ in found] == [(n, "11月14日")]
    feats = found[0][2]
    assert {"d=1", "fd=1", "g=day", "ago=week", "para=same", "L=已于", "R=完成"} <= set(feats)
    assert "self_here" not in feats  # the sentence does not name the company
    assert not vague and "vague" not in feats


def test_dates_far_from_the_event_are_no_candidates(pipeline):
    filler = "公司主营车规芯片，产品已进入多家整车厂供应链。\n" * (date_linker.REACH + 1)
    ctx, built = _built(pipeline, "11月17日，澜芯微电子在杭州发布新品。\n" + filler + "公司已完成3亿元B轮融资。")
    assert list(date_linker.candidates(ctx, [b.event for b in built], undated(built))) == []


@pytest.mark.parametrize("weights, dated", [({}, True), ({"d=1": -20.0}, False)])
def test_link_dates_the_event_by_the_likeliest_candidate_above_the_threshold(pipeline, weights, dated):
    ctx, built = _built(pipeline, DAY_AFTER)
    chosen = _model(**weights).link(ctx, [b.event for b in built], undated(built))
    assert ({n: d.text for n, d in chosen.items()} == {0: "11月14日"}) is dated


def test_the_shipped_model_dates_what_the_rules_leave_undated_and_changes_no_dated_event():
    dated = Pipeline()(Document("d", DATED, "2025-11-20"))["events"][0]
    assert dated["date"]["start_date"] == "2025-11-17" and dated["date"]["text"] == "11月17日"
    record = Pipeline()(Document("d", DAY_AFTER, "2025-11-20"))
    (event,) = record["events"]
    assert event["date"]["start_date"] == "2025-11-14" and event["date"]["text"] == "11月14日"
    assert "date_linker" in record["provenance"]["models"]


def test_the_date_curve_takes_each_events_likeliest_candidate():
    rows = [{"doc": "a", "event": 0, "label": 1}, {"doc": "a", "event": 0, "label": 0},
            {"doc": "a", "event": 1, "label": 0},
            {"doc": "b", "event": 0, "label": 1}]
    curve = {r["threshold"]: r for r in training.date_curve(rows, [0.9, 0.95, 0.2, 0.6])}
    # event a0 picks its wrong candidate (0.95), a1 has no right one, b0 is right above 0.5 only
    assert curve[0.5] == {"threshold": 0.5, "p": 0.5, "r": 0.5, "pred": 2, "tp": 1}
    assert curve[0.3] == {"threshold": 0.3, "p": 0.5, "r": 0.5, "pred": 2, "tp": 1}
    assert curve[0.7] == {"threshold": 0.7, "p": 0.0, "r": 0.0, "pred": 1, "tp": 0}
