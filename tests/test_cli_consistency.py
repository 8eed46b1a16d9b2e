"""The command line as one tool: every command under click with help and an example for
every option, hints that name `zhfin`, `zhfin info` and the provenance it shares with
summary.json and docs.jsonl, `batch --keep-text`, the table's wording (no events,
evidence without pinyin glosses) and evaluate's micro-average."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import nlp
from nlp.cli import main

from .helpers import ROOT
from .test_tagger import data_dir  # noqa: F401  (the invented training data, a fixture)


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], capture_output=True, text=True)


def commands(group: click.Group, path=("zhfin",)):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield " ".join((*path, name)), command


# ---- help and examples ----------------------------------------------------------------------

ALL_COMMANDS = dict(commands(main))


def test_the_commands_are_all_click_commands():
    assert {"zhfin extract", "zhfin batch", "zhfin evaluate", "zhfin export", "zhfin info", "zhfin train ner",
            "zhfin train events", "zhfin train tagger"} <= set(ALL_COMMANDS)
    for name, command in ALL_COMMANDS.items():
        # no argument passed through to another parser (the train commands once used argparse)
        assert not command.context_settings.get("ignore_unknown_options"), name
        assert command.help and "Example" in command.help, f"{name}: no help with examples"


@pytest.mark.parametrize("name", sorted(ALL_COMMANDS))
def test_every_option_has_help_with_an_example(name):
    lacking = [option.opts[0] for option in ALL_COMMANDS[name].params
               if isinstance(option, click.Option) and not option.hidden
               and not re.search(r"Example|e\.g\.", option.help or "")]
    assert not lacking, f"{name}: options without help or an example: {', '.join(lacking)}"


@pytest.mark.parametrize("command", ["train ner", "train events", "train tagger", "export", "info"])
def test_help_runs(command):
    result = CliRunner().invoke(main, [*command.split(), "--help"], prog_name="zhfin")
    assert result.exit_code == 0 and f"Usage: zhfin {command}" in result.output


def test_hints_name_zhfin():
    """Examples and messages say `zhfin …`; `python cli.py` is only named as what runs it from a clone."""
    sources = [p for p in (ROOT / "nlp").rglob("*.py")]
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "python cli.py" in line:
                assert "from a clone" in line, f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
    out = cli("train", "events", "--data", ROOT / "no-such-folder")
    assert out.returncode == 2 and "Usage: zhfin train events" in out.stderr


def test_train_modules_take_the_same_options(tmp_path):
    from nlp.train import stage, tagger

    with pytest.raises(SystemExit) as exit_:
        tagger.main(["--help"])
    assert exit_.value.code == 0
    with pytest.raises(SystemExit) as exit_:
        stage.main(["--data", str(tmp_path)])
    assert exit_.value.code == 2


def test_train_tagger_end_to_end_on_the_command_line(data_dir, tmp_path):
    from nlp.events import tagger

    result = CliRunner().invoke(main, ["train", "tagger", "--data", str(data_dir), "--out", str(tmp_path / "m"),
                                       "--no-cv"], prog_name="zhfin")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m" / tagger.MODEL_FILE).exists()


# ---- info and provenance ----------------------------------------------------------------------

def test_info_json_names_version_commit_models_and_packages():
    out = cli("info", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["zhfin"] == nlp.__version__ and data["schema"] == "zhfin.event/2"
    if (ROOT / ".git").exists():
        assert re.fullmatch(r"[0-9a-f]{40}", data["git"]["commit"])
    assert set(data["models"]) >= {"events/arguments", "events/listing_stage", "tagger", "ner"}
    for model in data["models"].values():
        assert re.fullmatch(r"[0-9a-f]{64}", model["sha256"]) and model["bytes"] > 0
    assert data["packages"]["spacy"] and data["packages"]["jieba"] and data["python"]["version"]
    text = cli("info").stdout
    assert text.startswith(f"zhfin {nlp.__version__}") and data["models"]["tagger"]["sha256"] in text


def test_info_outside_a_clone(tmp_path, monkeypatch):
    from nlp import info

    assert info.git_commit(tmp_path / "pkg") is None
    missing = info.models_info(tmp_path)
    assert missing == {name: None for name in info.model_paths()}


def test_batch_keeps_text_and_names_its_producer(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "a", "title": "云帆智能获融资", "text": "云帆智能宣布完成5亿元B轮融资，由澄湖资本领投。"},
                                 ensure_ascii=False) + "\n" + json.dumps({"id": "b", "text": ""}) + "\n",
                      encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "c.txt").write_bytes("星河科技今日在港交所挂牌上市，股份代号02513。".encode("gb18030"))
    out = cli("batch", corpus, folder, "--output", tmp_path / "out", "--keep-text", "--workers", "1")
    assert out.returncode == 1, out.stderr  # b failed
    docs = {d["doc_id"]: d for d in map(json.loads, (tmp_path / "out" / "docs.jsonl").read_text("utf-8").splitlines())}
    assert docs["a"]["text"] == "云帆智能获融资\n云帆智能宣布完成5亿元B轮融资，由澄湖资本领投。"
    assert docs["c"]["text"] == "星河科技今日在港交所挂牌上市，股份代号02513。"
    assert "text" not in docs["b"] and docs["b"]["errors"] == ["empty text"]
    for doc in docs.values():
        assert doc["producer"] == f"zhfin {nlp.__version__}"
        for event in doc["events"]:
            for mention in event["evidence"]:
                assert doc["text"][mention["start"]:mention["end"]] == mention["text"]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert summary["info"]["zhfin"] == nlp.__version__
    for name, short in summary["provenance"]["models"].items():
        assert summary["info"]["models"][name]["sha256"].startswith(short)
    plain = cli("batch", corpus, "--output", tmp_path / "plain", "--workers", "1")
    assert plain.returncode == 1
    first = json.loads((tmp_path / "plain" / "docs.jsonl").read_text("utf-8").splitlines()[0])
    assert "text" not in first


# ---- the table -------------------------------------------------------------------------------

TABLE_CASES = [
    # (article text, what the table shows, what it must not show)
    ("今天天气晴朗，员工在公园里散步。", ["no events found"], ["┏", "event(s)"]),
    ("云帆智能完成3亿(yì)元A轮融(róng)资(zī)，由澄湖资本领(lǐng)投。", ["完成3亿元A轮融资，由澄湖资本领投"], ["(yì)", "(lǐng)"]),
    ("云帆智能完成1亿元A轮融资[/b]，由澄湖资本领投[bold]。", ["融资[/b]，由澄湖资本领投[bold]"], []),  # text, not markup
]


@pytest.mark.parametrize("text, shown, hidden", TABLE_CASES)
def test_table(tmp_path, text, shown, hidden):
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "extract", str(article), "--format", "table"],
                         capture_output=True, text=True, env={"COLUMNS": "200", "PATH": ""})
    assert out.returncode == 0, out.stderr
    for s in shown:
        assert s in out.stdout
    for s in hidden:
        assert s not in out.stdout


def test_glosses_leave_the_offsets_raw(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TABLE_CASES[1][0], encoding="utf-8")
    record = json.loads(cli("extract", article, "--format", "json").stdout)
    evidence = record["events"][0]["evidence"][0]
    assert "(yì)" in evidence["text"] and TABLE_CASES[1][0][evidence["start"]:evidence["end"]] == evidence["text"]


# ---- evaluate: a micro-average ---------------------------------------------------------------

def test_evaluate_prints_a_micro_average(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [
        {"id": "d1", "text": "…", "event_list": [{"event_type": "企业融资", "arguments": [
            {"role": "被投资方", "argument": "云帆智能"}, {"role": "融资金额", "argument": "5亿元"}]}]},
        {"id": "d2", "text": "…", "event_list": [{"event_type": "公司上市", "arguments": [
            {"role": "上市公司", "argument": "星河科技"}]}]}]) + "\n", encoding="utf-8")
    pred = tmp_path / "events.jsonl"
    pred.write_text(json.dumps({"schema": "zhfin.event/2", "doc_id": "d1", "type": "funding",
                                "company": {"name": "云帆智能", "mention": {"text": "云帆智能", "start": 0, "end": 4}},
                                "amount": {"value": 5e8, "currency": "CNY", "text": "5亿元"}, "investors": [],
                                "lead_investors": []}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    micro = [line for line in result.stdout.splitlines() if line.startswith("all (micro-average)")]
    assert micro and micro[0].split()[-5:] == ["1.000", "0.667", "0.800", "3", "2"]
    as_json = json.loads(CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--pred", str(pred),
                                                   "--json"]).stdout)
    assert (as_json["micro"]["tp"], as_json["micro"]["gold"], as_json["micro"]["f1"]) == (2, 3, 0.8)
