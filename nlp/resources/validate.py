"""Check a data file against the columns it declares, so that a bad row fails in CI
and not at a user's first call (dateparser's languages/validation.py is the model).

A table (``.tsv``) declares its columns in comment lines that start with ``#!``,
before or after its header line; the loader (``table()``) skips them like any
other ``#`` line::

    #! columns: event=enum(funding,listing) stage=enum(-,planned,filed) pattern=regex
    #! unique: event+pattern

``columns:`` names every column of the header, in order, each ``name=kind``; a
kind ending in ``?`` may also be empty. Kinds:

- ``text``: any text, without spaces around it (the loaders would strip them).
- ``regex``: compiles with Python ``re``, does not match the empty string (it
  would fire everywhere) and has no named group (rows are joined into one
  alternation, where two groups of one name clash). ``regex(g1,g2)`` must have
  exactly those named groups (role_patterns.tsv reads its names from one).
- ``enum(a,b,…)``: one of the listed values (a value may hold spaces).
- ``number``: a float such as ``1e8`` or ``0.5``; ``int``: a whole number such as ``-1``.
- ``date``: an ISO date, ``2025-12-30``.
- ``list``: ``|``-separated texts, none empty, none twice (``阿里|Alibaba``).
- ``ref(file.tsv:column)``: a value of that column of another table.
- ``fields(k1,k2,…)``: ``;``-separated ``key=value`` checks whose keys are among
  those listed, each at most once, none empty (the rule corpora's ``expect``).

``unique:`` names a column, or several joined by ``+``, whose values (together)
appear in one row only; a file may have several such lines.

A word list (``.txt``) holds one entry a line; ``#`` lines and empty lines are
skipped. Its entries must not have spaces around them, hold a tab or appear twice.

Every problem names its file, line and column: ``rounds.tsv:7: column 'name': …``.
"""
from __future__ import annotations

import csv
import datetime
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

_DECL = re.compile(r"^#!\s*(?P<key>[a-z]+)\s*:\s*(?P<rest>.*)$")
_COLUMN = re.compile(r"(?P<name>[A-Za-z_]\w*)=(?P<kind>[a-z]+)(?:\((?P<args>[^()]*)\))?(?P<opt>\?)?(?:\s+|$)")
_KINDS_WITH_ARGS = {"enum", "ref", "fields", "regex"}
_KINDS = _KINDS_WITH_ARGS | {"text", "number", "int", "date", "list"}


