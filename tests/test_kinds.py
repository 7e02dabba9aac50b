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
# batch 6 (held out until scored), and the same phrasing in batches 3-5
PLAN_2025 = "Số: 45/KH-UBND\n\nHà Giang, ngày 10 tháng 2 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\n"
LETTER_2025 = "Số: 812/UBND-KT\n\nĐồng Xoài, ngày 20 tháng 5 năm 2025\n\nV/v đẩy nhanh giải ngân vốn đầu tư công\n\n"
RESOLUTION_2024 = "Số: 38/NQ-HĐND\n\nVĩnh Phúc, ngày 10 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nVề kế hoạch năm 2025\n\n"
FROM_BATCH_6 = [
    (PLAN_2025, "- Số hóa hồ sơ địa chính đạt 100% số huyện, thành phố (năm 2024 hoàn thành 7/11 huyện, thành phố).",
     7, "result"),
    (LETTER_2025, "Tổng kế hoạch vốn đầu tư công năm 2025 của tỉnh là 9.458,2 tỷ đồng. Tính đến ngày 15/5/2025, "
                  "toàn tỉnh mới giải ngân được 2.345,6 tỷ đồng.", 2345.6, "result"),
    (RESOLUTION_2024, "Năm 2024, tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,15% so với năm 2023.", 7.15, "result"),
    (RESOLUTION_2024, "I. ĐÁNH GIÁ TÌNH HÌNH NĂM 2024\nCó 17/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch; 04 chỉ tiêu "
                      "chưa đạt gồm GRDP và thu nội địa.", 4, "result"),
    (REPORT_2021, "Tỷ lệ thanh toán trực tuyến mới đạt 38,6%, thấp hơn chỉ tiêu tỉnh giao (50%).", 50, "target"),
    (PLAN_2025, "- Các khoa lâm sàng: mỗi khoa cử 02 cán bộ tham gia tập huấn kỹ năng số.", 2, "target"),
]


@pytest.mark.parametrize(("head", "line", "value", "kind"), FROM_SEEDS + FROM_CORPUS + FROM_BATCH_6)
def test_kind(head: str, line: str, value: float, kind: str) -> None:
    found = [t for t in extract_text(head + line + "\n").targets if t.value == value]
    assert found, f"no target with value {value}"
    assert found[0].kind == kind


# batch 7 (held out until scored): reporting periods, computed ratios, yardsticks, "2.1." under "2."
LETTER_2024 = "Số: 1502/UBND-VP\n\nTam Nông, ngày 10 tháng 9 năm 2024\n\nV/v đẩy nhanh số hóa hồ sơ\n\n"
NOTICE_2024 = "Số: 210/TB-UBND\n\nTân Phú, ngày 4 tháng 10 năm 2024\n\nTHÔNG BÁO\nKết luận cuộc họp giao ban\n\n"
FROM_BATCH_7 = [
    (LETTER_2024, "Từ ngày 01/6/2024 đến ngày 31/8/2024, toàn huyện tiếp nhận 9.512 hồ sơ.", 9512, "result"),
    (LETTER_2024, "Phấn đấu đến ngày 31/12/2024, tỷ lệ hồ sơ được số hóa đạt 95%.", 95, "target"),
    (LETTER_2024, "Kết quả cụ thể như sau:\n- Xã Phú Cường: cập nhật 412/530 hồ sơ, đạt 77,74%;", 77.74, "result"),
    (LETTER_2024, "Kết quả cụ thể như sau:\n- Xã Phú Cường: cập nhật 412/530 hồ sơ, đạt 77,74%;", 412, "result"),
    (REPORT_2021, "- Tỷ lệ thanh toán trực tuyến đạt 41,5%, chưa đạt yêu cầu tối thiểu 50%.", 50, "target"),
    (LETTER_2024, "Tỷ lệ số hóa của huyện đạt 72,4%, thấp hơn yêu cầu của Ủy ban nhân dân tỉnh (từ 85% trở lên); "
                  "cấp xã đạt 80,1%.", 85, "target"),
    (LETTER_2024, "Tỷ lệ số hóa của huyện đạt 72,4%, thấp hơn yêu cầu của Ủy ban nhân dân tỉnh (từ 85% trở lên); "
                  "cấp xã đạt 80,1%.", 72.4, "result"),
    (REPORT_2021, "Tỷ lệ hồ sơ trực tuyến tăng 9,2 điểm phần trăm nhưng vẫn thấp hơn chỉ tiêu tỉnh giao 4,2 điểm "
                  "phần trăm.", 4.2, "result"),
    (NOTICE_2024, "1. Đánh giá chung\nQuý III, toàn quận tiếp nhận 12.400 hồ sơ.\n2. Nhiệm vụ thời gian tới\n"
                  "2.1. Phòng Tư pháp: tỷ lệ hồ sơ chứng thực điện tử đạt 30%.", 30, "target"),
    (LETTER_2024, "Như vậy, còn 3/12 xã có tỷ lệ thanh toán trực tuyến dưới 20%.", 3, "result"),
    (REPORT_2021, "- Tỷ lệ hồ sơ trực tuyến đạt 56,2% (chỉ tiêu từ 50% trở lên): đạt 2/2 điểm.", 2, "result"),
    (REPORT_2021, "- Tỷ lệ hồ sơ trực tuyến đạt 56,2% (chỉ tiêu từ 50% trở lên): đạt 2/2 điểm.", 50, "target"),
]


