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


# A table laid out with runs of spaces (pdftotext -layout): one cell missing, a name wrapped onto the
# next line, a second heading line; and the same table as a Word table copied as text (tabs).
SPACED = """BÁO CÁO
Kết quả thực hiện chỉ tiêu cải cách hành chính năm 2025

 STT   Chỉ tiêu                                          ĐVT        Kế hoạch    Thực hiện    Ghi chú
                                                                    năm 2025    năm 2025
 I     Cải cách thủ tục hành chính
 1     Tỷ lệ hồ sơ giải quyết đúng hạn                   %          ≥ 97        98,4         Đạt
 2     Tỷ lệ hồ sơ nộp trực tuyến toàn trình trên        %          ≥ 60                     Chưa có số liệu
       tổng số hồ sơ tiếp nhận
 3     Thời gian giải quyết thủ tục đăng ký đất đai      ngày làm việc  ≤ 10     8            Vượt
 4     Số cuộc kiểm tra công tác cải cách hành chính     cuộc       12          14           Vượt

 Ghi chú: số liệu đến hết ngày 15/12/2025.
"""

TABBED = ("STT\tChỉ tiêu\tĐVT\tKế hoạch năm 2025\tThực hiện năm 2025\tGhi chú\n"
          "I\tCải cách thủ tục hành chính\t\t\t\t\n"
          "1\tTỷ lệ hồ sơ giải quyết đúng hạn\t%\t≥ 97\t98,4\tĐạt\n"
          "2\tTỷ lệ hồ sơ nộp trực tuyến toàn trình trên\n"
          "tổng số hồ sơ tiếp nhận\t%\t≥ 60\t\tChưa có số liệu\n"
          "3\tThời gian giải quyết thủ tục đăng ký đất đai\tngày làm việc\t≤ 10\t8\tVượt\n"
          "4\tSố cuộc kiểm tra công tác cải cách hành chính\tcuộc\t12\t14\tVượt\n")


def _rows(text: str) -> list[tuple[float, str, str, str]]:
    return [(t.value, t.comparator, t.unit, t.kind) for t in extract_text(text).targets]


def test_space_aligned_table_reads_cells_by_column() -> None:
    assert _rows(SPACED) == [
        (97.0, "gte", "%", "target"), (98.4, "eq", "%", "result"),
        (60.0, "gte", "%", "target"),
        (10.0, "lte", "ngày", "target"), (8.0, "eq", "ngày", "result"),
        (12.0, "eq", "cuộc", "target"), (14.0, "eq", "cuộc", "result"),
    ]


def test_tab_separated_table_reads_cells_by_tab_and_continues_a_wrapped_row() -> None:
    body = "BÁO CÁO\nKết quả thực hiện chỉ tiêu cải cách hành chính năm 2025\n\n" + TABBED
    assert _rows(body) == _rows(SPACED)


def test_gap_table_evidence_is_the_row_as_written() -> None:
    ts = extract_text(SPACED)
    first = ts.targets[0]
    assert ts.text[first.start:first.end] == first.evidence
    assert first.evidence.startswith("1 Tỷ lệ hồ sơ giải quyết đúng hạn % ≥ 97 98,4")


def test_prose_with_double_spaces_is_no_table() -> None:
    prose = ("BÁO CÁO\nKết quả năm 2025\n\nNăm 2025  tỷ lệ hồ sơ đúng hạn  đạt 98,4%.\n"
             "Phấn đấu năm 2026  tỷ lệ  đạt trên 99%.\nSố hồ sơ trực tuyến  tăng  12%  so với cùng kỳ.\n")
    got = [(t.value, t.comparator, t.kind, t.rule) for t in extract_text(prose).targets]
    assert got == [(98.4, "eq", "result", "eq.default"), (99.0, "gt", "target", "gt.tren"),
                   (12.0, "eq", "result", "eq.default")]


BUDGET = """BÁO CÁO
Tình hình thực hiện dự toán thu ngân sách 6 tháng đầu năm 2025

Đơn vị tính: triệu đồng

| STT | Nội dung | Dự toán năm 2025 | Ước thực hiện 6 tháng | So sánh với dự toán (%) |
|---|---|---|---|---|
| 1 | Thu tiền sử dụng đất | 95.000 | 41.800 | 44,0 |
| | Tổng thu ngân sách trên địa bàn | 310.000 | 162.750 | 52,5 |
"""


def test_unit_line_above_a_table_and_percent_heading_and_empty_cells() -> None:
    """"Đơn vị tính: triệu đồng" gives the bare amounts their unit, "(%)" in a heading gives its column's;
    an empty STT cell does not shift the columns of the total row."""
    assert _rows(BUDGET) == [
        (95000.0, "eq", "triệu đồng", "target"), (41800.0, "eq", "triệu đồng", "result"), (44.0, "eq", "%", "result"),
        (310000.0, "eq", "triệu đồng", "target"), (162750.0, "eq", "triệu đồng", "result"),
        (52.5, "eq", "%", "result"),
    ]


CHANGE_AND_COUNT = """Số: 45/TB-SNV

Sóc Trăng, ngày 20 tháng 3 năm 2024

THÔNG BÁO
Kết quả Chỉ số cải cách hành chính năm 2023

STT | Đơn vị | Xếp hạng | Tổng điểm năm 2023 | So với năm 2022
1 | Huyện Mỹ Tú | 2 | 85,40 | giảm 1,05
2 | Thị xã Vĩnh Châu | 1 | 88,12 | tăng 2,30

Kết quả giải quyết hồ sơ của Sở như sau:

STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2023 | Thực hiện năm 2023
1 | Tỷ lệ hồ sơ được giải quyết đúng hạn | % | 100 | 98,6 (143/145)
"""


def test_change_column_and_count_in_parentheses() -> None:
    """'giảm 1,05' under 'So với năm 2022' counts what the column before it counts (điểm); '98,6 (143/145)'
    holds the rate and the count of the noun the indicator names."""
    got = [(t.value, t.denominator, t.unit, t.kind) for t in extract_text(CHANGE_AND_COUNT).targets]
    assert got == [
        (2.0, None, "hạng", "result"), (85.4, None, "điểm", "result"), (1.05, None, "điểm", "result"),
        (1.0, None, "hạng", "result"), (88.12, None, "điểm", "result"), (2.3, None, "điểm", "result"),
        (100.0, None, "%", "target"), (98.6, None, "%", "result"), (143.0, 145.0, "hồ sơ", "result"),
    ]
