"""Short human forms of targets shared by the text outputs (diff, table, review)."""

from __future__ import annotations

from .models import Target

SYMBOLS = {"gt": ">", "gte": "≥", "eq": "=", "lte": "≤", "lt": "<"}


def number(value: float | None) -> str:
    """A number as Vietnamese documents write it: decimal comma, no trailing zeros.

    >>> number(95.0), number(61.79), number(1733.0), number(None)
    ('95', '61,79', '1733', '')
    """
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def requirement(target: Target, *, with_unit: bool = True) -> str:
    """``≥ 95 %``, ``30-40 %``, ``= 55/89 nhiệm vụ``.

    >>> from cchc_extract.models import Target
    >>> t = Target(indicator="x", comparator="range", value=30, value_max=40, unit="%", kind="target",
    ...            evidence="từ 30% đến 40%", start=0, end=14, rule="r")
    >>> requirement(t)
    '30-40 %'
    """
    if target.comparator == "range":
        text = f"{number(target.value)}-{number(target.value_max)}"
    else:
        text = f"{SYMBOLS[target.comparator]} {number(target.value)}"
    if target.denominator is not None:
        text += f"/{number(target.denominator)}"
    if with_unit and target.unit:
        text += f" {target.unit}"
    return text


def cell(target: Target | None, *, with_unit: bool = True) -> str:
    """A requirement with its target year, as diff and table show it: ``≥ 95 % [2023]``."""
    if target is None:
        return ""
    return requirement(target, with_unit=with_unit) + (f" [{target.year}]" if target.year else "")


def markdown_cell(text: str) -> str:
    """Text that stays inside one cell of a Markdown table."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def document_label(doc, fallback: str) -> str:
    """``473/VHTT 2020-09-11`` or the file name when the document has no number."""
    ref = "/".join(p for p in (doc.number, doc.symbol) if p)
    parts = [p for p in (ref, doc.date or (str(doc.year) if doc.year else None)) if p]
    return " ".join(parts) if ref else " ".join([fallback, *parts[-1:]])
