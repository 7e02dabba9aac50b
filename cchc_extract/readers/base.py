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
