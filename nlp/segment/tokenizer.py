"""jieba inside spaCy: a blank "zh" Language whose tokenizer is a private jieba
instance loaded with the domain dictionary, and which never lets a token cross
a protected span (a value or a known name found before segmentation)."""
from __future__ import annotations

import functools

from .. import resources, userdata
from . import dictionary

# Word lists that go into the jieba dictionary; names get a high frequency so
# that jieba keeps them whole.
_DICTIONARIES = ("finance_terms.txt",)


def _user_words() -> list[tuple[str, int]]:
    """(word, frequency) in the order they are added: a later duplicate wins, as in jieba."""
    words = [(word, 2000) for name in _DICTIONARIES for word in resources.words(name)]
    for row in resources.table("known_names.tsv"):
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            if len(name) > 1 and not name.isascii():
                words.append((name, 5000))
    return words


@functools.cache
def _loaded():
    return dictionary.load(_user_words())


def jieba_tokenizer():
    """A private jieba Tokenizer with the domain words (jieba's global one is left alone);
    while a pipeline with a user lexicon runs, a copy with the user's names added."""
    user = userdata.active()
    return user.jieba(_loaded()[0]) if user else _loaded()[0]


def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags, word -> tag (what jieba.posseg looks up)."""
    return _loaded()[1]


def segment(text: str, protected: list[tuple[int, int]] = ()) -> list[str]:
    """Words of `text`; every protected span is one word of its own."""
    tok = jieba_tokenizer()
    words: list[str] = []
    last = 0
    for start, end in sorted(protected):
        if start < last:  # overlapping protection: keep the earlier one
            continue
        if start > last:
            words.extend(tok.lcut(text[last:start]))
        word = text[start:end]
        core = word.strip()
        if core != word:  # whitespace is never part of a word for spaCy
            lead = len(word) - len(word.lstrip())
            words.extend(w for w in (word[:lead], core, word[lead + len(core):]) if w)
        else:
            words.append(word)
        last = end
    if last < len(text):
        words.extend(tok.lcut(text[last:]))
    return words


class JiebaTokenizer:
    """spaCy tokenizer interface: text -> Doc. Protected spans travel in `protect`.
    (spaCy is imported here only: the record path needs no Doc and starts faster.)"""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str, protect: list[tuple[int, int]] = ()):
        return self.make_doc(text, segment(text, protect))

    def make_doc(self, text: str, words: list[str], sentence_starts: set[int] = frozenset()):
        """A Doc of the given words; tokens starting at `sentence_starts` begin sentences."""
        from spacy.tokens import Doc
        from spacy.util import get_words_and_spaces

        words, spaces = get_words_and_spaces([w for w in words if w], text)
        starts, pos = [], 0
        for word, space in zip(words, spaces):
            starts.append(pos == 0 or pos in sentence_starts)
            pos += len(word) + space
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts if sentence_starts else None)


def with_offsets(words: list[str]) -> list[tuple[str, int]]:
    """(word, start offset) pairs; jieba's words concatenate to the text exactly."""
    out, pos = [], 0
    for word in words:
        out.append((word, pos))
        pos += len(word)
    return out


@functools.cache
def blank_zh():
    """A blank Chinese spaCy pipeline whose tokenizer is ours."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    return nlp
