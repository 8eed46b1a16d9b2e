"""Latin-script COMPANY / ORG names closed by an ending (latin_name_suffixes.tsv)."""
import pytest
from hypothesis import given, settings, strategies as st

import nlp
from nlp.entities import find_known_names, latin_names
from nlp.entities.span import Entity

CASES = [
    # text, [(label, name, weak)]
    ("本轮由Starlight Capital领投", [("COMPANY", "Starlight Capital", False)]),
    ("Nebula Robotics Holdings Co., Ltd.宣布完成融资", [("COMPANY", "Nebula Robotics Holdings Co., Ltd.", False)]),
    ("星河科技母公司Cloudsail Inc.今日公告", [("COMPANY", "Cloudsail Inc.", False)]),
    ("Cloudsail Ltd与Starlight Limited签约", [("COMPANY", "Cloudsail Ltd", False), ("COMPANY", "Starlight Limited", False)]),
    ("升二十倍的K W Starlight Group(08411)", [("COMPANY", "K W Starlight Group", False)]),
    ("投资方包括Aurora Ventures、Meridian Partners", [("COMPANY", "Aurora Ventures", False),
                                                    ("COMPANY", "Meridian Partners", False)]),
    ("Nebula AI完成新一轮融资", [("COMPANY", "Nebula AI", False)]),
    ("Orbit Technologies获投", [("COMPANY", "Orbit Technologies", False)]),
    ("本轮由The Starlight Group领投", [("COMPANY", "Starlight Group", False)]),
    ("J&T Starlight Group今日上市", [("COMPANY", "J&T Starlight Group", False)]),
    ("5Y Capital继续跟投", [("COMPANY", "5Y Capital", False)]),
    ("xNova Holdings宣布", [("COMPANY", "xNova Holdings", False)]),
    ("Cloudsail Capital Management管理的基金", [("COMPANY", "Cloudsail Capital Management", False)]),
    ("Starlight Investment参与", [("COMPANY", "Starlight Investment", True)]),  # weak: needs a role
    ("Aurora Foundation捐赠", [("ORG", "Aurora Foundation", False)]),
    ("In 2020 Starlight Group raised", [("COMPANY", "Starlight Group", False)]),
    # not names
    ("公司计划IPO", []),
    ("CEO张三表示", []),
    ("AI芯片需求大增", []),
    ("融资5000万USD", []),
    ("发力Generative AI与Edge AI", []),
    ("Venture Capital基金规模", []),
    ("the capital group", []),  # lower case: no name
    ("长江国弘(Grand Yangtze Capital)参与投资", []),  # a gloss of the name before it
    ("贝壳控股 (KE Starlight Holdings) 上市", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_latin_names(text, expected):
    found = [(e.label, e.text, bool(e.value and e.value.get("weak"))) for e in latin_names.find(text)]
    assert found == expected
    for e in latin_names.find(text):
        assert text[e.start:e.end] == e.text


GLOSSED = [
    # text, the glossed name found, the Latin name expected before it
    ("第一家是Pebblo（中文名：深圳卵石跃动科技有限公司），做儿童玩偶", "深圳卵石跃动科技有限公司", ["Pebblo"]),
    ("Tandora Vision（中文名称：苏州檀朵智能科技有限公司）更新招股书", "苏州檀朵智能科技有限公司", ["Tandora Vision"]),
    ("品牌Brevix (深圳市倍维智能科技有限公司)", "深圳市倍维智能科技有限公司", ["Brevix"]),
    # generic words, a Chinese word, or no bracket right after: nothing
    ("The AI（深圳卵石跃动科技有限公司）完成融资", "深圳卵石跃动科技有限公司", []),
    ("公司名为卵石（深圳卵石跃动科技有限公司）", "深圳卵石跃动科技有限公司", []),
    ("Pebblo，深圳卵石跃动科技有限公司的品牌", "深圳卵石跃动科技有限公司", []),
]


@pytest.mark.parametrize("text,name,expected", GLOSSED)
def test_a_latin_name_glossed_by_a_name_found(text, name, expected):
    start = text.index(name)
    found = latin_names.glossed(text, [Entity("COMPANY", start, start + len(name), name, None)])
    assert [e.text for e in found] == expected
    assert all(text[e.start:e.end] == e.text for e in found)


@pytest.mark.parametrize("name,expected", [
    ("Moxly Holdings", "Moxly"), ("Lumenfold AI Inc.", "Lumenfold"), ("Brevix Holdings Limited", "Brevix"),
    ("China Holdings", None), ("Solvane", None), ("AI Inc.", None),
])
def test_a_latin_name_without_its_endings(name, expected):
    assert latin_names.core(name) == expected


def test_a_latin_name_is_found_again_without_its_ending_but_not_inside_a_longer_word():
    text = "Moxly Holdings今日公布配发结果。Moxly于2019年成立，旗下MoxlyPay另行融资。"
    found = [e["text"] for e in nlp.extract(text)["entities"] if e["label"] == "COMPANY"]
    assert found.count("Moxly") == 1 and "MoxlyPay" not in found


def test_a_gazetteer_name_wins_over_a_latin_name_it_overlaps():
    found = find_known_names("PDD Holdings Limited今日公布业绩")  # PDD Holdings: an alias of 拼多多
    assert [(e.text, e.value) for e in found] == [("PDD Holdings", {"canonical": "拼多多"})]


def test_latin_names_reach_the_record():
    record = nlp.extract("据悉,Starlight Capital今日宣布完成新一期基金募集。", published="2024-05-01")
    assert ("COMPANY", "Starlight Capital") in {(e["label"], e["text"]) for e in record["entities"]}


@settings(max_examples=300)
@given(st.text(alphabet="AIPOCEUSDHoldingsLtd.Capital &,-Inc星河的() ", max_size=50))
def test_any_text(text):
    prev = 0
    for e in latin_names.find(text):
        assert prev <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        assert e.text not in ("AI", "IPO", "CEO", "USD")
        prev = e.end
