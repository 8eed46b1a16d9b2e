"""Which of many patterns could match a stretch of text, found without running them.

Each pattern's required literals (strings one of which every match contains) are
worked out once; a text runs only the patterns whose literals it holds, and those
that need none. The trigger table and the role patterns both sit behind one:
most clauses hold the literals of few of either."""
from __future__ import annotations

import re
from collections.abc import Sequence


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains (None: no such set).
    (?:上市|IPO)(?:申请)?…受理 -> {"受理"}: the most telling required piece is kept."""
    from re import _parser as sre_parse

    return _required(sre_parse.parse(pattern))


def _required(items) -> frozenset[str] | None:
    """Of a sequence: the best single set of `required_sets`."""
    # the set whose shortest string is longest says the most
    return max(required_sets(items), key=lambda o: (min(map(len, o)), -len(o)), default=None)


def required_sets(items, lookarounds: bool = False) -> list[frozenset[str]]:
    """Of a parsed sequence: the sets of strings one of each of which every match holds (its literal runs, and the
    required part of each branch, group and repeat in it). lookarounds: what a lookahead or lookbehind reads counts
    too, right where the whole text is read (a lookbehind reads before a stretch's start)."""
    from re import _constants as c

    options: list[frozenset[str]] = []
    run = ""
    for op, arg in list(items) + [(None, None)]:
        if op is c.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        part = None
        if op is c.BRANCH:
            parts = [_required(branch) for branch in arg[1]]
            part = frozenset().union(*parts) if all(parts) else None
        elif op is c.SUBPATTERN:
            part = _required(arg[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            part = _required(arg[2])
        elif op is c.ASSERT and lookarounds:
            part = _required(arg[1])
        if part:
            options.append(part)
    return options


class LiteralGate:
    def __init__(self, patterns: Sequence[str]):
        from ..entities.names import trie_regex

        needs = [required_literals(p) or frozenset() for p in patterns]
        self.size = len(needs)
        self.enabled = True  # off: every pattern runs (the tests compare the two)
        self._always = frozenset(i for i, n in enumerate(needs) if not n)
        literals = frozenset().union(*needs)
        # one scan finds them all; 挂牌上市 found holds 上市 too
        self._finder = re.compile(trie_regex(literals)) if literals else None
        self._inside = {lit: frozenset(o for o in literals if o in lit) for lit in literals}
        by_literal: dict[str, set[int]] = {}
        for row, need in enumerate(needs):
            for lit in need:
                by_literal.setdefault(lit, set()).add(row)
        self._by_literal = {lit: frozenset(rows) for lit, rows in by_literal.items()}

    def rows(self, text: str, start: int = 0, end: int | None = None) -> list[int]:
        """The indices, in order, of the patterns that could match in text[start:end]."""
        if not self.enabled:
            return list(range(self.size))
        end = len(text) if end is None else end
        present: set[str] = set()
        pos = start
        while self._finder is not None and (m := self._finder.search(text, pos, end)) is not None:
            present |= self._inside[m.group()]
            pos = m.start() + 1
        if not present:
            return sorted(self._always)
        return sorted(self._always.union(*(self._by_literal[lit] for lit in present)))
