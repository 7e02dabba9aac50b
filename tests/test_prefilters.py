"""Date masks and document numbers are matched only where they can start (a speed-up): the spans must be
exactly those of one plain ``finditer`` scan per pattern, overlaps between patterns included."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_extract.parse import citations, dates

PIECES = ["ngày", "Ngày", "NGÀY", "tháng", "THÁNG", "năm", "quý", "Quý", "qúy", "học kỳ", "HỌC KỲ", "kỳ", "lúc",
          "vào lúc", "VÀO LÚC", "giờ", "GIỜ", "h", "H", "phút", "đến", "-", "–", "/", ".", ",", ":", "'", "’", " ",
          "  ", "\n", "\t", "1", "7", "12", "123", "2020", "19", "IV", "X", "a", "đ", "QĐ", "UBND", "NĐ", "CP",
          "CT", "QU", "Số", "%", "Quyết định số", "(", ")", "\u00a0"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _plain_date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for mask in dates._MASKS for m in mask.pattern.finditer(text)]


def _plain_reference_spans(text: str) -> list[tuple[int, int]]:
    party = [m.span() for m in citations.PARTY_REF.finditer(text)]
    state = [m.span() for m in citations.STATE_REF.finditer(text)
             if not any(a < m.end() and m.start() < b for a, b in party)]
    return sorted(party + state)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_date_spans_equal_one_scan_per_mask(text: str) -> None:
    assert dates.date_spans(text) == _plain_date_spans(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_reference_spans_equal_one_scan_per_pattern(text: str) -> None:
    assert citations.all_reference_spans(text) == _plain_reference_spans(text)


def test_overlapping_masks_all_reported() -> None:
    text = "họp lúc 14 giờ 30 ngày 02 tháng 3 năm 2020, học kỳ 1/2023, 15/QĐ-UBND, 18-CT/QU, 9h-10h"
    found = {text[a:b] for a, b in dates.date_spans(text)}
    assert {"lúc 14 giờ", "14 giờ 30", "học kỳ 1/2023", "1/2023", "ngày 02 tháng 3 năm 2020", "9h-10h"} <= found
    assert dates.date_spans(text) == _plain_date_spans(text)
    assert [text[a:b] for a, b in citations.all_reference_spans(text)] == ["15/QĐ-UBND", "18-CT/QU"]
