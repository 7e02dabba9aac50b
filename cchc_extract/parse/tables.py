"""Indicator tables read row by row ("STT | Chỉ tiêu | ĐVT | Kế hoạch 2024 | Thực hiện 2024").

The first row without numbers gives the column headings; in each later row the longest text cell
names the indicator, and every numeric cell is a value whose kind (kế hoạch/chỉ tiêu -> target,
thực hiện/kết quả -> result) and year come from its column heading. The evidence is the whole row.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..models import Document, Target
from ..text.segment import Layout, Line
from . import indicators, kinds
from .comparators import comparator_matcher
from .numbers import Quantity, find_quantities
from .units import unit_after, unit_sets

_UNIT_HEADING = regex.compile(r"(?i)\b(đvt|đơn vị tính|đơn vị)\b")
_UNIT_ONLY_HEADING = regex.compile(r"(?i)\b(đvt|đơn vị tính)\b")  # "Đơn vị" may also head the units ranked
_RANK_HEADING = regex.compile(r"(?i)\b(xếp hạng|thứ hạng|hạng)\b")
_WORD_START = regex.compile(r"(?<![\p{L}\d])(?=\p{L})")
_UNIT_IN_NAME = regex.compile(r"(?r)\(\s*([^()]{1,24}?)\s*\)\s*$")
_ROW_NUMBER = regex.compile(r"\d{1,3}\.?")
_YEAR_IN_HEADING = regex.compile(r"(?:19|20)\d{2}")
# a value cell: comparator words, a number or range, and at most a short unit ("Tối thiểu 24 tin, bài")
# A change column holds "tăng 0,62" / "giảm 0,84"; a rate may carry its count in parentheses ("100 (12/12)").
_NUMERIC_CELL = regex.compile(r"(?i)[\s≥≤<>=~*]*(?:trên|dưới|từ|tối thiểu|tối đa|không quá|ít nhất|khoảng|tăng|giảm)?"
                                r"\s*\d[\d.,]*\s*(?:%|[-–]\s*\d[\d.,]*\s*%?)?\s*(?:\p{L}[\p{L} ,/]{0,30}?)?"
                                r"\s*(?:\(\s*\d[\d.,]*\s*/\s*\d[\d.,]*\s*\))?\s*(?:trở lên|trở xuống)?[\s*]*")
_CHANGE_CELL = regex.compile(r"(?i)\s*(?:tăng|giảm)\s")
_RATE_NOUN = regex.compile(r"(?i)^\s*(?:tỷ lệ|tỉ lệ|số)\s+")
# columns of a scoring scale ("Điểm tối đa", "Thang điểm"): weights, not targets or results
_SCALE_HEADING = regex.compile(r"(?i)\b(điểm tối đa|thang điểm|điểm chuẩn|trọng số)\b")


# what a table remembers across its rows (``header``): the heading row's cells, and the unit a line
# such as "Đơn vị tính: triệu đồng" above the table gives (an empty list when there is none)
_HEADINGS, _UNIT_LINE_ABOVE = 0, 1


def table_row_targets(layout: Layout, line: Line, document: Document, masked: Callable[[Quantity], bool],
                      header: dict[int, list[str]]) -> list[Target]:
    """A row of an indicator table: the longest text cell names the indicator; numeric cells are values
    whose kind and year come from their column headings."""
    text = layout.text
    cells = line.cells or []
    if not cells:
        return []
    cell_texts = [text[a:b] for a, b in cells]
    numeric = [_is_numeric(c) for c in cell_texts]
    if not any(numeric[1:]) and not header.get(_HEADINGS):
        header[_HEADINGS] = cell_texts
        header[_UNIT_LINE_ABOVE] = _unit_line_above(layout, line)
        return []
    if not any(numeric[1:]):
        return []
    heads = header.get(_HEADINGS, [])
    text_cells = [(len(t), k) for k, t in enumerate(cell_texts) if not numeric[k] and not _is_whole_unit(t)]
    if not text_cells:
        return []
    ind_col = max(text_cells)[1]
    indicator = indicators.clean(cell_texts[ind_col])
    unit_col = next((k for k, h in enumerate(heads) if _UNIT_HEADING.search(h) and (
        _UNIT_ONLY_HEADING.search(h) or k < len(cell_texts) and _is_whole_unit(cell_texts[k]))), None)
    row_unit = None
    if unit_col is not None and unit_col < len(cell_texts) and not numeric[unit_col]:
        row_unit = _unit_cell(cell_texts[unit_col])
    named = _UNIT_IN_NAME.search(indicator)
    if row_unit is None and named:
        # "Tỷ lệ hồ sơ giải quyết đúng hạn (%)", "Thời gian trung bình ... (ngày)": the unit rides on the name
        inner = named.group(1)
        um = unit_after(" " + inner, 0)
        if inner == "%" or um is not None and um.end == len(inner) + 1:
            row_unit = "%" if inner == "%" else um.unit
            indicator = indicator[:named.start()].rstrip()
    out = []
    for k, (a, b) in enumerate(cells):
        if k in (ind_col, unit_col) or not numeric[k] or k == 0 and _ROW_NUMBER.fullmatch(cell_texts[k]):
            continue
        quantities = [q for q in find_quantities(text, a, b) if not masked(q)]
        if not quantities:
            continue
        matches = comparator_matcher().match(text, a, b, quantities)
        q = quantities[0]
        match = matches.get(0)
        head = heads[k] if k < len(heads) else ""
        unit = "%" if q.percent else row_unit
        if unit is None:
            um = unit_after(text, q.end, b)  # within the cell
            unit = um.unit if um else _heading_unit(head) or next(iter(header.get(_UNIT_LINE_ABOVE, ())), None)
        if unit is None and out and _CHANGE_CELL.match(cell_texts[k]) and out[-1].unit != "hạng":
            unit = out[-1].unit  # "Tổng điểm | So với năm 2022": "tăng 0,62" counts what the column before does
        if unit is None:
            continue
        kind = kinds.column_kind(head)
        if kind is None:
            kind = kinds.decide(kinds.document_vote(document.doc_type) + kinds.header_vote(head))
        years = _YEAR_IN_HEADING.findall(head)
        comparator = match.comparator if match else ("range" if q.value_max is not None else "eq")
        value_max = match.value_max if match and match.value_max is not None else q.value_max
        out.append(Target(
            indicator=indicator, comparator=comparator, value=q.value, value_max=value_max,
            denominator=q.denominator, unit=unit, kind=kind, role=None,
            year=int(years[-1]) if years else document.year, section=list(line.section),
            evidence=line.text, start=line.start, end=line.end,
            rule=(match.rule if match else f"{comparator}.default") + ".table",
        ))
        counted = _counted_in_parentheses(text, quantities[1:], b, indicator)
        if counted is not None:
            out.append(out[-1].model_copy(update={
                "value": counted[0].value, "denominator": counted[0].denominator, "unit": counted[1],
                "comparator": "eq", "value_max": None, "rule": "eq.default.table"}))
    return out


def _counted_in_parentheses(text: str, rest: list[Quantity], end: int, indicator: str) -> tuple[Quantity, str] | None:
    """"Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn | 100 (12/12)": the fraction after the rate counts the
    noun the indicator names, so it is a second figure of the cell."""
    if not rest or rest[0].denominator is None or rest[0].percent:
        return None
    q = rest[0]
    if not (text[:q.start].rstrip().endswith("(") and text[q.end:end].strip().startswith(")")):
        return None
    lead = _RATE_NOUN.match(indicator)
    um = unit_after(" " + indicator[lead.end() if lead else 0:], 0)
    return (q, um.unit) if um is not None else None


_PERCENT_IN_HEADING = regex.compile(r"\(\s*%\s*\)")
_UNIT_LINE = regex.compile(r"(?i)^\W{0,3}(?:đơn vị tính|đvt)\s*:\s*([^:;]{1,30}?)\W{0,3}$")
_UNIT_LINE_REACH = 3  # lines above a table's heading row where "Đơn vị tính: triệu đồng" may stand


def _unit_line_above(layout: Layout, line: Line) -> list[str]:
    """"Đơn vị tính: triệu đồng" written above a table gives the unit of its bare numbers."""
    for ln in layout.lines[max(0, line.index - _UNIT_LINE_REACH):line.index]:
        m = _UNIT_LINE.match(ln.text.strip())
        if m:
            unit = _unit_cell(m.group(1))
            return [unit] if unit else []
    return []


def _heading_unit(head: str) -> str | None:
    """The unit a column heading names for its bare numbers: "Xếp hạng" -> hạng, "Tổng điểm năm 2023"
    -> điểm, "Số hồ sơ tiếp nhận" -> hồ sơ, "So sánh với dự toán (%)" -> % (a period such as "năm" or
    "tháng" is not one)."""
    if _RANK_HEADING.search(head):
        return "hạng"
    if _PERCENT_IN_HEADING.search(head):
        return "%"
    if _SCALE_HEADING.search(head):
        return None
    time_units, _ = unit_sets()
    for m in _WORD_START.finditer(head):
        um = unit_after(head, m.start())
        if um is not None and um.unit not in time_units and um.base not in time_units:
            return um.unit
    return None


def _is_numeric(cell: str) -> bool:
    return bool(_NUMERIC_CELL.fullmatch(cell))


def _unit_cell(cell: str) -> str | None:
    """The unit a unit-column cell gives, in the base form prose gets ("ngày làm việc" -> ngày)."""
    cell = cell.strip()
    if not cell or cell == "%":
        return cell or None
    um = unit_after(" " + cell, 0)
    return um.unit if um is not None else cell


def _is_whole_unit(cell: str) -> bool:
    """The cell is a unit and nothing else ("%", "hồ sơ", "ngày"), not a name ("Huyện Hồng Dân")."""
    um = unit_after(" " + cell.strip(), 0)
    return cell.strip() == "%" or um is not None and um.end == len(cell.strip()) + 1
