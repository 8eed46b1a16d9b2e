"""The command line end to end, on real files: output formats, encodings, bad input, batch."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .helpers import ARTICLES, ROOT

TRADITIONAL = ARTICLES / "funding_traditional.txt"
SIMPLIFIED = ARTICLES / "funding_lead_follow.txt"


def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)],
                          input=stdin, capture_output=True)


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def test_extract_defaults_to_jsonl_when_piped():
    out = cli("extract", SIMPLIFIED, "--published", "2025-12-05")
    assert out.returncode == 0, out.stderr
    events = jsonl(out.stdout)
    assert [e["type"] for e in events] == ["funding"]
    assert all(e["schema"] == "zhfin.event/2" and e["doc_id"] == SIMPLIFIED.stem for e in events)


def test_extract_json_is_the_docs_record():
    out = cli("extract", SIMPLIFIED, "--format", "json")
    record = json.loads(out.stdout)
    assert {"doc_id", "entities", "events", "errors"} <= record.keys()
    assert {e["label"] for e in record["entities"]} >= {"MONEY", "DATE", "COMPANY", "ROUND"}


def test_extract_table_shows_company_and_evidence():
    out = cli("extract", SIMPLIFIED, "--format", "table", "--published", "2025-12-05")
    text = out.stdout.decode("utf-8")
    assert out.returncode == 0 and "funding" in text and "云帆智能" in text and "B+" in text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "big5"])
def test_encodings_give_the_same_events(tmp_path, encoding):
    text = TRADITIONAL.read_text(encoding="utf-8")
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    reference = jsonl(cli("extract", TRADITIONAL, "--published", "2025-12-04").stdout)
    got = jsonl(cli("extract", path, "--published", "2025-12-04").stdout)
    strip = lambda evs: [{k: v for k, v in e.items() if k not in ("doc_id", "event_id")} for e in evs]  # noqa: E731
    assert strip(got) == strip(reference) and got


def test_stdin():
    out = cli("extract", "-", "--published", "2025-12-05", stdin=SIMPLIFIED.read_bytes())
    assert out.returncode == 0 and jsonl(out.stdout)[0]["doc_id"] == "stdin"


BAD_INPUTS = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "undecodable": bytes([0x81, 0x30, 0xFF, 0xFE, 0xC0, 0x00, 0x9F]) * 50,
}


@pytest.mark.parametrize("kind", [*BAD_INPUTS, "missing", "directory", "bad-date"])
def test_bad_input_is_one_line_and_nonzero(tmp_path, kind):
    path = tmp_path / f"{kind}.txt"
    args = ["extract", path]
    if kind in BAD_INPUTS:
        path.write_bytes(BAD_INPUTS[kind])
    elif kind == "directory":
        path = tmp_path
        args = ["extract", path]
    elif kind == "bad-date":
        path.write_text("某公司完成1亿元A轮融资。", encoding="utf-8")
        args += ["--published", "yesterday"]
    out = cli(*args)
    err = out.stderr.decode("utf-8")
    assert out.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_batch_writes_one_record_per_document(tmp_path):
    good = SIMPLIFIED.read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "a", "content": good, "pub_date": "2025-12-05"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "content": ""}),
        json.dumps({"id": "d", "title": "无事件", "content": "今天天气晴朗，股市平稳。"}, ensure_ascii=False),
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = cli("batch", corpus, "--output", tmp_path / "out")
    assert out.returncode == 1  # two documents failed
    docs = [json.loads(line) for line in (tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 4
    assert [bool(d["errors"]) for d in docs] == [False, True, True, False]
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["doc_id"] for e in events] == ["a"]
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["line"] for e in errors] == [2, 3]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 4 and summary["failed"] == 2 and summary["events"] == 1


def test_trained_name_recogniser_is_an_option():
    out = cli("extract", SIMPLIFIED, "--published", "2025-12-05", "--names", "model", "--format", "json")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    [event] = record["events"]
    assert event["company"]["name"] == "云帆智能"
    assert {"澄湖资本", "松涧创投"} <= {p["name"] for p in event["investors"]}


def test_batch_with_the_trained_name_recogniser(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": SIMPLIFIED.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    out = cli("batch", corpus, "--output", tmp_path / "out", "--names", "model", "--workers", "1")
    assert out.returncode == 0, out.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["names"] == "model" and summary["events"] == 1


def test_train_events_explains_itself_and_refuses_a_missing_data_folder(tmp_path):
    out = cli("train", "events", "--help")
    assert out.returncode == 0 and b"--cv-only" in out.stdout
    out = cli("train", "events", "--data", tmp_path / "nothing")
    assert out.returncode == 2 and b"not found under" in out.stderr and b"Traceback" not in out.stderr


def test_table_shows_a_dateline_without_a_year_as_written(tmp_path):
    article = tmp_path / "dateline.txt"
    article.write_text("【星河讯】8月16日消息，云帆智能获投250万美元种子轮融资。\n", encoding="utf-8")
    out = cli("extract", article, "--format", "table")
    assert out.returncode == 0, out.stderr
    assert "disclosed: 8月16日" in out.stdout.decode("utf-8")
