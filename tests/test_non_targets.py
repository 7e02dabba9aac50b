"""Numbers that are never targets (ANNOTATION.md: dates, document numbers, levels, periods, section
numbers, recipient counts, slogans, narrative counts, clock times, page chrome), from real phrasing."""

from __future__ import annotations

import pytest

from cchc_extract import extract_text

HEAD = "Số: 12/KH-UBND\n\nĐà Nẵng, ngày 5 tháng 3 năm 2023\n\nKẾ HOẠCH\nCải cách hành chính năm 2023\n\n"

FROM_SEEDS = [
    "- Tuyên truyền dịch vụ công trực tuyến mức độ 3, mức độ 4 và mức độ 3, 4 đến người dân.",
    "Thực hiện Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2020 của Chủ tịch Ủy ban nhân dân quận.",
    "- Chương trình cải cách hành chính giai đoạn 2016 - 2020 của Ủy ban nhân dân phường.",
    "- Định kỳ Quý, 6 tháng, 9 tháng, năm thực hiện công tác tổng hợp báo cáo.",
    "- Thực hiện đúng chuẩn mực giao tiếp với phương châm “4 xin, 4 luôn”.",
    "Trong quý III hoàn thành Cổng dịch vụ công TP kết nối với Cổng dịch vụ công quốc gia.",
]
FROM_CORPUS = [
    "- Phát thanh trên hệ thống loa truyền thanh vào khung giờ từ 17 giờ đến 18 giờ.",
    "- Triển khai 03 nhóm giải pháp và 06 nội dung cải cách hành chính.",
    "- Số điện thoại đường dây nóng: 0236.3821.145; ISO 9001:2015.",
    "- Báo cáo kết quả về Phòng Nội vụ trong thời hạn 15 ngày kể từ ngày ký.",
    "- Tổ chức hội nghị sơ kết 6 tháng đầu năm vào ngày 12/7/2023 lúc 14 giờ.",
    "- Cơ quan, đơn vị để tỷ lệ số hóa thấp hơn 30% vào cuối Quý III/2022 sẽ bị xem xét mức độ hoàn thành nhiệm vụ.",
    "- Cơ quan, đơn vị có từ 02 chỉ tiêu trở lên không hoàn thành thì người đứng đầu không được xếp loại xuất sắc.",
    "- Bệnh viện đa khoa tỉnh (quy mô 1.100 giường bệnh) đang hoàn thiện hồ sơ thẩm định.",
    "Xã có diện tích tự nhiên 254,6 km², gồm nhiều dân tộc cùng sinh sống.",
    "Chỉ số CCHC năm 2023 được đánh giá trên thang điểm 100, gồm 8 lĩnh vực, 41 tiêu chí và 84 tiêu chí thành phần.",
    # batch 7
    "- Trường hợp công chức đi muộn từ 03 lần trở lên trong tháng thì không xem xét khen thưởng cuối năm.",
    # batch 9
    "- Cơ quan, đơn vị không hoàn thành từ 03 chỉ tiêu trở lên thì người đứng đầu không được xét danh hiệu thi đua.",
    # session 4: a floor that triggers a remedy or a transfer of funds is a condition
    "2. Các phường đạt dưới 50% dự toán thu phải có kế hoạch khắc phục, báo cáo UBND quận trước ngày 15/7.",
    "- Điều chuyển vốn của các dự án có tỷ lệ giải ngân dưới 35% đến ngày 30/6 sang các dự án giải ngân tốt.",
    "3. Đơn vị có chỉ số hài lòng dưới 80% phải có báo cáo giải trình gửi Sở Nội vụ.",
    # session 4: points that describe the scoring scale are weights, not scores
    "Bộ Chỉ số được chấm trên thang điểm 100; trong đó điểm tự đánh giá là 70 điểm, điểm khảo sát là 30 điểm.",
    "Tổng điểm tối đa của Bộ Chỉ số là 100 điểm, gồm 7 lĩnh vực và 32 tiêu chí.",
    # session 4: how a body is made up, a named list
    "1. Thành phần: Đoàn kiểm tra gồm 05 thành viên, do Phó Trưởng phòng Nội vụ làm Trưởng đoàn.",
    "- Công an phường hướng dẫn người dân sử dụng 25 dịch vụ công thiết yếu trên ứng dụng VNeID.",
]


@pytest.mark.parametrize("line", FROM_SEEDS + FROM_CORPUS)
def test_no_target(line: str) -> None:
    ts = extract_text(HEAD + "I. NỘI DUNG\n\n" + line + "\n")
    assert [(t.value, t.unit) for t in ts.targets] == []


def test_recipient_counts_are_not_targets() -> None:
    text = "Số: 46/UBND\n\nV/v thi đua\n\nKính gửi:\n- Ủy ban nhân dân 15 phường.\n\n" \
           "Thực hiện kế hoạch, đề nghị các phường đảm bảo 100% hồ sơ giải quyết đúng hạn.\n"
    assert [t.value for t in extract_text(text).targets] == [100.0]


def test_floor_target_without_remedy_is_kept() -> None:
    """Only a floor that triggers a remedy is a condition; the same floor set as a goal stays a target."""
    ts = extract_text(HEAD + "I. NỘI DUNG\n\n- Tỷ lệ hồ sơ giải quyết trễ hạn dưới 2%; các xã có kế hoạch khắc phục.\n")
    assert [(t.value, t.comparator, t.kind) for t in ts.targets] == [(2.0, "lt", "target")]


REPORT = "Số: 9/BC-UBND\n\nDĩ An, ngày 5 tháng 1 năm 2024\n\nBÁO CÁO\nKết quả tự đánh giá Chỉ số CCHC năm 2023\n\n"


def test_score_after_the_scale_sentence_and_a_leader_score_are_kept() -> None:
    """The scale sentence holds weights; the next sentence's score and "dẫn đầu với ... điểm" are results."""
    ts = extract_text(REPORT + "I. KẾT QUẢ\n\nTổng điểm tối đa của Bộ tiêu chí là 100 điểm. Qua tự đánh giá, phường "
                      "tự chấm 86,5/100 điểm. Phường Tân Bình tiếp tục dẫn đầu với 91,2 điểm.\n")
    assert [(t.value, t.unit, t.kind) for t in ts.targets] == [(86.5, "điểm", "result"), (91.2, "điểm", "result")]


def test_places_owning_what_follows_are_not_counted() -> None:
    """"của 14 phường" owns the figure after it; a count of units checked ("tại 3 bộ phận") is kept."""
    ts = extract_text(REPORT + "I. KẾT QUẢ\n\nNăm 2023, Bộ phận Một cửa của 14 phường đã tiếp nhận 52.310 hồ sơ; "
                      "phường đã tự kiểm tra tại 3 bộ phận chuyên môn.\n")
    assert [(t.value, t.unit) for t in ts.targets] == [(52310.0, "hồ sơ"), (3.0, "bộ phận")]
