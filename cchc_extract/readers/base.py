"""What every reader returns: decoded text plus a map back to where each piece came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """A range of the reader's text and where it came from (page/line, paragraph, table cell)."""

    start: int
    end: int
    where: str  # e.g. "page 2 line 14", "paragraph 7", "table 1 row 3 cell 2"


@dataclass
class RepairNote:
    """A repair made by a reader, in reader-text offsets (converted to normalised offsets later)."""

    kind: str
    start: int
    end: int
    original: str


@dataclass
class SourceText:
    text: str
    format: str
    encoding: str | None = None
    origins: list[Origin] = field(default_factory=list)
    repairs: list[RepairNote] = field(default_factory=list)


def assemble(blocks: list[list[tuple[str, str]]]) -> tuple[str, list[Origin]]:
    """Join blocks of (line, where) pairs: lines by "\n", blocks by a blank line, with the origin of
    every non-empty line, so offsets map back to a paragraph, table cell or page line."""
    parts: list[str] = []
    origins: list[Origin] = []
    pos = 0
    for block in blocks:
        if not block:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        for i, (line, where) in enumerate(block):
            if i:
                parts.append("\n")
                pos += 1
            parts.append(line)
            if line:
                origins.append(Origin(pos, pos + len(line), where))
            pos += len(line)
    return "".join(parts), origins
