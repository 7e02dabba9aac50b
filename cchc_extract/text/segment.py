"""Segment normalised text into lines with zones, list labels, section paths, clauses and table rows.

Zones say where a number can be a target at all: ``header`` (issuer, Số, date, title), ``recipients``
(Kính gửi), ``body``, ``closing`` (Nơi nhận and the signature block) and ``chrome`` (web page menus and
counters).  Section paths follow the labels a reader sees: "I." > "1." > "a)"; list items ("-", "+")
remember the line that introduced them, which supplies indicator context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..lang.loader import load_yaml
from .gap_tables import NO_GAPS, GapMap, table_rows

_ROMAN = regex.compile(r"(?:(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+)?([IVXL]{1,5})\s*[.\-):]\s*(?=\S)")
_ARABIC = regex.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3}(?!\d)\.?(?=\s)|\d{1,2}[.)](?![\d/]))\s*(?=\S)")
_LETTER = regex.compile(r"([a-zđ])\s*[).]\s+(?=\S)")
_BULLET = regex.compile(r"([-•*●▪◦‣∙·]|\+)\s*(?=\S)")
_ARTICLE = regex.compile(r"(Điều\s+\d{1,3})\s*[.:]\s*")
_TABLE_SEP = regex.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$")
_SENTENCE_END = regex.compile(r"[;!?](?=\s|$)|\.(?=\s+[\p{Lu}\d*\-+(“\"]|\s*$)")
_ABBREV_BEFORE_DOT = regex.compile(r"(?:(?:^|[\s:;(])(?:\d{1,2}|[IVX]{1,4}|[a-zđ])$|"
                                   r"\b(?:TP|Tp|tp|P|Q|TS|ThS|PGS|GS|BS|KS|CN|St|v\.v|Th|TX|TT|H|X|Ô|Bà|Mr|Ms|No)|"
                                   r"\b\p{Lu})$")
_BODY_OPENERS = regex.compile(r"(?i)^(căn cứ|thực hiện|thi hành|theo|nhằm|để|trong|ngày|sáng|chiều|tối|qua|hiện nay|"
                              r"trên cơ sở|ủy ban nhân dân|uỷ ban nhân dân|ubnd|sở|phòng|ban)\b")
_CHROME_MAX = 160
_MAX_CELL = 400
_KINH_GUI = regex.compile(r"(?i)^(\*\*)?kính\s+gửi\b")
_NOI_NHAN = regex.compile(r"(?i)^(\*\*)?nơi\s+nhận\b")
# Lines that close the header: a document title in capitals, "V/v ...", the place-and-date line, a web date.
_TITLE_LINE = regex.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|THÔNG BÁO|CHỈ THỊ|NGHỊ QUYẾT|CÔNG VĂN|TỜ TRÌNH|HƯỚNG DẪN|"
                            r"CHƯƠNG TRÌNH|CÔNG ĐIỆN|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH)\b|^\W{0,3}(?:V/v|Về việc)\b")
_HEADER_LINE = regex.compile(r"(?i),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|^\W{0,3}Số\s*:|"
                             r"^(?:thứ\s+\p{L}+,\s*)?\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}\b|cập nhật|ngày đăng")
_ATTACHED_TITLE = regex.compile(r"(?:KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|BỘ TIÊU CHÍ|BỘ CHỈ SỐ|THÔNG BÁO|CHỈ THỊ|NGHỊ QUYẾT|"
                                r"CHƯƠNG TRÌNH|ĐỀ ÁN|"
                                r"QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|PHỤ LỤC|DANH MỤC|BIỂU|BẢNG|[IVX]{1,4}\.|PHẦN)\b")
_TITLE_CAPS = regex.compile(r"^[\p{Lu}\d\s,.\-–:;()/\"“”]+$")
# The first character of a line (after "**" or "__") decides which one label pattern can match: their
# first characters are disjoint. Any other non-ASCII character may be a Unicode digit (arabic).
_LABEL_BY_FIRST: dict[str, tuple[str, regex.Pattern[str]]] = {
    "Đ": ("article", _ARTICLE),
    **dict.fromkeys("PCMIVXL", ("roman", _ROMAN)),
    **dict.fromkeys("0123456789", ("arabic", _ARABIC)),
    **dict.fromkeys("abcdefghijklmnopqrstuvwxyzđ", ("letter", _LETTER)),
    **dict.fromkeys("-•*●▪◦‣∙·+", ("bullet", _BULLET)),
}


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str
    label: str | None = None
    label_kind: str | None = None  # roman, arabic, letter, dash, plus, article
    content_start: int = 0  # offset where the text after the label starts
    zone: str = "body"
    section: tuple[str, ...] = ()
    parent: int | None = None  # line that introduces this list item
    headings: tuple[int, ...] = ()  # lines that opened the enclosing sections, outermost first
    cells: list[tuple[int, int]] | None = None  # table row cells as offsets

    @property
    def content(self) -> str:
        return self.text[self.content_start - self.start:]

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Layout:
    text: str
    lines: list[Line] = field(default_factory=list)

    def line_at(self, offset: int) -> Line:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo]

    def body_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.zone == "body" and not ln.blank]


@lru_cache(maxsize=1)
def _chrome_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The chrome line patterns and the chrome tail patterns, each joined into one regex."""
    data = load_yaml("context.yaml")

    def joined(patterns: list[str]) -> regex.Pattern[str]:
        return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)

    return joined(data["chrome_lines"]), joined(data["chrome_tail"])


