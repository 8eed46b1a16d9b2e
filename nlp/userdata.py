"""The user's own data: names (--lexicon), trigger phrases (--triggers) and a name model (--ner-model).

Two tab-separated files, UTF-8, a header row first; blank lines and lines that start
with '#' are skipped. A bad row stops loading with ``FILE:LINE: what is wrong``.

Lexicon (the columns of nlp/resources/known_names.tsv, ``label`` may be called ``type``)::

    name	type	aliases
    小鹿叮叮	COMPANY	小鹿叮叮科技|XiaoLu
    青禾资本	INVESTOR

    type: COMPANY (a company that may raise money or list), ORG (a regulator, an
    agency: never the subject of an event) or INVESTOR (a company that invests:
    never the company that raises). aliases: optional, separated by '|'.

Triggers (the columns of nlp/resources/event_triggers.tsv; ``phrase`` instead of
``pattern`` for literal text, ``stage`` optional)::

    event	stage	pattern
    funding	-	拿到[^,。；;]{0,20}?(?:投资|注资)
    listing	listed	敲钟

A user's name wins over every built-in guess it overlaps (one entity, with the
user's label); a user's trigger is tried before the built-in ones. Names and
phrases are normalised like the text they are matched in (simplified script,
half-width); a regex pattern is matched as written against that text.

A ``UserData`` is plain frozen data: it keys the pipeline cache (``zhfin.load``)
and travels to batch workers by pickling, so workers need no access to the files
(a ``--ner-model`` folder must exist where the workers run). While a pipeline
with user data runs, ``active()`` returns it: a context variable, not a global,
so two pipelines in one process (or one per thread) never see each other's names.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .document import InputError
from .resources.validate import regex_problem

NAME_TYPES = ("COMPANY", "ORG", "INVESTOR")
FUNDING_STAGES = ("-", "attach", "debt", "placement")
LISTING_STAGES = ("-", "attach", "planned", "filed", "hearing_passed", "registered", "subscription", "priced", "listed",
                  "suspended", "terminated", "withdrawn")
STAGES = {"funding": FUNDING_STAGES, "listing": LISTING_STAGES}
USER_FREQ = 5000  # jieba frequency of a user's name: what the built-in names get


class UserDataError(InputError):
    """A bad lexicon or triggers file: one line, ``FILE:LINE: what is wrong``."""


@dataclass(frozen=True)
class Name:
    name: str  # canonical form, as the user wrote it (normalised)
    label: str  # COMPANY | ORG (an INVESTOR is a COMPANY that invests)
    investor: bool = False
    aliases: tuple[str, ...] = ()

    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TriggerRule:
    event: str  # funding | listing
    stage: str | None  # as in event_triggers.tsv; None for "-"
    pattern: str  # a Python regex (a phrase is stored escaped)
    where: str  # FILE:LINE, for messages


@dataclass(frozen=True)
class UserData:
    names: tuple[Name, ...] = ()
    triggers: tuple[TriggerRule, ...] = ()
    ner_model: str | None = None
    files: tuple[tuple[str, str, str], ...] = ()  # (kind, path, sha256[:16]) of the files read

    def __bool__(self) -> bool:
        return bool(self.names or self.triggers or self.ner_model)

    def find_names(self, text: str) -> list:
        """Every occurrence of the user's names in the analysis text (longest first,
        a legal form after a COMPANY name joins it: 小鹿叮叮股份有限公司)."""
        return _find(self.names, text) if self.names else []

    def claim(self, found: list, text: str) -> list:
        """The user's names replace every entity they overlap."""
        own = self.find_names(text)
        if not own:
            return found
        from .entities.span import Occupied

        busy = Occupied(len(text), own)
        return sorted([e for e in found if not busy.any(e.start, e.end)] + own, key=lambda e: e.start)

    def compiled_triggers(self) -> tuple[tuple[str, str | None, re.Pattern], ...]:
        return _compile_triggers(self.triggers)

    def jieba(self, base):
        """A jieba Tokenizer with the user's names added (a copy of `base`; `base` is untouched)."""
        return _tokenizer(base, self.names) if self.names else base

    def provenance(self) -> dict:
        """What goes into the docs record's options: file names and hashes."""
        out = {kind: {"file": path, "sha256": digest} for kind, path, digest in self.files}
        if self.ner_model:
            out["ner_model"] = self.ner_model
        return out


