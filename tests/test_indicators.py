"""Indicators name what a number measures in the document's words: per-year lists take the measure
their line names before its colon, counts per period say "mỗi tuần", asides leave no stray brackets."""

from __future__ import annotations

from cchc_extract import extract_text

HEAD = "Số: 12/KH-UBND\n\nĐiện Biên, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. MỤC TIÊU\n\n"


def _indicators(body: str) -> list[tuple[float, str]]:
    return [(t.value, t.indicator) for t in extract_text(HEAD + body + "\n").targets]


def test_per_year_values_take_the_measure_their_line_names() -> None:
    got = _indicators("KPI 2. Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến: năm 2026: 65%; "
                      "năm 2027: 70%; đến năm 2030: tối thiểu 90%.")
    assert got[1:] == [(70.0, "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến năm 2027"),
                       (90.0, "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến năm 2030")]


def test_quarter_values_take_the_measure_too() -> None:
    got = _indicators("b) Tỷ lệ thanh toán viện phí không dùng tiền mặt: quý I/2026 đạt 30%; quý II/2026 đạt 40%.")
    assert got[1] == (40.0, "Tỷ lệ thanh toán viện phí không dùng tiền mặt quý II/2026")


def test_a_count_per_week_is_named_by_what_leads_to_it() -> None:
    got = _indicators("a) Phát thanh trên hệ thống loa truyền thanh của phường 02 lần/tuần, mỗi lần 15 phút.")
    assert got[0] == (2.0, "Số lần Phát thanh trên hệ thống loa truyền thanh của phường mỗi tuần")


def test_a_number_closing_an_aside_leaves_no_bracket() -> None:
    got = _indicators("- Tổ chức tập huấn kỹ năng số cho công chức cấp xã (ít nhất 05 lớp) trong năm 2026.")
    assert got and ")" not in got[0][1] and "(" not in got[0][1]


def test_an_unclosed_aside_is_not_part_of_the_noun() -> None:
    got = _indicators("a) Hoàn thành đưa vào vận hành cơ sở dữ liệu đất đai tại 10/10 huyện, thành phố "
                      "(năm 2025 hoàn thành 6/10 huyện, thành phố);")
    assert got[0][0] == 10.0 and "(" not in got[0][1]


def test_a_record_of_labelled_fields_is_named_by_its_first_field() -> None:
    got = _indicators("1. Tên chỉ tiêu: Tỷ lệ hồ sơ giải quyết đúng hạn; Chỉ tiêu: ≥ 98%; "
                      "Cơ quan theo dõi: Phòng Nội vụ.\n"
                      "2. Tên chỉ tiêu: Tỷ lệ văn bản đi được ký số; Chỉ tiêu: 100% văn bản đi; "
                      "Cơ quan theo dõi: Văn phòng UBND.")
    assert got == [(98.0, "Tỷ lệ hồ sơ giải quyết đúng hạn"), (100.0, "Tỷ lệ văn bản đi được ký số")]
