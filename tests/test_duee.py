"""DuEE-Fin interchange: export of events, argument-level scoring, and the CLI round trip."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nlp.evaluation.duee_fin import score
from nlp.io.duee import STAGE_TO_DUEE, record_to_duee

from .helpers import ARTICLES, ROOT


def doc(doc_id, *events):
    return {"id": doc_id, "event_list": [{"event_type": t, "arguments": [{"role": r, "argument": a} for r, a in args]}
                                         for t, args in events]}


GOLD = [doc("d1", ("企业融资", [("被投资方", "云帆智能"), ("融资金额", "5亿元"), ("融资轮次", "B+")])),
        doc("d2", ("公司上市", [("上市公司", "芯衡微"), ("环节", "正式上市")]), ("股份回购", [("回购方", "X")]))]

SCORE_CASES = [
    # predictions, funding (tp, pred, gold), listing (tp, pred, gold)
    (GOLD, (3, 3, 3), (2, 2, 2)),
    ([], (0, 0, 3), (0, 0, 2)),
    ([doc("d1", ("企业融资", [("被投资方", "云帆智能"), ("融资金额", "5亿")]))], (1, 2, 3), (0, 0, 2)),
    ([doc("d9", ("企业融资", [("被投资方", "云帆智能")]))], (0, 0, 3), (0, 0, 2)),  # not in gold: ignored
    ([doc("d2", ("企业融资", [("被投资方", "芯衡微")]))], (0, 1, 3), (0, 0, 2)),  # wrong type
]


@pytest.mark.parametrize("pred, funding, listing", SCORE_CASES)
def test_score_counts_exact_argument_matches(pred, funding, listing):
    result = score(GOLD, pred)
    for etype, (tp, n_pred, n_gold) in (("企业融资", funding), ("公司上市", listing)):
        got = result[etype]["all"]
        assert (got["tp"], got["pred"], got["gold"]) == (tp, n_pred, n_gold)


def test_every_stage_maps_to_a_duee_step():
    assert set(STAGE_TO_DUEE.values()) <= {"筹备上市", "正式上市", "暂停上市", "终止上市"}
    assert STAGE_TO_DUEE["listed"] == "正式上市" and STAGE_TO_DUEE["withdrawn"] == "终止上市"


def test_export_uses_raw_surface_strings():
    import nlp

    record = nlp.extract("12月3日，云帆智能宣布完成5億元B+輪融資，由澄湖資本領投。", published="2025-12-30", doc_id="x")
    [event] = record_to_duee(record)["event_list"]
    args = {(a["role"], a["argument"]) for a in event["arguments"]}
    assert {("被投资方", "云帆智能"), ("融资金额", "5億元"), ("融资轮次", "B+"), ("领投方", "澄湖資本"),
            ("披露时间", "12月3日")} <= args


def test_batch_duee_then_evaluate(tmp_path):
    text = (ARTICLES / "funding_lead_follow.txt").read_text(encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold_doc = doc("a1", ("企业融资", [("被投资方", "云帆智能"), ("融资金额", "5亿元"), ("领投方", "澄湖资本")]))
    gold.write_text(json.dumps({**gold_doc, "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(ROOT / "cli.py"), "batch", str(gold), "--output", str(out),
                          "--duee", "--workers", "1"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    [line] = (out / "duee.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["id"] == "a1"
    run = subprocess.run([sys.executable, str(ROOT / "cli.py"), "evaluate", "--gold", str(gold),
                          "--pred", str(out / "duee.jsonl"), "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["企业融资"]["roles"]["领投方"]["f1"] == 1.0


@pytest.mark.parametrize("text, round_", [
    ("云帆智能完成5亿元B+轮融资。", "B+"),
    ("云帆智能完成新一轮5亿元融资。", None),
    ("云帆智能获得高瓴创投3亿元战略投资。", None),
])
def test_duee_rounds_are_named_rounds_only(text, round_):
    import nlp

    [event] = record_to_duee(nlp.extract(text, published="2025-12-30", doc_id="x"))["event_list"]
    rounds = [a["argument"] for a in event["arguments"] if a["role"] == "融资轮次"]
    assert rounds == ([round_] if round_ else [])


def test_a_listing_day_already_set_is_formal_listing_in_duee():
    import nlp

    record = nlp.extract("山东星纤集团股份有限公司股票将于2020年9月3日在上海证券交易所上市。", published="2020-09-01",
                         doc_id="x")
    [event] = record["events"]
    # the day is set: the listing, dated ahead (stage listed, its listing_date), 正式上市 in DuEE-Fin
    assert event["stage"] == "listed" and event["listing_date"]["start_date"] == "2020-09-03"
    [duee] = record_to_duee(record)["event_list"]
    assert {"role": "环节", "argument": "正式上市"} in duee["arguments"]


@pytest.mark.parametrize("text, step, time", [
    # a filing updated, the listing day set: 正式上市 on that day
    ("星川科技于美东时间10月25日更新了其向美国证券交易委员会递交的F-1招股文件，预计于11月5日在纳斯达克挂牌上市。",
     "正式上市", "11月5日"),
    # the date opens the sentence, another step (the hearing) comes before 将于…上市: no listing day
    ("7月16日，星川创新科技股份有限公司首发申请获创业板上市委员会通过，将于深交所创业板上市。", "筹备上市", "7月16日"),
])
def test_the_listing_day_and_the_step_in_duee(text, step, time):
    import nlp

    [duee] = record_to_duee(nlp.extract(text, published="2025-10-26", doc_id="x"))["event_list"]
    assert {"role": "环节", "argument": step} in duee["arguments"]
    assert [a["argument"] for a in duee["arguments"] if a["role"] == "事件时间"] == [time]


def test_the_news_day_that_dates_the_round_is_only_its_disclosure_time_in_duee():
    """12月3日，X宣布完成…: the round is dated that day, and DuEE-Fin calls the day 披露时间, not 事件时间."""
    import nlp

    record = nlp.extract("12月3日，云帆智能宣布完成5亿元B+轮融资。", published="2025-12-30", doc_id="x")
    [event] = record["events"]
    assert event["date"]["start_date"] == event["disclosed"]["start_date"] == "2025-12-03"
    [duee] = record_to_duee(record)["event_list"]
    assert [a["argument"] for a in duee["arguments"] if a["role"] in ("事件时间", "披露时间")] == ["12月3日"]
    assert {"role": "披露时间", "argument": "12月3日"} in duee["arguments"]


def test_a_past_round_is_left_out_of_duee_and_a_past_listing_kept():
    """DuEE-Fin annotates the round the news is about, not the rounds told as history; it does annotate
    listings told as history."""
    import nlp

    text = ("澜算云图近日完成8亿元B轮融资。公司2019年曾获红杉中国3000万元A轮投资。"
            "其母公司星河集团2015年在港交所上市。")
    record = nlp.extract(text, published="2025-09-16", doc_id="x")
    told = {(ev["type"], ev["company"]["name"], bool(ev.get("historical"))) for ev in record["events"]}
    assert ("funding", "澜算云图", True) in told and ("listing", "星河集团", True) in told
    duee = record_to_duee(record)["event_list"]
    amounts = [a["argument"] for ev in duee for a in ev["arguments"] if a["role"] == "融资金额"]
    assert amounts == ["8亿元"]
    assert [ev["event_type"] for ev in duee].count("公司上市") == 1


@pytest.mark.parametrize("text, exported", [
    # new shares bought to take control: DuEE-Fin's 企业收购, still a zhfin funding event
    ("澜轩高科公告，拟向澄岳汽车非公开发行2亿股股票，募资24亿元，发行完成后澄岳汽车将成为公司第一大股东。", False),
    ("澜轩高科公告，拟向澄岳汽车非公开发行2亿股股票，募资24亿元，用于扩充产能。", True),
])
def test_shares_bought_to_take_control_leave_the_duee_funding_export(text, exported):
    import nlp

    record = nlp.extract(text, published="2025-04-21", doc_id="x")
    assert [ev["type"] for ev in record["events"]] == ["funding"]
    assert bool(record_to_duee(record)["event_list"]) is exported
