"""Old binary Word files (.doc, Word 97-2003): the text read straight from the file's piece table.

Why a reader of our own: government sites still publish .doc files, often typed in TCVN3 or VNI fonts,
and LibreOffice is not on every machine. A .doc keeps its text in document order in the WordDocument
stream, in pieces of cp1252 bytes or UTF-16; the piece table (in the "0Table"/"1Table" stream) says
where each piece lies. That text is all the pipeline needs: paragraphs end in CR, table cells in
0x07 (a row ends with one more), fields hold their instruction between 0x13 and 0x14 and their shown
result up to 0x15. ``olefile`` reads the compound file. LibreOffice, when installed, remains the
fallback for files this reader refuses (Word 6/95, encrypted or damaged piece tables).

Reference: [MS-DOC] 2.5.1 (Fib), 2.9.38 (Clx), 2.9.177 (Pcd), 2.4.1 (retrieving text).
"""

from __future__ import annotations

import io
import struct

from ..errors import CorruptDocument
from .base import SourceText, assemble

_WORD_IDENT = 0xA5EC
_ENCRYPTED = 0x0100
_TABLE_1 = 0x0200
_CCP_TEXT = 0x004C  # Fib.fibRgLw.ccpText: characters of the main document
_FC_CLX = 0x01A2  # Fib.fibRgFcLcb97.fcClx / lcbClx
_COMPRESSED = 0x40000000

# compressed pieces are cp1252, except the five bytes cp1252 leaves undefined, which Word keeps as is
_CP1252 = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
_LATIN1_TO_CP1252 = str.maketrans({chr(b): ch for b, ch in _CP1252.items()})

_CELL, _PARAGRAPH, _LINE_BREAK, _PAGE_BREAK = "\x07", "\r", "\x0b", "\x0c"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None)  # objects, notes marks, soft hyphen
_DROPPED[0x1E] = "-"  # non-breaking hyphen


def is_word_document(data: bytes) -> bool:
    """An OLE compound file holding a WordDocument stream (not an .xls or other OLE file)."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ole.exists("WordDocument")
    except (OSError, ValueError, struct.error):
        return False


def read_doc(data: bytes) -> SourceText:
    """The main text of a Word 97-2003 file, paragraphs as lines and table rows as "a | b | c"."""
    raw = _main_text(data)
    blocks = [[(line, f"paragraph {i + 1}")] for i, line in enumerate(_lines(raw)) if line.strip()]
    text, origins = assemble(blocks)
    if not text.strip():
        raise CorruptDocument("the Word file holds no text")
    return SourceText(text=text, format="doc", encoding=None, origins=origins)


def _main_text(data: bytes) -> str:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise CorruptDocument("an OLE file that is not a Word document (perhaps an old Excel file)")
            word = ole.openstream("WordDocument").read()
            if len(word) < _FC_CLX + 8:
                raise CorruptDocument("the Word file is truncated")
            ident, = struct.unpack_from("<H", word, 0)
            flags, = struct.unpack_from("<H", word, 0x0A)
            if ident != _WORD_IDENT:
                raise CorruptDocument("not a Word 97-2003 document (Word 6/95 files need LibreOffice to convert them)")
            if flags & _ENCRYPTED:
                raise CorruptDocument("the Word file is password-protected")
            table_name = "1Table" if flags & _TABLE_1 else "0Table"
            if not ole.exists(table_name):
                raise CorruptDocument("the Word file has no piece table")
            table = ole.openstream(table_name).read()
    except (OSError, ValueError, struct.error) as err:
        raise CorruptDocument(f"the Word file is damaged ({err})") from err
    ccp_text, = struct.unpack_from("<i", word, _CCP_TEXT)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    return "".join(_pieces(word, table[fc_clx:fc_clx + lcb_clx], ccp_text))


def _pieces(word: bytes, clx: bytes, ccp_text: int) -> list[str]:
    """The text of each piece, in order, up to the end of the main document."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise CorruptDocument("the Word file's piece table is damaged")
    lcb, = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        raise CorruptDocument("the Word file's piece table is empty")
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    parts = []
    for i in range(n):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if start >= ccp_text:
            break
        if end <= start:
            continue
        fc, = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)
        count = end - start
        if fc & _COMPRESSED:
            offset = (fc & ~_COMPRESSED) // 2
            parts.append(word[offset:offset + count].decode("latin-1").translate(_LATIN1_TO_CP1252))
        else:
            parts.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
    return parts


def _lines(raw: str) -> list[str]:
    """Paragraphs as lines and fields as their shown result; a table row of one-paragraph cells as
    "a | b | c", a layout row (a header or signature block set in a table) as its paragraphs."""
    lines: list[str] = []
    cells: list[list[str]] = []  # the cells of the current row, each its paragraphs
    paragraphs: list[str] = []  # finished paragraphs of the current cell (once a row has begun)
    buf: list[str] = []
    width = 0  # cells per row in the current table: an empty cell also looks like "\x07\x07"
    depth: list[bool] = []  # per open field: True while in its instruction part
    previous = ""
    for ch in raw:
        if ch == _FIELD_BEGIN:
            depth.append(True)
        elif ch == _FIELD_SEPARATOR:
            if depth:
                depth[-1] = False
        elif ch == _FIELD_END:
            if depth:
                depth.pop()
        elif depth and depth[-1]:
            pass  # a field's instruction ("HYPERLINK ...", "PAGE"): not text
        elif ch == _CELL:
            if previous == _CELL and not buf and not paragraphs and len(cells) >= width:  # the row-end mark
                lines.extend(_row(cells))
                width = max(width, len(cells))
                cells = []
            else:
                cells.append([*paragraphs, _clean("".join(buf))])
                paragraphs = []
            buf = []
        elif ch in (_PARAGRAPH, _LINE_BREAK, _PAGE_BREAK):
            if cells:
                paragraphs.append(_clean("".join(buf)))  # a paragraph inside a table cell
            else:
                if previous != _CELL:
                    width = 0  # the table, if any, has ended
                lines.append(_clean("".join(buf)))
            buf = []
        else:
            buf.append(ch)
        previous = ch
    if cells:
        lines.extend(_row(cells))
    lines.extend(paragraphs)
    if buf:
        lines.append(_clean("".join(buf)))
    return lines


def _row(cells: list[list[str]]) -> list[str]:
    if all(len([p for p in cell if p]) <= 1 for cell in cells):
        return [" | ".join(next((p for p in cell if p), "") for cell in cells)]
    return [p for cell in cells for p in (*cell, "")]


def _clean(text: str) -> str:
    return " ".join(text.translate(_DROPPED).split())
