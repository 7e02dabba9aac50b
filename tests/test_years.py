"""Years: a report is about the year it reports on; a target takes the year its clause, its list
introduction or its section heading names, before the document's."""

from __future__ import annotations

from cchc_extract import extract_text

REPORT = """ỦY BAN NHÂN DÂN
HUYỆN KRÔNG NĂNG
Số: 412/BC-UBND
Krông Năng, ngày 14 tháng 12 năm 2022

BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính năm 2022 và phương hướng, nhiệm vụ năm 2023

I. KẾT QUẢ THỰC HIỆN NĂM 2022
1. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%.
II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023
1. Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 99% trở lên.
2. Năm 2024 có tối thiểu 60% hồ sơ nộp trực tuyến.
"""


def test_a_report_is_about_the_year_it_reports_on() -> None:
    assert extract_text(REPORT).document.year == 2022


def test_a_target_takes_the_year_of_its_clause_or_its_section() -> None:
    got = [(t.value, t.kind, t.year) for t in extract_text(REPORT).targets]
    assert got == [(98.7, "result", 2022), (99.0, "target", 2023), (60.0, "target", 2024)]


def test_a_plan_is_about_the_last_year_its_subject_names() -> None:
    plan = REPORT.replace("412/BC-UBND", "88/KH-UBND").replace("BÁO CÁO", "KẾ HOẠCH").replace(
        "Kết quả thực hiện công tác cải cách hành chính năm 2022 và phương hướng, nhiệm vụ năm 2023",
        "Triển khai kết quả năm 2022, thực hiện cải cách hành chính năm 2023")
    assert extract_text(plan).document.year == 2023