_ACTIVE: contextvars.ContextVar[UserData | None] = contextvars.ContextVar("zhfin_userdata", default=None)


def active() -> UserData | None:
    """The user data of the pipeline now running, if it has any."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(user: UserData | None):
    token = _ACTIVE.set(user or None)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


# --- loading ------------------------------------------------------------------------------

def load(lexicon: str | Path | None = None, triggers: str | Path | None = None,
         ner_model: str | Path | None = None) -> UserData | None:
    """Read and check the files; None when nothing is given. UserDataError names the bad row."""
    if lexicon is None and triggers is None and ner_model is None:
        return None
    files, names, rules = [], (), ()
    if lexicon is not None:
        names, digest = read_lexicon(lexicon)
        files.append(("lexicon", str(lexicon), digest))
    if triggers is not None:
        rules, digest = read_triggers(triggers)
        files.append(("triggers", str(triggers), digest))
    model = None
    if ner_model is not None:
        if not (Path(ner_model) / "config.cfg").is_file():
            raise UserDataError(f"{ner_model}: no spaCy model here (a folder with config.cfg, as zhfin train ner "
                                "writes it)")
        model = str(Path(ner_model).resolve())
    return UserData(names, rules, model, tuple(files))


def _rows(path: str | Path, columns: dict[str, bool]) -> tuple[list[tuple[int, dict[str, str]]], str]:
    """(line, row) pairs of a user's TSV file, and the file's hash. columns: name -> required.
    A missing optional column at the end of a row is empty."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserDataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserDataError(f"{path}: not UTF-8 (byte {exc.start})") from None
    header, rows = None, []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if header is None:
            header = [("type" if f.lower() == "label" else f.lower()) for f in fields]
            unknown = [f for f in header if f not in columns]
            missing = [c for c, required in columns.items() if required and c not in header]
            if unknown or missing or len(set(header)) != len(header):
                raise UserDataError(f"{path}:{number}: the header row must name the columns "
                                    f"{_describe(columns)}; found {', '.join(fields)}")
            continue
        if len(fields) > len(header):
            raise UserDataError(f"{path}:{number}: {len(fields)} fields, the header has {len(header)} "
                                "(fields are separated by tabs)")
        row = dict(zip(header, fields + [""] * (len(header) - len(fields))))
        if short := [c for c in header if columns[c] and not row[c]]:
            raise UserDataError(f"{path}:{number}: column '{short[0]}' is empty")
        rows.append((number, row))
    if header is None:
        raise UserDataError(f"{path}: empty (a header row is needed: {_describe(columns)})")
    return rows, hashlib.sha256(data).hexdigest()[:16]


def _describe(columns: dict[str, bool]) -> str:
    return "\t".join(c if required else f"[{c}]" for c, required in columns.items()).replace("\t", ", ")


def _normal(text: str) -> str:
    from .text.normalise import to_half_width, to_simplified

    return to_simplified(to_half_width(text))


