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
    """
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
