"""PDF: the text layer in reading order, rebuilt into the paragraphs the author typed.

pypdfium2 (Apache/BSD) reads the text layer and every character's box about 30 times faster than
pdfplumber; pdfplumber is only opened for pages that draw ruling lines, where its table finder gives
the cell grid (cell text is then read from the same pdfium text layer, so both agree). From the
boxes we:

* split a line where a wide gap separates two columns (the Nghị định 30 header block) and emit the
  left column before the right one;
* drop running headers, footers and page numbers ("Trang 1/3", "- 2 -") repeated across pages;
* rejoin lines the layout wrapped: the next line continues the paragraph when its first word would
  not have fitted at the end of the previous line, the spacing is that of a line (not a paragraph),
  and it does not open a list item or heading;
* render tables one row per line, cells joined by " | ", a merged cell once.

Pages without a text layer go to Tesseract OCR (``readers.ocr``) when it is installed.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from ..errors import CorruptDocument, EmptyDocument, EncryptedDocument, LimitExceeded, MissingDependency
from .base import Origin, RepairNote, SourceText
from .cues import cues

MAX_PAGES = 2000
MIN_TEXT_CHARS = 16  # a page with fewer text-layer characters than this is treated as a scan
TABLE_MIN_PATHS = 4  # ruling lines a page needs before pdfplumber looks for a table
CHROME_ZONE = 0.12  # share of the page height, top and bottom, where running headers live
_COMBINING_AFTER_SPACE = re.compile(r"\s+(?=[\u0300-\u036f])")


@dataclass
class Line:
    """One visual line (or column segment) with its box in points, y growing downwards."""

    text: str
    page: int
    left: float
    top: float
    right: float
    bottom: float
    first_word: float = 0.0
    number: int = 0
    rows: list[str] | None = None  # set for a table: its rendered rows
    header: int = 0  # column (1 left, 2 right) of the two-column header block: never joined to body

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    ocr: bool = False


def read_pdf(data: bytes, *, password: str | None = None, ocr: bool = True) -> SourceText:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        msg = str(err).lower()
        if "password" in msg:
            if password:
                raise EncryptedDocument("the PDF password given is not correct") from err
            raise EncryptedDocument("the PDF is password-protected: give its password to read it") from err
        raise CorruptDocument("the PDF is damaged or truncated and cannot be opened") from err
    try:
        if len(doc) == 0:
            raise CorruptDocument("the PDF has no pages (damaged or truncated)")
        if len(doc) > MAX_PAGES:
            raise LimitExceeded(f"the PDF has {len(doc)} pages (limit {MAX_PAGES})")
        pages = [_read_page(doc, i, data, password) for i in range(len(doc))]
        scans = [p for p in pages if not p.lines]
        if scans:
            _ocr_pages(doc, scans, ocr=ocr, any_text=len(scans) < len(pages))
    finally:
        doc.close()
    _drop_chrome(pages)
    text, origins, ocr_ranges = _assemble(pages)
    if not text.strip():
        raise EmptyDocument("the PDF holds no text")
    repairs = [RepairNote("ocr", s, e, f"page {n}") for s, e, n in ocr_ranges]
    return SourceText(text=text, format="pdf", encoding=None, origins=origins, repairs=repairs)


# ---------------------------------------------------------------- text layer


def _read_page(doc, index: int, data: bytes, password: str | None) -> Page:
    page = doc[index]
    width, height = page.get_size()
    result = Page(index + 1, width, height)
    try:
        tp = page.get_textpage()
        n = tp.count_chars()
        raw = tp.get_text_range() if n else ""
        if sum(not c.isspace() for c in raw) < MIN_TEXT_CHARS:
            return result
        result.lines = _lines(tp, raw, n, index + 1, height)
        if _count_paths(page) >= TABLE_MIN_PATHS:
            _insert_tables(result, tp, data, password)
    except LimitExceeded:
        raise
    except Exception as err:  # pdfium refuses a damaged page: report the file, not a traceback
        raise CorruptDocument(f"the PDF is damaged: page {index + 1} cannot be read") from err
    return result


def _lines(tp, raw: str, n: int, page_no: int, height: float) -> list[Line]:
    aligned = len(raw) == n
    lines: list[Line] = []
    start = 0
    for piece in re.split(r"(\r\n|\n|\r)", raw) + [""]:
        if piece in ("\r\n", "\n", "\r"):
            start += len(piece)
            continue
        if piece.strip():
            if aligned:
                lines.extend(_segments(tp, piece, start, page_no, height))
            else:  # surrogate pairs shifted the indices: keep the text, guess the geometry
                lines.append(Line(_clean(piece), page_no, 0, len(lines) * 14.0, 0, len(lines) * 14.0 + 12))
        start += len(piece)
    for i, line in enumerate(lines):
        line.number = i + 1
    return lines


def _segments(tp, piece: str, start: int, page_no: int, height: float) -> list[Line]:
    """Boxes of one pdfium line; a gap as wide as a column gutter splits it into segments."""
    idx = [start + i for i, c in enumerate(piece) if not c.isspace()]
    boxes = [tp.get_charbox(i, loose=True) for i in idx]  # (left, bottom, right, top), y upwards
    widths = sorted(b[2] - b[0] for b in boxes)
    char_w = widths[len(widths) // 2] if widths else 5.0
    gutter = max(4 * char_w, 24.0)
    groups: list[list[int]] = [[0]]
    for k in range(1, len(idx)):
        if boxes[k][0] - boxes[k - 1][2] > gutter:
            groups.append([k])
        else:
            groups[-1].append(k)
    out = []
    for g in groups:
        a, b = idx[g[0]] - start, idx[g[-1]] - start + 1
        text = _clean(piece[a:b])
        gb = [boxes[k] for k in g]
        first_end = next((k for k in g if k + 1 < len(idx) and idx[k + 1] - idx[k] > 1), g[-1])
        # median, not extreme, vertical bounds: a stacked diacritic must not move the line
        top = height - statistics.median(x[3] for x in gb)
        bottom = height - statistics.median(x[1] for x in gb)
        out.append(Line(text, page_no, min(x[0] for x in gb), top, max(x[2] for x in gb), bottom,
                        first_word=boxes[first_end][2] - boxes[g[0]][0]))
    return out


def _clean(s: str) -> str:
    """Whole diacritics: pdfium sometimes puts a space before a combining tone mark."""
    s = _COMBINING_AFTER_SPACE.sub("", s.replace("\ufffe", "").replace("\x02", "-"))
    return unicodedata.normalize("NFC", " ".join(s.split()))


def _count_paths(page) -> int:
    import pypdfium2.raw as pdfium_c

    count = 0
    for _obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        count += 1
        if count >= TABLE_MIN_PATHS:
            break
    return count


# ---------------------------------------------------------------- tables


def _insert_tables(page: Page, tp, data: bytes, password: str | None) -> None:
    """Replace the lines inside each ruled table by one table line holding its rows."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), password=password or "") as pl:
        tables = pl.pages[page.number - 1].find_tables()
        found = []
        for t in tables:
            rows = []
            for row in t.rows:
                cells = []
                for cell in row.cells:
                    if cell is None:
                        continue  # covered by a merged cell: read once, where it starts
                    x0, top, x1, bottom = cell
                    cells.append(_clean(tp.get_text_bounded(x0, page.height - bottom, x1, page.height - top)))
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                found.append((t.bbox, rows))
    for (x0, top, x1, bottom), rows in found:
        inside = [i for i, ln in enumerate(page.lines)
                  if top - 1 <= (ln.top + ln.bottom) / 2 <= bottom + 1 and ln.right > x0 and ln.left < x1]
        if not inside:
            continue
        table = Line("\n".join(rows), page.number, x0, top, x1, bottom, rows=rows,
                     number=page.lines[inside[0]].number)
        keep = [ln for i, ln in enumerate(page.lines) if i not in set(inside)]
        keep.insert(inside[0], table)
        page.lines = keep


