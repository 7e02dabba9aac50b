"""Target or result, from real phrasing (grouped by provenance)."""

from __future__ import annotations

import pytest

from cchc_extract import extract_text

PLAN_2023 = "Số: 12/KH-UBND\n\nĐà Nẵng, ngày 5 tháng 3 năm 2023\n\nKẾ HOẠCH\nCải cách hành chính năm 2023\n\n"
REPORT_2021 = "Số: 3/BC-UBND\n\nHải Châu, ngày 5 tháng 1 năm 2021\n\nBÁO CÁO\nKết quả cải cách hành chính năm 2020\n\n"

# (document head, body line, value, kind)
FROM_SEEDS = [
    (PLAN_2023, "- Tỷ lệ hồ sơ đăng ký hộ kinh doanh được giải quyết trực tuyến: từ 50% trở lên.", 50, "target"),
    (PLAN_2023, "Quý I/2023, TP đã giải quyết 5.220.139/5.330.464 tổng hồ sơ tiếp nhận.", 5220139, "result"),
    (PLAN_2023, "- Thực hiện tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích: 10%.", 10, "target"),
]
FROM_CORPUS = [
    (PLAN_2023, "2. Năm 2022, Công an thành phố đã thu nhận 148.362 hồ sơ cấp Căn cước công dân, đạt 98,6% số "
                "công dân thuộc diện cấp.", 98.6, "result"),
    (PLAN_2023, "- Xử lý dứt điểm hồ sơ trễ hạn (năm 2022 còn 418 hồ sơ trễ hạn, chiếm 3,2% tổng số hồ sơ).", 3.2,
     "result"),
    (PLAN_2023, "Tính đến ngày 20/5/2023, tỷ lệ hồ sơ trực tuyến toàn trình mới đạt 42,6%.", 42.6, "result"),
    (REPORT_2021, "Năm 2020, UBND 13 phường tiếp nhận 84.207 hồ sơ, tỷ lệ đúng hạn đạt 99,91%.", 99.91, "result"),
    (REPORT_2021, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021\n1. Tỷ lệ hồ sơ giải quyết đúng hạn không dưới 98%.", 98,
     "target"),
    ("Số: 7/TB-UBND\n\nTân Yên, ngày 2 tháng 6 năm 2023\n\nTHÔNG BÁO\nKết quả kiểm tra\n\n",
     "II. TỒN TẠI, HẠN CHẾ\n1. Qua kiểm tra, phát hiện 3 trường hợp công chức yêu cầu người dân nộp thêm giấy tờ.", 3,
     "result"),
    (REPORT_2021, "Tỷ lệ hồ sơ trực tuyến đạt 42,6% (tối thiểu 60%).", 60, "target"),
]


@pytest.mark.parametrize(("head", "line", "value", "kind"), FROM_SEEDS + FROM_CORPUS)
def test_kind(head: str, line: str, value: float, kind: str) -> None:
    found = [t for t in extract_text(head + line + "\n").targets if t.value == value]
    assert found, f"no target with value {value}"
    assert found[0].kind == kind
