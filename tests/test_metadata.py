"""Document metadata on a full Nghị định 30 header, a flattened one, and a web post."""

from __future__ import annotations

from cchc_extract import extract_text

PLAN = """ỦY BAN NHÂN DÂN
HUYỆN HẢI LĂNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 45/KH-UBND

Hải Lăng, ngày 20 tháng 01 năm 2023

KẾ HOẠCH
Cải cách hành chính năm 2023

Căn cứ Quyết định số 1/QĐ-UBND ngày 3/1/2023 của UBND tỉnh Quảng Trị;

I. MỤC TIÊU
- Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""


def test_full_header() -> None:
    d = extract_text(PLAN).document
    assert d.doc_type == "ke_hoach"
    assert (d.number, d.symbol) == ("45", "KH-UBND")
    assert d.issuer == "Ủy ban nhân dân huyện Hải Lăng"
    assert (d.place, d.date) == ("Hải Lăng", "2023-01-20")
    assert d.subject == "Cải cách hành chính năm 2023"
    assert d.signer == "Nguyễn Văn An"
    assert d.signer_title == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert d.year == 2023
    assert d.recipients == ["UBND tỉnh", "Lưu: VT"]


def test_parent_and_child_issuer() -> None:
    text = PLAN.replace("ỦY BAN NHÂN DÂN\nHUYỆN HẢI LĂNG", "UBND TỈNH QUẢNG TRỊ\nSỞ NỘI VỤ")
    assert extract_text(text).document.issuer == "Sở nội vụ tỉnh Quảng Trị"


def test_cong_van_subject_without_vv() -> None:
    text = "Số: 473 /VHTT\n\nV/v tăng cường tuyên truyền\ncải cách hành chính năm 2020\n\n" \
           "Tân Bình, ngày 11 tháng 9 năm 2020\n\nKính gửi: Các phòng, ban.\n\nNội dung công văn dài hơn " \
           "bốn mươi ký tự để mở phần thân văn bản.\n"
    d = extract_text(text).document
    assert (d.doc_type, d.number, d.symbol) == ("cong_van", "473", "VHTT")
    assert d.subject == "tăng cường tuyên truyền cải cách hành chính năm 2020"
    assert d.recipients == ["Các phòng, ban"]


def test_web_post() -> None:
    text = "Tin tức\n\nĐẩy mạnh chuyển đổi số trên địa bàn quận năm 2022\nThứ sáu, 01/07/2022, 18:00 CH\n" \
           "Cỡ chữ Màu chữ\n\nSáng 1/7, Ủy ban nhân dân quận tổ chức hội nghị sơ kết.\n\nSố lượt xem: 956\n"
    d = extract_text(text).document
    assert (d.doc_type, d.date, d.year) == ("tin_bai", "2022-07-01", 2022)
    assert d.subject == "Đẩy mạnh chuyển đổi số trên địa bàn quận năm 2022"


def test_issuer_line_carrying_the_start_of_a_wrapped_motto() -> None:
    """A PDF's two-column header flattened and wrapped inside the motto: "... QUẬN 3 CỘNG HÒA XÃ / HỘI ..."."""
    header = "ỦY BAN NHÂN DÂN\nHUYỆN HẢI LĂNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    wrapped = "ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do\n- Hạnh phúc"
    text = PLAN.replace(header, wrapped)
    assert extract_text(text).document.issuer == "Ủy ban nhân dân huyện Hải Lăng"


def test_issuer_line_wrapped_into_the_motto() -> None:
    # a two-column header flattened and re-wrapped by a PDF reader: the motto starts on the issuer's line
    header = "ỦY BAN NHÂN DÂN\nHUYỆN HẢI LĂNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    wrapped = "ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG CỘNG HÒA\nXÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do\n- Hạnh phúc"
    text = PLAN.replace(header, wrapped)
    assert wrapped in text
    assert extract_text(text).document.issuer == "Ủy ban nhân dân huyện Hải Lăng"


def test_web_post_title_joined_with_its_date() -> None:
    text = "Tin tức\n\nKế hoạch phát động phong trào thi đua cải cách hành chính năm 2024 Thứ ba, 12/03/2024, " \
           "08:15 SA\nCỡ chữ Màu chữ\n\nỦy ban nhân dân xã ban hành kế hoạch với các chỉ tiêu sau.\n"
    d = extract_text(text).document
    assert (d.doc_type, d.date) == ("ke_hoach", "2024-03-12")
    assert d.subject == "phát động phong trào thi đua cải cách hành chính năm 2024"


def test_commune_under_its_city_keeps_its_own_name() -> None:
    # the parent's name goes into a child without a place ("Sở Nội vụ tỉnh ..."), not one that names its own
    two_levels = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÔNG HÀ\nỦY BAN NHÂN DÂN\nPHƯỜNG 5"
    text = PLAN.replace("ỦY BAN NHÂN DÂN\nHUYỆN HẢI LĂNG", two_levels)
    assert extract_text(text).document.issuer == "Ủy ban nhân dân phường 5"
