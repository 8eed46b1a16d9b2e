"""Input intake: bytes → text → Document, for txt, html, jsonl(.gz), DuEE-Fin and stdin.

Every failure a user can cause (missing file, binary data, bad encoding, a bad
JSON line) becomes an ``InputError`` with a one-line message, or, inside a
corpus, an error record for that line, so a batch run never stops on one bad
document.  The module is a little over the usual size because decoding, HTML
and JSON-lines intake share the same error conventions and are easier to keep
consistent side by side.
"""
from __future__ import annotations

import datetime as _dt
import functools
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

from nlp.document import Document, InputError

__all__ = [
    "decode",
    "looks_like_html",
    "html_to_text",
    "read_path",
    "read_stdin",
    "iter_jsonl",
    "iter_duee",
    "normalise_published",
]

# ---------------------------------------------------------------------------
# decoding

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx are zip too)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# C0 controls other than \t \n \v \f \r, plus DEL: never part of a GB/Big5
# multibyte sequence, so counting them on raw bytes is safe.
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_MAX_CONTROL_SHARE = 0.02

# Legacy Chinese encodings tried strictly, in order of preference on a tie:
# gb18030 is a superset of gbk/gb2312; big5 before its supersets so plain Big5
# round-trips under its own name.
_CJK_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")

_CJK_PUNCT = frozenset("“”‘’…—―·•") | frozenset(chr(c) for c in range(0x3000, 0x3040)) | frozenset(
    chr(c) for c in range(0xFF01, 0xFF5F)
)


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (the 3,755 most frequent simplified characters) plus the
    Big5 frequent set (5,401 traditional characters).  Text decoded with the
    wrong legacy codec lands mostly outside this set."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    for lead in range(0xA4, 0xC7):
        for trail in trails:
            if (lead, trail) > (0xC6, 0x7E):
                break
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


def _has_chinese(text: str) -> bool:
    return any(_is_cjk(ch) or ch in _CJK_PUNCT for ch in text)


def _cjk_score(text: str) -> float:
    """Plausibility of decoded text as Chinese: share of its non-ASCII
    characters that are common hanzi or CJK punctuation, minus a penalty for
    private-use, unassigned and control characters (typical of a wrong codec)."""
    common = _common_hanzi()
    good = bad = n = 0
    for ch in text[:50_000]:  # a sample is enough, and keeps huge inputs fast
        if ch < "\x80":
            continue
        n += 1
        if ch in common or ch in _CJK_PUNCT:
            good += 1
        elif ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc", "Cs"):
            bad += 1
    if n == 0:
        return 0.0
    return (good - 2 * bad) / n


