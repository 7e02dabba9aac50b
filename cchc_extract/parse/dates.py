"""Dates as Vietnamese documents write them, and spans that are dates or times (never targets)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..lang.loader import load_yaml

_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>\d{4})"
LONG_DATE = regex.compile(rf"(?i)ngày\s*{_D}\s*tháng\s*{_M}\s*năm\s*{_Y}")
NUMERIC_DATE = regex.compile(rf"(?<![\d/.\-]){_D}\s*([/.\-])\s*{_M}\s*\2\s*{_Y}(?!\d)")
SHORT_NUMERIC_DATE = regex.compile(rf"(?<![\d/.\-]){_D}\s*/\s*{_M}\s*/\s*(?P<yy>\d{{2}})(?![\d/])")


# Spans masked before looking for quantities: dates, month/year, quarter/year, clock times.
# Each mask says where a match can start, so the text is scanned once for all candidate starts rather
# than once per mask: at one or two digits followed (after spaces) by one of ``digits_then``, or at
# one of ``words`` (case-insensitive) — the alternatives the pattern opens with.
@dataclass(frozen=True)
class _Mask:
    pattern: regex.Pattern[str]
    digits_then: str = ""
    words: tuple[str, ...] = ()


_MASKS = [
    _Mask(LONG_DATE, words=("ngày",)),
    _Mask(NUMERIC_DATE, digits_then="/.-"),
    _Mask(SHORT_NUMERIC_DATE, digits_then="/"),
    _Mask(regex.compile(r"(?i)(?:tháng|quý|qúy|học kỳ|kỳ)\s+[\dIVX]{1,4}\s*[/\-]\s*\d{2,4}"),
          words=("tháng", "quý", "qúy", "học kỳ", "kỳ")),
    _Mask(regex.compile(r"(?<![\d/.,])\d{1,2}\s*/\s*(?:19|20)\d{2}(?![\d/])"), digits_then="/"),
    _Mask(regex.compile(r"(?<![\d:])\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?![\d:])"), digits_then=":"),
    _Mask(regex.compile(r"(?i)(?<![\w])\d{1,2}\s*(?:h|giờ)\s*\d{2}(?:['’]|\s*phút)?(?!\w)"), digits_then="hHgG"),
    # clock times, not durations: "lúc 14 giờ", "từ 17 giờ đến 18 giờ"
    _Mask(regex.compile(r"(?i)(?<![\w])(?:lúc|vào lúc)\s+\d{1,2}\s*(?:giờ|h)(?!\w)"), words=("lúc", "vào lúc")),
    _Mask(regex.compile(r"(?i)(?<![\w])\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?\s*(?:đến|-)\s*\d{1,2}\s*(?:giờ|h)(?!\w)"),
          digits_then="hHgG"),
]
_FOLLOWERS = "".join(sorted({c for mask in _MASKS for c in mask.digits_then}))
_DIGITS_THEN = regex.compile(rf"(?<!\d)\d{{1,2}}\s*([{regex.escape(_FOLLOWERS)}])")


@cache
def _word(word: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?i){regex.escape(word)}")


def date_spans(text: str) -> list[tuple[int, int]]:
    """Every match of every mask, mask by mask, exactly as ``mask.pattern.finditer(text)`` reports them.

    A mask is tried only at candidate starts, each after the end of its previous match, so spans of
    different masks still overlap as they did with one scan per mask.
    """
    digit_starts = [(m.start(), m.group(1)) for m in _DIGITS_THEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    for mask in _MASKS:
        if mask.words:
            starts = sorted({m.start() for word in mask.words for m in _word(word).finditer(text)})
        else:
            starts = [s for s, then in digit_starts if then in mask.digits_then]
        end = 0
        for s in starts:
            if s >= end and (m := mask.pattern.match(text, s)):
                spans.append(m.span())
                end = m.end()
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
