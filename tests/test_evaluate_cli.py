"""`zhfin evaluate` end to end, on invented gold: both gold formats, prediction files and
folders, running the pipeline itself, splits, the --errors refusal and bad input."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main
from nlp.evaluation import passages
from nlp.evaluation.splits import duee_split

FUNDING_TEXT = "云帆智能宣布完成5亿元B轮融资，由澄湖资本领投。"
LISTING_TEXT = "星河科技今日在港交所挂牌上市，股份代号02513。"
TRAD_TEXT = "港灣智醫完成3億元A輪融資，由紅杉中國領投。"
NEGATIVE_TEXT = "星河科技的融资余额增加2亿元。"

PASSAGES = [
    {"id": "p1", "split": "train", "genre": "vc", "publish_date": "2025-12-30", "text": FUNDING_TEXT, "must_not": [],
     "gold": [{"type": "funding", "company": "云帆智能", "amount": {"value": 5e8, "currency": "CNY"}, "round": "B轮",
               "lead_investors": ["澄湖资本"]}]},
    {"id": "p2", "split": "train", "genre": "hk-ipo", "publish_date": None, "text": LISTING_TEXT, "must_not": [],
     "gold": [{"type": "listing", "company": "星河科技", "exchange": "港交所", "ticker": "02513", "stage": "挂牌上市"}]},
    {"id": "p3", "split": "blind", "genre": "vc", "publish_date": "2025-12-30", "text": TRAD_TEXT, "must_not": [],
     "gold": [{"type": "funding", "company": "港灣智醫", "amount": {"value": 3e8, "currency": "CNY"}}]},
    {"id": "p4", "split": "train", "genre": "neg-finance", "publish_date": None, "text": NEGATIVE_TEXT, "gold": [],
     "must_not": [{"type": "funding", "company": "星河科技"}]},
]


def event(doc_id, etype, company, **fields):
    return {"schema": "zhfin.event/1", "doc_id": doc_id, "type": etype,
            "company": {"name": company, "mention": {"text": company, "start": 0, "end": len(company)}}, **fields}


EVENTS = [
    event("p1", "funding", "云帆智能", amount={"value": 5e8, "currency": "CNY", "text": "5亿元"},
          round={"name": "B", "text": "B轮"}, investors=[], lead_investors=[]),
    event("p2", "listing", "星河科技", stage="listed", exchange={"name": "香港联合交易所", "code": "HKEX", "text": "港交所"},
          ticker="2513.HK", milestones=[]),
    event("p4", "funding", "星河科技"),  # a must-not hit
    event("p3", "funding", "港湾智医", amount={"value": 3e8, "currency": "CNY", "text": "3億元"}),
]


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def evaluate(*args):
    return CliRunner().invoke(main, ["evaluate", *map(str, args)])


def figures(result):
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {part: (data[part]["tp"], data[part]["pred"], data[part]["gold"]) for part in ("events", "slots")}


@pytest.fixture
def gold(tmp_path):
    return write_jsonl(tmp_path / "passages.jsonl", PASSAGES)


@pytest.fixture
def events_file(tmp_path):
    return write_jsonl(tmp_path / "events.jsonl", EVENTS)


SPLIT_CASES = [
    # --split, events (tp, pred, gold), slots (tp, pred, gold)
    (None, (3, 4, 3), (6, 6, 7)),
    ("train", (2, 3, 2), (5, 5, 6)),
    ("blind", (1, 1, 1), (1, 1, 1)),
]


@pytest.mark.parametrize("split, events, slots", SPLIT_CASES)
def test_passages_from_an_events_file(gold, events_file, split, events, slots):
    args = ["--gold", gold, "--pred", events_file, "--json"] + (["--split", split] if split else [])
    assert figures(evaluate(*args)) == {"events": events, "slots": slots}


def test_passages_table_ends_with_the_maintainers_summary_line(gold, events_file):
    result = evaluate("--gold", gold, "--pred", events_file, "--split", "train", "--by-genre")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == ("events P 0.667 R 1.000 F1 0.800 | slots P 1.000 R 0.833 F1 0.909 | "
                         "must-not violations 1")
    assert [line.split()[1] for line in lines if line.startswith("genre")] == ["hk-ipo", "neg-finance", "vc"]


def test_by_slot_adds_a_line_per_field_before_the_summary_line(gold, events_file):
    result = evaluate("--gold", gold, "--pred", events_file, "--split", "train", "--by-slot")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.startswith("slot")) + 1 : -1]
    assert table and all(line.split()[0] in passages.VALUE_FIELDS + passages.PARTY_FIELDS for line in table)
    assert lines[-1].startswith("events P ")
    as_json = json.loads(evaluate("--gold", gold, "--pred", events_file, "--split", "train", "--by-slot",
                                  "--json").stdout)
    assert sum(f["tp"] for f in as_json["per_slot"].values()) == as_json["slots"]["tp"]


def test_a_passages_object_and_a_docs_file_and_a_folder_score_alike(tmp_path, gold, events_file):
    wrapped = tmp_path / "gold.json"
    wrapped.write_text(json.dumps({"passages": PASSAGES}, ensure_ascii=False, indent=1), encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    docs = [{"doc_id": p["id"], "events": [e for e in EVENTS if e["doc_id"] == p["id"]], "errors": []} for p in PASSAGES]
    write_jsonl(folder / "docs.jsonl", docs)
    expected = figures(evaluate("--gold", gold, "--pred", events_file, "--json"))
    assert figures(evaluate("--gold", wrapped, "--pred", events_file, "--json")) == expected
    assert figures(evaluate("--gold", gold, "--pred", folder / "docs.jsonl", "--json")) == expected
    assert figures(evaluate("--gold", gold, "--pred", folder, "--json")) == expected


def test_errors_on_train_name_misses_false_events_and_must_not_hits(gold, tmp_path):
    preds = write_jsonl(tmp_path / "e.jsonl", [event("p1", "funding", "澄湖资本"), event("p4", "funding", "星河科技")])
    result = evaluate("--gold", gold, "--pred", preds, "--split", "train", "--errors")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "missed: p1: funding 云帆智能" in lines and "missed: p2: listing 星河科技" in lines
    assert "false: p1: funding 澄湖资本" in lines
    assert "must-not: p4: funding 星河科技 (predicted 星河科技)" in lines
    assert not any(" p3:" in line for line in lines)  # the blind passage is not scored


@pytest.mark.parametrize("split", [None, "blind"])
def test_errors_refuse_the_blind_part(gold, events_file, split):
    result = evaluate("--gold", gold, "--pred", events_file, "--errors", *(["--split", split] if split else []))
    assert result.exit_code != 0
    assert "for measuring, not for reading errors" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_without_pred_it_runs_the_pipeline_as_batch_does(gold, tmp_path):
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["batch", str(gold), "--output", str(out), "--workers", "1"])
    assert run.exit_code == 0, run.stderr
    from_batch = figures(evaluate("--gold", gold, "--pred", out, "--json"))
    assert figures(evaluate("--gold", gold, "--json")) == from_batch
    assert from_batch["events"][0] >= 2  # the invented texts are easy
    assert figures(evaluate("--gold", gold, "--split", "blind", "--json")) == \
        figures(evaluate("--gold", gold, "--pred", out, "--split", "blind", "--json"))


# ---- DuEE-Fin -----------------------------------------------------------------------------

def ids_in(split: str, n: int) -> list[str]:
    return [i for i in (f"d{k}" for k in range(100)) if duee_split(i) == split][:n]


DEV, FROZEN = ids_in("dev", 2), ids_in("frozen", 1)


def duee_doc(doc_id, text, *args):
    return {"id": doc_id, "text": text, "event_list": [{"event_type": "企业融资",
                                                        "arguments": [{"role": r, "argument": a} for r, a in args]}]}


DUEE_GOLD = [duee_doc(DEV[0], FUNDING_TEXT, ("被投资方", "云帆智能"), ("融资金额", "5亿元"), ("领投方", "澄湖资本")),
             duee_doc(DEV[1], TRAD_TEXT, ("被投资方", "港灣智醫"), ("融资金额", "3億元")),
             duee_doc(FROZEN[0], TRAD_TEXT, ("被投资方", "港灣智醫"))]


@pytest.fixture
def duee_gold(tmp_path):
    return write_jsonl(tmp_path / "duee.jsonl", DUEE_GOLD)


def funding_f1(result):
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["企业融资"]["all"]


def test_duee_from_zhfin_events_a_duee_file_and_a_folder(duee_gold, tmp_path):
    zhfin = [event(DEV[0], "funding", "云帆智能", amount={"value": 5e8, "currency": "CNY", "text": "5亿元"},
                   investors=[], lead_investors=[])]
    events_file = write_jsonl(tmp_path / "events.jsonl", zhfin)  # once "not DuEE-Fin JSON lines: 'id'"
    duee_file = write_jsonl(tmp_path / "pred.jsonl", [{"id": DEV[0], "event_list": [
        {"event_type": "企业融资", "arguments": [{"role": "被投资方", "argument": "云帆智能"},
                                              {"role": "融资金额", "argument": "5亿元"}]}]}])
    folder = tmp_path / "out"
    folder.mkdir()
    write_jsonl(folder / "docs.jsonl", [{"doc_id": DEV[0], "events": zhfin}])
    for pred in (events_file, duee_file, folder):
        got = funding_f1(evaluate("--gold", duee_gold, "--pred", pred, "--json"))
        assert (got["tp"], got["pred"], got["gold"]) == (2, 2, 6)
        got = funding_f1(evaluate("--gold", duee_gold, "--pred", pred, "--split", "dev", "--json"))
        assert (got["tp"], got["pred"], got["gold"]) == (2, 2, 5)


def test_duee_errors_only_on_dev(duee_gold, tmp_path):
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": DEV[0], "event_list": [
        {"event_type": "企业融资", "arguments": [{"role": "被投资方", "argument": "云帆"}]}]}])
    refused = evaluate("--gold", duee_gold, "--pred", pred, "--errors")
    assert refused.exit_code != 0 and "frozen" in refused.stderr
    result = evaluate("--gold", duee_gold, "--pred", pred, "--errors", "--split", "dev")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"spurious: {DEV[0]}: 企业融资 被投资方 云帆" in lines
    assert f"missing: {DEV[1]}: 企业融资 融资金额 3億元" in lines
    assert not any(FROZEN[0] in line for line in lines)


def test_duee_without_pred_runs_the_pipeline(duee_gold):
    result = evaluate("--gold", duee_gold, "--split", "dev")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("DuEE-Fin gold: 2 of 3 documents (split dev), predictions from the pipeline")


# ---- bad input ----------------------------------------------------------------------------

BAD_CASES = [
    # what, arguments (file names are in the test's folder), a part of the message
    ("missing predictions", "--gold passages.jsonl --pred nothing.jsonl", "no such file"),
    ("missing gold", "--gold nothing.jsonl --pred events.jsonl", "no such file"),
    ("malformed line", "--gold passages.jsonl --pred malformed.jsonl", "malformed.jsonl:2: malformed JSON"),
    ("gold as predictions", "--gold passages.jsonl --pred passages.jsonl", "not predictions"),
    ("unknown gold", "--gold events.jsonl --pred events.jsonl", "not a gold file"),
    ("DuEE-Fin predictions for passages", "--gold passages.jsonl --pred duee_pred.jsonl", "carry no values"),
    ("a DuEE-Fin split on passages", "--gold passages.jsonl --pred events.jsonl --split dev", "train and blind"),
    ("genres of DuEE-Fin", "--gold duee.jsonl --pred duee_pred.jsonl --by-genre", "no genres"),
    ("names with predictions", "--gold passages.jsonl --pred events.jsonl --names model", "only without --pred"),
    ("an empty split", "--gold blind_only.jsonl --pred events.jsonl --split train", "no gold records"),
    ("not a batch output", "--gold passages.jsonl --pred empty_dir", "not a batch output folder"),
    ("mixed predictions", "--gold passages.jsonl --pred mixed.jsonl", "mixed.jsonl:2: not zhfin events"),
    ("a broken zhfin event", "--gold duee.jsonl --pred broken.jsonl", "not a zhfin event record"),
]


@pytest.mark.parametrize("what, args, message", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_is_one_line_and_nonzero(tmp_path, what, args, message):
    write_jsonl(tmp_path / "passages.jsonl", PASSAGES)
    write_jsonl(tmp_path / "duee.jsonl", DUEE_GOLD)
    write_jsonl(tmp_path / "blind_only.jsonl", [p for p in PASSAGES if p["split"] == "blind"])
    write_jsonl(tmp_path / "events.jsonl", EVENTS)
    write_jsonl(tmp_path / "duee_pred.jsonl", [{"id": DEV[0], "event_list": []}])
    write_jsonl(tmp_path / "mixed.jsonl", [EVENTS[0], {"id": "p1", "event_list": []}])
    write_jsonl(tmp_path / "broken.jsonl", [{"doc_id": DEV[0], "type": "listing", "company": {"name": "x"}}])
    (tmp_path / "malformed.jsonl").write_text(json.dumps(EVENTS[0], ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    result = evaluate(*(a if a.startswith("-") or a in ("dev", "train", "model") else tmp_path / a
                        for a in args.split()))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("field_name, prediction, shown", [
    ("valuation", {"valuation": {"value": 3.2e10, "currency": None, "text": "320亿", "start": 19, "end": 23}}, "32000000000.0"),
    ("amount", {"amount": {"value": 1.5e9, "currency": "USD", "text": "15亿美元", "start": 69, "end": 74}}, "1500000000.0 USD"),
    ("amount", {"type": "listing", "amount": None, "proceeds": {"value": 2e8, "currency": "HKD", "start": 3}}, "200000000.0 HKD"),
    ("ticker", {"ticker": {"code": "09876", "exchange": "HKEX", "start": 5}}, "09876"),
    ("round", {"round": None}, "-"),
])
def test_an_error_line_shows_the_predicted_value_not_its_offset(field_name, prediction, shown):
    from nlp.evaluation.report import _predicted

    assert _predicted(field_name, prediction) == shown