def segment(text: str, gaps: GapMap = NO_GAPS) -> Layout:
    """``gaps`` says where the reader's text had runs of space or tabs (tables laid out with them)."""
    layout = Layout(text=text)
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        line = Line(index=i, start=pos, end=pos + len(raw), text=raw, content_start=pos)
        layout.lines.append(line)
        pos += len(raw) + 1
    for line in layout.lines:
        _label(line)
        _table_cells(line)
    for index, cells in table_rows(layout.lines, gaps).items():
        layout.lines[index].cells = cells
    _zones(layout)
    _sections(layout)
    return layout


def _label(line: Line) -> None:
    s = line.text
    lead = 2 if s.startswith(("**", "__")) else 0
    first = s[lead:lead + 1]
    kind_pattern = _LABEL_BY_FIRST.get(first)
    if kind_pattern is None:
        if first.isascii():  # also the empty line
            return
        kind_pattern = ("arabic", _ARABIC)
    kind, pattern = kind_pattern
    rest = s[lead:]
    m = pattern.match(rest)
    if not m or kind == "roman" and not _is_roman_heading(rest, m):
        return
    label = m.group(1).rstrip(".)") if kind == "arabic" else m.group(1)
    if kind == "bullet":
        kind = "plus" if label == "+" else "dash"
    line.label, line.label_kind = label, kind
    line.content_start = line.start + lead + m.end()


def _is_roman_heading(rest: str, m: regex.Match[str]) -> bool:
    # "I. MỤC TIÊU" yes; "I am" no; "V/v" no (handled by the separator class excluding '/').
    after = rest[m.end():m.end() + 1]
    return bool(after) and (after.isupper() or after.isdigit() or rest[:m.end()].strip().endswith("."))


def _table_cells(line: Line) -> None:
    s = line.text
    if "|" not in s:  # neither a row nor a separator (which holds at least one "|")
        return
    if s.count("|") < 2 or _TABLE_SEP.match(s.strip()):
        if _TABLE_SEP.match(s.strip()):
            line.cells = []
        return
    cells = []
    pos = 0
    parts = s.split("|")
    # Markdown rows have outer pipes; a reader's row that opens with "|" but does not end with one
    # begins with an empty cell ("| Tổng cộng | 412.500" is an empty STT cell, then the name)
    first_inner = 1 if s.rstrip().endswith("|") else 0
    for k, part in enumerate(parts):
        a, b = pos, pos + len(part)
        pos = b + 1
        stripped = part.strip()
        if not stripped:
            if first_inner <= k < len(parts) - 1:  # an empty cell inside the row keeps the columns in place
                cells.append((line.start + a, line.start + a))
            continue
        lead = len(part) - len(part.lstrip())
        cells.append((line.start + a + lead, line.start + a + lead + len(stripped)))
    # a table row has short cells; a whole text run together that happens to hold "|" is not one
    if len(cells) >= 2 and max(b - a for a, b in cells) <= _MAX_CELL:
        line.cells = cells


def _zones(layout: Layout) -> None:
    chrome_lines, chrome_tails = _chrome_patterns()
    lines = layout.lines
    in_tail = False
    body_started = False
    title_seen = gap_after_title = False
    zone_state = None  # "recipients" / "closing" while inside those blocks
    for line in lines:
        text = line.text.strip().strip("*").strip()
        if in_tail:
            line.zone = "chrome"
            continue
        # chrome is short: a long line that happens to start with "title" is the whole text run together
        short = len(text) <= _CHROME_MAX
        if short and chrome_tails.search(text) and line.index > 3:
            in_tail = True
            line.zone = "chrome"
            continue
        if text and short and chrome_lines.search(text):
            line.zone = "chrome"
            continue
        if _KINH_GUI.match(text):
            zone_state = "recipients"
            line.zone = "recipients"
            continue
        if _NOI_NHAN.match(text):
            zone_state = "closing"
            line.zone = "closing"
            continue
        if zone_state == "recipients":
            if not text or line.label_kind in ("dash", "plus") or (len(text) < 60 and not body_started
                                                                   and not _BODY_OPENERS.match(text)):
                line.zone = "recipients"
                continue
            zone_state = None
        if zone_state == "closing":
            if not text or line.label_kind in ("dash", "plus") or len(text) < 90 and not _starts_document(text):
                line.zone = "closing"
                continue
            zone_state = None
        if not body_started:
            if _opens_body(line, text) or (gap_after_title and len(text) > 30 and not _TITLE_CAPS.match(text)
                                           and not _HEADER_LINE.search(text)):
                body_started = True
            else:
                line.zone = "header"
                if _TITLE_LINE.match(text) or _HEADER_LINE.search(text):
                    title_seen = True
                elif not text and title_seen:
                    gap_after_title = True
                continue
        line.zone = "body"


