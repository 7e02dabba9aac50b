"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258, and legacy-font bytes.

CRLF is left to normalisation; legacy fonts (TCVN3, VNI) are repaired later by ``text.legacy`` for
every format. Here we only pick the codec, and refuse bytes that are not text at all.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

import regex

from ..errors import EmptyDocument, UnsupportedFormat
from ..text.legacy import byte_table, is_syllable, repair, schemes, windows_1252
from .base import Origin, SourceText

MAX_CONTROL_SHARE = 0.01  # more control characters than this and the bytes are binary, not text
_WORD = regex.compile(r"\p{L}+")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for bytes holding Vietnamese text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) and len(data) % 4 == 0:
        return data[4:].decode("utf-32-le", errors="replace"), "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _eight_bit(data)


def _eight_bit(data: bytes) -> tuple[str, str]:
    """Windows-1258, a one-byte code page (VISCII) or a legacy font stored as bytes: keep whichever
    reads as more real Vietnamese (on a tie, the earlier: Windows-1258 is the most common)."""
    as_1252 = windows_1252(data)
    readings = {"cp1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))}
    for scheme in schemes():
        page = _code_page(scheme.name)
        if page is not None:
            readings[scheme.name] = data.decode("latin-1").translate(page)
    shares = {name: _vietnamese_share(text) for name, text in readings.items()}
    best = max(shares, key=shares.__getitem__)
    # Legacy fonts are repaired after reading, for every format: here they only compete.
    repaired = repair(as_1252)
    if _vietnamese_share(repaired.text) <= shares[best]:
        return readings[best], best
    found = {r.kind.removeprefix("legacy:") for r in repaired.repairs}
    if len(found) == 1 and found <= readings.keys():
        # a one-byte code page: its exact reading of the bytes, not the repair of a Windows-1252
        # reading, which has lost the letters VISCII stores at control bytes and at the no-break space
        (name,) = found
        return readings[name], name
    return as_1252, "cp1252"


@cache
def _code_page(name: str) -> dict[int, str] | None:
    """A one-byte scheme as a translation of Latin-1 text: ASCII as itself, the scheme's bytes as its
    letters, any other byte as Windows-1252 reads it; None for the font schemes."""
    table = byte_table(name)
    if table is None:
        return None
    return {b: table.get(b, c) for b, c in enumerate(windows_1252(bytes(range(256))))}


def _vietnamese_share(text: str) -> float:
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


# A plain character class: the standard ``re`` module scans it about three times faster than ``regex``.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def check_is_text(text: str) -> None:
    """Random or binary bytes decode to something; refuse them when they are full of control codes."""
    sample = text[:200_000]
    if not sample:
        return
    bad = len(_CONTROL.findall(sample))
    if bad > max(2, len(sample) * MAX_CONTROL_SHARE):
        raise UnsupportedFormat("not a document cchc-extract can read (expected PDF, DOCX, HTML or text)")


def read_text(data: bytes) -> SourceText:
    text, encoding = decode_text(data)
    check_is_text(text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    return SourceText(text=text, format="text", encoding=encoding, origins=[Origin(0, len(text), "text")])