# ---------------------------------------------------------------- OCR


def _ocr_pages(doc, scans: list[Page], *, ocr: bool, any_text: bool) -> None:
    from .ocr import NO_OCR, ocr_lines, tesseract_vie

    if not ocr or tesseract_vie() is None:
        if any_text:
            return  # a few image-only pages (a scanned annex) in a text PDF: read what has text
        raise MissingDependency(NO_OCR if ocr else "the PDF has no text layer and OCR is turned off")
    dpi = 300
    for page in scans:
        bitmap = doc[page.number - 1].render(scale=dpi / 72)
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG")
        page.ocr = True
        page.lines = []
        for i, ol in enumerate(ocr_lines(buf.getvalue(), scale=72 / dpi)):
            text = _clean(ol.text)
            words = text.split()
            per_char = (ol.right - ol.left) / max(len(text), 1)
            page.lines.append(Line(text, page.number, ol.left, ol.top, ol.right, ol.bottom,
                                   first_word=per_char * len(words[0]) if words else 0.0, number=i + 1))


# ---------------------------------------------------------------- chrome


def _chrome_key(line: Line) -> tuple[str, int]:
    """Running headers repeat their words (page numbers aside) at the same height on every page."""
    return re.sub(r"\d+", "#", line.text.casefold()).strip(), round(line.top / 6)


