"""The lines of a corpus file in bounded memory.

Corpora come from strangers. ``for line in file`` reads a line whole, so one
1 GiB line in a 1 MB .jsonl.gz takes gigabytes before --max-chars can reject
it, and a gzip of blank lines makes a Python loop turn a billion times. Here a
line longer than the limit is reported and skipped as it streams past, and runs
of blank lines are passed over with one regex match and one count per block.
"""
from __future__ import annotations

import re
from typing import BinaryIO, Iterator

BLOCK = 1 << 20
_BLANKS = re.compile(rb"[ \t\r\n\x0b\x0c]*\n")  # blank lines, up to the last newline of the run
_SPACE = re.compile(rb"[ \t\r\x0b\x0c]*")


def iter_lines(f: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` for each line that is not blank, newline
    included; ``None`` instead of the bytes for a line over ``max_bytes``, whose
    bytes are dropped as they are read. Line numbers count every line from 1.
    Memory stays under ``max_bytes`` plus one block."""
    read = getattr(f, "read1", None) or f.read  # read1: a pipe hands over what it has, no waiting for a block
    buf = bytearray()
    pos = 0  # where the current line starts in buf
    scanned = 0  # buf[pos:scanned] holds no newline (so a long line is searched once)
    line_no = 0  # lines seen so far, blank ones too
    dropping = None  # a line over max_bytes whose bytes are being dropped: "blank" so far, or "long" (reported)
    eof = False
    while True:
        if scanned <= pos and not dropping:
            blank = _BLANKS.match(buf, pos)
            if blank:
                line_no += buf.count(b"\n", pos, blank.end())
                pos = blank.end()
        end = buf.find(b"\n", max(pos, scanned))
        stop = len(buf) if end < 0 else end
        if dropping == "blank" and not _SPACE.fullmatch(buf, pos, stop):
            yield line_no, None
            dropping = "long"
        if end >= 0:
            if not dropping:
                line_no += 1
                if not _BLANKS.fullmatch(buf, pos, end + 1):  # fails at the first character of a real line
                    yield line_no, bytes(buf[pos:end + 1]) if end + 1 - pos <= max_bytes else None
            dropping = None
            pos = scanned = end + 1
            continue
        if eof:
            if not dropping and not _SPACE.fullmatch(buf, pos):  # a last line without its newline
                line_no += 1
                yield line_no, bytes(buf[pos:]) if len(buf) - pos <= max_bytes else None
            return
        if not dropping and len(buf) - pos > max_bytes:
            line_no += 1
            dropping = "blank" if _SPACE.fullmatch(buf, pos) else "long"
            if dropping == "long":
                yield line_no, None
        del buf[:len(buf) if dropping else pos]
        pos, scanned = 0, len(buf)
        block = read(BLOCK)
        if block:
            buf += block
        else:
            eof = True
