"""Target sets as rows for other tools: CSV (Excel-friendly), XLSX, JSON lines, and the table matrix.

Every function returns bytes or text; the commands write them with ``output.write_atomic*``.
Outputs are deterministic: the same inputs give byte-identical files (XLSX included: fixed
workbook timestamps and zip entry dates, see ``_xlsx_bytes``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Sequence
from typing import Any

from .models import TargetSet

# (column, type) -- types drive the XLSX cell type and the JSON lines value.
TARGET_COLUMNS: list[tuple[str, type]] = [
    ("file", str), ("doc_type", str), ("number", str), ("symbol", str), ("issuer", str), ("date", dt.date),
    ("doc_year", int), ("kind", str), ("indicator", str), ("comparator", str), ("value", float),
    ("value_max", float), ("denominator", float), ("unit", str), ("year", int), ("role", str),
    ("section", str), ("evidence", str), ("start", int), ("end", int), ("rule", str),
]
DOCUMENT_COLUMNS: list[tuple[str, type]] = [
    ("file", str), ("doc_type", str), ("number", str), ("symbol", str), ("issuer", str), ("place", str),
    ("date", dt.date), ("year", int), ("subject", str), ("signer", str), ("signer_title", str),
    ("targets", int), ("results", int), ("references", int), ("sha256", str),
]
REFERENCE_COLUMNS: list[tuple[str, type]] = [
    ("file", str), ("number", str), ("symbol", str), ("ref", str), ("doc_type", str), ("date", dt.date),
    ("issuer", str), ("evidence", str), ("start", int), ("end", int),
]

# Fixed workbook timestamp, so that an unchanged export is an unchanged file (and diffs in git).
XLSX_TIMESTAMP = dt.datetime(2000, 1, 1)
_MAX_WIDTH = 60


def target_rows(sets: Sequence[TargetSet]) -> list[dict[str, Any]]:
    """One row per target or result, with its document's metadata in front."""
    rows = []
    for s in sets:
        doc = s.document
        for t in s.targets:
            rows.append({
                "file": s.source.path, "doc_type": doc.doc_type, "number": doc.number, "symbol": doc.symbol,
                "issuer": doc.issuer, "date": doc.date, "doc_year": doc.year, "kind": t.kind,
                "indicator": t.indicator, "comparator": t.comparator, "value": t.value,
                "value_max": t.value_max, "denominator": t.denominator, "unit": t.unit, "year": t.year,
                "role": t.role, "section": ".".join(t.section) or None, "evidence": t.evidence,
                "start": t.start, "end": t.end, "rule": t.rule,
            })
    return rows


def document_rows(sets: Sequence[TargetSet]) -> list[dict[str, Any]]:
    rows = []
    for s in sets:
        doc = s.document
        rows.append({
            "file": s.source.path, **{k: getattr(doc, k) for k in (
                "doc_type", "number", "symbol", "issuer", "place", "date", "year", "subject", "signer",
                "signer_title")},
            "targets": sum(t.kind == "target" for t in s.targets),
            "results": sum(t.kind == "result" for t in s.targets),
            "references": len(s.references), "sha256": s.source.sha256,
        })
    return rows


def reference_rows(sets: Sequence[TargetSet]) -> list[dict[str, Any]]:
    return [{"file": s.source.path, "number": s.document.number, "symbol": s.document.symbol,
             **r.model_dump(include={"ref", "doc_type", "date", "issuer", "evidence", "start", "end"})}
            for s in sets for r in s.references]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_csv(rows: list[dict[str, Any]], columns: list[tuple[str, type]]) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends: Excel then opens Vietnamese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([_text(row[name]) for name, _ in columns])
    return buf.getvalue().encode("utf-8-sig")


def to_jsonl(rows: list[dict[str, Any]]) -> str:
    """One JSON object per line, keys in column order, numbers as numbers."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _cell(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if kind is dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value  # a partial date stays text rather than being lost
    return value


def add_sheet(wb: Any, title: str, rows: list[dict[str, Any]], columns: list[tuple[str, type]]) -> None:
    """A sheet with a bold frozen header, filters, widths fitted to the content, typed cells."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append([name for name, _ in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_cell(row[name], kind) for name, kind in columns])
    for k, (name, kind) in enumerate(columns, start=1):
        letter = get_column_letter(k)
        if kind is dt.date:
            for (cell,) in ws.iter_rows(min_row=2, min_col=k, max_col=k):
                cell.number_format = "yyyy-mm-dd"
        longest = max([len(name), *(len(_text(row[name])) for row in rows)])
        ws.column_dimensions[letter].width = min(longest, _MAX_WIDTH) + 2
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def new_workbook() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "cchc-extract"
    return wb


def xlsx_bytes(wb: Any) -> bytes:
    """Serialise a workbook reproducibly.

    openpyxl's ``save`` stamps the current time into the document properties, and zip entries
    carry the time of writing; both are fixed here so that the same input gives the same bytes.
    """
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = XLSX_TIMESTAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def to_xlsx(sets: Sequence[TargetSet]) -> bytes:
    """Sheets ``targets``, ``documents`` and ``references``."""
    wb = new_workbook()
    add_sheet(wb, "targets", target_rows(sets), TARGET_COLUMNS)
    add_sheet(wb, "documents", document_rows(sets), DOCUMENT_COLUMNS)
    add_sheet(wb, "references", reference_rows(sets), REFERENCE_COLUMNS)
    return xlsx_bytes(wb)
