"""Shared helpers for the end-to-end tests."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpora" / "articles"
SEED = ROOT.parent / "shared" / "samples" / "000_8b2fe20a107fcfe5.txt"


def article_cases() -> list[Path]:
    """Every hand-written test article that has an .expected.json beside it."""
    return sorted(p for p in ARTICLES.iterdir()
                  if p.suffix in (".txt", ".html") and p.with_suffix(".expected.json").exists())


def expected(article: Path) -> dict:
    return json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))


def iter_mentions(obj):
    """Every {text, start, end} inside a record (a Date, a Money, a Mention …)."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys() and isinstance(obj["start"], int):
            yield obj["text"], obj["start"], obj["end"]
        for value in obj.values():
            yield from iter_mentions(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from iter_mentions(value)


def names(parties: list[dict]) -> set[str]:
    return {p["name"] for p in parties}


def party_matches(party: dict, name: str) -> bool:
    """The expected company name is the event's canonical name or its mention (simplified)."""
    from nlp.text.normalise import to_simplified

    return name in (party["name"], to_simplified(party["mention"]["text"]))


def party_texts(parties: list[dict]) -> set[str]:
    """Canonical names and mention texts (simplified) of parties."""
    from nlp.text.normalise import to_simplified

    return {p["name"] for p in parties} | {to_simplified(p["mention"]["text"]) for p in parties}