class InvalidFile(ValueError):
    """A data file that does not match its declaration; the message lists every problem."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    args: tuple[str, ...] = ()
    optional: bool = False


@dataclass
class Table:
    """A table as the validator reads it: its declaration, header and rows with line numbers."""
    path: Path
    columns: list[Column] = field(default_factory=list)
    unique: list[tuple[str, ...]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    header_line: int = 0
    bad_declaration: bool = False  # then its values are not checked: every one would fail
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def problem(self, line: int, message: str, column: str | None = None) -> None:
        where = f"column '{column}': " if column else ""
        self.problems.append(f"{self.path.name}:{line}: {where}{message}")


# --- reading ------------------------------------------------------------------------------

def _declare(table: Table, line: int, key: str, rest: str) -> None:
    before = len(table.problems)
    _read_declaration(table, line, key, rest)
    table.bad_declaration |= len(table.problems) > before


def _read_declaration(table: Table, line: int, key: str, rest: str) -> None:
    if key == "unique":
        for part in rest.split():
            table.unique.append(tuple(part.split("+")))
        return
    if key != "columns":
        table.problem(line, f"unknown declaration '#! {key}:' (known: columns, unique)")
        return
    pos = 0
    for m in _COLUMN.finditer(rest):
        if m.start() != pos:
            break
        pos = m.end()
        kind, args = m["kind"], m["args"]
        if kind not in _KINDS:
            table.problem(line, f"unknown kind '{kind}' (known: {', '.join(sorted(_KINDS))})", m["name"])
        elif args is None and kind in _KINDS_WITH_ARGS and kind != "regex":  # regex takes groups, or not
            table.problem(line, f"kind '{kind}' needs its arguments: {kind}(…)", m["name"])
        elif args is not None and kind not in _KINDS_WITH_ARGS:
            table.problem(line, f"kind '{kind}' takes no arguments", m["name"])
        table.columns.append(Column(m["name"], kind, tuple(a.strip() for a in (args or "").split(",") if a.strip()),
                                    bool(m["opt"])))
    if pos != len(rest.rstrip()):
        table.problem(line, f"cannot read the declaration from here: '{rest[pos:]}'")


def read(path: str | Path) -> Table:
    """Read a table the way ``resources.table()`` does, keeping line numbers and declarations."""
    table = Table(Path(path))
    with open(table.path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")  # not splitlines(): the loader breaks lines at \n only
    for number, line in enumerate(lines, 1):
        line = line.removesuffix("\r")
        if (m := _DECL.match(line)):
            _declare(table, number, m["key"], m["rest"].strip())
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if next(csv.reader([line], delimiter="\t")) != fields:
            table.problem(number, "a quote character at the start of a field: csv would read it differently")
        if not table.header:
            table.header, table.header_line = fields, number
            continue
        if len(fields) != len(table.header):
            table.problem(number, f"{len(fields)} fields, the header has {len(table.header)}")
        table.rows.append((number, dict(zip(table.header, fields))))
    return table


# --- kinds --------------------------------------------------------------------------------

def regex_problem(value: str, noun: str = "regex") -> str | None:
    """Why `value` is no usable pattern (it does not compile, or matches everywhere), or None."""
    try:
        pattern = re.compile(value)
    except re.error as e:
        return f"{noun} does not compile: {e}"
    if pattern.search("") is not None:
        return f"{noun} matches the empty string"
    return None


def _check_regex(value: str, groups: tuple[str, ...]) -> str | None:
    problem = regex_problem(value)
    if problem:
        return problem
    pattern = re.compile(value)
    if set(pattern.groupindex) != set(groups):
        want = ", ".join(groups) or "none"
        return f"regex has named groups {sorted(pattern.groupindex) or 'none'}, the declaration says {want}"
    return None


def _check_fields(value: str, keys: tuple[str, ...]) -> str | None:
    seen = set()
    for item in value.split(";"):
        key, eq, val = item.strip().partition("=")
        if not eq or not key or not val.strip():
            return f"'{item.strip()}' is not key=value"
        if key not in keys:
            return f"unknown key '{key}' (known: {', '.join(keys) or 'none'})"
        if key in seen:
            return f"key '{key}' given twice"
        seen.add(key)
    return None


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")  # not float(): no nan, inf or 1_000


def _date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _referenced(path: Path, args: tuple[str, ...]) -> frozenset[str] | str:
    """The values of the column a ref(file.tsv:column) names, or what is wrong with the reference."""
    target, _, column = (args[0] if args else "").partition(":")
    other = read(path.parent / target) if (path.parent / target).exists() else None
    if other is None or column not in other.header:
        return f"ref({','.join(args)}) names no column of a table beside this file"
    return frozenset(row.get(column, "") for _, row in other.rows)


def check_value(column: Column, value: str, known: frozenset[str] | str = frozenset()) -> str | None:
    """What is wrong with one value of a column, or None; `known`: the values a ref column
    may take (or what is wrong with its reference)."""
    if value == "":
        return None if column.optional else "empty (the declaration does not allow it: add '?')"
    if value != value.strip():
        return "spaces around the value"
    kind, args = column.kind, column.args
    if kind == "regex":
        return _check_regex(value, args)
    if kind == "enum" and value not in args:
        return f"'{value}' is not one of {', '.join(args)}"
    if kind == "number" and not _NUMBER.fullmatch(value):
        return f"'{value}' is not a number"
    if kind == "int" and not re.fullmatch(r"[+-]?\d+", value):
        return f"'{value}' is not a whole number"
    if kind == "date" and not _date(value):
        return f"'{value}' is not an ISO date (YYYY-MM-DD)"
    if kind == "list":
        items = value.split("|")
        if any(not s.strip() for s in items):
            return "an empty item in the list"
        if len(set(items)) != len(items):
            return "an item twice in the list"
    if kind == "fields":
        return _check_fields(value, args)
    if kind == "ref":
        if isinstance(known, str):
            return known
        if value not in known:
            return f"'{value}' is not a value of {args[0]}"
    return None


# --- checking -----------------------------------------------------------------------------

def check_table(table: Table) -> list[str]:
    """Problems of a table read by `read`: declaration, header, field counts, kinds, unique keys."""
    if table.bad_declaration:
        return table.problems
    if not table.columns:
        table.problem(1, "no '#! columns:' declaration")
        return table.problems
    declared = [c.name for c in table.columns]
    if declared != table.header:
        table.problem(table.header_line, f"the header {table.header} is not the declared columns {declared}")
        return table.problems
    for key in table.unique:
        if unknown := [c for c in key if c not in declared]:
            table.problem(1, f"'#! unique:' names unknown columns {unknown}")
    refs = {c.name: _referenced(table.path, c.args) for c in table.columns if c.kind == "ref"}
    for number, row in table.rows:
        for column in table.columns:
            value = row.get(column.name)
            if value is not None and (message := check_value(column, value, refs.get(column.name, frozenset()))):
                table.problem(number, message, column.name)
    for key in table.unique:
        if any(c not in declared for c in key):
            continue
        first: dict[tuple, int] = {}
        for number, row in table.rows:
            values = tuple(row.get(c, "") for c in key)
            if values in first:
                table.problem(number, f"{values if len(values) > 1 else values[0]!r} again (first on line "
                                      f"{first[values]})", "+".join(key))
            else:
                first[values] = number
    return table.problems


def check_words(path: str | Path) -> list[str]:
    """Problems of a word list: spaces around an entry, blank entries, tabs, duplicates."""
    path, problems, first = Path(path), [], {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f.read().split("\n"), 1):
            if not line or line.startswith("#"):
                continue
            where = f"{path.name}:{number}: "
            if not line.strip():
                problems.append(where + "a blank entry (only spaces)")
                continue
            if line != line.strip():
                problems.append(where + f"spaces around the entry '{line.strip()}'")
            entry = line.strip()
            if "\t" in entry:
                problems.append(where + f"a tab inside the entry '{entry}' (one entry a line)")
            if entry in first:
                problems.append(where + f"'{entry}' again (first on line {first[entry]})")
            first.setdefault(entry, number)
    return problems


def check(path: str | Path) -> list[str]:
    """Every problem of a table or word list, each naming its file, line and column."""
    path = Path(path)
    if path.suffix == ".txt":
        return check_words(path)
    return check_table(read(path))


def rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a valid table with their line numbers; InvalidFile lists the problems otherwise."""
    table = read(path)
    if problems := check_table(table):
        raise InvalidFile("\n".join(problems))
    return table.rows


def main(argv: list[str]) -> int:
    """python -m nlp.resources.validate [files …]: check the given files, or every resource and rule corpus."""
    here = Path(__file__).resolve().parent
    corpora = sorted((here.parent / "events" / "types").glob("*.corpus.tsv"))
    paths = [Path(a) for a in argv] or sorted(p for p in here.iterdir() if p.suffix in (".tsv", ".txt")) + corpora
    problems = [p for path in paths for p in check(path)]
    print("\n".join(problems) or f"{len(paths)} files valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
