"""The shipped name recogniser (models/ner) on hand-written sentences."""
from __future__ import annotations

import itertools

import numpy
import pytest

from nlp.entities import ner_model

needs_model = pytest.mark.skipif(not (ner_model.MODEL_DIR / "config.cfg").exists(),
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
    if not (ner_model.MODEL_DIR / "config.cfg").exists():
        pytest.skip("models/ner not built")
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


@needs_model
def test_load_is_cached():
    assert ner_model.load() is ner_model.load()


def test_find_many_matches_find(nlp):
    texts = ["阿里巴巴集团今天宣布。", "雷军表示。"]
    assert list(ner_model.find_many(texts, nlp)) == [ner_model.find(t, nlp) for t in texts]


# ---------------------------------------------------------------- BILUO decoder (no model needed)

TAGS = tuple(ner_model.biluo_tags())


def _valid(path):
    trans, start, end = ner_model._constraints(TAGS)
    return not start[path[0]] and not end[path[-1]] and not trans[path[:-1], path[1:]].any()


def test_decoder_paths_are_valid_and_optimal():
    rng = numpy.random.default_rng(0)
    scores = [rng.normal(size=(n, len(TAGS))).astype("float32") for n in (1, 2, 4, 0, 40, 4)]
    paths = ner_model.decode_biluo(scores, TAGS)
    assert [len(p) for p in paths] == [len(s) for s in scores]
    for s, p in zip(scores, paths):
        if len(p):
            assert _valid(p)
    for s, p in zip(scores, paths):  # brute force on the short ones
        if 0 < len(s) <= 4:
            best = max((sum(s[i, t] for i, t in enumerate(seq)), seq)
                       for seq in itertools.product(range(len(TAGS)), repeat=len(s)) if _valid(numpy.array(seq)))
            assert tuple(p) == best[1]


def test_decoder_keeps_a_valid_argmax():
    tags = ["O", "B-COMPANY", "L-COMPANY", "O", "U-PERSON"]
    s = numpy.zeros((len(tags), len(TAGS)), dtype="float32")
    for i, t in enumerate(tags):
        s[i, TAGS.index(t)] = 5.0
    assert [TAGS[i] for i in ner_model.decode_biluo([s], TAGS)[0]] == tags
    s[2] = 0.0
    s[2, TAGS.index("O")] = 5.0  # B-COMPANY then O is not allowed: the decoder repairs it
    assert _valid(ner_model.decode_biluo([s], TAGS)[0])


def test_scores_do_not_depend_on_the_batch(nlp):
    # the tagger head looks at neighbouring characters: they must never come from another doc
    texts = ["高瓴资本跟投。", "华为发布新手机", "雷军"]
    if "ner" not in nlp.pipe_names or not hasattr(nlp.get_pipe("ner"), "predict"):
        pytest.skip("no ner component")
    docs = list(nlp.pipe(texts, disable=["ner"]))
    alone = [nlp.get_pipe("ner").predict([d]) for d in docs]
    together = nlp.get_pipe("ner").predict(docs)
    if not isinstance(together, list):  # transition-based NER: nothing to compare
        pytest.skip("not a tagger decoder")
    for a, t in zip(alone, together):
        numpy.testing.assert_allclose(a[0], t, atol=1e-4)


def test_gold_tags_keep_unannotated_characters_missing():
    """A fully annotated doc teaches O outside its names; a partly annotated one
    (set_ents default "missing") teaches nothing there."""
    import spacy
    from spacy.training import Example

    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    full, part = blank.make_doc("星河科技融资"), blank.make_doc("星河科技融资")
    full.ents = [full.char_span(0, 4, label="COMPANY")]
    part.set_ents([part.char_span(0, 4, label="COMPANY")], default="missing")
    names = ["B-COMPANY", "I-COMPANY", "I-COMPANY", "L-COMPANY"]
    assert ner_model._gold_tags(Example(blank.make_doc(full.text), full)) == names + ["O", "O"]
    assert ner_model._gold_tags(Example(blank.make_doc(part.text), part)) == names + [None, None]
