"""`zhfin view` and `zhfin report` end to end on invented articles: every piece of input
text escaped (markup and quotes in a text and in an id), the marked text reading exactly
as the raw text, a batch folder's text read back from its input or from docs.jsonl, the
one-line --keep-text message, and the report's charts. The browser check is in
test_view_browser.py."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from nlp.cli import main
from nlp.review import report, svg

from .review_corpus import CORPUS, HOSTILE_ID, SCRIPT, make_batch, with_text_in_docs

ARTICLE = (f'{SCRIPT}12月2日，星桥机器人宣布完成3亿元A轮融资，本轮由"远山资本"领投，\'青禾创投\'跟投，'
           "<b>募集资金</b>将用于研发。\n\n第二段 & 结束。")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return make_batch(tmp_path_factory.mktemp("review"))


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], prog_name="zhfin")
    return result


class TextOfPage(HTMLParser):
    """The characters inside each div.text, less the labels the view adds (span.lab, span.role);
    and whether any element came from the input (a script, a b)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.tags, self._depth, self._skip = [], set(), 0, 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        classes = (dict(attrs).get("class") or "").split()
        if self._depth:
            self._depth += 1
            if self._skip or "lab" in classes or "role" in classes:
                self._skip += 1
        elif tag == "div" and "text" in classes:
            self._depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if self._skip:
                self._skip -= 1

    def handle_data(self, data):
        if self._depth and not self._skip:
            self.texts[-1] += data


def parsed(page: str) -> TextOfPage:
    parser = TextOfPage()
    parser.feed(page)
    return parser


def assert_escaped(page: str) -> None:
    assert "<script" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;zhfin&quot;)&lt;/script&gt;" in page


# ---- one article ------------------------------------------------------------------------------

