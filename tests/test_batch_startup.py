"""Start-up stays cheap: --help, schema and validate must not load the heavy pipeline libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pdfplumber", "pdfminer", "pypdfium2", "docx", "trafilatura", "lxml", "openpyxl",
         "dask", "distributed", "tqdm")

PROBE = """
import io, json, sys, contextlib
from cchc_extract.cli import main
argv = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(argv)
print(json.dumps({"code": code, "modules": sorted(m.split(".")[0] for m in sys.modules)}))
"""


def loaded_after(argv: list[str]) -> tuple[int, set[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(argv)], capture_output=True, text=True,
                          check=True)
    data = json.loads(proc.stdout.splitlines()[-1])
    return data["code"], set(data["modules"])


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["schema"], ["validate", "VALID"],
                                  ["validate", "--help"], []])
def test_light_commands_do_not_import_heavy_modules(argv, tmp_path):
    if "VALID" in argv:
        bad = tmp_path / "x.json"
        bad.write_text('{"schema_version": "1.0"}', encoding="utf-8")
        argv = ["validate", str(bad)]
    code, modules = loaded_after(argv)
    assert code in (0, 1, 2)
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_probe_sees_the_pipeline_when_a_document_is_extracted(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%.\n", encoding="utf-8")
    code, modules = loaded_after(["extract", str(doc), "--jsonl", "-", "-j", "1"])
    assert code == 0
    assert "spacy" in modules
