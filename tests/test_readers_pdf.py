"""PDF reader: rejoined wrapped lines, dropped page chrome, tables as rows, clean errors, speed."""

from __future__ import annotations

import io
import time

import pytest

from cchc_extract.errors import CorruptDocument, EncryptedDocument, MissingDependency
from cchc_extract.readers import ocr as ocr_mod
from cchc_extract.readers import read_bytes

from .conftest import CORPUS_DOCS
from .readers_helpers import render

LONG = ("Phấn đấu đến hết năm 2024 tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn trên "
        "địa bàn toàn huyện đạt từ 98% trở lên, trong đó tỷ lệ hồ sơ trực tuyến đạt tối thiểu 50% tổng số hồ sơ.")


def _pdf(text: str, **kw) -> bytes:
    from bench.render_formats import render_pdf

    kw.setdefault("running_header", "")  # one page: a running header cannot be told from text
    return render_pdf(text, **kw)


def test_wrapped_sentence_rejoined_into_one_line():
    text = read_bytes(_pdf(f"Mở đầu.\n\n{LONG}\n\n1. Mục sau."), "x.pdf").text
    assert LONG in text.split("\n")
    assert "1. Mục sau." in text.split("\n")


@pytest.mark.parametrize("align", ["J", "L"])
def test_rejoin_without_paragraph_spacing(align):
    body = f"{LONG}\n\n- Gạch đầu dòng một.\n\n- Gạch đầu dòng hai.\n\n{LONG}"
    lines = read_bytes(_pdf(body, paragraph_gap=0, align=align), "x.pdf").text.split("\n")
    assert [ln for ln in lines if ln] == [LONG, "- Gạch đầu dòng một.", "- Gạch đầu dòng hai.", LONG]


def test_running_header_and_page_numbers_dropped():
    body = "\n\n".join(f"{i}. {LONG}" for i in range(1, 40))
    src = read_bytes(_pdf(body, running_header="UBND HUYỆN ĐỨC HÒA"), "x.pdf")
    assert "Trang" not in src.text and "UBND HUYỆN ĐỨC HÒA" not in src.text
    # a paragraph broken across a page boundary is still one line
    for i in range(1, 40):
        assert f"{i}. {LONG}" in src.text.split("\n")


def test_table_rows_with_cells_and_merged_cell_once():
    doc = ("Kết quả như sau:\n\nSTT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện\n"
           "1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 95 | 97,2\n2 | Số hồ sơ | 1.250\n\nHết.")
    src = read_bytes(_pdf(doc), "x.pdf")
    lines = src.text.split("\n")
    assert "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện" in lines
    assert "1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 95 | 97,2" in lines
    assert "2 | Số hồ sơ | 1.250" in lines  # the cell spanning three columns appears once
    assert src.text.index("Kết quả") < src.text.index("STT") < src.text.index("Hết.")
    assert any(o.where.startswith("page 1 table") for o in src.origins)


def test_header_block_columns_and_wrapped_subject():
    doc = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Số: 1462/UBND-NC\nV/v đẩy mạnh cung cấp, sử dụng dịch vụ công trực tuyến toàn trình năm 2024\n"
           "Thủ Dầu Một, ngày 14 tháng 5 năm 2024\n\nKính gửi: Các phòng.")
    text = read_bytes(_pdf(doc), "x.pdf").text
    assert text.startswith("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ DẦU MỘT\nSố: 1462/UBND-NC\nV/v đẩy mạnh")
    assert "năm 2024\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập" in text  # columns apart
    lines = [ln for ln in text.split("\n") if ln]
    assert "V/v đẩy mạnh cung cấp, sử dụng dịch vụ công trực tuyến toàn trình năm 2024" in lines
    assert "Thủ Dầu Một, ngày 14 tháng 5 năm 2024" in lines
    assert lines[-1] == "Kính gửi: Các phòng."


def test_diacritics_whole_and_nfc():
    import unicodedata

    text = read_bytes(_pdf("Tỷ lệ hài lòng của người dân đạt 98,5%."), "x.pdf").text
    assert unicodedata.is_normalized("NFC", text)
    assert "Tỷ lệ hài lòng của người dân đạt 98,5%." in text


def test_truncated_pdf_is_corrupt():
    data = _pdf(LONG)
    with pytest.raises(CorruptDocument):
        read_bytes(data[:300], "x.pdf")


def test_encrypted_pdf_needs_password():
    from fpdf import FPDF

    from bench.render_formats import font_path

    pdf = FPDF()
    pdf.add_font("dv", fname=str(font_path()))
    pdf.set_font("dv", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 6, LONG)
    pdf.set_encryption(owner_password="chu", user_password="mat-khau")
    data = bytes(pdf.output())
    with pytest.raises(EncryptedDocument, match="password"):
        read_bytes(data, "x.pdf")
    with pytest.raises(EncryptedDocument, match="not correct"):
        read_bytes(data, "x.pdf", password="sai")
    assert LONG in read_bytes(data, "x.pdf", password="mat-khau").text


def _scan_pdf(text: str) -> bytes:
    """A PDF holding only an image of the rendered page (no text layer), like a scanner makes."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    page = pdfium.PdfDocument(_pdf(text))[0]
    img = page.render(scale=300 / 72).to_pil().convert("L")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    scan = FPDF(format="A4")
    scan.add_page()
    scan.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(scan.output())


def test_scan_without_tesseract_says_so(monkeypatch):
    monkeypatch.setattr(ocr_mod, "tesseract_vie", lambda: None)
    with pytest.raises(MissingDependency) as err:
        read_bytes(_scan_pdf(LONG), "scan.pdf")
    assert str(err.value) == "no text layer and OCR is not available: install tesseract-ocr and tesseract-ocr-vie"


@pytest.mark.skipif(ocr_mod.tesseract_vie() is None, reason="tesseract with the Vietnamese model not installed")
def test_scan_is_read_by_ocr():
    src = read_bytes(_scan_pdf(f"Mở đầu.\n\n{LONG}"), "scan.pdf")
    assert src.repairs and src.repairs[0].kind == "ocr"
    assert "98%" in src.text and "hồ sơ" in src.text


def test_pypdfium_text_layer_is_much_faster_than_pdfplumber():
    import pdfplumber

    docs = sorted(CORPUS_DOCS.glob("*.txt"))[:4]
    if not docs:
        pytest.skip("corpus not present")
    data = [render(d.read_text(encoding="utf-8"), "pdf") for d in docs]
    t0 = time.perf_counter()
    for d in data:
        read_bytes(d, "x.pdf")
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in data:
        with pdfplumber.open(io.BytesIO(d)) as pl:
            for p in pl.pages:
                p.extract_text()
    plumber = time.perf_counter() - t0
    assert ours * 2 < plumber, (ours, plumber)
