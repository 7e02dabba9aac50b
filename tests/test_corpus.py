"""The corpus against its gold (with a floor), offsets round-trip, and the committed outputs."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from cchc_extract.api import extract_file, to_json

from .conftest import CORPUS_GOLD, ROOT
from .gold_match import f1, strict_counts

TARGET_F1_FLOOR = 0.90
REFERENCE_F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def outputs(corpus_docs: list[Path]) -> dict[str, dict]:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return {p.stem: json.loads(to_json(extract_file(p.relative_to(ROOT).as_posix()))) for p in corpus_docs}
    finally:
        os.chdir(cwd)


def test_corpus_has_gold_for_every_document(corpus_docs: list[Path]) -> None:
    assert len(corpus_docs) >= 12
    assert {p.stem for p in corpus_docs} == {p.stem for p in CORPUS_GOLD.glob("*.json")}


def test_targets_and_results_meet_floor(outputs: dict[str, dict]) -> None:
    tp = fp = fn = 0
    for stem, out in outputs.items():
        gold = json.loads((CORPUS_GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        a, b, c = strict_counts(gold["targets"], out["targets"])
        tp, fp, fn = tp + a, fp + b, fn + c
    assert f1(tp, fp, fn) >= TARGET_F1_FLOOR, (tp, fp, fn)


def test_references_meet_floor(outputs: dict[str, dict]) -> None:
    tp = fp = fn = 0
    for stem, out in outputs.items():
        gold = json.loads((CORPUS_GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        g = {r["ref"] for r in gold["references"]}
        p = {r["ref"] for r in out["references"]}
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    assert f1(tp, fp, fn) >= REFERENCE_F1_FLOOR, (tp, fp, fn)


def test_offsets_round_trip(outputs: dict[str, dict]) -> None:
    for out in outputs.values():
        text = out["text"]
        for item in out["targets"] + out["references"]:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert text[item["start"]:item["end"]] == item["evidence"]


def test_committed_outputs_are_current() -> None:
    """extract/ and schemas/ equal what `python scripts/regenerate.py` would write."""
    sys.path.insert(0, str(ROOT / "scripts"))
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        from regenerate import generated_files

        stale = [p.relative_to(ROOT).as_posix() for p, content in generated_files().items()
                 if not p.exists() or p.read_text(encoding="utf-8") != content and not _other_generator(p, content)]
    finally:
        os.chdir(cwd)
    assert not stale, f"run `python scripts/regenerate.py`; stale: {stale}"


def _other_generator(path: Path, content: str) -> bool:
    """The generated validator's code depends on the fastjsonschema version that wrote it: another
    installed version writes other (equally valid) code, which is not staleness."""
    def version(code: str) -> str | None:
        line = next((ln for ln in code.splitlines() if ln.startswith("VERSION = ")), None)
        return line.split("=", 1)[1].strip().strip('"') if line else None

    return path.name == "_target_set_validator.py" and version(path.read_text(encoding="utf-8")) != version(content)


def test_output_is_deterministic(corpus_docs: list[Path]) -> None:
    doc = corpus_docs[0]
    assert to_json(extract_file(doc)) == to_json(extract_file(doc))


def test_text_run_together_on_one_line_keeps_its_targets(corpus_docs: list[Path]) -> None:
    """Scraped pages sometimes lose every line break: chrome rules must not swallow the whole text."""
    from cchc_extract.api import extract_text

    for doc in corpus_docs[:12]:
        text = doc.read_text(encoding="utf-8")
        if any(line.count("|") >= 2 for line in text.splitlines()):
            continue  # a table run together loses its rows: nothing can read it back
        lines = extract_text(text).targets
        flat = extract_text(" ".join(text.split())).targets
        assert len(flat) >= 0.8 * len(lines), doc.name
