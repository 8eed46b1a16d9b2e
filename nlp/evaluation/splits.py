"""Which gold records are held out: the one place that says so.

DuEE-Fin documents are split by a hash of their id (30 % `frozen`, the rest `dev`);
gold passages (realnews_dev) carry their own `split` field (`train` / `blind`).
Held-out parts are for measuring only: nobody reads their texts or errors.

    from nlp.evaluation.splits import duee_split, select
    dev_docs = select(duee_records, "dev")
"""
from __future__ import annotations

import hashlib

DUEE_SPLITS = ("dev", "frozen")
PASSAGE_SPLITS = ("train", "blind")
HELD_OUT = frozenset({"frozen", "blind"})


def duee_split(doc_id: str) -> str:
    """"frozen" for about 3 documents in 10, fixed by the id alone; "dev" for the rest."""
    frozen = int(hashlib.sha1(str(doc_id).encode("utf-8", "surrogatepass")).hexdigest(), 16) % 10 < 3
    return "frozen" if frozen else "dev"


def split_of(record: dict) -> str | None:
    """A gold passage's own `split` (None when it has none); a DuEE-Fin document's part by its id."""
    if "split" in record:
        return record["split"]
    if "gold" in record:  # a gold passage without a split field belongs to no part
        return None
    return duee_split(record["id"])


def select(records: list[dict], split: str) -> list[dict]:
    """The gold records (either format) of one part, in their order."""
    return [r for r in records if split_of(r) == split]


def has_held_out(records: list[dict]) -> bool:
    return any(split_of(r) in HELD_OUT for r in records)
