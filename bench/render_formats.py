"""Render a plain-text document as DOCX, PDF, a portal web page, UTF-16, Windows-1258, TCVN3 and VNI.

The same document must give the same targets whatever container it arrives in; this script makes the
containers so that tests and benchmarks can check it. The renderings are deliberately realistic:
the Nghị định 30 header as a borderless two-column table, lists as Word auto-numbering (labels removed
from the text), " | " rows as real tables, PDF lines wrapped by the layout engine with running headers
and "Trang i/n" footers, and the web page wrapped in navigation, sidebar, footer and scripts.

Usage:
  python bench/render_formats.py DOC.txt [DOC.txt ...] --out OUTDIR [--formats docx,pdf,html,...]
Writes OUTDIR/<format>/<stem>.<ext>.
"""

from __future__ import annotations

import argparse
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("docx", "pdf", "html", "utf16", "cp1258", "tcvn3", "vni", "viscii")
EXTENSIONS = {"docx": "docx", "pdf": "pdf", "html": "html", "utf16": "txt", "cp1258": "txt",
              "tcvn3": "txt", "vni": "txt", "viscii": "txt"}
FONT_CANDIDATES = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "DejaVuSans.ttf",
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)

_RIGHT = re.compile(r"CỘNG H(?:ÒA|OÀ)|Độc lập\s*-|,?\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_NUMBER_LINE = re.compile(r"^Số\s*:")
_LABEL = re.compile(r"^(?:(?P<dec>\d{1,2})\.|(?P<let>[a-z])\)|(?P<rom>[IVX]{1,5})\.|(?P<bul>[-+]))\s+(?=\S)")


@dataclass
class Block:
    kind: str  # "para", "table", "header"
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)


