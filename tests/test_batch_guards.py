"""What must not stop (or corrupt) a whole corpus run: huge lines and seas of
blank lines in a .gz, file names that are not UTF-8, documents that never end,
workers that die, two runs into one folder, an earlier run's folder, a full disk.
End to end on real files; the exit codes are the ones `batch --help` lists."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .helpers import ROOT
from .test_batch import cli, corpus_lines, read_jsonl, write_corpus

FAULTS = {**os.environ, "ZHFIN_TEST_FAULTS": "1"}  # see nlp/batch/work.py: hang / die on cue


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert len(text.strip().splitlines()) == 1, text
    return text


def test_a_huge_line_and_a_sea_of_blank_lines_in_gzip(tmp_path):
    good = corpus_lines(2)
    with gzip.open(tmp_path / "huge.jsonl.gz", "wb", compresslevel=1) as f:
        f.write(b'{"id": "huge", "text": "' + b"x" * (64 << 20) + b'"}\n')  # read in bounded pieces, never whole
        f.write(good[0].encode() + b"\n")
        f.write(b"\n" * (16 << 20))  # passed over in C-speed runs
        f.write(good[1].encode() + b"\n")
    out = tmp_path / "out"
    run = cli("batch", tmp_path / "huge.jsonl.gz", "--output", out, "--workers", "1", "--max-chars", "100000")
    assert run.returncode == 1, run.stderr
    docs = read_jsonl(out / "docs.jsonl")
    assert [int(d["source"].rsplit(":", 1)[1]) for d in docs] == [1, 2, 3 + (16 << 20)]
    [error] = read_jsonl(out / "errors.jsonl")
    assert (error["line"], error["reason"], error["doc_id"]) == (1, "too large", "huge:1")


def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff.txt")  # Python holds the byte as the surrogate \udcff
    try:
        (folder / name).write_text("今天天气晴朗，股市平稳。", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes UTF-8 names only")
    (folder / "good.txt").write_text("星河动力获得3亿元C轮融资。", encoding="utf-8")
    out = tmp_path / "out"
    run = cli("batch", folder, "--output", out, "--workers", "1")
    assert run.returncode == 0, run.stderr
    docs = read_jsonl(out / "docs.jsonl")  # valid UTF-8 throughout
    assert [d["source"] for d in docs] == [str(folder / name), str(folder / "good.txt")]
    assert os.fsencode(docs[0]["source"]).endswith(b"bad\xff.txt")  # the name's bytes come back
    assert docs[0]["doc_id"] == "bad\udcff" and not docs[0]["errors"]
    resumed = cli("batch", folder, "--output", out, "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert read_jsonl(out / "docs.jsonl") == docs


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_over_the_time_budget_is_stopped_and_the_run_goes_on(tmp_path, workers):
    lines = corpus_lines(12)
    lines[4] = json.dumps({"id": "slow", "content": "zhfin-fault:hang 融资"})
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    run = cli("batch", corpus, "--output", out, "--workers", workers, "--chunk-size", "3",
              "--doc-timeout", "1", env=FAULTS)
    assert run.returncode == 1, run.stderr  # a failed document; no worker was lost by accident
    assert time.monotonic() - started < 30
    docs = read_jsonl(out / "docs.jsonl")
    assert [d["source"] for d in docs] == [f"{corpus}:{k}" for k in range(1, 13)]  # nothing else lost
    assert [bool(d["errors"]) for d in docs] == [k == 5 for k in range(1, 13)]
    [error] = read_jsonl(out / "errors.jsonl")
    assert (error["doc_id"], error["line"], error["reason"]) == ("slow", 5, "timeout")
    assert "1 s budget" in error["error"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["failures_by_reason"] == {"timeout": 1} and summary["workers_lost"] == 0


def test_workers_that_die_on_documents_are_replaced_each_time(tmp_path):
    corpus = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": f"die{k}", "content": "zhfin-fault:die"}) for k in range(8)] + corpus_lines(2)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run = cli("batch", corpus, "--output", out, "--workers", "2", "--chunk-size", "1", env=FAULTS)
    assert run.returncode == 3, run.stderr  # finished, but the machine lost workers: operational
    assert b"8 worker process(es) died" in run.stderr and b"Traceback" not in run.stderr
    docs = read_jsonl(out / "docs.jsonl")
    assert [bool(d["errors"]) for d in docs] == [True] * 8 + [False] * 2
    assert {e["reason"] for e in read_jsonl(out / "errors.jsonl")} == {"worker lost"}


def test_workers_that_cannot_start_stop_the_run_as_an_operational_failure(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, 3)
    out = tmp_path / "out"
    run = cli("batch", corpus, "--output", out, "--workers", "1", env={**os.environ, "ZHFIN_TEST_FAULTS": "start"})
    assert run.returncode == 3
    assert "worker processes keep dying" in one_line(run.stderr)
    assert read_jsonl(out / "docs.jsonl") == []  # what is written is valid, and resumable
    assert "keep dying" in json.loads((out / "summary.json").read_text(encoding="utf-8"))["stopped"]


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "slow", "content": "zhfin-fault:hang"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "batch", str(corpus), "--output", str(out),
                              "--workers", "1", "--doc-timeout", "60"], env=FAULTS, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lock = out / ".zhfin-batch.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = cli("batch", corpus, "--output", out, "--workers", "1", "--resume")
        assert second.returncode == 2
        assert f"another zhfin batch run is writing there (pid {first.pid})" in one_line(second.stderr)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    write_corpus(corpus, 3)  # the lock died with its run
    third = cli("batch", corpus, "--output", out, "--workers", "1", "--resume")
    assert third.returncode == 0, third.stderr
    assert len(read_jsonl(out / "docs.jsonl")) == 3


def test_an_earlier_run_is_neither_mixed_in_nor_lost_by_accident(tmp_path):
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "docs.jsonl").write_text('{"doc_id": "old", "source": "old.jsonl:1", "events": [], "errors": []}\n')
    (out / "notes.txt").write_text("mine")
    refused = cli("batch", corpus, "--output", out, "--workers", "1")
    assert refused.returncode == 2
    assert "not empty" in one_line(refused.stderr) and "--overwrite" in refused.stderr.decode()
    both = cli("batch", corpus, "--output", out, "--resume", "--overwrite")
    assert both.returncode == 2 and "exclude each other" in one_line(both.stderr)
    replaced = cli("batch", corpus, "--output", out, "--workers", "1", "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert [d["doc_id"] for d in read_jsonl(out / "docs.jsonl")] == ["n0", "n1", "n2"]
    assert (out / "notes.txt").read_text() == "mine"  # only a run's own files are replaced


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_an_operational_failure(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(corpus_lines(4) + ["{not json"]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "errors.jsonl").symlink_to("/dev/full")  # every write there: No space left on device
    run = cli("batch", corpus, "--output", out, "--workers", "1", "--resume")
    assert run.returncode == 3
    assert "No space left on device" in one_line(run.stderr)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert "errors.jsonl: No space left on device" in summary["stopped"]
    assert read_jsonl(out / "docs.jsonl") == []  # the chunk that could not be written is not marked done
