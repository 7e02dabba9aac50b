"""table: one row per indicator across documents ordered by date, in xlsx, csv and markdown."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from cchc_extract.api import to_json
from cchc_extract.cli import main

from .targetset_factory import T, make_set, plan_2023, plan_2024

PLAN_2025 = """Số: 09/KH-UBND
Tân Bình, ngày 10 tháng 2 năm 2025
1. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt 98%.
2. Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 60%.
"""


def plan_2025():
    return make_set(PLAN_2025, [
        T("đạt 98%", "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", "eq", 98, year=2025),
        T("đạt 60%", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "eq", 60, year=2025),
    ], path="ke-hoach-2025.txt", number="09", symbol="KH-UBND", date="2025-02-10", year=2025)


@pytest.fixture()
def inputs(tmp_path):
    paths = []
    # given newest first: the table must still order the columns by date
    for ts, name in ((plan_2025(), "c.json"), (plan_2023(), "a.json"), (plan_2024(), "b.json")):
        (tmp_path / name).write_text(to_json(ts), encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def test_markdown_matrix(inputs, tmp_path):
    assert main(["table", *inputs, "-o", str(tmp_path / "m.md")]) == 0
    lines = (tmp_path / "m.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("| indicator | kind | unit | 16/KH-UBND 2023-03-03 | 21/KH-UBND 2024-03-05 | "
                        "09/KH-UBND 2025-02-10 |")
    assert lines[2] == ("| Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn | target | % | ≥ 95 [2023] "
                        "| > 97 [2024] | = 98 [2025] |")
    assert "| Tỷ lệ thanh toán trực tuyến phí, lệ phí | target | % |  | = 50 [2024] | = 60 [2025] |" in lines
    assert "| Tỷ lệ văn bản điện tử được ký số | target | % | = 80 [2023] |  |  |" in lines
    assert len(lines) == 2 + 10  # 10 indicators over the three plans


def test_xlsx_matrix(inputs, tmp_path):
    out = tmp_path / "m.xlsx"
    assert main(["table", *inputs, "-o", str(out)]) == 0
    first = out.read_bytes()
    assert main(["table", *inputs, "-o", str(out)]) == 0
    assert out.read_bytes() == first
    ws = openpyxl.load_workbook(out)["matrix"]
    assert [c.value for c in ws[1]] == ["indicator", "kind", "unit", "16/KH-UBND 2023-03-03",
                                        "21/KH-UBND 2024-03-05", "09/KH-UBND 2025-02-10"]
    assert ws.freeze_panes == "D2" and ws.max_row == 11
    row = [c for c in ws[2]]
    assert [c.value for c in row[3:]] == [95, 97, 98]  # numbers, charts can use them
    assert [c.number_format for c in row[3:]] == ['"≥ "General', '"> "General', '"= "General']
    assert row[3].comment.text.startswith("từ 95% trở lên")
    ranged = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Tỷ lệ hồ sơ tiếp nhận trực tuyến")
    assert [c.value for c in ranged[3:]] == ["30-40", "40-50", None]


def test_csv_matrix_and_errors(inputs, tmp_path, capsys):
    assert main(["table", *inputs, "-o", str(tmp_path / "m.csv")]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[1][3:] == ["≥ 95 [2023]", "> 97 [2024]", "= 98 [2025]"]
    assert main(["table", *inputs, "-o", str(tmp_path / "m.pdf")]) == 2
    assert main(["table", *inputs, str(tmp_path / "none.json"), "-o", str(tmp_path / "m.csv")]) == 2
    assert "none.json: no such file" in capsys.readouterr().err
