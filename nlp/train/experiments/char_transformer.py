"""Char-level transformer NER (COMPANY/ORG/PERSON) from scratch, CPU, 1 thread.
Runs T1/T2 of models/ner/README.md (not shipped). Needs torch (pip install torch==2.13.0).
Usage: python -m nlp.train.experiments.char_transformer --d 128 --layers 2 --minutes 12 --tag r1   (from the repo root)
       (T2: --d 96 --dropout 0.2 --featdrop 0.1 --minutes 10 --tag r2)
"""
import sys, time, json, math, random, argparse, copy
import numpy as np
import torch
import torch.nn as nn
torch.set_num_threads(1)
torch.set_num_interop_threads(1)
from collections import Counter
from nlp.train.ner import load_cluener, load_finner, _split
from nlp.entities.ner_model import char_features

ap = argparse.ArgumentParser()
ap.add_argument("--d", type=int, default=128)
ap.add_argument("--layers", type=int, default=2)
ap.add_argument("--ff", type=int, default=256)
ap.add_argument("--minutes", type=float, default=12)
ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--batch_chars", type=int, default=2000)
ap.add_argument("--eval_every", type=int, default=400)
ap.add_argument("--tag", default="r1")
ap.add_argument("--dropout", type=float, default=0.1)
ap.add_argument("--featdrop", type=float, default=0.0)
ap.add_argument("--bench", type=int, default=0)
args = ap.parse_args()
torch.manual_seed(0); random.seed(0); np.random.seed(0)

LABELS = ["COMPANY", "ORG", "PERSON"]
TAGS = ["O"] + [f"{p}-{l}" for l in LABELS for p in "BILU"]
T2I = {t: i for i, t in enumerate(TAGS)}
K = len(TAGS)
NH, LH = 20000, 20000
MAXLEN = 256
PAD = 0

# ---------------- data ----------------
t0 = time.time()
c_tr, c_dev = _split(load_cluener("../shared/data/cluener/train.jsonl"), 0.05, seed=0)
f_tr, f_dev = _split(load_finner("../shared/data/finner/train.jsonl"), 0.05, seed=0)
train = c_tr + f_tr
seldev = c_dev + f_dev
cnt = Counter(ch for t, _ in train for ch in t)
vocab = {ch: i + 2 for i, ch in enumerate(sorted(c for c, n in cnt.items() if n >= 2))}  # 0 pad, 1 unk
VC = len(vocab) + 2
print(f"train {len(train)} docs {sum(len(t) for t,_ in train)} chars; seldev {len(seldev)}; vocab {VC}", flush=True)


def feats(text):
    norm, lemma = char_features(text)
    c = np.fromiter((vocab.get(ch, 1) for ch in text), dtype=np.int64, count=len(text))
    n = np.fromiter((h % NH + 1 for h in norm), dtype=np.int64, count=len(text))
    l = np.fromiter((h % LH + 1 for h in lemma), dtype=np.int64, count=len(text))
    return c, n, l


def tags_of(text, spans):
    y = np.zeros(len(text), dtype=np.int64)
    for s, e, lab in spans:
        if e - s == 1:
            y[s] = T2I["U-" + lab]
        else:
            y[s] = T2I["B-" + lab]; y[s + 1:e - 1] = T2I["I-" + lab]; y[e - 1] = T2I["L-" + lab]
    return y


def chunks(text, spans):
    """cut long docs into pieces <= MAXLEN, never inside an entity"""
    n = len(text)
    if n <= MAXLEN:
        return [(0, n)]
    inside = np.zeros(n + 1, dtype=bool)
    for s, e, _ in spans:
        inside[s + 1:e] = True
    out, st = [], 0
    while n - st > MAXLEN:
        cut = None
        for i in range(st + MAXLEN, st + 32, -1):
            if not inside[i] and text[i - 1] in "。！？；!?;，,":
                cut = i; break
        if cut is None:
            for i in range(st + MAXLEN, st + 32, -1):
                if not inside[i]:
                    cut = i; break
        if cut is None:
            cut = st + MAXLEN
        out.append((st, cut)); st = cut
    out.append((st, n))
    return out


examples = []
for text, spans in train:
    c, n, l = feats(text)
    y = tags_of(text, spans)
    for s, e in chunks(text, spans):
        if e > s:
            examples.append((c[s:e], n[s:e], l[s:e], y[s:e]))
print(f"features {time.time()-t0:.1f}s, {len(examples)} train chunks", flush=True)


def make_batches(exs, max_tokens, shuffle=True):
    idx = sorted(range(len(exs)), key=lambda i: len(exs[i][0]) + (random.random() * 3 if shuffle else 0))
    batches, cur, mx = [], [], 0
    for i in idx:
        L = len(exs[i][0])
        if cur and max(mx, L) * (len(cur) + 1) > max_tokens:
            batches.append(cur); cur, mx = [], 0
        cur.append(i); mx = max(mx, L)
    if cur:
        batches.append(cur)
    if shuffle:
        random.shuffle(batches)
    return batches


