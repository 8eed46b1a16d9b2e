"""The shipped name recogniser (models/ner) on hand-written sentences."""
from __future__ import annotations

import pytest

from nlp.entities import ner_model

pytestmark = pytest.mark.skipif(not (ner_model.MODEL_DIR / "config.cfg").exists(),
                                reason="models/ner not built")

CASES = [
    # (analysis text: simplified, half-width; [(label, surface)] that must be found with exactly this span)
    ("阿里巴巴集团今天宣布,将向菜鸟网络追加投资。", [("COMPANY", "阿里巴巴集团")]),
    ("腾讯控股有限公司发布公告称,公司第三季度营收同比增长。", [("COMPANY", "腾讯控股有限公司")]),
    ("中国证监会今日发布了新的监管规定。", [("ORG", "中国证监会")]),
    ("北京大学与华为技术有限公司签署了战略合作协议。", [("ORG", "北京大学"), ("COMPANY", "华为技术有限公司")]),
    ("小米集团创始人雷军在发布会上表示,公司将加大研发投入。", [("COMPANY", "小米集团"), ("PERSON", "雷军")]),
    ("本轮融资由红杉资本中国基金领投,高瓴资本跟投。", [("COMPANY", "高瓴资本")]),
]


@pytest.fixture(scope="module")
def nlp():
    return ner_model.load()


@pytest.mark.parametrize("text,expected", CASES)
def test_obvious_names(nlp, text, expected):
    found = {(label, text[s:e]) for label, s, e in ner_model.find(text, nlp)}
    for item in expected:
        assert item in found, f"{item} not in {found}"


def test_spans_inside_text_and_labels(nlp):
    text = "据悉,深圳市腾讯计算机系统有限公司于2021年完成对上海某科技公司的收购,张三出任董事长。"
    for label, s, e in ner_model.find(text, nlp):
        assert label in ner_model.LABELS
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]


def test_empty_and_whitespace(nlp):
    assert ner_model.find("", nlp) == []
    assert ner_model.find("  \n ", nlp) == []
    out = ner_model.find("华为  发布 \n 新手机", nlp)
    assert all(0 <= s < e <= len("华为  发布 \n 新手机") for _, s, e in out)


def test_load_is_cached():
    assert ner_model.load() is ner_model.load()


def test_find_many_matches_find(nlp):
    texts = ["阿里巴巴集团今天宣布。", "雷军表示。"]
    assert list(ner_model.find_many(texts, nlp)) == [ner_model.find(t, nlp) for t in texts]
