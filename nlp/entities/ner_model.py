"""The trained COMPANY / ORG / PERSON recogniser (models/ner/, spaCy format, no pickle).

Tokens are single characters (spaCy's "char" segmenter), so every entity
boundary is a token boundary. A small component, ``zhfin_word_features``, gives
each character what it cannot see on its own: NORM = the character plus its
position in the jieba word around it (B/I/E/S), LEMMA = that whole jieba word.
The tok2vec hashes ORTH, NORM and LEMMA into its embeddings.

    from nlp.entities import ner_model
    ner_model.find("红杉资本领投了云帆智能的B轮融资")
    # [("COMPANY", 0, 4), ("COMPANY", 7, 11)]

The span decoder is either spaCy's transition-based ``ner`` or
``zhfin_biluo_tagger`` (registered here): a per-character softmax over BILUO
tags (O, B-/I-/L-/U-COMPANY …) decoded to the best valid tag sequence
(constrained Viterbi; the plain argmax when it is already valid), which writes
``doc.ents``. Which one the model uses is in its config.cfg.
"""
from __future__ import annotations

import functools
from itertools import islice
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, NORM
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import (
    Config,
    Maxout,
    Model,
    SequenceCategoricalCrossentropy,
    Softmax_v2,
    chain,
    expand_window,
    with_array,
    zero_init,
)

from .. import spacy_registry
from .biluo import LABELS, _constraints, _viterbi, biluo_tags, decode_biluo  # noqa: F401 (the tests and training use them here)
from .biluo import spans as biluo_spans
from .ner_features import REBUILD, char_features
from ..paths import MODELS, missing

MODEL_DIR = MODELS / "ner"


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


@spacy_registry.component("zhfin_word_features")
def _word_features_component(doc: Doc) -> Doc:
    return word_features(doc)


# ---------------------------------------------------------------- BILUO tagger decoder

def _ents_score(examples, **kwargs):
    return get_ner_prf(examples)


class BiluoTagger(Tagger):
    """Tagger over BILUO entity tags; writes doc.ents (not token tags)."""

    def predict(self, docs):
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((0, len(self.labels)), dtype="float32") for _ in docs]
        scores = self.model.predict(docs)
        return [s.get() if hasattr(s, "get") else s for s in scores]

    def set_annotations(self, docs, scores):
        if isinstance(docs, Doc):
            docs = [docs]
        tags = tuple(self.labels)
        for doc, path in zip(docs, decode_biluo(scores, tags)):
            doc.set_ents([Span(doc, i, j, label=label) for label, i, j in biluo_spans(path, tags)], default="outside")

    def get_loss(self, examples, scores):
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False,
                                                    label_smoothing=self.cfg["label_smoothing"])
        truths = [_gold_tags(eg) for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        return float(loss), d_scores

    def initialize(self, get_examples, *, nlp=None, labels=None):
        if labels is None:
            found = sorted({e.label_ for eg in get_examples() for e in eg.reference.ents})
            labels = biluo_tags(found)
        for tag in labels:
            self.add_label(tag)
        docs = [eg.x for eg in islice(get_examples(), 10)]
        ys = [self.model.ops.alloc2f(len(d), len(self.labels)) for d in docs]
        self.model.initialize(X=docs, Y=ys)


def _gold_tags(eg) -> list:
    """BILUO tag per predicted token (None = missing); fast path for identical tokenisation."""
    x, y = eg.predicted, eg.reference
    if len(x) != len(y) or x.text != y.text or not y.has_annotation("ENT_IOB"):
        return [t if t and t != "-" else None for t in eg.get_aligned_ner()]
    tags = ["O" if t.ent_iob_ == "O" else None for t in y]  # a token left unannotated stays missing
    for e in y.ents:
        lab = e.label_
        if e.end - e.start == 1:
            tags[e.start] = "U-" + lab
        else:
            tags[e.start] = "B-" + lab
            for j in range(e.start + 1, e.end - 1):
                tags[j] = "I-" + lab
            tags[e.end - 1] = "L-" + lab
    return tags


@registry.architectures("zhfin.BiluoTagger.v1")
def build_biluo_tagger(tok2vec: Model, nO: int | None = None, hidden: int = 0, window: int = 1) -> Model:
    """tok2vec, then per token: optionally [its vector and `window` neighbours each
    side -> Maxout(hidden, 2 pieces)], then a linear layer to the tag scores
    (softmax in training; raw scores at inference, which the decoder takes as is)."""
    width = tok2vec.get_dim("nO") if tok2vec.has_dim("nO") else None
    out = Softmax_v2(nO, hidden or width, init_W=zero_init, normalize_outputs=False)
    if hidden:
        head = chain(expand_window(window_size=window), Maxout(hidden, nP=2, normalize=True), out) \
            if window else chain(Maxout(hidden, nP=2, normalize=True), out)
    else:
        head = out
    # pad: the docs of a batch are stacked for the head, so `window` zero rows keep each
    # character's window inside its own doc (as spaCy's window encoders do)
    model = chain(tok2vec, with_array(head, pad=window if hidden else 0))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", out)
    return model


_TAGGER_MODEL = Config().from_str("""
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 64
upstream = "*"
""")["model"]


@spacy_registry.factory("zhfin_biluo_tagger", assigns=["doc.ents"],
                  default_config={"model": _TAGGER_MODEL, "label_smoothing": 0.0},
                  default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None})
def _make_biluo_tagger(nlp: Language, name: str, model, label_smoothing: float):
    return BiluoTagger(nlp.vocab, model, name, scorer=_ents_score, label_smoothing=label_smoothing)


@functools.cache
def load(path: str | Path | None = None) -> Language:
    """The shipped recogniser (cached). `path` overrides models/ner/."""
    import spacy

    where = Path(path) if path else MODEL_DIR
    if not (where / "config.cfg").exists():
        raise FileNotFoundError(missing("name recogniser", where, REBUILD))
    return spacy.load(where)


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
