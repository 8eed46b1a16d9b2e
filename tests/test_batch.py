"""Batch runs at scale: every input document exactly once, bad input inside a
corpus, kill -9 and resume, all input kinds, and the Dask engine."""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from .helpers import ROOT

COMPANIES = ["云帆智能", "星河动力", "蓝鲸科技", "青禾生物", "北辰芯片", "银杉医疗", "飞鸟机器人", "晨曦能源"]
INVESTORS = ["红杉中国", "高瓴资本", "启明创投", "经纬创投", "深创投"]
ROUNDS = ["天使轮", "A轮", "B轮", "B+轮", "C轮", "Pre-IPO轮"]
TEMPLATES = [
    "{c}宣布完成{n}亿元{r}融资，由{i}领投。",
    "{c}今日披露，已获得{n}千万元{r}投资，投资方为{i}。",
    "{c}于12月{d}日在港交所挂牌上市，募资{n}亿港元。",
    "今天天气晴朗，{c}的员工在公园里散步，股市平稳。",
]


def corpus_lines(n: int, seed: int = 7) -> list[str]:
    """Synthetic news lines written for these tests (no dataset records)."""
    rng = random.Random(seed)
    lines = []
    for k in range(n):
        text = rng.choice(TEMPLATES).format(c=rng.choice(COMPANIES), i=rng.choice(INVESTORS),
                                            r=rng.choice(ROUNDS), n=rng.randint(1, 9), d=rng.randint(1, 28))
        lines.append(json.dumps({"id": f"n{k % 50}", "content": text, "pub_date": "2025-12-05"},
                                ensure_ascii=False))
    return lines


def write_corpus(path, n: int) -> None:
    path.write_text("\n".join(corpus_lines(n)) + "\n", encoding="utf-8")


def cli(*args, stdin: bytes | None = None, **kw):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], input=stdin,
                          capture_output=True, **kw)


