"""Tell a document's container from its first bytes, never from its file name."""

from __future__ import annotations

import io
import re
import zipfile

PDF = "pdf"
DOCX = "docx"
OLE = "ole"  # old binary .doc (or .xls): Compound File Binary
RTF = "rtf"
ZIP = "zip"  # a ZIP archive that is not a Word document
HTML = "html"
TEXT = "text"
IMAGE = "image"

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article)\b",
                         re.IGNORECASE | re.DOTALL)
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")


def sniff(data: bytes) -> str:
    """Return one of the format names above; anything else is treated as text and checked there."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _zip_has(data, "word/document.xml") else ZIP
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if data.startswith(b"{\\rtf"):
        return RTF
    if data.startswith(_IMAGES) and not data[:64].isascii():
        return IMAGE
    if _HTML_START.match(_ascii_view(head)):
        return HTML
    return TEXT


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return member in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return True  # a damaged Word file: the DOCX reader reports it as corrupt


def _ascii_view(head: bytes) -> bytes:
    """UTF-16 and BOM-prefixed HTML still begins with '<' once the BOM and NULs are dropped."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(0) > 50:
        head = head.replace(b"\x00", b"")
    return head.lstrip(b"\xef\xbb\xbf\xff\xfe")
