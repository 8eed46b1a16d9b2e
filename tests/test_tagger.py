"""The party tagger: decoding, the model files, training end to end on invented data,
and its place in the pipeline (its companies fill clauses where the rules name none)."""
from __future__ import annotations

import json
import re

import pytest

from nlp.document import Document
from nlp.events import tagger
from nlp.pipeline import Pipeline
from nlp.train import tagger as training

DECODE = [
    # labels, spans (role, start, end)
    (["O", "B-CO", "I-CO", "O"], [("CO", 1, 3)]),
    (["B-CO", "I-CO", "B-INV", "I-INV"], [("CO", 0, 2), ("INV", 2, 4)]),
    (["I-INV", "I-INV", "O"], [("INV", 0, 2)]),  # an I- without its B- still starts a span
    (["B-CO", "I-INV"], [("CO", 0, 1), ("INV", 1, 2)]),
    (["O", "O"], []),
    (["B-CO"], [("CO", 0, 1)]),
]


@pytest.mark.parametrize("labels, spans", DECODE)
def test_decode(labels, spans):
    got = tagger.decode(labels, [0.9] * len(labels), 10, "funding")
    assert [(t.role, t.start - 10, t.end - 10) for t in got] == spans
    assert all(t.event == "funding" and t.p == 0.9 for t in got)


NEW_NAMES = [
    # text, weak names found before (start, end), tagged span, what becomes a new name
    ("澜川芯片与星河汽车签署协议", [(0, 4), (5, 9)], (0, 9), []),  # two names joined by 与: those two
    ("澜川芯片、星河汽车签署协议", [(0, 4), (5, 9)], (0, 9), []),
    ("澜川芯片星河汽车签署协议", [(0, 4), (4, 8)], (0, 8), ["澜川芯片星河汽车"]),  # nothing joins them: one name
    ("澜川芯片科技签署协议", [(0, 4)], (0, 6), ["澜川芯片科技"]),  # the tagger's longer form of a weak name
]


@pytest.mark.parametrize("text, weak, span, names", NEW_NAMES)
def test_new_names_from_tagged_spans(text, weak, span, names):
    from nlp.entities.span import Entity

    found = [Entity("COMPANY", s, e, text[s:e], {"weak": True}) for s, e in weak]
    tagged = [tagger.Tagged("funding", "CO", span[0], span[1], 0.9)]
    assert [e.text for e in tagger.new_names(text, tagged, found)] == names


def test_features_cover_every_character_of_a_window():
    text = "星河智航完成2亿元A轮融资，由澄湖资本领投。"
    pipeline = Pipeline("all", "rules", party_tagger=False)
    found, words, clauses = pipeline.find_names(text, None, True)
    from nlp.entities.names import _word_tags

    units = list(tagger.units(text, clauses, words, found, _word_tags()))
    assert units and all(len(feats) == end - start for _, start, end, feats in units)
    assert {event for event, *_ in units} == {"funding"}


def test_a_long_clause_is_tagged_around_its_triggers():
    class Clause:
        start, end = 0, 1000

    class Trigger:
        start, end = 500, 502

    start, end = tagger.windows(Clause, [Trigger])
    assert end - start <= tagger.MAX_CHARS and start <= 500 and 502 <= end


def test_a_missing_model_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="zhfin train tagger"):
        tagger.PartyTagger(tmp_path)


def test_a_model_of_another_format_is_refused(tmp_path):
    (tmp_path / tagger.MODEL_FILE).write_bytes(b"x")
    (tmp_path / "card.json").write_text(json.dumps({"format": "something/9"}), encoding="utf-8")
    with pytest.raises(ValueError, match="zhfin.party_tagger/1"):
        tagger.PartyTagger(tmp_path)


def test_the_shipped_model_loads_and_is_named_in_the_provenance():
    record = Pipeline()(Document("d", "星河智航完成2亿元A轮融资。", published="2025-12-01"))
    assert record["provenance"]["models"]["tagger"]
    assert Pipeline(party_tagger=False).provenance["models"].get("tagger") is None


# --- training on invented data ------------------------------------------------------------

