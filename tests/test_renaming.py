"""The renamer that measures what known names carry (benchmarks/renamed_names.py) and gives the party tagger its
training copies with invented companies (nlp/train/renaming.py, zhfin train tagger --renamed)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.train import tagger as training
from nlp.train.renaming import POOLS, Renamer

PASSAGE = {
    "id": "x-1", "split": "train",
    "text": "燊辉珠宝（2692）今日起招股。燊辉创办人表示，红杉中国2021年领投燊辉珠宝A轮。深圳星河科技有限公司同日递表。",
    "gold": [
        {"type": "listing", "company": "燊辉珠宝", "investors": [], "lead_investors": []},
        {"type": "funding", "company": "燊辉珠宝", "investors": ["红杉中国"], "lead_investors": ["红杉中国"]},
        {"type": "listing", "company": "深圳星河科技有限公司", "investors": [], "lead_investors": []},
    ],
    "must_not": [{"type": "listing", "company": "红杉中国"}],
}


@pytest.mark.parametrize("pool", sorted(POOLS))
def test_a_names_stem_is_renamed_wherever_it_stands_and_its_ending_and_place_stay(pool):
    out = Renamer(POOLS[pool], seed=3).passage(PASSAGE)
    jewel, tech = out["gold"][0]["company"], out["gold"][2]["company"]
    assert jewel.endswith("珠宝") and jewel != "燊辉珠宝"
    assert tech.startswith("深圳") and tech.endswith("科技有限公司") and tech != "深圳星河科技有限公司"
    assert "燊辉" not in out["text"] and "星河" not in out["text"]  # the short form 燊辉 follows its name
    assert out["text"].count(jewel[:2]) == 3  # 燊辉珠宝 twice and 燊辉 once, all renamed alike
    assert out["gold"][1]["company"] == jewel and out["gold"][1]["investors"] == ["红杉中国"]  # investors stay
    assert out["must_not"] == PASSAGE["must_not"]


def test_the_same_seed_gives_the_same_names():
    assert Renamer(POOLS["rare"], seed=7).passage(PASSAGE) == Renamer(POOLS["rare"], seed=7).passage(PASSAGE)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="澜舟汀岚星河云帆科技股份有限公司集团", min_size=2, max_size=12))
def test_a_renamed_text_keeps_its_length_and_every_gold_name_in_it(name):
    record = {"id": "p", "text": f"据悉，{name}完成融资。", "gold": [{"type": "funding", "company": name}], "must_not": []}
    out = Renamer(POOLS["common"], seed=1).passage(record)
    assert len(out["text"]) == len(record["text"])  # one character for one: offsets elsewhere do not move
    assert out["gold"][0]["company"] in out["text"]


def test_a_training_copy_keeps_the_documents_id_and_renames_its_companies_only():
    doc = {"doc": "d1", "source": "realnews", "text": PASSAGE["text"], "published": None,
           "gold": {("listing", "CO", "燊辉珠宝"), ("funding", "INV", "红杉中国")}}
    copy = training.renamed_copy(doc, 0)
    assert copy["doc"] == "d1" and copy["renamed"]
    names = {name for _, role, name in copy["gold"] if role == "CO"}
    assert len(names) == 1 and names != {"燊辉珠宝"} and next(iter(names)) in copy["text"]
    assert ("funding", "INV", "红杉中国") in copy["gold"]
    assert training.renamed_copy({**doc, "gold": {("funding", "INV", "红杉中国")}}, 0) is None  # no company: no copy


def test_renaming_the_investors_renames_them_in_the_text_the_gold_and_the_must_not_alike():
    out = Renamer(POOLS["rare"], seed=3).passage(PASSAGE, role="investors")
    investor = out["gold"][1]["investors"][0]
    assert investor != "红杉中国" and investor in out["text"] and "红杉" not in out["text"]
    assert out["gold"][1]["lead_investors"] == [investor] and out["must_not"][0]["company"] == investor
    assert out["gold"][0]["company"] == "燊辉珠宝"  # the companies stay
