"""Windows -> wordpiece inputs, character labels -> token labels, token labels -> spans.

No torch here: the tokenizer is any Hugging Face fast tokenizer (offsets needed).
One window is encoded as a sentence pair

    [CLS] 融资 [SEP] …text of the window, [unused1]trigger[unused2] marked… [SEP]

the first part names the event type, the second is the window (token type 1),
with each trigger between two marker tokens when the vocabulary has unused slots.
Text is lower-cased character by character (offsets unchanged): Chinese BERT
vocabularies hold lower-case Latin only."""
from __future__ import annotations

from dataclasses import dataclass

from ..events import tagger

LABELS = ("O", "B-CO", "I-CO", "B-INV", "I-INV")
EVENT_WORDS = {"funding": "融资", "listing": "上市"}
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


def decode(enc: Encoded, labels: list[int], probs: list[float], event: str) -> list[tagger.Tagged]:
    """Token labels -> tagged spans in text offsets (an I- without its B- starts a span too);
    p: the probability of the span's first label. Listing windows have no investors."""
    out: list[tagger.Tagged] = []
    cur = None  # (role, start, end, p)
    for span, lab, p in [*zip(enc.spans, labels, probs), (None, 0, 0.0)]:
        name = LABELS[lab] if span is not None else "O"
        role = name[2:] if name != "O" else None
        if cur and (role is None or name.startswith("B-") or role != cur[0]):
            if cur[0] == "CO" or event == "funding":
                out.append(tagger.Tagged(event, cur[0], cur[1], cur[2], cur[3]))
            cur = None
        if role is not None:
            if cur is None:
                cur = (role, span[0], span[1], p)
            else:
                cur = (cur[0], cur[1], span[1], cur[3])
    return out


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