def test_view_of_an_article_marks_its_text_and_escapes_everything(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "page.html"
    result = run("view", article, "--input-format", "txt", "--published", "2025-12-05", "--output", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert_escaped(html)
    doc = parsed(html)
    assert doc.texts == [ARTICLE]  # the marks add labels, never change or lose a character
    assert doc.tags.isdisjoint({"script", "b", "link", "img", "iframe"})
    assert 'class="card funding' in html and "星桥机器人" in html
    assert "300,000,000 CNY" in html  # the normalised amount beside its words
    assert "E1 lead_investor" in html and 'title="confidence' in html
    assert "1 document(s), 1 event(s)" in result.output


def test_view_of_an_article_without_events_says_so(tmp_path):
    article = tmp_path / "calm.txt"
    article.write_text("今天天气晴朗，员工在公园里散步。", encoding="utf-8")
    result = run("view", article, "--output", tmp_path / "p.html")
    assert result.exit_code == 0
    assert "no events found" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_view_refuses_doc_for_an_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("今天天气晴朗。", encoding="utf-8")
    result = run("view", article, "--doc", "x", "--output", tmp_path / "p.html")
    assert result.exit_code == 2 and "--doc needs a batch output folder" in result.output


# ---- a batch folder ---------------------------------------------------------------------------

def test_view_of_a_folder_reads_the_text_back_from_the_input(out, tmp_path):
    page = tmp_path / "page.html"
    result = run("view", out, "--output", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert_escaped(html)
    assert "x&quot;&lt;b&gt;1" in html  # the id, escaped
    with_events = [r for r in CORPUS if r["id"] in ("f1", "l1", HOSTILE_ID, "h2")]
    assert parsed(html).texts == [r["text"] for r in with_events]
    assert html.count('<section class="box doc"') == 4
    assert "4 document(s)" in result.output and "--keep-text" not in result.output


def test_view_doc_chooses_documents_and_names_a_missing_one(out, tmp_path):
    result = run("view", out, "--doc", "l1", "--doc", "n1", "--output", tmp_path / "p.html")
    assert result.exit_code == 0
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert html.count('<section class="box doc"') == 2 and "no events found" in html
    result = run("view", out, "--doc", "nosuch", "--output", tmp_path / "q.html")
    assert result.exit_code == 1 and "no document nosuch" in result.output


def test_view_all_and_limit(out, tmp_path):
    result = run("view", out, "--all", "--limit", "2", "--output", tmp_path / "p.html")
    assert result.exit_code == 0
    assert "showing 2 of 6 documents; --limit or --doc to choose" in result.output


def _moved(out, tmp_path):
    """A copy of the batch folder whose input is gone."""
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    docs = [json.loads(line) for line in (copy / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    (copy / "docs.jsonl").write_text("".join(json.dumps({**d, "source": f"gone.jsonl:{i}"}, ensure_ascii=False) + "\n"
                                             for i, d in enumerate(docs, 1)), encoding="utf-8")
    return copy


def test_view_without_text_says_in_one_line_that_the_folder_needs_keep_text(out, tmp_path):
    copy = _moved(out, tmp_path)
    result = run("view", copy, "--output", tmp_path / "p.html")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "--keep-text" in line]
    assert len(lines) == 1 and "run zhfin batch again with --keep-text" in lines[0]
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert 'class="card funding' in html and not parsed(html).texts  # cards, no text


def test_view_uses_the_text_batch_keep_text_stored(out, tmp_path):
    copy = _moved(out, tmp_path)
    with_text_in_docs(copy)
    result = run("view", copy, "--doc", HOSTILE_ID, "--output", tmp_path / "p.html")
    assert result.exit_code == 0 and "--keep-text" not in result.output
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert_escaped(html)
    assert parsed(html).texts == [CORPUS[2]["text"]]


def test_view_of_no_folder_and_no_file(tmp_path):
    result = run("view", tmp_path, "--output", tmp_path / "p.html")
    assert result.exit_code == 1 and "not a batch output folder (no docs.jsonl)" in result.output


# ---- the report -------------------------------------------------------------------------------

def test_report_of_a_folder(out, tmp_path):
    page = tmp_path / "report.html"
    result = run("report", out, "--output", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 4  # per month, investors, listings, failures
    assert "events per month" in html and ">2025-11<" in html and ">2025-12<" in html
    assert "funding · equity" in html and ">listing<" in html
    assert ">远山资本<" in html  # in two rounds: the top investor
    assert "largest equity rounds in CNY" in html and "2,000,000,000 CNY" in html
    assert ">SSE<" in html and ">HKEX<" in html and ">filed<" in html and ">listed<" in html
    assert "failures by reason" in html and ">empty text<" in html
    # self-contained: nothing fetched, no script
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert html.replace('xmlns="http://www.w3.org/2000/svg"', "").count("http") == 0


def test_report_of_a_folder_without_failures_or_listings(tmp_path):
    (tmp_path / "docs.jsonl").write_text("", encoding="utf-8")
    page = tmp_path / "r.html"
    assert run("report", tmp_path, "--output", page).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "no document failed" in html and "nothing to show" in html


def test_months_become_years_over_a_long_span():
    stats = report.Stats()
    stats.by_month["2015-03"]["listing"] = 1
    stats.by_month["2025-12"]["listing"] = 2
    periods, counts = report._months(stats.by_month)
    assert periods[0] == "2015" and periods[-1] == "2025" and counts["2025"]["listing"] == 2
    stats.by_month.pop("2015-03")
    stats.by_month["2025-10"]["listing"] = 1
    assert report._months(stats.by_month)[0] == ["2025-10", "2025-11", "2025-12"]


def test_bar_charts_escape_their_labels():
    chart = svg.bars(['<b>"x"</b>', "y"], [("a&b", [1, 2]), ("c", [0, 3])], title="<t>", horizontal=True)
    assert "<b>" not in chart and "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in chart and "a&amp;b" in chart
    assert chart.count("<rect") == 3 + 2  # three bars, two legend keys
    assert "nothing to show" in svg.bars([], [], title="t")
