"""jieba's dictionary with zhfin's words added, and its part-of-speech tags, from one cache file.

A cold start spent most of its time here: jieba unmarshals its prefix dictionary
from an open file (0.5 s; from bytes it takes a third of that), zhfin then added
its words one by one, and the tags came from importing jieba.posseg, which parses
dict.txt on import (0.25 s). So the finished state, (prefix dictionary, total,
tags), is cached once in the temp folder, like jieba's own cache, under a key of
everything it is built from; a changed word list or jieba makes a new file.
Without a writable temp folder everything still works, only slower."""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from pathlib import Path

FORMAT = "zhfin.jieba/1"
KEEP = 6  # cache files kept per user (other checkouts, versions, word lists, the plain one of the recogniser); up to 16 MB each


def _key(jieba, words: list[tuple[str, int]], with_tags: bool = True) -> str:
    source = Path(jieba.__file__).resolve().parent / "dict.txt"
    stat = source.stat()
    parts = (FORMAT, jieba.__version__, str(source), stat.st_size, stat.st_mtime_ns, words) + (() if with_tags else ("no tags",))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def _tags(tok) -> dict[str, str]:
    """word -> tag from jieba's dict.txt, read as jieba.posseg reads it (POSTokenizer.load_word_tag)."""
    tags = {}
    with tok.get_dict_file() as f:
        for line in f:
            line = line.strip().decode("utf-8")
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    return tags


def _build(jieba, words: list[tuple[str, int]], with_tags: bool = True) -> tuple[dict, int, dict]:
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq in words:
        tok.add_word(word, freq=freq)
    return tok.FREQ, tok.total, _tags(tok) if with_tags else {}


def _ours(cache: Path) -> bool:
    """Only a file this user wrote is read: the temp folder may be shared."""
    return not hasattr(os, "getuid") or cache.stat().st_uid == os.getuid()


def _save(cache: Path, state: tuple) -> None:
    """Written whole, then renamed: a parallel worker never reads half a file."""
    part = None
    try:
        fd, part = tempfile.mkstemp(dir=cache.parent, prefix=cache.name)
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(state))
        os.replace(part, cache)
    except OSError:
        if part:
            Path(part).unlink(missing_ok=True)
        return
    _prune(cache)


def _prune(cache: Path) -> None:
    """Every change of the word lists writes a new file: keep only the newest few of ours."""
    try:
        others = [p for p in cache.parent.glob("zhfin-jieba-*.cache") if p != cache and _ours(p)]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink(missing_ok=True)
    except OSError:  # another process pruned first
        pass


def load(words: list[tuple[str, int]], with_tags: bool = True):
    """(a jieba Tokenizer with `words` added at their frequencies, jieba's word -> tag table;
    empty without `with_tags`, which loads in about half the time)."""
    import jieba

    from . import fast_jieba

    jieba.setLogLevel(logging.WARNING)
    cache = Path(tempfile.gettempdir()) / f"zhfin-jieba-{_key(jieba, words, with_tags)}.cache"
    try:
        if not _ours(cache):
            raise OSError("not our cache")
        freq, total, tags = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        freq, total, tags = _build(jieba, words, with_tags)
        _save(cache, (freq, total, tags))
    return fast_jieba.with_dictionary(freq, total), tags
