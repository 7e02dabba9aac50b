"""Layering that cannot rot: the core never imports the command line, readers or output modules,
and every command is documented in the README with an example."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cchc_extract.cli import COMMANDS

from .conftest import ROOT

PACKAGE = ROOT / "cchc_extract"
CORE = ["models.py", "lang", "parse", "text", "schema.py"]
FORBIDDEN = {"cli", "commands", "readers", "batch", "diff", "export", "review", "kpi", "table", "output"}


def _modules(entry: str) -> list[Path]:
    path = PACKAGE / entry
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _imported(path: Path) -> set[str]:
    """Names of this package's modules that ``path`` imports (third-party imports such as
    ``spacy.cli`` are not ours and do not count)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("cchc_extract")):
            parts = (node.module or "").split(".")
            names.update(p for p in parts if p)
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("cchc_extract"):
                    names.update(alias.name.split("."))
    return names


@pytest.mark.parametrize("path", [p for e in CORE for p in _modules(e)], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_core_does_not_import_outer_layers(path: Path) -> None:
    assert not (_imported(path) & FORBIDDEN)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented_with_an_example(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"cchc-extract {command}" in readme
