"""Dates as Vietnamese documents write them, and spans that are dates or times (never targets)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from ..lang.loader import load_yaml

_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>\d{4})"
LONG_DATE = regex.compile(rf"(?i)ngày\s*{_D}\s*tháng\s*{_M}\s*năm\s*{_Y}")
NUMERIC_DATE = regex.compile(rf"(?<![\d/.\-]){_D}\s*([/.\-])\s*{_M}\s*\2\s*{_Y}(?!\d)")
SHORT_NUMERIC_DATE = regex.compile(rf"(?<![\d/.\-]){_D}\s*/\s*{_M}\s*/\s*(?P<yy>\d{{2}})(?![\d/])")

# Spans masked before looking for quantities: dates, month/year, quarter/year, clock times.
_MASKS = [
    LONG_DATE,
    NUMERIC_DATE,
    SHORT_NUMERIC_DATE,
    regex.compile(r"(?i)(?:tháng|quý|qúy|học kỳ|kỳ)\s+[\dIVX]{1,4}\s*[/\-]\s*\d{2,4}"),
    regex.compile(r"(?<![\d/.,])\d{1,2}\s*/\s*(?:19|20)\d{2}(?![\d/])"),
    regex.compile(r"(?<![\d:])\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?![\d:])"),
    regex.compile(r"(?i)(?<![\w])\d{1,2}\s*(?:h|giờ)\s*\d{2}(?:['’]|\s*phút)?(?!\w)"),
    # clock times, not durations: "lúc 14 giờ", "từ 17 giờ đến 18 giờ"
    regex.compile(r"(?i)(?<![\w])(?:lúc|vào lúc)\s+\d{1,2}\s*(?:giờ|h)(?!\w)"),
    regex.compile(r"(?i)(?<![\w])\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?\s*(?:đến|-)\s*\d{1,2}\s*(?:giờ|h)(?!\w)"),
]


def date_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in _MASKS:
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans


def make_date(y: int | str, m: int | str, d: int | str) -> str | None:
    """ISO date, or None when the parts do not make a real date.

    >>> make_date("2020", "9", "11")
    '2020-09-11'
    >>> make_date(2020, 2, 30) is None
    True
    """
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def parse_date_at(text: str, pos: int = 0, limit: int = 40) -> tuple[str, int, int] | None:
    """A date starting within ``limit`` characters of ``pos``: (iso, start, end)."""
    window_end = min(len(text), pos + limit + 30)
    best = None
    for pattern in (LONG_DATE, NUMERIC_DATE):
        m = pattern.search(text, pos, window_end)
        if m and m.start() - pos <= limit and (best is None or m.start() < best[1]):
            iso = make_date(m.group("y"), m.group("m"), m.group("d"))
            if iso:
                best = (iso, m.start(), m.end())
    return best


@lru_cache(maxsize=1)
def _month_name_pattern() -> tuple[regex.Pattern[str], dict[str, int]]:
    names = load_yaml("header.yaml")["month_names"]
    alternation = "|".join(sorted(map(regex.escape, names), key=len, reverse=True))
    pattern = regex.compile(rf"(?i)(?<!\d){_D}\s+tháng\s+(?P<name>{alternation}|\d{{1,2}})\s*,?\s+(?:năm\s+)?{_Y}")
    return pattern, {k.lower(): int(v) for k, v in names.items()}


def find_posting_date(text: str) -> tuple[str, int, int] | None:
    """A web portal's posting date: "Thứ năm, 23/04/2020", "28 Tháng Hai 2018", "15-03-2021 08:30"."""
    pattern, names = _month_name_pattern()
    candidates = []
    m = pattern.search(text)
    if m:
        raw = m.group("name").lower()
        month = int(raw) if raw.isdigit() else names.get(raw)
        iso = make_date(m.group("y"), month or 0, m.group("d"))
        if iso:
            candidates.append((m.start(), iso, m.end()))
    for pat in (NUMERIC_DATE, LONG_DATE):
        m = pat.search(text)
        if m:
            iso = make_date(m.group("y"), m.group("m"), m.group("d"))
            if iso:
                candidates.append((m.start(), iso, m.end()))
    if not candidates:
        return None
    start, iso, end = min(candidates)
    return iso, start, end
