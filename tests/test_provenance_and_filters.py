"""Round-2 output: provenance in every record and summary, the --instrument filter,
and the fields of zhfin.event/2 that a user filters on."""
from __future__ import annotations

import json

import pytest

import nlp
from nlp.pipeline import Pipeline

from .test_cli import cli, jsonl

MIXED = ("12月3日，星河科技宣布完成5亿元B轮融资，由澄湖资本领投。"
         "12月4日，云帆集团成功发行10亿元超短期融资券。"
         "12月5日，澜海股份拟定增募资不超过6亿元。"
         "星澜医疗今日在港交所挂牌上市，发行价12港元。")


def test_every_record_says_what_produced_it():
    record = nlp.extract("星河科技宣布完成5亿元B轮融资。", published="2025-12-05")
    prov = record["provenance"]
    assert prov["zhfin"] == nlp.__version__ and prov["schema"] == "zhfin.event/2"
    assert {"events/arguments", "events/listing_stage", "tagger"} <= set(prov["models"])
    assert all(isinstance(h, str) and len(h) == 16 for h in prov["models"].values())
    assert prov["options"] == {"entities": "all", "names": "rules", "instruments": "all"}


def test_instruments_of_a_mixed_text():
    events = nlp.extract(MIXED, published="2025-12-05")["events"]
    got = sorted((e["type"], e["company"]["name"], e.get("instrument")) for e in events)
    assert got == sorted([("funding", "星河科技", "equity"), ("funding", "澜海股份", "placement"),
                          ("funding", "云帆集团", "debt"), ("listing", "星澜医疗", None)])


@pytest.mark.parametrize("chosen, funding", [
    ("debt", {"云帆集团"}), ("equity,placement", {"星河科技", "澜海股份"}), ("equity", {"星河科技"}),
])
def test_extract_keeps_the_chosen_instruments_and_every_listing(tmp_path, chosen, funding):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    out = cli("extract", path, "--published", "2025-12-05", "--format", "jsonl", "--instrument", chosen)
    assert out.returncode == 0, out.stderr
    events = jsonl(out.stdout)
    assert {e["company"]["name"] for e in events if e["type"] == "funding"} == funding
    assert [e["company"]["name"] for e in events if e["type"] == "listing"] == ["星澜医疗"]


def test_a_bad_instrument_is_a_usage_error(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    out = cli("extract", path, "--instrument", "equity,stocks")
    assert out.returncode == 2 and b"stocks" in out.stderr and b"Traceback" not in out.stderr
    with pytest.raises(ValueError, match="instruments"):
        Pipeline(instruments=("bonds",))


def test_batch_filters_and_records_its_provenance(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "text": MIXED, "published": "2025-12-05"}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out = cli("batch", corpus, "--output", tmp_path / "out", "--instrument", "debt", "--workers", "1")
    assert out.returncode == 0, out.stderr
    events = jsonl((tmp_path / "out" / "events.jsonl").read_bytes())
    assert sorted((e["type"], e["company"]["name"]) for e in events) == [("funding", "云帆集团"), ("listing", "星澜医疗")]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["provenance"]["options"]["instruments"] == ["debt"]
    assert summary["provenance"]["zhfin"] == nlp.__version__
    [doc] = jsonl((tmp_path / "out" / "docs.jsonl").read_bytes())
    assert doc["provenance"] == summary["provenance"]


def test_a_registration_is_its_own_stage():
    [ev] = nlp.extract("证监会同意星控科技股份有限公司科创板IPO注册。", published="2021-09-01")["events"]
    assert ev["stage"] == "registered"
    from nlp.io.duee import event_to_duee

    assert {"role": "环节", "argument": "筹备上市"} in event_to_duee(ev)["arguments"]


def test_the_duee_export_counts_every_instrument_and_history():
    from nlp.io.duee import record_to_duee

    text = MIXED + "海岳控股于2010年在港交所主板挂牌上市。"
    record = nlp.extract(text, published="2025-12-05")
    duee = record_to_duee(record)
    companies = {a["argument"] for e in duee["event_list"] for a in e["arguments"] if a["role"] in ("被投资方", "上市公司")}
    assert {"星河科技", "云帆集团", "澜海股份", "海岳控股", "星澜医疗"} <= companies
