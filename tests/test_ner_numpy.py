"""The recogniser in numpy finds exactly the spans spaCy finds with models/ner, without spaCy."""
from __future__ import annotations

import pytest

from nlp.entities import ner_features, ner_model, ner_numpy

needs_model = pytest.mark.skipif(not (ner_model.MODEL_DIR / "config.cfg").exists(), reason="models/ner not built")

TEXTS = [
    "阿里巴巴集团今天宣布,将向菜鸟网络追加投资。",
    "本轮融资由红杉资本中国基金领投,高瓴资本跟投。",
    "蓝湖控股完成增资,金额5亿元。",
    "Korro Bio宣布完成9150万美元A轮融资,由Wu Capital领投。",
    "北京大学与华为技术有限公司签署了战略合作协议。",
    # whitespace: one space after a character is its trailing space, other runs are tokens
    "  星河  科技 \n 完成 融资 ",
    "a b  c\n\nd",
    " 前导空格",
    "尾随空格  ",
    "",
    "   ",
]


@needs_model
def test_the_same_spans_as_spacy():
    nlp = ner_model.load()
    assert list(ner_numpy.load().find_many(TEXTS)) == list(ner_model.find_many(TEXTS, nlp))


@needs_model
def test_one_text_at_a_time_gives_what_a_batch_gives():
    recogniser = ner_numpy.load()
    assert [next(recogniser.find_many([t])) for t in TEXTS] == list(recogniser.find_many(TEXTS))


@needs_model
def test_small_batches_give_what_one_batch_gives(monkeypatch):
    recogniser = ner_numpy.load()
    whole = list(recogniser.find_many(TEXTS))
    monkeypatch.setattr(ner_numpy, "_BATCH_CHARS", 20)  # a few texts per pass, the longest alone
    assert list(recogniser.find_many(TEXTS)) == whole


@pytest.mark.parametrize("sizes, limit, runs", [
    ([], 10, []),
    ([3, 3, 3], 10, [[0, 1, 2]]),
    ([6, 6, 6], 10, [[0], [1], [2]]),
    ([4, 6, 1, 20, 2], 10, [[0, 1], [2], [3], [4]]),
])
def test_batches_keep_order_and_size(monkeypatch, sizes, limit, runs):
    monkeypatch.setattr(ner_numpy, "_BATCH_CHARS", limit)
    assert ner_numpy._batches(list(range(len(sizes))), sizes) == runs


@pytest.mark.parametrize("text", ["中", "a", "中国华融", "蓝湖控股|B", "abcdefgh", "abcdefghi", " ", "  \n", "星河科技" * 5])
def test_the_string_hash_is_spacy_s(text):
    from spacy.strings import hash_string

    assert ner_features.hash_string(text) == hash_string(text)


def test_the_key_hash_is_thinc_s():
    import numpy
    from thinc.api import NumpyOps

    ids = numpy.array([0, 1, 2**63 + 5, 2**64 - 1, 123456789012345], dtype="uint64")
    for seed in (0, 8, 10):
        assert (ner_numpy.hash_keys(ids, seed) == NumpyOps().hash(ids, seed)).all()


@pytest.mark.parametrize("text, spans", [
    ("中国", [(0, 1), (1, 2)]),
    ("a b", [(0, 1), (2, 3)]),
    ("a  b", [(0, 1), (2, 3), (3, 4)]),
    (" a", [(0, 1), (1, 2)]),
    ("a\nb", [(0, 1), (1, 2), (2, 3)]),
    ("a ", [(0, 1)]),
])
def test_tokens_are_spacy_s_character_tokens(text, spans):
    assert ner_numpy.tokens(text) == spans


@needs_model
@pytest.mark.parametrize("text", TEXTS + ["a  b", "a \n b", "\n\n", "星河 Capital  完成"])
def test_tokens_match_the_spacy_pipeline_s(text):
    doc = ner_model.load().make_doc(text)
    assert ner_numpy.tokens(text) == [(t.idx, t.idx + len(t.text)) for t in doc]
