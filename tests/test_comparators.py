"""Comparator phrases through the whole pipeline, from real documents (grouped by provenance)."""

from __future__ import annotations

import pytest

from cchc_extract import extract_text

# (clause in a plan, value, comparator, value_max)
FROM_SEEDS = [
    ("- Tỷ lệ hài lòng trong lĩnh vực giáo dục và y tế: Từ 85% trở lên.", 85, "gte", None),
    ("- Tỷ lệ đánh giá đối với từng lĩnh vực đạt: Trên 70%.", 70, "gt", None),
    ("- Dịch vụ công trực tuyến xử lý bằng hồ sơ điện tử: Từ 50% dịch vụ công trực tuyến trở lên.", 50, "gte", None),
    ("- Đảm bảo ít nhất có 50% hồ sơ được đánh giá.", 50, "gte", None),
    ("- Phấn đấu đạt từ 30% đến 40% số lượng thủ tục hành chính được đưa vào dịch vụ công.", 30, "range", 40),
    ("- Đảm bảo hơn 70% tổng số hồ sơ tiếp nhận trực tuyến.", 70, "gt", None),
    ("+ Không để tổ chức, cá nhân đi lại quá 01 lần để bổ sung hồ sơ.", 1, "lte", None),
    ("- Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình trên tổng số hồ sơ đạt tối thiểu 30%.", 30, "gte", None),
    ("- Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC là 80%.", 80, "eq", None),
]
FROM_CORPUS = [
    ("- Tỷ lệ hồ sơ giải quyết đúng hạn ở cấp tỉnh không dưới 98%.", 98, "gte", None),
    ("- Tỷ lệ hồ sơ trễ hạn ở cấp xã dưới 5%.", 5, "lt", None),
    ("- Thời gian giải quyết tối đa 25 ngày làm việc.", 25, "lte", None),
    ("- Chỉ số CCHC nằm trong nhóm 10 tỉnh, thành phố dẫn đầu.", 10, "lte", None),
    ("- Không để số vốn chuyển nguồn sang năm 2023 vượt quá 5%.", 5, "lte", None),
    ("- GRDP tăng 7-7,5% so với năm trước.", 7, "range", 7.5),
    ("- Tỷ lệ hồ sơ trực tuyến tối thiểu 70% trong năm 2025 và 85% trong năm 2026.", 85, "gte", None),
    ("- Tỷ lệ đạt ≥ 95%.", 95, "gte", None),
    ("h) Giảm ít nhất 10% số lượng đơn vị sự nghiệp công lập và 10% biên chế sự nghiệp.", 10, "gte", None),
    ("- Tỷ lệ hồ sơ trực tuyến mức độ 3 và 4 đạt tối thiểu **80%**.", 80, "gte", None),
    ("- Tỷ lệ đúng hạn cấp thị xã đạt trên 97%, cấp xã 98%.", 98, "gt", None),
    # batch 9: a floor stated as what must no longer happen
    ("(11) Không còn xã đạt dưới 8 tiêu chí nông thôn mới.", 8, "gte", None),
]


def _plan(clause: str) -> str:
    return f"KẾ HOẠCH\nCải cách hành chính năm 2025\n\nI. MỤC TIÊU\n\n1. Chỉ tiêu cụ thể:\n\n{clause}\n"


@pytest.mark.parametrize(("clause", "value", "comparator", "value_max"), FROM_SEEDS + FROM_CORPUS)
def test_comparator(clause: str, value: float, comparator: str, value_max: float | None) -> None:
    targets = [t for t in extract_text(_plan(clause)).targets if t.value == value]
    assert targets, f"no target with value {value}"
    assert (targets[-1].comparator, targets[-1].value_max) == (comparator, value_max)
    assert targets[-1].kind == "target"


# batch 7: figures whose counted noun comes from the context (head, line, value, comparator, unit)
REPORT_2024 = "Số: 95/BC-UBND\n\nCần Giuộc, ngày 2 tháng 7 năm 2024\n\nBÁO CÁO\nKết quả giải quyết TTHC\n\n"
PLAN_2024 = "Số: 18/KH-UBND\n\nLong Thành, ngày 9 tháng 1 năm 2024\n\nKẾ HOẠCH\nTuyên truyền CCHC năm 2024\n\n"
UNITS_FROM_BATCH_7 = [
    (REPORT_2024, "Quý II, Bộ phận Một cửa tiếp nhận 5.120 hồ sơ (trực tuyến 3.904, trực tiếp 1.216).", 3904, "eq",
     "hồ sơ"),
    (REPORT_2024, "Quý II, Bộ phận Một cửa tiếp nhận 5.120 hồ sơ (trực tuyến 3.904, trực tiếp 1.216).", 1216, "eq",
     "hồ sơ"),
    (REPORT_2024, "Năm 2023 xã tự chấm 87,5 điểm, tăng 2,1 điểm so với kết quả thẩm định năm 2022 (85,4 điểm).", 85.4,
     "eq", "điểm"),
    (PLAN_2024, "- Phát trên loa truyền thanh của xã 02 lần/tuần, mỗi lần 15 phút.", 15, "eq", "phút"),
    (PLAN_2024, "- Tổ chức 01 hội thi tìm hiểu về cải cách hành chính cho đoàn viên thanh niên.", 1, "eq", "hội thi"),
    (REPORT_2024, "Bộ phận Một cửa đã gửi 12/12 thư xin lỗi đến người dân có hồ sơ trễ hạn.", 12, "eq", "thư xin lỗi"),
    (PLAN_2024, "- Phấn đấu nằm trong nhóm 10 quận, huyện, thị xã dẫn đầu về Chỉ số CCHC.", 10, "lte",
     "quận, huyện, thị xã"),
]


@pytest.mark.parametrize(("head", "line", "value", "comparator", "unit"), UNITS_FROM_BATCH_7)
def test_unit_from_context(head: str, line: str, value: float, comparator: str, unit: str) -> None:
    found = [(t.comparator, t.unit) for t in extract_text(head + line + "\n").targets if t.value == value]
    assert found[:1] == [(comparator, unit)]


def test_a_bound_carries_only_to_a_number_of_the_same_measure() -> None:
    """'tối thiểu 120.000 triệu đồng, tổ chức đấu giá 03 dự án': the bound on money says nothing of the count."""
    ts = extract_text(_plan("- Thu tiền sử dụng đất đạt tối thiểu 120.000 triệu đồng, tổ chức đấu giá 03 dự án khu "
                            "dân cư; ít nhất 20 TTHC và 30 TTHC nội bộ được đơn giản hóa."))
    assert [(t.value, t.comparator) for t in ts.targets] == [(120000, "gte"), (3, "eq"), (20, "gte"), (30, "gte")]


def test_hard_wrapped_clause_keeps_its_comparator() -> None:
    """A clause wrapped over two lines ("không có phường nào\\n có tỷ lệ dưới 30%") keeps the comparator
    whose words stand on the first line; the evidence stays the line the number is on."""
    ts = extract_text(_plan("      1. Phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 60% trở lên; không có "
                            "phường nào\n có tỷ lệ dưới 30%."))
    assert [(t.value, t.comparator) for t in ts.targets] == [(60, "gte"), (30, "gte")]
    assert ts.targets[1].evidence == "có tỷ lệ dưới 30%."
