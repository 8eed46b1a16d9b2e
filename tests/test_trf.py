"""The accurate mode (nlp/trf): a tiny BERT built here (random weights, a vocabulary of the
characters below), trained two steps by `zhfin train trf`, then used by `extract --model
accurate`. No download, no real weights. The tests that need torch and transformers skip
where they are not installed (CI installs .[test] only; pip install "zhfin[trf]" runs them);
the default path's imports and the missing-model error are tested everywhere."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    ("星河科技宣布完成2亿元B轮融资，由红杉中国领投，高瓴资本跟投。", "星河科技", ["红杉中国", "高瓴资本"]),
    ("云帆智能完成1亿元A轮融资，投资方为Sequoia Capital。", "云帆智能", ["Sequoia Capital"]),
    ("蓝海生物今日在科创板上市，发行价为20元。", "蓝海生物", []),
]
UNSEEN = "月光能源完成3亿元C轮融资，由启明创投领投。"


def _tiny_base(folder: Path) -> Path:
    """A 1-layer BERT with a vocabulary of a few hundred characters, saved as a Hugging Face checkpoint."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    chars = sorted(set("".join(s for s, _, _ in SENTENCES) + UNSEEN + "融资上市公司集团股份有限投资领跟宣布完成亿元万美"
                       "人民币轮天使战略港交所深沪北京上海深圳杭州南京成都武汉0123456789abcdefghijklmnopqrstuvwxyz"
                       "，。、；：（）()《》“”"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused1]", "[unused2]"] + chars + \
        ["##" + c for c in "abcdefghijklmnopqrstuvwxyz"]
    folder.mkdir(parents=True)
    BertTokenizerFast(vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=False).save_pretrained(folder)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=256)
    BertModel(config).save_pretrained(folder)
    return folder


