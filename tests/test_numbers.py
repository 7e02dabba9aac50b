"""Number grammar, table-driven and grouped by where each example came from."""

from __future__ import annotations

import pytest

from cchc_extract.parse.numbers import find_quantities, parse_number

# (text, value)
FROM_SEEDS = [("61,79", 61.79), ("5.220.139", 5220139), ("99,87", 99.87), ("0,13", 0.13), ("01", 1), ("1733", 1733)]
FROM_CORPUS = [("10.367,7", 10367.7), ("6.112,8", 6112.8), ("1,26", 1.26), ("14.382", 14382), ("3.862", 3862)]
AMBIGUOUS = [("3.450", 3450), ("7.5", 7.5), ("1,488", 1.488), ("1,000,000", 1_000_000)]


@pytest.mark.parametrize(("text", "value"), FROM_SEEDS + FROM_CORPUS + AMBIGUOUS)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


# (sentence, [(value, value_max, denominator, percent)])
QUANTITIES = [
    ("đã hoàn thành 55/89 nhiệm vụ, đạt tỷ lệ 61,79%", [(55, None, 89, False), (61.79, None, None, True)]),
    ("đã giải quyết 5.220.139/5.330.464 tổng hồ sơ", [(5220139, None, 5330464, False)]),
    ("GRDP tăng 7-7,5%", [(7, 7.5, None, True)]),
    ("từ 85% - 90%", [(85, 90, None, True)]),
    ("tỷ lệ **100%** hồ sơ", [(100, None, None, True)]),
    ("trên 95 phần trăm", [(95, None, None, True)]),
]
NOT_QUANTITIES = ["Nghị quyết 36a/NQ-CP", "ngày 11/4/2024", "Covid-19", "Quyết định số 15/QĐ-UBND"]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_find_quantities(text: str, expected: list[tuple]) -> None:
    found = [(q.value, q.value_max, q.denominator, q.percent) for q in find_quantities(text)]
    assert found == [tuple(float(x) if isinstance(x, int) else x for x in e) for e in expected]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_codes_and_dates_are_not_free_numbers(text: str) -> None:
    found = [q.text for q in find_quantities(text)]
    assert all(t not in ("36", "11/4", "19", "15") for t in found), found


def test_long_hostile_line_is_linear() -> None:
    # A multi-kilobyte run of digits and separators must finish promptly (possessive quantifiers).
    text = ("1.2,3/4-5 % trên " * 20000)
    assert len(find_quantities(text)) > 1000


def test_absurd_digit_runs_are_not_quantities() -> None:
    assert find_quantities("9" * 400 + "%") == []
    assert [q.value for q in find_quantities("đạt 10.367,7 tỷ đồng")] == [10367.7]
