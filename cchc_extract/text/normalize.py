"""Normalise text to NFC, plain spaces, '\\n' line ends and ASCII hyphens, keeping an offset map.

Every later stage works on the normalised text, and every offset in the output points into it.
``Normalized.to_source(i)`` maps an offset back to the reader's text (and from there to a page or
table cell), so nothing the user gave is lost by normalising.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                 "\u2008\u2009\u200a\u202f\u205f\u3000\u000b\u000c"), " ")
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"), None)
_LINE_SEPS = dict.fromkeys(map(ord, "\u2028\u2029\u0085"), "\n")
_TABLE = {**_DASHES, **_SPACES, **_DROP, **_LINE_SEPS}

# A base character followed by its combining marks: the unit NFC composes.
_CLUSTER = regex.compile(r"\r\n|\X", regex.V1)


@dataclass(frozen=True)
class Normalized:
    """The normalised text and a piecewise map back to the source.

    The map is kept as runs rather than one entry per character, because normalising rarely moves
    anything: run ``k`` starts at ``text[run_starts[k]]``, which came from ``source[run_sources[k]]``,
    and the characters after it follow one for one until the next run. Source offsets never decrease.
    The runs are canonical (a run starts only where the source offset does not simply advance by one),
    so two equal maps compare equal.
    """

    text: str
    run_starts: tuple[int, ...]
    run_sources: tuple[int, ...]

    @property
    def offsets(self) -> tuple[int, ...]:
        """offsets[i] = source offset of text[i]; offsets[len(text)] = len(source). Built on demand."""
        bounds = (*self.run_starts[1:], len(self.text) + 1)
        return tuple(o for start, end, src in zip(self.run_starts, bounds, self.run_sources, strict=True)
                     for o in range(src, src + end - start))

    def to_source(self, i: int) -> int:
        """The source offset of ``text[i]`` (clamped to the text, ``len(text)`` gives ``len(source)``)."""
        i = min(max(i, 0), len(self.text))
        k = bisect.bisect_right(self.run_starts, i) - 1
        return self.run_sources[k] + i - self.run_starts[k]

    def from_source(self, j: int) -> int:
        """The first normalised offset whose source offset is at least ``j``, at most ``len(text)``
        (what a binary search over ``offsets`` gives, without building ``offsets``)."""
        k = bisect.bisect_left(self.run_sources, j)  # runs before k start below j
        if k and j < self.run_sources[k - 1] + self._run_length(k - 1):
            i = self.run_starts[k - 1] + j - self.run_sources[k - 1]  # j lies inside run k - 1
        else:
            i = self.run_starts[k] if k < len(self.run_starts) else len(self.text)
        return min(i, len(self.text))

    def _run_length(self, k: int) -> int:
        end = self.run_starts[k + 1] if k + 1 < len(self.run_starts) else len(self.text) + 1
        return end - self.run_starts[k]


class _RunBuilder:
    """Collects (text offset, source offset) points, keeping only those where the map jumps."""

    __slots__ = ("starts", "sources")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.sources: list[int] = []

    def add(self, at: int, source: int) -> None:
        if not self.starts or self.sources[-1] + at - self.starts[-1] != source:
            self.starts.append(at)
            self.sources.append(source)

    def build(self, text: str) -> Normalized:
        return Normalized(text, tuple(self.starts), tuple(self.sources))


def _from_offsets(text: str, offsets: list[int]) -> Normalized:
    runs = _RunBuilder()
    for i, o in enumerate(offsets):
        runs.add(i, o)
    return runs.build(text)


def normalize(source: str) -> Normalized:
    """NFC, one space for any run of horizontal space, no spaces at line ends, at most one blank line.

    >>> normalize("T\\u1ef7 l\\u1ec7  \\u0111\\u1ea1t\\u00a095%\\r\\nA \\u2013 B").text
    'Tỷ lệ đạt 95%\\nA - B'
    >>> normalize("  a\\u200b b  \\n\\n\\n\\nc\\u2014d ").text
    'a b\\n\\nc-d'
    """
    if unicodedata.is_normalized("NFC", source):
        return _normalize_nfc(source)
    return normalize_clusters(source)


_HSPACE_CHARS = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
_DROP_CHARS = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\x00")
_BREAK_CHARS = "\r\n\u2028\u2029\u0085"
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\u0085]")
_SPACE_OR_BREAK = f"[{_HSPACE_CHARS}{''.join(sorted(_DROP_CHARS))}{_BREAK_CHARS}]"
# Every place that can change, found in one scan: a maximal run of space, invisible characters and
# line breaks, except a single U+0020 between two words (by far the commonest space; it stays as it
# is, and the pattern is written so that the scan does not stop at it): a run begins either with a
# character other than U+0020, or with U+0020 followed by more of the run, or is a lone space at
# either end of the text. The standard ``re`` module scans this several times faster than ``regex``.
_CHANGES = re.compile(rf"[{_HSPACE_CHARS[1:]}{''.join(sorted(_DROP_CHARS))}{_BREAK_CHARS}]{_SPACE_OR_BREAK}*+"
                      rf"| {_SPACE_OR_BREAK}++|\A | \Z")
_DASH_CHARS = tuple(chr(k) for k in _DASHES)


@lru_cache(maxsize=4096)
def _gap_shape(run: str) -> tuple[int, int]:
    """Where, inside a run of space and line breaks, the output takes its characters from.

    (first break, break ending the first blank line or -1) when the run holds a line break, else
    (-1, first visible space or -1: a run of invisible characters alone vanishes). The same few runs
    ("\\n", "\\n\\n", "  ") make up nearly every document, hence the cache.
    """
    breaks = [m.start() for m in _BREAK.finditer(run)]
    if breaks:
        return breaks[0], breaks[1] if len(breaks) > 1 else -1
    return -1, next((i for i, ch in enumerate(run) if ch not in _DROP_CHARS), -1)


def _normalize_nfc(source: str) -> Normalized:
    """The common case (text already NFC): copy the unchanged stretches between changes in bulk.

    Lines are not split: one scan finds only the places that change (about one per line break), and
    the offset map gains a run only where text was dropped.
    """
    out: list[str] = []
    runs = _RunBuilder()
    size = len(source)
    n = 0  # length of the output so far
    pos = 0  # source copied up to here
    for m in _CHANGES.finditer(source):
        start, end = m.span()
        if start > pos:
            runs.add(n, pos)
            out.append(source[pos:start])
            n += start - pos
        pos = end
        if n == 0 or end == size:
            continue  # space and blank lines opening or closing the text go
        first, second = _gap_shape(m.group())
        if first >= 0:  # a line end; blank lines in between leave one blank line
            runs.add(n, start + first)
            n += 1
            if second >= 0:
                runs.add(n, start + second)
                n += 1
            out.append("\n\n" if second >= 0 else "\n")
        elif second >= 0:  # a run of space becomes one space; invisible characters alone go
            runs.add(n, start + second)
            out.append(" ")
            n += 1
    if pos < size:
        runs.add(n, pos)
        out.append(source[pos:])
        n += size - pos
    runs.add(n, size)
    text = "".join(out)
    for dash in _DASH_CHARS:
        if dash in text:
            text = text.replace(dash, "-")
    return runs.build(text)


def normalize_clusters(source: str) -> Normalized:
    """The general case: compose each base character with its combining marks (NFC), cluster by cluster."""
    out: list[str] = []
    offs: list[int] = []
    for m in _CLUSTER.finditer(source):
        cluster = m.group()
        if cluster == "\r\n" or cluster == "\r":
            piece = "\n"
        else:
            piece = unicodedata.normalize("NFC", cluster.translate(_TABLE))
        for ch in piece:
            if ch == " ":
                if not out or out[-1] in " \n":
                    continue
            elif ch == "\n":
                while out and out[-1] == " ":
                    out.pop()
                    offs.pop()
                if len(out) >= 2 and out[-1] == "\n" and out[-2] == "\n":
                    continue
                if not out:
                    continue
            out.append(ch)
            offs.append(m.start())
    while out and out[-1] in " \n":
        out.pop()
        offs.pop()
    offs.append(len(source))
    return _from_offsets("".join(out), offs)