INVENTED = [
    ("p1", "澜星智航近日完成2亿元A轮融资，由澄湖资本领投。", "funding", "澜星智航", ["澄湖资本"]),
    ("p2", "据悉，云舟出行获得数千万元Pre-A轮融资，投资方为松涧创投。", "funding", "云舟出行", ["松涧创投"]),
    ("p3", "物流机器人公司极星嘉宣布完成1亿美元C轮融资。", "funding", "极星嘉", []),
    ("p4", "星澜医疗今日在港交所挂牌上市，发行价12港元。", "listing", "星澜医疗", []),
    ("p5", "今日截飞的星帆科工(2543)申购热潮空前。", "listing", "星帆科工", []),
    ("p6", "沪深两市融资余额为1.5万亿元，较上日增加20亿元。", None, None, []),
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    (root / "realnews_dev").mkdir()
    (root / "duee_fin").mkdir()
    with open(root / "realnews_dev" / "passages.jsonl", "w", encoding="utf-8") as f:
        for pid, text, etype, company, investors in INVENTED:
            gold = [{"type": etype, "company": company, "investors": investors}] if etype else []
            f.write(json.dumps({"id": pid, "text": text, "gold": gold, "must_not": [], "split": "train",
                                "genre": "vc", "publish_date": "2025-12-01"}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "blind1", "text": "晨曦科技完成1亿元B轮融资。", "gold": [], "must_not": [],
                            "split": "blind", "genre": "vc", "publish_date": None}, ensure_ascii=False) + "\n")
    with open(root / "duee_fin" / "train_partial.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "d1", "text": "星曜生物宣布完成5000万元天使轮融资，由红杉资本领投。",
                            "event_list": [{"event_type": "企业融资", "arguments": [
                                {"role": "被投资方", "argument": "星曜生物"},
                                {"role": "领投方", "argument": "红杉资本"}]}]}, ensure_ascii=False) + "\n")
    return root


@pytest.fixture()
def probe_dir(tmp_path, monkeypatch):
    """The project's probe sets, invented here: set 1 read whole, the others by their train half."""
    probes = tmp_path / "probes"
    probes.mkdir()
    rows = {"passages.jsonl": [("a", "probe")], "passages3.jsonl": [("b", "train"), ("c", "blind")],
            "passages2.jsonl": [("d", "probe2")], "passages8.jsonl": [("e", "probe")]}
    for name, items in rows.items():
        with open(probes / name, "w", encoding="utf-8") as f:
            for pid, split in items:
                f.write(json.dumps({"id": pid, "text": "澜星智航完成1亿元A轮融资。", "split": split, "genre": "vc",
                                    "gold": [{"type": "funding", "company": "澜星智航"}], "must_not": []},
                                   ensure_ascii=False) + "\n")
    monkeypatch.setattr(training, "PROBES", probes)
    return probes


def test_probe_sets_give_their_read_parts_only(data_dir, probe_dir):
    docs = training.documents(data_dir, log=lambda *a: None, sources=("probes",))
    assert sorted(d["doc"] for d in docs) == ["passages-a", "passages3-b"]  # no blind half, no unread set
    assert docs[0]["gold"] == {("funding", "CO", "澜星智航")}


def test_every_probe_set_kept_unread_is_left_out_of_training():
    """A probe set whose README says it is kept unread (measured on, totals only) gives the tagger nothing:
    it is in UNREAD_PROBES, or it has no train split at all."""
    for readme in sorted(training.PROBES.glob("README*.md")):
        if not re.search(r"(?<!not )kept unread", readme.read_text(encoding="utf-8")[:4000].lower()):
            continue
        passages = training.PROBES / readme.name.replace("README", "passages").replace(".md", ".jsonl")
        splits = {json.loads(line).get("split") for line in passages.read_text(encoding="utf-8").splitlines() if line}
        assert passages.name in training.UNREAD_PROBES or "train" not in splits, passages.name


def test_only_the_train_split_and_the_dev_part_are_read(data_dir, probe_dir):
    docs = training.documents(data_dir, log=lambda *a: None)
    assert {d["doc"] for d in docs} >= {"p1", "p2", "p3", "p4", "p5", "p6"}
    assert "blind1" not in {d["doc"] for d in docs}  # blind passages are never trained on