def _drop_chrome(pages: list[Page]) -> None:
    """Drop running headers/footers (the same line, digits aside, on many pages) and page numbers."""
    text_pages = [p for p in pages if p.lines]
    counts: dict[tuple[str, int], int] = {}
    for p in text_pages:
        for key in {_chrome_key(ln) for ln in _edge_lines(p)}:
            counts[key] = counts.get(key, 0) + 1
    repeat = max(2, (len(text_pages) + 1) // 2)
    c = cues()
    for p in text_pages:
        edge = {id(ln) for ln in _edge_lines(p)}
        p.lines = [ln for ln in p.lines
                   if not (id(ln) in edge and ln.rows is None
                           and (c.is_page_number(ln.text)
                                or (len(text_pages) >= 2 and counts.get(_chrome_key(ln), 0) >= repeat)))]


def _edge_lines(page: Page) -> list[Line]:
    """The first and last two lines of a page, when they sit in the top or bottom margin zone.

    Running headers and footers are short; a full-width line is body text even if a form repeats it.
    """
    by_y = sorted(page.lines, key=lambda ln: ln.top)
    cand = by_y[:2] + by_y[-2:]
    zone = CHROME_ZONE * page.height
    body_width = max((ln.right - ln.left for ln in page.lines), default=0.0)
    return [ln for ln in cand if (ln.bottom <= zone or ln.top >= page.height - zone)
            and ln.right - ln.left < 0.7 * body_width]


# ---------------------------------------------------------------- header block and paragraphs


def _header_block(page: Page) -> None:
    """On page 1, put the two-column header's left column before its right column.

    The gutter is found from two segments sharing a baseline, or else from the national motto
    ("CỘNG HÒA ...") standing in the right half. Lines a narrow column wrapped (a long "V/v" subject)
    are rejoined inside their column.
    """
    lines = page.lines
    head = lines[:25]
    pairs = [(a, b) for a, b in zip(head, head[1:], strict=False) if abs(a.top - b.top) < 2 and b.left > a.right]
    if pairs:
        split = statistics.median((a.right + b.left) / 2 for a, b in pairs)
    else:
        motto = next((ln for ln in head if ln.rows is None and cues().header_table_markers[0].search(ln.text)), None)
        if motto is None or motto.left < 0.25 * page.width:
            return
        split = motto.left - 2
    n = 0
    while n < len(lines) and lines[n].rows is None and (lines[n].right < split or lines[n].left > split):
        n += 1
    # the block ends with the right column ("Kính gửi:" below it is body, even if short)
    n = max((i + 1 for i in range(n) if lines[i].left > split), default=0)
    block = lines[:n]
    left = _join_column([ln for ln in block if ln.right < split])
    right = _join_column([ln for ln in block if ln.left > split])
    if not left or not right:
        return
    for ln in left:
        ln.header = 1
    for ln in right:
        ln.header = 2
    page.lines = left + right + lines[n:]


def _join_column(lines: list[Line]) -> list[Line]:
    """Rejoin the lines a narrow header column wrapped; capitals, "Số:" and date lines stand alone."""
    if not lines:
        return lines
    width = max(ln.right - ln.left for ln in lines)
    c = cues()
    out = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        if (not _upper(prev.text) and not _upper(ln.text) and not c.number_line.match(prev.text)
                and not c.is_header_table_text(ln.text) and not c.starts_header_line(ln.text)
                and not _opens_item(ln.text)
                and not _RULE.fullmatch(ln.text) and prev.right - prev.left >= 0.75 * width
                and 0 < ln.top - prev.top < 2.5 * prev.size):
            out[-1] = Line(f"{prev.text} {ln.text}", prev.page, min(prev.left, ln.left), prev.top,
                           max(prev.right, ln.right), ln.bottom, prev.first_word, prev.number)
        else:
            out.append(ln)
    return out


def _assemble(pages: list[Page]) -> tuple[str, list[Origin], list[tuple[int, int, int]]]:
    seq: list[Line] = []
    for p in pages:
        if p.number == 1 or (p.lines and not seq):
            _header_block(p)
        seq.extend(p.lines)
    geometry = {p.number: _page_geometry(p) for p in pages if p.lines}
    # Margins are the document's: a page holding only a signature block has no full-width line.
    full = [g for p, g in ((p, geometry.get(p.number)) for p in pages) if g is not None and g.reliable]
    if full:
        left = statistics.median(g.left for g in full)
        right = statistics.median(g.right for g in full)
        for g in geometry.values():
            if not g.reliable:
                g.left, g.right = left, right
    parts: list[str] = []
    origins: list[Origin] = []
    ocr_ranges: list[tuple[int, int, int]] = []
    ocr_pages = {p.number for p in pages if p.ocr}
    pos = 0
    prev: Line | None = None
    for ln in seq:
        if prev is not None:
            sep = _separator(prev, ln, geometry)
            parts.append(sep)
            pos += len(sep)
        text = ln.text
        origins.append(Origin(pos, pos + len(text), f"page {ln.page} " + ("table" if ln.rows else "line")
                              + f" {ln.number}"))
        if ln.page in ocr_pages:
            ocr_ranges.append((pos, pos + len(text), ln.page))
        parts.append(text)
        pos += len(text)
        prev = ln
    merged: list[tuple[int, int, int]] = []
    for s, e, n in ocr_ranges:
        if merged and merged[-1][2] == n:
            merged[-1] = (merged[-1][0], e, n)
        else:
            merged.append((s, e, n))
    return "".join(parts), origins, merged


@dataclass
class _Geometry:
    left: float
    right: float
    pitch: float
    reliable: bool = True  # margins seen on enough full lines


def _page_geometry(page: Page) -> _Geometry:
    body = [ln for ln in page.lines if ln.rows is None and not ln.header]
    if not body:
        body = page.lines
    long_lines = [ln for ln in body if len(ln.text) >= 30]
    reliable = len(long_lines) >= 3
    long_lines = long_lines or body
    deltas = [round((b.top - a.top) * 2) / 2 for a, b in zip(body, body[1:], strict=False)
              if 0 < b.top - a.top < 3 * a.size]
    repeated = sorted(d for d in set(deltas) if deltas.count(d) >= max(2, len(deltas) // 10))
    # line pitch: the smallest spacing seen twice (paragraph spacing is larger)
    pitch = repeated[0] if repeated else (statistics.median(deltas) if deltas else 14.0)
    return _Geometry(min(ln.left for ln in long_lines), max(ln.right for ln in long_lines), pitch, reliable)


def _separator(prev: Line, nxt: Line, geometry: dict[int, _Geometry]) -> str:
    """" " to rejoin a wrapped line, "\\n" for a new line, "\\n\\n" for a new paragraph or block."""
    if prev.rows is not None or nxt.rows is not None:
        return "\n\n"
    if prev.header or nxt.header:
        return "\n" if prev.header == nxt.header else "\n\n"
    g = geometry.get(prev.page)
    same_page = prev.page == nxt.page
    gap_break = False
    if same_page and g is not None:
        dy = nxt.top - prev.top
        if dy < 0 or dy > g.pitch + max(0.25 * prev.size, 2.0):
            gap_break = True
    new_line = "\n\n" if gap_break else "\n"
    if gap_break or g is None:
        return new_line
    if (_opens_item(nxt.text) or _RULE.fullmatch(nxt.text) or _RULE.fullmatch(prev.text)
            or cues().stands_alone(nxt.text)):
        return new_line
    if abs(nxt.size - prev.size) > 0.2 * max(prev.size, nxt.size):
        return new_line
    if _upper(prev.text) != _upper(nxt.text):
        return new_line
    width = max(g.right - g.left, 1.0)
    prev_centered = _centered(prev, g)
    if prev_centered or _centered(nxt, g):
        if prev_centered and _centered(nxt, g) and prev.right - prev.left >= 0.6 * width:
            return " "
        return new_line
    room = g.right - prev.right
    if nxt.first_word + 0.25 * nxt.size <= room + 1:
        return new_line  # the next line's first word would have fitted: the author broke the line
    return " "


def _opens_item(text: str) -> bool:
    """A list label followed by the item's first word ("1. Thực hiện", "a) Tỷ lệ", "- Tổ chức").

    A wrapped line may begin with "0." or "- 2025" by chance: a number label needs a capital after it,
    and no label is followed by a digit or by nothing.
    """
    m = cues().list_label.match(text)
    if not m:
        return False
    rest = text[m.end():].lstrip()
    if not rest or rest[0].isdigit():
        return False
    return not m.group()[0].isdigit() or rest[0].isupper()


def _upper(text: str) -> bool:
    """A heading in capitals (two words at least: "02/2017/TT-VPCP." is not one)."""
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 2]
    letters = [c for c in text if c.isalpha()]
    return len(words) >= 2 and all(c.isupper() for c in letters)


_RULE = re.compile(r"[-_=.*~•]{3,}")


def _centered(ln: Line, g: _Geometry) -> bool:
    width = max(g.right - g.left, 1.0)
    lm, rm = ln.left - g.left, g.right - ln.right
    return lm > 0.08 * width and abs(lm - rm) < 0.08 * width
