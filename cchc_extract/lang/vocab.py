"""Loaders for the word lists in ``lang/vi/``: the data stays YAML, the checks live here.

Each loader validates its file on first use and raises ``ValueError`` naming the file and the
entry, so a bad edit to the data fails loudly (and in the test suite) instead of silently
changing how indicators compare.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml

_ABBREVIATION_KEY = regex.compile(r"^[\p{Lu}][\p{Lu}\d&-]*$")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"duplicate key {key!r} (line {key_node.start_mark.line + 1})")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load(name: str) -> Any:
    text = resources.files("cchc_extract.lang").joinpath("vi", name).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except (yaml.YAMLError, ValueError) as exc:
        raise ValueError(f"lang/vi/{name}: {exc}") from exc


def _check_text(name: str, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise ValueError(f"lang/vi/{name}: {where}: expected a non-empty trimmed string, got {value!r}")
    if unicodedata.normalize("NFC", value) != value:
        raise ValueError(f"lang/vi/{name}: {where}: not in NFC")
    return value


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation -> expansion, e.g. ``TTHC`` -> ``thủ tục hành chính``."""
    name = "abbreviations.yaml"
    data = _load(name)
    if not isinstance(data, dict) or not data:
        raise ValueError(f"lang/vi/{name}: expected a non-empty mapping")
    for key, value in data.items():
        _check_text(name, f"key {key!r}", key)
        if not _ABBREVIATION_KEY.match(key):
            raise ValueError(f"lang/vi/{name}: {key!r}: an abbreviation is written in capitals")
        _check_text(name, key, value)
        if key in value.split():
            raise ValueError(f"lang/vi/{name}: {key!r} expands to itself")
    return dict(data)


@lru_cache(maxsize=1)
def opposite_measures() -> tuple[tuple[str, str], ...]:
    """Pairs of phrases that name opposite measures, folded (lower case, no diacritics)."""
    from ..similarity import fold

    name = "indicator_words.yaml"
    pairs = _load(name).get("opposites", [])
    out = []
    for i, pair in enumerate(pairs):
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"lang/vi/{name}: opposites[{i}]: expected a pair of phrases")
        a, b = (_check_text(name, f"opposites[{i}]", p) for p in pair)
        out.append((fold(a), fold(b)))
    return tuple(out)


@lru_cache(maxsize=1)
def indicator_words() -> dict[str, frozenset[str]]:
    """``stopwords`` and ``generic`` word sets, folded (lower case, no diacritics)."""
    from ..similarity import fold

    name = "indicator_words.yaml"
    data = {k: v for k, v in _load(name).items() if k != "opposites"}
    if not isinstance(data, dict) or set(data) != {"stopwords", "generic"}:
        raise ValueError(f"lang/vi/{name}: expected the keys 'stopwords' and 'generic' (and 'opposites')")
    out = {}
    for key, words in data.items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"lang/vi/{name}: {key}: expected a non-empty list")
        for i, word in enumerate(words):
            _check_text(name, f"{key}[{i}]", word)
            if " " in word:
                raise ValueError(f"lang/vi/{name}: {key}[{i}]: one syllable per entry, got {word!r}")
        out[key] = frozenset(fold(w) for w in words)
    if out["stopwords"] & out["generic"]:
        raise ValueError(f"lang/vi/{name}: words in both lists: {sorted(out['stopwords'] & out['generic'])}")
    return out


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> regex.Pattern[str]:
    keys = sorted(abbreviations(), key=lambda k: (-len(k), k))
    return regex.compile(r"(?<![\w&-])(?:" + "|".join(regex.escape(k) for k in keys) + r")(?![\w&-])")


def expand_abbreviations(text: str) -> str:
    """Replace whole-token abbreviations by their expansion.

    >>> expand_abbreviations("Tỷ lệ hồ sơ TTHC của UBND; DVCTT ≠ DVC")
    'Tỷ lệ hồ sơ thủ tục hành chính của Ủy ban nhân dân; dịch vụ công trực tuyến ≠ dịch vụ công'
    """
    table = abbreviations()
    return _abbreviation_pattern().sub(lambda m: table[m.group(0)], text)