def test_labels_mark_every_occurrence_of_a_gold_party():
    labels = training._label("云帆智能完成融资。云帆智能", 0, 13, "funding", {("funding", "CO", "云帆智能")})
    assert labels[:4] == ["B-CO", "I-CO", "I-CO", "I-CO"] and labels[9:13] == ["B-CO", "I-CO", "I-CO", "I-CO"]
    assert training._label("云帆智能完成融资", 0, 8, "listing", {("funding", "CO", "云帆智能")}) == ["O"] * 8


def test_train_writes_a_model_the_pipeline_uses(data_dir, probe_dir, tmp_path):
    out = tmp_path / "model"
    result = training.train(data_dir, out, cv=False, log=lambda *a: None)
    assert result["windows"] >= 5 and (out / tagger.MODEL_FILE).exists()
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    assert card["format"] == tagger.FORMAT and card["trained_on"]["realnews"] == 6
    record = Pipeline("all", "rules", party_tagger=str(out))(Document("p1", INVENTED[0][1], published="2025-12-01"))
    assert [e["company"]["name"] for e in record["events"]] == ["澜星智航"]
    assert record["provenance"]["models"]["tagger"]


def test_the_train_command_rejects_unknown_sources(data_dir, capsys):
    with pytest.raises(SystemExit):
        training.main(["--data", str(data_dir), "--sources", "wikipedia"])
    assert "--sources" in capsys.readouterr().err


def test_a_lead_the_rules_name_is_never_the_tagger_s_company():
    """The tagger fills in a clause's company where the rules name none, but a name the rules found
    leading the round (X与Y联合领投) invests; a mere investor may still raise (the rules' investor cue is
    often wrong in DuEE-Fin, which cross-validation showed), unless it is a fund or an investment firm,
    which raises no round of its own."""
    from nlp.entities.span import Entity
    from nlp.events import types
    from nlp.events.assemble import _companies
    from nlp.events.candidate import Proposal

    funding = types.get("funding")
    text = "星拍档宣布完成A轮，星湖科技与松涧创投联合领投，星禾电子跟投。"
    ctx = Pipeline().analyse(Document("d", text)).context
    lead, investor = Entity("COMPANY", 10, 14, "星湖科技"), Entity("COMPANY", 24, 28, "星禾电子")
    rules = [Proposal(0, "funding", "lead_investors", lead), Proposal(0, "funding", "investors", investor)]
    assert _companies(ctx, rules + [Proposal(0, "funding", "company", lead, 0.9, "tagger")], funding) == []
    assert _companies(ctx, rules + [Proposal(0, "funding", "company", investor, 0.9, "tagger")], funding) == [investor]
    firm = Entity("COMPANY", 15, 19, "松涧创投")
    assert _companies(ctx, [Proposal(0, "funding", "company", firm, 0.9, "tagger")], funding) == []


def test_the_tagger_s_investors_fill_an_event_the_rules_give_none():
    """POLICY "fill" for investors: the tagger's investors of a clause are kept aside and used only where the
    rules gave the whole event no investor, after the events are known, so they never make an event one."""
    from nlp.entities.span import Entity
    from nlp.events import types
    from nlp.events.assemble import TAGGED, _fill
    from nlp.events.candidate import Candidate, Proposal
    from nlp.events.merge import _fill_learned

    text = "星拍档宣布完成A轮融资，松涧创投参与。"
    ctx = Pipeline().analyse(Document("d", text)).context
    company, firm, other = Entity("COMPANY", 0, 3, "星拍档"), Entity("COMPANY", 12, 16, "松涧创投"), \
        Entity("COMPANY", 0, 3, "星湖科技")
    tagged = Proposal(0, "funding", "investors", firm, 0.7, "tagger")

    alone = Candidate("funding", company, {0}, [(0, 11)])
    _fill(ctx, alone, [tagged], types.get("funding"))
    assert "investors" not in alone.args and alone.args[TAGGED + "investors"] == [firm]
    _fill_learned(alone)
    assert alone.args["investors"] == [firm] and TAGGED + "investors" not in alone.args

    with_rules = Candidate("funding", company, {0}, [(0, 11)])
    _fill(ctx, with_rules, [Proposal(0, "funding", "investors", other), tagged], types.get("funding"))
    _fill_learned(with_rules)
    assert with_rules.args["investors"] == [other]
