"""`zhfin.pipe`: records in input order, the same as `zhfin batch` writes to docs.jsonl for
the same input (in worker processes too), error records for bad items instead of
exceptions, and the options batch has."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nlp

from .helpers import ROOT

# invented news, written for these tests
FUNDING = "12月3日，云帆智能宣布完成5亿元B+轮融资，本轮融资由澄湖资本领投，松涧创投跟投。"
LISTING = "星河科技今日在港交所挂牌上市，股份代号02513，募资8亿港元。"
PLAIN = "今天天气晴朗，员工在公园里散步，股市平稳。"
BARE_VERB = "澄湖资本旗下的基金主要投资早期硬科技企业，首期规模10亿元。"
# the deal words are only in the page's list of other articles: the literal gate passes, no clause holds a trigger
ONLY_RELATED = "星河电子发布年度财报，营收增长12%。\n相关阅读：\n· 云帆智能完成5亿元B轮融资\n· 澄湖资本募集新基金"

RECORDS = [
    {"id": "a", "text": FUNDING, "published": "2025-12-05"},
    {"id": "b", "content": LISTING, "pub_date": "2025/12/04 10:00"},  # other field names, as batch detects them
    {"id": "c", "text": PLAIN, "published": "2025-12-05"},
    {"id": "d", "title": "星河科技上市", "text": LISTING},  # a title goes before the text
    {"id": "e", "text": ""},  # empty: an error record
    {"id": "f", "body": FUNDING, "published": "not a date"},
    {"text": FUNDING, "published": "2025-12-01"},  # no id
    {"id": "g"},  # no text at all: an error record
]


@pytest.fixture(scope="module")
def batch_docs(tmp_path_factory):
    root = tmp_path_factory.mktemp("pipe")
    corpus = root / "news.jsonl"
    lines = RECORDS[:6] + [{**RECORDS[6], "id": "6"}] + RECORDS[7:]  # batch names a line without id by its place
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "batch", str(corpus), "--output", str(root / "out"),
                          "--workers", "1"], capture_output=True, text=True)
    assert out.returncode == 1, out.stderr  # two records have no text
    return [json.loads(line) for line in (root / "out" / "docs.jsonl").read_text(encoding="utf-8").splitlines()]


def without_source(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "source"}


@pytest.mark.parametrize("n_process, batch_size", [(1, 64), (2, 1), (2, 3)])
def test_pipe_gives_what_batch_writes(batch_docs, n_process, batch_size):
    records = list(nlp.pipe(RECORDS, n_process=n_process, batch_size=batch_size))
    assert [r["source"] for r in records] == [f"pipe:{i}" for i in range(len(RECORDS))]
    assert [without_source(r) for r in records] == [without_source(r) for r in batch_docs]
    by_id = {r["doc_id"]: r for r in records}
    assert by_id["a"]["events"][0]["company"]["name"] == "云帆智能"
    assert by_id["b"]["published"] == "2025-12-04" and by_id["d"]["title"] == "星河科技上市"
    assert by_id["e"]["errors"] == ["empty text"] and by_id["g"]["errors"][0].startswith("no text field")


def test_strings_bad_items_and_a_default_date():
    items = [FUNDING, "", None, 42, {"id": "x", "text": LISTING}, LISTING]
    records = list(nlp.pipe(iter(items), published="2025-12-05", entities="all"))
    assert [r["doc_id"] for r in records] == ["0", "1", "2", "3", "x", "5"]
    assert [bool(r["errors"]) for r in records] == [False, True, True, True, False, False]
    assert records[2]["errors"] == ["not a text or a record: got NoneType"]
    assert records[0]["published"] == records[4]["published"] == "2025-12-05"
    assert records[0]["events"][0]["disclosed"]["start_date"] == "2025-12-03"  # the year from published
    assert all(r["producer"] == f"zhfin {nlp.__version__}" for r in records)


def test_options_reach_the_pipeline():
    [kept] = nlp.pipe([FUNDING], keep_text=True, instruments=["debt"], entities="all")
    assert kept["text"] == FUNDING and kept["events"] == []  # an equity round, filtered out
    assert kept["provenance"]["options"]["instruments"] == ["debt"]
    [plain] = nlp.pipe([PLAIN])  # events mode: no trigger, no entities
    assert plain["entities"] == [] and "text" not in plain
    # a bare 投资 that no name follows is no trigger once the names are found: no entities either
    [bare] = nlp.pipe([BARE_VERB])
    [tagged] = nlp.pipe([BARE_VERB], entities="all")
    assert bare["events"] == bare["entities"] == []
    assert {e["text"] for e in tagged["entities"]} == {"澄湖资本", "10亿元"}
    [related] = nlp.pipe([ONLY_RELATED])
    [related_all] = nlp.pipe([ONLY_RELATED], entities="all")
    assert related["events"] == related["entities"] == related_all["events"] == []
    assert {"星河电子", "云帆智能", "5亿元"} <= {e["text"] for e in related_all["entities"]}
    [long] = nlp.pipe(["云" * 50], max_chars=10)
    assert long["errors"][0].startswith("too large")
    with pytest.raises(ValueError):
        nlp.pipe([FUNDING], entities="some")


def test_pipe_is_lazy_and_can_be_left_early():
    def endless():
        while True:
            yield FUNDING

    stream = nlp.pipe(endless(), n_process=2, batch_size=2)
    first = [next(stream) for _ in range(5)]
    stream.close()  # the worker processes stop
    assert [r["doc_id"] for r in first] == ["0", "1", "2", "3", "4"]


def test_users_own_names_reach_the_workers(tmp_path):
    lexicon = tmp_path / "names.tsv"
    lexicon.write_text("name\ttype\taliases\n小鹿叮叮\tCOMPANY\t\n", encoding="utf-8")  # an invented brand
    text = "据悉，小鹿叮叮近来获得了5000万元A轮融资，投资方为青禾资本。"  # no rule names it: only the lexicon
    [without] = nlp.pipe([text])
    assert without["events"] == []
    for n_process in (1, 2):
        [found] = nlp.pipe([text], n_process=n_process, lexicon=lexicon)
        assert [e["company"]["name"] for e in found["events"]] == ["小鹿叮叮"]
        assert found["provenance"]["options"]["user"]
