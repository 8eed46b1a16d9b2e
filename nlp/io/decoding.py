"""Bytes -> text: BOMs, UTF-8, GB18030/GBK, Big5 and binary detection, with
one-line errors (InputError) for what cannot be read."""
from __future__ import annotations

import functools
import unicodedata

from ..document import InputError

# ---------------------------------------------------------------------------
# decoding

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx are zip too)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# C0 controls other than \t \n \v \f \r, plus DEL: never part of a GB/Big5
# multibyte sequence, so counting them on raw bytes is safe.
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_MAX_CONTROL_SHARE = 0.02

# Legacy Chinese encodings tried strictly, in order of preference on a tie:
# gb18030 is a superset of gbk/gb2312; big5 before its supersets so plain Big5
# round-trips under its own name.
_CJK_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")

_CJK_PUNCT = frozenset("“”‘’…—―·•") | frozenset(chr(c) for c in range(0x3000, 0x3040)) | frozenset(
    chr(c) for c in range(0xFF01, 0xFF5F)
)


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (the 3,755 most frequent simplified characters) plus the
    Big5 frequent set (5,401 traditional characters).  Text decoded with the
    wrong legacy codec lands mostly outside this set."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    for lead in range(0xA4, 0xC7):
        for trail in trails:
            if (lead, trail) > (0xC6, 0x7E):
                break
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


def _has_chinese(text: str) -> bool:
    return any(_is_cjk(ch) or ch in _CJK_PUNCT for ch in text)


def _cjk_score(text: str) -> float:
    """Plausibility of decoded text as Chinese: share of its non-ASCII
    characters that are common hanzi or CJK punctuation, minus a penalty for
    private-use, unassigned and control characters (typical of a wrong codec)."""
    common = _common_hanzi()
    good = bad = n = 0
    for ch in text[:50_000]:  # a sample is enough, and keeps huge inputs fast
        if ch < "\x80":
            continue
        n += 1
        if ch in common or ch in _CJK_PUNCT:
            good += 1
        elif ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc", "Cs"):
            bad += 1
    if n == 0:
        return 0.0
    return (good - 2 * bad) / n


def _binary_reason(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary data, not text (looks like {what})"
    if b"\x00" in data:
        return "binary data, not text (contains NUL bytes)"
    return None


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    return sum(1 for b in sample if b in _CONTROL_BYTES) / len(sample)


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes of a text document; return ``(text, encoding)``.

    UTF-8 (a BOM is stripped), UTF-16/32 with a BOM, GB18030/GBK and Big5.
    Raises ``InputError`` for empty, binary or undecodable input.
    """
    if not data:
        raise InputError(f"{name}: empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: cannot decode: has a {enc.upper()} byte-order mark but invalid {enc.upper()} at byte {e.start}") from None
            return text, enc
    reason = _binary_reason(data)
    if reason:
        raise InputError(f"{name}: {reason}")
    try:
        return data.decode("utf-8"), "utf-8"  # the common case, and fast
    except UnicodeDecodeError as e:
        utf8_error = e
    if _control_share(data) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary data, not text (too many control characters)")

    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(_CJK_CANDIDATES):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _has_chinese(text):
            continue
        key = (_cjk_score(text), -rank, enc, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None and best[0] > 0.2:
        return best[3], best[2]

    # Neither UTF-8 nor a plausible GB/Big5 text: ask charset-normalizer (it
    # knows Shift_JIS, EUC-KR, …), but accept only output containing Chinese
    # characters: this tool reads Chinese news, and GBK mis-read as cp1252 or
    # latin-1 "decodes" without error into garbage.
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    if best is not None and best[0] > 0:
        return best[3], best[2]
    raise InputError(
        f"{name}: cannot decode: not UTF-8 (invalid byte at {utf8_error.start}), GB18030 or Big5 text"
    )


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    match = from_bytes(data[:200_000]).best()
    if match is None or match.encoding is None:
        return None
    enc = match.encoding
    if enc in ("gbk", "gb2312", "hz", "gb18030"):
        enc = "gb18030"
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _has_chinese(text) or _cjk_score(text) < 0:
        return None
    return text, enc
