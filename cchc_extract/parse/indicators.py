"""What a number measures, in the document's words, with list-header context where the line alone
does not say it ("Lĩnh vực nhà đất đạt 98% trở lên" under "Tỷ lệ hài lòng khi giải quyết TTHC")."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lang.loader import load_yaml

_TAIL_WORDS = [w.strip() for w in """
    đạt | là | ở | mức | từ | trên | dưới | hơn | ít nhất | tối thiểu | tối đa | không quá |
    không vượt quá | khoảng | có | chiếm | tỷ lệ | tỉ lệ | phải | cần | được | bằng | gần |
    chưa đến | vượt | cao hơn | thấp hơn | không dưới | không thấp hơn | ít hơn | phấn đấu |
    đảm bảo | bảo đảm | tăng | giảm | xuống còn | còn | lên | đến | tới | và | với
""".split("|")]
# Anchored at the end, so matched backwards ((?r)): longest phrases first, or "không thấp hơn" would
# stop at "thấp hơn".
_TAIL = regex.compile(r"(?ri)(?:\s|[:,\-–(]|\*\*)*(?:(?:"
                      + "|".join(sorted(_TAIL_WORDS, key=len, reverse=True))
                      + r")(?:\s|[:,\-–(]|\*\*)*)+$")
_HEAD = regex.compile(r"(?i)^(?:\s|[-+•*:;,.]|\*\*)*(?:(?:đảm bảo|bảo đảm|phấn đấu|cố gắng|phấn đấu đạt|trong đó|"
                      r"riêng|và|đồng thời|cụ thể|đặc biệt|nhằm|để|đạt|hoàn thành|tiếp tục)(?:\s|,|:)+)+")
_MEASURE = regex.compile(r"(?i)\b(tỷ lệ|tỉ lệ|số lượng|số|mức độ|mức|chỉ số|thời gian|tốc độ|tổng|kim ngạch|thu nhập|"
                         r"kinh phí|vốn|ngân sách|thu nội địa|GRDP|GDP|giá trị|doanh thu|sản lượng|diện tích|"
                         r"bình quân)\b")
_SCOPE_OPENERS = regex.compile(r"(?i)^(lĩnh vực|các lĩnh vực|riêng|đối với|trong đó|cấp|khối|ngành|tại)\b")
_NEW_PART = regex.compile(r"(?i)\s*(?:đạt|trong đó|tăng|giảm|chiếm|đồng thời|phấn đấu|đảm bảo|bảo đảm|góp phần|"
                       r"nhằm|để|qua đó|riêng|còn lại|là|với|và|các|\d)")
_CLAUSE_STOP = regex.compile(r"[;.]|\s(?:theo|nhằm|để|so với|trong đó)\s")
_MAX = 220
_MARKUP = regex.compile(r"\*\*|__|[“”\"]")
_SPACES = regex.compile(r"\s+")
_COMMA = regex.compile(r",\s+")
_LEADING_BOUND = regex.compile(r"(?i)^\s*(?:\*\*)?\s*(?:trở lên|trở xuống)\b")
_COMMA_PIECES = regex.compile(r"[^,]+(?:,|$)")
_DIGIT = regex.compile(r"\d")
_BOUND_WORDS = regex.compile(r"(?i)\btrở lên\b|\btrở xuống\b")
_CONTEXT_END = regex.compile(r"[:;]|\s\d")
_FIELD = regex.compile(r"(?i)^(lĩnh vực|các lĩnh vực)")
# a word that needs what followed it (cut at a number): "trên hệ thống loa của [10 xã]"
_DANGLING = regex.compile(r"(?i)(?:\s+(?:của|tại|cho|với|và|ở|đến|từ|gồm|là))+\s*$")
_PER = regex.compile(r"\s*/\s*(?P<period>ngày|tuần|tháng|quý|năm)(?![\p{L}])")
# an indicator that only names when: "năm 2027", "đến năm 2030", "quý II/2024", "giai đoạn 2026 - 2027"
_PERIOD = regex.compile(r"(?i)(?:(?:đến|vào|trong|tới|hết|cuối|đến hết)\s+)?(?P<period>năm\s+(?:19|20)\d{2}|"
                        r"quý\s+[IVX]{1,3}(?:\s*/\s*(?:19|20)\d{2}|\s+năm\s+(?:19|20)\d{2})?|"
                        r"giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2})")


def clean(s: str) -> str:
    """No markup ("**", "__", quotes), single spaces, no punctuation at the ends."""
    if "*" in s or "_" in s or '"' in s or "“" in s or "”" in s:
        s = _MARKUP.sub("", s)
    return " ".join(s.split()).strip(" ,;:-–.")


def measure_phrase(text: str) -> str:
    """The part of a lead that names a measure: drop adverbial chunks ("Hiện nay,", "Năm 2024,")."""
    lead = clean(_TAIL.sub("", _HEAD.sub("", clean(text))))
    chunks = [c for c in _COMMA.split(lead) if c.strip()]
    for i, chunk in enumerate(chunks):
        if _MEASURE.search(chunk):
            return clean(_HEAD.sub("", ", ".join(chunks[i:])))
    return clean(_HEAD.sub("", chunks[-1])) if chunks else ""


def tail_phrase(after: str) -> str:
    """The words after a number that say what was counted, up to the clause's next part."""
    tail = clean(_LEADING_BOUND.sub("", after))
    if tail.startswith(")"):
        return ""  # "(tổ chức 05 lớp)": the number closes an aside, nothing after it is its noun
    out = []
    for m in _COMMA_PIECES.finditer(tail):
        piece = m.group()
        # an enumeration goes on ("văn bản, hồ sơ công việc", "HĐND, UBND huyện ban hành"); a new
        # clause ("đạt ...", "trong đó ...") or a long run stops it
        if out and (len(" ".join(out).split()) >= 14 or _NEW_PART.match(piece)):
            break
        out.append(piece)
    tail = "".join(out)
    digit = _DIGIT.search(tail)
    if digit:
        tail = tail[:digit.start()]
        if tail.count("(") > tail.count(")"):  # "huyện, thành phố (năm 2025)": not the aside's opening
            tail = tail[:tail.rfind("(")]
    m = _CLAUSE_STOP.search(tail)
    if m:
        tail = tail[:m.start()]
    tail = _BOUND_WORDS.sub("", tail)
    return clean(_DANGLING.sub("", " ".join(tail.split()[:25])))


