"""The trained COMPANY / ORG / PERSON recogniser (models/ner/, spaCy format, no pickle).

Tokens are single characters (spaCy's "char" segmenter), so every entity
boundary is a token boundary. A small component, ``zhfin_word_features``, gives
each character what it cannot see on its own: NORM = the character plus its
position in the jieba word around it (B/I/E/S), LEMMA = that whole jieba word.
The tok2vec hashes ORTH, NORM, LEMMA and SHAPE into its embeddings.

    from nlp.entities import ner_model
    ner_model.find("红杉资本领投了云帆智能的B轮融资")
    # [("COMPANY", 0, 4), ("COMPANY", 7, 11)]
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, NORM
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ner"
LABELS = ("COMPANY", "ORG", "PERSON")


@functools.cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()  # plain jieba dictionary: the features must not drift with our lexicons
    tok.initialize()
    return tok


@functools.lru_cache(maxsize=262144)
def _h(s: str) -> int:
    return hash_string(s)


def char_features(text: str) -> tuple[list[int], list[int]]:
    """Per character of `text`: hash of char|B/I/E/S (position in its jieba
    word) and hash of the jieba word itself."""
    norm: list[int] = []
    lemma: list[int] = []
    h = _h
    for w in _jieba().cut(text):
        hw = h(w)
        n = len(w)
        if n == 1:
            norm.append(h(w + "|S"))
        else:
            norm.append(h(w[0] + "|B"))
            norm.extend([h(c + "|I") for c in w[1:-1]])
            norm.append(h(w[-1] + "|E"))
        lemma.extend([hw] * n)
    return norm, lemma


def word_features(doc: Doc) -> Doc:
    """Set NORM (char|BIES) and LEMMA (jieba word) on a character-token Doc.

    The values are 64-bit hashes written straight into the tokens: nothing is
    added to the StringStore, so a long batch run does not grow it.
    """
    n = len(doc)
    if not n:
        return doc
    text = doc.text
    norm, lemma = char_features(text)
    arr = numpy.empty((n, 2), dtype="uint64")
    if n == len(text):  # one token per character (no whitespace runs)
        arr[:, 0] = norm
        arr[:, 1] = lemma
    else:  # whitespace runs merge into one token: take each token's first char
        starts = [t.idx for t in doc]
        arr[:, 0] = numpy.asarray(norm, dtype="uint64")[starts]
        arr[:, 1] = numpy.asarray(lemma, dtype="uint64")[starts]
    doc.from_array([NORM, LEMMA], arr)
    return doc


@Language.component("zhfin_word_features")
def _word_features_component(doc: Doc) -> Doc:
    return word_features(doc)


@functools.cache
def load(path: str | Path | None = None) -> Language:
    """The shipped recogniser (cached). `path` overrides models/ner/."""
    import spacy

    return spacy.load(Path(path) if path else MODEL_DIR)


def find(text: str, nlp: Language | None = None) -> list[tuple[str, int, int]]:
    """(label, start, end) character spans of COMPANY / ORG / PERSON names in
    `text`, the analysis text (simplified, half-width); end is exclusive."""
    if not text or not text.strip():
        return []
    nlp = nlp or load()
    doc = nlp(text)
    return [(e.label_, e.start_char, e.end_char) for e in doc.ents]


def find_many(texts, nlp: Language | None = None, batch_size: int = 64):
    """find() over many texts with nlp.pipe; yields one span list per text."""
    nlp = nlp or load()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield [(e.label_, e.start_char, e.end_char) for e in doc.ents]
