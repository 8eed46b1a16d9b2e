"""Windows -> wordpiece inputs, character labels -> token labels, token labels -> spans.

No torch here: the tokenizer is any Hugging Face fast tokenizer (offsets needed).
One window is encoded as a sentence pair

    [CLS] 融资 [SEP] …text of the window, [unused1]trigger[unused2] marked… [SEP]

the first part names the event type, the second is the window (token type 1),
with each trigger between two marker tokens when the vocabulary has unused slots.
Text is lower-cased character by character (offsets unchanged): Chinese BERT
vocabularies hold lower-case Latin only."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..events import tagger

LABELS = ("O", "B-CO", "I-CO", "B-INV", "I-INV")
EVENT_WORDS = {"funding": "融资", "listing": "上市", "names": "公司"}  # names: FinNER companies (training)
MARKERS = ("[unused1]", "[unused2]")
MAX_LEN = 192  # wordpieces per window with the prefix and markers (windows hold at most 160 characters)
IGNORE = -100  # a token that has no label (prefix, markers, special tokens)


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of a clause tagged for one event type (the party tagger's windows)."""
    event: str
    start: int
    end: int
    triggers: tuple[tuple[int, int], ...]


def windows(clauses) -> list[Window]:
    """The windows of the clauses with a live trigger: those the party tagger reads."""
    out = []
    for clause in clauses:
        for event, triggers in tagger.live_triggers(clause).items():
            start, end = tagger.windows(clause, triggers)
            out.append(Window(event, start, end, tuple((t.start, t.end) for t in triggers)))
    return out


@dataclass(slots=True)
class Encoded:
    ids: list[int]
    types: list[int]
    spans: list[tuple[int, int] | None]  # per token: its characters in the text; None: prefix, marker, special


def lower(text: str) -> str:
    """Lower case without moving an offset (a character whose lower case is longer stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Encoder:
    def __init__(self, tokenizer, config: dict):
        self.tokenizer = tokenizer
        self.max_len = int(config.get("max_len", MAX_LEN))
        self.lowercase = bool(config.get("lowercase", True))
        words = config.get("event_words", EVENT_WORDS)
        self.prefix = {ev: tokenizer(w, add_special_tokens=False)["input_ids"] for ev, w in words.items()}
        markers = config.get("markers")
        self.markers = tuple(tokenizer.convert_tokens_to_ids(m) for m in markers) if markers else None
        self.cls, self.sep = tokenizer.cls_token_id, tokenizer.sep_token_id

    def encode(self, text: str, wins: list[Window]) -> list[Encoded]:
        pieces = [text[w.start : w.end] for w in wins]
        if self.lowercase:
            pieces = [lower(p) for p in pieces]
        batch = self.tokenizer(pieces, add_special_tokens=False, return_offsets_mapping=True)
        return [self._one(w, ids, offsets) for w, ids, offsets in zip(wins, batch["input_ids"], batch["offset_mapping"])]

    def _one(self, w: Window, ids: list[int], offsets) -> Encoded:
        prefix = self.prefix.get(w.event) or self.tokenizer(w.event, add_special_tokens=False)["input_ids"]
        head = [self.cls, *prefix, self.sep]
        inside = [False] * (w.end - w.start)
        for s, e in w.triggers:
            for i in range(max(s, w.start), min(e, w.end)):
                inside[i - w.start] = True
        body: list[tuple[int, tuple[int, int] | None]] = []
        was_inside = False
        for tid, (s, e) in zip(ids, offsets):
            if self.markers is not None and e > s and inside[s] != was_inside:
                was_inside = inside[s]
                body.append((self.markers[0] if was_inside else self.markers[1], None))
            body.append((tid, (w.start + s, w.start + e)))
        if was_inside:
            body.append((self.markers[1], None))
        body = body[: self.max_len - len(head) - 1]  # windows are centred on their triggers: cut the end
        out_ids = head + [tid for tid, _ in body] + [self.sep]
        spans = [None] * len(head) + [span for _, span in body] + [None]
        types = [0] * len(head) + [1] * (len(body) + 1)
        return Encoded(out_ids, types, spans)


def token_labels(enc: Encoded, char_labels: list[str], offset: int) -> list[int]:
    """The label id of each token: that of its first character (IGNORE where it has none).
    char_labels cover text[offset:offset + len(char_labels)]."""
    index = {lab: i for i, lab in enumerate(LABELS)}
    out = []
    for span in enc.spans:
        if span is None:
            out.append(IGNORE)
            continue
        k = span[0] - offset
        out.append(index.get(char_labels[k], 0) if 0 <= k < len(char_labels) else 0)
    return out


def decode(enc: Encoded, rows: list[list[float]], event: str) -> list[tagger.Tagged]:
    """Token probabilities (one row of LABELS per token) -> tagged spans in text offsets.

    A token is in role r where P(B-r) + P(I-r) beats O and the other role; a span is a
    run of one role, a new one starting at a token whose B- outweighs its I-. p: the
    mean probability of the role over the span's tokens. Listing windows have no investors."""
    out: list[tagger.Tagged] = []
    cur = None  # [role, start, end, sum of p, tokens]

    def close():
        if cur and (cur[0] == "CO" or event == "funding"):
            out.append(tagger.Tagged(event, cur[0], cur[1], cur[2], round(cur[3] / cur[4], 4)))

    for span, row in zip(enc.spans, rows):
        role, p, begins = None, 0.0, False
        if span is not None:
            co, inv = row[1] + row[2], row[3] + row[4]
            if co > row[0] and co >= inv:
                role, p, begins = "CO", co, row[1] > row[2]
            elif inv > row[0]:
                role, p, begins = "INV", inv, row[3] > row[4]
        if cur and (role != cur[0] or begins):
            close()
            cur = None
        if role is None:
            continue
        if cur is None:
            cur = [role, span[0], span[1], p, 1]
        else:
            cur[2], cur[3], cur[4] = span[1], cur[3] + p, cur[4] + 1
    close()
    return out


def snap(spans: list[tagger.Tagged], words: list[tuple[str, int]]) -> list[tagger.Tagged]:
    """Each span widened to the whole of the words it cuts into (瑞幸咖|啡 -> 瑞幸咖啡, 小|鹏汽车 ->
    小鹏汽车): a party's name never ends inside a word. words: (word, start), in order."""
    if not words:
        return spans
    starts = [s for _, s in words]
    best: dict[tuple, tagger.Tagged] = {}
    for t in spans:
        start, end = t.start, t.end
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and starts[i] + len(words[i][0]) > start:
            start = starts[i]
        j = bisect.bisect_right(starts, end - 1) - 1
        if j >= 0 and starts[j] + len(words[j][0]) > end:
            end = starts[j] + len(words[j][0])
        key = (t.event, t.role, start, end)
        if key not in best or best[key].p < t.p:
            best[key] = tagger.Tagged(t.event, t.role, start, end, t.p)
    return sorted(best.values(), key=lambda t: (t.start, t.end))


def char_labels(spans: list[tagger.Tagged], start: int, end: int) -> list[str]:
    """BIO labels of text[start:end] from tagged spans (for span-level scoring)."""
    out = ["O"] * (end - start)
    for t in spans:
        s, e = max(t.start, start), min(t.end, end)
        if s >= e:
            continue
        out[s - start] = f"B-{t.role}"
        for i in range(s + 1, e):
            out[i - start] = f"I-{t.role}"
    return out