def collate(exs, ids, with_y=True):
    T = max(len(exs[i][0]) for i in ids)
    B = len(ids)
    X = np.zeros((3, B, T), dtype=np.int64)
    Y = np.full((B, T), -100, dtype=np.int64)
    for b, i in enumerate(ids):
        ex = exs[i]; L = len(ex[0])
        X[0, b, :L] = ex[0]; X[1, b, :L] = ex[1]; X[2, b, :L] = ex[2]
        if with_y:
            Y[b, :L] = ex[3]
    return torch.from_numpy(X), torch.from_numpy(Y)


# ---------------- model ----------------
class Net(nn.Module):
    def __init__(self, d, layers, ff):
        super().__init__()
        self.ec = nn.Embedding(VC, d, padding_idx=0)
        self.en = nn.Embedding(NH + 1, d, padding_idx=0)
        self.el = nn.Embedding(LH + 1, d, padding_idx=0)
        self.pos = nn.Embedding(MAXLEN, d)
        for e in (self.ec, self.en, self.el, self.pos):
            nn.init.normal_(e.weight, std=0.02)
        self.drop = nn.Dropout(args.dropout)
        layer = nn.TransformerEncoderLayer(d, 4, ff, args.dropout, batch_first=True, norm_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.out = nn.Linear(d, K)

    def forward(self, X):
        c, n, l = X[0], X[1], X[2]
        T = c.shape[1]
        if self.training and args.featdrop > 0:  # feature dropout: char -> UNK, word hash -> 0 vector
            real = c != 0
            c = torch.where(real & (torch.rand(c.shape) < args.featdrop), torch.ones_like(c), c)
            l = torch.where(torch.rand(l.shape) < args.featdrop, torch.zeros_like(l), l)
        h = self.ec(c) + self.en(n) + self.el(l) + self.pos(torch.arange(T))[None]
        h = self.drop(h)
        mask = c == 0
        h = self.enc(h, src_key_padding_mask=mask)
        return self.out(self.norm(h))


model = Net(args.d, args.layers, args.ff)
nparams = sum(p.numel() for p in model.parameters())
print(f"params {nparams}", flush=True)

# ---------------- decoding ----------------
allowed = torch.zeros(K, K, dtype=torch.bool)
start_ok = torch.zeros(K, dtype=torch.bool)
end_ok = torch.zeros(K, dtype=torch.bool)
for i, a in enumerate(TAGS):
    ap_, al = (a.split("-") + [None])[:2]
    start_ok[i] = ap_ in ("O", "B", "U")
    end_ok[i] = ap_ in ("O", "L", "U")
    for j, b in enumerate(TAGS):
        bp, bl = (b.split("-") + [None])[:2]
        if ap_ in ("B", "I"):
            allowed[i, j] = bp in ("I", "L") and bl == al
        else:
            allowed[i, j] = bp in ("O", "B", "U")
NEG = -1e4
TRANS = torch.where(allowed, 0.0, NEG)
START = torch.where(start_ok, 0.0, NEG)
END = torch.where(end_ok, 0.0, NEG)


def viterbi(lp, lens):
    """lp (B,T,K) log-probs, lens (B,) -> list of tag-id lists"""
    B, T, _ = lp.shape
    delta = lp[:, 0] + START
    bps = []
    ar = torch.arange(K).expand(B, K)
    for t in range(1, T):
        cand = delta[:, :, None] + TRANS[None]
        best, arg = cand.max(1)
        act = (t < lens)[:, None]
        delta = torch.where(act, best + lp[:, t], delta)
        bps.append(torch.where(act, arg, ar))
    delta = delta + END
    cur = delta.argmax(1)
    path = [cur]
    for bp in reversed(bps):
        cur = bp.gather(1, cur[:, None])[:, 0]
        path.append(cur)
    path = torch.stack(path[::-1], 1).numpy()
    return [path[b, :lens[b]].tolist() for b in range(B)]


def spans_of(tags):
    out, s = [], None
    for i, t in enumerate(tags):
        name = TAGS[t]
        if name == "O":
            s = None; continue
        p, lab = name.split("-")
        if p == "U":
            out.append((lab, i, i + 1)); s = None
        elif p == "B":
            s = i
        elif p == "L" and s is not None:
            out.append((lab, s, i + 1)); s = None
    return out


HALF = MAXLEN // 2


def predict_many(texts, max_tokens=8000):
    model.eval()
    # windows: (text idx, win start, feats); stride HALF, each char taken from the most central window
    wins = []
    allf = [feats(t) if t else None for t in texts]
    for ti, t in enumerate(texts):
        n = len(t)
        if n == 0:
            continue
        if n <= MAXLEN:
            starts = [0]
        else:
            starts = list(range(0, n - MAXLEN, HALF)) + [n - MAXLEN]
        f = allf[ti]
        for s in starts:
            wins.append((ti, s, (f[0][s:s + MAXLEN], f[1][s:s + MAXLEN], f[2][s:s + MAXLEN])))
    exs = [w[2] for w in wins]
    lps = [None] * len(wins)
    with torch.inference_mode():
        for ids in make_batches(exs, max_tokens, shuffle=False):
            X, _ = collate(exs, ids, with_y=False)
            lp = torch.log_softmax(model(X), -1)
            for b, i in enumerate(ids):
                lps[i] = lp[b, :len(exs[i][0])]
    # stitch
    full = [None] * len(texts)
    per_text = {}
    for (ti, s, _), lp in zip(wins, lps):
        per_text.setdefault(ti, []).append((s, lp))
    for ti, ws in per_text.items():
        n = len(texts[ti])
        if len(ws) == 1:
            full[ti] = ws[0][1]; continue
        out = torch.empty(n, K)
        ws.sort(key=lambda w: w[0])
        bounds = [0] + [(ws[k + 1][0] + ws[k][0] + MAXLEN) // 2 for k in range(len(ws) - 1)] + [n]
        for k, (s, lp) in enumerate(ws):
            a, b = bounds[k], bounds[k + 1]
            out[a:b] = lp[a - s:b - s]
        full[ti] = out
    # viterbi batched by length
    res = [[] for _ in texts]
    order = sorted([i for i in range(len(texts)) if full[i] is not None], key=lambda i: len(texts[i]))
    i = 0
    while i < len(order):
        j = i; T = 0
        while j < len(order) and max(T, len(texts[order[j]])) * (j - i + 1) <= 20000:
            T = max(T, len(texts[order[j]])); j += 1
        if j == i:
            j = i + 1; T = len(texts[order[i]])
        ids = order[i:j]
        lp = torch.zeros(len(ids), T, K)
        for b, ti in enumerate(ids):
            lp[b, :len(texts[ti])] = full[ti]
        lens = torch.tensor([len(texts[ti]) for ti in ids])
        for ti, path in zip(ids, viterbi(lp, lens)):
            res[ti] = spans_of(path)
        i = j
    return res


def span_f1(records):
    preds = predict_many([t for t, _ in records])
    tp = np_ = ng = 0
    for (t, gold), p in zip(records, preds):
        g = {(s, e, l) for s, e, l in gold}
        pp = {(s, e, l) for l, s, e in p}
        tp += len(g & pp); np_ += len(pp); ng += len(g)
    P = tp / max(np_, 1); R = tp / max(ng, 1)
    return 2 * P * R / max(P + R, 1e-9), P, R


# ---------------- training ----------------
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
cap = args.minutes * 60
warm = 300
step = 0; train_time = 0.0
best = (-1, 0, None); hist = []
lossf = nn.CrossEntropyLoss(ignore_index=-100)
done = False
ep = 0
while not done:
    ep += 1
    for ids in make_batches(examples, args.batch_chars):
        ts = time.time()
        model.train()
        prog = min(train_time / cap, 1.0)
        lr = args.lr * min(1.0, (step + 1) / warm) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * prog)))
        for g in opt.param_groups:
            g["lr"] = lr
        X, Y = collate(examples, ids)
        logits = model(X)
        loss = lossf(logits.reshape(-1, K), Y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        train_time += time.time() - ts
        if args.bench and step >= args.bench:
            print(f"bench {step} steps {train_time:.2f}s -> {train_time/step*1000:.0f} ms/step", flush=True)
            sys.exit()
        if step % args.eval_every == 0 or train_time >= cap:
            te = time.time()
            f, P, R = span_f1(seldev)
            hist.append((step, round(train_time / 60, 2), round(f, 4)))
            print(f"ep {ep} step {step} train {train_time/60:.2f}min loss {loss.item():.3f} lr {lr:.2e} sel F1 {f:.4f} P {P:.3f} R {R:.3f} (eval {time.time()-te:.1f}s)", flush=True)
            if f > best[0]:
                best = (f, step, copy.deepcopy(model.state_dict()))
        if train_time >= cap:
            done = True; break

print(f"best sel F1 {best[0]:.4f} at step {best[1]}; history {hist}", flush=True)
model.load_state_dict(best[2])
torch.save(best[2], f"/tmp/{args.tag}.pt")

# ---------------- held-out eval ----------------
from nlp.train.experiments.held_out_eval import evaluate_pred, show
res = evaluate_pred(predict_many)
show(args.tag, res)
print(json.dumps(res), flush=True)

# ---------------- speed ----------------
import jieba, jieba.posseg
for fn in ["finnl_news", "duee_sentences"]:
    texts = []
    with open(f"../shared/data/news/{fn}.jsonl") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= 1000:
                break
    nch = sum(len(t) for t in texts)
    t1 = time.time(); predict_many(texts); dt = time.time() - t1
    t2 = time.time()
    for t in texts:
        jieba.posseg.lcut(t)
    dj = time.time() - t2
    print(f"speed {fn}: {nch} chars, model {nch/dt:.0f} chars/s, jieba.posseg {nch/dj:.0f} chars/s", flush=True)
print(f"params {nparams} train_minutes {train_time/60:.2f}", flush=True)
