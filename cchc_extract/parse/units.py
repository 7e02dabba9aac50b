"""The unit after a number: "%", or the counted noun with its scale word ("tỷ đồng", "triệu hồ sơ")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang.loader import load_yaml


@dataclass(frozen=True)
class UnitMatch:
    unit: str
    end: int  # offset where the unit phrase ends
    base: str  # the counted noun without scale, e.g. "đồng"


@lru_cache(maxsize=1)
def _grammar() -> tuple[regex.Pattern[str], dict]:
    data = load_yaml("units.yaml")
    counts = sorted(data["counts"], key=len, reverse=True)
    scales = sorted(data["scales"], key=len, reverse=True)
    fillers = sorted(data["unit_fillers"], key=len, reverse=True)

    def alt(words: list[str]) -> str:
        parts = []
        for w in words:
            esc = regex.escape(w).replace(r"\ ", r"\s+")
            parts.append(esc if _acronym(w) else f"(?i:{esc})")
        return "|".join(parts)

    pattern = regex.compile(
        # a number at the end of a hard-wrapped line may have its noun on the next line
        rf"\G[^\S\n]*(?:\n(?=\S))?(?:\*\*)?[^\S\n]*(?:(?:{alt(fillers)})\s+)?(?P<scale>(?:{alt(scales)})\s+)?"
        rf"(?P<unit>{alt(counts)})(?![\p{{L}}\d])"
        rf"|\G[^\S\n]*(?P<bare_scale>{alt(scales)})(?![\p{{L}}\d])"
    )
    return pattern, data


def _acronym(word: str) -> bool:
    return any(c.isupper() for c in word)


def unit_after(text: str, pos: int, endpos: int | None = None) -> UnitMatch | None:
    """The unit phrase starting at ``pos`` (after the number), if any, ending by ``endpos``.

    >>> unit_after("55/89 nhiệm vụ, đạt", 5).unit
    'nhiệm vụ'
    >>> unit_after("10.367,7 tỷ đồng", 8).unit
    'tỷ đồng'
    >>> unit_after("5.220.139 tổng hồ sơ", 9).unit
    'hồ sơ'
    """
    pattern, _ = _grammar()
    end_limit = len(text) if endpos is None else endpos
    m = pattern.match(text, pos, end_limit)
    if not m:
        return None
    if m.group("bare_scale"):
        scale = m.group("bare_scale").lower()
        return UnitMatch(scale, m.end(), scale)
    _, data = _grammar()
    written = " ".join(m.group("unit").split())
    canonical = _canonical_units().get(written.lower(), written.lower())
    base = data.get("base_forms", {}).get(canonical, canonical)
    scale = m.group("scale")
    end = m.end()
    growing, at = base, end
    while not scale:  # "cơ quan, đơn vị", "thôn, đội, bản": only nouns known to go together
        joined = _JOINED_UNIT.match(text, at, end_limit)
        second = pattern.match(text, joined.end(), end_limit) if joined else None
        if not second or not second.group("unit") or second.group("scale"):
            break
        other = _canonical_units().get(" ".join(second.group("unit").split()).lower())
        growing, at = f"{growing}, {other}", second.end()
        if growing in _compounds():
            base, end = growing, at
        elif growing not in _compound_starts():
            break
    full = " ".join([*scale.lower().split(), base]) if scale else base
    return UnitMatch(full, end, base)


@lru_cache(maxsize=1)
def _compounds() -> frozenset[str]:
    _, data = _grammar()
    return frozenset(data.get("compound_units", []))


@lru_cache(maxsize=1)
def _compound_starts() -> frozenset[str]:
    """The leading parts of the compounds ("thôn, đội" of "thôn, đội, bản"), which may still grow."""
    return frozenset(", ".join(c.split(", ")[:k]) for c in _compounds() for k in range(2, c.count(", ") + 1))


_JOINED_UNIT = regex.compile(r"[^\S\n]*,(?=[^\S\n]*\p{L})")


@lru_cache(maxsize=1)
def _canonical_units() -> dict[str, str]:
    """Lower-cased spelling -> the spelling in the data ("thủ tục" -> "thủ tục", "tthc" -> "TTHC")."""
    _, data = _grammar()
    return {u.lower(): u for u in data["counts"]}


@lru_cache(maxsize=1)
def unit_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(units of time, weak units: nouns that count things only with a cue)."""
    _, data = _grammar()
    return frozenset(data["time_units"]), frozenset(data["weak_units"])
