"""The user's own names (--lexicon), triggers (--triggers) and name model (--ner-model):
the file formats and their errors, what they change in the events (on invented text),
that they reach the segmenter without leaking into other pipelines, and the command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nlp
from nlp import userdata
from nlp.document import Document
from nlp.segment import tokenizer

from .helpers import ROOT

LEXICON = ("name\ttype\taliases\n"
           "# invented brands the rules cannot see, and an investor without 资本 in its name\n"
           "小鹿叮叮\tCOMPANY\t叮叮宠物\n"
           "阿喵\tCOMPANY\n"
           "鹿鳴雲\tCOMPANY\tLumiCloud\n"
           "星火远景\tINVESTOR\t\n"
           "萌宠协会\tORG\n")
TRIGGERS = ("event\tstage\tpattern\tphrase\n"
            "funding\t-\t\t新一轮资金\n"
            "listing\tlisted\t首日(?:交易|亮相)\t\n")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user")
    (folder / "names.tsv").write_text(LEXICON, encoding="utf-8")
    (folder / "triggers.tsv").write_text(TRIGGERS, encoding="utf-8")
    return folder


def summary(record: dict) -> list[tuple]:
    return [(e["type"], e.get("stage"), e["company"]["name"], sorted(i["name"] for i in e.get("investors", [])))
            for e in record["events"]]


def run(text: str, **files) -> list[tuple]:
    return summary(nlp.load(**files)(Document("d", text, "2025-06-01")))


# text, events without the lexicon, events with it
LEXICON_CASES = [
    pytest.param("据悉，小鹿叮叮近来获得了5000万元A轮融资，投资方为青禾资本。",
                 [], [("funding", None, "小鹿叮叮", ["青禾资本"])], id="a missed brand becomes the company"),
    pytest.param("据悉，小鹿叮叮股份有限公司本周获得了5000万元A轮融资。",
                 [], [("funding", None, "小鹿叮叮股份有限公司", [])], id="its legal form joins it"),
    pytest.param("叮叮宠物近来获得了5000万元A轮融资。", [], [("funding", None, "叮叮宠物", [])], id="an alias"),
    # the party tagger finds this one too (since stop 24); that the traditional entry matches: the entity test below
    pytest.param("据悉，鹿鸣云本周获得了5000万元A轮融资。", [("funding", None, "鹿鸣云", [])],
                 [("funding", None, "鹿鸣云", [])], id="a traditional entry matches simplified text"),
    # the name recogniser reads an event clause that names no party: it finds these Latin names too
    pytest.param("据悉，LumiCloud本周获得了5000万元A轮融资。",
                 [("funding", None, "LumiCloud", [])], [("funding", None, "LumiCloud", [])], id="a Latin alias"),
    pytest.param("据悉，LumiClouds本周获得了5000万元A轮融资。", [("funding", None, "LumiClouds", [])],
                 [("funding", None, "LumiClouds", [])], id="a Latin name only as a whole word"),
    pytest.param("猫粮阿喵获青禾资本2亿元投资。", [("funding", None, "猫粮阿喵", ["青禾资本"])],
                 [("funding", None, "阿喵", ["青禾资本"])], id="a mis-bound guess gives way"),
    pytest.param("星火远景出资1亿元，萌爪爪科技完成A轮融资。", [("funding", None, "萌爪爪科技", [])],
                 [("funding", None, "萌爪爪科技", ["星火远景"])], id="an INVESTOR name invests"),
    pytest.param("星火远景完成萌爪爪科技1亿元A轮融资。", [("funding", None, "星火远景", [])],
                 [("funding", None, "萌爪爪科技", ["星火远景"])], id="an INVESTOR name is never the company"),
]


@pytest.mark.parametrize("text, without, with_lexicon", LEXICON_CASES)
def test_lexicon_names_win_over_the_built_in_guesses(files, text, without, with_lexicon):
    assert run(text) == without
    assert run(text, lexicon=files / "names.tsv") == with_lexicon


def test_a_traditional_lexicon_entry_names_the_simplified_text(files):
    def company(**lexicon):
        record = nlp.load(**lexicon)(Document("d", "据悉，鹿鸣云本周获得了5000万元A轮融资。", "2025-06-01"))
        return next((e["text"], e["value"]) for e in record["entities"] if e["label"] == "COMPANY")
    assert company() == ("鹿鸣云", None)
    assert company(lexicon=files / "names.tsv") == ("鹿鸣云", {"canonical": "鹿鸣云"})


def test_lexicon_entities_carry_the_users_label_and_canonical_name(files):
    record = nlp.load(lexicon=files / "names.tsv")(Document("d", "叮叮宠物与萌宠协会签约。"))
    assert [(e["label"], e["text"], e["value"]) for e in record["entities"]] == [
        ("COMPANY", "叮叮宠物", {"canonical": "小鹿叮叮"}), ("ORG", "萌宠协会", {"canonical": "萌宠协会"})]


TRIGGER_CASES = [
    pytest.param("云鲸智能本周锁定1亿元新一轮资金，红杉中国出资。", [("funding", None, "云鲸智能", ["红杉中国"])],
                 id="a funding phrase"),
    pytest.param("萌爪爪科技股份有限公司今日在港交所首日交易，股票代码02391。",
                 [("listing", "listed", "萌爪爪科技股份有限公司", [])], id="a listing pattern with its stage"),
]


@pytest.mark.parametrize("entities", ["all", "events"])
@pytest.mark.parametrize("text, expected", TRIGGER_CASES)
def test_user_triggers_find_events_the_built_in_ones_miss(files, text, expected, entities):
    assert run(text) == []
    assert run(text, triggers=files / "triggers.tsv", entities=entities) == expected


# --- the files and their errors -------------------------------------------------------------

BAD_LEXICONS = [
    ("name\ttype\n小鹿叮叮\tFRIEND\n", 2, "type 'FRIEND' is not one of COMPANY, ORG, INVESTOR"),
    ("name\ttype\n\n# a comment\n鹿\tCOMPANY\n", 4, "'鹿' is too short"),
    ("name\ttype\taliases\n小鹿叮叮\tCOMPANY\n阿喵\tCOMPANY\t小鹿叮叮\n", 3, "'小鹿叮叮' is already listed for 小鹿叮叮 on line 2"),
    ("name\ttype\n小鹿叮叮\tCOMPANY\textra\n", 2, "3 fields, the header has 2"),
    ("name\ttype\n\tCOMPANY\n", 2, "column 'name' is empty"),
    ("name\tkind\n小鹿叮叮\tCOMPANY\n", 1, "the header row must name the columns name, type, [aliases]"),
]
BAD_TRIGGERS = [
    ("event\tpattern\nmerger\t并购\n", 2, "event 'merger' is not one of funding, listing"),
    ("event\tstage\tpattern\nfunding\tlisted\t融到\n", 2, "stage 'listed' is not one of -, attach, debt, placement"),
    ("event\tpattern\tphrase\nfunding\t融到\t融到\n", 2, "give a pattern or a phrase"),
    ("event\tpattern\nfunding\t融到(\n", 2, "pattern does not compile"),
    ("event\tpattern\nfunding\t(?:融到)?\n", 2, "pattern matches the empty string"),
]


@pytest.mark.parametrize("kind, content, line, message",
                         [("lexicon", *case) for case in BAD_LEXICONS] + [("triggers", *case) for case in BAD_TRIGGERS])
def test_a_bad_row_names_its_file_and_line(tmp_path, kind, content, line, message):
    path = tmp_path / f"{kind}.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(userdata.UserDataError) as caught:
        userdata.load(**{kind: path})
    assert str(caught.value).startswith(f"{path}:{line}: ") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_empty_or_undecodable_file_is_an_error(tmp_path):
    (tmp_path / "empty.tsv").write_text("# only a comment\n", encoding="utf-8")
    (tmp_path / "gbk.tsv").write_bytes("name\ttype\n小鹿叮叮\tCOMPANY\n".encode("gbk"))
    with pytest.raises(userdata.UserDataError, match="empty"):
        userdata.load(lexicon=tmp_path / "empty.tsv")
    with pytest.raises(userdata.UserDataError, match="not UTF-8"):
        userdata.load(lexicon=tmp_path / "gbk.tsv")
    with pytest.raises(userdata.UserDataError, match="no spaCy model"):
        userdata.load(ner_model=tmp_path)


def test_the_built_in_files_load_as_user_files():
    """The formats are those of nlp/resources: a user may start from a copy."""
    names, _ = userdata.read_lexicon(ROOT / "nlp" / "resources" / "known_names.tsv")
    rules, _ = userdata.read_triggers(ROOT / "nlp" / "resources" / "event_triggers.tsv")
    assert len(names) > 500 and len(rules) > 50


def test_user_data_is_plain_data_for_the_cache_and_the_workers(files):
    import pickle

    user = userdata.load(files / "names.tsv", files / "triggers.tsv")
    assert userdata.load(files / "names.tsv", files / "triggers.tsv") == user
    assert pickle.loads(pickle.dumps(user)) == user
    assert nlp.load(lexicon=files / "names.tsv") is nlp.load(lexicon=files / "names.tsv")
    assert nlp.load() is nlp.load("all", "rules") and nlp.load().user is None


# --- the segmenter, without leaks ------------------------------------------------------------

def test_the_lexicon_reaches_jieba_only_while_its_pipeline_runs(files):
    base = tokenizer.jieba_tokenizer()
    assert "小鹿叮叮" not in tokenizer.segment("小鹿叮叮宣布")
    user = userdata.load(files / "names.tsv")
    with userdata.using(user):
        assert tokenizer.segment("小鹿叮叮宣布")[0] == "小鹿叮叮"
        assert tokenizer.jieba_tokenizer() is not base
    assert tokenizer.jieba_tokenizer() is base and not base.FREQ.get("小鹿叮叮")
    # a pipeline with the lexicon, then one without: the second sees nothing of it
    text = "据悉，小鹿叮叮近来获得了5000万元A轮融资。"
    assert run(text, lexicon=files / "names.tsv") and run(text) == []


def test_the_record_path_with_user_data_imports_no_spacy(files):
    code = ("import json, sys, nlp\n"
            f"nlp.load(lexicon={str(files / 'names.tsv')!r}, triggers={str(files / 'triggers.tsv')!r})"
            "(nlp.document.Document('d', '据悉，小鹿叮叮近来获得了5000万元A轮融资。'))\n"
            "print(json.dumps([m for m in ('spacy', 'jieba.posseg') if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == []


def test_a_name_model_of_ones_own(files):
    model = ROOT / "models" / "ner"
    pipeline = nlp.load(ner_model=model)
    assert pipeline.names == "model" and pipeline.provenance["options"]["user"]["ner_model"] == str(model.resolve())
    assert pipeline.provenance["models"]["ner"]
    record = pipeline(Document("d", "红杉资本领投了云帆智能的B轮融资。"))
    assert {e["text"] for e in record["entities"] if e["label"] == "COMPANY"} >= {"红杉资本"}


# --- the command line ---------------------------------------------------------------------

ARTICLE = ("宠物硬件新品牌再获资本青睐\n\n"
           "据悉，宠物智能硬件品牌小鹿叮叮近来获得了5000万元A轮融资，投资方为青禾资本。"
           "小鹿叮叮表示，资金将用于新品研发。\n")


def cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_cli_a_lexicon_name_turns_a_missed_event_into_a_found_one(files, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    without = cli("extract", article, "--format", "jsonl", "--published", "2025-06-01")
    assert without.returncode == 0 and without.stdout.strip() == "", without.stderr
    found = cli("extract", article, "--format", "jsonl", "--published", "2025-06-01", "--lexicon", files / "names.tsv")
    assert found.returncode == 0, found.stderr
    [event] = [json.loads(line) for line in found.stdout.splitlines()]
    assert event["company"]["name"] == "小鹿叮叮" and [i["name"] for i in event["investors"]] == ["青禾资本"]
    assert event["amount"]["value"] == 5e7 and event["round"]["name"] == "A"


def test_cli_a_bad_file_is_one_line_and_a_usage_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "names.tsv"
    bad.write_text("name\ttype\n小鹿叮叮\tCOMPANY\n阿喵\tFRIEND\n", encoding="utf-8")
    for command in (["extract", article], ["batch", article, "--output", tmp_path / "out"]):
        out = cli(*command, "--lexicon", bad)
        assert out.returncode == 2 and out.stderr.strip().splitlines() == [
            f"Error: {bad}:3: type 'FRIEND' is not one of COMPANY, ORG, INVESTOR"]


def test_cli_batch_workers_use_the_users_files(files, tmp_path):
    corpus = tmp_path / "news.jsonl"
    rows = [{"id": "a", "text": ARTICLE, "published": "2025-06-01"},
            {"id": "b", "text": "云鲸智能本周锁定1亿元新一轮资金，红杉中国出资。", "published": "2025-06-01"},
            {"id": "c", "text": "今天天气很好。"}]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = cli("batch", corpus, "--output", tmp_path / "out", "--workers", "2", "--no-progress",
              "--lexicon", files / "names.tsv", "--triggers", files / "triggers.tsv")
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text("utf-8").splitlines()]
    assert sorted((e["doc_id"], e["company"]["name"]) for e in events) == [("a", "小鹿叮叮"), ("b", "云鲸智能")]
    options = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))["provenance"]["options"]
    assert set(options["user"]) == {"lexicon", "triggers"} and len(options["user"]["lexicon"]["sha256"]) == 16
