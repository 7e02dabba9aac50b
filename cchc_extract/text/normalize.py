"""Normalise text to NFC, plain spaces, '\\n' line ends and ASCII hyphens, keeping an offset map.

Every later stage works on the normalised text, and every offset in the output points into it.
``Normalized.to_source(i)`` maps an offset back to the reader's text (and from there to a page or
table cell), so nothing the user gave is lost by normalising.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
    text: str
    offsets: tuple[int, ...]  # offsets[i] = source offset of text[i]; offsets[len(text)] = len(source)

    def to_source(self, i: int) -> int:
        return self.offsets[min(max(i, 0), len(self.offsets) - 1)]


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


_HSPACE = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]"
_DROP_CLASS = "[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00]"
_BREAK = regex.compile(r"\r\n|[\r\n\u2028\u2029\u0085]")
_DROP_CHARS = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\x00")
_SPACE_OR_DROP = rf"(?:{_HSPACE}|{_DROP_CLASS})"
_EDGES = regex.compile(rf"{_SPACE_OR_DROP}+")
_TRAIL = regex.compile(rf"{_SPACE_OR_DROP}+$")
# Only what must change: runs of two or more, a space other than U+0020, an invisible character.
_RUNS = regex.compile(rf"{_SPACE_OR_DROP}{{2,}}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]|{_DROP_CLASS}")
_DASH_ONLY = {k: v for k, v in _TABLE.items() if v == "-"}


def _normalize_nfc(source: str) -> Normalized:
    """The common case (text already NFC): copy unchanged stretches in bulk."""
    out: list[str] = []
    offs: list[int] = []
    blank = 0
    line_start = 0
    gap: list[int] = []
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(source)] + [(len(source), len(source))]
    for br_start, br_end in breaks:
        edge = _EDGES.match(source, line_start, br_start)
        a = edge.end() if edge else line_start
        tail = _TRAIL.search(source, a, br_start)
        b = tail.start() if tail else br_start
        if a < b:
            if out:
                out.append("\n\n" if blank else "\n")
                offs.extend(gap[:2] if blank else gap[:1])
            p = a
            for m in _RUNS.finditer(source, a, b):
                out.append(source[p:m.start()])
                offs.extend(range(p, m.start()))
                first = next((i for i, ch in enumerate(m.group()) if ch not in _DROP_CHARS), None)
                if first is not None:
                    out.append(" ")
                    offs.append(m.start() + first)
                p = m.end()
            out.append(source[p:b])
            offs.extend(range(p, b))
            blank = 0
            gap = [br_start]
        elif out:
            blank += 1
            gap.append(br_start)
        line_start = br_end
    offs.append(len(source))
    return Normalized("".join(out).translate(_DASH_ONLY), tuple(offs))


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
    return Normalized("".join(out), tuple(offs))
