"""diff, table, export and review on documents run through the real extraction pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from cchc_extract.api import extract_file, to_json
from cchc_extract.cli import main
from cchc_extract.review import build_page, items_of

DATA = Path(__file__).resolve().parent / "data" / "outputs"
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
OLD, NEW = DATA / "kh_cchc_tan_binh_2023.txt", DATA / "kh_cchc_tan_binh_2024.txt"


def test_diff_of_two_documents_extracted_on_the_fly(capsys):
    assert main(["diff", str(OLD), str(NEW), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["old"]["number"], data["new"]["number"]) == ("16", "21")
    by_status = {}
    for c in data["changes"]:
        by_status.setdefault(c["status"], []).append(c)
    raised = by_status["raised"][0]
    assert (raised["old"]["comparator"], raised["old"]["value"], raised["new"]["comparator"],
            raised["new"]["value"]) == ("gte", 95, "gt", 97)
    assert "TTHC" in raised["old"]["indicator"] and "thủ tục hành chính" in raised["new"]["indicator"]
    assert [c["old"]["value"] for c in by_status["lowered"]] == [90]
    assert [(c["new"]["value"], c["new"]["value_max"]) for c in by_status["range changed"]] == [(40, 50)]
    assert [c["old"]["unit"] for c in by_status["unchanged"]] == ["lần"]
    assert [c["old"]["value"] for c in by_status["removed"]] == [80]
    assert [c["new"]["value"] for c in by_status["added"]] == [50]
    assert main(["diff", str(NEW), str(NEW)]) == 0


@pytest.fixture(scope="module")
def corpus_sets(tmp_path_factory):
    docs = sorted(CORPUS.glob("*.txt"))
    if not docs:
        pytest.skip("corpus/docs is empty")
    out = tmp_path_factory.mktemp("corpus")
    paths = []
    for doc in docs:
        path = out / f"{doc.stem}.json"
        path.write_text(to_json(extract_file(doc)), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_export_of_the_corpus(corpus_sets, tmp_path):
    total = sum(len(json.loads(Path(p).read_text(encoding="utf-8"))["targets"]) for p in corpus_sets)
    assert total > 100
    assert main(["export", *corpus_sets, "-o", str(tmp_path / "t.csv")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_bytes().decode("utf-8-sig"))))
    assert len(rows) == total
    assert main(["export", *corpus_sets, "-o", str(tmp_path / "t.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb["targets"].max_row == total + 1 and wb["documents"].max_row == len(corpus_sets) + 1
    values = wb["targets"].iter_rows(min_row=2, min_col=11, max_col=11, values_only=True)
    assert all(isinstance(v, (int, float)) for (v,) in values)
    assert main(["export", *corpus_sets, "-o", str(tmp_path / "kpi.yaml")]) == 0
    assert main(["table", *corpus_sets, "-o", str(tmp_path / "m.xlsx")]) == 0


def test_review_of_every_corpus_document(corpus_sets):
    from .test_review import MarkCollector

    for path in corpus_sets:
        from cchc_extract.inputs import load_target_set

        ts = load_target_set(path)
        items = items_of(ts)
        parser = MarkCollector()
        page = build_page(ts)
        parser.feed(page.split('<pre id="text">')[1].split("</pre>")[0].join(["<pre>", "</pre>"]))
        assert "".join(parser.text) == ts.text, path
        assert len(parser.pieces) == len(items) == len(ts.targets) + len(ts.references), path
