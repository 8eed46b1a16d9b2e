"""Which raw texts cannot hold an event, told before normalising them.

Most news holds no funding or listing event (nine texts in ten of a finance feed). Every trigger pattern needs
certain strings: for one of its branches, a string of each set the branch requires (`required_sets`). The lines
a digest's heading or a table's column turns into triggers need that heading word or column header. Where none
of that occurs, normalising the text and testing every trigger (`may_hold_event`) is time wasted: `may_hold`
says False, and `may_hold_event` on the normalised text would have said so too.

Sound over `normalise`: the raw text is read after the same script and width conversion, with the spaces and
thousands separators that normalise deletes inside a phrase (完成 A 輪) deleted too, and more of them. A text
holding anything else normalise deletes (zero-width characters, image links, glosses, a quote inside a name)
goes the full way, as does every text while a user's own trigger rows are in use."""
from __future__ import annotations

import functools
import re
from re import _constants as C
from re import _parser as P

from .. import userdata
from ..entities.names import trie_regex
from ..text.normalise import to_half_width, to_simplified
from ..text.scan import guarded
from . import literal_gate, triggers

# What normalise deletes that could sit inside a phrase, the spaces and separators below aside: invisible
# characters and lone surrogates, ![image](link), a quote inside a name (…0.00%)股份), a day's gloss (今（5）日,
# 9月8日（周一）) and a pinyin gloss (國(guó)). Where one occurs, the text goes the full way.
_DELETES_MORE = guarded(re.compile(
    r"[\u200b-\u200f\u2060\ufeff\u00ad\ud800-\udfff]|!\[|%[)）]"
    r"|[(（](?:(?<=[今昨明前日][(（])|(?<=[\u3400-\u9fff][(（])(?=[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]))"))
# normalise deletes a space between a Chinese character and a Latin letter or digit (raw text); after the
# conversion such a character is still no ASCII one, so deleting every such space (and more) finds all it finds
_SPACE_IN_PHRASE = guarded(re.compile(r"(?<=[^\x00-\x7f]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9%+]) (?=[^\x00-\x7f])"))
_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
_BAR = re.compile(r"[|｜]")


def required_sets(pattern: str) -> list[list[frozenset[str]]]:
    """For each top-level branch of `pattern`, the sets of strings one of each of which every match of that
    branch holds, lookarounds' included: 有(?=…申购…) -> [[{有}, {申购}]]."""
    items = list(P.parse(pattern))
    if len(items) == 1 and items[0][0] is C.BRANCH:
        return [literal_gate.required_sets(branch, lookarounds=True) for branch in items[0][1][1]]
    return [literal_gate.required_sets(items, lookarounds=True)]


class _Needs:
    """Each trigger branch's required sets, and one scan for a telling set of each (its anchor): a branch whose
    anchor is there is read whole, by substring tests."""

    def __init__(self):
        # per anchor string, the rest of each branch's sets, the most telling first (a branch fails soonest there)
        by_anchor: dict[str, set[tuple[frozenset[str], ...]]] = {}
        for pattern in triggers.patterns():
            for sets in required_sets(pattern.pattern):
                if not sets:
                    raise ValueError(f"a trigger branch needs no string: {pattern.pattern[:60]}")
                anchor = max(sets, key=_telling)
                rest = tuple(sorted(set(sets) - {anchor}, key=_telling, reverse=True))
                for lit in anchor:
                    by_anchor.setdefault(lit, set()).add(rest)
        self.by_anchor = {lit: sorted(rests, key=len) for lit, rests in by_anchor.items()}
        self.finder = re.compile(trie_regex(self.by_anchor))
        self.inside = {lit: frozenset(o for o in self.by_anchor if o in lit) for lit in self.by_anchor}
        self.headings = frozenset(triggers.heading_cues())
        self.headers = frozenset(triggers.column_cues())
        literals = {lit for rests in self.by_anchor.values() for rest in rests for need in rest for lit in need}
        literals |= set(self.by_anchor)
        self.digits_inside = any(re.search(r"\d\d", lit) for lit in literals | self.headings | self.headers)


def _telling(need: frozenset[str]) -> tuple[int, bool, int]:
    """The longer its shortest string, the rarer a set's strings are in text; a bracket or 的 says least; of
    two alike, the smaller set."""
    return min(map(len, need)), not any(set(s) <= _COMMON for s in need), -len(need)


_COMMON = frozenset("()的是有给首了在和与为")


@functools.cache
def _needs() -> _Needs:
    return _Needs()


def may_hold(raw: str) -> bool:
    """False only where the normalised text could hold no trigger (`may_hold_event` would say False)."""
    if userdata.active() is not None or _DELETES_MORE.search(raw):
        return True
    needs = _needs()
    text = _SPACE_IN_PHRASE.sub("", to_simplified(to_half_width(raw)))
    if needs.digits_inside:
        text = _THOUSANDS.sub("", text)
    anchors: set[str] = set()
    pos = 0
    while (m := needs.finder.search(text, pos)) is not None:  # from each match's next character: overlaps too
        anchors |= needs.inside[m.group()]
        pos = m.start() + 1
    for lit in anchors:
        for rest in needs.by_anchor[lit]:
            if all(any(s in text for s in need) for need in rest):
                return True
    if ("【" in text or "[" in text) and any(word in text for word in needs.headings):
        return True
    return triggers.counts_listed(text) or (bool(_BAR.search(text)) and any(word in text for word in needs.headers))
