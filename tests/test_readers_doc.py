"""Old binary Word files (.doc) read straight from their piece table, without LibreOffice.

The fixtures are corpus documents saved as Word 97-2003 by LibreOffice (tests/fixtures/doc): a report
with an indicator table and a letter whose header (issuer, number, motto, place and date) is laid out
in a two-column table, as real ones are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import olefile
import pytest

from cchc_extract import api
from cchc_extract.errors import CorruptDocument
from cchc_extract.readers import convert, read_bytes
from cchc_extract.readers.doc import _lines, read_doc

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "doc"
TABLE_DOC = FIXTURES / "bao_cao_bang_chi_tieu.doc"
LETTER_DOC = FIXTURES / "cong_van.doc"


@pytest.fixture
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(convert, "libreoffice", lambda: None)


def test_table_rows_come_out_as_cells(no_libreoffice):
    source = read_bytes(TABLE_DOC.read_bytes(), "bao_cao.doc")
    assert source.format == "doc"
    rows = [ln for ln in source.text.splitlines() if " | " in ln]
    assert rows[0] == "STT | Chỉ tiêu | ĐVT | Kế hoạch 2024 | Thực hiện 2024"
    assert "1 | Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (cấp huyện) | % | ≥ 98 | 99,35" in rows
    assert "5 | Số hồ sơ TTHC tiếp nhận | hồ sơ | - | 48.215" in rows


def test_table_targets_equal_those_of_the_plain_text(no_libreoffice):
    doc = api.extract_bytes(TABLE_DOC.read_bytes(), "bao_cao.doc")
    plain = api.extract_file(ROOT / "corpus" / "docs" / "009_bc_bang_chi_tieu_duc_hoa_2024.txt")

    def table(ts):
        return sorted((t.value, t.comparator, t.unit, t.kind, t.year) for t in ts.targets if t.rule.endswith(".table"))

    assert table(doc) == table(plain) and len(table(doc)) >= 14


def test_letter_header_laid_out_in_a_table_gives_the_metadata(no_libreoffice):
    ts = api.extract_bytes(LETTER_DOC.read_bytes(), "cong_van.doc")
    plain = api.extract_file(ROOT / "corpus" / "docs" / "003_cv_dvctt_thu_dau_mot_2024.txt")
    assert ts.document.model_dump() == plain.document.model_dump()
    assert [r.ref for r in ts.references] == [r.ref for r in plain.references]


def test_encrypted_doc_is_refused_with_a_reason(tmp_path, no_libreoffice):
    path = tmp_path / "khoa.doc"
    shutil.copy(TABLE_DOC, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[0x0B] |= 0x01  # Fib.fEncrypted
        ole.write_stream("WordDocument", bytes(word))
    with pytest.raises(CorruptDocument, match="password"):
        read_bytes(path.read_bytes(), "khoa.doc")


def test_truncated_doc_is_refused(no_libreoffice):
    with pytest.raises(CorruptDocument):
        read_bytes(TABLE_DOC.read_bytes()[:3000], "cut.doc")


@pytest.mark.parametrize(("raw", "lines"), [
    ("Xem \x13 HYPERLINK \"http://x.vn\" \x14cổng thông tin\x15 tỉnh\r", ["Xem cổng thông tin tỉnh"]),
    ("Trang \x13 PAGE \x14\x152\r", ["Trang 2"]),  # a field without a shown result
    ("STT\x07Chỉ tiêu\x07\x07" "1\x07Tỷ lệ\x07\x07", ["STT | Chỉ tiêu", "1 | Tỷ lệ"]),
    ("A\x07B\x07C\x07\x07" "1\x07\x07x\x07\x07", ["A | B | C", "1 |  | x"]),  # an empty cell, not a row end
    ("ỦY BAN\rHUYỆN X\x07CỘNG HÒA\rĐộc lập\x07\x07Nội dung\r",
     ["ỦY BAN", "HUYỆN X", "", "CỘNG HÒA", "Độc lập", "", "Nội dung"]),
    ("dòng một\x0bdòng hai\r", ["dòng một", "dòng hai"]),
    ("không\x1ephải\x1f\r", ["không-phải"]),
])
def test_text_stream_marks(raw, lines):
    assert _lines(raw) == lines


def test_read_doc_needs_a_word_stream():
    with pytest.raises(CorruptDocument):
        read_doc(Path(TABLE_DOC).read_bytes()[:512] + b"\x00" * 4096)
