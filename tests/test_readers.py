"""Input intake: decoding, HTML extraction, single files, stdin and JSON-lines corpora.

All inputs are written here by hand (no dataset records), encoded with Python's codecs.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from nlp.document import Document, InputError
from nlp.io.readers import (
    decode,
    html_to_text,
    iter_duee,
    iter_jsonl,
    looks_like_html,
    read_path,
    read_stdin,
)

SHORT_SIMPLIFIED = "公司完成数亿元B轮融资。"  # 12 characters
SHORT_TRADITIONAL = "公司完成數億元B輪融資。"
LONG_SIMPLIFIED = (
    "据悉，星河科技于2025年12月30日宣布完成3亿元人民币B轮融资，本轮由红杉中国领投，"
    "高瓴资本、深创投跟投。\n公司表示，所募资金将主要用于研发投入和海外市场拓展。"
    "此前，公司曾于2023年获得数千万元A轮投资。\n另据消息，星河科技计划于2026年赴港交所上市，"
    "拟发行不超过1亿股，发行价区间为每股12至15港元。"
)
LONG_TRADITIONAL = (
    "據悉，星河科技於2025年12月30日宣佈完成3億元人民幣B輪融資，本輪由紅杉中國領投，"
    "高瓴資本、深創投跟投。\n公司表示，所募資金將主要用於研發投入和海外市場拓展。"
    "此前，公司曾於2023年獲得數千萬元A輪投資。\n另據消息，星河科技計劃於2026年赴港交所上市，"
    "擬發行不超過1億股，發行價區間為每股12至15港元。"
)

# (codec used to write, text, encoding name decode() must report)
ENCODING_CASES = [
    ("utf-8", SHORT_SIMPLIFIED, "utf-8"),
    ("utf-8", LONG_SIMPLIFIED, "utf-8"),
    ("utf-8-sig", SHORT_SIMPLIFIED, "utf-8-sig"),
    ("utf-8-sig", LONG_TRADITIONAL, "utf-8-sig"),
    ("utf-16", SHORT_SIMPLIFIED, "utf-16"),
    ("utf-16", LONG_SIMPLIFIED, "utf-16"),
    ("utf-16", LONG_TRADITIONAL, "utf-16"),
    ("gb18030", SHORT_SIMPLIFIED, "gb18030"),
    ("gb18030", LONG_SIMPLIFIED, "gb18030"),
    ("gbk", SHORT_SIMPLIFIED, "gb18030"),
    ("gbk", LONG_SIMPLIFIED, "gb18030"),
    ("gbk", LONG_TRADITIONAL, "gb18030"),  # GBK also covers traditional characters
    ("gb2312", SHORT_SIMPLIFIED, "gb18030"),
    ("big5", SHORT_TRADITIONAL, "big5"),
    ("big5", LONG_TRADITIONAL, "big5"),
    ("cp950", LONG_TRADITIONAL, "big5"),
]


@pytest.mark.parametrize("codec, text, expected", ENCODING_CASES)
def test_decode_round_trips(codec, text, expected):
    assert decode(text.encode(codec)) == (text, expected)


@pytest.mark.parametrize("codec, text, expected", ENCODING_CASES)
def test_read_path_round_trips(tmp_path, codec, text, expected):
    path = tmp_path / f"article_{codec}.txt"
    path.write_bytes(text.encode(codec))
    doc = read_path(path)
    assert isinstance(doc, Document)
    assert doc.raw_text == text
    assert doc.doc_id == f"article_{codec}"
    assert doc.source == str(path)
    assert doc.meta == {"format": "txt", "encoding": expected, "title": None}


SHORT_SENTENCES = [
    ("小米集团今日在港交所上市。", "gbk"),
    ("该公司拟募资不超过十亿元", "gbk"),
    ("红杉中国领投本轮融资", "gb18030"),
    ("科创板上市委审议通过", "gb18030"),
    ("美团点评宣布完成新一轮融资", "gbk"),
    ("小米集團今日在港交所上市。", "big5"),
    ("紅杉中國領投本輪融資", "big5"),
    ("這家初創企業估值已達百億", "big5"),
    ("科創板上市委審議通過", "big5"),
    ("蔚來汽車獲得戰略投資", "big5"),
]


@pytest.mark.parametrize("text, codec", SHORT_SENTENCES)
def test_short_sentences_are_not_misdetected(text, codec):
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    assert encoding == ("big5" if codec == "big5" else "gb18030")


def test_gbk_is_never_read_as_a_western_codepage():
    # Latin-1/cp1252 would "decode" these bytes without error, into garbage.
    data = "　　融资。".encode("gbk")
    text, encoding = decode(data)
    assert text == "　　融资。" and encoding == "gb18030"


def test_decode_strips_utf8_bom_only_once():
    assert decode(b"\xef\xbb\xbf" + "融资".encode()) == ("融资", "utf-8-sig")


def test_plain_ascii_is_utf8():
    assert decode(b"IPO on HKEX") == ("IPO on HKEX", "utf-8")


def _png_bytes() -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(500))


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "融资" * 50)
    return buf.getvalue()


def _random_binary() -> bytes:  # no magic number, NUL bytes somewhere
    rng = random.Random(3)
    return bytes(rng.randrange(256) for _ in range(2000))


def _control_heavy() -> bytes:  # not UTF-8, no NUL, many control bytes
    return bytes([0x01, 0x02, 0x03, 0x1B, 0x90, 0xFF] * 50)


BAD_INPUTS = [
    ("empty", b"", "empty input"),
    ("png", _png_bytes(), "binary data"),
    ("zip", _zip_bytes(), "binary data"),
    ("gzip", gzip.compress("融资".encode()), "binary data"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary data"),
    ("random", _random_binary(), "binary data"),
    ("controls", _control_heavy(), "binary data"),
    ("undecodable", bytes(range(0x80, 0x100)) * 3, "cannot decode"),
    ("stray-high-bytes", b"abc \x80\x80\x80 \xff def", "cannot decode"),
    ("bad-utf16", b"\xff\xfe\x00\xd8", "cannot decode"),
]


@pytest.mark.parametrize("label, data, reason", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_decode_rejects_bad_input_in_one_line(label, data, reason):
    with pytest.raises(InputError) as exc:
        decode(data, name="x.txt")
    message = str(exc.value)
    assert message.startswith("x.txt: ") and reason in message
    assert "\n" not in message


@pytest.mark.parametrize("label, data, reason", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_read_path_rejects_bad_files_naming_the_path(tmp_path, label, data, reason):
    path = tmp_path / f"{label}.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(path)
    message = str(exc.value)
    assert message.startswith(str(path)) and reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: (p / "blank.txt").write_text(" \n\t\n") and p / "blank.txt", "empty"),
        (lambda p: (p / "empty.html").write_text("<html><body><script>x()</script></body></html>")
         and p / "empty.html", "no visible text"),
    ],
    ids=["missing", "directory", "whitespace-only", "html-without-text"],
)
def test_read_path_errors(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(InputError) as exc:
        read_path(path)
    assert str(exc.value).startswith(str(path)) and reason in str(exc.value)
    assert "\n" not in str(exc.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_read_path_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("融资")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_path(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("exc, reason", [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (OSError(5, "Input/output error"), "cannot read (Input/output error)"),
])
def test_read_path_wraps_os_errors(tmp_path, monkeypatch, exc, reason):
    path = tmp_path / "a.txt"
    path.write_text("融资")

    def fail(*args, **kwargs):
        raise exc

    monkeypatch.setattr("nlp.io.readers.open", fail, raising=False)  # the module's file reads fail
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_read_path_rejects_unknown_format(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("融资")
    with pytest.raises(InputError, match="unknown format"):
        read_path(path, fmt="pdf")


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>星河科技完成3亿元B轮融资 &amp; 拟赴港上市</title>
<style>.x { color: red }</style><script>var hidden = "脚本里的文字";</script></head>
<body class="page has-sidebar">
<header><div class="logo">某某财经网</div></header>
<nav><a href="/">首页</a> <a href="/tech">科技</a></nav>
<div id="breadcrumb">首页 &gt; 科技 &gt; 正文</div>
<div class="main">
  <div class="article-content">
    <h1>星河科技完成3亿元B轮融资</h1>
    <p>　　星河科技今日宣布完成&nbsp;3亿元   人民币B轮融资，
       由红杉中国领投。</p>
    <!-- 编辑注释：不要显示 -->
    <p>公司计划于2026年在港交所&lt;HKEX&gt;上市。</p>
    <div class="share-box">分享到微博 微信</div>
    <p>本轮融资后估值达<b>100亿</b>元。</p>
  </div>
  <aside class="sidebar"><p>热门文章：另一家公司上市，这段文字不属于正文。</p></aside>
</div>
<div class="comments"><p>网友评论：看好！</p></div>
<div class="ad-slot">广告位招租</div>
<footer><p>版权所有 © 2025 某某财经网</p></footer>
<noscript>请启用JavaScript</noscript>
</body></html>"""

