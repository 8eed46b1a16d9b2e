"""The public contract: every event validates against the versioned JSON Schema,
and `import nlp` stays light."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from nlp.io import readers
from nlp.pipeline import load

from .helpers import ROOT, SEED, article_cases, expected

SCHEMA = json.loads((ROOT / "nlp" / "schema" / "zhfin.event-2.schema.json").read_text(encoding="utf-8"))


def all_events():
    for article in article_cases():
        document = readers.read_path(article)
        document.published = expected(article)["published"]
        yield from load()(document)["events"]
    if SEED.exists():
        yield from load()(readers.read_path(SEED))["events"]


def test_events_validate_against_schema():
    events = list(all_events())
    assert len(events) >= sum(len(expected(a)["events"]) for a in article_cases())
    for event in events:
        jsonschema.validate(event, SCHEMA)


def test_import_nlp_does_not_import_torch_or_transformers():
    code = ("import sys, nlp; nlp.extract('某公司完成1亿元A轮融资。'); "
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_api_returns_plain_json():
    import nlp

    record = nlp.extract("12月3日，星河科技有限公司宣布完成2亿元A轮融资，由红杉中国领投。", published="2025-12-30")
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    [event] = record["events"]
    assert event["amount"]["value"] == 2e8 and event["amount"]["currency"] == "CNY"
    # a dateline (12月3日，…宣布) says when the news came out; the round it tells, dated by nothing else, was
    # announced that day
    assert event["disclosed"]["start_date"] == event["date"]["start_date"] == "2025-12-03"
    money = [e for e in record["entities"] if e["label"] == "MONEY"]
    assert money and set(money[0]["value"]) >= {"value", "value_max", "currency", "qualifier"}


@pytest.mark.parametrize("bad", ["", "   \n"])
def test_extract_api_rejects_empty_text(bad):
    import nlp
    from nlp.document import InputError

    with pytest.raises(InputError):
        nlp.extract(bad)


def test_entities_fall_on_token_boundaries_of_the_spacy_doc():
    from .helpers import ARTICLES

    document = readers.read_path(ARTICLES / "funding_lead_follow.txt")
    doc = load().doc(document)
    found = doc.user_data["zhfin"]["entities"]
    assert len(doc.ents) == len(found) > 10
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(e["start"], e["end"], e["label"]) for e in found]
    assert len(list(doc.sents)) >= 5


@pytest.mark.parametrize("text", [
    "公司董事会成立特别调查委员会(以下简称“ SIC ”)，SIC已聘请顾问。某科技完成1亿元A轮融资。",
    "King&Wood Mallesons LLP(“ KWM”)为法律顾问，星河资本领投1亿元A轮融资。",
    "　　全角空格开头的文章，星河资本领投，云帆科技完成1亿元A轮融资。\n\n\n",
])
def test_whitespace_inside_names_and_aliases_does_not_break_segmentation(text):
    import nlp

    record = nlp.extract(text, published="2025-12-30")
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]


def test_a_dateline_without_any_year_keeps_its_text_and_validates():
    import nlp

    record = nlp.extract("【星河讯】8月16日消息，云帆智能获投250万美元种子轮融资。")
    [event] = record["events"]
    assert event["disclosed"]["text"] == "8月16日"
    assert event["disclosed"]["start_date"] is None
    # with no year there is no date to report: the text's word for when goes to date_vague
    assert event["date"] is None and event["date_vague"]["text"] == "8月16日"
    jsonschema.validate(event, SCHEMA)


def test_a_month_is_no_dateline():
    import nlp

    [event] = nlp.extract("2019年8月，星河科技宣布完成2亿元A轮融资。", published="2019-12-30")["events"]
    assert event["disclosed"] is None and event["date"]["start_date"] == "2019-08-01"
