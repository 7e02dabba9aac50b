"""Document metadata from the Nghị định 30 layout: issuer, Số/ký hiệu, place and date, type, trích yếu,
recipients, signer — and, for web posts that lost the layout, the portal's title and posting date."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..lang.loader import load_yaml
from ..models import Document
from ..text.segment import Layout, Line
from .citations import doc_type_from_symbol
from .dates import find_posting_date, make_date
from .kinds import document_vote

_NUMBER_LINE = regex.compile(
    r"(?:^\W{0,3}|\s)Số\s*(?:/\s*[Kk]ý hiệu\s*)?(?::\s*|(?<=^\W{0,3}Số)\s+(?=\d))(?P<num>\d{1,6}[a-zđ]?)?\s*/\s*"
    r"(?P<sym>(?:(?:19|20)\d{2}\s*/\s*)?[\p{Lu}][\p{L}\d.]{0,11}+(?:[^\S\n]*[-–][^\S\n]*[\p{Lu}][\p{L}\d.]{0,11}+){0,4}+)"
)
_PLACE_DATE = regex.compile(
    r"(?P<place>[\p{Lu}][\p{L}\d .'’\-]{1,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*(?:tháng\s*|[/.\-]\s*)(?P<m>\d{1,2})"
    r"\s*(?:năm\s*|[/.\-]\s*)(?P<y>\d{4})"
)
_SUBJECT = regex.compile(r"^\W{0,3}(?:V/v|V/V|v/v|Vv|Về việc|VỀ VIỆC)\s*[:.]?\s*", regex.IGNORECASE)
_LABELLED_DATE = regex.compile(r"(?i)\s(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|đăng lúc)(?:\s+lúc)?"
                            r"\s*:?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*[-,|]?\s*)?\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}")
_WEEKDAY_DATE = regex.compile(r"(?i)\s(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\s*,?\s*"
                              r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}")
_YEAR_IN = regex.compile(r"(?i)\bnăm\s+((?:19|20)\d{2})\b")
_NAME_WORD = r"[\p{Lu}][\p{Ll}]+"
_PERSON = regex.compile(rf"^(?:{_NAME_WORD}|Ksor|H')(?:\s+{_NAME_WORD}){{1,4}}$")
_SIGNATURE_COLUMN = regex.compile(r"(?:[;:.]|^-\s[^;]*;)\s+((?:TM|KT|Q|TL|TUQ)\.\s.+|[\p{Lu}][\p{Lu}\s.]{3,}|"
                                   r"[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){1,4})$")
_SOURCE_LINE = regex.compile(r"(?i)^\s*nguồn\s*:\s*(?P<src>.+?)\s*$")
_BODY_ISSUER = regex.compile(
    r"(?<=(?:^|[.;:,]\s{1,3}))(?P<agency>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Phòng|Sở|Ban chỉ đạo|Ban|"
    r"Văn phòng|Trung tâm|Chi cục|Cục|"
    r"Hội đồng nhân dân|Thanh tra)(?:\s+[\p{L}\d.]+){0,8}?)\s+"
    r"(?:gửi|xây dựng|ban hành|thông báo|đề nghị|hướng dẫn|triển khai|báo cáo|yêu cầu)\b")
_CLOSING_ISSUER = regex.compile(
    r"(?i)Trên đây là\s+[^\n]{0,250}?\s+của\s+(?P<agency>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Phòng|Sở|Ban|"
    r"Văn phòng|Trung tâm|Chi cục|Cục|Hội đồng nhân dân)[^.;,\n*]{0,60}?)\s*(?:[.;,\n*]|$)")
_CAPS_LINE = regex.compile(r"^[\p{Lu}\d\s,.\-–&()/]+$")
_WEB_DATE_LINE = regex.compile(r"(?i)(thứ\s+(hai|ba|tư|năm|sáu|bảy)|chủ nhật|\d{1,2}\s+tháng\s+\p{L}+\s+\d{4}|"
                               r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}\s*,?\s*\d{1,2}:\d{2}|"
                               r"(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|ngày xuất bản|đăng lúc|ngày)(?:\s+lúc)?"
                               r"\s*:?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*[-,|]?\s*)?\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}|^\s*\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}\s*$)")
# Compiled once: regex.sub(str, ...) looks its pattern up in the module cache on every call.
_SPACES = regex.compile(r"\s+")
_PLACE_NUMBER = regex.compile(r"^.*\bSố\b[^\s]*\s+\S+\s+")
_PLACE_CODES = regex.compile(r"^(?:[\p{Lu}\d][\p{L}\d]*(?:[-/–][\p{L}\d]+)+\s+)+")
_TWO_WORDS = regex.compile(r"^\S+\s+\S+\s*")
_RULE = regex.compile(r"^[-_=*.]{3,}$")
_SHORT_RULE = regex.compile(r"^[-_=*.]{2,}$")
_SUBJECT_STOP = regex.compile(r"(?i)^(cộng hòa|cộng hoà|độc lập|căn cứ|thực hiện|kính gửi)\b")
_YEAR_PREFIX = regex.compile(r"^(?:19|20)\d{2}/")
_KINH_GUI = regex.compile(r"(?i)^kính gửi\s*:?\s*")
_ITEM_MARK = regex.compile(r"^[-+•]\s*")


@lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    return load_yaml("header.yaml"), load_yaml("doc_types.yaml")


def read_metadata(layout: Layout) -> Document:
    header, types = _data()
    lines = [ln for ln in layout.lines if not ln.blank]
    top = lines[:60]
    number = symbol = None
    number_line = None
    for ln in top:
        m = _NUMBER_LINE.search(ln.text)
        if m and ln.zone in ("header", "body") and ln.index < (lines[0].index + 40):
            number = m.group("num")
            symbol = _SPACES.sub("", m.group("sym")).replace("–", "-")
            number_line = ln
            break
    place = date = None
    place_line = None
    for ln in top[:30]:
        m = _PLACE_DATE.search(ln.text)
        if m:
            place = _clean_place(m.group("place"))
            date = make_date(m.group("y"), m.group("m"), m.group("d"))
            place_line = ln
            break
    title_line, title_type = _title(top, types)
    subject = _subject(layout, top, title_line)
    web = False
    if not number and not place_line:
        posted = _posting_date(top)
        if posted:
            web = True
            date = posted[0]
            post_line = posted[1]
            labelled = _LABELLED_DATE.search(post_line.text)
            weekday = _WEEKDAY_DATE.search(post_line.text)
            if labelled and len(post_line.text[:labelled.start()].split()) >= 3 and not subject:
                # "Title ... Cập nhật: 22-07-2019" (a title and its date label joined on one line)
                subject = post_line.text[:labelled.start()].strip().strip("*").strip()
            elif weekday and len(post_line.text[:weekday.start()].split()) >= 3 and not subject:
                # "Title ... Thứ hai, 21/02/2022, 09:35": the title and the posting date joined by a reader
                subject = post_line.text[:weekday.start()].strip().strip("*").strip()
                title_type = title_type or _type_opening(subject, types)
                if title_type:
                    subject = _strip_type_word(subject, types)
            web_title = _web_title(lines, post_line)
            if web_title and not subject:
                subject = web_title.text.strip().strip("*").strip()
                title_type = title_type or _type_opening(subject, types)
                if title_type:
                    subject = _strip_type_word(subject, types)
    doc_type = _doc_type(symbol, title_type, subject_is_vv=_has_vv(top), web=web)
    issuer = _issuer(layout, top, number_line, place_line, header, place, doc_type)
    signer, signer_title = _signer(layout, header)
    year = _year(subject, layout, date, doc_type)
    return Document(doc_type=doc_type, number=number, symbol=symbol, issuer=issuer, place=place, date=date,
                    subject=subject, signer=signer, signer_title=signer_title,
                    recipients=_recipients(layout), year=year)


def _clean_place(place: str) -> str:
    place = _PLACE_NUMBER.sub("", place)
    place = _PLACE_CODES.sub("", place).strip(" *-")
    return place


def _title(top: list[Line], types: dict) -> tuple[Line | None, str | None]:
    names = {n.lower(): code for code, spec in types["types"].items() for n in spec["names"]}
    longest_first = sorted(names, key=len, reverse=True)
    for ln in top[:40]:
        t = ln.text.strip().strip("*").strip()
        if not t or not _CAPS_LINE.match(t) or len(t) > 80:
            continue
        low = t.lower()
        for name in longest_first:
            if low == name or low.startswith(name + " "):
                return ln, names[name]
    return None, None


def _type_opening(subject: str, types: dict) -> str | None:
    low = subject.lower()
    for code, spec in types["types"].items():
        for name in spec["names"]:
            if low.startswith(name + " "):
                return code
    return None


def _strip_type_word(subject: str, types: dict) -> str:
    low = subject.lower()
    for spec in types["types"].values():
        for name in sorted(spec["names"], key=len, reverse=True):
            if low.startswith(name + " "):
                return subject[len(name):].strip()
    return subject


def _has_vv(top: list[Line]) -> bool:
    return any(_SUBJECT.match(ln.text.strip().strip("“\"*")) for ln in top[:30])


def _subject(layout: Layout, top: list[Line], title_line: Line | None) -> str | None:
    for ln in top[:30]:
        raw = ln.text.strip()
        probe = raw.lstrip("“\"*").strip()
        m = _SUBJECT.match(probe)
        if m:
            parts = [probe[m.end():]]
            nxt = ln.index + 1
            while nxt < len(layout.lines) and not layout.lines[nxt].blank and len(parts) < 5:
                t = layout.lines[nxt].text.strip()
                if _PLACE_DATE.search(t) or t.lower().startswith("kính gửi") or _not_subject(t):
                    break
                parts.append(t)
                nxt += 1
            return _clean_subject(" ".join(parts))
    if title_line is not None:
        parts = []
        t = title_line.text.strip().strip("*").strip()
        rest = _TWO_WORDS.sub("", t) if len(t.split()) > 2 else ""
        if rest and not _CAPS_LINE.match(rest):
            parts.append(rest)
        nxt = title_line.index + 1
        while nxt < len(layout.lines) and len(parts) < 4:
            ln = layout.lines[nxt]
            t = ln.text.strip().strip("*").strip()
            if not t:
                if parts:
                    break
                nxt += 1
                continue
            if _PLACE_DATE.search(t) or _NUMBER_LINE.search(t) or _not_subject(t):
                break
            if ln.label_kind in ("roman", "arabic", "article") or t.lower().startswith(("căn cứ", "kính gửi")):
                break
            parts.append(t)
            nxt += 1
        if parts:
            return _clean_subject(" ".join(parts))
    return None


def _not_subject(line: str) -> bool:
    """Lines that end a trích yếu: rules, the national motto, body paragraphs."""
    return bool(_RULE.match(line)) or len(line) > 160 or bool(_SUBJECT_STOP.match(line))


def _clean_subject(s: str) -> str:
    s = _SPACES.sub(" ", s).strip()
    s = s.strip("“”\"'*").strip()
    s = _SUBJECT.sub("", s).strip()
    s = s.rstrip(".").strip().strip("“”\"'*").rstrip(".").strip()
    if s.isupper():
        s = s[:1] + s[1:].lower()
    return s


def _posting_date(top: list[Line]) -> tuple[str, Line] | None:
    for ln in top[:12]:
        if _WEB_DATE_LINE.search(ln.text):
            found = find_posting_date(ln.text)
            if found:
                return found[0], ln
    return None


def _web_title(lines: list[Line], post_line: Line) -> Line | None:
    pos = lines.index(post_line)
    date_leads_line = bool(_WEB_DATE_LINE.match(post_line.text.strip()))

    def ok(ln: Line | None) -> bool:
        if ln is None or ln.zone == "chrome":
            return False
        t = ln.text.strip().strip("*")
        return 3 <= len(t.split()) <= 40 and not t.endswith((".", ";", ":"))

    prev = lines[pos - 1] if pos > 0 else None
    nxt = lines[pos + 1] if pos + 1 < len(lines) else None
    order = (prev, nxt) if date_leads_line else (nxt, prev)
    for cand in order:
        if ok(cand):
            return cand
    return None


def _doc_type(symbol: str | None, title_type: str | None, subject_is_vv: bool, web: bool) -> str | None:
    if symbol:
        sym_type = doc_type_from_symbol(_YEAR_PREFIX.sub("", symbol))
        if sym_type:
            return sym_type
        if title_type:
            return title_type
        return "cong_van"
    if title_type:
        return title_type
    if subject_is_vv:
        return "cong_van"
    if web:
        return "tin_bai"
    return None


def _expand(name: str, header: dict) -> str:
    for pattern, full in _abbreviations(tuple(header["issuer_abbreviations"].items())):
        name = pattern.sub(full, name)
    return _SPACES.sub(" ", name).strip()


@lru_cache(maxsize=4)
def _abbreviations(pairs: tuple[tuple[str, str], ...]) -> list[tuple[regex.Pattern[str], str]]:
    return [(regex.compile(rf"(?<![\p{{L}}]){regex.escape(abbr)}(?![\p{{L}}])"), full) for abbr, full in pairs]


@lru_cache(maxsize=4)
def _motto_patterns(motto: tuple[str, ...]) -> list[regex.Pattern[str]]:
    return [regex.compile(regex.escape(m), flags=regex.IGNORECASE) for m in motto]


@lru_cache(maxsize=4)
def _locality_patterns(words: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """"... quận Tân Bình" at the end of a name; a name ending in a locality word ("... phường")."""
    alternation = "|".join(sorted(map(regex.escape, words), key=len, reverse=True))
    return (regex.compile(rf"(?i)\b(?:{alternation})\s+[\p{{L}}\d][\p{{L}}\d \-]*$"),
            regex.compile(rf"(?i)(?:{alternation})$"))


def _case(name: str, header: dict) -> str:
    """ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH -> Ủy ban nhân dân quận Tân Bình."""
    if not name.isupper():
        return name
    keep = set(header["issuer_abbreviations"])
    words = [w if w in keep else w.lower() for w in name.split()]
    loc_words = sorted(header["locality_words"], key=len, reverse=True)
    out = []
    i = 0
    titled = False
    while i < len(words):
        matched = None
        for lw in loc_words:
            n = len(lw.split())
            if " ".join(words[i:i + n]) == lw:
                matched = n
                break
        if matched and i > 0:
            out.extend(words[i:i + matched])
            i += matched
            titled = True
            continue
        w = words[i]
        out.append(w if w in keep else w.capitalize() if titled or not out else w)
        i += 1
    return " ".join(out)


def _issuer(layout: Layout, top: list[Line], number_line: Line | None, place_line: Line | None, header: dict,
            place: str | None, doc_type: str | None) -> str | None:
    motto = [m.lower() for m in header["national_motto"]]
    stop = min((ln.index for ln in (number_line, place_line) if ln is not None), default=None)
    block: list[str] = []
    if stop is not None:
        for ln in top:
            if ln.index > stop:
                break
            t = ln.text.strip().strip("*").strip()
            if ln.index == stop:
                # a flattened header: "SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc Số: 215/CTr-STP ..."
                cut = [m.start() for m in (_NUMBER_LINE.search(t), _PLACE_DATE.search(t)) if m]
                t = t[:min(cut)].strip() if cut else ""
            for pattern in _motto_patterns(tuple(header["national_motto"])):
                t = pattern.sub("", t).strip()
            t = _cut_motto_start(t, motto)
            if not t or _SHORT_RULE.match(t) or _motto_fragment(t, motto):
                continue
            if _CAPS_LINE.match(t) or t.startswith(("UBND", "ỦY BAN", "UỶ BAN")):
                block.append(t)
    issuer = None
    if block:
        issuer = _compose_issuer(block, header)
    if issuer is None:
        for ln in layout.lines:
            m = _SOURCE_LINE.match(ln.text)
            if m and ln.index > 3:
                issuer = _expand(m.group("src").strip().rstrip("."), header)
                break
    if issuer is None and doc_type == "tin_bai":
        return None
    if issuer is None:
        m = _CLOSING_ISSUER.search(layout.text)
        if m:
            issuer = _expand(m.group("agency").strip(), header)
    if issuer is None:
        for ln in layout.body_lines()[:8]:
            m = _BODY_ISSUER.search(ln.text)
            if m:
                issuer = _expand(m.group("agency").strip(), header)
                break
    if issuer:
        issuer = _complete_locality(issuer, layout.text, header, place)
    return issuer


def _cut_motto_start(line: str, motto: list[str]) -> str:
    """"ỦY BAN NHÂN DÂN QUẬN 3 CỘNG HÒA XÃ": a wrapped two-column header line ends with the motto's
    first words; they are not part of the issuer's name.

    >>> _cut_motto_start("ỦY BAN NHÂN DÂN QUẬN 3 CỘNG HÒA XÃ", ["cộng hòa xã hội chủ nghĩa việt nam"])
    'ỦY BAN NHÂN DÂN QUẬN 3'
    """
    folded = line.casefold()
    for m in motto:
        words = m.split()
        for k in range(len(words) - 1, 1, -1):
            head = " " + " ".join(words[:k])
            if folded.endswith(head):
                return line[:len(line) - len(head)].strip()
    return line


def _motto_fragment(line: str, motto: list[str]) -> bool:
    """A piece of "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" split by a PDF."""
    t = " ".join(line.replace("-", " ").split()).casefold()
    return len(t) >= 4 and any(t in " ".join(m.replace("-", " ").split()) for m in motto)


def _compose_issuer(block: list[str], header: dict) -> str:
    heads = [h.upper() for h in header["agency_heads"]]
    locality = [w.upper() for w in header["locality_words"]]

    def starts_child(line: str) -> bool:
        return any(line.startswith(h + " ") or line == h for h in heads) and \
            not any(line.startswith(w + " ") for w in locality)

    # the issuing body is the last line that opens an agency name, with any lines wrapped after it
    child_at = next((i for i in range(len(block) - 1, 0, -1) if starts_child(block[i])), None)
    if child_at is not None:
        parent = _expand(_case(" ".join(block[:child_at]), header), header)
        child = _expand(_case(" ".join(block[child_at:]), header), header)
        loc = _locality_of(parent, header)
        # "Sở Nội vụ" takes its province from the line above; "Ủy ban nhân dân phường X" names its own place
        if loc and loc.lower() not in child.lower() and not _locality_of(child, header):
            return f"{child} {loc}"
        return child
    return _expand(_case(" ".join(block), header), header)


def _locality_of(name: str, header: dict) -> str | None:
    m = _locality_patterns(tuple(header["locality_words"]))[0].search(name)
    return m.group() if m else None


def _complete_locality(issuer: str, text: str, header: dict, place: str | None) -> str:
    name_words = r"(?:\s+(?:[\p{Lu}][\p{Ll}]*|\d{1,2}))+"
    # "Ủy ban nhân dân phường" -> "... phường Phú Hữu" when the text names it.
    if _locality_patterns(tuple(header["locality_words"]))[1].search(issuer):
        found = Counter(x.group() for x in regex.finditer(rf"{regex.escape(issuer)}{name_words}", text))
        if found:
            return found.most_common(1)[0][0]
        return issuer
    if _locality_of(issuer, header):
        return issuer
    # "Phòng Văn hóa và Thông tin" -> "... quận Tân Bình" from the place line.
    if place and not issuer.casefold().endswith(place.casefold()):
        words = "|".join(sorted(map(regex.escape, header["locality_words"]), key=len, reverse=True))
        m2 = regex.search(rf"(?i)\b(?:{words})\s+{regex.escape(place)}\b", text)
        if m2:
            loc = _case(m2.group(), header)
            return f"{issuer} {loc[0].lower() + loc[1:]}"
    return issuer


def _signer(layout: Layout, header: dict) -> tuple[str | None, str | None]:
    """The name under the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A").

    The block may stand before an attached annex, so every titled name is a candidate; the first
    after "Nơi nhận" wins, else the last. Without any title, a name on one of the last lines counts.
    """
    titles = [t.upper() for t in header["signer_titles"]]
    surnames = set(header["surnames"])
    lines = [ln for ln in layout.lines if not ln.blank and ln.zone != "chrome"]
    titled: list[tuple[int, str, str]] = []
    untitled: list[tuple[int, str]] = []
    def column(line: Line) -> str:
        # "- UBND các huyện;   Võ Minh Khoa": a signature column flattened onto a recipients line
        t = line.text.strip().strip("*").strip()
        if line.zone == "closing" and t.startswith(("-", "+", "Nơi nhận", "NƠI NHẬN")):
            m = _SIGNATURE_COLUMN.search(t)
            if m:
                return m.group(1)
        return t

    for i, ln in enumerate(lines):
        t = column(ln)
        first_word = t.split(None, 1)[:1]  # the cheap test first: most lines open with no surname
        if not first_word or first_word[0] not in surnames or not _PERSON.match(t):
            continue
        parts = []
        j = i - 1
        while j >= 0:
            p = column(lines[j])
            if p and len(p) < 60 and any(p.upper().startswith(x) for x in titles):
                if not p.startswith("("):
                    parts.insert(0, p)
                j -= 1
                continue
            break
        if not parts and ln.zone == "closing":
            # titles interleaved with the recipients list in a flattened two-column closing
            k = i - 1
            while k >= 0 and lines[k].zone == "closing":
                p = column(lines[k])
                if p and len(p) < 60 and not p.startswith("(") and any(p.upper().startswith(x) for x in titles):
                    parts.insert(0, p)
                k -= 1
        if parts:
            titled.append((ln.index, t, " / ".join(parts)))
        elif i >= len(lines) - 3:
            untitled.append((ln.index, t))
    if titled:
        closing = next((ln.index for ln in layout.lines if ln.zone == "closing"), None)
        after = [c for c in titled if closing is not None and c[0] > closing]
        _, name, title = after[0] if after else titled[-1]
        return name, title
    if untitled:
        return untitled[-1][1], None
    return None, None


def _recipients(layout: Layout) -> list[str]:
    out = []
    for ln in layout.lines:
        if ln.zone not in ("recipients", "closing") or ln.blank:
            continue
        t = ln.text.strip().strip("*").strip()
        low = t.lower()
        if low.startswith("kính gửi"):
            t = _KINH_GUI.sub("", t)
        elif ln.label_kind not in ("dash", "plus"):
            continue
        t = _ITEM_MARK.sub("", t).rstrip(" ;.,/").strip()
        if t and t.lower() not in ("nơi nhận", "như trên"):
            out.append(t)
    return out


def _year(subject: str | None, layout: Layout, date: str | None, doc_type: str | None) -> int | None:
    if subject:
        m = _YEAR_IN.findall(subject)
        if m:
            # "Kết quả ... năm 2020 và phương hướng, nhiệm vụ năm 2021": a report is about the year it
            # reports on; a plan about the last year it names
            return int(m[0] if document_vote(doc_type) < 0 else m[-1])
    if date:
        return int(date[:4])
    counts = Counter(int(y) for ln in layout.body_lines() for y in _YEAR_IN.findall(ln.text))
    if counts:
        best = max(counts.values())
        candidates = [y for y, c in counts.items() if c == best]
        if date and int(date[:4]) in candidates:
            return int(date[:4])
        return max(candidates)
    return int(date[:4]) if date else None