PAGE_TEXT = (
    "星河科技完成3亿元B轮融资\n"
    "星河科技今日宣布完成 3亿元 人民币B轮融资，由红杉中国领投。\n"
    "公司计划于2026年在港交所<HKEX>上市。\n"
    "本轮融资后估值达100亿元。"
)


def test_html_to_text_keeps_only_the_article():
    text, title = html_to_text(PAGE)
    assert title == "星河科技完成3亿元B轮融资 & 拟赴港上市"
    assert text == PAGE_TEXT


@pytest.mark.parametrize(
    "html, expected_text, expected_title",
    [
        ("<p>a<br>b</p><p>c &amp; d</p>", "a\nb\nc & d", None),
        ("<html><body>仅有文字<br/>第二行</body></html>", "仅有文字\n第二行", None),
        ('<html><head><meta property="og:title" content="OG 标题"></head><body><p>正文</p></body></html>',
         "正文", "OG 标题"),
        # the headline outside the article container is the title, not body text
        ("<body><h1>标题一</h1><div><p>正文段落</p></div></body>", "正文段落", "标题一"),
        ("<body><div><h2>小标题</h2><p>正文段落</p></div></body>", "小标题\n正文段落", None),
        ("<body><article><p>第一段</p><p>第二段</p></article><div class='related'>相关阅读</div></body>",
         "第一段\n第二段", None),
        ("<body><ul><li>甲</li><li>乙</li></ul><table><tr><td>1</td><td>2</td></tr></table></body>",
         "甲\n乙\n1 2", None),
        ("<body><p>A&#x4E2D;&#25991;&quot;x&quot;</p></body>", 'A中文"x"', None),
        # a boilerplate-looking class on the container of the whole article is kept
        ("<body><div class='content with-sidebar'><p>正文第一段很长很长</p><p>第二段</p></div>"
         "<div class='sidebar'>边栏</div></body>", "正文第一段很长很长\n第二段", None),
        ("<body><div hidden>隐藏</div><div style='display: none'>也隐藏</div><p>可见</p></body>", "可见", None),
        ("<body><svg><text>图</text></svg><form><input value='x'>表单</form><iframe>框</iframe>"
         "<template>模板</template><p>只要这句</p></body>", "只要这句", None),
    ],
)
def test_html_to_text_cases(html, expected_text, expected_title):
    assert html_to_text(html) == (expected_text, expected_title)


