"""Runs the shared scorer on the seed documents when ../shared/eval is present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cchc_extract.api import extract_file, to_json

from .conftest import SHARED_EVAL


def test_seed_scores(seed_docs: list[Path], tmp_path: Path) -> None:
    for doc in seed_docs:
        (tmp_path / f"{doc.stem}.json").write_text(to_json(extract_file(doc)), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), "--gold", str(SHARED_EVAL / "gold"),
                           "--pred", str(tmp_path), "--json"], capture_output=True, text=True, check=True)
    summary = json.loads(proc.stdout)
    assert summary["target_strict"]["f1"] >= 0.90
    assert summary["result_strict"]["f1"] >= 0.85
    assert summary["references"]["f1"] >= 0.95
    assert summary["metadata_accuracy"] >= 0.90
