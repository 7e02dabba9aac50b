"""Shared fixtures: repository paths, the corpus, and the seed set when ../shared is beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DOCS = ROOT / "corpus" / "docs"
CORPUS_GOLD = ROOT / "corpus" / "gold"
SHARED_EVAL = Path(os.environ.get("CCHC_SHARED_EVAL", ROOT.parent / "shared" / "eval"))


@pytest.fixture(scope="session")
def corpus_docs() -> list[Path]:
    return sorted(CORPUS_DOCS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_docs() -> list[Path]:
    docs = sorted((SHARED_EVAL / "docs").glob("*.txt"))
    if not docs:
        pytest.skip(f"seed documents not present at {SHARED_EVAL}")
    return docs
