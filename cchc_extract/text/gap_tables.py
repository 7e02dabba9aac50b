"""Tables laid out with runs of spaces (``pdftotext -layout``, fixed-width reports) or with tabs (a Word
table copied as text), read as table rows like the " | " rows.

Normalising collapses every run of space into one space, so the gaps that separated the cells are
recorded from the reader's text first (``find_gaps``). A block of at least three consecutive lines
cut into three cells or more by such gaps is a table: its first line names the columns. A tab-separated
row is cut at every tab (two tabs in a row leave an empty cell); a space-aligned row is cut at its gaps
and each piece goes to the column its position in the source line falls under, so a missing cell or a
name wrapped onto the next line does not shift the columns. Lines in between (wrapped names, a second
heading line) are rows too, so the table's column headings carry on past them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .normalize import Normalized

# a run of horizontal space between two visible characters holding a tab or at least two spaces
_GAP = re.compile(r"(?<=\S)[ \t\u00a0]*(?:\t|[ \u00a0]{2})[ \t\u00a0]*(?=\S)")
_TRAILING_TABS = re.compile(r"(?<=\S)[ \t\u00a0]*\t[ \t\u00a0]*$", re.MULTILINE)
MIN_CELLS = 3  # cells a line needs to count as a row of a gap table
MIN_ROWS = 3  # such rows a block needs to count as a table (the heading and two rows)


@dataclass(frozen=True)
class GapMap:
    """Where the normalised text had runs of space or tabs, and the source column of any offset."""

    at: tuple[int, ...]  # offsets, in the normalised text, of the one space each run became
    tabs: tuple[int, ...]  # tabs in each run (each tab ends a cell)
    trailing_tabs: dict[int, int]  # line end offset -> tabs the source line ended with (empty last cells)
    source: str
    norm: Normalized | None

    def in_range(self, start: int, end: int) -> list[tuple[int, int]]:
        """(offset, tabs) of the gaps inside text[start:end]."""
        lo, hi = bisect.bisect_left(self.at, start), bisect.bisect_left(self.at, end)
        return list(zip(self.at[lo:hi], self.tabs[lo:hi], strict=True))

    def column(self, offset: int) -> int:
        """The column, in its source line, of the character at a normalised offset."""
        src = self.norm.to_source(offset) if self.norm is not None else offset
        return src - (self.source.rfind("\n", 0, src) + 1)


NO_GAPS = GapMap((), (), {}, "", None)


def find_gaps(source: str, norm: Normalized) -> GapMap:
    """Record the runs of space and tabs that normalising ``source`` into ``norm`` collapsed."""
    if "  " not in source and "\t" not in source and "\u00a0" not in source:
        return NO_GAPS
    at: list[int] = []
    tabs: list[int] = []
    text = norm.text
    for m in _GAP.finditer(source):
        pos = norm.from_source(m.start())
        if pos < len(text) and text[pos] == " ":
            at.append(pos)
            tabs.append(m.group().count("\t"))
    trailing = {norm.from_source(m.start()): m.group().count("\t")
                for m in _TRAILING_TABS.finditer(source)} if "\t" in source else {}
    return GapMap(tuple(at), tuple(tabs), trailing, source, norm)


def table_rows(lines: list, gaps: GapMap) -> dict[int, list[tuple[int, int]]]:
    """Line index -> cells (offsets) for the lines of every gap table in ``lines``."""
    if not gaps.at:
        return {}
    pieces = {ln.index: _pieces(ln, gaps) for ln in lines if ln.cells is None and not ln.blank}
    out: dict[int, list[tuple[int, int]]] = {}
    i = 0
    while i < len(lines):
        block = _block(lines, i, pieces)
        if block and not _aligned(block, pieces, gaps):
            block = []
        if not block:
            i += 1
            continue
        out.update(_align(block, pieces, gaps))
        i = block[-1].index + 1
    return out


def _pieces(line, gaps: GapMap) -> list[tuple[int, int, int]]:
    """(start, end, tabs before) of the parts a line's gaps cut it into."""
    parts = []
    start, tabs_before = line.start, 0
    for at, tabs in gaps.in_range(line.start, line.end):
        parts.append((start, at, tabs_before))
        start, tabs_before = at + 1, tabs
    parts.append((start, line.end, tabs_before))
    return [p for p in parts if p[1] > p[0]]


