"""What a number measures, in the document's words, with list-header context where the line alone
does not say it ("Lĩnh vực nhà đất đạt 98% trở lên" under "Tỷ lệ hài lòng khi giải quyết TTHC")."""

from __future__ import annotations

import regex

_TAIL = regex.compile(
    r"(?i)(?:\s|[:,\-–(]|\*\*)*(?:(?:đạt|là|ở|mức|từ|trên|dưới|hơn|ít nhất|tối thiểu|tối đa|không quá|không vượt quá|"
    r"khoảng|có|chiếm|tỷ lệ|tỉ lệ|phải|cần|được|bằng|gần|chưa đến|vượt|cao hơn|thấp hơn|không dưới|không thấp hơn|"
    r"ít hơn|phấn đấu|đảm bảo|bảo đảm|tăng|giảm|xuống còn|còn|lên|đến|tới|và|với)(?:\s|[:,\-–(]|\*\*)*)+$")
_HEAD = regex.compile(r"(?i)^(?:\s|[-+•*:;,.]|\*\*)*(?:(?:đảm bảo|bảo đảm|phấn đấu|cố gắng|phấn đấu đạt|trong đó|"
                      r"riêng|và|đồng thời|cụ thể|đặc biệt|nhằm|để|đạt|hoàn thành|tiếp tục)(?:\s|,|:)+)+")
_MEASURE = regex.compile(r"(?i)\b(tỷ lệ|tỉ lệ|số lượng|số|mức độ|mức|chỉ số|thời gian|tốc độ|tổng|kim ngạch|thu nhập|"
                         r"GRDP|GDP|giá trị|doanh thu|sản lượng|diện tích|bình quân)\b")
_SCOPE_OPENERS = regex.compile(r"(?i)^(lĩnh vực|các lĩnh vực|riêng|đối với|trong đó|cấp|khối|ngành|tại)\b")
_AFTER_STOP = regex.compile(r"[;.]|\s(?:theo|tại|trên cơ sở|nhằm|để)\s|,\s")
_MAX = 220


def clean(s: str) -> str:
    s = regex.sub(r"\*\*|__|[“”\"]", "", s)
    s = regex.sub(r"\s+", " ", s).strip(" ,;:-–.")
    return s


def own_indicator(before: str, after: str, unit: str | None, percent: bool) -> str:
    """Indicator from the clause: the words before the number, else the words after it."""
    lead = _HEAD.sub("", clean(before))
    lead = clean(_TAIL.sub("", lead))
    tail = clean(after)
    m = _AFTER_STOP.search(tail)
    tail_short = clean(tail[:m.start()]) if m and m.start() > 8 else tail
    tail_short = clean(regex.sub(r"(?i)\btrở lên\b|\btrở xuống\b", "", tail_short))
    if len(lead.split()) >= 3 or (lead and not tail_short):
        out = lead
    elif percent:
        noun = tail_short
        out = f"Tỷ lệ {noun}" if noun else lead
        if lead and noun:
            out = f"{out} ({lead})" if len(lead.split()) > 1 else out
    else:
        base = f"Số {unit}" if unit else ""
        out = clean(f"{base} {tail_short} {lead}")
    if len(out.split()) < 3:
        fallback = clean(_TAIL.sub("", _HEAD.sub("", clean(before))))
        if len(fallback.split()) > len(out.split()):
            out = f"{out} ({fallback})" if out and out.split()[0] in ("Tỷ", "Số") else fallback
    return out[:_MAX].strip()


def needs_context(indicator: str) -> bool:
    return not _MEASURE.search(indicator) or bool(_SCOPE_OPENERS.match(indicator)) or len(indicator.split()) < 3


def context_indicator(text: str) -> str | None:
    """The measure named by a list introduction or sibling line, up to its colon or number."""
    t = clean(text)
    m = _MEASURE.search(t)
    if not m:
        return None
    t = t[m.start():]
    t = regex.split(r"[:;]|\s\d", t)[0]
    t = clean(_TAIL.sub("", t))
    return t[:_MAX] if len(t.split()) >= 2 else None


def with_context(indicator: str, context: str | None) -> str:
    if not context or context.lower() in indicator.lower():
        return indicator
    if regex.match(r"(?i)^(lĩnh vực|các lĩnh vực)", indicator):
        return f"{context} trong {indicator[0].lower()}{indicator[1:]}"
    if not indicator:
        return context
    return f"{context} - {indicator}"