@pytest.mark.parametrize(("head", "line", "value", "kind"), FROM_BATCH_7)
def test_kind_batch_7(head: str, line: str, value: float, kind: str) -> None:
    found = [t for t in extract_text(head + line + "\n").targets if t.value == value]
    assert found, f"no target with value {value}"
    assert found[0].kind == kind


# session 4: baselines and bounds quoted in parentheses
PLAN_2026 = ("Số: 301/KH-UBND\n\nLai Châu, ngày 18 tháng 12 năm 2025\n\nKẾ HOẠCH\n"
             "Chuyển đổi số giai đoạn 2026 - 2030\n\n")
REPORT_2024 = ("Số: 410/BC-UBND\n\nThái Nguyên, ngày 2 tháng 12 năm 2024\n\nBÁO CÁO\n"
               "Tình hình kinh tế - xã hội năm 2024\n\n")
NEWS_2025 = "Hưng Yên: nâng cao chất lượng phục vụ tại Trung tâm Phục vụ hành chính công\n\n12/11/2025\n\n"
FROM_SESSION_4 = [
    # a plan signed late in the year quotes that year's own figure as the baseline
    (PLAN_2026, "KPI 3. Tỷ lệ hồ sơ được số hóa: năm 2027: 90%; năm 2030: 100% (năm 2025 đạt 81,2%).", 81.2, "result"),
    (PLAN_2026, "KPI 3. Tỷ lệ hồ sơ được số hóa: năm 2027: 90%; năm 2030: 100% (năm 2025 đạt 81,2%).", 100, "target"),
    (PLAN_2026, "KPI 8. Số sản phẩm OCOP trên sàn thương mại điện tử tăng ít nhất 10 sản phẩm mỗi năm "
                "(năm 2025 có 52 sản phẩm).", 52, "result"),
    # a report's figure, then the plan's bound in parentheses
    (REPORT_2024, "Thu ngân sách trên địa bàn ước tăng 8,4% so với năm 2023 (kế hoạch tăng 6%).", 6, "target"),
    (REPORT_2024, "Thu ngân sách trên địa bàn ước tăng 8,4% so với năm 2023 (kế hoạch tăng 6%).", 8.4, "result"),
    # cues that cancel out ("tối đa" after a measured share) leave the kind to the document type
    (NOTICE_2024, "III. ĐÁNH GIÁ\n1. Lĩnh vực cải cách tổ chức bộ máy có tỷ lệ điểm cao nhất (bình quân đạt 91,7% "
                  "số điểm tối đa).", 91.7, "result"),
    (PLAN_2023, "- Các phòng chuyên môn có tỷ lệ điểm đạt cao nhất (bình quân 91,7% số điểm tối đa).", 91.7,
     "target"),
    # an assignment sets a target even in a news post; a figure measured against what was assigned does not
    (NEWS_2025, "UBND tỉnh cũng giao Sở Khoa học và Công nghệ bố trí thêm 15 máy tính tra cứu cho các xã.", 15,
     "target"),
    (REPORT_2024, "Đến nay có 7 chỉ tiêu đã đạt hoặc vượt chỉ tiêu giao cả năm, 02 chỉ tiêu đang triển khai.", 2,
     "result"),
]


@pytest.mark.parametrize(("head", "line", "value", "kind"), FROM_SESSION_4)
def test_kind_session_4(head: str, line: str, value: float, kind: str) -> None:
    found = [t for t in extract_text(head + line + "\n").targets if t.value == value]
    assert found, f"no target with value {value}"
    assert found[0].kind == kind
