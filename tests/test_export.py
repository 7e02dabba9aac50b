"""export: each format read back with the library that reads it; KPI YAML against its schema."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml

from cchc_extract.api import to_json
from cchc_extract.cli import main
from cchc_extract.export import TARGET_COLUMNS
from cchc_extract.kpi import build, kpi_schema_json, slug

from .targetset_factory import T, make_set, plan_2023, plan_2024

ROOT = Path(__file__).resolve().parent.parent
N_ROWS = 18  # 9 targets/results in each plan


@pytest.fixture()
def inputs(tmp_path):
    paths = []
    for ts, name in ((plan_2023(), "ke-hoach-2023.json"), (plan_2024(), "ke-hoach-2024.json")):
        (tmp_path / name).write_text(to_json(ts), encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def export(inputs, out: Path, *extra: str) -> bytes:
    assert main(["export", *inputs, "-o", str(out), *extra]) == 0
    first = out.read_bytes()
    assert main(["export", *inputs, "-o", str(out), *extra]) == 0
    assert out.read_bytes() == first, "same input must give byte-identical output"
    return first


def test_csv(inputs, tmp_path):
    data = export(inputs, tmp_path / "t.csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # BOM for Excel
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == N_ROWS
    assert list(rows[0]) == [name for name, _ in TARGET_COLUMNS]
    first = rows[0]
    assert (first["number"], first["issuer"], first["date"], first["doc_year"]) == \
        ("16", "Ủy ban nhân dân quận Tân Bình", "2023-03-03", "2023")
    assert (first["comparator"], first["value"], first["unit"], first["evidence"]) == \
        ("gte", "95", "%", "từ 95% trở lên")
    assert float(rows[-1]["value"]) == 98.2 and rows[-1]["kind"] == "result"
    assert rows[5]["value_max"] == "40" and rows[5]["section"] == "II.5"


def test_xlsx(inputs, tmp_path):
    export(inputs, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["targets", "documents", "references"]
    ws = wb["targets"]
    assert ws.max_row == N_ROWS + 1 and ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:U{N_ROWS + 1}"
    header = [c.value for c in ws[1]]
    assert header == [name for name, _ in TARGET_COLUMNS] and all(c.font.b for c in ws[1])
    row = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert isinstance(row["value"], (int, float)) and row["value"] == 95
    assert isinstance(row["start"], int) and isinstance(row["doc_year"], int)
    assert row["date"] == dt.datetime(2023, 3, 3) and ws.cell(2, header.index("date") + 1).number_format == \
        "yyyy-mm-dd"
    assert ws.column_dimensions["I"].width > ws.column_dimensions["J"].width  # indicator > comparator
    docs = wb["documents"]
    assert docs.max_row == 3 and [c.value for c in docs[2]][2] == "16"
    assert [c.value for c in docs[1]].index("targets") == 11 and docs.cell(2, 12).value == 7
    refs = wb["references"]
    assert refs.max_row == 3 and refs.cell(3, 4).value == "16/KH-UBND"
    assert wb.properties.modified == dt.datetime(2000, 1, 1)


def test_jsonl(inputs, tmp_path):
    export(inputs, tmp_path / "t.jsonl")
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == N_ROWS and list(rows[0]) == [name for name, _ in TARGET_COLUMNS]
    assert isinstance(rows[0]["value"], float) and rows[0]["value_max"] is None
    assert rows[0]["doc_year"] == 2023


def test_kpi_yaml_validates_against_committed_schema(inputs, tmp_path):
    export(inputs, tmp_path / "kpi.yaml")
    text = (tmp_path / "kpi.yaml").read_text(encoding="utf-8")
    assert text.startswith("# KPI configuration")
    config = yaml.safe_load(text)
    schema = json.loads((ROOT / "schemas" / "kpi-config.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(config)
    kpis = config["kpis"]
    assert len(kpis) == 14  # targets only: the 4 results are not thresholds
    ids = [k["id"] for k in kpis]
    assert len(set(ids)) == len(ids)
    first = kpis[0]
    assert first["id"] == "ty-le-ho-so-tthc-giai-quyet-dung-han" and first["comparator"] == "gte"
    assert first["threshold"] == 95 and first["unit"] == "%" and first["year"] == 2023
    assert first["source"] == {"document": "16/KH-UBND", "file": "ke-hoach-2023.txt", "date": "2023-03-03",
                               "issuer": "Ủy ban nhân dân quận Tân Bình", "evidence": "từ 95% trở lên",
                               "start": 284, "end": 298}
    # the same indicator in both years gets the year in its id
    assert "ty-le-hai-long-cua-nguoi-dan-2023" in ids and "ty-le-hai-long-cua-nguoi-dan-2024" in ids
    ranged = next(k for k in kpis if k["comparator"] == "range")
    assert (ranged["threshold"], ranged["threshold_max"]) == (30, 40)
    bad = {**config, "kpis": [{**first, "comparator": "about"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_committed_kpi_schema_is_current():
    committed = (ROOT / "schemas" / "kpi-config.schema.json").read_text(encoding="utf-8")
    assert committed == kpi_schema_json(), \
        "regenerate: python -m cchc_extract.kpi > schemas/kpi-config.schema.json"


def test_kpi_ids_stay_unique_without_years():
    ts = make_set("a đạt 90%. b đạt 95%. c đạt 99%.", [
        T("đạt 90%", "Tỷ lệ hồ sơ đúng hạn", "eq", 90), T("đạt 95%", "Tỷ lệ hồ sơ đúng hạn", "eq", 95),
        T("đạt 99%", "Tỷ lệ hồ sơ đúng hạn 2", "eq", 99)])
    assert [k.id for k in build([ts]).kpis] == ["ty-le-ho-so-dung-han", "ty-le-ho-so-dung-han-2",
                                                 "ty-le-ho-so-dung-han-2-2"]


def test_slug_is_bounded_ascii():
    long = "Tỷ lệ hồ sơ thủ tục hành chính " * 10
    s = slug(long)
    assert len(s) <= 64 and s.isascii() and not s.endswith("-")
    assert slug("Đạt ≥ 95%") == "dat-95" and slug("!!!") == "kpi"


def test_errors_are_one_line_and_exit_2(inputs, tmp_path, capsys):
    assert main(["export", *inputs, "-o", str(tmp_path / "t.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cchc-extract: error: {tmp_path / 't.txt'}: cannot tell the format")
    missing = str(tmp_path / "missing.json")
    assert main(["export", inputs[0], missing, "-o", str(tmp_path / "t.csv")]) == 2
    assert capsys.readouterr().err == f"cchc-extract: error: {missing}: no such file\n"
    assert not (tmp_path / "t.csv").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", *inputs, "-o", str(blocker / "t.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cchc-extract: error: {blocker / 't.csv'}: ") and err.count("\n") == 1


def test_outputs_are_ordinary_files(inputs, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        export(inputs, tmp_path / "t.csv")
    finally:
        os.umask(old)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
