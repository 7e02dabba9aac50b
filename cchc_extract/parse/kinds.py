"""Target or result: votes from cue words in the clause, the list introduction, section headings,
the comparator and the document type (plans set targets, reports state results)."""

from __future__ import annotations

import bisect
import itertools
from functools import lru_cache

import regex

from ..lang.loader import load_yaml
from .phrases import PhraseSet, lower_same_length


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


@lru_cache(maxsize=1)
def _phrase_sets() -> dict[str, tuple[PhraseSet, dict[str, float]]]:
    """The clause cues with their votes, and heading words (+1 each), for ``CueIndex``."""
    data = load_yaml("kinds.yaml")["headers"]
    _, weights = _clause_cues()
    return {"clause": (PhraseSet(list(weights)), weights),
            "header_target": (PhraseSet(data["target"]), {}),
            "header_result": (PhraseSet(data["result"]), {})}


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


def _near_result(before: str) -> bool:
    near = " ".join(before.split()[-6:])
    return bool(_count(_cues()["result_near"], near))


class CueIndex:
    """The kind cues of one text, found once per line on first use and summed over spans.

    A line is read for every number in it, and a heading or list introduction for every number under
    it: finding the cues once and summing a span by bisection keeps a dense document linear. A span's
    sum counts the cues lying wholly inside it, which equals reading the span's own text whenever it
    starts and ends between words (spans start at clause, label and number boundaries)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered = lower_same_length(text)
        self._found: dict[tuple[str, int, int], tuple[list[int], list[int], list[float]]] = {}

    def _cues_in(self, kind: str, line: tuple[int, int]) -> tuple[list[int], list[int], list[float]]:
        found = self._found.get((kind, *line))
        if found is None:
            phrases, weights = _phrase_sets()[kind]
            matches = list(phrases.finditer(self.text, self._lowered, *line))
            votes = [weights.get(" ".join(m.group().lower().split()), 0.0) if weights else 1.0 for m in matches]
            found = ([m.start() for m in matches], [m.end() for m in matches], [0.0, *itertools.accumulate(votes)])
            self._found[(kind, *line)] = found
        return found

    def _sum(self, kind: str, line: tuple[int, int], start: int, end: int) -> float:
        starts, ends, running = self._cues_in(kind, line)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_right(ends, end)
        return running[hi] - running[lo] if hi > lo else 0.0

    def clause(self, line: tuple[int, int], start: int, end: int) -> float:
        """The cue vote of text[start:end] inside ``line`` (its start and end offsets)."""
        return self._sum("clause", line, start, end)

    def header(self, line: tuple[int, int], start: int | None = None, end: int | None = None) -> float:
        """The heading vote of a line, or of a span of it (like ``header_vote`` on that text)."""
        a, b = line[0] if start is None else start, line[1] if end is None else end
        return self._sum("header_target", line, a, b) - self._sum("header_result", line, a, b)

    def clause_vote(self, line: tuple[int, int], before: tuple[int, int], after: tuple[int, int]) -> float:
        """``clause_vote`` for the spans before and after a number, read from the index."""
        vote = self.clause(line, *before) + 0.5 * self.clause(line, *after)
        if _cues()["result_near"] is not None and _near_result(self.text[before[0]:before[1]]):
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


def decide(vote: float, doc_type: str | None = None) -> str:
    """Negative votes read as a result, positive as a target; a tie (the cues cancel out) goes the way the
    document type leans: a report's "(bình quân đạt 93,4% số điểm tối đa)" is a result."""
    if vote == 0:
        vote = document_vote(doc_type)
    return "result" if vote < 0 else "target"
