"""Target or result: votes from cue words in the clause, the list introduction, section headings,
the comparator and the document type (plans set targets, reports state results)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lang.loader import load_yaml


def _words_pattern(words: list[str]) -> regex.Pattern[str]:
    alternation = "|".join(sorted((regex.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation})(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _cues() -> dict[str, object]:
    data = load_yaml("kinds.yaml")
    return {
        "result_near": _words_pattern(data["result"]["near"]) if data["result"]["near"] else None,
        "header_target": _words_pattern(data["headers"]["target"]),
        "header_result": _words_pattern(data["headers"]["result"]),
        "col_target": _words_pattern(data["columns"]["target"]),
        "col_result": _words_pattern(data["columns"]["result"]),
        "default": {**{t: 1.0 for t in data["document_default"]["target"]},
                    **{t: -1.0 for t in data["document_default"]["result"]}},
    }


def _count(pattern: object, text: str) -> int:
    return len(pattern.findall(text)) if pattern is not None else 0  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _clause_cues() -> tuple[regex.Pattern[str], dict[str, float]]:
    """All clause cues in one pattern (longest phrase first) with their votes, so a clause is read once."""
    data = load_yaml("kinds.yaml")
    weights: dict[str, float] = {}
    for group, sign in (("target", 1.0), ("result", -1.0)):
        for strength, size in (("strong", 2.0), ("weak", 0.5)):
            for phrase in data[group][strength]:
                weights.setdefault(" ".join(phrase.lower().split()), sign * size)
    return _words_pattern(list(weights)), weights


def _cue_sum(text: str) -> float:
    pattern, weights = _clause_cues()
    return sum(weights.get(" ".join(m.group().lower().split()), 0.0) for m in pattern.finditer(text))


def clause_vote(before: str, after: str) -> float:
    """Positive for target, negative for result, from the clause around one number."""
    c = _cues()
    vote = _cue_sum(before) + 0.5 * _cue_sum(after)  # what leads to the number says more
    near = " ".join(before.split()[-6:])
    if _count(c["result_near"], near):
        vote -= 3.0
    return vote


def header_vote(text: str) -> float:
    c = _cues()
    return float(_count(c["header_target"], text) - _count(c["header_result"], text))


def column_kind(header: str) -> str | None:
    c = _cues()
    t, r = _count(c["col_target"], header), _count(c["col_result"], header)
    if t > r:
        return "target"
    if r > t:
        return "result"
    return None


def document_vote(doc_type: str | None) -> float:
    return _cues()["default"].get(doc_type, 0.0) if doc_type else 0.0  # type: ignore[union-attr]


def decide(vote: float) -> str:
    return "result" if vote < 0 else "target"
