"""Word (.docx): body paragraphs and tables in document order, list numbers rendered as shown.

python-docx opens the package and gives the numbering and style parts; the body is walked as XML so
that tables, content controls and text boxes keep their place, tracked deletions are skipped, merged
cells are read once, and Word's automatic numbering comes back as the "1.", "a)", "-" labels the
reader sees (the section path of every target depends on them). Page headers and footers are running
chrome, as in a PDF, and are left out.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from ..errors import CorruptDocument, EmptyDocument, LimitExceeded, UnsupportedFormat
from .base import SourceText, assemble
from .cues import cues

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes the whole package may expand to
MAX_RATIO = 200  # expansion a single large member may show (zip bombs show thousands)
RATIO_MIN_SIZE = 1024 * 1024  # small members are exempt: a tiny XML file compresses very well
MAX_MEMBERS = 10_000
LAYOUT_TABLE_MAX_ROWS = 6

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_package(data: bytes) -> None:
    """Refuse zip bombs and XML with DTDs before any XML parser sees the package."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise CorruptDocument("the Word file is damaged or truncated (not a readable ZIP package)") from err
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise LimitExceeded(f"the Word package holds {len(infos)} parts (limit {MAX_MEMBERS})")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise LimitExceeded(f"the Word package expands to {total // 2**20} MB "
                                f"(limit {MAX_UNCOMPRESSED // 2**20} MB)")
        for info in infos:
            if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise LimitExceeded(f"the Word part {info.filename} expands {ratio} times (limit {MAX_RATIO}): "
                                    "refusing a possible zip bomb")
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with zf.open(info) as fh:
                    head = fh.read(min(info.file_size, MAX_UNCOMPRESSED) + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as err:
                raise CorruptDocument(f"the Word file is damaged: cannot read {info.filename}") from err
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                head = head.decode("utf-16", "replace").encode("utf-8", "replace")
            if _DTD.search(head):
                raise CorruptDocument(f"the Word part {info.filename} declares a DTD or entities, which Word "
                                      "never writes; refusing it")


# ---------------------------------------------------------------- numbering


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Render a list counter the way Word shows it.

    >>> [format_number(4, f) for f in ("decimal", "lowerLetter", "upperRoman", "decimalZero")]
    ['4', 'd', 'IV', '04']
    """
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


_DASHES = {"-", "\u2013", "\u2014", "\u2012", "\u2212", "\u2010"}


@dataclass
class _Level:
    start: int = 0
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass
class Numbering:
    """Word list definitions and the running counters, one set per abstract list like Word keeps."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root) -> Numbering:
        num = cls()
        if root is None:
            return num
        for absn in root.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            num.levels[aid] = {int(lvl.get(W + "ilvl", "0")): _parse_level(lvl) for lvl in absn.iter(W + "lvl")}
        for n in root.iter(W + "num"):
            nid = n.get(W + "numId")
            a = n.find(W + "abstractNumId")
            if a is None:
                continue
            num.nums[nid] = a.get(W + "val")
            for ov in n.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    num.overrides.setdefault(nid, {})[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val", "0"))
        return num

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (list, level) and return the label Word would print."""
        aid = self.nums.get(num_id)
        if aid is None or aid not in self.levels:
            return ""
        levels = self.levels[aid]
        counters = self.counters.setdefault(aid, [None] * 10)
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
                counters[lvl + 1:] = [None] * (9 - lvl)
        ilvl = min(max(ilvl, 0), 8)
        level = levels.get(ilvl, _Level())
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        counters[ilvl + 1:] = [None] * (9 - ilvl)
        if level.fmt == "bullet":
            mark = level.text.strip()
            if mark in _DASHES:
                return "-"
            if mark == "+":
                return "+"
            return "-" if ilvl == 0 else "+"

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = counters[k] if counters[k] is not None else lv.start
            return format_number(value, "decimal" if level.legal and k != ilvl else lv.fmt)

        return re.sub(r"%([1-9])", sub, level.text).strip()


def _parse_level(lvl) -> _Level:
    def val(tag: str, default: str) -> str:
        el = lvl.find(W + tag)
        return el.get(W + "val", default) if el is not None else default

    try:
        start = int(val("start", "0"))
    except ValueError:
        start = 0
    legal = lvl.find(W + "isLgl") is not None
    return _Level(start=start, fmt=val("numFmt", "decimal"), text=val("lvlText", ""), legal=legal)


# ---------------------------------------------------------------- styles


def _style_numbering(styles_root) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry list numbering ("List Number"), following basedOn chains."""
    if styles_root is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for st in styles_root.iter(W + "style"):
        sid = st.get(W + "styleId")
        b = st.find(W + "basedOn")
        if b is not None:
            based[sid] = b.get(W + "val")
        numpr = st.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            nid = numpr.find(W + "numId")
            il = numpr.find(W + "ilvl")
            own[sid] = (nid.get(W + "val") if nid is not None else None,
                        int(il.get(W + "val", "0")) if il is not None else None)
    out = {}
    for sid in set(own) | set(based):
        nid, il, cur, hops = None, None, sid, 0
        while cur and hops < 20:
            n, i = own.get(cur, (None, None))
            nid = nid if nid is not None else n
            il = il if il is not None else i
            cur, hops = based.get(cur), hops + 1
        if nid:
            out[sid] = (nid, il or 0)
    return out


# ---------------------------------------------------------------- body walk


@dataclass
class _Block:
    """A paragraph (lines) or a table (rows of cell texts) with where each piece came from."""

    lines: list[tuple[str, str]]  # (text, where)
    table: bool = False


class _Walker:
    def __init__(self, numbering: Numbering, style_num: dict[str, tuple[str, int]]):
        self.numbering = numbering
        self.style_num = style_num
        self.paragraphs = 0
        self.tables = 0

    def blocks(self, container) -> list[_Block]:
        out: list[_Block] = []
        for el in container:
            tag = el.tag
            if tag == W + "p":
                out.extend(self.paragraph_blocks(el))
            elif tag == W + "tbl":
                out.append(self.table(el))
            elif tag in (W + "sdt", W + "customXml", W + "ins"):
                content = el.find(W + "sdtContent") if tag == W + "sdt" else el
                if content is not None:
                    out.extend(self.blocks(content))
        return out

    def paragraph_blocks(self, p) -> list[_Block]:
        text, boxes = self.paragraph_text(p)
        self.paragraphs += 1
        out = []
        if text.strip():
            out.append(_Block([(text, f"paragraph {self.paragraphs}")]))
        for box in boxes:
            out.extend(self.blocks(box))
        return out

    def paragraph_text(self, p) -> tuple[str, list]:
        parts: list[str] = []
        boxes: list = []
        self._runs(p, parts, boxes)
        text = unicodedata.normalize("NFC", "".join(parts))
        text = "\n".join(line.strip() for line in text.split("\n"))
        label = self._label(p)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        return text.strip("\n"), boxes

    def _runs(self, el, parts: list[str], boxes: list) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self._run(child, parts, boxes)
            elif tag in (W + "hyperlink", W + "ins", W + "smartTag", W + "fldSimple", W + "customXml",
                         W + "moveTo", W + "dir", W + "bdo"):
                self._runs(child, parts, boxes)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._runs(content, parts, boxes)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self._runs(choice, parts, boxes)

    def _run(self, r, parts: list[str], boxes: list) -> None:
        for child in r:
            tag = child.tag
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") not in ("page", "column"):
                    parts.append("\n")
                else:
                    parts.append(" ")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag in (W + "drawing", W + "pict", MC + "AlternateContent"):
                scope = child.find(MC + "Choice") if tag == MC + "AlternateContent" else child
                if scope is not None:
                    boxes.extend(scope.iter(W + "txbxContent"))

    def _label(self, p) -> str:
        ppr = p.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(W + "numPr")
            style = ppr.find(W + "pStyle")
            if style is not None and style.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[style.get(W + "val")]
            if numpr is not None:
                nid = numpr.find(W + "numId")
                il = numpr.find(W + "ilvl")
                if nid is not None:
                    num_id = nid.get(W + "val")
                if il is not None:
                    ilvl = int(il.get(W + "val", "0") or 0)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl)

    def table(self, tbl) -> _Block:
        self.tables += 1
        t = self.tables
        rows: list[list[tuple[list[str], str]]] = []
        own_rows = [tr for tr in tbl.iter(W + "tr") if _owner_table(tr) is tbl]
        for r, tr in enumerate(own_rows):
            cells = []
            for c, tc in enumerate(x for x in tr if x.tag in (W + "tc", W + "sdt")):
                if tc.tag == W + "sdt":
                    inner = tc.find(f"{W}sdtContent/{W}tc")
                    if inner is None:
                        continue
                    tc = inner
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                    continue  # the merged cell was read in the row where it starts
                lines = []
                for block in self.blocks(tc):
                    lines.extend(text for text, _ in block.lines)
                cells.append((lines, f"table {t} row {r + 1} cell {c + 1}"))
            rows.append(cells)
        flat = " ".join(" ".join(lines) for row in rows for lines, _ in row)
        if len(rows) <= LAYOUT_TABLE_MAX_ROWS and rows and max(len(r) for r in rows) == 2 \
                and cues().is_header_table_text(flat):
            # The Nghị định 30 header: issuer and number on the left, motto, place and date on the right.
            out = []
            # A blank line between the columns: the subject under "Số:" must not run into the motto.
            for col in (0, 1):
                if col and out:
                    out.append(("", ""))
                for row in rows:
                    if len(row) > col:
                        lines, where = row[col]
                        out.extend((line, where) for text in lines for line in text.split("\n") if line.strip())
            return _Block(out)
        out_rows = []
        for row in rows:
            cells_text = [" ".join(" ".join(lines).split()) for lines, _ in row]
            if any(cells_text):
                out_rows.append((" | ".join(cells_text), f"table {t} row {len(out_rows) + 1}"))
        return _Block(out_rows, table=True)


def _owner_table(tr):
    el = tr.getparent()
    while el is not None and el.tag != W + "tbl":
        el = el.getparent()
    return el




def read_docx(data: bytes) -> SourceText:
    check_package(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as err:
        raise CorruptDocument("the Word file is damaged: its main document part is missing") from err
    except ValueError as err:
        raise UnsupportedFormat(f"not a Word document that can be read: {str(err).splitlines()[0][:120]}") from err
    except Exception as err:  # lxml syntax errors and other parse failures of damaged parts
        raise CorruptDocument(f"the Word file is damaged: {type(err).__name__}") from err
    try:
        numbering_root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_root = None
    try:
        styles_root = document.part.styles.element
    except (NotImplementedError, KeyError, AttributeError):
        styles_root = None
    walker = _Walker(Numbering.from_xml(numbering_root), _style_numbering(styles_root))
    body = document.element.body
    text, origins = assemble([block.lines for block in walker.blocks(body)])
    if not text.strip():
        raise EmptyDocument("the Word document holds no text")
    return SourceText(text=text, format="docx", encoding=None, origins=origins)
