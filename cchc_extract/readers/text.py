"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258; CRLF handled by normalisation."""

from __future__ import annotations

import codecs

from ..errors import EmptyDocument, UnsupportedFormat
from .base import Origin, SourceText


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for bytes holding Vietnamese text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "cp1258"


def read_text(data: bytes) -> SourceText:
    text, encoding = decode_text(data)
    if "\x00" in text.replace("\x00", "", 0) and text.count("\x00") > 16:
        raise UnsupportedFormat("binary data, not text")
    if not text.strip():
        raise EmptyDocument("the file holds no text")
    return SourceText(text=text, format="text", encoding=encoding, origins=[Origin(0, len(text), "text")])
