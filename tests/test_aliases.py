"""One party, many names: aliases in one document form one cluster with one canonical name."""
from __future__ import annotations

import pytest

import nlp
from nlp.entities.aliases import canonical_name, cluster
from nlp.entities.span import Entity


def ents(*names):
    pos, out = 0, []
    for name in names:
        out.append(Entity("COMPANY", pos, pos + len(name), name, None))
        pos += len(name) + 1
    return out


@pytest.mark.parametrize("names, together", [
    (("智谱", "智谱AI", "智谱"), True),
    (("稀宇MiniMax", "MiniMax", "Minimax"), True),
    (("零重力飞机工业(合肥)有限公司", "零重力"), True),
    (("杭州云帆智能科技有限公司", "云帆智能"), True),
    (("江苏澜禾新材料股份有限公司", "澜禾新材"), True),
    (("澜科企业股份有限公司", "澜科"), True),  # 企业 / 实业 add nothing to the name
    (("澜科实业", "澜科"), True),
    (("红杉资本", "高瓴资本"), False),
    (("阿里云", "阿里文娱"), False),
    (("澄星股份", "澄星集团"), False),  # the listed company and the group that holds it
    (("澄星科技集团", "澄星科技集团有限公司"), True),
    (("澄星股份", "澄星股份有限公司", "澄星"), True),
    (("抗体新药澜沛生技", "澜沛生技"), True),  # a description before the name (jieba's common words)
    (("电源大厂台澜电", "台澜电"), True),
    (("晶格半导体", "半导体"), False),  # a dictionary word alone is no name to describe
    (("北京澜沛", "深圳澜沛"), False),  # places are no description
    (("钽澄光电科技(苏州)有限公司", "钽澄科技"), True),  # the brand and the trade word, what lies between left out
    (("钽澄光电", "钽澄科技"), False),  # two trade words: two companies of one brand
    (("无锡钜澄微电子股份有限公司", "钜澄微", "N钜澄"), True),  # N: a new share's first-day short name
    (("常州璞澄精密机械股份有限公司", "璞澄精密"), True),  # a place of two characters before the short name
    (("常州璞澄精密机械股份有限公司", "州璞澄"), False),
])
def test_clusters(names, together):
    groups = cluster(ents(*names))
    assert (len(groups) == 1) is together


def test_a_name_with_a_description_before_it_is_never_the_canonical_name():
    assert canonical_name(ents("抗体新药澜沛生技", "澜沛生技")) == "澜沛生技"
    assert canonical_name(ents("澜沛生技", "抗体新药澜沛生技", "抗体新药澜沛生技")) == "澜沛生技"


def test_gazetteer_aliases_join_and_different_entries_stay_apart():
    record = nlp.extract("阿里领投，阿里巴巴跟投，阿里云也参与了星河科技的A轮融资。", published="2025-12-30")
    names = {e["text"]: e["value"] for e in record["entities"] if e["label"] == "COMPANY"}
    assert names["阿里"] == names["阿里巴巴"] == {"canonical": "阿里巴巴"}
    assert names["阿里云"] != names["阿里"]


def test_canonical_name_is_the_most_frequent_form():
    assert canonical_name(ents("智谱AI", "智谱", "智谱")) == "智谱"
    assert canonical_name(ents("MiniMax", "Minimax", "MiniMax", "稀宇MiniMax")) == "MiniMax"


def test_a_brand_cut_short_counts_for_the_name_it_shortens():
    short = Entity("COMPANY", 0, 0, "縈岫", {"alias_of": "縈岫軟體", "shortened": True})
    group = [*ents("縈岫軟體", "Loomtex", "Loomtex"), short, short]
    assert canonical_name(group) == "縈岫軟體"
    assert canonical_name(ents("縈岫軟體", "Loomtex", "Loomtex")) == "Loomtex"


ARTICLE = ("零重力飞机工业(合肥)有限公司(以下简称“零重力”)近日宣布完成2亿元A轮融资。"
           "本轮融资由星河资本领投。该公司表示，资金将用于适航取证。零重力成立于2021年。")


def test_short_name_definition_and_pronouns_point_to_the_company():
    record = nlp.extract(ARTICLE, published="2025-12-30")
    [event] = record["events"]
    aliases = set(event["company"]["aliases"])
    assert {"零重力飞机工业(合肥)有限公司", "零重力"} <= aliases
    assert event["company"]["name"] == "零重力"
    assert [p["name"] for p in event["lead_investors"]] == ["星河资本"]


def test_traditional_script_aliases_cluster_on_the_normalised_text():
    record = nlp.extract("智譜AI完成新一輪融資，由紅杉資本領投。智譜表示……", published="2025-12-30")
    [event] = record["events"]
    assert event["company"]["name"] in ("智谱", "智谱AI")  # names are simplified; mentions stay raw
    assert {"智譜AI", "智譜"} <= set(event["company"]["aliases"])


