"""Doctests of the small parsers are their specification."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["cchc_extract.parse.numbers", "cchc_extract.parse.units", "cchc_extract.parse.dates",
           "cchc_extract.text.normalize", "cchc_extract.parse.comparators"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
