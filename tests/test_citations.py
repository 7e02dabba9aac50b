"""Document numbers and cited documents, from real strings."""

from __future__ import annotations

import pytest

from cchc_extract import extract_text

# (sentence, ref, doc_type, date)
FROM_SEEDS = [
    ("Thực hiện Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2020 của Chủ tịch UBND quận", "15/QĐ-UBND",
     "quyet_dinh", "2020-03-02"),
    ("Thực hiện kế hoạch số 26/KH – UBND ngày 11/4/2024 của Ủy ban nhân dân phường", "26/KH-UBND", "ke_hoach",
     "2024-04-11"),
    ("theo Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ", "61/2018/NĐ-CP", "nghi_dinh", "2018-04-23"),
    ("theo công văn số 2169/UBND - NC ngày 31/7/2018 của Chủ tịch UBND tỉnh", "2169/UBND-NC", "cong_van",
     "2018-07-31"),
    ("thực hiện Chỉ thị số 18-CT/QU ngày 07/10/2016 của Quận ủy", "18-CT/QU", "chi_thi", "2016-10-07"),
    ("theo Nghị quyết 36a/NQ-CP của Chính phủ", "36a/NQ-CP", "nghi_quyet", None),
    ("Thông báo kết luận số 150/TB-VP ngày 07 tháng 9 năm 2020", "150/TB-VP", "thong_bao", "2020-09-07"),
    ("Quyết định 300/QĐ-UBND-NV ngày 16/02/2017", "300/QĐ-UBND-NV", "quyet_dinh", "2017-02-16"),
]


@pytest.mark.parametrize(("sentence", "ref", "doc_type", "date"), FROM_SEEDS)
def test_reference(sentence: str, ref: str, doc_type: str, date: str | None) -> None:
    ts = extract_text(sentence + ".\n")
    assert [(r.ref, r.doc_type, r.date) for r in ts.references] == [(ref, doc_type, date)]
    r = ts.references[0]
    assert ts.text[r.start:r.end] == r.evidence


def test_cited_twice_is_listed_once() -> None:
    text = "Căn cứ Quyết định số 15/QĐ-UBND. Thực hiện Quyết định số 15/QĐ-UBND và Kế hoạch số 3/KH-UBND.\n"
    assert [r.ref for r in extract_text(text).references] == ["15/QĐ-UBND", "3/KH-UBND"]


def test_own_number_is_not_a_reference() -> None:
    text = "ỦY BAN NHÂN DÂN\nPHƯỜNG 5\n\nSố: 12/KH-UBND\n\nPhường 5, ngày 3 tháng 1 năm 2024\n\nKẾ HOẠCH\n" \
           "Cải cách hành chính năm 2024\n\nCăn cứ Kế hoạch số 9/KH-UBND ngày 2/1/2024 của UBND quận.\n"
    ts = extract_text(text)
    assert (ts.document.number, ts.document.symbol) == ("12", "KH-UBND")
    assert [r.ref for r in ts.references] == ["9/KH-UBND"]