# A company no lexicon knows, introduced by a sentence that describes it; the event names it only by a pronoun.
@pytest.mark.parametrize("text, event_type, round_name", [
    ("云帆智能是一家工业机器人企业。该公司近日完成1亿元B轮融资，由星河资本领投。", "funding", "B"),
    ("云帆智能成立于2018年，总部位于苏州。公司日前宣布完成2亿元A轮融资。", "funding", "A"),
    ("记者了解到，云帆智能成立于2018年。公司日前完成2亿元A轮融资。", "funding", "A"),
    ("云帆智能专注于工业机器人。这家公司昨日宣布完成3亿元C轮融资。", "funding", "C"),
    ("云帆智能成立于2018年。其近日完成数千万元Pre-A轮融资，投资方为星河资本。", "funding", "pre-A"),
    ("云帆智能专注于工业机器人。该公司已向港交所递交招股书，拟在主板上市。", "listing", None),
])
def test_a_pronoun_points_back_to_the_company_a_sentence_described(text, event_type, round_name):
    [event] = nlp.extract(text, published="2025-12-30")["events"]
    assert (event["type"], event["company"]["name"]) == (event_type, "云帆智能")
    assert (event.get("round") or {}).get("name") == round_name


@pytest.mark.parametrize("text, companies", [
    ("这是一家工业机器人企业。该公司近日完成1亿元B轮融资。", []),  # nothing names the company
    ("云帆智能是一家工业机器人企业。星河科技近日完成1亿元B轮融资。", ["星河科技"]),  # the event names its own
    ("云帆智能是一家工业机器人企业。该公司去年营收5亿元。", []),  # no event
])
def test_a_described_company_without_a_pronoun_event_gets_no_event(text, companies):
    events = nlp.extract(text, published="2025-12-30")["events"]
    assert [e["company"]["name"] for e in events] == companies


@pytest.mark.parametrize("text, legal, short", [
    ("9月22日晚，上交所受理了广东星元亨智能装备股份有限公司的科创板上市申请。星元亨此前曾撤回申请。",
     "广东星元亨智能装备股份有限公司", "星元亨"),
    ("宁波大星园林设备股份有限公司首次公开发行股票。大星股份董事长表示，公司将继续投入研发。",
     "宁波大星园林设备股份有限公司", "大星股份"),
])
def test_a_legal_name_s_short_form_is_found_and_joins_its_cluster(text, legal, short):
    from nlp.document import Document

    ctx = nlp.load().analyse(Document("x", text, published="2020-09-23")).context
    by_text = {e.text: e for e in ctx.entities if e.label == "COMPANY"}
    assert legal in by_text and short in by_text
    assert ctx.cluster(by_text[legal]) == ctx.cluster(by_text[short]) is not None


@pytest.mark.parametrize("text, company, rounds", [
    ("雲栢醫療今日起招股。招股文件顯示，雲栢2022年完成C輪融資，集資5億元人民幣，由禮來亞洲基金領投。",
     "云栢医疗", ["C"]),
    ("旭光子科技宣布完成A轮融资。根据公告，旭光子2024年曾完成8000万元种子轮，由台杉投资独家出资。",
     "旭光子科技", ["A", "seed"]),
])
def test_a_brand_cut_short_is_the_company_and_keeps_its_full_name(text, company, rounds):
    """云栢 for 云栢医疗: the name without its trade word, used on its own later, is the same company,
    and the record names it in full."""
    events = [e for e in nlp.extract(text, published="2025-09-23")["events"] if e["type"] == "funding"]
    assert {e["company"]["name"] for e in events} == {company}
    assert sorted(e["round"]["name"] for e in events) == sorted(rounds)


def test_a_common_word_or_place_is_no_brand_cut_short():
    """星河科技 -> 星河 and 湖南科技 -> 湖南 are words of their own: no alias is made of them."""
    from nlp.document import Document

    text = "星河科技完成新一轮融资，湖南科技同日完成A轮。星河璀璨，湖南天气晴。"
    ctx = nlp.load().analyse(Document("x", text, published="2025-09-23")).context
    assert not {"星河", "湖南"} & {e.text for e in ctx.entities if e.label == "COMPANY"}


def test_a_short_form_replaces_a_weak_guess_of_the_same_text():
    """…股份 alone is a weak guess; once it is the short form of a legal name in the
    document it is that company, in one cluster with it."""
    text = "【星岳资本领投第三代半导体企业同辉股份】星岳资本与河北同辉半导体股份有限公司签署投资协议。" \
           "此次，星岳资本作为领投方入股同辉股份。"
    [event] = nlp.extract(text, published="2021-12-30")["events"]
    assert event["type"] == "funding"
    assert {"同辉股份", "河北同辉半导体股份有限公司"} <= set(event["company"]["aliases"])
    assert [p["name"] for p in event["lead_investors"]] == ["星岳资本"]


def test_a_subsidiary_that_extends_its_parent_s_name_is_another_company():
    [event] = nlp.extract("星尔股份：分拆所属子公司星尔微电子至创业板上市申请获得深交所受理。", published="2022-01-05")["events"]
    assert event["company"]["name"] == "星尔微电子"
    assert "星尔股份" not in event["company"]["aliases"]
