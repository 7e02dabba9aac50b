"""The same document gives the same targets, references and metadata whatever container it arrives in.

Each corpus (and seed) document is rendered inside the test run as DOCX (a real header table, Word
auto-numbered lists, " | " rows as tables), PDF (DejaVu Sans, wrapped lines, running header,
"Trang i/n" footers, ruled tables), a portal web page, UTF-16 and Windows-1258, and its extraction is
compared with the extraction of the plain text.
"""

from __future__ import annotations

import pytest
import regex

from cchc_extract.api import extract_bytes

from .conftest import CORPUS_DOCS, SHARED_EVAL
from .readers_helpers import render, signature

DOCS = sorted(CORPUS_DOCS.glob("*.txt")) + sorted((SHARED_EVAL / "docs").glob("*.txt"))
FORMATS = ["docx", "pdf", "html", "utf16", "cp1258"]


def _unencodable_in_cp1258(text: str) -> bool:
    from bench.render_formats import render_cp1258

    return b"?" in render_cp1258(text.replace("?", ""))


def _has_gap_table(text: str) -> bool:
    """The text lays a table out with runs of spaces or tabs (pdftotext -layout, a Word table pasted
    as text). Rendered as DOCX, PDF or HTML those runs collapse into single spaces: a real document
    in those forms would hold a real table, which the renderer only builds from " | " rows."""
    from cchc_extract.text.gap_tables import find_gaps, table_rows
    from cchc_extract.text.normalize import normalize
    from cchc_extract.text.segment import segment

    norm = normalize(text)
    return bool(table_rows(segment(norm.text).lines, find_gaps(text, norm)))


def _header_in_columns_of_spaces(text: str) -> bool:
    """The issuer and the motto stand side by side, kept apart by runs of spaces (text from pdftotext
    -layout). A renderer writing that text into a page wraps such lines mid-motto; a real PDF, DOCX or
    web page would hold the two columns as a table."""
    return any(regex.search(r"\S {8,}\S", line) for line in text.splitlines()[:6])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_same_extraction_in_every_container(doc, fmt):
    text = doc.read_text(encoding="utf-8")
    if fmt == "cp1258" and _unencodable_in_cp1258(text):
        pytest.skip("the document uses characters Windows-1258 cannot hold (≥, ≤)")
    if fmt in ("docx", "pdf", "html") and _has_gap_table(text):
        pytest.skip("a table laid out with spaces or tabs: the rendered container would need a real table")
    if fmt in ("docx", "pdf", "html") and _header_in_columns_of_spaces(text):
        pytest.skip("a header laid out in columns of spaces: the rendered container would need a real table")
    plain = extract_bytes(text.encode("utf-8"), f"{doc.stem}.txt")
    rendered = extract_bytes(render(text, fmt), f"{doc.stem}.{fmt}")
    assert rendered.source.format == {"utf16": "text", "cp1258": "text"}.get(fmt, fmt)
    assert signature(rendered) == signature(plain)


def test_corpus_is_present():
    assert DOCS, "no corpus documents to render"