def read_lexicon(path: str | Path) -> tuple[tuple[Name, ...], str]:
    rows, digest = _rows(path, {"name": True, "type": True, "aliases": False})
    names: list[Name] = []
    first: dict[str, tuple[int, str]] = {}  # surface (lower case) -> (line, canonical)
    for number, row in rows:
        where = f"{path}:{number}"
        kind = row["type"].upper()
        if kind not in NAME_TYPES:
            raise UserDataError(f"{where}: type '{row['type']}' is not one of {', '.join(NAME_TYPES)}")
        name = _normal(row["name"])
        aliases = tuple(dict.fromkeys(_normal(a.strip()) for a in row.get("aliases", "").split("|") if a.strip()))
        for surface in (name, *aliases):
            if len(surface) < 2:
                raise UserDataError(f"{where}: '{surface}' is too short: a name needs two characters or more")
            seen = first.get(surface.lower())
            if seen and seen[1] != name:
                raise UserDataError(f"{where}: '{surface}' is already listed for {seen[1]} on line {seen[0]}")
            first.setdefault(surface.lower(), (number, name))
        names.append(Name(name, "ORG" if kind == "ORG" else "COMPANY", kind == "INVESTOR",
                          tuple(a for a in aliases if a != name)))
    return tuple(names), digest


def read_triggers(path: str | Path) -> tuple[tuple[TriggerRule, ...], str]:
    rows, digest = _rows(path, {"event": True, "stage": False, "pattern": False, "phrase": False})
    out = []
    for number, row in rows:
        where = f"{path}:{number}"
        event, stage = row["event"].lower(), row.get("stage") or "-"
        if event not in STAGES:
            raise UserDataError(f"{where}: event '{row['event']}' is not one of funding, listing")
        if stage not in STAGES[event]:
            raise UserDataError(f"{where}: stage '{stage}' is not one of {', '.join(STAGES[event])} "
                                f"(for a {event} trigger)")
        pattern, phrase = row.get("pattern", ""), row.get("phrase", "")
        if bool(pattern) == bool(phrase):
            raise UserDataError(f"{where}: give a pattern or a phrase (one of the two)")
        if phrase:
            pattern = re.escape(_normal(phrase))
        problem = regex_problem(pattern, "pattern")
        if problem:
            raise UserDataError(f"{where}: {problem}")
        out.append(TriggerRule(event, None if stage == "-" else stage, pattern, where))
    return tuple(out), digest


# --- compiled forms, cached by value (never pickled with the data) ------------------------

@functools.lru_cache(maxsize=8)
def _name_patterns(names: tuple[Name, ...]) -> tuple[re.Pattern, dict[str, Name]]:
    from .entities.names import _LEGAL_FORM_SRC, trie_regex

    table = {surface.lower(): name for name in names for surface in name.surfaces()}
    cjk = trie_regex(s for s in table if not s.isascii())
    latin = trie_regex(s for s in table if s.isascii())
    parts = [f"(?P<cjk>{cjk})(?P<form>{_LEGAL_FORM_SRC})?"] if cjk else []
    if latin:  # Latin names as whole words: Meow in Meowbot is no name
        parts.append(rf"(?<![A-Za-z0-9])(?P<latin>{latin})(?![A-Za-z0-9])")
    return re.compile("|".join(parts), re.IGNORECASE), table


def _find(names: tuple[Name, ...], text: str) -> list:
    from .entities.span import Entity

    pattern, table = _name_patterns(names)
    out = []
    for m in pattern.finditer(text):
        surface = m.group("cjk") if m.groupdict().get("cjk") else m.group("latin")
        name = table[surface.lower()]
        value = {"canonical": name.name, "user": True}
        if name.investor:
            value["investor"] = True
        end = m.end() if name.label == "COMPANY" else m.start() + len(surface)
        out.append(Entity(name.label, m.start(), end, text[m.start():end], value))
    return out


@functools.lru_cache(maxsize=8)
def _compile_triggers(rules: tuple[TriggerRule, ...]) -> tuple[tuple[str, str | None, re.Pattern], ...]:
    return tuple((r.event, r.stage, re.compile(r.pattern)) for r in rules)


@functools.lru_cache(maxsize=4)
def _tokenizer(base, names: tuple[Name, ...]):
    from .segment import fast_jieba

    tok = fast_jieba.with_dictionary(dict(base.FREQ), base.total)
    for name in names:
        for surface in name.surfaces():
            if not surface.isascii():
                tok.add_word(surface, freq=USER_FREQ)
    return tok
