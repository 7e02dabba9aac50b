"""Whole-word search for many literal phrases (cue words, heading words), case-insensitively.

Why the standard library's ``re`` here when the rest uses ``regex``: for a long alternation of
literals, ``re`` on lower-cased text skips ahead on the phrases' first characters and runs three to
four times faster than ``regex`` with ``(?i)``; the cue scan is on the hot path of every number.
A word boundary is "no letter" on either side (``[^\\W\\d_]`` is a letter in ``re``), as
``(?<![\\p{L}])...(?![\\p{L}])`` is in ``regex``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LETTER = r"[^\W\d_]"


class PhraseSet:
    """Literal phrases matched as whole words, longest first; spaces inside a phrase match any run
    of whitespace."""

    def __init__(self, phrases: list[str]) -> None:
        alternation = "|".join(sorted((re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases),
                                      key=len, reverse=True))
        body = rf"(?<!{_LETTER})(?:{alternation})(?!{_LETTER})"
        self._lowered = re.compile(body)
        self._any_case = re.compile(body, re.IGNORECASE)

    def finditer(self, text: str, lowered: str | None, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        """Matches in text[pos:endpos]. ``lowered`` is ``text.lower()`` when that kept every offset
        (see ``lower_same_length``), else None; matches then come from ``text`` itself."""
        end = len(text) if endpos is None else endpos
        if lowered is not None:
            return self._lowered.finditer(lowered, pos, end)
        return self._any_case.finditer(text, pos, end)


def lower_same_length(text: str) -> str | None:
    """``text.lower()`` if lower-casing moved no offset (true of Vietnamese), else None."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
