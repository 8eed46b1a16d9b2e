"""The learned answer to "who is this event about": a character CRF that tags,
in each clause with a funding or listing trigger, the event's company (CO) and,
for funding, its investors (INV).

It reads what the rules saw at that point, never a lexicon of its own: the
characters, the jieba words and their dictionary tags, the entities found so
far (values, known names, suffix and role names), and where the triggers of
the event type stand. So it can find a name no rule knows (a short brand, a
Latin name, 大行科工 before its ticker) from the way the clause is written, and
it learns which of several names the event is about.

It runs in the name stage, after role discovery: a tagged span that overlaps no
name yet becomes a COMPANY (found_by "tagger"), so that it joins the party
clusters; every tagged span, with its probability, travels in Context.tagged to
the learned proposer of the event stage.

The model is a CRFsuite file (models/tagger/party.crfsuite, not pickle) with a
JSON card beside it; `zhfin train tagger` rebuilds both."""
from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..entities.names import HELPS_OR_GREETS, LOCAL_STATE_FIRM, PLACE_KIND
from ..entities.span import Entity, Occupied
from ..paths import MODELS, missing
from .context import PARTY_COUNT, WRITERS_VERB
from .discover import generic_latin_before
from .triggers import SEGMENT_BREAK

MODEL_DIR = MODELS / "tagger"
MODEL_FILE = "party.crfsuite"
FORMAT = "zhfin.party_tagger/1"
REBUILD = "zhfin train tagger --data ../shared/data --out models/tagger"
ROLES = ("CO", "INV")
MAX_CHARS = 160  # a longer clause is tagged around its triggers only
_FUNDING_INSTRUMENTS = ("debt", "placement")


@dataclass(frozen=True, slots=True)
class Tagged:
    event: str  # funding | listing
    role: str  # CO | INV
    start: int
    end: int
    p: float  # the model's marginal probability of the span's first tag


# --- features ----------------------------------------------------------------------

