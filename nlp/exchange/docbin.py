"""spaCy DocBin: `docs.spacy`, one Doc per document, for `spacy train` or for reading
the results back in Python.

Each Doc is the raw text in characters (a blank "zh" pipeline's tokens, the same as the
name recogniser in models/ner uses), with

- `doc.ents`: the record's entities (COMPANY, ORG, PERSON, MONEY, DATE …);
- `doc.spans["funding"]`, `doc.spans["listing"]`: one span per role mention, labelled
  by role, its `id_` the event's `event_id` (as `zhfin.load().doc()` gives them);
- `doc._.events` and `doc.user_data["zhfin"]`: the events and the rest of the record.

    from spacy.tokens import DocBin; import spacy, zhfin.spacy_doc
    docs = list(DocBin().from_disk("out/docbin/docs.spacy").get_docs(spacy.blank("zh").vocab))
"""
from __future__ import annotations

from pathlib import Path


def _doc(nlp, doc):
    from spacy.util import filter_spans

    from .. import spacy_doc

    sdoc = nlp.make_doc(doc.text)
    spans = [sdoc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
             for e in doc.entities if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
    sdoc.ents = filter_spans([s for s in spans if s is not None and len(s)])
    record = {"doc_id": doc.doc_id, "source": doc.source, "published": doc.published,
              "reference_date": doc.reference_date, "entities": doc.entities, "events": doc.events}
    return spacy_doc.annotate(sdoc, record)


def write(docs, target: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("zh")  # character tokens
    target.mkdir(parents=True, exist_ok=True)
    out = DocBin(store_user_data=True)
    for doc in docs:
        out.add(_doc(nlp, doc))
    out.to_disk(target / "docs.spacy")
    return docs.counts() if hasattr(docs, "counts") else {}
