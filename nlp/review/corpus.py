"""A batch output folder read back: docs.jsonl, events.jsonl, errors.jsonl, summary.json.

The view and the exporters need each document's text. docs.jsonl holds it with
`zhfin batch --keep-text` (and always for HTML input, whose text is what zhfin
extracted from the page). Otherwise the text is read again from the input the record
names in `source` (`file.txt`, or `corpus.jsonl:LINE`), and kept only when every span
of the record still points at its own words there: a file changed since the run gives
no text rather than wrong marks.

    folder = BatchFolder("out/")
    texts = Texts(folder)
    for record in folder.docs():
        text = texts(record)          # None: see NEEDS_TEXT
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from ..document import Document, InputError

NEEDS_TEXT = ("{folder}: docs.jsonl holds no text and the input it names cannot be read again; "
              "run zhfin batch again with --keep-text")
_LINE_SOURCE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")


def read_json_lines(path: Path) -> Iterator[dict]:
    """The objects of a JSON-lines file; a malformed line (a run killed mid-line) is skipped."""
    if not path.exists():
        return
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                yield obj


class BatchFolder:
    """The files of one `zhfin batch --output DIR` run."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_dir():
            raise InputError(f"{path}: not a folder (give the --output folder of zhfin batch)")
        if not (self.path / "docs.jsonl").is_file():
            raise InputError(f"{path}: not a batch output folder (no docs.jsonl); make one with "
                             f"zhfin batch INPUT --output {path}")

    def docs(self) -> Iterator[dict]:
        return read_json_lines(self.path / "docs.jsonl")

    def events(self) -> Iterator[dict]:
        return read_json_lines(self.path / "events.jsonl")

    def errors(self) -> Iterator[dict]:
        return read_json_lines(self.path / "errors.jsonl")

    def summary(self) -> dict:
        try:
            obj = json.loads((self.path / "summary.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return obj if isinstance(obj, dict) else {}


def mentions(obj) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, text) span inside a record, an event or an entity."""
    if isinstance(obj, dict):
        start, end, text = obj.get("start"), obj.get("end"), obj.get("text")
        if isinstance(start, int) and isinstance(end, int) and isinstance(text, str):
            yield start, end, text
        for key, value in obj.items():
            if key != "text" and isinstance(value, (dict, list)):
                yield from mentions(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from mentions(item)


def fits(record: dict, text: str) -> bool:
    """Every span of the record names its own words in `text`."""
    return all(0 <= s <= e <= len(text) and text[s:e] == t
               for s, e, t in mentions({"entities": record.get("entities"), "events": record.get("events")}))


class _Lines:
    """Documents of one JSON-lines input by line number, read forward once (docs.jsonl
    follows the input order), from the start again when asked for an earlier line."""

    def __init__(self, path: Path, fields: dict):
        self.path, self.fields = path, fields
        self._iter, self._last = None, 0
        self._seen: dict[int, Document] = {}

    def _documents(self):
        from ..io import readers

        first = next(read_json_lines(self.path), None) if self.path.suffix != ".gz" else None
        if first is not None and "event_list" in first and not self.fields.get("text_field"):
            return readers.iter_duee(self.path)
        return readers.iter_jsonl(self.path, **self.fields)

    def get(self, line: int) -> Document | None:
        if line in self._seen:
            return self._seen.pop(line)
        if self._iter is None or line <= self._last:
            self._iter, self._seen = self._documents(), {}
        for item in self._iter:
            number = item.meta.get("line") if isinstance(item, Document) else item.get("line")
            self._last = number or self._last
            if number == line:
                return item if isinstance(item, Document) else None
            if isinstance(item, Document) and number and number > line:
                self._seen[number] = item  # keep one step ahead; never reached for sorted docs
                return None
        self._iter = None
        return None


class Texts:
    """record -> its raw text, or None when neither docs.jsonl nor the input gives it."""

    def __init__(self, folder: BatchFolder | None = None):
        summary = folder.summary() if folder else {}
        fields = summary.get("fields") if isinstance(summary.get("fields"), dict) else {}
        self._fields = {k: v for k, v in fields.items()
                        if k in ("id_field", "text_field", "title_field", "published_field") and v}
        self._lines: dict[Path, _Lines] = {}
        self.missing = 0  # records whose text could not be had

    def __call__(self, record: dict) -> str | None:
        text = record.get("text")
        if not isinstance(text, str):
            text = self._reread(record.get("source"))
        if text is None or not fits(record, text):
            self.missing += 1
            return None
        return text

    def _reread(self, source) -> str | None:
        if not isinstance(source, str) or source in ("", "-"):
            return None
        try:
            path = Path(source)
            if path.is_file():
                from ..io import readers

                return readers.read_path(path).raw_text
            m = _LINE_SOURCE.match(source)
            if m and Path(m["path"]).is_file():
                p = Path(m["path"])
                lines = self._lines.setdefault(p, _Lines(p, self._fields))
                document = lines.get(int(m["line"]))
                return document.raw_text if document else None
        except (OSError, InputError, ValueError):
            return None
        return None