def parse_plain(text: str) -> list[Block]:
    """Paragraphs (blank-line separated, keeping forced line breaks), tables and the header block.

    Table rows are lines with " | " between cells, with or without the outer pipes of Markdown
    (whose "|---|" separator rows are dropped).
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    paras = [[ln.strip() for ln in p.split("\n") if ln.strip()] for p in re.split(r"\n\s*\n", text)]
    paras = [p for p in paras if p]
    blocks: list[Block] = []
    header, paras = _split_header(paras)
    if header:
        blocks.append(header)
    for p in paras:
        run: list[str] = []
        kind = None
        for ln in p:
            k = "table" if _is_row(ln) else "para"
            if run and k != kind:
                blocks.append(_block(kind, run))
                run = []
            kind = k
            run.append(ln)
        if run:
            blocks.append(_block(kind, run))
    return blocks


_MD_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$")


def _is_row(line: str) -> bool:
    return line.count("|") >= 2 and (" | " in line or line.startswith("|"))


def _block(kind: str | None, lines: list[str]) -> Block:
    if kind != "table":
        return Block("para", lines=lines)
    rows = []
    for ln in lines:
        if _MD_SEP.match(ln):
            continue
        s = ln.strip()
        if s.startswith("|") and s.endswith("|"):
            s = s[1:-1]
        rows.append([c.strip() for c in s.split("|")])
    return Block("table", rows=rows)


def _split_header(paras: list[list[str]]) -> tuple[Block | None, list[list[str]]]:
    """The header block runs to the place-and-date line, when a "Số:" line comes before it."""
    lines = [(pi, li, ln) for pi, p in enumerate(paras[:10]) for li, ln in enumerate(p)][:16]
    seen_number = False
    for k, (pi, li, ln) in enumerate(lines):
        if _NUMBER_LINE.match(ln):
            seen_number = True
        if _DATE_LINE.search(ln) and len(ln) < 80:
            if not seen_number:
                return None, paras
            hb = Block("header")
            right_prev = False
            for _pj, _lj, x in lines[:k + 1]:
                is_rule = bool(re.fullmatch(r"[-_=.*]{3,}", x))
                right = bool(_RIGHT.search(x)) or (is_rule and right_prev)
                (hb.right if right else hb.left).append(x)
                right_prev = right
            rest = [paras[pi][li + 1:]] if li + 1 < len(paras[pi]) else []
            return hb, rest + paras[pi + 1:]
    return None, paras


_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")


# ------------------------------------------------------------------ DOCX


def render_docx(text: str) -> bytes:
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(13)
    numbering = doc.part.numbering_part.element
    abstract_ids: dict[tuple[str, str], int] = {}
    state: dict[tuple[str, str], tuple[int, int]] = {}  # list kind -> (numId, last value)
    next_id = [900]

    def abstract(fmt: str, lvl_text: str) -> int:
        key = (fmt, lvl_text)
        if key not in abstract_ids:
            aid = next_id[0]
            next_id[0] += 1
            xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{lvl_text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
            first_num = numbering.find(qn("w:num"))
            el = parse_xml(xml)
            if first_num is not None:
                first_num.addprevious(el)
            else:
                numbering.append(el)
            abstract_ids[key] = aid
        return abstract_ids[key]

    def new_num(aid: int, start: int | None) -> int:
        nid = next_id[0]
        next_id[0] += 1
        override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    if start is not None else "")
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
                                   f'{override}</w:num>'))
        return nid

    def set_numbering(par, nid: int) -> None:
        ppr = par._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))

    def numbered(first_line: str) -> tuple[int | None, str]:
        m = _LABEL.match(first_line)
        if not m:
            return None, first_line
        if m.group("dec"):
            fmt, lvl_text, value = "decimal", "%1.", int(m.group("dec"))
        elif m.group("let"):
            fmt, lvl_text, value = "lowerLetter", "%1)", ord(m.group("let")) - ord("a") + 1
        elif m.group("rom"):
            value = _roman_value(m.group("rom"))
            if value is None:
                return None, first_line
            fmt, lvl_text = "upperRoman", "%1."
        else:
            fmt, lvl_text, value = "bullet", m.group("bul"), 0
        aid = abstract(fmt, lvl_text)
        key = (fmt, lvl_text)
        if fmt == "bullet":
            nid = state.get(key, (None, 0))[0] or new_num(aid, None)
        else:
            nid, last = state.get(key, (None, 0))
            if nid is None or value != last + 1:
                nid = new_num(aid, value)
        state[key] = (nid, value)
        return nid, first_line[m.end():]

    def add_lines(container_par, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            run = container_par.add_run(line)
            if i < len(lines) - 1:
                run.add_break()

    for block in parse_plain(text):
        if block.kind == "header":
            table = doc.add_table(rows=1, cols=2)
            for col, cells in enumerate((block.left, block.right)):
                cell = table.cell(0, col)
                for i, chunk in enumerate(cells):
                    par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    add_lines(par, chunk.split("\n"))
        elif block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = doc.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            if width > len(block.rows[0]) or any(len(r) < width for r in block.rows):
                for r, row in enumerate(block.rows):
                    if len(row) < width:  # a short row: its last cell spans the rest, read once
                        table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
                        table.cell(r, len(row) - 1).text = row[-1]
        else:
            nid, first = numbered(block.lines[0])
            par = doc.add_paragraph()
            if nid is not None:
                set_numbering(par, nid)
            add_lines(par, [first, *block.lines[1:]])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _roman_value(s: str) -> int | None:
    values = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
              "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
    return values.get(s)


# ------------------------------------------------------------------ PDF


def font_path() -> Path:
    for p in FONT_CANDIDATES:
        if p.exists():
            return p
    raise FileNotFoundError("DejaVuSans.ttf not found (tests/fixtures or /usr/share/fonts)")


def render_pdf(text: str, *, running_header: str | None = None, paragraph_gap: float = 2.0,
               align: str = "J") -> bytes:
    """A4 PDF in DejaVu Sans: wrapped paragraphs, a running header, "Trang i/n" footers, real tables."""
    from fpdf import FPDF
    from fpdf.enums import TableBordersLayout

    blocks = parse_plain(text)
    if running_header is None:
        running_header = next((b.left[0].split("\n")[0] for b in blocks if b.kind == "header" and b.left),
                              "Văn bản hành chính")

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("dv", size=8)
            if running_header:
                self.cell(0, 5, running_header, align="R")
            self.ln(8)
            self.set_font("dv", size=12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("dv", size=8)
            self.cell(0, 10, f"Trang {self.page_no()}/{{nb}}", align="C")
            self.set_font("dv", size=12)

    pdf = Doc(format="A4")
    pdf.alias_nb_pages()
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("dv", fname=str(font_path()))
    pdf.set_font("dv", size=12)
    pdf.add_page()
    line_h = 6
    for block in blocks:
        if block.kind == "header":
            with pdf.table(borders_layout=TableBordersLayout.NONE, text_align="CENTER", line_height=line_h,
                           first_row_as_headings=False, col_widths=(45, 55)) as table:
                row = table.row()
                row.cell("\n".join(block.left))
                row.cell("\n".join(block.right))
            pdf.ln(paragraph_gap)
        elif block.kind == "table":
            width = max(len(r) for r in block.rows)
            with pdf.table(line_height=line_h, first_row_as_headings=False, text_align="LEFT") as table:
                for r in block.rows:
                    row = table.row()
                    for i, value in enumerate(r):
                        span = width - len(r) + 1 if i == len(r) - 1 else 1
                        row.cell(value, colspan=span)
            pdf.ln(paragraph_gap)
        else:
            for line in block.lines:
                pdf.multi_cell(0, line_h, line, align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(paragraph_gap)
    return bytes(pdf.output())


# ------------------------------------------------------------------ HTML

PORTAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Cổng thông tin điện tử</title>
<link rel="stylesheet" href="/style.css"><script>var _gaq = _gaq || []; _gaq.push(['_trackPageview', 2024]);</script>
</head><body>
<header class="top"><div class="logo">ỦY BAN NHÂN DÂN - CỔNG THÔNG TIN ĐIỆN TỬ</div>
<div class="hotline">Đường dây nóng: 1900 1234 - Email: banbientap@portal.gov.vn</div></header>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/cchc">Cải cách hành chính</a></li>
<li><a href="/vb">Văn bản</a></li><li><a href="/dvc">Dịch vụ công mức độ 4</a></li>
<li><a href="/lh">Liên hệ</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/cchc">Cải cách hành chính</a></div>
<div class="container"><main><article class="post">
<div class="meta">Ngày đăng: 05/01/2024 | Lượt xem: 1523</div>
<div class="content">
{body}
</div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> | <a href="#">In bài viết</a></div>
</article></main>
<aside class="sidebar"><h3>Tin mới</h3><ul>
<li><a href="/t/1">Hội nghị tổng kết 10 năm thực hiện Chương trình 30a</a></li>
<li><a href="/t/2">Tỷ lệ 98% hồ sơ đúng hạn trong quý I</a></li>
<li><a href="/t/3">Phát động 15 phong trào thi đua năm 2024</a></li></ul>
<h3>Liên kết</h3><ul><li><a href="https://chinhphu.vn">Cổng TTĐT Chính phủ</a></li>
<li><a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></li></ul>
<div class="counter">Số lượt truy cập: 2.345.678 - Đang trực tuyến: 37</div></aside></div>
<footer><p>Cơ quan chủ quản: Ủy ban nhân dân. Địa chỉ: số 12 đường 3 tháng 2, phường 5.</p>
<p>Điện thoại: 028 3829 6052 - Giấy phép số 123/GP-TTĐT ngày 10/10/2015.</p>
<p>© 2024 Bản quyền thuộc về Cổng thông tin điện tử. Ghi rõ nguồn khi phát hành lại thông tin.</p></footer>
<script src="/js/jquery.min.js"></script><script>$(function(){{ $('.menu').slicknav(); }});</script>
</body></html>
"""


