"""Web pages: main content without portal chrome, tables and the header table as elsewhere."""

from __future__ import annotations

import pytest

from cchc_extract.errors import LimitExceeded
from cchc_extract.readers import read_bytes
from cchc_extract.readers.html import nesting_depth

from .readers_helpers import render

DOC = ("Số: 15/KH-UBND\n\nHà Nội, ngày 3 tháng 2 năm 2024\n\nKế hoạch cải cách hành chính năm 2024 "
       "của Ủy ban nhân dân quận được ban hành với các chỉ tiêu cụ thể như sau đây.\n\n"
       "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên.\n\nSTT | Chỉ tiêu | Kế hoạch\n1 | Tỷ lệ số hóa | 100%")


def test_portal_chrome_removed():
    src = read_bytes(render(DOC, "html"), "trang.html")
    assert src.format == "html"
    for chrome in ("Trang chủ", "Lượt xem", "Số lượt truy cập", "Bản quyền", "Tin mới", "slicknav", "_gaq"):
        assert chrome not in src.text
    assert "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên." in src.text.split("\n")


def test_tables_and_header_table():
    lines = read_bytes(render(DOC, "html"), "trang.html").text.split("\n")
    assert lines[:3] == ["Số: 15/KH-UBND", "", "Hà Nội, ngày 3 tháng 2 năm 2024"]
    assert "STT | Chỉ tiêu | Kế hoạch" in lines and "1 | Tỷ lệ số hóa | 100%" in lines


def test_declared_charset_is_used():
    page = render(DOC, "html").decode("utf-8").replace('charset="utf-8"', 'charset="windows-1258"')
    page = page.replace("<meta charset=utf-8>", "")
    from bench.render_formats import render_cp1258

    src = read_bytes(render_cp1258(page.replace("≥", ">=")), "trang.html")
    assert src.encoding in ("windows-1258", "cp1258")
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in src.text


@pytest.mark.parametrize("tag", ["div", "span"])
def test_deeply_nested_page_is_flattened_not_crashing(tag):
    depth = 100_000
    page = (f"<html><body>{f'<{tag}>' * depth}<p>Tỷ lệ hồ sơ đúng hạn đạt 98% trong năm 2024 trên địa bàn "
            f"toàn tỉnh theo kế hoạch đề ra.</p>{f'</{tag}>' * depth}</body></html>")
    assert nesting_depth(page) > depth
    src = read_bytes(page.encode("utf-8"), "x.html")
    assert "98%" in src.text


def test_nested_structure_that_cannot_be_flattened_fails_cleanly():
    page = "<html><body>" + "<table><tr><td>" * 5000 + "x" + "</td></tr></table>" * 5000 + "</body></html>"
    with pytest.raises(LimitExceeded, match="nests"):
        read_bytes(page.encode("utf-8"), "x.html")
