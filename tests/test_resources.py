"""Data files against their declared columns (nlp/resources/validate.py): every lexicon and rule
corpus is valid, the validator reads what the loader reads, and a broken file fails naming its
file, line and column."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from nlp import resources
from nlp.resources import validate

TYPES = Path(__file__).resolve().parents[1] / "nlp" / "events" / "types"
RESOURCES = sorted(p for p in resources.HERE.iterdir() if p.suffix in (".tsv", ".txt"))
CORPORA = sorted(TYPES.glob("*.corpus.tsv"))


def test_there_are_files_to_check():
    assert len([p for p in RESOURCES if p.suffix == ".tsv"]) >= 14 and len(RESOURCES) >= 19 and len(CORPORA) >= 3


@pytest.mark.parametrize("path", RESOURCES + CORPORA, ids=lambda p: p.name)
def test_every_data_file_matches_its_declaration(path):
    assert validate.check(path) == []


@pytest.mark.parametrize("path", [p for p in RESOURCES if p.suffix == ".tsv"], ids=lambda p: p.name)
def test_the_validator_reads_the_rows_the_loader_returns(path):
    assert tuple(row for _, row in validate.read(path).rows) == resources.table(path.name)


TRIGGERS = "#! columns: event=enum(funding,listing) pattern=regex\n#! unique: event+pattern\nevent\tpattern\n"
ROLES = "#! columns: role=enum(lead,investor) pattern=regex(names)\nrole\tpattern\n"
VALUES = ("#! columns: surface=text value=number offset=int? day=date? aliases=list? expect=fields(round,amount)?\n"
          "surface\tvalue\toffset\tday\taliases\texpect\n")

BROKEN = [
    # what is wrong, the file, the one problem it must report (its start)
    ("regex that does not compile", TRIGGERS + "funding\t融资(?:额\n",
     "broken.tsv:4: column 'pattern': regex does not compile: missing ), unterminated subpattern"),
    ("too many fields", TRIGGERS + "funding\t融资\t获投\n", "broken.tsv:4: 3 fields, the header has 2"),
    ("too few fields", TRIGGERS + "funding\n", "broken.tsv:4: 1 fields, the header has 2"),
    ("value outside its enum", TRIGGERS + "merger\t并购\n",
     "broken.tsv:4: column 'event': 'merger' is not one of funding, listing"),
    ("regex that matches the empty string", TRIGGERS + "funding\t(?:融资)?\n",
     "broken.tsv:4: column 'pattern': regex matches the empty string"),
    ("named group where rows are joined", TRIGGERS + "funding\t(?P<x>融资)\n",
     "broken.tsv:4: column 'pattern': regex has named groups ['x'], the declaration says none"),
    ("the group the reader needs is missing", ROLES + "lead\t由(.+?)领投\n",
     "broken.tsv:3: column 'pattern': regex has named groups none, the declaration says names"),
    ("a unique key twice", TRIGGERS + "funding\t融资\nlisting\t融资\nfunding\t融资\n",
     "broken.tsv:6: column 'event+pattern': ('funding', '融资') again (first on line 4)"),
    ("an empty value where none is allowed", TRIGGERS + "funding\t\n",
     "broken.tsv:4: column 'pattern': empty (the declaration does not allow it: add '?')"),
    ("spaces around a value", TRIGGERS + "funding\t融资 \n", "broken.tsv:4: column 'pattern': spaces around the value"),
    ("not a number", VALUES + "亿\t1e8x\t\t\t\t\n", "broken.tsv:3: column 'value': '1e8x' is not a number"),
    ("nan is no number either", VALUES + "亿\tnan\t\t\t\t\n", "broken.tsv:3: column 'value': 'nan' is not a number"),
    ("a reference to no table", "#! columns: exchange=ref(markets.tsv:code)\nexchange\nHKEX\n",
     "broken.tsv:3: column 'exchange': ref(markets.tsv:code) names no column of a table beside this file"),
    ("not a whole number", VALUES + "昨天\t1\t-1.5\t\t\t\n", "broken.tsv:3: column 'offset': '-1.5' is not a whole number"),
    ("not an ISO date", VALUES + "今天\t1\t0\t2025-13-01\t\t\n",
     "broken.tsv:3: column 'day': '2025-13-01' is not an ISO date (YYYY-MM-DD)"),
    ("an empty item in a list", VALUES + "阿里\t1\t\t\t阿里巴巴||Alibaba\t\n",
     "broken.tsv:3: column 'aliases': an empty item in the list"),
    ("an item twice in a list", VALUES + "阿里\t1\t\t\t阿里巴巴|阿里巴巴\t\n",
     "broken.tsv:3: column 'aliases': an item twice in the list"),
    ("an unknown check", VALUES + "云帆\t1\t\t\t\tround=A;stage=listed\n",
     "broken.tsv:3: column 'expect': unknown key 'stage' (known: round, amount)"),
    ("a check that is not key=value", VALUES + "云帆\t1\t\t\t\tround A\n",
     "broken.tsv:3: column 'expect': 'round A' is not key=value"),
    ("a check twice", VALUES + "云帆\t1\t\t\t\tround=A; round=B\n", "broken.tsv:3: column 'expect': key 'round' given twice"),
    ("a header that is not the declaration", "#! columns: event=text pattern=regex\npattern\tevent\n融资\tfunding\n",
     "broken.tsv:2: the header ['pattern', 'event'] is not the declared columns ['event', 'pattern']"),
    ("no declaration", "event\tpattern\nfunding\t融资\n", "broken.tsv:1: no '#! columns:' declaration"),
    ("an unknown kind", "#! columns: event=word pattern=regex\nevent\tpattern\nfunding\t融资\n",
     "broken.tsv:1: column 'event': unknown kind 'word' (known: date, enum, fields, int, list, number, ref, regex, text)"),
    ("an enum without values", "#! columns: event=enum pattern=regex\nevent\tpattern\nfunding\t融资\n",
     "broken.tsv:1: column 'event': kind 'enum' needs its arguments: enum(…)"),
    ("arguments to a kind that takes none", "#! columns: event=text(a) pattern=regex\nevent\tpattern\nfunding\t融资\n",
     "broken.tsv:1: column 'event': kind 'text' takes no arguments"),
    ("a declaration it cannot read", "#! columns: event=text, pattern=regex\nevent\tpattern\nfunding\t融资\n",
     "broken.tsv:1: cannot read the declaration from here: 'event=text, pattern=regex'"),
    ("an unknown declaration", "#! colums: event=text\nevent\nfunding\n",
     "broken.tsv:1: unknown declaration '#! colums:' (known: columns, unique)"),
    ("unique names no column", "#! columns: event=text\n#! unique: events\nevent\nfunding\n",
     "broken.tsv:1: '#! unique:' names unknown columns ['events']"),
    ("a quote that csv reads as quoting", TRIGGERS + 'funding\t"融资"|获投\n',
     "broken.tsv:4: a quote character at the start of a field: csv would read it differently"),
]


@pytest.mark.parametrize("text, message", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_table_names_file_line_and_column(tmp_path, text, message):
    path = tmp_path / "broken.tsv"
    path.write_text(text, encoding="utf-8")
    problems = validate.check(path)
    assert len(problems) == 1 and problems[0].startswith(message), problems
    with pytest.raises(validate.InvalidFile, match="^broken.tsv:"):
        validate.rows(path)


def test_a_reference_to_another_table_must_name_one_of_its_values(tmp_path):
    (tmp_path / "exchanges.tsv").write_text("#! columns: code=text\ncode\nHKEX\nSSE\n", encoding="utf-8")
    (tmp_path / "boards.tsv").write_text("#! columns: exchange=ref(exchanges.tsv:code) board=text\n"
                                         "exchange\tboard\nHKEX\tmain\nHKGX\tGEM\n", encoding="utf-8")
    assert validate.check(tmp_path / "boards.tsv") == [
        "boards.tsv:4: column 'exchange': 'HKGX' is not a value of exchanges.tsv:code"]


def test_an_enum_value_may_hold_spaces(tmp_path):
    path = tmp_path / "boards.tsv"
    path.write_text("#! columns: board=enum(main,Global Select)\nboard\nGlobal Select\nGlobal\n", encoding="utf-8")
    assert validate.check(path) == ["boards.tsv:4: column 'board': 'Global' is not one of main, Global Select"]


WORDS = [
    # what is wrong, the word list, the problems
    ("a duplicate", "# titles\nCEO\n\nCFO\nCEO\n", ["titles.txt:5: 'CEO' again (first on line 2)"]),
    ("spaces around an entry", "CEO\n CFO\n", ["titles.txt:2: spaces around the entry 'CFO'"]),
    ("a blank entry", "CEO\n\u3000\nCFO\n", ["titles.txt:2: a blank entry (only spaces)"]),
    ("a tab inside an entry", "CEO\tCFO\n", ["titles.txt:1: a tab inside the entry 'CEO\tCFO' (one entry a line)"]),
    ("nothing wrong: comments and empty lines", "# titles\n\nCEO\n\n# more\nCFO\n", []),
]


@pytest.mark.parametrize("text, problems", [c[1:] for c in WORDS], ids=[c[0] for c in WORDS])
def test_a_word_list_names_its_bad_lines(tmp_path, text, problems):
    path = tmp_path / "titles.txt"
    path.write_text(text, encoding="utf-8")
    assert validate.check(path) == problems


def test_the_loader_refuses_a_row_with_a_wrong_field_count(tmp_path, monkeypatch):
    (tmp_path / "rounds.tsv").write_text("# named rounds\nsurface\tname\n天使轮\tangel\n种子轮\n", encoding="utf-8")
    monkeypatch.setattr(resources, "HERE", tmp_path)
    with pytest.raises(ValueError, match=r"^rounds.tsv:4: 1 fields, the header has 2$"):
        resources.table.__wrapped__("rounds.tsv")


# a value as a table may hold it: no tab or line break, no spaces around it, no quote opening it
VALUE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12).map(
    str.strip).filter(lambda v: v and not v.startswith(('"', "#")))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(VALUE, VALUE), min_size=1, max_size=6, unique_by=lambda r: r[0]))
def test_any_valid_table_reads_the_same_in_validator_and_loader(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("tables")
    body = "".join(f"{a}\t{b}\n" for a, b in rows)
    (folder / "t.tsv").write_text(f"#! columns: key=text value=text\n#! unique: key\nkey\tvalue\n{body}", encoding="utf-8")
    assert validate.check(folder / "t.tsv") == []
    original = resources.HERE  # not monkeypatch: hypothesis runs many examples in one test call
    try:
        resources.HERE = folder
        assert resources.table.__wrapped__("t.tsv") == tuple({"key": a, "value": b} for a, b in rows)
    finally:
        resources.HERE = original
    assert [row for _, row in validate.read(folder / "t.tsv").rows] == [{"key": a, "value": b} for a, b in rows]