def render_html(text: str) -> bytes:
    """The document as the article of a government portal page, with the usual chrome around it."""
    blocks = parse_plain(text)
    body: list[str] = []
    title = "Văn bản"
    for block in blocks:
        if block.kind == "header":
            left = "".join(f"<p>{_h(x)}</p>" for x in block.left)
            right = "".join(f"<p>{_h(x)}</p>" for x in block.right)
            body.append(f'<table class="header" style="border:none"><tr><td>{left}</td><td>{right}</td></tr></table>')
        elif block.kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            body.append(f'<table class="data" border="1">{rows}</table>')
        else:
            body.append("<p>" + "<br>".join(_h(x) for x in block.lines) + "</p>")
            if title == "Văn bản" and len(block.lines[0]) > 20:
                title = block.lines[0][:80]
    return PORTAL.format(title=_h(title), body="\n".join(body)).encode("utf-8")


def _h(s: str) -> str:
    return html.escape(s).replace("\n", "<br>")


# ------------------------------------------------------------------ text encodings


def render_cp1258(text: str) -> bytes:
    """Windows-1258 stores tones as combining marks after a base letter it has (ê, ơ, ư, ă, â, ô...)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            out += b"?"
    return bytes(out)


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def render_legacy(text: str, scheme: str) -> bytes:
    from cchc_extract.text.legacy import encode

    return encode(text.replace("\r\n", "\n"), scheme).encode("cp1252", errors="replace")


def render_viscii(text: str) -> bytes:
    """A VISCII file: one byte per letter; characters VISCII cannot hold (≥, ≤, emoji) become "?"."""
    from cchc_extract.text.legacy import byte_table

    table = byte_table("viscii") or {}
    encode = {letter: byte for byte, letter in table.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text.replace("\r\n", "\n")):
        if ch in encode:
            out.append(encode[ch])
        elif ch.isascii() and ord(ch) not in table:
            out += ch.encode("ascii")
        else:
            latin = ch.encode("latin-1", "replace")  # letters VISCII keeps at their Latin-1 place
            out += latin if latin[0] >= 0xC0 and latin[0] not in table else b"?"
    return bytes(out)


def render(text: str, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(text)
    if fmt == "pdf":
        return render_pdf(text)
    if fmt == "html":
        return render_html(text)
    if fmt == "utf16":
        return text.encode("utf-16")
    if fmt == "cp1258":
        return render_cp1258(text)
    if fmt in ("tcvn3", "vni"):
        return render_legacy(text, fmt)
    if fmt == "viscii":
        return render_viscii(text)
    raise ValueError(f"unknown format {fmt}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="+", type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--formats", default=",".join(FORMATS))
    a = ap.parse_args(argv)
    for fmt in a.formats.split(","):
        (a.out / fmt).mkdir(parents=True, exist_ok=True)
        for doc in a.docs:
            data = render(doc.read_text(encoding="utf-8"), fmt)
            (a.out / fmt / f"{doc.stem}.{EXTENSIONS[fmt]}").write_bytes(data)


if __name__ == "__main__":
    main()
