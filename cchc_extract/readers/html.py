"""Web pages: the main content of a portal page, without menus, sidebars, footers and scripts.

Boilerplate removal is trafilatura's job (a maintained library evaluated on news and portal pages);
we ask it for XML so that paragraphs, line breaks, lists and tables keep their structure, and render
that with the same conventions as the other readers (tables as " | " rows, the Nghị định 30 header
table column by column).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import EmptyDocument, LimitExceeded, UnsupportedFormat
from .base import SourceText, assemble
from .cues import cues

MAX_DEPTH = 400  # nesting a real page never needs; deeper pages are flattened first
MAX_HTML_BYTES = 50 * 1024 * 1024
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source",
         "track", "wbr"}
_STRUCTURE = {"html", "head", "body", "title", "p", "br", "table", "thead", "tbody", "tr", "td", "th", "ul",
              "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "meta", "script", "style"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes to text: BOM, then the page's declared charset, then UTF-8, then Windows-1258."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            codecs.lookup(enc)
            return data.decode(enc, errors="replace"), enc
        except LookupError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "cp1258"


def nesting_depth(html: str) -> int:
    """Deepest element nesting, counted on tags without building a tree (which could recurse)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclose:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten(html: str) -> str:
    """Drop every tag but the few that carry document structure (p, br, tables, lists, headings)."""
    return _TAG.sub(lambda m: m.group(0) if m.group(2).lower() in _STRUCTURE else " ", html)


def read_html(data: bytes) -> SourceText:
    if len(data) > MAX_HTML_BYTES:
        raise LimitExceeded(f"the web page is {len(data) // 2**20} MB (limit {MAX_HTML_BYTES // 2**20} MB)")
    html, encoding = decode_html(data)
    if nesting_depth(html) > MAX_DEPTH:
        html = flatten(html)
        if nesting_depth(html) > MAX_DEPTH:
            raise LimitExceeded(f"the web page nests its elements more than {MAX_DEPTH} levels deep")
    blocks = _main_content(html)
    text, origins = assemble(blocks)
    if not text.strip():
        raise EmptyDocument("the web page holds no main text")
    return SourceText(text=text, format="html", encoding=encoding, origins=origins)


def _main_content(html: str) -> list[list[tuple[str, str]]]:
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_comments=False,
                                  include_images=False, include_links=False, include_formatting=False,
                                  favor_recall=True, deduplicate=False, with_metadata=False)
    except RecursionError as err:
        raise LimitExceeded("the web page is nested too deeply to read") from err
    except Exception as err:  # trafilatura/lxml on broken markup: say so in one line
        raise UnsupportedFormat(f"the web page could not be parsed ({type(err).__name__})") from err
    if not xml:
        return _fallback(html)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return _fallback(html)
    main = root.find("main")
    return _blocks(main if main is not None else root)


def _text(el) -> str:
    """Inline text of an element, <lb/> as a line break."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in ("table", "list"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    return "\n".join(" ".join(line.split()) for line in s.split("\n") if line.strip())


def _blocks(container) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    n = 0
    for el in container.iter("p", "head", "list", "table", "quote", "code"):
        if any(a.tag in _BLOCK_TAGS for a in _ancestors(el, container)):
            continue  # rendered with its table, list or paragraph
        n += 1
        if el.tag == "table":
            out.append(_table(el, n))
        elif el.tag == "list":
            items = [_clean(_text(item)) for item in el.iter("item")]
            out.append([(item, f"list {n} item {i + 1}") for i, item in enumerate(items) if item])
        else:
            text = _clean(_text(el))
            if text:
                out.append([(line, f"block {n}") for line in text.split("\n")])
    return [b for b in out if b]


_BLOCK_TAGS = {"p", "head", "list", "table", "quote", "code"}


def _ancestors(el, container):
    for a in el.iterancestors():
        if a is container:
            return
        yield a


def _table(table, n: int) -> list[tuple[str, str]]:
    rows = []
    for row in table.iter("row"):
        cells = [_clean("\n".join(_text(p) for p in cell.iter("p", "head")) or _text(cell))
                 for cell in row.iter("cell")]
        rows.append(cells)
    flat = " ".join(" ".join(r) for r in rows)
    if rows and len(rows) <= 6 and max(len(r) for r in rows) == 2 and cues().is_header_table_text(flat):
        columns = [[(ln, f"table {n} column {col + 1}") for r in rows if len(r) > col
                    for ln in r[col].split("\n") if ln.strip()] for col in (0, 1)]
        # a blank line between the columns, as between two cells read one after the other
        return columns[0] + ([("", "")] if columns[0] and columns[1] else []) + columns[1]
    out = []
    for r, cells in enumerate(rows):
        cells = [" ".join(c.split()) for c in cells]
        if any(cells):
            out.append((" | ".join(cells), f"table {n} row {r + 1}"))
    return out


def _fallback(html: str) -> list[list[tuple[str, str]]]:
    """A page too short for boilerplate removal: its body text without scripts, styles and menus."""
    import lxml.html

    try:
        doc = lxml.html.fromstring(html)
    except (ValueError, Exception):  # lxml raises ParserError for empty or non-HTML input
        return []
    for bad in doc.xpath("//script|//style|//nav|//header|//footer|//aside|//form|//noscript"):
        bad.drop_tree()
    text = _clean(doc.text_content())
    return [[(line, f"line {i + 1}")] for i, line in enumerate(text.split("\n"))]


