"""Readers chosen by content (magic bytes) rather than by file name.

Every reader returns a ``SourceText``: the document's text in reading order (paragraphs separated by a
blank line, table rows as cells joined by " | "), an origin map back to pages, paragraphs and table
cells, and the repairs made on the way (legacy fonts, OCR).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import CorruptDocument, EmptyDocument, UnsupportedFormat
from ..text.legacy import repair
from . import sniff
from .base import Origin, RepairNote, SourceText
from .text import read_text

__all__ = ["Origin", "RepairNote", "SourceText", "read_bytes", "read_path"]


def read_bytes(data: bytes, name: str = "", *, password: str | None = None, ocr: bool = True) -> SourceText:
    """Decode a document's bytes into text; the container is told by its content, not by ``name``.

    ``password`` opens an encrypted PDF; ``ocr=False`` refuses scans instead of running Tesseract.
    """
    if not data:
        raise EmptyDocument("the file is empty")
    kind = sniff.sniff(data)
    if kind == sniff.PDF:
        from .pdf import read_pdf

        source = read_pdf(data, password=password, ocr=ocr)
    elif kind == sniff.DOCX:
        from .docx import read_docx

        source = read_docx(data)
    elif kind == sniff.OLE:
        source = _read_ole(data)
    elif kind == sniff.RTF:
        from .convert import read_via_libreoffice

        source = read_via_libreoffice(data, kind)
    elif kind == sniff.HTML:
        from .html import read_html

        source = read_html(data)
    elif kind == sniff.ZIP:
        raise UnsupportedFormat("a ZIP archive that is not a Word document; unpack it and give the files inside")
    elif kind == sniff.IMAGE:
        from .ocr import read_image

        source = read_image(data, ocr=ocr)
    else:
        source = read_text(data)
    return _finish(source)


def _read_ole(data: bytes) -> SourceText:
    """A Word 97-2003 file: converted by LibreOffice when it is installed (it also renders automatic
    list numbers, which carry section labels), otherwise read directly from its piece table."""
    from .convert import libreoffice, read_via_libreoffice
    from .doc import read_doc

    if libreoffice() is not None:
        try:
            return read_via_libreoffice(data, sniff.OLE)
        except CorruptDocument:
            pass  # the direct reader may still get the text out
    return read_doc(data)


def read_path(path: str | Path, **options) -> SourceText:
    return read_bytes(Path(path).read_bytes(), str(path), **options)


def _finish(source: SourceText) -> SourceText:
    """Repair legacy-font text for every format, keeping origins and earlier repairs aligned."""
    text = unicodedata.normalize("NFC", source.text) if not unicodedata.is_normalized("NFC", source.text) \
        else source.text
    if text != source.text:  # readers emit NFC; a stray decomposed form only shifts offsets a little
        source.origins = [Origin(min(o.start, len(text)), min(o.end, len(text)), o.where) for o in source.origins]
    if not text.strip():
        raise EmptyDocument("the document holds no text")
    fixed = repair(text)
    if not fixed.repairs:
        source.text = text
        return source
    origins = [Origin(fixed.map_offset(o.start), fixed.map_offset(o.end), o.where) for o in source.origins]
    earlier = [RepairNote(r.kind, fixed.map_offset(r.start), fixed.map_offset(r.end), r.original)
               for r in source.repairs]
    notes = [RepairNote(r.kind, r.start, r.end, r.original) for r in fixed.repairs]
    return SourceText(text=fixed.text, format=source.format, encoding=source.encoding, origins=origins,
                      repairs=sorted(earlier + notes, key=lambda r: (r.start, r.end)))
