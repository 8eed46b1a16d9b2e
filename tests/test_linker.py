"""The investor linker: which names near a funding event are its candidates, what the model reads of them, how
the likely ones join the event, the shipped model's file (and the date linker's), and its training labels. Invented
articles."""
from __future__ import annotations

import json

import pytest

from nlp.document import Document
from nlp.events import analyse_clauses, candidates as event_candidates, date_linker, linker
from nlp.pipeline import Pipeline
from nlp.train import linker as training

PLACEMENT = ("澜川新材定增落地：募资9.6亿元\n"
             "澜川新材（603999）晚间发布向特定对象发行股票发行情况报告书，本次以每股18.20元发行约5275万股，"
             "募集资金总额约9.6亿元。\n"
             "获配对象共9家，其中岷江基金、青枫基金获配金额居前，石溪产投也在名单之中。\n"
             "公司表示，募集资金将投向年产5万吨锂电隔膜项目。")

ROUND_THEN_OTHERS = ("澜芯微电子近日完成3亿元B轮融资，由鼎岳资本领投。\n"
                     "同日，青枫科技宣布完成2亿元A轮融资，由石溪资本独家投资。\n"
                     "云栖资本合伙人表示，看好车规芯片的国产替代。")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline("all", "rules")


def _analysed(pipeline, text, published="2025-11-20"):
    ctx = pipeline.analyse(Document("d", text, published)).context
    return ctx, event_candidates(ctx, analyse_clauses(ctx))


def _always(threshold=0.5, **weights) -> linker.Linker:
    """A model that finds every candidate likely (bias 10) unless a weight says otherwise."""
    return linker.Linker({"format": linker.FORMAT, "bias": 10.0, "threshold": threshold, "weights": weights})


def test_names_after_the_round_are_candidates_and_the_events_own_are_not(pipeline):
    ctx, events = _analysed(pipeline, PLACEMENT)
    found = {(events[n].company.text, ent.text) for n, ent, _ in linker.candidates(ctx, events)}
    assert found == {("澜川新材", "岷江基金"), ("澜川新材", "青枫基金"), ("澜川新材", "石溪产投")}


def test_a_sentence_that_tells_an_event_keeps_its_names(pipeline):
    ctx, events = _analysed(pipeline, ROUND_THEN_OTHERS)
    names = {ent.text for _, ent, _ in linker.candidates(ctx, events)}
    assert "石溪资本" not in names and "鼎岳资本" not in names  # each told in its own event's sentence
    assert "云栖资本" in names


def test_features_say_another_companys_round_lies_between(pipeline):
    ctx, events = _analysed(pipeline, ROUND_THEN_OTHERS)
    feats = {(events[n].company.text, ent.text): f for n, ent, f in linker.candidates(ctx, events)}
    first = feats[("澜芯微电子", "云栖资本")]
    assert "d=2" in first and "other_between=f" in first and "R=合伙" in first
    assert "d=1" in feats[("青枫科技", "云栖资本")]
    assert not any(f.startswith("other_between") for f in feats[("青枫科技", "云栖资本")])


def test_names_far_from_the_round_are_no_candidates(pipeline):
    filler = "公司主营车规芯片，产品已进入多家整车厂供应链。\n" * (linker.REACH + 1)
    ctx, events = _analysed(pipeline, "澜芯微电子近日完成3亿元B轮融资。\n" + filler + "云栖资本合伙人表示看好。")
    assert [ent.text for _, ent, _ in linker.candidates(ctx, events)] == []


def test_link_adds_each_party_once_and_a_lead_by_its_word(pipeline):
    text = ("澜芯微电子近日完成3亿元B轮融资。\n公司主营车规芯片。\n"
            "本轮由云栖资本牵头。\n云栖资本合伙人表示，看好国产替代；石溪创投也参与其中。")
    ctx, events = _analysed(pipeline, text)
    before = {e.text for e in events[0].args.get("investors", [])}
    _always().link(ctx, events)
    investors = [e.text for e in events[0].args.get("investors", [])]
    assert len(investors) == len(set(investors))
    assert {"云栖资本", "石溪创投"} <= set(investors) | before
    leads = {e.text for e in events[0].args.get("lead_investors", [])}
    assert "石溪创投" not in leads


def test_link_keeps_out_a_shorter_form_of_an_investor_found_already(pipeline):
    text = "澜芯微电子近日完成3亿元B轮融资，由云栖资本领投。\n公司主营车规芯片。\n云栖表示将继续支持公司。"
    ctx, events = _analysed(pipeline, text)
    _always().link(ctx, events)
    assert [e.text for e in events[0].args["investors"]] == ["云栖资本"]


