"""Layout cues (list labels, page numbers, header-table markers) loaded from lang/vi/reader_cues.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Cues:
    header_table_markers: tuple[re.Pattern, ...]
    list_label: re.Pattern
    page_number: tuple[re.Pattern, ...]
    header_line_starts: tuple[re.Pattern, ...]
    number_line: re.Pattern
    standalone_line_starts: tuple[re.Pattern, ...]

    def is_header_table_text(self, text: str) -> bool:
        return any(p.search(text) for p in self.header_table_markers)

    def is_page_number(self, line: str) -> bool:
        s = line.strip()
        return any(p.match(s) for p in self.page_number)

    def starts_header_line(self, line: str) -> bool:
        """Lines of the header block that always begin a line of their own ("Số:", "V/v", "Kính gửi")."""
        return any(p.match(line.lstrip()) for p in self.header_line_starts)

    def stands_alone(self, line: str) -> bool:
        """Lines that always begin a line of their own, even after a line filling the width."""
        return any(p.match(line.lstrip()) for p in self.standalone_line_starts)

    def starts_with_label(self, line: str) -> bool:
        return bool(self.list_label.match(line.lstrip() + " "))


@cache
def cues() -> Cues:
    """Load and compile the cues once; a bad pattern fails here, not halfway through a document."""
    path = resources.files("cchc_extract") / "lang" / "vi" / "reader_cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        return Cues(
            header_table_markers=tuple(re.compile(p) for p in data["header_table_markers"]),
            list_label=re.compile(data["list_label"]),
            page_number=tuple(re.compile(p) for p in data["page_number"]),
            header_line_starts=tuple(re.compile(p) for p in data["header_line_starts"]),
            number_line=re.compile(data["number_line"]),
            standalone_line_starts=tuple(re.compile(p) for p in data["standalone_line_starts"]),
        )
    except (KeyError, re.error) as err:
        raise ValueError(f"reader_cues.json is malformed: {err}") from err