def read_jsonl(path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"{path.name} ends with a partial line"
    return [json.loads(line) for line in text.splitlines()]  # every line parses


def assert_exactly_once(out, n_input: int, corpus) -> list[dict]:
    docs = read_jsonl(out / "docs.jsonl")
    sources = [d["source"] for d in docs]
    assert sorted(sources) == sorted(f"{corpus}:{k}" for k in range(1, n_input + 1))
    events = read_jsonl(out / "events.jsonl")
    assert len(events) == sum(len(d["events"]) for d in docs)  # no event of an unfinished document
    assert [e["event_id"] for e in events] == [e["event_id"] for d in docs for e in d["events"]]
    errors = read_jsonl(out / "errors.jsonl")
    assert len(errors) == sum(bool(d["errors"]) for d in docs)
    return docs


def test_bad_input_inside_a_corpus_becomes_error_records(tmp_path):
    good = corpus_lines(4)
    rows = [
        good[0].encode(),                                              # 1 good
        b'{"id": "m", "content": "unterminated',                       # 2 malformed JSON
        json.dumps({"id": "x", "body_html": "<p>没有文本字段</p>"}, ensure_ascii=False).encode(),  # 3 no text field
        json.dumps({"id": "e", "content": "   "}).encode(),            # 4 empty text
        json.dumps({"id": "big", "content": "融" + "x" * 20_000_000}).encode(),  # 5 a 20 MB line: never parsed
        b"\x00\x01\x02\x89PNG\r\x1a\xff\xfe\x00junk",                  # 6 binary junk
        b'{"id": "u", "content": "\xe8\xb5\xe8 bad utf-8"}',            # 7 invalid UTF-8
        good[1].encode(),                                              # 8 good
        b"",                                                           # blank lines are not documents
        good[2].encode(),                                              # 10 good
        b'{"id":"d","content":"x","a":' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # 11 nested too deep
        '{"id": "x\\ud800", "content": "云帆智能"}'.encode(),           # 12 an id with a lone surrogate: fine
        json.dumps({"id": "long", "content": "融" * 1_100_000}, ensure_ascii=False).encode(),  # 13 too many characters
        json.dumps({"id": "hang", "content": "zhfin-fault:hang 融资"}).encode(),  # 14 never ends
        json.dumps({"id": "die", "content": "zhfin-fault:die 融资"}).encode(),    # 15 kills its worker
        good[3].encode(),                                              # 16 good
    ]
    corpus = tmp_path / "bad.jsonl"
    corpus.write_bytes(b"\n".join(rows) + b"\n")
    out = tmp_path / "out"
    faults = {**os.environ, "ZHFIN_TEST_FAULTS": "1"}
    args = ("batch", corpus, "--output", out, "--workers", "1", "--chunk-size", "3", "--max-chars", "1000000")
    run = cli(*args, "--doc-timeout", "1", env=faults)
    assert run.returncode == 3, run.stderr  # a worker was lost
    assert b"Traceback" not in run.stderr and b"worker process(es) died" in run.stderr
    docs = read_jsonl(out / "docs.jsonl")
    assert [int(d["source"].rsplit(":", 1)[1]) for d in docs] == [k for k in range(1, 17) if k != 9]
    failed = {2, 3, 4, 5, 6, 7, 11, 13, 14, 15}
    assert [bool(d["errors"]) for d in docs] == [k in failed for k in range(1, 17) if k != 9]
    assert docs[10]["doc_id"] == "x\ud800"  # read back as given
    errors = read_jsonl(out / "errors.jsonl")
    assert [(e["line"], e["reason"]) for e in errors] == [
        (2, "malformed JSON"), (3, "no text field"), (4, "empty text"), (5, "too large"),
        (6, "invalid UTF-8"), (7, "invalid UTF-8"), (11, "too deep"), (13, "too large"), (14, "timeout"),
        (15, "worker lost")]
    assert all(e["error"] and e["source"].endswith(f":{e['line']}") for e in errors)
    assert [e["doc_id"] for e in errors][-2:] == ["hang", "die"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 15 and summary["failed"] == 10 and summary["workers_lost"] == 1
    assert summary["failures_by_reason"] == {"invalid UTF-8": 2, "too large": 2, "malformed JSON": 1,
                                             "no text field": 1, "empty text": 1, "too deep": 1, "timeout": 1,
                                             "worker lost": 1}
    assert summary["chars_per_second"] > 0 and summary["documents_per_second"] > 0

    again = cli(*args, "--resume", env=faults)  # resume gets past every bad line: nothing left to do
    assert again.returncode == 1, again.stderr  # documents failed; no worker lost this time
    assert read_jsonl(out / "docs.jsonl") == docs
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["processed"] == 0


def test_kill_9_in_mid_run_then_resume_yields_every_document_once(tmp_path):
    n = 400
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, n)
    out = tmp_path / "out"
    args = [sys.executable, str(ROOT / "cli.py"), "batch", str(corpus), "--output", str(out),
            "--workers", "2", "--chunk-size", "4"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    docs_path = out / "docs.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if docs_path.exists() and docs_path.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers
    proc.wait()
    done = docs_path.read_bytes().count(b"\n")
    assert 0 < done < n, "the run was not killed in mid-run"
    # as if the kill had cut writes short: a partial docs line, an event of an unfinished document
    with open(out / "events.jsonl", "ab") as f:
        f.write(b'{"schema":"zhfin.event/1","event_id":"orphan","doc_id":"n1"}\n')
    with open(docs_path, "ab") as f:
        f.write(b'{"doc_id":"n9","source":"')

    resumed = cli("batch", corpus, "--output", out, "--workers", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    docs = assert_exactly_once(out, n, corpus)
    assert not any(d["errors"] for d in docs)
    assert "orphan" not in (out / "events.jsonl").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == n and summary["resumed"] == done and summary["processed"] == n - done
    assert summary["events"] == sum(len(d["events"]) for d in docs) > 0


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path):
    n = 300
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, n)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "batch", str(corpus), "--output", str(out),
                             "--workers", "1", "--chunk-size", "4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    docs_path = out / "docs.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if docs_path.exists() and docs_path.stat().st_size > 0:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (130, 0), err  # 0: it had finished before the signal arrived
    assert b"Traceback" not in err
    read_jsonl(docs_path)  # what is written stays valid
    if proc.returncode == 130:
        assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["interrupted"] is True
    resumed = cli("batch", corpus, "--output", out, "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert_exactly_once(out, n, corpus)


def test_folders_gzip_and_stdin_are_inputs(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("云帆智能宣布完成5亿元B轮融资，由红杉中国领投。", encoding="utf-8")
    (folder / "sub" / "b.html").write_text("<html><body><p>星河动力获得3亿元C轮融资。</p></body></html>",
                                           encoding="utf-8")
    (folder / "sub" / "skip.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "sub" / "empty.txt").write_bytes(b"")
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(corpus_lines(3)) + "\n")
    stdin = "\n".join(corpus_lines(2, seed=3)).encode("utf-8")
    out = tmp_path / "out"
    run = cli("batch", folder, "-", "--output", out, "--workers", "1", "--doc-timeout", "0", stdin=stdin)  # in process
    assert run.returncode == 1, run.stderr  # the empty file
    docs = read_jsonl(out / "docs.jsonl")
    assert [d["source"] for d in docs] == [
        str(folder / "a.txt"), *(f"{folder / 'more.jsonl.gz'}:{k}" for k in (1, 2, 3)),
        str(folder / "sub" / "b.html"), str(folder / "sub" / "empty.txt"), "-:1", "-:2"]
    errors = read_jsonl(out / "errors.jsonl")
    assert [(e["source"], e["reason"]) for e in errors] == [(str(folder / "sub" / "empty.txt"), "empty input")]
    assert {e["doc_id"] for e in read_jsonl(out / "events.jsonl")} >= {"a", "b"}


def test_missing_input_is_one_line_error(tmp_path):
    run = cli("batch", tmp_path / "nope.jsonl", "--output", tmp_path / "out")
    assert run.returncode != 0
    assert b"no such file" in run.stderr and b"Traceback" not in run.stderr


def test_dask_engine_on_a_local_cluster_equals_the_local_engine(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, 20)
    local = cli("batch", corpus, "--output", tmp_path / "local", "--workers", "1")
    assert local.returncode == 0, local.stderr
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        run = cli("batch", corpus, "--output", tmp_path / "dask", "--engine", "dask",
                  "--scheduler", cluster.scheduler_address, "--chunk-size", "3")
        assert run.returncode == 0, run.stderr
    for name in ("docs.jsonl", "events.jsonl", "errors.jsonl"):
        assert read_jsonl(tmp_path / "dask" / name) == read_jsonl(tmp_path / "local" / name)
    summaries = [json.loads((tmp_path / d / "summary.json").read_text(encoding="utf-8")) for d in ("local", "dask")]
    keep = ("documents", "events", "failed", "failures_by_reason")
    assert [{k: s[k] for k in keep} for s in summaries] == [{k: summaries[0][k] for k in keep}] * 2
    assert summaries[1]["engine"] == "dask" and summaries[1]["workers"] == 2
