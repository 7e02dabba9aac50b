"""Loads the Vietnamese language data (YAML and JSONL files under ``lang/vi``) and validates it.

Data files hold words and patterns; code holds mechanisms.  Each file is checked when loaded so a
typo in the data fails loudly at start-up rather than silently changing results.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..models import DocType

_LANG = "vi"
_COMPARATORS = {"gt", "gte", "eq", "lte", "lt", "range"}


class LanguageDataError(ValueError):
    """A language data file is malformed."""


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(_LANG, name).read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> dict[str, Any]:
    # libyaml's loader when PyYAML was built with it: ~10x faster, which matters for cold start
    data = yaml.load(_read(name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise LanguageDataError(f"{name}: expected a mapping at the top level")
    validator = _VALIDATORS.get(name)
    if validator:
        validator(name, data)
    return data


@cache
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Rules in JSONL: one object per line with ``id``, ``label``, ``pattern``; ids unique."""
    rules = []
    seen: set[str] = set()
    for lineno, line in enumerate(_read(f"patterns/{name}").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LanguageDataError(f"patterns/{name}:{lineno}: {exc}") from exc
        for key in ("id", "label", "pattern"):
            if key not in rule:
                raise LanguageDataError(f"patterns/{name}:{lineno}: missing '{key}'")
        if rule["id"] in seen:
            raise LanguageDataError(f"patterns/{name}:{lineno}: duplicate id {rule['id']}")
        seen.add(rule["id"])
        rules.append(rule)
    return tuple(rules)


def _need(name: str, data: dict[str, Any], *keys: str) -> None:
    missing = [k for k in keys if k not in data]
    if missing:
        raise LanguageDataError(f"{name}: missing keys {missing}")


def _check_doc_types(name: str, data: dict[str, Any]) -> None:
    _need(name, data, "types", "subject_prefixes")
    allowed = set(DocType.__args__)  # type: ignore[attr-defined]
    for code, spec in data["types"].items():
        if code not in allowed:
            raise LanguageDataError(f"{name}: unknown doc type code {code!r}")
        if not spec.get("names") or not isinstance(spec.get("symbols"), list):
            raise LanguageDataError(f"{name}: {code} needs names and symbols")


def _check_units(name: str, data: dict[str, Any]) -> None:
    _need(name, data, "percent", "scales", "counts", "time_units", "weak_units", "unit_fillers")
    counts = set(data["counts"])
    for compound in data.get("compound_units", []):
        stray = [part for part in compound.split(", ") if part not in counts]
        if stray:
            raise LanguageDataError(f"{name}: compound unit {compound!r} has parts not in counts: {stray}")
    if not isinstance(data.get("base_forms", {}), dict):
        raise LanguageDataError(f"{name}: base_forms must be a mapping")
    for key in ("time_units", "weak_units"):
        stray = [u for u in data[key] if u not in counts]
        if stray:
            raise LanguageDataError(f"{name}: {key} not listed in counts: {stray}")


def _check_kinds(name: str, data: dict[str, Any]) -> None:
    _need(name, data, "target", "result", "headers", "document_default", "columns", "period_end")
    for kind in ("target", "result"):
        _need(name, data[kind], "strong", "weak", "near")


def _check_context(name: str, data: dict[str, Any]) -> None:
    _need(name, data, "not_quantity_before", "size_before", "state_after", "assigned_before", "yardstick_compare",
          "yardstick_margin",
          "level_words",
          "rank_before", "duration_cues", "population_nouns",
          "narrative_nouns", "count_verbs", "count_verbs_adjacent", "value_verbs", "composition_before",
          "possessor_before", "possessed_places", "value_field_labels",
          "sanction_conditions", "sanction_consequences", "chrome_lines", "chrome_tail")


def _check_header(name: str, data: dict[str, Any]) -> None:
    _need(name, data, "national_motto", "agency_heads", "locality_words", "issuer_abbreviations", "signer_titles",
          "surnames", "month_names")
    for word, month in data["month_names"].items():
        if not 1 <= int(month) <= 12:
            raise LanguageDataError(f"{name}: month {word!r} -> {month} out of range")


_VALIDATORS = {
    "doc_types.yaml": _check_doc_types,
    "units.yaml": _check_units,
    "kinds.yaml": _check_kinds,
    "context.yaml": _check_context,
    "header.yaml": _check_header,
}


def check_comparator_rules(rules: tuple[dict[str, Any], ...]) -> None:
    for rule in rules:
        if rule["label"] not in _COMPARATORS:
            raise LanguageDataError(f"comparators: {rule['id']}: unknown label {rule['label']!r}")