@pytest.mark.parametrize("threshold, added", [(0.5, True), (0.9999, False)])
def test_the_threshold_decides(pipeline, threshold, added):
    ctx, events = _analysed(pipeline, PLACEMENT)
    model = linker.Linker({"format": linker.FORMAT, "bias": 0.0, "threshold": threshold,
                           "weights": {"suf=基金": 3.0}})
    model.link(ctx, events)
    assert ("岷江基金" in {e.text for e in events[0].args.get("investors", [])}) is added


def test_the_shipped_model_links_allottees_told_after_the_placement():
    record = Pipeline()(Document("d", PLACEMENT, "2025-11-20"))
    (event,) = [e for e in record["events"] if e["type"] == "funding"]
    assert event["instrument"] == "placement"
    assert {"岷江基金", "青枫基金"} <= {i["name"] for i in event["investors"]}
    assert "linker" in record["provenance"]["models"]


# both linkers' model files: plain JSON, a sound threshold, a clear error when missing or foreign
MODELS = [(linker, "investors"), (date_linker, "events")]


@pytest.mark.parametrize("model, counted", MODELS)
def test_shipped_model_file_is_plain_json_with_a_sound_threshold(model, counted):
    meta = json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
    assert meta["format"] == model.FORMAT and 0 < meta["threshold"] < 1
    assert meta["weights"] and all(isinstance(w, (int, float)) for w in meta["weights"].values())
    assert meta["trained_on"][counted] > 0 and meta["cv"]


@pytest.mark.parametrize("model, counted", MODELS)
def test_a_missing_model_says_how_to_rebuild_it(tmp_path, model, counted):
    with pytest.raises(FileNotFoundError, match="zhfin train linker"):
        model.load(tmp_path / model.MODEL_FILE)


@pytest.mark.parametrize("model, other", [(linker, "something/1"), (date_linker, linker.FORMAT)])
def test_a_foreign_file_is_refused(tmp_path, model, other):
    path = tmp_path / model.MODEL_FILE
    path.write_text(json.dumps({"format": other, "weights": {}, "bias": 0, "threshold": 0.5}))
    with pytest.raises(ValueError, match=f"not a {model.FORMAT} model"):
        model.load(path)


GOLD = [
    {"type": "funding", "company": "澜芯微电子", "round": "B轮", "investors": ["鼎岳资本", "云栖资本"]},
    {"type": "funding", "company": "澜芯微电子", "round": "A轮", "investors": ["石溪创投"]},
    {"type": "funding", "company": "青枫科技", "round": None, "investors": ["苍梧基金"]},
    {"type": "listing", "company": "岷江电子", "round": None},
    {"type": "listing", "company": "岷山医药", "round": None, "historical": True},
]


@pytest.mark.parametrize("kind, names, round_text, expected", [
    ("funding", ["青枫科技"], None, ["苍梧基金"]),
    ("funding", ["澜芯微电子"], "B轮", ["鼎岳资本", "云栖资本"]),  # two rounds told: the event's own
    ("funding", ["澜芯"], "A轮", ["石溪创投"]),  # a short form names the company too
    ("funding", ["澜芯微电子"], None, None),  # two rounds and none told: no telling which
    ("funding", ["岷江电子"], None, "no event"),  # no funding event of that company: every label 0
    ("listing", ["岷江电子"], None, "岷江电子"),
    ("funding", ["", "星河"], None, "no event"),
    ("listing", ["岷山医药"], None, None),  # a listing told as history neither counts nor penalises
])
def test_training_labels_come_from_the_events_own_round(kind, names, round_text, expected):
    event = training._gold_event(GOLD, kind, names, round_text)
    assert (None if event is None else "no event" if event is training.NO_EVENT
            else event.get("investors", event["company"])) == expected


def test_the_investor_curve_counts_candidates():
    rows = [{"label": 1}, {"label": 0}, {"label": 1}, {"label": 1}]
    curve = {r["threshold"]: r for r in training.investor_curve(rows, [0.9, 0.8, 0.6, 0.2])}
    assert curve[0.5] == {"threshold": 0.5, "p": 0.667, "r": 0.667, "pred": 3, "tp": 2}
    assert curve[0.8] == {"threshold": 0.8, "p": 0.5, "r": 0.333, "pred": 2, "tp": 1}


def test_train_linker_without_its_data_says_what_is_missing(tmp_path):
    from click.testing import CliRunner

    from nlp.train.commands import train

    result = CliRunner().invoke(train, ["linker", "--data", str(tmp_path), "--cv-only"])
    assert result.exit_code == 2 and "not found under" in result.output and "realnews_dev/passages.jsonl" in result.output
