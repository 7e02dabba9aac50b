"""Cited documents: "Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2020", "Nghị định 61/2018/NĐ-CP",
"Chỉ thị số 18-CT/QU" — each listed once, with type, date and issuer where stated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang.loader import load_yaml
from ..models import Document, Reference
from ..text.segment import Layout
from .dates import parse_date_at

_SEG = r"[\p{Lu}][\p{L}\d]{0,11}+"
STATE_REF = regex.compile(
    rf"(?<![\w/.,])(?P<num>\d{{1,5}}[a-zđ]?)(?:\s*/\s*(?P<year>(?:19|20)\d{{2}}))?\s*/\s*"
    rf"(?P<sym>{_SEG}(?:[^\S\n]*-[^\S\n]*{_SEG}){{0,4}}+)(?![\p{{L}}\d])"
)
PARTY_REF = regex.compile(
    r"(?<![\w/.,])(?P<num>\d{1,5}[a-z]?)\s*-\s*(?P<ptype>\p{Lu}{1,4})\s*/\s*(?P<sym>[\p{Lu}][\p{L}\d]{0,11}+"
    r"(?:-[\p{Lu}][\p{L}\d]{0,11}+)?)(?![\p{L}\d])"
)
# Both numbers start with one to five digits (and maybe a letter) followed by "-" (party) or "/"
# (state): one scan finds those places, and each pattern is matched there only.
_REF_START = regex.compile(r"(?<![\w/.,])\d{1,5}[a-zđ]?\s*([-/])")
_SYMBOL_PARTS = regex.compile(r"[-/]")
_SPACED_DASH = regex.compile(r"\s*-\s*")
_OF_ISSUER = regex.compile(r"\s*,?\s*(?:của|do)\s+(?P<iss>(?:Thủ tướng Chính phủ|Chính phủ|Quốc hội|"
                           r"(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Bộ|Sở|"
                           r"Ban|Văn phòng|Tỉnh ủy|Thành ủy|Quận ủy|Huyện ủy|Phòng|Cục)[^,;.\n()]{0,50}?))"
                           r"(?=\s+(?:về|ban hành|quy định|phê duyệt|thực hiện|tăng cường|triển khai|v/v)\b"
                           r"|[,;.\n(]|$)")


@dataclass(frozen=True)
class _TypeData:
    name_pattern: regex.Pattern[str]
    names: dict[str, str]
    symbols: dict[str, str]


@lru_cache(maxsize=1)
def _type_data() -> _TypeData:
    types = load_yaml("doc_types.yaml")["types"]
    names = {n.lower(): code for code, spec in types.items() for n in spec["names"]}
    symbols = {s: code for code, spec in types.items() for s in spec["symbols"]}
    alternation = "|".join(sorted(map(regex.escape, names), key=len, reverse=True))
    pattern = regex.compile(rf"(?ri)(?:^|[^\p{{L}}])(?P<name>{alternation})(?:\s+liên\s+tịch)?\s*(?:số\s*)?:?\s*$")
    return _TypeData(pattern, names, symbols)


def doc_type_from_symbol(symbol: str) -> str | None:
    """The type an abbreviation names: "QĐ-UBND" -> quyet_dinh; "UBND-NC" -> None."""
    first = _SYMBOL_PARTS.split(symbol)[0].strip()
    return _type_data().symbols.get(first)


def doc_type_named_before(text: str, pos: int) -> str | None:
    """The document type written just before a number ("Quyết định số ", "Nghị định ")."""
    data = _type_data()
    m = data.name_pattern.search(text, max(0, pos - 45), pos)
    return data.names[m.group("name").lower()] if m else None


def canonical_ref(num: str, year: str | None, symbol: str) -> str:
    symbol = _SPACED_DASH.sub("-", symbol.strip())
    return f"{num}/{year}/{symbol}" if year else f"{num}/{symbol}"


def find_references(layout: Layout, document: Document) -> list[Reference]:
    text = layout.text
    own = f"{document.number}/{document.symbol}" if document.number and document.symbol else None
    seen: set[str] = set()
    refs: list[Reference] = []
    for kind, m in _matches(text):
        line = layout.line_at(m.start())
        if line.zone == "header" and regex.match(r"\s*\**\s*Số\b", line.text):
            continue
        if kind == "party":
            ref = f"{m.group('num')}-{m.group('ptype')}/{m.group('sym')}"
            symbol_type = doc_type_from_symbol(m.group("ptype"))
        else:
            ref = canonical_ref(m.group("num"), m.group("year"), m.group("sym"))
            symbol_type = doc_type_from_symbol(m.group("sym")) or "cong_van"
        key = ref.replace(" ", "").casefold()
        if key in seen or (own and key == own.replace(" ", "").casefold()):
            continue
        seen.add(key)
        named = doc_type_named_before(text, m.start())
        start = _name_start(text, m.start()) if named else m.start()
        end = m.end()
        date = parse_date_at(text, end, limit=8)
        iso = None
        if date:
            iso, end = date[0], date[2]
        issuer = None
        im = _OF_ISSUER.match(text, end)
        if im:
            issuer = im.group("iss").strip()
        refs.append(Reference(ref=ref, doc_type=named or symbol_type, date=iso, issuer=issuer,
                              evidence=text[start:end], start=start, end=end))
    return refs


@lru_cache(maxsize=2)
def _matches(text: str) -> tuple[tuple[str, regex.Match[str]], ...]:
    """Party and state numbers in text order, as one ``finditer`` scan per pattern finds them (a state
    number overlapping a party number is dropped); cached, as targets look for them again."""
    party: list[regex.Match[str]] = []
    state: list[regex.Match[str]] = []
    for start in _REF_START.finditer(text):
        pattern, found = (PARTY_REF, party) if start.group(1) == "-" else (STATE_REF, state)
        if found and start.start() < found[-1].end():
            continue  # inside this pattern's previous match: finditer resumes after it
        m = pattern.match(text, start.start())
        if m:
            found.append(m)
    taken = [m.span() for m in party]
    kept = [("party", m) for m in party]
    for m in state:
        if not any(a < m.end() and m.start() < b for a, b in taken):
            kept.append(("state", m))
    return tuple(sorted(kept, key=lambda km: km[1].start()))


def _name_start(text: str, pos: int) -> int:
    m = _type_data().name_pattern.search(text, max(0, pos - 45), pos)
    return m.start("name") if m else pos


def reference_spans(refs: list[Reference]) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in refs]


def all_reference_spans(text: str) -> list[tuple[int, int]]:
    """Every document-number span in the text (cited twice = masked twice), for masking numbers."""
    return [m.span() for _, m in _matches(text)]
