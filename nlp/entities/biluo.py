"""BILUO tag paths: the valid sequence nearest to the name recogniser's scores (no spaCy here,
so that the numpy recogniser and the spaCy one decode alike)."""
from __future__ import annotations

import functools

import numpy

LABELS = ("COMPANY", "ORG", "PERSON")


def biluo_tags(labels=LABELS) -> list[str]:
    """The tag set: O, then B/I/L/U for each label (this order is assumed by the decoder)."""
    return ["O"] + [f"{p}-{lab}" for lab in labels for p in "BILU"]


@functools.lru_cache(maxsize=8)
def _constraints(tags: tuple[str, ...]):
    """(transition penalty K x K, start penalty K, end penalty K): 0 allowed, -1e4 not."""
    k = len(tags)
    parts = [t.split("-", 1) if "-" in t else (t, "") for t in tags]
    trans = numpy.full((k, k), -1e4, dtype="float32")
    for i, (pi, li) in enumerate(parts):
        for j, (pj, lj) in enumerate(parts):
            if pi in ("B", "I"):
                ok = pj in ("I", "L") and lj == li
            else:
                ok = pj in ("O", "B", "U")
            if ok:
                trans[i, j] = 0.0
    start = numpy.array([0.0 if p in ("O", "B", "U") else -1e4 for p, _ in parts], dtype="float32")
    end = numpy.array([0.0 if p in ("O", "L", "U") else -1e4 for p, _ in parts], dtype="float32")
    return trans, start, end


def _viterbi(scores: list, trans, start, end) -> list:
    """Best valid tag path for each (n_i, K) score array, batched over the docs."""
    lens = numpy.array([len(s) for s in scores])
    b, t_max, k = len(scores), int(lens.max()), trans.shape[0]
    emit = numpy.zeros((b, t_max, k), dtype="float32")
    for i, s in enumerate(scores):
        emit[i, :len(s)] = s
    back = numpy.empty((b, t_max, k), dtype="int16")
    ident = numpy.arange(k, dtype="int16")
    delta = emit[:, 0] + start
    for t in range(1, t_max):
        cand = delta[:, :, None] + trans[None]
        bp = cand.argmax(1)
        new = numpy.take_along_axis(cand, bp[:, None, :], 1)[:, 0] + emit[:, t]
        active = (t < lens)[:, None]
        delta = numpy.where(active, new, delta)
        back[:, t] = numpy.where(active, bp, ident)
    path = numpy.empty((b, t_max), dtype="int64")
    path[:, -1] = (delta + end).argmax(1)
    rows = numpy.arange(b)
    for t in range(t_max - 1, 0, -1):
        path[:, t - 1] = back[rows, t, path[:, t]]
    return [path[i, :n] for i, n in enumerate(lens)]


def decode_biluo(scores: list, tags: tuple[str, ...]) -> list:
    """Per doc, the tag-id path: argmax where it is a valid BILUO sequence, else
    the constrained Viterbi path (the same thing when the argmax is valid)."""
    trans, start, end = _constraints(tags)
    paths, redo = [], []
    for i, s in enumerate(scores):
        if not len(s):
            paths.append(numpy.zeros(0, dtype="int64"))
            continue
        p = s.argmax(1)
        if start[p[0]] or end[p[-1]] or (len(p) > 1 and trans[p[:-1], p[1:]].any()):
            redo.append(i)
        paths.append(p)
    if redo:
        for i, p in zip(redo, _viterbi([scores[i] for i in redo], trans, start, end)):
            paths[i] = p
    return paths


def spans(path, tags: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(label, first token, last token + 1) of each entity a tag path holds."""
    out, start = [], None
    o = tags.index("O")
    for j in numpy.flatnonzero(path != o).tolist():
        kind, label = tags[path[j]][0], tags[path[j]][2:]
        if kind == "U":
            out.append((label, j, j + 1))
        elif kind == "B":
            start = j
        elif kind == "L" and start is not None:
            out.append((label, start, j + 1))
            start = None
    return out