@pytest.mark.parametrize(
    "text, expected",
    [
        (PAGE, True),
        ("<html><body>x</body></html>", True),
        ("  <div><p>融资</p></div>", True),
        ("公司完成融资，股价<10元。", False),
        ("a < b and c > d", False),
        ("", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


@pytest.mark.parametrize("name, codec", [("page.html", "utf-8"), ("page.htm", "gb18030"), ("page.txt", "utf-8")])
def test_read_path_html(tmp_path, name, codec):
    path = tmp_path / name
    path.write_bytes(PAGE.encode(codec))
    doc = read_path(path)  # .txt is sniffed as HTML too
    assert doc.raw_text == PAGE_TEXT
    assert doc.meta == {"format": "html", "encoding": codec, "title": "星河科技完成3亿元B轮融资 & 拟赴港上市"}


def test_read_path_forced_txt_keeps_markup(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_path(path, fmt="txt")
    assert doc.raw_text == PAGE and doc.meta["format"] == "txt"


class _FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("data, fmt, text", [
    (LONG_SIMPLIFIED.encode("gbk"), "auto", LONG_SIMPLIFIED),
    (PAGE.encode("utf-8"), "auto", PAGE_TEXT),
    (PAGE.encode("utf-8"), "txt", PAGE),
])
def test_read_stdin(monkeypatch, data, fmt, text):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(data))
    doc = read_stdin(fmt)
    assert (doc.doc_id, doc.source, doc.raw_text) == ("stdin", "-", text)


def test_read_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b""))
    with pytest.raises(InputError, match="empty input"):
        read_stdin()


# --------------------------------------------------------------------------- JSON lines

def _write_lines(path, lines: list[bytes], gz: bool = False):
    data = b"\n".join(lines) + b"\n"
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def _j(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


CORPUS = [
    _j({"id": "a1", "title": "星河科技融资", "content": "星河科技完成B轮融资。", "publish_time": "2025-12-30 10:00:00"}),
    b"",  # blank lines are skipped but still counted
    b"{not json",
    _j({"id": 7, "text": "整数ID也可以。", "date": "2025/12/30"}),
    _j(["a", "list"]),
    _j({"id": "no-text", "summary": "没有正文字段"}),
    _j({"id": "blank", "text": "   "}),
    _j({"text": 12}),
    "{\"id\": \"bad\", \"text\": \"坏字节".encode("utf-8") + b"\xff\xfe\"}",
    _j({"doc_id": "d9", "body": "正文在body里。", "headline": "标题", "pub_date": "昨天"}),
    _j({"uuid": "u1", "article": "文章字段。", "published": 20251230}),
]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gz"])
def test_iter_jsonl_auto_fields_and_errors(tmp_path, gz):
    path = _write_lines(tmp_path / ("news.jsonl.gz" if gz else "news.jsonl"), CORPUS, gz=gz)
    out = list(iter_jsonl(path))
    docs = [o for o in out if isinstance(o, Document)]
    errors = [o for o in out if isinstance(o, dict)]
    assert [d.doc_id for d in docs] == ["a1", "7", "d9", "u1"]
    assert [(e["line"], e["doc_id"]) for e in errors] == [
        (3, "news:3"), (5, "news:5"), (6, "no-text"), (7, "blank"), (8, "news:8"), (9, "news:9"),
    ]
    for e in errors:
        assert set(e) == {"doc_id", "source", "line", "error"}
        assert e["source"] == f"{path}:{e['line']}"
        assert "\n" not in e["error"]
    reasons = [e["error"] for e in errors]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1].startswith("not a JSON object")
    assert reasons[2].startswith("no text field (looked for text, content")
    assert reasons[3] == "empty text"
    assert "not a string" in reasons[4]
    assert reasons[5].startswith("invalid UTF-8")

    a1, seven, d9, u1 = docs
    assert a1.raw_text == "星河科技融资\n星河科技完成B轮融资。"
    assert a1.meta["title"] == "星河科技融资" and a1.meta["title_length"] == 7
    assert a1.raw_text[a1.meta["title_length"]:] == "星河科技完成B轮融资。"
    assert a1.published == "2025-12-30" and a1.source == f"{path}:1"
    assert (seven.raw_text, seven.published, seven.meta["title_length"]) == ("整数ID也可以。", "2025-12-30", 0)
    assert d9.raw_text == "标题\n正文在body里。" and d9.published is None
    assert d9.meta["published_raw"] == "昨天"
    assert u1.published == "2025-12-30"


def test_iter_jsonl_explicit_fields(tmp_path):
    path = _write_lines(tmp_path / "c.jsonl", [
        _j({"key": "k1", "txt": "正文一。", "text": "不是这个", "hd": "标题", "when": "20251230"}),
        _j({"key": "k2", "text": "没有txt字段"}),
    ])
    out = list(iter_jsonl(path, id_field="key", text_field="txt", title_field="hd", published_field="when"))
    doc, err = out
    assert (doc.doc_id, doc.raw_text, doc.published) == ("k1", "标题\n正文一。", "2025-12-30")
    assert err == {"doc_id": "k2", "source": f"{path}:2", "line": 2, "error": "no text field 'txt'"}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-12-30", "2025-12-30"), ("2025/12/30", "2025-12-30"), ("2025-12-30 10:00:00", "2025-12-30"),
        ("2025-12-30T10:00:00+08:00", "2025-12-30"), ("20251230", "2025-12-30"), (20251230, "2025-12-30"),
        ("2025年12月30日", "2025-12-30"), ("2025.1.5", "2025-01-05"),
        ("2025-02-30", None), ("昨天", None), ("12/30/2025", None),
    ],
)
def test_published_normalisation(tmp_path, value, expected):
    path = _write_lines(tmp_path / "p.jsonl", [_j({"text": "融资。", "published": value})])
    (doc,) = iter_jsonl(path)
    assert doc.published == expected
    assert doc.meta.get("published_raw") == (None if expected else value)


