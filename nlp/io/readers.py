"""Input intake: bytes → text → Document, for txt, html, jsonl(.gz), DuEE-Fin and stdin.

Every failure a user can cause (missing file, binary data, bad encoding, a bad
JSON line) becomes an ``InputError`` with a one-line message, or, inside a
corpus, an error record for that line, so a batch run never stops on one bad
document: a line too long to be worth parsing, read in bounded memory
(``lines``), and JSON nested too deep are error records too.  Decoding lives
in ``decoding``, HTML in ``html``; both are re-exported here.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import json
import re
import sys
from pathlib import Path
from typing import Iterator

from ..document import Document, InputError

from .decoding import decode
from .html import html_to_text, looks_like_html
from .lines import iter_lines

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
# single documents

_HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml", ".shtml"))


def _read_bytes(path: Path, limit: int = -1) -> bytes:
    """The file's bytes (the first `limit` ones if given); OS errors become one-line InputErrors."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        with open(path, "rb") as f:
            return f.read(limit)
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


def read_stdin(fmt: str = "auto", max_bytes: int | None = None) -> Document:
    """Read one document from standard input (bytes, any supported encoding);
    with ``max_bytes``, more than that is refused without reading it all."""
    try:
        data = sys.stdin.buffer.read(-1 if max_bytes is None else max_bytes + 1)
    except OSError as e:
        raise InputError(f"-: cannot read standard input ({e.strerror or e})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"-: too large: over {max_bytes:,} bytes (see --max-chars)")
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


MAX_LINE_BYTES = 40_000_000  # 8 bytes a character for the default --max-chars (5,000,000)
MAX_DEPTH = 100  # deeper JSON is no news record (and Python cannot even pickle ~1,000 levels)


def max_line_bytes(max_chars: int) -> int:
    """The longest corpus line worth parsing for a --max-chars limit: a text
    in \\uXXXX escapes takes 6 bytes a character, other fields add some."""
    return 8 * max_chars


def _open_lines(path: str | Path, max_line: int) -> tuple[Path, Iterator[tuple[int, bytes | None]]]:
    """Check the path now (so errors surface at call time) and return
    ``iter_lines`` over its bytes, gunzipping transparently. "-" is standard input."""
    if str(path) == "-":
        return Path("-"), iter_lines(sys.stdin.buffer, max_line)
    p = Path(path)
    data_head = _read_bytes(p, 2)
    gz = data_head.startswith(b"\x1f\x8b")

    def lines() -> Iterator[tuple[int, bytes | None]]:
        line_no = 0
        try:
            with (gzip.open(p, "rb") if gz else open(p, "rb")) as f:
                for line_no, raw in iter_lines(f, max_line):
                    yield line_no, raw
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise InputError(f"{p}: cannot read past line {line_no} ({getattr(e, 'strerror', None) or e})") from None

    return p, lines()


def _too_deep(raw: bytes, obj) -> bool:
    """Nested deeper than MAX_DEPTH; the bracket count rules out almost every line at C speed."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return False
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def parse_line(line: str, raw: bytes) -> tuple[object, str | None]:
    """(the JSON value, None) or (None, a one-line error) for one decoded line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return None, f"malformed JSON: {e.msg} at column {e.colno}"
    except RecursionError:  # the C parser gives up near the recursion limit
        return None, f"too deep: JSON nested more than {MAX_DEPTH} levels"
    if _too_deep(raw, obj):
        return None, f"too deep: JSON nested more than {MAX_DEPTH} levels"
    return obj, None


def _iter_objects(path: str | Path, id_field: str | None,
                  max_line: int) -> Iterator[tuple[Path, int, dict | None, str | None, str]]:
    """(path, line_no, object, error, doc_id) for each non-blank line."""
    p, lines = _open_lines(path, max_line)
    stem = _stem(p)

    def gen():
        for line_no, raw in lines:
            fallback_id = f"{stem}:{line_no}"
            if raw is None:
                yield p, line_no, None, f"too large: line over {max_line:,} bytes (see --max-chars)", fallback_id
                continue
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
            obj, error = parse_line(line, raw)
            if error is None and not isinstance(obj, dict):
                error = f"not a JSON object: got {type(obj).__name__}"
            if error is not None:
                yield p, line_no, None, error, fallback_id
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
               title_field: str | None = None, published_field: str | None = None,
               max_line: int = MAX_LINE_BYTES) -> Iterator[Document | dict]:
    """Documents from a JSON-lines file (``.gz`` too), one per line; a bad line
    (including one over ``max_line`` bytes, or nested over MAX_DEPTH levels)
    yields an error dict ``{doc_id, source, line, error}`` instead.

    Field names are auto-detected unless given.  A title becomes the first line
    of ``raw_text`` and ``meta["title_length"]`` says where the body starts.
    """
    records = _iter_objects(path, id_field, max_line)

    def gen():
        for p, line_no, obj, err, doc_id in records:
            if err is not None:
                yield _error(p, line_no, doc_id, err)
                continue
            doc = document_from_object(obj, doc_id, text_field, title_field, published_field,
                                       source=f"{p}:{line_no}", line=line_no)
            yield _error(p, line_no, doc_id, doc) if isinstance(doc, str) else doc

    return gen()


def document_from_object(obj: dict, doc_id: str, text_field: str | None = None, title_field: str | None = None,
                         published_field: str | None = None, source: str | None = None,
                         line: int | None = None) -> Document | str:
    """One JSON object as a Document (fields auto-detected unless given; a title
    becomes the first line), or the reason it gives none."""
    tkey = _pick(obj, text_field, _TEXT_FIELDS)
    if text_field is not None and tkey is None:
        return f"no text field {text_field!r}"
    text, reason = _get_text(obj, tkey)
    if reason:
        return reason
    meta: dict = {"format": "jsonl", "line": line, "title": None, "title_length": 0}
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
    return Document(doc_id=doc_id, raw_text=text, published=published, source=source, meta=meta)


def iter_duee(path: str | Path, max_line: int = MAX_LINE_BYTES) -> Iterator[Document | dict]:
    """Documents from a DuEE-Fin file (JSON lines ``{id, text, title?,
    event_list?}``).  ``raw_text`` is the text alone, so gold offsets stay
    valid; the title and the gold events go to ``meta``."""
    records = _iter_objects(path, "id", max_line)

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