def _char_class(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L" if c.islower() else "U"
    if c.isspace():
        return "S"
    return c if c in "()“”\"「」《》【】,.、:：;-+&·" else "P"


def _bucket(d: int) -> str:
    """Signed distance to the nearest trigger, coarsely."""
    a = abs(d)
    b = "0" if a == 0 else "1" if a <= 2 else "2" if a <= 5 else "3" if a <= 10 else "4" if a <= 20 else "5" if a <= 40 else "6"
    return ("-" if d < 0 else "+") + b


def _nearest(pos: int, starts: list[int]) -> int:
    """pos minus the nearest trigger start (the earlier one on a tie); 999 with none."""
    k = bisect.bisect_left(starts, pos)
    if k == 0:
        return pos - starts[0] if starts else 999
    before = pos - starts[k - 1]
    if k == len(starts):
        return before
    after = pos - starts[k]
    return after if abs(after) < before else before


# a character no jieba word covers: its word features (position B, as a word's first character)
_NO_WORD = ("wp=B", "wl=0", "t=?|B", "pw=^", "nw-", "pt=?", "nt-")


@functools.cache
def _breaks(c: str) -> bool:
    return bool(SEGMENT_BREAK.match(c))


def clause_features(text: str, start: int, end: int, event: str, trigger_spans: list[tuple[int, int]],
                    words: list[tuple[str, int]], entities: list[Entity], tags: dict) -> list[list[str]]:
    """One feature list per character of text[start:end]. `words`: the jieba words
    (text, start) covering the window; `entities`: those inside it; `tags`: jieba's
    dictionary part-of-speech tags. (Built per word and per window first, then column
    by column: this runs on every trigger clause of a batch.)"""
    n = end - start
    chars = text[start:end]
    cls = [_char_class(c) for c in chars]
    padded = "^^" + chars + "$$"
    cls_p = ["^", *cls, "$"]
    word_list = [(w, s) for w, s in words if s < end and s + len(w) > start]
    word_of = [_NO_WORD] * n  # per character, the features its word and the words around it give
    whole_word: list[str | None] = [None] * n  # w=…, for a word of at most 4 characters
    for k, (w, s) in enumerate(word_list):
        wl = len(w)
        prev_w = word_list[k - 1][0] if k > 0 else "^"
        next_w = word_list[k + 1][0] if k + 1 < len(word_list) else "$"
        tag = tags.get(w, "?")
        length, pw, nw = f"wl={min(wl, 5)}", f"pw={prev_w}", f"nw={next_w}"
        pt, nt = f"pt={tags.get(prev_w, '?')}", f"nt={tags.get(next_w, '?')}"
        for i in range(max(s, start), min(s + wl, end)):
            wi = i - s
            wpos = "S" if wl == 1 else "B" if wi == 0 else "E" if wi == wl - 1 else "M"
            opens, closes = wpos in "BS", wpos in "ES"
            word_of[i - start] = ("wp=" + wpos, length, f"t={tag}|{wpos}", pw if opens else "pw-",
                                  nw if closes else "nw-", pt if opens else "pt-", nt if closes else "nt-")
            if wl <= 4:
                whole_word[i - start] = "w=" + w
    seg_id, seg = [], 0
    for c in chars:
        seg_id.append(seg)
        if _breaks(c):
            seg += 1
    trig_segs = {seg_id[s - start] for s, _ in trigger_spans if start <= s < end}
    inside = [False] * n
    for s, e in trigger_spans:
        for i in range(max(s, start), min(e, end)):
            inside[i - start] = True
    starts = sorted(s for s, _ in trigger_spans)
    ev = f"ev={event}"
    bucket = [_bucket(0 if inside[i] else _nearest(start + i, starts)) for i in range(n)]
    ent_of = [None] * n
    for e in entities:
        value = e.value or {}
        how = value.get("found_by") or ("weak" if value.get("weak") else "known" if value.get("canonical") else "rule")
        for i in range(max(e.start, start), min(e.end, end)):
            ent_of[i - start] = (e.label, i == e.start, how)
    out = [
        ["b", "c=" + chars[i], "k=" + cls[i], "c-1=" + padded[i + 1], "c+1=" + padded[i + 3],
         "c-2=" + padded[i], "c+2=" + padded[i + 4], "b-=" + padded[i + 1:i + 3], "b+=" + padded[i + 2:i + 4],
         "k3=" + cls_p[i] + cls[i] + cls_p[i + 2], *word_of[i],
         "d=" + bucket[i], ev + "|d=" + bucket[i], "seg=" + str(seg_id[i] in trig_segs), ev]
        for i in range(n)
    ]
    for i, f in enumerate(out):
        if whole_word[i] is not None:
            f.append(whole_word[i])
        ent = ent_of[i]
        if ent is not None:
            label, first, how = ent
            f += [f"e={label}|{'B' if first else 'I'}", f"eh={label}|{how}", f"{ev}|e={label}|{bucket[i]}"]
        else:
            f.append("e=O")
    return out


# --- windows: which stretch of which clause is tagged, for which event type --------------

def live_triggers(clause) -> dict[str, list]:
    """event type -> its triggers in the clause that may report an event (not negated,
    not hearsay; a funding only planned does not count unless it names a bond or
    placement)."""
    out: dict[str, list] = {}
    for t in clause.triggers:
        if t.negated or t.rumour or t.stage == "attach":
            continue
        if t.event == "funding" and t.modal and t.stage not in _FUNDING_INSTRUMENTS:
            continue
        out.setdefault(t.event, []).append(t)
    return out


def windows(clause, triggers: list) -> tuple[int, int]:
    """The clause, or MAX_CHARS around its triggers when it is longer."""
    if clause.end - clause.start <= MAX_CHARS:
        return clause.start, clause.end
    lo = min(t.start for t in triggers)
    hi = max(t.end for t in triggers)
    pad = max(0, (MAX_CHARS - (hi - lo)) // 2)
    start = max(clause.start, lo - max(pad, 60))
    return start, min(clause.end, max(hi + pad, start + MAX_CHARS))


def units(text: str, clauses: list, words: list[tuple[str, int]], found: list[Entity], tags: dict):
    """(event, start, end, features) of every window to tag."""
    ents = sorted(found, key=lambda e: e.start)
    ent_starts = [e.start for e in ents]
    longest = max((e.end - e.start for e in ents), default=0)
    word_starts = [s for _, s in words]  # words are in order and do not overlap
    for clause in clauses:
        for event, triggers in live_triggers(clause).items():
            start, end = windows(clause, triggers)
            lo = max(bisect.bisect_right(word_starts, start) - 1, 0)
            inside_words = [(w, s) for w, s in words[lo : bisect.bisect_left(word_starts, end)] if s + len(w) > start]
            lo = bisect.bisect_left(ent_starts, start - longest)
            inside_ents = [e for e in ents[lo : bisect.bisect_left(ent_starts, end)] if e.end > start]
            spans = [(t.start, t.end) for t in triggers]
            yield event, start, end, clause_features(text, start, end, event, spans, inside_words, inside_ents, tags)


def decode(labels: list[str], probs: list[float], offset: int, event: str) -> list[Tagged]:
    """BIO labels -> spans (an I- without its B- starts a span too)."""
    out, cur = [], None
    for i, lab in enumerate(labels + ["O"]):
        if lab == "O" or lab.startswith("B-") or (cur and lab[2:] != cur[0]):
            if cur:
                out.append(Tagged(event, cur[0], offset + cur[1], offset + i, cur[2]))
                cur = None
        if lab != "O" and cur is None:
            cur = (lab[2:], i, probs[i])
    return out


# --- the model ---------------------------------------------------------------------------

class PartyTagger:
    def __init__(self, model_dir: Path = MODEL_DIR):
        import pycrfsuite

        card = model_dir / "card.json"
        path = model_dir / MODEL_FILE
        if not path.exists() or not card.exists():
            raise FileNotFoundError(missing("party tagger", model_dir, REBUILD))
        meta = json.loads(card.read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{card}: not a {FORMAT} model (format={meta.get('format')!r})")
        self.min_p = float(meta.get("min_p", 0.5))
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, text: str, clauses: list, words: list[tuple[str, int]], found: list[Entity]) -> list[Tagged]:
        from ..entities.names import _word_tags

        out: list[Tagged] = []
        for event, start, end, feats in units(text, clauses, words, found, _word_tags()):
            labels = self._tagger.tag(feats)
            if all(lab == "O" for lab in labels):
                continue
            probs = [self._tagger.marginal(lab, i) if lab != "O" else 0.0 for i, lab in enumerate(labels)]
            out += [_without_particle(text, t) for t in decode(labels, probs, start, event) if t.p >= self.min_p]
        return out


# 受理了泓锐股份的申请, 除澄泰股份外: jieba glues 了 / 的 / 除 to an unknown name after it, and the tagger follows
# the word; no name opens with any of them
_PARTICLE = "了的除"


def _without_particle(text: str, t: Tagged) -> Tagged:
    if t.end - t.start > 2 and text[t.start] in _PARTICLE:
        return Tagged(t.event, t.role, t.start + 1, t.end, t.p)
    return t


@functools.cache
def load(model_dir: str | None = None) -> PartyTagger:
    return PartyTagger(Path(model_dir) if model_dir else MODEL_DIR)


# A span the tagger calls a party must still look like a name.
_WITHIN = re.compile(r"(?:半年|[一两二三四五六七八九十\d]+(?:年|个月|天|周))内$")
# (棻岱股份子公司获…授信: a parent's unnamed subsidiary, named in the text below, is no name)
_NOT_A_NAME = re.compile(r"^[\d\W_]+$|^(?:公司|本公司|该公司|集团|发行人|其|本轮|投资方|投资人|机构)$|^.{2,}(?:子|孙|分)公司$|^"
                         + PARTY_COUNT)
# …nor hold the verb between two names (星河半导体获云帆电子策略入股: 星河半导体 | 获 | 云帆电子)
_RECEIVES_INSIDE = re.compile(r"[^\W\d_]{2}获(?![悉知])得?[^\W\d_]{2}")
# …nor hold its helper before it (岵衡助力溇芯半导体完成融资: a law firm and its client)
_HELPER_VERB = re.compile(HELPS_OR_GREETS)
# …and not say what the company after it does (做电池外观检测的星衡智能)
_DOES = re.compile(r"(?:专|主)?做|专注|专门|从事|主打|提供|致力于|聚焦|研发|开发|生产")


def new_names(text: str, tagged: list[Tagged], found: list[Entity]) -> list[Entity]:
    """Tagged spans that overlap no name found so far, as COMPANY entities."""
    busy = Occupied(len(text), [e for e in found if not e.weak])
    name_ends = {e.end for e in found}
    name_starts = {e.start for e in found}
    out = []
    for t in sorted(tagged, key=lambda t: -t.p):
        lead = WRITERS_VERB.match(text, t.start, t.end)  # 回看|澜途汽车电子的IPO之路: the writer looks back
        start = lead.end() if lead and t.end - lead.end() >= 2 else t.start
        # 做电池外观检测的星衡智能, 一个是做SiC驱动芯片的璞曜微电子: what the name after it does
        describes = text.startswith("的", t.end) and t.end + 1 in name_starts \
            and bool(_DOES.match(text, start, t.end) or _DOES.search(text, max(0, start - 2), start))
        # 宠物健康App毛噜健康, 餐饮SaaS飨点科技: a generic Latin word after the description is no part of the name
        if word := generic_latin_before().match(text, start, t.end):
            start = word.end()
        if (helper := _HELPER_VERB.search(text, start, t.end)) and t.end - helper.end() >= 2:
            start = helper.end()
        end = t.end
        if (within := _WITHIN.search(text, start, end)) and within.start() - start >= 2:
            end = within.start()  # 这是栎澄半年内的第二次融资: the time span after the name is no part of it
        surface = text[start:end].strip()
        if len(surface) < 2 or _NOT_A_NAME.match(surface) or LOCAL_STATE_FIRM.match(surface) \
                or _RECEIVES_INSIDE.search(surface) \
                or busy.any(start, end) or describes or (PLACE_KIND.fullmatch(surface) and end in name_starts) \
                or _in_gloss(text, start, name_ends) or _joins_two(text, t, found):
            continue
        busy.take(start, end)
        out.append(Entity("COMPANY", start, end, text[start:end], {"found_by": "tagger"}))
    return out


_JOINER = re.compile(r"\s*(?:与|和|及|、)\s*")


def _joins_two(text: str, span: Tagged, found: list[Entity]) -> bool:
    """澜川芯片与星河汽车: a span over two names found already, joined by 与 / 和 / 及 / 、, is those two."""
    inside = sorted((e.start, e.end) for e in found if span.start <= e.start and e.end <= span.end)
    return any(_JOINER.fullmatch(text, a_end, b_start) for (_, a_end), (b_start, _) in zip(inside, inside[1:]))


def _in_gloss(text: str, start: int, name_ends: set[int]) -> bool:
    """锂衡能源(Lithera Energy Corp.): the bracket after a name glosses it; nothing in it is a new party."""
    opened = text.rfind("(", max(0, start - 40), start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    while opened and text[opened - 1] == " ":
        opened -= 1
    return opened in name_ends