def test_iter_jsonl_title_with_newline_stays_on_first_line(tmp_path):
    path = _write_lines(tmp_path / "t.jsonl", [_j({"text": "正文", "title": "上\n下"})])
    (doc,) = iter_jsonl(path)
    assert doc.raw_text.split("\n") == ["上 下", "正文"] and doc.meta["title_length"] == 4


def test_iter_jsonl_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _j({"text": "一"}) + b"\r\n" + _j({"text": "二"}) + b"\r\n")
    assert [d.raw_text for d in iter_jsonl(path)] == ["一", "二"]


@pytest.mark.parametrize("make, reason", [
    (lambda p: p / "missing.jsonl", "no such file"),
    (lambda p: p, "is a directory"),
])
def test_iter_jsonl_path_errors_raise_at_call(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(InputError, match=reason):
        iter_jsonl(path)


def test_iter_jsonl_truncated_gzip(tmp_path):
    data = gzip.compress(b"\n".join(_j({"text": f"第{i}篇"}) for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as exc:
        list(iter_jsonl(path))
    assert str(exc.value).startswith(str(path)) and "\n" not in str(exc.value)


def test_iter_duee(tmp_path):
    gold = [{"event_type": "企业融资", "arguments": [{"role": "被投资方", "argument": "星河科技"}]}]
    path = _write_lines(tmp_path / "duee_fin.json", [
        _j({"id": "e1", "title": "标题", "text": "星河科技完成融资。", "event_list": gold}),
        _j({"id": "e2", "text": "没有事件。"}),
        _j({"id": "e3", "content": "不是DuEE字段"}),
    ])
    d1, d2, err = iter_duee(path)
    assert (d1.doc_id, d1.raw_text, d1.meta["gold"], d1.meta["title"]) == ("e1", "星河科技完成融资。", gold, "标题")
    assert d2.doc_id == "e2" and "gold" not in d2.meta and d2.meta["title"] is None
    assert err["doc_id"] == "e3" and err["line"] == 3 and "text" in err["error"]


# --------------------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1).filter(lambda s: "\x00" not in s and not s.startswith("\ufeff")))
def test_decode_utf8_property(s):
    # A leading U+FEFF is a byte-order mark by definition and is stripped.
    assert decode(s.encode("utf-8"))[0] == s


# --------------------------------------------------------------------------- hostile corpora

@pytest.mark.parametrize("line, expected", [
    (b'{"id": "d", "text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "too deep"),  # RecursionError
    (b'{"id": "d", "text": "x", "a": ' + b"[" * 101 + b"]" * 101 + b"}", "too deep"),  # parses, still refused
    (b'{"id": "d", "text": "x", "a": ' + b"[" * 99 + b"]" * 99 + b"}", None),
    (b'{"id": "d", "text": "' + "[{".encode() * 200 + b'"}', None),  # brackets inside a string are text
    (b'{"id": "x\\ud800", "text": "y"}', None),  # a lone surrogate: a fine id
    (b'{"id": "d", "text": "' + b"x" * 200 + b'"}', "too large"),  # over max_line (100 bytes)
])
def test_hostile_lines_become_one_error_each(tmp_path, line, expected):
    path = _write_lines(tmp_path / "h.jsonl", [line, _j({"id": "next", "text": "下一篇"})])
    first, second = iter_jsonl(path, max_line=100 if expected == "too large" else 10**6)
    assert second.doc_id == "next" and second.source == f"{path}:2"
    if expected is None:
        assert isinstance(first, Document)
    else:
        assert first["error"].startswith(expected + ":") and first["line"] == 1


def test_a_huge_gzipped_line_is_skipped_in_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "huge.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(b'{"text": "' + b"x" * (64 << 20) + b'"}\n' + _j({"id": "after", "text": "之后"}) + b"\n")
    tracemalloc.start()
    try:
        first, second = iter_jsonl(path, max_line=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first["error"].startswith("too large: line over 1,048,576 bytes") and first["line"] == 1
    assert (second.doc_id, second.meta["line"]) == ("after", 2)
    assert peak < 8 << 20  # the 64 MB line was never held whole


def test_a_sea_of_blank_lines_is_crossed_at_c_speed(tmp_path):
    import time

    path = tmp_path / "blank.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n \r\n" * (8 << 20) + _j({"text": "终于"}) + b"\n", 1))
    started = time.perf_counter()
    (doc,) = iter_jsonl(path)
    assert doc.meta["line"] == 2 * (8 << 20) + 1
    assert time.perf_counter() - started < 5  # a Python loop per line takes far longer


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"", b" ", b"\r", b"\t \x0b", b"x", b"ab c", b"  {}", b"y" * 30]), max_size=12),
       st.sampled_from([b"", b"\n", b"  ", b"z"]), st.integers(1, 20), st.integers(1, 40))
def test_iter_lines_is_a_bounded_line_iterator(parts, tail, max_bytes, block):
    from nlp.io.lines import iter_lines

    data = b"\n".join(parts) + tail
    expected = [(n, line if len(line) <= max_bytes else None)
                for n, line in enumerate(io.BytesIO(data).readlines(), 1) if line.strip()]

    class Trickle(io.RawIOBase):  # hands over at most `block` bytes a read, like a pipe
        pos = 0

        def read1(self, size=-1):
            chunk = data[self.pos:self.pos + min(size, block)]
            self.pos += len(chunk)
            return chunk

    assert list(iter_lines(Trickle(), max_bytes)) == expected


def test_surrogates_are_written_as_json_escapes():
    from nlp.io.writers import dumps, to_utf8

    record = {"doc_id": "x\ud800", "source": os.fsdecode(b"news/a\xff.txt"), "text": "融资"}
    data = to_utf8(dumps(record))
    assert data.decode("utf-8") == '{"doc_id":"x\\ud800","source":"news/a\\udcff.txt","text":"融资"}'
    assert json.loads(data) == record  # nothing lost
    assert to_utf8("融资") == "融资".encode("utf-8")
