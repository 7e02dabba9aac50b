"""The indicator x document matrix behind ``cchc-extract table``: alignment from ``diff.align_many``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from .diff import DEFAULT_THRESHOLD, Row, align_many, order_by_date
from .formatting import SYMBOLS, cell, document_label, markdown_cell, number, requirement
from .models import TargetSet


@dataclass(frozen=True)
class Matrix:
    columns: list[str]  # document labels, oldest first
    rows: list[Row]


def build(sets: Sequence[TargetSet], paths: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD) -> Matrix:
    order = order_by_date(sets)
    ordered = [sets[k] for k in order]
    labels = [document_label(sets[k].document, os.path.basename(paths[k])) for k in order]
    return Matrix(labels, align_many(ordered, threshold=threshold))


_HEAD = ["indicator", "kind", "unit"]


def _head(row: Row) -> list[str]:
    latest = row.latest
    return [latest.indicator, latest.kind, latest.unit or ""]


def _texts(row: Row) -> list[str]:
    """The row as text: its head, then ``≥ 95 [2023]`` per document (units are in the head)."""
    return _head(row) + [cell(t, with_unit=False) for t in row.cells]


def to_csv(matrix: Matrix) -> bytes:
    from .export import to_csv as rows_to_csv

    columns = [(name, str) for name in _HEAD + matrix.columns]
    names = [c for c, _ in columns]
    rows = [dict(zip(names, _texts(r), strict=True)) for r in matrix.rows]
    return rows_to_csv(rows, columns)


def to_markdown(matrix: Matrix) -> str:
    head = _HEAD + matrix.columns
    lines = ["| " + " | ".join(map(markdown_cell, head)) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(map(markdown_cell, _texts(r))) + " |" for r in matrix.rows]
    return "\n".join(lines) + "\n"


def to_xlsx(matrix: Matrix) -> bytes:
    """Cells hold numbers (formatted "≥ 95") so that a user can chart a row; ranges and
    fractions, which are two numbers, are text. The evidence and year go in a cell comment."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from .export import new_workbook, xlsx_bytes

    wb = new_workbook()
    ws = wb.create_sheet("matrix")
    ws.append(_HEAD + matrix.columns)
    for head in ws[1]:
        head.font = Font(bold=True)
        head.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(matrix.rows, start=2):
        ws.append(_head(row))
        for k, t in enumerate(row.cells, start=len(_HEAD) + 1):
            if t is None:
                continue
            xl = ws.cell(row=r, column=k)
            if t.comparator == "range" or t.denominator is not None:
                xl.value = requirement(t, with_unit=False)
            else:
                xl.value = t.value
                xl.number_format = f'"{SYMBOLS[t.comparator]} "General'
            xl.comment = Comment(f"{t.evidence}\n(year {t.year or '?'}; value {number(t.value)})",
                                   "cchc-extract", width=300, height=80)
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 10
    for k in range(len(_HEAD) + 1, len(_HEAD) + len(matrix.columns) + 1):
        ws.column_dimensions[get_column_letter(k)].width = 18
    ws.freeze_panes = ws.cell(row=2, column=len(_HEAD) + 1).coordinate
    ws.auto_filter.ref = f"A1:{get_column_letter(len(_HEAD) + len(matrix.columns))}{len(matrix.rows) + 1}"
    return xlsx_bytes(wb)
