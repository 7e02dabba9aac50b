"""DOCX reader: document order, header table by columns, merged cells once, Word list numbering."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cchc_extract.errors import CorruptDocument, LimitExceeded
from cchc_extract.readers import docx as docx_reader
from cchc_extract.readers import read_bytes

from .readers_helpers import render


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_header_table_left_column_then_right():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nQUẬN 1"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text = "Số: 15/KH-UBND"
    t.cell(1, 1).text = "Quận 1, ngày 3 tháng 2 năm 2024"
    d.add_paragraph("Nội dung.")
    lines = read_bytes(_save(d), "x.docx").text.split("\n")
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "QUẬN 1", "Số: 15/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Quận 1, ngày 3 tháng 2 năm 2024"]


def test_data_table_rows_and_merged_cells_read_once():
    d = docx.Document()
    d.add_paragraph("Trước bảng")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["STT", "Chỉ tiêu", "Kết quả"], ["1", "Tỷ lệ đúng hạn", "97,2%"],
                             ["2", "Số hồ sơ", "120"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    merged = t.cell(0, 1).merge(t.cell(0, 2))  # a header spanning two columns
    merged.text = "Chỉ tiêu và kết quả"
    vertical = t.cell(1, 0).merge(t.cell(2, 0))  # a cell spanning two rows
    vertical.text = "1-2"
    d.add_paragraph("Sau bảng")
    text = read_bytes(_save(d), "x.docx").text
    assert text == ("Trước bảng\n\nSTT | Chỉ tiêu và kết quả\n1-2 | Tỷ lệ đúng hạn | 97,2%\nSố hồ sơ | 120"
                    "\n\nSau bảng")
    assert text.count("Chỉ tiêu và kết quả") == 1 and text.count("1-2") == 1


def test_auto_numbering_labels_rendered():
    doc = render("Số: 1/KH-UBND\n\nHà Nội, ngày 1 tháng 2 năm 2024\n\nI. MỤC TIÊU\n\n1. Một\n\n2. Hai\n\n"
                 "a) Con a\n\nb) Con b\n\n- Gạch\n\n+ Cộng\n\n1. Lại một\n\nII. NHIỆM VỤ", "docx")
    # the labels are not in the text runs: Word draws them from numbering.xml
    with zipfile.ZipFile(io.BytesIO(doc)) as zf:
        body = zf.read("word/document.xml").decode("utf-8")
    assert "II. NHIỆM VỤ" not in body and "NHIỆM VỤ" in body
    lines = [ln for ln in read_bytes(doc, "x.docx").text.split("\n") if ln]
    assert lines[2:] == ["I. MỤC TIÊU", "1. Một", "2. Hai", "a) Con a", "b) Con b", "- Gạch", "+ Cộng",
                         "1. Lại một", "II. NHIỆM VỤ"]


def test_list_number_style_and_multilevel_text():
    d = docx.Document()
    d.add_paragraph("Đầu", style="List Number")
    d.add_paragraph("Tiếp", style="List Number")
    d.add_paragraph("Chấm", style="List Bullet")
    lines = [ln for ln in read_bytes(_save(d), "x.docx").text.split("\n") if ln]
    assert lines == ["1. Đầu", "2. Tiếp", "- Chấm"]
    assert docx_reader.format_number(14, "upperRoman") == "XIV"
    assert docx_reader.format_number(27, "lowerLetter") == "aa"


def test_tracked_deletions_skipped_and_insertions_kept():
    d = docx.Document()
    p = d.add_paragraph("Đạt ")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>90%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>95%</w:t></w:r></w:ins>'))
    assert read_bytes(_save(d), "x.docx").text == "Đạt 95%"


def test_origins_point_at_paragraphs_and_cells():
    d = docx.Document()
    d.add_paragraph("Một")
    t = d.add_table(rows=1, cols=3)
    for c in range(3):
        t.cell(0, c).text = f"ô{c}"
    src = read_bytes(_save(d), "x.docx")
    for o in src.origins:
        assert src.text[o.start:o.end].strip()
    assert [o.where for o in src.origins] == ["paragraph 1", "table 1 row 1"]


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_refused_before_parsing():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b" " * (50 * 2**20) + b">"})
    with pytest.raises(LimitExceeded, match="zip bomb"):
        read_bytes(bomb, "bomb.docx")


def test_total_size_limit(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(LimitExceeded, match="expands to"):
        read_bytes(render("Một đoạn.", "docx"), "x.docx")


def test_billion_laughs_refused():
    good = render("Một đoạn văn.", "docx")
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/document.xml"] = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                                    b'<!ENTITY lol2 "&lol;&lol;&lol;">]>' + members["word/document.xml"][38:])
    with pytest.raises(CorruptDocument, match="DTD"):
        read_bytes(_zip(members), "lol.docx")


def test_truncated_docx_is_corrupt():
    data = render("Một đoạn văn.", "docx")
    with pytest.raises(CorruptDocument):
        read_bytes(data[: len(data) // 2], "x.docx")
