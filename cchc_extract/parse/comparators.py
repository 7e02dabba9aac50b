"""Comparator phrases ("từ ... trở lên", "không quá", "từ X đến Y") matched by spaCy's Matcher.

The rules live in ``lang/vi/patterns/comparators.jsonl`` in a compact form compiled here to spaCy
token patterns:
    word|word   one token, any of the alternatives (lower case); a trailing "?" makes it optional
    NUM         a quantity (a number with its %; fractions and dash ranges are one token)
    ANY{a,b}    a..b tokens that are neither quantities nor clause breaks
    START       the match must open the clause (after a list label or a colon)

Clauses are tokenised by a small custom tokenizer (words, numbers, single punctuation marks) that
keeps every quantity as one token, so token offsets map exactly onto the text; a blank multi-language
spaCy pipeline supplies the vocabulary (``spacy.blank("vi")`` would need pyvi for word segmentation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..lang.loader import check_comparator_rules, load_patterns
from .numbers import Quantity

# Markup from web copies ("**80%**") is not a token, so "tối thiểu **80%**" still matches.
_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\d']*+|\d++(?:[.,]\d++)*+|[^\s*_]")
_BREAKS = [";", ".", ":", "!", "?"]
QTY_NORM = "<qty>"


@dataclass(frozen=True)
class ComparatorMatch:
    comparator: str
    rule: str
    value_max: float | None = None  # from a "từ X đến Y" range
    consumed: int | None = None  # index of the quantity used as the range's upper bound


class ComparatorMatcher:
    """Built once per process (spaCy vocabulary and Matcher), then applied to many clauses."""

    def __init__(self) -> None:
        _import_spacy_without_cli()
        from spacy.attrs import LOWER, NORM
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        # A bare vocabulary computing only the attributes the rules read (spacy.blank("xx") builds a
        # Language, 0.2 s at start-up, and computes some twenty attributes for every new word).
        self.vocab = Vocab(lex_attr_getters={LOWER: str.lower, NORM: str.lower})
        self.rules: dict[str, dict[str, Any]] = {}
        # A clause is matched only against the rules whose required words it holds (most clauses need
        # two or three): the Matcher's cost grows with the rules it carries. One Matcher is built per
        # set of applicable rules and kept, so each clause costs a single Matcher call.
        self._matcher_cls = Matcher
        self._patterns: dict[str, list[dict[str, Any]]] = {}
        self._by_word: dict[str, set[str]] = {}
        self._matchers: dict[frozenset[str], Any] = {}
        rules = load_patterns("comparators.jsonl")
        check_comparator_rules(rules)
        for order, rule in enumerate(rules):
            pattern, needs_start = compile_pattern(rule["pattern"])
            needs = required_words(rule["pattern"])
            self.rules[rule["id"]] = {**rule, "order": order, "start": needs_start,
                                      "max_len": max_length(rule["pattern"]), "needs": needs}
            self._patterns[rule["id"]] = pattern
            for word in needs[0]:
                self._by_word.setdefault(word, set()).add(rule["id"])

    def _matcher_for(self, rule_ids: frozenset[str]) -> Any:
        matcher = self._matchers.get(rule_ids)
        if matcher is None:
            matcher = self._matcher_cls(self.vocab, validate=True)
            for rule_id in sorted(rule_ids):
                matcher.add(rule_id, [self._patterns[rule_id]])
            self._matchers[rule_ids] = matcher
        return matcher

    def tokens(self, text: str, start: int, end: int, quantities: list[Quantity]
               ) -> tuple[list[str], list[bool], dict[int, int], list[int]]:
        """Tokens of text[start:end] with each quantity as one token: (words, spaces, token index ->
        quantity index, token start offsets in ``text``)."""
        words: list[str] = []
        spaces: list[bool] = []
        qty_at: dict[int, int] = {}
        pos = start
        bounds: list[int] = []
        starts: list[int] = []
        for qi, q in enumerate(quantities):
            self._words(text, pos, q.start, words, spaces, bounds, starts)
            qty_at[len(words)] = qi
            words.append(QTY_NORM)  # its text does not matter to the rules (nor enters the vocabulary)
            bounds.append(q.end)
            starts.append(q.start)
            spaces.append(False)
            pos = q.end
        self._words(text, pos, end, words, spaces, bounds, starts)
        for i, b in enumerate(bounds):
            spaces[i] = b < end and text[b].isspace()
        return words, spaces, qty_at, starts

    def make_doc(self, words: list[str], spaces: list[bool], qty_at: dict[int, int]) -> Any:
        from spacy.tokens import Doc

        # quantity tokens are the word QTY_NORM, whose NORM the rules match
        return Doc(self.vocab, words=words or [" "], spaces=spaces or [False])

    @staticmethod
    def _words(text: str, a: int, b: int, words: list[str], spaces: list[bool], bounds: list[int],
               starts: list[int]) -> None:
        for m in _TOKEN.finditer(text, a, b):
            words.append(m.group())
            spaces.append(False)
            bounds.append(m.end())
            starts.append(m.start())

    def match(self, text: str, start: int, end: int, quantities: list[Quantity],
              content_start: int | None = None) -> dict[int, ComparatorMatch]:
        """Best comparator for each quantity (by index in ``quantities``) in the clause text[start:end]."""
        words, spaces, qty_at, starts = self.tokens(text, start, end, quantities)
        present = {w.lower() for w in words}
        candidates = set().union(*(self._by_word.get(w, ()) for w in present))
        applicable = frozenset(rule_id for rule_id in candidates
                               if all(alternatives & present for alternatives in self.rules[rule_id]["needs"]))
        if not applicable:
            return {}
        doc = self.make_doc(words, spaces, qty_at)
        first_token = 0
        if content_start is not None:
            first_token = next((i for i, s in enumerate(starts) if s >= content_start), 0)
        best: dict[int, tuple[tuple[int, int, int], ComparatorMatch]] = {}
        for match_id, s, e in self._matcher_for(applicable)(doc):
            rule = self.rules[self.vocab.strings[match_id]]
            if e - s > rule["max_len"] or rule["start"] and not _opens_clause(doc, s, first_token):
                continue
            qtoks = [i for i in range(s, e) if i in qty_at]
            if not qtoks:
                continue
            target = qty_at[qtoks[0]]
            result = ComparatorMatch(rule["label"], rule["id"])
            if rule["label"] == "range":
                if len(qtoks) != 2:
                    continue
                upper = quantities[qty_at[qtoks[1]]]
                result = ComparatorMatch("range", rule["id"], value_max=upper.value, consumed=qty_at[qtoks[1]])
            rank = (int(rule.get("priority", 50)), e - s, -rule["order"])
            if target not in best or rank > best[target][0]:
                best[target] = (rank, result)
        return {k: v[1] for k, v in best.items()}


def _import_spacy_without_cli() -> None:
    """Import spaCy without its command line (typer, weasel, requests, the config templates): that
    is a fifth of a one-document run's start-up. ``spacy/__init__`` only re-exports ``cli.info``, so
    stand-ins are registered for that import alone and removed afterwards; a later ``import
    spacy.cli`` by the user loads the real package."""
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def lazy_info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = lazy_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]


def _opens_clause(doc: Any, s: int, first_token: int) -> bool:
    if s <= first_token:
        return True
    prev = doc[s - 1].text
    return prev in (":", "-", "+", "*", "(") or doc[s - 1].i < first_token


def compile_pattern(spec: str) -> tuple[list[dict[str, Any]], bool]:
    """Compile the compact rule form into a spaCy Matcher pattern.

    >>> compile_pattern("không vượt? quá NUM")[0][1]
    {'LOWER': 'vượt', 'OP': '?'}
    >>> compile_pattern("từ|trên NUM")[0][0]
    {'LOWER': {'IN': ['từ', 'trên']}}
    """
    tokens: list[dict[str, Any]] = []
    needs_start = False
    for element in spec.split():
        if element == "START":
            needs_start = True
            continue
        if element == "NUM":
            tokens.append({"NORM": QTY_NORM})
            continue
        m = regex.fullmatch(r"ANY\{(\d+),(\d+)\}", element)
        if m:
            # "*" rather than "{a,b}": spaCy expands {a,b} into b optional states, which is slow on
            # every clause; the bound is enforced on the match length instead (see max_length).
            tokens.append({"NORM": {"NOT_IN": [*_BREAKS, QTY_NORM]}, "OP": "*"})
            continue
        optional = element.endswith("?") and len(element) > 1
        words = element[:-1] if optional else element
        alternatives = words.split("|")
        # one word is a plain attribute test (in C); "IN" is a Python predicate called for every token
        tok: dict[str, Any] = {"LOWER": alternatives[0] if len(alternatives) == 1 else {"IN": alternatives}}
        if optional:
            tok["OP"] = "?"
        tokens.append(tok)
    return tokens, needs_start


def required_words(spec: str) -> list[set[str]]:
    """For each word element a rule cannot do without, the set of its alternatives.

    >>> required_words("không vượt? quá NUM")
    [{'không'}, {'quá'}]
    """
    needs = []
    for element in spec.split():
        if element in ("NUM", "START") or element.startswith("ANY{") or element.endswith("?"):
            continue
        needs.append(set(element.split("|")))
    return needs


def max_length(spec: str) -> int:
    """The most tokens a rule may span: one per element, plus the upper bound of each ANY{a,b}.

    >>> max_length("từ NUM ANY{0,10} trở lên")
    14
    """
    total = 0
    for element in spec.split():
        m = regex.fullmatch(r"ANY\{(\d+),(\d+)\}", element)
        total += int(m.group(2)) if m else 0 if element == "START" else 1
    return total


@lru_cache(maxsize=1)
def comparator_matcher() -> ComparatorMatcher:
    return ComparatorMatcher()
