"""The name recogniser's character features, shared by its spaCy and numpy forms: per character,
the hash of char|B/I/E/S (its place in its jieba word) and the hash of the jieba word."""
from __future__ import annotations

import functools

REBUILD = "zhfin train ner --data ../shared/data --out models/ner"


@functools.cache
def _jieba():
    """The plain jieba dictionary (the features must not drift with our lexicons), from the
    dictionary cache, without the tags it does not need."""
    from ..segment import dictionary

    return dictionary.load([], with_tags=False)[0]


@functools.lru_cache(maxsize=262144)
def hash_string(text: str) -> int:
    """spaCy's string hash: MurmurHash64A of the UTF-8 bytes, seed 1."""
    data = text.encode("utf-8")
    m, r, mask = 0xc6a4a7935bd1e995, 47, 0xFFFFFFFFFFFFFFFF
    n = len(data)
    h = (1 ^ (n * m)) & mask
    full = n - n % 8
    for i in range(0, full, 8):
        k = (int.from_bytes(data[i:i + 8], "little") * m) & mask
        k = ((k ^ (k >> r)) * m) & mask
        h = ((h ^ k) * m) & mask
    if n % 8:
        h = ((h ^ int.from_bytes(data[full:], "little")) * m) & mask
    h = ((h ^ (h >> r)) * m) & mask
    return h ^ (h >> r)


def char_features(text: str) -> tuple[list[int], list[int]]:
    """Per character of `text`: hash of char|B/I/E/S (position in its jieba
    word) and hash of the jieba word itself."""
    norm: list[int] = []
    lemma: list[int] = []
    h = hash_string
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
