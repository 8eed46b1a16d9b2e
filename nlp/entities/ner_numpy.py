"""The name recogniser of models/ner run in numpy: the spans spaCy finds with it, without
importing spaCy or thinc (a cold start pays 0.05 s for it, not 2 s).

It reads the model's own files (thinc's msgpack, with srsly) and repeats the forward pass of
nlp/entities/ner_model.py: per character token, three hashed embeddings (ORTH, NORM = char|BIES
in its jieba word, LEMMA = the jieba word) -> maxout + layer norm -> three residual window
layers -> the BILUO head -> the same decoder (nlp/entities/biluo.py). tests/test_ner_numpy.py
holds it to spaCy's spans."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy

from . import biluo
from .ner_features import REBUILD, char_features, hash_string


def hash_keys(ids: numpy.ndarray, seed: int) -> numpy.ndarray:
    """thinc's ops.hash: four 32-bit keys per 64-bit id (MurmurHash3_x86_128 of one uint64)."""
    with numpy.errstate(over="ignore"):
        s = numpy.uint64(seed ^ 8)
        h1 = ids.astype(numpy.uint64) * numpy.uint64(0x87c37b91114253d5)
        h1 = (h1 << numpy.uint64(31)) | (h1 >> numpy.uint64(33))
        h1 = h1 * numpy.uint64(0x4cf5ad432745937f)
        h1 = h1 ^ s
        h2 = numpy.full_like(h1, s)
        h1 = h1 + h2
        h2 = h2 + h1
        h1, h2 = _fmix64(h1), _fmix64(h2)
        h1 = h1 + h2
        h2 = h2 + h1
    low = numpy.uint64(0xFFFFFFFF)
    return numpy.stack([h1 & low, h1 >> numpy.uint64(32), h2 & low, h2 >> numpy.uint64(32)], axis=1)


def _fmix64(h):
    h = h ^ (h >> numpy.uint64(33))
    h = h * numpy.uint64(0xff51afd7ed558ccd)
    h = h ^ (h >> numpy.uint64(33))
    h = h * numpy.uint64(0xc4ceb9fe1a85ec53)
    return h ^ (h >> numpy.uint64(33))


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the tokens spaCy's character segmenter makes: one per character; one
    space after a character is that token's trailing space; other whitespace is a token."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i].isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            out.append((i, j))
            i = j
            continue
        out.append((i, i + 1))
        i += 1
        if i < n and text[i] == " ":
            i += 1  # the trailing space of the character before
    return out


def _seq2col(x: numpy.ndarray, window: int) -> numpy.ndarray:
    """Each row with `window` rows before and after it (zeros beyond the ends), in order."""
    n, d = x.shape
    padded = numpy.zeros((n + 2 * window, d), dtype=x.dtype)
    padded[window:window + n] = x
    return numpy.concatenate([padded[k:k + n] for k in range(2 * window + 1)], axis=1)


def _maxout_norm(x: numpy.ndarray, layer: tuple) -> numpy.ndarray:
    """Maxout (the best of nP pieces for each of nO outputs), then layer norm (thinc's epsilon)."""
    w, b, n_pieces, g, gb = layer
    z = x @ w
    z += b
    y = z[:, 0::n_pieces]  # the weights are laid out output by output, piece by piece
    for p in range(1, n_pieces):
        y = numpy.maximum(y, z[:, p::n_pieces])
    y -= y.mean(axis=1, keepdims=True)
    var = (y * y).mean(axis=1, keepdims=True)
    var += 1e-08
    return y * (var ** -0.5) * g + gb