def _block(lines: list, i: int, pieces: dict[int, list[tuple[int, int, int]]]) -> list:
    """The table starting at line i: rows of MIN_CELLS pieces, with lines of fewer between them."""
    if len(pieces.get(lines[i].index, ())) < MIN_CELLS:
        return []
    block = [lines[i]]
    rows = 1
    j = i + 1
    while j < len(lines) and lines[j].index in pieces:
        block.append(lines[j])
        rows += len(pieces[lines[j].index]) >= MIN_CELLS
        j += 1
    while block and len(pieces[block[-1].index]) < MIN_CELLS:
        block.pop()  # the paragraph after the table is not part of it
    return block if rows >= MIN_ROWS else []


def _tab_separated(head: list[tuple[int, int, int]]) -> bool:
    return any(tabs for _, _, tabs in head)


ALIGN_SLACK = 2  # columns a cell may stand off its heading's left or right edge


def _aligned(block: list, pieces: dict[int, list[tuple[int, int, int]]], gaps: GapMap) -> bool:
    """A tab-separated block is a table; a space-separated one only when its rows line up under the
    heading (cells starting or ending where heading cells do): stray double spaces in prose do not."""
    head = pieces[block[0].index]
    if _tab_separated(head):
        return True
    lefts = [gaps.column(a) for a, _, _ in head]
    rights = [left + (b - a) for left, (a, b, _) in zip(lefts, head, strict=True)]
    aligned_rows = 0
    for ln in block[1:]:
        parts = pieces[ln.index]
        if len(parts) < MIN_CELLS:
            continue
        hits = 0
        for a, b, _ in parts[1:]:
            left = gaps.column(a)
            right = left + (b - a)
            hits += any(abs(left - x) <= ALIGN_SLACK for x in lefts) or any(abs(right - x) <= ALIGN_SLACK
                                                                              for x in rights)
        aligned_rows += hits * 3 >= 2 * (len(parts) - 1)
    return aligned_rows >= MIN_ROWS - 1


def _align(block: list, pieces: dict[int, list[tuple[int, int, int]]], gaps: GapMap
           ) -> dict[int, list[tuple[int, int]]]:
    head = pieces[block[0].index]
    if _tab_separated(head):
        out = {}
        carry = 0  # a row cut short by a line break inside a cell goes on in that cell on the next line
        for ln in block:
            cells = [(ln.start, ln.start)] * carry + _by_tabs(pieces[ln.index])
            out[ln.index] = cells
            filled = len(cells) + gaps.trailing_tabs.get(ln.end, 0)  # a row's empty last cells end in tabs
            carry = len(cells) - 1 if filled < len(head) else 0
        return out
    starts = [gaps.column(a) for a, _, _ in head]
    return {ln.index: _by_column(pieces[ln.index], starts, gaps) for ln in block}


def _by_tabs(parts: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Cells of a tab-separated row: every tab beyond the first leaves an empty cell."""
    cells: list[tuple[int, int]] = []
    for k, (a, b, tabs) in enumerate(parts):
        for _ in range(max(tabs - 1, 0) if k else 0):
            cells.append((a, a))
        cells.append((a, b))
    return cells


def _by_column(parts: list[tuple[int, int, int]], starts: list[int], gaps: GapMap) -> list[tuple[int, int]]:
    """Cells of a space-aligned row, one per heading column (empty where the row has nothing)."""
    bounds = [*starts[1:], 10**9]
    spans: list[tuple[int, int] | None] = [None] * len(starts)
    for a, b, _ in parts:
        left = gaps.column(a)
        right = left + (b - a)
        overlap = [min(right, hi) - max(left, lo) for lo, hi in zip(starts, bounds, strict=True)]
        k = max(range(len(starts)), key=lambda c: (overlap[c], -abs(starts[c] - left)))
        span = spans[k]
        spans[k] = (a, b) if span is None else (span[0], b)
    cells: list[tuple[int, int]] = []
    pos = parts[0][0]
    for span in spans:
        cells.append(span if span is not None else (pos, pos))
        pos = cells[-1][1]
    return cells
