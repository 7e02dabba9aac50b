"""Indicator tables read row by row: the longest text cell names the indicator, numeric cells are
values whose kind and year come from their column headings (from corpus documents 009 and 026)."""

from __future__ import annotations

from cchc_extract import extract_text

TABLE = """Số: 58/BC-UBND

Long Xuyên, ngày 10 tháng 01 năm 2024

BÁO CÁO
Kết quả thực hiện các chỉ tiêu cải cách hành chính năm 2023

STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2023 | Thực hiện năm 2023 | Kế hoạch năm 2024
1 | Tỷ lệ hồ sơ TTHC giải quyết đúng hạn cấp xã | % | ≥ 95 | 99,47 | 100
2 | Số TTHC cung cấp dịch vụ công trực tuyến toàn trình | TTHC | 120 | 134 | -
3 | Mức độ hài lòng của người dân, doanh nghiệp | % | Trên 90 | 95,6 | ≥ 92
"""


def test_rows_give_one_entry_per_value_cell() -> None:
    got = [(t.value, t.comparator, t.unit, t.kind, t.year, t.indicator) for t in extract_text(TABLE).targets]
    assert got == [
        (95.0, "gte", "%", "target", 2023, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn cấp xã"),
        (99.47, "eq", "%", "result", 2023, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn cấp xã"),
        (100.0, "eq", "%", "target", 2024, "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn cấp xã"),
        (120.0, "eq", "TTHC", "target", 2023, "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
        (134.0, "eq", "TTHC", "result", 2023, "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
        (90.0, "gt", "%", "target", 2023, "Mức độ hài lòng của người dân, doanh nghiệp"),
        (95.6, "eq", "%", "result", 2023, "Mức độ hài lòng của người dân, doanh nghiệp"),
        (92.0, "gte", "%", "target", 2024, "Mức độ hài lòng của người dân, doanh nghiệp"),
    ]


def test_row_evidence_is_the_row() -> None:
    ts = extract_text(TABLE)
    for t in ts.targets:
        assert ts.text[t.start:t.end] == t.evidence and t.evidence.count("|") == 5


RANKING = """Số: 15/TB-UBND

Bạc Liêu, ngày 20 tháng 3 năm 2024

THÔNG BÁO
Kết quả chấm điểm Chỉ số cải cách hành chính năm 2023

STT | Đơn vị | Xếp hạng | Tổng điểm năm 2023
1 | Thành phố Bạc Liêu | 1 | 89,37
2 | Huyện Hồng Dân | 5 | 83,19
"""

CRITERIA = """Số: 1186/QĐ-UBND

Hòa Bình, ngày 10 tháng 6 năm 2024

QUYẾT ĐỊNH
Ban hành Bộ tiêu chí đánh giá xã điển hình về chuyển đổi số

Điều 1. Ban hành kèm theo Quyết định này Bộ tiêu chí.

BỘ TIÊU CHÍ
Đánh giá xã điển hình về chuyển đổi số

STT | Tiêu chí | Chỉ tiêu đạt chuẩn | Điểm tối đa
1 | Tỷ lệ TTHC cấp xã được cung cấp dịch vụ công trực tuyến toàn trình | ≥ 80% | 10
2 | Tin, bài về chuyển đổi số đăng trên Trang thông tin điện tử của xã | Tối thiểu 24 tin, bài | 5
"""


def test_units_from_column_headings_and_names_are_not_units() -> None:
    """"Đơn vị" heads the ranked units here, not a unit column; "Xếp hạng" and "Tổng điểm" give the units."""
    got = [(t.value, t.unit, t.kind, t.indicator) for t in extract_text(RANKING).targets]
    assert got == [(1.0, "hạng", "result", "Thành phố Bạc Liêu"), (89.37, "điểm", "result", "Thành phố Bạc Liêu"),
                   (5.0, "hạng", "result", "Huyện Hồng Dân"), (83.19, "điểm", "result", "Huyện Hồng Dân")]


def test_value_cells_with_a_unit_and_no_scoring_weights() -> None:
    got = [(t.value, t.comparator, t.unit, t.kind) for t in extract_text(CRITERIA).targets]
    assert got == [(80.0, "gte", "%", "target"), (24.0, "gte", "tin, bài", "target")]
