"""Number grammar: Vietnamese decimal commas, thousands dots, fractions, percentages and dash ranges.

All quantifiers are possessive or bounded so the grammar runs in linear time on hostile input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex

# A number: thousands with dots (5.220.139, 10.367,7), English thousands with commas (1,000,000),
# or digits with an optional decimal part (61,79 / 7.5).
_NUM = r"(?:\d{1,3}(?:\.\d{3})++(?:,\d++)?(?![.\d])|\d{1,3}(?:,\d{3}){2,}+(?![,\d])|\d++(?:[.,]\d++)?+)"
_PCT = r"(?:\s?%|\s+phần\s+trăm\b)"
QUANTITY = regex.compile(
    rf"""(?<![\w.,/\-])(?P<a>{_NUM})(?P<apct>{_PCT})?
        (?:\s*[-–]\s*(?P<b>{_NUM})(?:(?P<bpct>{_PCT})|(?=\s+\p{{L}}))
          |\s*/\s*(?P<den>{_NUM})(?P<dpct>{_PCT})?
        )?+
        (?![\w/])""",
    regex.VERBOSE | regex.V1,
)
# group numbers looked up once: Match.group() by name costs several times more, once per number
_GROUPS = tuple(QUANTITY.groupindex[name] for name in ("a", "b", "den", "apct", "bpct"))


_DOT_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_COMMA_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")


@dataclass(frozen=True)
class Quantity:
    """A number as written, with its offsets in the text."""

    start: int
    end: int
    value: float
    value_max: float | None = None  # upper bound of a dash range "7-7,5%"
    denominator: float | None = None  # "55/89"
    percent: bool = False
    text: str = ""


def parse_number(s: str) -> float:
    """Read a number written the Vietnamese way.

    >>> parse_number("61,79")
    61.79
    >>> parse_number("5.220.139")
    5220139.0
    >>> parse_number("10.367,7")
    10367.7
    >>> parse_number("3.450")
    3450.0
    >>> parse_number("7.5")
    7.5
    >>> parse_number("01")
    1.0
    >>> parse_number("1,000,000")
    1000000.0
    """
    s = s.strip()
    if "." not in s and "," not in s:  # plain digits, the common case: no separator to read
        return float(s)
    if _DOT_THOUSANDS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _COMMA_THOUSANDS.fullmatch(s):
        return float(s.replace(",", ""))
    return float(s.replace(",", "."))


_LARGEST = 1e15  # beyond any budget in đồng; larger digit runs are codes, not quantities


def _plausible(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= _LARGEST


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number in ``text[start:end]`` with its percent sign, fraction or dash range.

    >>> [(q.value, q.value_max, q.percent) for q in find_quantities("GRDP tăng 7-7,5% so với 2023")]
    [(7.0, 7.5, True), (2023.0, None, False)]
    >>> [(q.value, q.denominator) for q in find_quantities("đã hoàn thành 55/89 nhiệm vụ")]
    [(55.0, 89.0)]
    """
    out = []
    for m in QUANTITY.finditer(text, start, len(text) if end is None else end):
        a_text, b_text, den_text, apct, bpct = m.group(*_GROUPS)
        a = parse_number(a_text)
        if not _plausible(a):
            continue  # a run of 400 digits is not a quantity (and would not survive JSON as a float)
        b = parse_number(b_text) if b_text else None
        if b is not None and not _plausible(b):
            continue
        den = parse_number(den_text) if den_text else None
        if den is not None and not _plausible(den):
            continue
        q_start, q_end = m.span()
        out.append(Quantity(start=q_start, end=q_end, value=a, value_max=b, denominator=den,
                            percent=bool(apct or bpct), text=text[q_start:q_end]))
    return out
