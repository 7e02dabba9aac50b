"""The command line as a user runs it: extract, schema, validate, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cchc_extract", *args], capture_output=True, text=True, cwd=cwd)


def test_extract_writes_one_json_per_input(corpus_docs: list[Path], tmp_path: Path) -> None:
    proc = run("extract", *map(str, corpus_docs[:3]), "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    outs = sorted((tmp_path / "out").glob("*.json"))
    assert [p.stem for p in outs] == [p.stem for p in corpus_docs[:3]]
    data = json.loads(outs[0].read_text(encoding="utf-8"))
    assert data["targets"] and data["document"]["doc_type"]


def test_bad_file_gets_one_line_and_batch_goes_on(corpus_docs: list[Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    proc = run("extract", str(empty), str(corpus_docs[0]), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("cchc-extract: error:")]
    assert len(errors) == 1 and str(empty) in errors[0]
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "out" / f"{corpus_docs[0].stem}.json").exists()


def test_schema_and_validate(corpus_docs: list[Path], tmp_path: Path) -> None:
    schema = run("schema")
    assert schema.returncode == 0
    assert json.loads(schema.stdout)["title"] == "TargetSet"
    run("extract", str(corpus_docs[0]), "-o", str(tmp_path))
    good = tmp_path / f"{corpus_docs[0].stem}.json"
    assert run("validate", str(good)).returncode == 0
    data = json.loads(good.read_text(encoding="utf-8"))
    data["targets"][0]["start"] += 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = run("validate", str(bad))
    assert proc.returncode == 1 and "evidence does not equal" in proc.stderr


def test_usage_error_exits_2() -> None:
    assert run("extract").returncode == 2
    assert run("no-such-command").returncode == 2


def test_schema_file_is_committed_and_current() -> None:
    from cchc_extract.schema import schema_json

    assert (ROOT / "schemas" / "target-set.schema.json").read_text(encoding="utf-8") == schema_json()


def test_fast_and_full_validators_agree(corpus_docs: list[Path]) -> None:
    from cchc_extract.api import extract_file
    from cchc_extract.schema import first_violation, validation_errors

    data = extract_file(corpus_docs[0]).model_dump(mode="json")
    assert first_violation(data) is None and validation_errors(data) == []
    for mutate in (lambda d: d["targets"][0].update(comparator="about"),
                   lambda d: d["document"].update(doc_type="memo"),
                   lambda d: d["targets"][0].update(start=d["targets"][0]["start"] + 1),
                   lambda d: d.update(extra_key=1)):
        bad = json.loads(json.dumps(data))
        mutate(bad)
        assert first_violation(bad) is not None and validation_errors(bad)