class Recogniser:
    def __init__(self, where: Path):
        import srsly  # light: the serialisation library spaCy and thinc use

        t2v = srsly.msgpack_loads((where / "tok2vec" / "model").read_bytes())
        head = srsly.msgpack_loads((where / "ner" / "model").read_bytes())
        self.tags = tuple(json.loads((where / "ner" / "cfg").read_text(encoding="utf-8"))["labels"])
        self.embeddings = []  # (table, seed) for ORTH, NORM, LEMMA
        self.window, self.encoder_pad = None, None
        for node, attrs, params in zip(t2v["nodes"], t2v["attrs"], t2v["params"]):
            attrs = {k: srsly.msgpack_loads(v) for k, v in attrs.items()}
            if node["name"] == "hashembed":
                self.embeddings.append((params["E"], int(attrs["seed"])))
            elif node["name"] == "expand_window" and self.window is None:
                self.window = int(attrs["window_size"])
            elif node["name"].startswith("with_array(residual") and "pad" in attrs:
                self.encoder_pad = int(attrs["pad"])
        self.layers = self._norm_layers(t2v)  # the reduce layer, then the encoder's residual layers
        self.head = self._norm_layers(head)[0]
        self.head_window, self.head_pad = 1, 1
        for node, attrs in zip(head["nodes"], head["attrs"]):
            attrs = {k: srsly.msgpack_loads(v) for k, v in attrs.items()}
            if node["name"] == "expand_window":
                self.head_window = int(attrs["window_size"])
            elif node["name"].startswith("with_array(") and "pad" in attrs:
                self.head_pad = int(attrs["pad"])
        softmax = next(p for n, p in zip(head["nodes"], head["params"]) if n["name"] == "softmax")
        self.out_w, self.out_b = softmax["W"], softmax["b"]

    @staticmethod
    def _norm_layers(serialised: dict) -> list[tuple]:
        """Each maxout with the layer norm after it, in order, its weights laid out for one matmul."""
        out, maxout = [], None
        for node, params in zip(serialised["nodes"], serialised["params"]):
            if node["name"] == "maxout":
                maxout = params
            elif node["name"] == "layernorm" and maxout is not None:
                w, b = maxout["W"], maxout["b"]  # (nO, nP, nI), (nO, nP)
                out.append((numpy.ascontiguousarray(w.reshape(-1, w.shape[2]).T), b.reshape(-1), w.shape[1],
                            params["G"], params["b"]))
                maxout = None
        return out

    def scores(self, texts: list[str]) -> list[tuple[numpy.ndarray, list[tuple[int, int]]]]:
        """(token scores, token spans) per text, every text in one pass: each layer is one matmul over the
        rows of all texts. Where a window layer would reach past a text's rows it meets zero rows, as when a
        text runs alone, so each text's scores do not depend on the others."""
        spans = [tokens(t) for t in texts]
        ids = []
        for text, text_spans in zip(texts, spans):
            norm, lemma = char_features(text)
            ids += [[hash_string(text[s:e]), norm[s], lemma[s]] for s, e in text_spans]
        ids = numpy.array(ids, dtype=numpy.uint64)
        x = numpy.concatenate([table[hash_keys(ids[:, col], seed) % numpy.uint64(len(table))].sum(axis=1)
                               for col, (table, seed) in enumerate(self.embeddings)], axis=1)
        x = _maxout_norm(x, self.layers[0])
        lengths = [len(s) for s in spans]
        # the encoder's own padding rows take part in its layers; zero rows between texts stand for the edge
        a, rows, gap = _stacked(x, lengths, self.encoder_pad, self.window)
        for layer in self.layers[1:]:
            a = a + _maxout_norm(_seq2col(a, self.window), layer)
            a[gap] = 0
        y = a[rows]
        h, rows, _ = _stacked(y, lengths, self.head_pad, self.head_window)  # the head's padding stays zero
        h = _maxout_norm(_seq2col(h, self.head_window), self.head)
        out = h[rows] @ self.out_w.T + self.out_b
        bounds = numpy.cumsum([0] + lengths)
        return [(out[i:j], s) for i, j, s in zip(bounds, bounds[1:], spans)]

    def find_many(self, texts):
        """(label, start, end) character spans per text, the texts decoded together as spaCy does."""
        texts = list(texts)
        blank = numpy.zeros((0, len(self.tags)), "float32"), []
        live = [i for i, t in enumerate(texts) if t and t.strip()]
        done = [blank] * len(texts)
        with _one_blas_thread():  # small matrices: BLAS threads would only spin (and batch runs one process per core)
            for group in _batches(live, [len(texts[i]) for i in live]):
                for i, scored in zip(group, self.scores([texts[i] for i in group])):
                    done[i] = scored
        paths = biluo.decode_biluo([s for s, _ in done], self.tags)
        for (_, spans), path in zip(done, paths):
            yield [(label, spans[i][0], spans[j - 1][1]) for label, i, j in biluo.spans(path, self.tags)]


# characters scored in one pass: enough to spare numpy's per-call cost on short clauses, few enough that a
# hostile text of thousands of clauses does not build layers of hundreds of megabytes
_BATCH_CHARS = 4096


def _batches(items: list[int], sizes: list[int]) -> list[list[int]]:
    """The items in order, in runs of at most _BATCH_CHARS characters (a longer item alone)."""
    out, run, total = [], [], 0
    for item, size in zip(items, sizes):
        if run and total + size > _BATCH_CHARS:
            out.append(run)
            run, total = [], 0
        run.append(item)
        total += size
    return out + [run] if run else out


def _stacked(x: numpy.ndarray, lengths: list[int], pad: int, edge: int):
    """The texts' rows of x (in order, `lengths` each) laid out one after another, each between `pad` zero rows,
    with `edge` zero rows between texts: (the layout, the index of the texts' rows in it, of the rows between)."""
    block = [0]
    rows, gap = [], []
    for n in lengths:
        start = block[-1] + edge
        gap += range(block[-1], start)
        rows += range(start + pad, start + pad + n)
        block.append(start + 2 * pad + n)
    gap += range(block[-1], block[-1] + edge)
    out = numpy.zeros((block[-1] + edge, x.shape[1]), dtype=x.dtype)
    rows = numpy.array(rows, dtype=numpy.intp)
    out[rows] = x
    return out, rows, numpy.array(gap, dtype=numpy.intp)


@functools.cache
def _blas():
    from threadpoolctl import ThreadpoolController  # scikit-learn's own dependency

    return ThreadpoolController()


def _one_blas_thread():
    return _blas().limit(limits=1, user_api="blas")


@functools.cache
def load(path: str | Path | None = None) -> Recogniser:
    from ..paths import MODELS, missing

    where = Path(path) if path else MODELS / "ner"
    if not (where / "tok2vec" / "model").exists():
        raise FileNotFoundError(missing("name recogniser", where, REBUILD))
    return Recogniser(where)