def _opens_body(line: Line, text: str) -> bool:
    if not text:
        return False
    if line.label_kind in ("roman", "arabic", "letter", "article", "dash", "plus"):
        return True
    if len(text) > 120:
        return True
    return bool(_BODY_OPENERS.match(text)) and len(text) > 40


def _starts_document(text: str) -> bool:
    """An attached document (a plan after its decision, an annex) starts with its title in capitals;
    signature titles ("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH") are capitals too but stay in the closing."""
    return bool(_TITLE_CAPS.match(text)) and bool(_ATTACHED_TITLE.match(text.strip("* ")))


def _sections(layout: Layout) -> None:
    path: dict[str, str | None] = {"roman": None, "arabic": None, "letter": None, "article": None}
    opened: dict[str, int | None] = dict.fromkeys(path)
    last_intro: int | None = None  # last non-item line, introduces following list items
    last_dash: int | None = None
    # headings and section change only at labelled lines: computed there, shared by the lines after
    headings: tuple[int, ...] = ()
    section: tuple[str, ...] = ()
    # "2." then "2.1.": a decimal label opens a sub-section whose heading keeps the enclosing "2." open
    decimal: list[tuple[tuple[str, ...], int]] = []
    for line in layout.lines:
        if line.blank:
            continue
        kind = line.label_kind
        if kind in _SECTION_KINDS:
            if kind == "roman":
                path = {"roman": line.label, "arabic": None, "letter": None, "article": None}
                opened = {"roman": line.index, "arabic": None, "letter": None, "article": None}
                decimal = []
            elif kind == "article":
                path = {"roman": path["roman"], "arabic": None, "letter": None, "article": line.label}
                opened = {"roman": opened["roman"], "arabic": None, "letter": None, "article": line.index}
                decimal = []
            elif kind == "arabic":
                path["arabic"], path["letter"] = line.label, None
                opened["arabic"], opened["letter"] = line.index, None
                parts = tuple(line.label.rstrip(".)").split("."))  # type: ignore[union-attr]
                while decimal and decimal[-1][0] != parts[:len(decimal[-1][0])]:
                    decimal.pop()
                decimal.append((parts, line.index))
            else:
                path["letter"] = line.label
                opened["letter"] = line.index
            enclosing = tuple(i for _, i in decimal[:-1])
            headings = tuple(opened[k] for k in _SECTION_ORDER[:2] if opened[k] is not None) + enclosing + \
                tuple(opened[k] for k in _SECTION_ORDER[2:] if opened[k] is not None)
            section = tuple(p.rstrip(".") for p in (path[k] for k in _SECTION_ORDER) if p)
            line.headings = tuple(i for i in headings if i != line.index)
        else:
            line.headings = headings
        line.section = section
        if kind == "dash":
            line.parent = last_intro
            last_dash = line.index
        elif kind == "plus":
            line.parent = last_dash if last_dash is not None else last_intro
        else:
            last_intro = line.index
            last_dash = None


_SECTION_KINDS = frozenset(("roman", "article", "arabic", "letter"))
_SECTION_ORDER = ("roman", "article", "arabic", "letter")


MAX_CLAUSE = 2000  # characters; real clauses are far shorter, and the cap keeps per-clause work bounded


def _capped(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a span longer than MAX_CLAUSE at spaces, so a document that is one endless line stays linear."""
    out = []
    while b - a > MAX_CLAUSE:
        cut = text.rfind(" ", a + MAX_CLAUSE // 2, a + MAX_CLAUSE)
        cut = cut if cut > a else a + MAX_CLAUSE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def clauses(line: Line) -> list[tuple[int, int]]:
    """Split a line into sentence-like clauses (offsets), at ';', '!', '?' and sentence-ending dots."""
    text = line.text
    spans = []
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "." and _ABBREV_BEFORE_DOT.search(text[max(0, m.start() - 6):m.start()]):
            continue
        end = m.end()
        if text[begin:end].strip():
            spans.append((begin, end))
        begin = end
    if text[begin:].strip():
        spans.append((begin, len(text)))
    out = []
    for a, b in (piece for span in spans for piece in _capped(text, *span)):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((line.start + a, line.start + b))
    return out
