"""The correction round trip on an invented corpus: `zhfin export DIR --to doccano |
label-studio | brat | docbin`, corrections made in the exported files as an annotator
would, `zhfin import` back to gold passages, and `zhfin evaluate` of those against the
same events (F1 1.0 when nothing was corrected)."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from nlp.cli import main
from nlp.evaluation.files import PASSAGES, read_gold
from nlp.exchange import annotations, gold, label_studio

from .review_corpus import CORPUS, HOSTILE_ID, make_batch
from .test_view_report import _moved


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return make_batch(tmp_path_factory.mktemp("exchange"))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="zhfin")


def evaluate(gold_path, out) -> str:
    result = run("evaluate", "--gold", gold_path, "--pred", out)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


@pytest.mark.parametrize("fmt, exported", [("doccano", "doccano.jsonl"), ("label-studio", "tasks.json")])
def test_round_trip_scores_one(out, tmp_path, fmt, exported):
    target = tmp_path / fmt
    result = run("export", out, "--to", fmt, "--output", target)
    assert result.exit_code == 0, result.output
    assert "5 document(s), 4 event(s); 1 failed document(s) left out" in result.output
    gold_path = tmp_path / "gold.jsonl"
    result = run("import", target / exported, "--from", fmt, "--output", gold_path)
    assert result.exit_code == 0 and "5 passage(s), 4 event(s)" in result.output, result.output
    kind, passages = read_gold(gold_path)
    assert kind == PASSAGES
    assert {p["id"]: p["text"] for p in passages} == {r["id"]: r["text"] for r in CORPUS if r["id"] != "bad"}
    assert all(p["split"] == "train" and p["publish_date"] == "2025-12-05" for p in passages)
    assert evaluate(gold_path, out) == \
        "events P 1.000 R 1.000 F1 1.000 | slots P 1.000 R 1.000 F1 1.000 | must-not violations 0"


def test_the_gold_holds_the_normalised_values(out, tmp_path):
    run("export", out, "--to", "doccano", "--output", tmp_path)
    run("import", tmp_path / "doccano.jsonl", "--from", "doccano", "--output", tmp_path / "gold.jsonl")
    events = {p["id"]: p["gold"] for p in map(json.loads, (tmp_path / "gold.jsonl").open(encoding="utf-8"))}
    (f1,), (l1,) = events["f1"], events["l1"]
    assert f1["company"] == "湖光电池" and f1["instrument"] == "equity" and f1["round"] == "C"
    assert f1["amount"] == {"value": 2e9, "currency": "CNY", "text": "20亿元"} and f1["date"] == "2025-11"
    assert f1["lead_investors"] == ["红岭资本"] and set(f1["investors"]) >= {"北溪创投", "远山资本"}
    assert l1["stage"] == "listed" and l1["exchange"] == "SSE" and l1["ticker"] == "688792"
    assert l1["shares_offered"] == 4e7 and l1["amount"]["value"] == 1.184e9  # proceeds are the gold's amount
    assert events["n1"] == []


def _doccano_lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_corrections_come_back(out, tmp_path):
    run("export", out, "--to", "doccano", "--output", tmp_path)
    lines = {line["doc_id"]: line for line in _doccano_lines(tmp_path / "doccano.jsonl")}
    # f1: one investor was wrong: its relation goes
    f1 = lines["f1"]
    ent = {e["id"]: e for e in f1["entities"]}
    f1["relations"] = [r for r in f1["relations"]
                       if f1["text"][ent[r["to_id"]]["start_offset"]:ent[r["to_id"]]["end_offset"]] != "北溪创投"]
    # h2: the stage was wrong
    h2 = lines["h2"]
    for e in h2["entities"]:
        if e["label"] == "listing:filed":
            e["label"] = "listing:hearing_passed"
    # the hostile document: a valuation drawn to new words, a date moved, a relation zhfin has no role for
    doc = lines[HOSTILE_ID]
    text = doc["text"]
    anchor = next(e for e in doc["entities"] if e["label"].startswith("funding:"))
    start = text.index("3亿元")
    doc["entities"].append({"id": 900, "start_offset": start, "end_offset": start + 3, "label": "MONEY"})
    doc["relations"].append({"id": 901, "from_id": 900, "to_id": anchor["id"], "type": "valuation"})  # drawn backwards
    start = text.index("12月2日")
    doc["entities"].append({"id": 902, "start_offset": start, "end_offset": start + 3, "label": "DATE"})  # 12月
    doc["relations"] = [r for r in doc["relations"] if r["type"] != "date"]
    doc["relations"].append({"id": 903, "from_id": anchor["id"], "to_id": 902, "type": "date"})
    doc["relations"].append({"id": 904, "from_id": anchor["id"], "to_id": 900, "type": "founder"})
    corrected = tmp_path / "corrected.jsonl"
    corrected.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines.values()),
                         encoding="utf-8")
    result = run("import", corrected, "--from", "doccano", "--output", tmp_path / "gold.jsonl")
    assert result.exit_code == 0
    assert "warning: x\"<b>1: relation 'founder' is no role of zhfin; left out" in result.output
    events = {p["id"]: p["gold"] for p in map(json.loads, (tmp_path / "gold.jsonl").open(encoding="utf-8"))}
    assert "北溪创投" not in events["f1"][0]["investors"]
    assert events["h2"][0]["stage"] == "hearing_passed"
    hostile = events[HOSTILE_ID][0]
    assert hostile["valuation"] == {"value": 3e8, "currency": "CNY", "text": "3亿元"}  # normalised from its words
    assert hostile["date"] == "2025-12"  # 12月, against the publication date
    assert "events P 1.000 R 1.000 F1 1.000" in evaluate(tmp_path / "gold.jsonl", out)


@pytest.mark.parametrize("kind, words, expected", [
    ("MONEY", "5亿元", {"value": 5e8, "currency": "CNY", "text": "5亿元"}),
    ("MONEY", "1.2億美元", {"value": 1.2e8, "currency": "USD", "text": "1.2億美元"}),
    ("MONEY", "公园", None),
    ("DATE", "12月3日", "2025-12-03"),
    ("DATE", "2024年", "2024"),
    ("DATE", "今年3月", "2025-03"),
    ("ROUND", "B+轮", "B+"),
    ("ROUND", "天使轮", "angel"),
    ("EXCHANGE", "港交所", "HKEX"),
    ("EXCHANGE", "科创板", "SSE"),
    ("SHARES", "4000万股", 4e7),
    ("TICKER", "688792", "688792"),
    ("COMPANY", "云帆智能", "云帆智能"),
])
def test_new_words_are_normalised(kind, words, expected):
    doc = annotations.Annotated("d", words, published="2025-12-05")
    assert gold.normalise_value(kind, words, doc) == expected


def test_label_studio_prefers_the_annotation_and_maps_utf16_offsets():
    text = "😀云帆智能完成5亿元B轮融资"  # an emoji: two UTF-16 units
    def region(rid, start, end, label):  # offsets in UTF-16 units, as older Label Studio wrote them
        return {"id": rid, "type": "labels", "value": {"start": start + 1, "end": end + 1, "text": text[start:end],
                                                        "labels": [label]}}
    task = {"data": {"text": text, "doc_id": "e1"},
            "predictions": [{"result": [region("p", 1, 5, "listing:filed")]}],
            "annotations": [{"was_cancelled": True, "result": []},
                            {"result": [region("a", 1, 5, "funding:equity"), region("m", 7, 10, "MONEY"),
                                        {"type": "relation", "from_id": "a", "to_id": "m", "labels": ["amount"],
                                         "direction": "right"}]}]}
    warnings = []
    doc = label_studio.parse(task, "t", 1, warnings)
    passage = gold.to_passage(doc, warnings=warnings)
    assert not warnings
    (event,) = passage["gold"]
    assert event["company"] == "云帆智能" and event["amount"] == {"value": 5e8, "currency": "CNY", "text": "5亿元"}


def test_brat_export(out, tmp_path):
    result = run("export", out, "--to", "brat", "--output", tmp_path)
    assert result.exit_code == 0, result.output
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "[events]\nFunding\tRound?:<ENTITY>" in conf and "Stage\tArg:Listing" in conf
    index = dict(line.split("\t") for line in (tmp_path / "index.tsv").read_text(encoding="utf-8").splitlines()[1:])
    assert set(index.values()) == {r["id"] for r in CORPUS if r["id"] != "bad"}
    name = next(n for n, d in index.items() if d == HOSTILE_ID)
    assert re.fullmatch(r"[\w.-]+", name)
    text = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
    assert text == CORPUS[2]["text"]
    ann = (tmp_path / f"{name}.ann").read_text(encoding="utf-8").splitlines()
    spans = {}
    for line in ann:
        if line.startswith("T"):
            tid, middle, words = line.split("\t")
            label, offsets = middle.split(" ", 1)
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            assert " ".join(text[s:e] for s, e in pieces) == words
            spans[tid] = label
    (event,) = [line for line in ann if line.startswith("E")]
    trigger, *args = event.split("\t")[1].split()
    assert trigger.startswith("Funding:") and spans[trigger.split(":")[1]] == "Funding"
    roles = {a.split(":")[0] for a in args}
    assert {"Amount", "Round", "Investor", "Investor2", "LeadInvestor"} <= roles
    assert all(a.split(":")[1] in spans for a in args)
    assert "A1\tInstrument E1 equity" in ann


def test_docbin_export_keeps_entities_roles_and_events(out, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    import nlp.spacy_doc  # noqa: F401  (Doc._.events)

    result = run("export", out, "--to", "docbin")
    assert result.exit_code == 0, result.output
    docs = {d.user_data["zhfin"]["doc_id"]: d
            for d in DocBin().from_disk(out / "docbin" / "docs.spacy").get_docs(spacy.blank("zh").vocab)}
    records = {json.loads(line)["doc_id"]: json.loads(line) for line in (out / "docs.jsonl").open(encoding="utf-8")}
    assert set(docs) == {r["id"] for r in CORPUS if r["id"] != "bad"}
    f1 = docs["f1"]
    assert f1.text == CORPUS[0]["text"]
    assert {(e.text, e.label_) for e in f1.ents} >= {("湖光电池", "COMPANY"), ("20亿元", "MONEY")}
    roles = {(s.label_, s.text) for s in f1.spans["funding"]}
    assert {("company", "湖光电池"), ("amount", "20亿元"), ("lead_investors", "红岭资本")} <= roles
    assert f1._.events == records["f1"]["events"]
    assert [s.label_ for s in docs["l1"].spans["listing"] if s.label_ == "ticker"] == ["ticker"]


def test_export_and_import_say_what_is_wrong(out, tmp_path):
    moved = _moved(out, tmp_path)
    result = run("export", moved, "--to", "doccano")
    assert result.exit_code == 1 and "run zhfin batch again with --keep-text" in result.output
    assert len(result.output.strip().splitlines()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "云帆", "entities": [], "relations": []}\n{"text": oops}\n', encoding="utf-8")
    result = run("import", bad, "--from", "doccano", "--output", tmp_path / "g.jsonl")
    assert result.exit_code == 1 and f"{bad}:2: malformed JSON" in result.output
    bad.write_text('{"text": "云帆", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2, "label": '
                   '"funding:equity"}], "relations": [{"id": 2, "from_id": 1, "to_id": 7, "type": "amount"}]}\n',
                   encoding="utf-8")
    result = run("import", bad, "--from", "doccano", "--output", tmp_path / "g.jsonl")
    assert result.exit_code == 1 and "a relation names an entity id that is not there" in result.output
    result = run("import", bad, "--from", "label-studio", "--output", tmp_path / "g.jsonl")
    assert result.exit_code == 1 and "task 1: the task has no data.text" in result.output


def test_dates_without_a_year_stay_out_of_the_gold():
    event = {"type": "funding", "event_id": "e", "company": {"name": "云帆", "mention": {"text": "云帆", "start": 0, "end": 2}},
             "date": {"start_date": None, "end_date": None, "granularity": "day", "inferred": False,
                      "text": "8月16日", "start": 3, "end": 8}}
    doc = annotations.from_record({"doc_id": "d", "events": [event], "entities": []}, "云帆于8月16日完成融资")
    warnings = []
    (passage_event,) = gold.to_passage(doc, warnings=warnings)["gold"]
    assert passage_event["date"] is None and not warnings
