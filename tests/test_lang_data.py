"""The language data itself: loads, validates, and says what it should."""

from __future__ import annotations

import pytest

from cchc_extract.lang.loader import LanguageDataError, load_patterns, load_yaml
from cchc_extract.parse.comparators import QTY_NORM, compile_pattern


@pytest.mark.parametrize("name", ["doc_types.yaml", "units.yaml", "kinds.yaml", "context.yaml", "header.yaml"])
def test_yaml_loads_and_validates(name: str) -> None:
    assert load_yaml(name)


def test_comparator_rules_compile_and_have_unique_ids() -> None:
    rules = load_patterns("comparators.jsonl")
    assert len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        tokens, _ = compile_pattern(rule["pattern"])
        assert any(t.get("NORM") == QTY_NORM for t in tokens), rule["id"]
        assert rule["id"].split(".")[0] == rule["label"]


def test_month_names_are_right() -> None:
    months = load_yaml("header.yaml")["month_names"]
    assert months["hai"] == 2 and months["mười hai"] == 12 and months["tư"] == 4


def test_doc_type_symbols() -> None:
    types = load_yaml("doc_types.yaml")["types"]
    assert "QĐ" in types["quyet_dinh"]["symbols"] and "KH" in types["ke_hoach"]["symbols"]


def test_bad_rules_fail_loudly() -> None:
    from cchc_extract.lang.loader import check_comparator_rules

    with pytest.raises(LanguageDataError):
        check_comparator_rules(({"id": "x.y", "label": "about", "pattern": "NUM"},))
