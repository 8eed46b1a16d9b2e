"""Input enumeration: command-line inputs -> a stream of work items.

A work item is ``(kind, key, payload)``:

- ``("doc", key, Document)``: a document read from a corpus line;
- ``("file", key, path)``: a txt/html file, read by the worker;
- ``("error", key, error_record)``: input that could not become a document.

``key`` is the document's ``source`` (``path:line`` in a corpus, the path of a
file, ``-:line`` on stdin): unique per input position, unlike ids, which may
repeat.  It is what ``--resume`` uses to skip finished documents.
"""
from __future__ import annotations

import gzip
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..document import Document, InputError
from ..io import readers
from ..io.lines import iter_lines

DOC_SUFFIXES = frozenset((".txt", ".text", ".html", ".htm", ".xhtml", ".shtml"))
CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")


@dataclass
class Fields:
    """JSON field names given on the command line (None: detect)."""

    id_field: str | None = None
    text_field: str | None = None
    title_field: str | None = None
    published_field: str | None = None
    extra: dict = field(default_factory=dict)

    def kwargs(self) -> dict:
        return {"id_field": self.id_field, "text_field": self.text_field,
                "title_field": self.title_field, "published_field": self.published_field}


def error_record(doc_id: str, source: str, line: int | None, message: str) -> dict:
    """The errors.jsonl record: the message plus a short ``reason`` to count by."""
    return {"doc_id": doc_id, "source": source, "line": line, "reason": reason_of(message, source),
            "error": message}


def reason_of(message: str, source: str | None = None) -> str:
    """"malformed JSON: Expecting value at column 1" -> "malformed JSON"; a
    leading "path: " (as InputError messages have) is dropped first."""
    for prefix in filter(None, (source, str(source or "").rsplit(":", 1)[0])):
        if message.startswith(prefix + ": "):
            message = message[len(prefix) + 2:]
            break
    return message.split(":")[0].split(" (")[0].strip() or "error"


def is_corpus(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(CORPUS_SUFFIXES) or name.endswith(".gz")


def check_inputs(inputs: list[str]) -> list[str]:
    """Fail fast (InputError) on inputs that do not exist; drop repeats."""
    seen: list[str] = []
    for name in inputs:
        if name != "-" and not os.path.exists(name):
            raise InputError(f"{name}: no such file or directory")
        if name not in seen:
            seen.append(name)
    return seen


def walk(directory: Path) -> Iterator[Path]:
    """Files below ``directory`` that we can read, in a stable (sorted) order;
    hidden files and folders are skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(root) / name
            if is_corpus(p) or p.suffix.lower() in DOC_SUFFIXES:
                yield p


def _first_object(path: Path, max_line: int) -> dict | None:
    """The first JSON object of a corpus file, to tell DuEE-Fin from plain JSON
    lines; None when there is none (or it is too long, too deep or broken:
    the reader then reports that line)."""
    try:
        with (gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb")) as f:
            for _, raw in iter_lines(f, max_line):
                if raw is None:
                    return None
                try:
                    line = raw.decode("utf-8-sig").strip()
                except UnicodeDecodeError:
                    return None
                if line:
                    obj, _error = readers.parse_line(line, raw)
                    return obj if isinstance(obj, dict) else None
    except (OSError, EOFError, ValueError):
        return None
    return None


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def _corpus_items(path: Path, fields: Fields, max_chars: int) -> Iterator[tuple]:
    max_line = readers.max_line_bytes(max_chars)
    first = _first_object(path, max_line) if str(path) != "-" else None
    if first is not None and "event_list" in first and fields.text_field is None:
        records = readers.iter_duee(path, max_line=max_line)
    else:
        records = readers.iter_jsonl(path, **fields.kwargs(), max_line=max_line)
    line = 0
    try:
        for item in records:
            if isinstance(item, Document):
                line = item.meta.get("line", line)
                if len(item.raw_text) > max_chars:
                    yield "error", item.source, error_record(
                        item.doc_id, item.source, line,
                        f"too large: {len(item.raw_text):,} characters (limit {max_chars:,}, see --max-chars)")
                else:
                    yield "doc", item.source, item
            else:
                line = item.get("line", line)
                yield "error", item["source"], error_record(item["doc_id"], item["source"], item.get("line"),
                                                            item["error"])
    except InputError as exc:  # a truncated .gz, a read error: record it, go on with the next input
        source = f"{path}:{line + 1}"
        yield "error", source, error_record(f"{readers._stem(path)}:{line + 1}", source, line + 1, str(exc))


def _stdin_items(fields: Fields, max_chars: int) -> Iterator[tuple]:
    """Standard input: JSON lines when it starts with "{", else one document."""
    head = sys.stdin.buffer.peek(64)[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        yield from _corpus_items(Path("-"), fields, max_chars)
        return
    try:
        document = readers.read_stdin(max_bytes=4 * max_chars)  # as for files: 4 bytes a character at most
    except InputError as exc:
        yield "error", "-", error_record("stdin", "-", None, str(exc))
        return
    if len(document.raw_text) > max_chars:
        yield "error", "-", error_record("stdin", "-", None, f"too large: {len(document.raw_text):,} characters")
    else:
        yield "doc", "-", document


def iter_items(inputs: list[str], fields: Fields | None = None, max_chars: int = 5_000_000) -> Iterator[tuple]:
    """Every input document as a work item, in input order."""
    fields = fields or Fields()
    seen: set[str] = set()  # a file named twice (itself and in its folder) runs once
    for name in inputs:
        if name == "-":
            yield from _stdin_items(fields, max_chars)
            continue
        path = Path(name)
        for p in (walk(path) if path.is_dir() else [path]):
            real = os.path.realpath(p)
            if real in seen:
                continue
            seen.add(real)
            if is_corpus(p):
                try:
                    yield from _corpus_items(p, fields, max_chars)
                except InputError as exc:  # unreadable file
                    yield "error", str(p), error_record(readers._stem(p), str(p), None, str(exc))
            else:
                yield "file", str(p), str(p)


def count_items(inputs: list[str]) -> int | None:
    """Roughly how many documents (lines + files), for the progress bar's ETA;
    None when unknown (stdin)."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        for p in (walk(path) if path.is_dir() else [path]):
            if not is_corpus(p):
                total += 1
                continue
            try:
                with (gzip.open(p, "rb") if _is_gzip(p) else open(p, "rb")) as f:
                    while chunk := f.read(1 << 20):
                        total += chunk.count(b"\n")
            except (OSError, EOFError):
                pass
    return total