def _tiny_data(folder: Path) -> Path:
    """realnews_dev (train split) and DuEE-Fin files in the shared data layout, invented sentences only."""
    from nlp.evaluation.splits import duee_split

    (folder / "realnews_dev").mkdir(parents=True)
    (folder / "duee_fin").mkdir()
    passages = [{"id": f"p{i}", "text": text, "publish_date": "2025-12-30", "split": "train",
                 "gold": [{"type": "listing" if "上市" in text else "funding", "company": company,
                           "investors": investors}]}
                for i, (text, company, investors) in enumerate(SENTENCES)]
    (folder / "realnews_dev" / "passages.jsonl").write_text(
        "\n".join(json.dumps(p, ensure_ascii=False) for p in passages) + "\n", encoding="utf-8")
    doc_id = next(f"d{i}" for i in range(100) if duee_split(f"d{i}") == "dev")
    duee = {"id": doc_id, "text": SENTENCES[0][0], "event_list": [
        {"event_type": "企业融资", "arguments": [{"role": "被投资方", "argument": "星河科技"},
                                            {"role": "领投方", "argument": "红杉中国"}]}]}
    (folder / "duee_fin" / "train_partial.jsonl").write_text(json.dumps(duee, ensure_ascii=False) + "\n",
                                                            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    pytest.importorskip("torch", reason="the accurate mode needs torch: pip install 'zhfin[trf]'")
    pytest.importorskip("transformers", reason="the accurate mode needs transformers: pip install 'zhfin[trf]'")
    from nlp.cli import main
    from nlp.train import tagger as party

    tmp = tmp_path_factory.mktemp("trf")
    base, data, out = _tiny_base(tmp / "base"), _tiny_data(tmp / "data"), tmp / "model"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(party, "PROBES", tmp / "no_probes")  # the repository's probe sets are not this test's data
        result = CliRunner().invoke(main, ["train", "trf", "--base", str(base), "--data", str(data), "--out", str(out),
                                           "--max-steps", "2", "--batch-size", "2", "--device", "cpu", "--finner", "0"])
    assert result.exit_code == 0, result.output
    return out


def _article(tmp_path: Path, text: str = UNSEEN) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_training_writes_a_pickle_free_model_with_its_card(trained):
    files = {p.name for p in trained.iterdir()}
    assert {"model.safetensors", "config.json", "zhfin.json", "README.md", "tokenizer.json"} <= files
    assert not [f for f in files if f.endswith((".bin", ".pt", ".pkl"))]
    config = json.loads((trained / "zhfin.json").read_text(encoding="utf-8"))
    assert config["format"] == "zhfin.trf_tagger/1" and config["markers"] == ["[unused1]", "[unused2]"]
    assert config["training"]["steps"] == 2 and config["training"]["trained_on"] == {"realnews": 3, "duee": 1}
    card = (trained / "README.md").read_text(encoding="utf-8")
    assert "licence" in card and "git-ignored" in card and "| steps | 2 of 2 planned" in card and "hardware" in card


def test_extract_with_the_accurate_model(trained, tmp_path):
    from nlp.cli import main

    result = CliRunner().invoke(main, ["extract", str(_article(tmp_path)), "--model", "accurate",
                                       "--model-dir", str(trained), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["provenance"]["options"]["model"] == "accurate" and record["provenance"]["models"]["trf"]
    [event] = record["events"]
    assert event["company"]["name"] == "月光能源" and event["amount"]["value"] == 3e8


def test_batch_with_the_accurate_model(trained, tmp_path):
    from nlp.cli import main

    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": "n1", "text": UNSEEN}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(source), "--output", str(tmp_path / "out"), "--workers", "1",
                                       "--doc-timeout", "0", "--no-progress", "--model", "accurate",
                                       "--model-dir", str(trained), "--quantize", "int8"])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in (tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["provenance"]["options"]["model"] == "accurate" and record["provenance"]["options"]["quantize"] == "int8"
    assert [e["company"]["name"] for e in record["events"]] == ["月光能源"]


def test_the_accurate_tagger_reads_trigger_windows_only(trained):
    """With min_p 0 the untrained model tags something; every span lies in a trigger clause's window,
    investors only in funding windows, and the trf proposer proposes them."""
    from nlp.document import Document
    from nlp.events import proposers
    from nlp.pipeline import Pipeline
    from nlp.trf import TrfOptions
    from nlp.trf import encode as enc
    from nlp.trf.model import TrfTagger

    config = json.loads((trained / "zhfin.json").read_text(encoding="utf-8"))
    (trained / "zhfin.json").write_text(json.dumps({**config, "min_p": 0.0}), encoding="utf-8")
    try:
        text = "今天天气很好，大家都很开心。" + SENTENCES[0][0] + SENTENCES[2][0]
        pipeline = Pipeline(trf=TrfOptions(str(trained)), party_tagger=False)
        pipeline._trf_tagger = lambda: TrfTagger(trained)  # not the cached one: min_p changed
        ctx = pipeline.analyse(Document("d", text)).context
        wins = enc.windows(ctx.clauses)
        assert ctx.trf_tagged and {w.event for w in wins} == {"funding", "listing"}
        for t in ctx.trf_tagged:
            assert any(w.event == t.event and w.start <= t.start < t.end <= w.end for w in wins)
            assert t.role in ("CO", "INV") and (t.role == "CO" or t.event == "funding")
            assert t.start >= len("今天天气很好，大家都很开心。")
        from nlp.events import analyse_clauses

        assert any(p.source == "trf" for p in proposers.propose(ctx, analyse_clauses(ctx)))
    finally:
        (trained / "zhfin.json").write_text(json.dumps(config), encoding="utf-8")


def test_int8_quantised_model_tags_as_the_float_one_runs(trained):
    from nlp.pipeline import Pipeline
    from nlp.trf import TrfOptions
    from nlp.document import Document

    record = Pipeline(trf=TrfOptions(str(trained), quantize="int8"))(Document("d", UNSEEN))
    assert record["provenance"]["options"]["quantize"] == "int8"
    assert [e["company"]["name"] for e in record["events"]] == ["月光能源"]


def test_labels_survive_the_wordpieces(trained):
    """Character labels -> token labels -> spans gives the gold spans back, Latin words included."""
    from transformers import AutoTokenizer

    from nlp.events import clauses
    from nlp.train.tagger import _label
    from nlp.trf import encode as enc

    tokenizer = AutoTokenizer.from_pretrained(trained)
    config = json.loads((trained / "zhfin.json").read_text(encoding="utf-8"))
    encoder = enc.Encoder(tokenizer, config)
    text, company, investors = SENTENCES[1]
    gold = {("funding", "CO", company)} | {("funding", "INV", i) for i in investors}
    [w] = enc.windows(clauses.split(text))
    [e] = encoder.encode(text, [w])
    labels = enc.token_labels(e, _label(text, w.start, w.end, w.event, gold), w.start)
    rows = [[1.0 if k == max(lab, 0) else 0.0 for k in range(len(enc.LABELS))] for lab in labels]
    spans = enc.decode(e, rows, w.event)
    assert {(t.role, text[t.start:t.end]) for t in spans} == {("CO", company), ("INV", "Sequoia Capital")}
    marked = [tokenizer.convert_ids_to_tokens(i) for i in e.ids]
    assert marked.count("[unused1]") == marked.count("[unused2]") >= 1  # the trigger is marked


def test_missing_model_is_one_line_saying_how_to_build_it(tmp_path):
    result = subprocess.run([sys.executable, "cli.py", "extract", str(_article(tmp_path)), "--model", "accurate",
                             "--model-dir", str(tmp_path / "nowhere")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "zhfin train trf" in result.stderr and "ZHFIN_TRF_MODEL" in result.stderr


def test_missing_model_in_the_python_api(tmp_path, monkeypatch):
    import nlp
    from nlp.trf import TrfUnavailable

    monkeypatch.setenv("ZHFIN_TRF_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(TrfUnavailable, match="zhfin train trf"):
        nlp.load(model="accurate")


def test_the_default_path_imports_no_torch(tmp_path):
    code = ("import sys; from nlp.cli import main\n"
            "try:\n    main(['extract', sys.argv[1], '--format', 'jsonl'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, str(_article(tmp_path))], capture_output=True, text=True,
                            cwd=ROOT)
    assert "月光能源" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_the_accelerator_benchmark_times_a_shape_with_random_weights(tmp_path, monkeypatch, capsys):
    """benchmarks/trf_accelerator.py: a random-weight model of a shape, with the base's tokenizer, is trained by
    the recipe and timed; its output is one JSON line of figures per shape and news file."""
    pytest.importorskip("torch", reason="the accurate mode needs torch: pip install 'zhfin[trf]'")
    pytest.importorskip("transformers", reason="the accurate mode needs transformers: pip install 'zhfin[trf]'")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import trf_accelerator

    from nlp.train import tagger as party

    monkeypatch.setattr(party, "PROBES", tmp_path / "no_probes")
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps({"text": s}, ensure_ascii=False) + "\n" for s, _, _ in SENTENCES),
                    encoding="utf-8")
    base = _tiny_base(tmp_path / "base")
    assert trf_accelerator.main(["--tokenizer", str(base), "--data", str(_tiny_data(tmp_path / "data")),
                                 "--news", str(news), "--shape", "tiny", "--max-steps", "1", "--docs", "3"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["tiny"]
    assert figures["steps"] == 1 and figures["windows"] == 4  # one per passage and one of the DuEE-Fin document
    speed = figures["speed"]["news.jsonl"]
    assert speed["none"]["event_mode_doc_chars_per_s"] > 0 and speed["pipeline fast"]["chars_per_s"] > 0