def _binary_reason(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary data, not text (looks like {what})"
    if b"\x00" in data:
        return "binary data, not text (contains NUL bytes)"
    return None


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    return sum(1 for b in sample if b in _CONTROL_BYTES) / len(sample)


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes of a text document; return ``(text, encoding)``.

    UTF-8 (a BOM is stripped), UTF-16/32 with a BOM, GB18030/GBK and Big5.
    Raises ``InputError`` for empty, binary or undecodable input.
    """
    if not data:
        raise InputError(f"{name}: empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: cannot decode: has a {enc.upper()} byte-order mark but invalid {enc.upper()} at byte {e.start}") from None
            return text, enc
    reason = _binary_reason(data)
    if reason:
        raise InputError(f"{name}: {reason}")
    try:
        return data.decode("utf-8"), "utf-8"  # the common case, and fast
    except UnicodeDecodeError as e:
        utf8_error = e
    if _control_share(data) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary data, not text (too many control characters)")

    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(_CJK_CANDIDATES):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _has_chinese(text):
            continue
        key = (_cjk_score(text), -rank, enc, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None and best[0] > 0.2:
        return best[3], best[2]

    # Neither UTF-8 nor a plausible GB/Big5 text: ask charset-normalizer (it
    # knows Shift_JIS, EUC-KR, …), but accept only output containing Chinese
    # characters: this tool reads Chinese news, and GBK mis-read as cp1252 or
    # latin-1 "decodes" without error into garbage.
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    if best is not None and best[0] > 0:
        return best[3], best[2]
    raise InputError(
        f"{name}: cannot decode: not UTF-8 (invalid byte at {utf8_error.start}), GB18030 or Big5 text"
    )


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    match = from_bytes(data[:200_000]).best()
    if match is None or match.encoding is None:
        return None
    enc = match.encoding
    if enc in ("gbk", "gb2312", "hz", "gb18030"):
        enc = "gb18030"
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _has_chinese(text) or _cjk_score(text) < 0:
        return None
    return text, enc


# ---------------------------------------------------------------------------
# HTML

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|article|span|table|script|a\s)[\s>/]",
    re.IGNORECASE,
)

_DROP_TAGS = frozenset(
    "script style noscript nav header footer aside form iframe svg template "
    "button select textarea input object embed canvas video audio map head".split()
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot "
    "section article main blockquote pre figure figcaption hr address center "
    "caption details summary".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_PROTECTED_TAGS = frozenset(("html", "body", "main", "article"))
_BOILERPLATE_TOKEN = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|footer|foot|share|sharing|social|"
    r"comment|comments|breadcrumb|breadcrumbs|crumbs|sidebar|aside|ad|ads|adv|advert|"
    r"advertisement|adsbygoogle|banner|copyright|related|recommend|recommended|"
    r"promo|sponsor|sponsored|cookie|cookies|popup|modal|subscribe|newsletter|"
    r"login|toolbar|pagination|pager|tags|hot|hotnews|rank|ranking|disclaimer)$"
)
_BOILERPLATE_PREFIX = re.compile(
    r"^(?:nav|menu|footer|share|comment|breadcrumb|sidebar|copyright|related|"
    r"recommend|advert|banner|social|cookie|popup|subscribe|pagination)"
)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])")
_SOURCE_BREAK = re.compile(r"[\r\n]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000\u202f\u205f]+")


def looks_like_html(text: str) -> bool:
    """Cheap sniff: does this text look like an HTML document or fragment?"""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head[:15].lower().startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and len(_HTML_SNIFF.findall(head)) >= 2


def _is_boilerplate(node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", attrs.get("style") or ""):
        return True
    words = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).lower()
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    for token in re.split(r"[^a-z0-9]+", words):
        if token and (_BOILERPLATE_TOKEN.match(token) or _BOILERPLATE_PREFIX.match(token)):
            return True
    return False


def _prune(root) -> None:
    """Remove non-content elements below ``root`` (in place)."""
    total = len(root.text(separator=" ")) or 1
    doomed = []
    stack = [root]
    while stack:
        node = stack.pop()
        child = node.child
        while child is not None:
            if child.is_element_node:
                tag = child.tag
                if tag in _DROP_TAGS:
                    doomed.append(child)
                elif (
                    tag not in _PROTECTED_TAGS
                    and _is_boilerplate(child)
                    and child.css_first("article") is None
                    # a "boilerplate" class on the container of most of the text
                    # (e.g. <div class="content has-sidebar">) is a false alarm
                    and len(child.text(separator=" ")) < 0.6 * total
                ):
                    doomed.append(child)
                else:
                    stack.append(child)
            elif child.is_comment_node:
                doomed.append(child)
            child = child.next
    for node in doomed:
        node.decompose()


def _content_root(body):
    """The element holding the article: the largest <article>, else the element
    whose <p> children hold most text (its parent gets half credit), else body."""
    body_len = len(body.text(separator=" ").strip())
    articles = sorted(body.css("article"), key=lambda n: len(n.text(separator=" ")), reverse=True)
    if articles and len(articles[0].text(separator=" ").strip()) >= 0.3 * body_len:
        return articles[0]
    scores: dict[int, list] = {}
    for p in body.css("p"):
        n = len(p.text(separator=" ").strip())
        parent = p.parent
        if parent is None or n == 0:
            continue
        for node, weight in ((parent, 1.0), (parent.parent, 0.5)):
            if node is None or node.tag == "html":
                continue
            entry = scores.setdefault(node.mem_id, [0.0, node])
            entry[0] += weight * n
    if not scores:
        return body
    score, node = max(scores.values(), key=lambda e: e[0])
    if len(node.text(separator=" ").strip()) >= 0.3 * body_len:
        return node
    return body


def _render(root) -> str:
    """Visible text of ``root``: blocks on their own lines, spaces collapsed.

    A line break in the source is just whitespace in HTML (except in <pre>);
    between two CJK characters it is dropped, as CSS does for segment breaks."""
    parts: list[str] = []
    stack: list = [(root, False)]
    while stack:
        item, in_pre = stack.pop()
        if item is None:  # closing marker of a block
            parts.append(in_pre)
            continue
        node = item
        if node.is_text_node:
            text = node.text(deep=False)
            if in_pre:
                parts.append(text)
            else:
                parts.append(_SOURCE_BREAK.sub(" ", _CJK_BREAK.sub("", text)))
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            sep = "\n" if tag in _BLOCK_TAGS else " "
            parts.append(sep)
            stack.append((None, sep))
        in_pre = in_pre or tag in ("pre", "textarea")
        children = []
        child = node.child
        while child is not None:
            children.append((child, in_pre))
            child = child.next
        stack.extend(reversed(children))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page (paragraphs on separate lines,
    entities unescaped, navigation and other boilerplate dropped) and its title."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title = None
    for selector, attr in (("title", None), ('meta[property="og:title"]', "content"),
                           ('meta[name="title"]', "content"), ("h1", None)):
        node = tree.css_first(selector)
        if node is not None:
            value = node.attributes.get(attr) if attr else node.text(separator=" ")
            value = _SPACES.sub(" ", (value or "").replace("\n", " ")).strip()
            if value:
                title = value
                break
    body = tree.body
    if body is None:
        return "", title
    _prune(body)
    return _render(_content_root(body)), title


# ---------------------------------------------------------------------------
# single documents

_HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml", ".shtml"))


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        return path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None


def _make_document(data: bytes, fmt: str, doc_id: str, source: str, name: str, suffix: str = "") -> Document:
    if fmt not in ("auto", "txt", "html"):
        raise InputError(f"{name}: unknown format {fmt!r} (use auto, txt or html)")
    text, encoding = decode(data, name)
    if fmt == "auto":
        fmt = "html" if suffix.lower() in _HTML_SUFFIXES or looks_like_html(text) else "txt"
    title = None
    if fmt == "html":
        text, title = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: no visible text in the HTML")
    elif not text.strip():
        raise InputError(f"{name}: empty input (only whitespace)")
    return Document(doc_id=doc_id, raw_text=text, source=source,
                    meta={"format": fmt, "encoding": encoding, "title": title})


def read_path(path: str | Path, fmt: str = "auto") -> Document:
    """Read one txt or html file into a Document (doc_id = file stem)."""
    p = Path(path)
    data = _read_bytes(p)
    return _make_document(data, fmt, doc_id=p.stem, source=str(path), name=str(path), suffix=p.suffix)


def read_stdin(fmt: str = "auto") -> Document:
    """Read one document from standard input (bytes, any supported encoding)."""
    try:
        data = sys.stdin.buffer.read()
    except OSError as e:
        raise InputError(f"-: cannot read standard input ({e.strerror or e})") from None
    return _make_document(data, fmt, doc_id="stdin", source="-", name="<stdin>")


# ---------------------------------------------------------------------------
# corpora: JSON lines

_ID_FIELDS = ("id", "doc_id", "docid", "uuid")
_TEXT_FIELDS = ("text", "content", "body", "article")
_TITLE_FIELDS = ("title", "headline")
_PUBLISHED_FIELDS = ("published", "publish_date", "pub_date", "date", "time", "publish_time")

_DATE_RE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:[ T]?\d{4,6})?")


def normalise_published(value) -> str | None:
    """ISO "YYYY-MM-DD" for a date or datetime such as 2025-12-30, 2025/12/30,
    2025年12月30日, 2025-12-30 10:00:00 or 20251230; None otherwise."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    s = str(value).strip()
    m = _DATE_RE.fullmatch(s) or _COMPACT_DATE_RE.fullmatch(s)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _pick(obj: dict, explicit: str | None, candidates: tuple[str, ...]) -> str | None:
    if explicit is not None:
        return explicit if explicit in obj else None
    for key in candidates:
        if key in obj and obj[key] is not None:
            return key
    return None


def _stem(path: Path) -> str:
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    return Path(name).stem


def _open_lines(path: str | Path) -> tuple[Path, Iterator[bytes]]:
    """Check the path now (so errors surface at call time) and return a line
    iterator over its bytes, gunzipping transparently.  "-" is standard input."""
    if str(path) == "-":
        return Path("-"), iter(sys.stdin.buffer)
    p = Path(path)
    data_head = _read_head(p)
    gz = data_head.startswith(b"\x1f\x8b")

    def lines() -> Iterator[bytes]:
        line_no = 0
        try:
            with (gzip.open(p, "rb") if gz else open(p, "rb")) as f:
                for line_no, raw in enumerate(f, 1):
                    yield raw
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise InputError(f"{p}: cannot read past line {line_no} ({getattr(e, 'strerror', None) or e})") from None

    return p, lines()


def _read_head(p: Path) -> bytes:
    name = str(p)
    try:
        if p.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        with open(p, "rb") as f:
            return f.read(2)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None


def _iter_objects(path: str | Path, id_field: str | None) -> Iterator[tuple[Path, int, dict | None, str | None, str]]:
    """(path, line_no, object, error, doc_id) for each non-blank line."""
    p, lines = _open_lines(path)
    stem = _stem(p)

    def gen():
        for line_no, raw in enumerate(lines, 1):
            fallback_id = f"{stem}:{line_no}"
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield p, line_no, None, f"invalid UTF-8: bad byte at position {e.start} of the line", fallback_id
                continue
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield p, line_no, None, f"malformed JSON: {e.msg} at column {e.colno}", fallback_id
                continue
            if not isinstance(obj, dict):
                yield p, line_no, None, f"not a JSON object: got {type(obj).__name__}", fallback_id
                continue
            key = _pick(obj, id_field, _ID_FIELDS)
            doc_id = fallback_id
            if key is not None and obj[key] not in (None, ""):
                doc_id = str(obj[key])
            yield p, line_no, obj, None, doc_id

    return gen()


def _error(p: Path, line_no: int, doc_id: str, reason: str) -> dict:
    return {"doc_id": doc_id, "source": f"{p}:{line_no}", "line": line_no, "error": reason}


def _get_text(obj: dict, field: str | None) -> tuple[str | None, str | None]:
    """(text, error reason)."""
    if field is None:
        looked = ", ".join(_TEXT_FIELDS)
        return None, f"no text field (looked for {looked})"
    value = obj[field]
    if not isinstance(value, str):
        return None, f"text not a string: field {field!r} is {type(value).__name__}"
    if not value.strip():
        return None, "empty text"
    return value, None


def iter_jsonl(path: str | Path, id_field: str | None = None, text_field: str | None = None,
               title_field: str | None = None, published_field: str | None = None) -> Iterator[Document | dict]:
    """Documents from a JSON-lines file (``.gz`` too), one per line; a bad line
    yields an error dict ``{doc_id, source, line, error}`` instead.

    Field names are auto-detected unless given.  A title becomes the first line
    of ``raw_text`` and ``meta["title_length"]`` says where the body starts.
    """
    records = _iter_objects(path, id_field)

    def gen():
        for p, line_no, obj, err, doc_id in records:
            if err is not None:
                yield _error(p, line_no, doc_id, err)
                continue
            tkey = _pick(obj, text_field, _TEXT_FIELDS)
            if text_field is not None and tkey is None:
                yield _error(p, line_no, doc_id, f"no text field {text_field!r}")
                continue
            text, reason = _get_text(obj, tkey)
            if reason:
                yield _error(p, line_no, doc_id, reason)
                continue
            meta: dict = {"format": "jsonl", "line": line_no, "title": None, "title_length": 0}
            hkey = _pick(obj, title_field, _TITLE_FIELDS)
            title = obj.get(hkey) if hkey else None
            if isinstance(title, str) and title.strip():
                # keep the title on one line without changing its length
                title = title.replace("\r", " ").replace("\n", " ")
                text = f"{title}\n{text}"
                meta["title"] = title
                meta["title_length"] = len(title) + 1
            published = None
            pkey = _pick(obj, published_field, _PUBLISHED_FIELDS)
            if pkey is not None and obj[pkey] not in (None, ""):
                published = normalise_published(obj[pkey])
                if published is None:
                    meta["published_raw"] = obj[pkey]
            if isinstance(obj.get("url"), str):
                meta["url"] = obj["url"]
            yield Document(doc_id=doc_id, raw_text=text, published=published,
                           source=f"{p}:{line_no}", meta=meta)

    return gen()


def iter_duee(path: str | Path) -> Iterator[Document | dict]:
    """Documents from a DuEE-Fin file (JSON lines ``{id, text, title?,
    event_list?}``).  ``raw_text`` is the text alone, so gold offsets stay
    valid; the title and the gold events go to ``meta``."""
    records = _iter_objects(path, "id")

    def gen():
        for p, line_no, obj, err, doc_id in records:
            if err is not None:
                yield _error(p, line_no, doc_id, err)
                continue
            text, reason = _get_text(obj, "text" if "text" in obj else None)
            if reason:
                yield _error(p, line_no, doc_id, reason.replace(", ".join(_TEXT_FIELDS), "text"))
                continue
            meta: dict = {"format": "duee", "line": line_no, "title_length": 0}
            title = obj.get("title")
            meta["title"] = title if isinstance(title, str) and title.strip() else None
            if "event_list" in obj:
                meta["gold"] = obj["event_list"]
            yield Document(doc_id=doc_id, raw_text=text, source=f"{p}:{line_no}", meta=meta)

    return gen()
