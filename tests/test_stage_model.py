"""The shipped listing-stage classifier (models/events/listing_stage.json) on hand-written sentences."""
from __future__ import annotations

import math

import pytest

from nlp.events import stage_model
from nlp.text.normalise import normalise

STAGES = {"筹备上市", "正式上市", "终止上市", "暂停上市"}

CASES = [
    # (raw sentence, simplified or traditional; expected DuEE 环节)
    ("该公司股票今日在上海证券交易所科创板正式挂牌上市，开盘大涨。", "正式上市"),
    ("公司A股股票将于11月5日在深交所创业板上市交易。", "正式上市"),
    ("某某生物已向港交所递交招股书，拟在香港主板上市。", "筹备上市"),
    ("公司计划明年赴美IPO，目前已完成上市辅导备案。", "筹备上市"),
    ("公司股票被上交所终止上市，将于明日摘牌退市。", "终止上市"),
    ("公司股票连续20个交易日收盘价低于面值，将被终止上市。", "终止上市"),
    ("因2019年度经审计净利润为负，公司股票自5月15日起暂停上市。", "暂停上市"),
    ("深交所决定对公司股票实施暂停上市。", "暂停上市"),
    ("該公司股票今日在深圳證券交易所創業板正式掛牌上市。", "正式上市"),
    ("某某科技已向港交所遞交上市申請，擬於香港主板上市。", "筹备上市"),
    ("深交所決定公司股票終止上市，並將於近日摘牌。", "终止上市"),
    ("因連續三年虧損，公司股票自明日起暫停上市。", "暂停上市"),
]


def analysis(raw: str) -> str:
    return normalise(raw)[0]


@pytest.mark.parametrize("raw,stage", CASES)
def test_clear_sentences(raw, stage):
    predicted, p = stage_model.predict(analysis(raw))
    assert predicted == stage
    assert p > 0.5


@pytest.mark.parametrize("raw", [raw for raw, _ in CASES[:4]] + ["", "abc"])
def test_probabilities_sum_to_one(raw):
    probs = stage_model.probabilities(analysis(raw))
    assert set(probs) == STAGES
    assert math.isclose(sum(probs.values()), 1.0, abs_tol=1e-9)
    assert all(0.0 <= p <= 1.0 for p in probs.values())
    assert stage_model.predict(analysis(raw))[1] == max(probs.values())


def test_deterministic():
    text = analysis(CASES[2][0])
    assert stage_model.probabilities(text) == stage_model.probabilities(text)
    assert stage_model.load() is stage_model.load(stage_model.MODEL_PATH)


def test_script_case_and_width_do_not_matter():
    plain = stage_model.probabilities("公司计划明年赴美ipo")
    assert stage_model.probabilities(analysis("公司計劃明年赴美ＩＰＯ")) == plain
    # the training sentences write spaces as "，": whitespace is read the same way
    assert stage_model.probabilities("公司 计划\n上市") == stage_model.probabilities("公司,计划,上市")


def test_model_carries_its_card_figures():
    model = stage_model.load()
    assert set(model.classes) == STAGES
    assert model.meta["trained_on"]["records"] > 0
    assert 0 < model.meta["cv"]["macro_f1"] <= 1


def test_missing_model_names_the_rebuild_command(tmp_path):
    with pytest.raises(FileNotFoundError, match="zhfin train events"):
        stage_model.load(tmp_path / "nothing.json")
