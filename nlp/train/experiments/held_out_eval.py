"""The held-out figures of nlp.train.ner.evaluate for any predictor (list of texts -> [(label, start, end)] per text)."""
from pathlib import Path
from nlp.train.ner import load_cluener, _jsonl, finner_labels, FINNER_MAP, _prf
from nlp.text.normalise import to_half_width
D = Path("../shared/data")

def evaluate_pred(predict_many, labs=("COMPANY", "ORG", "PERSON")):
    """predict_many(texts) -> list of [(label, s, e)]"""
    res = {}
    clue = load_cluener(D / "cluener" / "dev.jsonl")
    counts = {lab: [0, 0, 0] for lab in labs}
    preds = predict_many([t for t, _ in clue])
    for (text, gold), pred in zip(clue, preds):
        g = {(s, e, lab) for s, e, lab in gold}
        p = {(s, e, lab) for lab, s, e in pred}
        for lab in counts:
            gl = {x for x in g if x[2] == lab}; pl = {x for x in p if x[2] == lab}
            counts[lab][0] += len(gl & pl); counts[lab][1] += len(pl); counts[lab][2] += len(gl)
    res["cluener"] = {lab: _prf(*c) for lab, c in counts.items()}
    recs = list(_jsonl(D / "finner" / "dev.jsonl"))
    texts = [to_half_width(r["text"]) for r in recs]
    inv = {}
    for k, v in FINNER_MAP.items():
        inv.setdefault(v, set()).add(k)
    fin = {lab: [0, 0, 0] for lab in labs}
    for rec, text, pred in zip(recs, texts, predict_many(texts)):
        labels = finner_labels(rec)
        for lab in fin:
            gold = {n for n, t in labels if t in inv[lab]}
            got = {text[s:e] for l, s, e in pred if l == lab}
            fin[lab][0] += len(gold & got); fin[lab][1] += len(got); fin[lab][2] += len(gold)
    res["finner"] = {lab: _prf(*c) for lab, c in fin.items()}
    return res

def show(name, res):
    c = res["cluener"]["COMPANY"]; f = res["finner"]["COMPANY"]
    print(f"{name:40s} CLUENER CO P/R/F {c['p']:.3f}/{c['r']:.3f}/{c['f']:.3f}  FinNER CO P/R/F {f['p']:.3f}/{f['r']:.3f}/{f['f']:.3f}  "
          f"ORG {res['cluener']['ORG']['f']:.3f} PER {res['cluener']['PERSON']['f']:.3f}", flush=True)
