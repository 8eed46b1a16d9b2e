"""Reading gold and prediction files for `zhfin evaluate`, telling their kinds apart.

Gold: DuEE-Fin lines `{id, text, event_list}`, or gold passages `{id, text, gold,
must_not, split, genre}` as JSON lines or as one `{"passages": [...]}` object.
Predictions: DuEE-Fin lines `{id, event_list}`, zhfin `events.jsonl` (one event a
line), zhfin `docs.jsonl` (one document a line), or a `batch` output folder.
Anything else is an InputError with a one-line message, never a traceback.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..document import InputError

DUEE, PASSAGES = "duee", "passages"  # gold kinds
EVENTS, DOCS = "events", "docs"  # zhfin prediction kinds (besides DUEE)
KIND_NAMES = {DUEE: "DuEE-Fin lines", PASSAGES: "gold passages", EVENTS: "zhfin events", DOCS: "zhfin docs records"}
# a batch output folder: the first of these files it holds
FOLDER_FILES = ("docs.jsonl", "events.jsonl", "duee.jsonl")


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (bad byte at position {exc.start})") from None


def read_json_lines(path: Path, text: str | None = None) -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line."""
    text = _read_text(path) if text is None else text
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: malformed JSON: {exc.msg} at column {exc.colno}") from None
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{number}: not a JSON object: got {type(obj).__name__}")
        out.append((number, obj))
    return out


def _passages_object(text: str) -> list | None:
    """The list of a `{"passages": [...]}` file, None for JSON lines."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return None
    return obj.get("passages") if isinstance(obj, dict) and isinstance(obj.get("passages"), list) else None


# ---- gold ----------------------------------------------------------------------------------

def gold_kind(obj: dict) -> str | None:
    if "gold" in obj:
        return PASSAGES
    if "event_list" in obj:
        return DUEE
    return None


def read_gold(path: str | Path) -> tuple[str, list[dict]]:
    """(kind, records) with string ids; every record is checked."""
    path = Path(path)
    text = _read_text(path)
    listed = _passages_object(text)
    numbered = list(enumerate(listed, 1)) if listed is not None else read_json_lines(path, text)
    if not numbered:
        raise InputError(f"{path}: no gold records")
    where = (lambda n: f"{path}: passage {n}") if listed is not None else (lambda n: f"{path}:{n}")
    kind = gold_kind(numbered[0][1]) if isinstance(numbered[0][1], dict) else None
    if kind is None:
        raise InputError(f"{where(numbered[0][0])}: not a gold file: expected DuEE-Fin lines {{id, text, event_list}} "
                         "or gold passages {id, text, gold, must_not, split, genre}")
    check = _check_passage if kind == PASSAGES else _check_duee_gold
    return kind, [check(obj, where(n)) for n, obj in numbered]


def _need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise InputError(f"{where}: {what}")


def _check_passage(obj, where: str) -> dict:
    _need(isinstance(obj, dict) and obj.get("id") not in (None, ""), where, "not a gold passage: no 'id'")
    _need(isinstance(obj.get("gold", []), list), where, "not a gold passage: 'gold' is not a list")
    for key in ("gold", "must_not"):
        for event in obj.get(key) or []:
            _need(isinstance(event, dict) and isinstance(event.get("type"), str) and "company" in event, where,
                  f"not a gold passage: an entry of '{key}' lacks 'type' or 'company'")
    return {**obj, "id": str(obj["id"])}


def _check_duee_gold(obj, where: str) -> dict:
    return _check_duee(obj, where, "not DuEE-Fin gold")


def _check_duee(obj: dict, where: str, what: str) -> dict:
    _need(obj.get("id") not in (None, ""), where, f"{what}: no 'id'")
    events = obj.get("event_list") or []
    _need(isinstance(events, list), where, f"{what}: 'event_list' is not a list")
    for event in events:
        _need(isinstance(event, dict) and "event_type" in event and isinstance(event.get("arguments", []), list),
              where, f"{what}: an event lacks 'event_type' or 'arguments'")
        for arg in event.get("arguments", []):
            _need(isinstance(arg, dict) and "role" in arg and "argument" in arg, where,
                  f"{what}: an argument lacks 'role' or 'argument'")
    return {**obj, "id": str(obj["id"])}


# ---- predictions ---------------------------------------------------------------------------

def prediction_kind(obj: dict) -> str | None:
    if "event_list" in obj:
        return DUEE
    if "events" in obj and "doc_id" in obj:
        return DOCS
    if "doc_id" in obj and ("type" in obj or str(obj.get("schema", "")).startswith("zhfin.event/")):
        return EVENTS
    return None


def prediction_file(path: str | Path) -> Path:
    """A batch output folder stands for its docs.jsonl (or events.jsonl, duee.jsonl)."""
    path = Path(path)
    if not path.is_dir():
        return path
    for name in FOLDER_FILES:
        if (path / name).is_file():
            return path / name
    raise InputError(f"{path}: a folder without {', '.join(FOLDER_FILES)}: not a batch output folder")


def read_predictions(path: str | Path) -> tuple[str, list[dict]]:
    """(kind, records); an empty file is a valid run that found nothing (kind EVENTS)."""
    path = prediction_file(path)
    numbered = read_json_lines(path)
    if not numbered:
        return EVENTS, []
    kind = prediction_kind(numbered[0][1])
    if kind is None:
        keys = ", ".join(list(numbered[0][1])[:6])
        raise InputError(f"{path}:{numbered[0][0]}: not predictions (keys {keys}): expected DuEE-Fin lines, "
                         "zhfin events.jsonl or docs.jsonl, or a batch output folder")
    records = []
    for number, obj in numbered:
        where = f"{path}:{number}"
        _need(prediction_kind(obj) == kind, where, f"not {KIND_NAMES[kind]} like line {numbered[0][0]}")
        records.append(_check_duee(obj, where, "not a DuEE-Fin line") if kind == DUEE else obj)
    return kind, records


def zhfin_events(kind: str, records: list[dict]) -> list[dict]:
    """One event a line, whichever zhfin file they came from."""
    if kind == EVENTS:
        return records
    return [{"doc_id": r["doc_id"], **e} for r in records for e in r.get("events") or []]


def zhfin_docs(kind: str, records: list[dict]) -> list[dict]:
    """Events grouped per document ({doc_id, events}), in order of first appearance."""
    if kind == DOCS:
        return [{**r, "doc_id": str(r["doc_id"])} for r in records]
    grouped = defaultdict(list)
    for event in records:
        grouped[str(event["doc_id"])].append(event)
    return [{"doc_id": doc_id, "events": events} for doc_id, events in grouped.items()]