def own_indicator(lead: str, segment: str, after: str, unit: str | None, percent: bool) -> str:
    """Indicator from the clause: ``lead`` runs from the clause start to the number, ``segment`` from the
    previous number (equal to ``lead`` for the first number), ``after`` to the clause end."""
    main = measure_phrase(lead)
    seg = main if segment == lead else measure_phrase(segment)
    per = _PER.match(after)
    if per:  # "phát thanh ... 02 lần/tuần": a count per period, named by what leads to it
        after = after[per.end():]
        if after.lstrip().startswith((",", ";")):
            after = ""  # ", mỗi lần 15 phút": the next part is another count's
    tail = tail_phrase(after)
    scope = tail if _SCOPE_OPENERS.match(tail) else ""
    noun = "" if scope else tail
    labelled = lead.rstrip(" *").endswith(":") and len(main.split()) >= 3
    if seg and _MEASURE.search(seg):
        out = seg
    elif percent:
        if main and (_MEASURE.search(main) or labelled):
            out = main
        elif len(noun.split()) >= 2:
            out = f"Tỷ lệ {noun}"
        else:
            out = main or seg or noun
    else:
        head = f"Số {unit}" if unit else "Số"
        if unit == "hạng":
            out = f"Thứ hạng {main}".strip()
        elif labelled:
            out = main
        elif noun:
            out = f"{head} {noun}"
        elif main and _MEASURE.search(main):
            out = main
        else:
            out = f"{head} {seg or main}".strip()
    if per:
        if not noun and not labelled and main and not _MEASURE.search(main) and not out.endswith(main):
            out = f"{out} {main}"
        out = f"{out} mỗi {per.group('period')}"
    if scope and scope.lower() not in out.lower():
        out = f"{out} {scope}"
    return clean(out)[:_MAX].strip()


def needs_context(indicator: str) -> bool:
    return not _MEASURE.search(indicator) or bool(_SCOPE_OPENERS.match(indicator)) or len(indicator.split()) < 3


def context_indicator(text: str) -> str | None:
    """The measure named by a list introduction or sibling line, up to its colon or number."""
    t = clean(text)
    m = _MEASURE.search(t)
    if not m:
        return None
    t = t[m.start():]
    t = _CONTEXT_END.split(t)[0]
    t = clean(_TAIL.sub("", t))
    return t[:_MAX] if len(t.split()) >= 2 else None


def label_context(prefix: str) -> str | None:
    """The measure a line names before its first colon, for the later clauses of the line:
    "Tỷ lệ hồ sơ nộp trực tuyến: năm 2026 đạt 65%, năm 2027 đạt 70%"."""
    head, colon, rest = prefix.partition(":")
    if not colon:
        return None
    # "Tên chỉ tiêu: Tỷ lệ ...; Chỉ tiêu: ≥ 98%": a record of labelled fields, the first one names it
    return context_indicator(head) or context_indicator(rest.split(";")[0])


@lru_cache(maxsize=1)
def _field_labels() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a clause opened by a field label up to its number: "Chỉ tiêu: ≥", "Kế hoạch giao: tối thiểu";
    an indicator that is no more than such a label)."""
    labels = "|".join(sorted(map(regex.escape, load_yaml("context.yaml")["value_field_labels"]), key=len, reverse=True))
    opened = regex.compile(rf"(?i)\s*(?:\*\*)?\s*(?:{labels})(?:\s+giao)?\s*:[^\p{{L}}\d]*"
                           rf"(?:(?:từ|trên|dưới|không quá|tối thiểu|tối đa|ít nhất|đạt)\s+)?$")
    return opened, regex.compile(rf"(?i)(?:{labels})?[\s:≥≤<>=]*")


def is_field_value(lead: str) -> bool:
    """True when the clause up to a number is only a field label: "Chỉ tiêu: ≥", "Kế hoạch: tối thiểu"."""
    return bool(_field_labels()[0].match(lead))


def with_context(indicator: str, context: str | None) -> str:
    if not context or context.lower() in indicator.lower():
        return indicator
    if _field_labels()[1].fullmatch(indicator):  # "Chỉ tiêu: ≥" says only that a value follows
        return context
    period = _PERIOD.fullmatch(indicator)
    if period:  # "năm 2027" under "Tỷ lệ ..." is that measure in that year
        return f"{context} {period.group('period')}"
    if _FIELD.match(indicator):
        return f"{context} trong {indicator[0].lower()}{indicator[1:]}"
    if not indicator:
        return context
    return f"{context} - {indicator}"
