"""The record as a spaCy Doc: load().doc(str | Document), span groups per event type,
Doc._.events, the DocBin round trip (in this process and in a fresh one that never
imports zhfin), and the spaCy entry points (spacy.load("models/ner") with no zhfin import)."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata

import pytest

from nlp.document import Document
from nlp.io import readers
from nlp.pipeline import load

from .helpers import ARTICLES, ROOT, article_cases

FUNDING = ("12月3日，云帆智能宣布完成5亿元B轮融资，由澄湖资本领投，松涧创投跟投。"
           "星河半导体股份有限公司今日在科创板上市，发行价29.60元/股。")


def test_doc_of_a_string_has_the_events_as_span_groups():
    doc = load().doc(FUNDING, published="2025-12-05")
    assert doc.text == FUNDING and set(doc.spans) >= {"funding", "listing"}
    events = doc._.events
    assert [e["type"] for e in events] == ["funding", "listing"]
    funding = {(s.label_, s.text) for s in doc.spans["funding"]}
    assert {("company", "云帆智能"), ("amount", "5亿元"), ("round", "B轮"), ("investors", "澄湖资本"),
            ("investors", "松涧创投"), ("lead_investors", "澄湖资本"), ("disclosed", "12月3日")} <= funding
    assert {s.label_ for s in doc.spans["listing"]} >= {"company", "exchange", "offer_price", "evidence"}
    for name in ("funding", "listing"):
        [event] = [e for e in events if e["type"] == name]
        assert {s.id_ for s in doc.spans[name]} == {event["event_id"]}


def test_doc_of_a_document_matches_its_record():
    document = readers.read_path(ARTICLES / "funding_lead_follow.txt")
    record = load()(document)
    doc = load().doc(document)
    assert doc._.events == record["events"]
    assert doc.user_data["zhfin"]["entities"] == record["entities"]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e["start"], e["end"], e["label"]) for e in record["entities"]]


@pytest.mark.parametrize("article", article_cases(), ids=lambda p: p.name)
def test_the_doc_is_the_raw_text_and_every_mention_is_a_span(article):
    """Traditional script, full-width digits, pinyin glosses: the Doc keeps the raw text,
    the tokens cover it exactly and each role span is the mention's raw text."""
    document = readers.read_path(article)
    doc = load().doc(document)
    assert doc.text == document.raw_text == "".join(t.text_with_ws for t in doc)
    for name in ("funding", "listing"):
        for span in doc.spans[name]:
            assert span.text == document.raw_text[span.start_char:span.end_char]
    from nlp.spacy_doc import role_mentions

    mentions = [(role, m["start"], m["end"]) for e in doc._.events for role, m in role_mentions(e) if role != "evidence"]
    spans = [(s.label_, s.start_char, s.end_char) for name in ("funding", "listing") for s in doc.spans[name]
             if s.label_ != "evidence"]
    assert sorted(spans) == sorted(mentions)


def test_token_norms_are_the_analysis_text():
    doc = load().doc((ARTICLES / "funding_traditional.txt").read_text(encoding="utf-8"))
    norms = {t.text: t.norm_ for t in doc}
    assert norms["融資"] == "融资" and any(t.text == "１．５億港元" and t.norm_ == "1.5亿港元" for t in doc)


def test_an_empty_or_eventless_text_gives_empty_groups():
    for text in ("", "今天天气很好。"):
        doc = load().doc(text)
        assert doc._.events == [] and list(doc.spans["funding"]) == list(doc.spans["listing"]) == []


def test_docbin_round_trip_keeps_events_spans_and_entities():
    from spacy.tokens import DocBin

    from nlp.segment.tokenizer import blank_zh

    doc = load().doc(FUNDING, published="2025-12-05")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(blank_zh().vocab)
    assert back._.events == doc._.events
    for name in ("funding", "listing"):
        assert [(s.label_, s.start, s.end, s.id_) for s in back.spans[name]] == \
            [(s.label_, s.start, s.end, s.id_) for s in doc.spans[name]]
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]
    assert json.loads(json.dumps(back.user_data["zhfin"]))["entities"] == doc.user_data["zhfin"]["entities"]


def installed() -> bool:
    names = {ep.name for ep in metadata.entry_points(group="spacy_factories")}
    return {"zhfin_word_features", "zhfin_biluo_tagger", "zhfin_events"} <= names


needs_install = pytest.mark.skipif(not installed(), reason="zhfin is not installed (pip install -e .): "
                                                           "no spaCy entry points")


def fresh_python(code: str, tmp_path) -> str:
    """Run code in a new interpreter outside the clone (so `nlp` is not importable) and
    check that it never imported zhfin by name before spaCy did."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


@needs_install
def test_docbin_read_back_in_a_process_that_never_imports_zhfin(tmp_path):
    from spacy.tokens import DocBin

    doc = load().doc(FUNDING, published="2025-12-05")
    DocBin(store_user_data=True, docs=[doc]).to_disk(tmp_path / "docs.spacy")
    code = ("import json, spacy\nfrom spacy.tokens import DocBin\n"
            "[doc] = DocBin().from_disk('docs.spacy').get_docs(spacy.blank('zh').vocab)\n"
            "print(json.dumps({'events': doc._.events, 'labels': sorted({s.label_ for s in doc.spans['funding']})}))")
    back = json.loads(fresh_python(code, tmp_path).splitlines()[-1])
    assert back["events"] == doc._.events and {"company", "amount", "investors"} <= set(back["labels"])


@needs_install
def test_spacy_load_of_the_name_model_needs_no_zhfin_import(tmp_path):
    code = ("import sys, spacy\n"
            "assert not any(m == 'zhfin' or m.startswith('zhfin.') for m in sys.modules)\n"
            f"nlp = spacy.load({str(ROOT / 'models' / 'ner')!r})\n"
            "print(nlp.pipe_names)\n"
            "print(sorted((e.label_, e.text) for e in nlp('红杉资本领投了云帆智能的B轮融资').ents))")
    lines = fresh_python(code, tmp_path).splitlines()
    assert lines[-2] == "['zhfin_word_features', 'tok2vec', 'ner']" and "红杉资本" in lines[-1]


@needs_install
def test_the_events_component_annotates_any_chinese_pipeline(tmp_path):
    code = ("import json, spacy\nnlp = spacy.blank('zh')\nnlp.add_pipe('zhfin_events')\n"
            "doc = nlp('云帆智能宣布完成5亿元B轮融资，由澄湖资本领投。')\n"
            "print(json.dumps([[e['company']['name'] for e in doc._.events], "
            "sorted({(s.label_, s.text) for s in doc.spans['funding']})], ensure_ascii=False))")
    companies, spans = json.loads(fresh_python(code, tmp_path).splitlines()[-1])
    assert companies == ["云帆智能"] and ["company", "云帆智能"] in spans and ["amount", "5亿元"] in spans


def test_the_extension_registers_once():
    from spacy.tokens import Doc

    from nlp import spacy_doc

    spacy_doc.register()
    spacy_doc.register()
    assert Doc.has_extension("events") and Doc.get_extension("events")[2].__name__ == "events_of"  # this copy's or an installed one's
    assert load().doc(Document("d", "今天天气很好。"))._.events == []
