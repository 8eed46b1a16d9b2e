"""Flat tables: the flattening (table-driven), `zhfin.to_frames`, and `zhfin export DIR
--to csv|parquet` end to end on an invented corpus, read back by pyarrow and DuckDB
with every column typed (none NULL-typed, even when no row has a value)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from nlp.tables import flatten

from .helpers import ROOT

# invented news, written for these tests
CORPUS = [
    {"id": "f1", "published": "2025-12-05", "title": "云帆智能完成5亿元B+轮融资",
     "text": "12月3日，云帆智能宣布完成5亿元B+轮融资，本轮融资由澄湖资本领投，松涧创投跟投。交易完成后，云帆智能的投后估值达到40亿元。"},
    {"id": "l1", "published": "2025-12-05",
     "text": "芯衡微今日在上交所科创板正式上市，证券代码688792。芯衡微本次公开发行4000万股，发行价格为29.60元/股，募集资金总额为11.84亿元。"},
    {"id": "n1", "published": "2025-12-05", "text": "今天天气晴朗，员工在公园里散步，股市平稳。"},
    {"id": "bad", "published": "2025-12-05", "text": "   "},
]


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("tables")
    corpus = root / "news.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CORPUS), encoding="utf-8")
    out = cli("batch", corpus, "--output", root / "out", "--workers", "1", "--entities", "all")
    assert out.returncode == 1, out.stderr  # the blank text fails
    return root / "out"


# ---- the flattening, table-driven ------------------------------------------------------------

MONEY = {"value": 5e8, "value_max": None, "currency": "CNY", "qualifier": None, "text": "5亿元", "start": 6, "end": 9}
DATE2 = {"start_date": "2025-12-03", "end_date": "2025-12-03", "granularity": "day", "inferred": False,
         "text": "12月3日", "start": 0, "end": 5}
DATE1 = {"start": "2025-12-03", "end": "2025-12-31", "granularity": "month", "inferred": True,
         "text": "12月", "start_offset": 3, "end_offset": 6}
NO_YEAR = {"start_date": None, "end_date": None, "granularity": "day", "inferred": False, "text": "8月16日",
           "start": 0, "end": 5}

EVENT_CASES = [
    # (event fields, expected cells)
    ({"amount": MONEY}, {"amount_value": 5e8, "amount_currency": "CNY", "amount_text": "5亿元", "amount_start": 6,
                         "amount_end": 9, "amount_value_max": None}),
    ({"amount": None}, {"amount_value": None, "amount_text": None, "amount_start": None}),
    ({"proceeds": {**MONEY, "value": 1184000000}}, {"proceeds_value": 1184000000.0}),
    ({"date": DATE2}, {"date_start": "2025-12-03", "date_end": "2025-12-03", "date_granularity": "day",
                       "date_inferred": False, "date_text": "12月3日", "date_start_offset": 0, "date_end_offset": 5}),
    ({"listing_date": DATE1}, {"listing_date_start": "2025-12-03", "listing_date_end": "2025-12-31",
                               "listing_date_inferred": True, "listing_date_start_offset": 3}),
    ({"disclosed": NO_YEAR}, {"disclosed_start": None, "disclosed_text": "8月16日"}),
    ({"date": {**DATE2, "start_date": "2025-02-30"}}, {"date_start": None}),
    ({"investors": [{"name": "澄湖资本"}, {"name": "松涧创投"}], "lead_investors": [{"name": "澄湖资本"}]},
     {"investors": "澄湖资本;松涧创投", "lead_investors": "澄湖资本", "investors_count": 2}),
    ({"round": {"name": "B+", "text": "B+轮", "start": 9, "end": 12}}, {"round": "B+", "round_text": "B+轮"}),
    ({"exchange": {"name": "上海证券交易所", "code": "SSE", "text": "科创板", "start": 7, "end": 10}, "board": "STAR"},
     {"exchange": "SSE", "exchange_name": "上海证券交易所", "exchange_start": 7, "board": "STAR"}),
    ({"ticker": "688792", "ticker_mention": {"text": "688792", "start": 3, "end": 9}},
     {"ticker": "688792", "ticker_text": "688792", "ticker_start": 3}),
    ({"shares_offered": {"value": 4e7, "share_class": "ADS", "text": "4000万股", "start": 1, "end": 7}},
     {"shares_offered_value": 4e7, "shares_offered_class": "ADS"}),
    ({"milestones": [{"stage": "listed", "date": DATE2}, {"stage": "priced", "date": None}]},
     {"milestones": "listed 2025-12-03;priced"}),
    ({"argument_confidence": {"amount": 0.7, "investors": [0.5]}}, {"amount_confidence": 0.7}),
    ({"historical": True, "rounds_count": 3, "confidence": 1}, {"historical": True, "rounds_count": 3,
                                                                "confidence": 1.0}),
    ({"historical": "yes", "rounds_count": "3"}, {"historical": None, "rounds_count": None}),
]


@pytest.mark.parametrize("fields, cells", EVENT_CASES)
def test_event_row(fields, cells):
    event = {"doc_id": "d", "event_id": "e", "type": "funding", "company": {"name": "云帆智能"}, **fields}
    row = flatten.event_row(event)
    assert list(row) == [name for name, _ in flatten.EVENT_COLUMNS]
    assert {k: row[k] for k in cells} == cells


INVESTOR_CASES = [
    # (instrument, investors, leads, expected (role, name) rows)
    ("equity", ["甲资本", "乙创投"], ["甲资本"], [("lead", "甲资本"), ("follow", "乙创投")]),
    ("equity", ["乙创投"], ["甲资本"], [("follow", "乙创投"), ("lead", "甲资本")]),
    ("debt", ["丙银行"], [], [("lender", "丙银行")]),
    ("equity", [], [], []),
]


@pytest.mark.parametrize("instrument, investors, leads, expected", INVESTOR_CASES)
def test_investor_rows(instrument, investors, leads, expected):
    event = {"doc_id": "d", "event_id": "e", "type": "funding", "instrument": instrument,
             "company": {"name": "云帆"}, "investors": [{"name": n} for n in investors],
             "lead_investors": [{"name": n} for n in leads]}
    rows = flatten.investor_rows(event)
    assert [(r["role"], r["name"]) for r in rows] == expected
    assert [r["position"] for r in rows] == list(range(len(rows)))


def test_entity_rows_spread_the_value():
    money = flatten.entity_row({"label": "MONEY", "text": "5亿元", "start": 0, "end": 3,
                                "value": {"value": 5e8, "value_max": None, "currency": "CNY", "qualifier": None}}, "d")
    assert (money["value"], money["currency"], json.loads(money["value_json"])["value"]) == (5e8, "CNY", 5e8)
    date = flatten.entity_row({"label": "DATE", "text": "12月", "start": 0, "end": 3,
                               "value": {"start": "2025-12-01", "end": "2025-12-31", "granularity": "month",
                                         "inferred": False}}, "d")
    assert (date["date_start"], date["date_end"], date["granularity"]) == ("2025-12-01", "2025-12-31", "month")
    company = flatten.entity_row({"label": "COMPANY", "text": "云帆", "start": 0, "end": 2, "value": None}, "d")
    assert company["value_json"] is None and company["name"] is None


# ---- to_frames --------------------------------------------------------------------------------

def test_to_frames_gives_typed_frames(batch_dir):
    import nlp

    records = [json.loads(line) for line in (batch_dir / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    frames = nlp.to_frames(records)
    events = frames.events.set_index("doc_id")
    assert events.loc["f1", "amount_value"] == 5e8 and events.loc["f1", "amount_currency"] == "CNY"
    assert events.loc["l1", "proceeds_value"] == 1.184e9
    assert str(frames.events["date_start"].dtype).startswith("datetime64")
    assert str(frames.events["amount_start"].dtype) == "Int64"
    assert str(frames.events["historical"].dtype) == "boolean"
    assert {("澄湖资本", "lead"), ("松涧创投", "follow")} <= set(zip(frames.investors["name"], frames.investors["role"]))
    assert set(frames.docs["doc_id"]) == {"f1", "l1", "n1", "bad"} and len(frames.entities) > 5
    empty = nlp.to_frames([])
    assert list(empty.events.columns) == [name for name, _ in flatten.EVENT_COLUMNS] and len(empty.events) == 0


def test_to_frames_without_pandas_says_what_to_install(monkeypatch):
    import nlp

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install \"zhfin\[tables\]\""):
        nlp.to_frames([])


# ---- export -----------------------------------------------------------------------------------

def test_export_parquet_has_typed_columns_for_pyarrow_and_duckdb(batch_dir):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    out = cli("export", batch_dir, "--to", "parquet")
    assert out.returncode == 0, out.stderr
    tables = batch_dir / "tables"
    assert sorted(p.name for p in tables.iterdir()) == ["docs.parquet", "entities.parquet", "events.parquet",
                                                        "investors.parquet"]
    events = pq.read_table(tables / "events.parquet")
    schema = events.schema
    kinds = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(), "date": pa.date32()}
    assert [(f.name, f.type) for f in schema] == [(n, kinds[k]) for n, k in flatten.EVENT_COLUMNS]
    # market_cap is null in every row, and still a double
    assert events.column("market_cap_value").null_count == events.num_rows == 2
    by_doc = {row["doc_id"]: row for row in events.to_pylist()}
    assert by_doc["l1"]["proceeds_value"] == 1.184e9 and by_doc["f1"]["valuation_value"] == 4e9
    assert str(by_doc["l1"]["listing_date_start"]) == "2025-12-05"
    investors = pq.read_table(tables / "investors.parquet").to_pylist()
    assert {(r["name"], r["role"]) for r in investors} == {("澄湖资本", "lead"), ("松涧创投", "follow")}
    docs = {r["doc_id"]: r for r in pq.read_table(tables / "docs.parquet").to_pylist()}
    assert docs["bad"]["error"] == "empty text" and docs["f1"]["title"] == "云帆智能完成5亿元B+轮融资"
    assert docs["f1"]["producer"].startswith("zhfin ")

    duckdb = pytest.importorskip("duckdb")
    for name, columns in flatten.COLUMNS.items():
        rel = duckdb.sql(f"select * from '{tables / name}.parquet'")
        types = dict(zip(rel.columns, map(str, rel.types)))
        assert "NULL" not in types.values()
        expected = {"str": "VARCHAR", "float": "DOUBLE", "int": "BIGINT", "bool": "BOOLEAN", "date": "DATE"}
        assert types == {n: expected[k] for n, k in columns}, name
    [(total,)] = duckdb.sql(f"select sum(proceeds_value) from '{tables}/events.parquet'").fetchall()
    assert total == 1.184e9


def test_export_csv_to_another_folder(batch_dir, tmp_path):
    out = cli("export", batch_dir / "docs.jsonl", "--to", "csv", "--output", tmp_path / "t")
    assert out.returncode == 0, out.stderr
    assert "2 events" in out.stderr
    with open(tmp_path / "t" / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [name for name, _ in flatten.EVENT_COLUMNS]
    funding = next(r for r in rows if r["doc_id"] == "f1")
    assert (funding["amount_value"], funding["investors"], funding["historical"]) == ("500000000.0",
                                                                                      "澄湖资本;松涧创投", "false")


def test_export_from_events_jsonl_alone(batch_dir, tmp_path):
    folder = tmp_path / "only-events"
    folder.mkdir()
    (folder / "events.jsonl").write_bytes((batch_dir / "events.jsonl").read_bytes() + b'{"cut')
    out = cli("export", folder, "--to", "csv")
    assert out.returncode == 0, out.stderr
    assert "skipped 1 unreadable line" in out.stderr
    assert len((folder / "tables" / "events.csv").read_text(encoding="utf-8").splitlines()) == 3
    assert len((folder / "tables" / "docs.csv").read_text(encoding="utf-8").splitlines()) == 1  # the header


@pytest.mark.parametrize("args, message", [
    (["--to", "csv"], "not a batch output folder"),
    (["--to", "xlsx"], "Invalid value for '--to'"),
])
def test_export_refuses_bad_input(tmp_path, args, message):
    out = cli("export", tmp_path, *args)
    assert out.returncode == 2 if "Invalid" in message else out.returncode == 1
    assert message in out.stderr and "Traceback" not in out.stderr


def test_parquet_without_pyarrow_says_what_to_install(batch_dir, tmp_path, monkeypatch):
    from nlp.document import InputError
    from nlp.tables.export import export

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(InputError, match=r'needs pyarrow: pip install "zhfin\[tables\]"'):
        export(batch_dir, "parquet", tmp_path / "t")
