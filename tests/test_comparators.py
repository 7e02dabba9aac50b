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
]


def _plan(clause: str) -> str:
    return f"KẾ HOẠCH\nCải cách hành chính năm 2025\n\nI. MỤC TIÊU\n\n1. Chỉ tiêu cụ thể:\n\n{clause}\n"


@pytest.mark.parametrize(("clause", "value", "comparator", "value_max"), FROM_SEEDS + FROM_CORPUS)
def test_comparator(clause: str, value: float, comparator: str, value_max: float | None) -> None:
    targets = [t for t in extract_text(_plan(clause)).targets if t.value == value]
    assert targets, f"no target with value {value}"
    assert (targets[-1].comparator, targets[-1].value_max) == (comparator, value_max)
    assert targets[-1].kind == "target"
