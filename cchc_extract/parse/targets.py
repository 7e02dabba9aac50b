"""Quantitative targets and reported results: numbers in the body that carry a unit, with comparator,
kind, indicator, role, year, section and evidence offsets.

Steps per body line: mask what is never a target (dates, document numbers, levels, places, periods);
find quantities; split the line into clauses (the evidence); let the comparator rules speak; keep a
quantity when its unit and context make it a target or result; then decide kind and indicator.
Table rows ("cell | cell | cell") are read cell by cell under their column headings.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang.loader import load_yaml
from ..models import Document, Reference, Target
from ..text.segment import Layout, Line, clauses
from . import indicators, kinds
from .citations import all_reference_spans
from .comparators import ComparatorMatch, comparator_matcher
from .dates import date_spans, make_date
from .numbers import Quantity, find_quantities
from .tables import table_row_targets
from .units import unit_after, unit_sets

_YEAR = regex.compile(r"(?i)\bnăm\s+((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class _Context:
    before_word: regex.Pattern[str]
    size_before: regex.Pattern[str]
    scale: regex.Pattern[str]
    state_after: regex.Pattern[str]
    assigned_before: regex.Pattern[str]
    assigned_open: regex.Pattern[str]
    yardstick: regex.Pattern[str]
    levels: regex.Pattern[str]
    rank: regex.Pattern[str]
    duration: regex.Pattern[str]
    population: regex.Pattern[str]
    narrative: regex.Pattern[str]
    count_verb: regex.Pattern[str]
    composition: regex.Pattern[str]
    possessor: regex.Pattern[str]
    places: frozenset[str]
    sanction_condition: regex.Pattern[str]
    sanction_consequence: regex.Pattern[str]
    value_verb: regex.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(sorted((regex.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# who set a bound: "yêu cầu của Thành phố", "chỉ tiêu tỉnh giao"
_OWNER = r"(?:\s+(?:của|do)\s+[^\d()%;:,.]{1,40}?)?"


@lru_cache(maxsize=1)
def _context() -> _Context:
    data = load_yaml("context.yaml")
    lv = _alternation(data["level_words"])
    return _Context(
        before_word=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['not_quantity_before'])})\s*\.?\s*"
                                  rf"(?:\*\*)?$"),
        assigned_before=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['assigned_before'])})"
                                      rf"{_OWNER}\s*$"),
        assigned_open=regex.compile(rf"(?i)\s*(?:{_alternation(data['assigned_before'])}){_OWNER}(?![\p{{L}}])"),
        yardstick=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:(?:{_alternation(data['yardstick_compare'])})\s+"
                                rf"(?:{_alternation(data['assigned_before'])}){_OWNER}(?:\s+[\p{{L}}]+){{0,3}}\s*\(?|"
                                rf"(?:{_alternation(data['yardstick_margin'])})\s+"
                                rf"(?:{_alternation(data['assigned_before'])}){_OWNER}\s*\((?:\s*[\p{{L}}]+){{0,3}})\s*$"),
        state_after=regex.compile(rf"(?i)\s*(?:{_alternation(data['state_after'])})(?![\p{{L}}])"),
        scale=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(data['scale_words'])})(?![\p{{L}}])"),
        size_before=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['size_before'])})\s*$"),
        levels=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{lv})\s+\d{{1,2}}(?![\d%,.]\d)(?:\s*(?:,|và|hoặc|-|/)\s*"
                             rf"(?:(?:{lv})\s+\d{{1,2}}|[1-4](?!\d)(?![%,.]\d)(?!\s*(?:%|dịch vụ|thủ tục|TTHC|hồ sơ|"
                             rf"DVC))))*+"),
        rank=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['rank_before'])})\s*$"),
        duration=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(data['duration_cues'])})(?![\p{{L}}])"),
        population=regex.compile(rf"(?i)\G\s*(?:\*\*)?\s*(?:số\s+|các\s+)?(?:{_alternation(data['population_nouns'])})"
                                 rf"(?![\p{{L}}])"),
        narrative=regex.compile(rf"(?i)\G\s*(?:{_alternation(data['narrative_nouns'])})(?![\p{{L}}])"),
        sanction_condition=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(data['sanction_conditions'])})"
                                         rf"(?![\p{{L}}])"),
        sanction_consequence=regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(data['sanction_consequences'])})"
                                           rf"(?![\p{{L}}])"),
        value_verb=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['value_verbs'])})(?:\s+(?:mức|khoảng|thêm))?\s*$"),
        composition=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['composition_before'])})\s*$"),
        possessor=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:{_alternation(data['possessor_before'])})\s*$"),
        places=frozenset(data["possessed_places"]),
        count_verb=regex.compile(rf"(?ri)(?<![\p{{L}}])(?:(?:{_alternation(data['count_verbs'])})(?:\s+[\p{{L}}]+){{0,6}}|"
                                 rf"(?:{_alternation(data['count_verbs_adjacent'])}))\s*$"),
    )


@dataclass
class _Candidate:
    q: Quantity
    unit: str | None
    comparator: ComparatorMatch | None
    clause: tuple[int, int]
    line: Line


def find_targets(layout: Layout, document: Document, references: list[Reference]) -> list[Target]:
    text = layout.text
    ctx = _context()
    masks = _Masks(date_spans(text) + all_reference_spans(text) + [m.span() for m in ctx.levels.finditer(text)])
    cues = kinds.CueIndex(text)
    targets: list[Target] = []
    table_header: dict[int, list[str]] = {}
    for line in layout.lines:
        if line.blank or line.zone != "body" and not _is_headline(line, document):
            continue
        if line.cells is not None:
            targets.extend(table_row_targets(layout, line, document, masks.hit, table_header))
            continue
        table_header.clear()
        quantities = [q for q in find_quantities(text, line.start, line.end) if not masks.hit(q)]
        if not quantities:
            continue
        starts = [q.start for q in quantities]
        line_vote = _context_vote(layout, line, cues)  # the same for every number of the line
        lead = _wrapped_lead(layout, line)
        for k, (cs, ce) in enumerate(clauses(line)):
            # quantities are in text order: bisect, so a one-line document stays linear
            lo, hi = bisect.bisect_left(starts, cs), bisect.bisect_left(starts, ce)
            in_clause = [q for q in quantities[lo:hi] if q.end <= ce]
            if in_clause:
                targets.extend(_clause_targets(layout, line, (cs, ce), in_clause, document, cues, line_vote,
                                               lead if k == 0 else None))
    return targets


class _Masks:
    """Spans (dates, references, list labels) whose numbers are not targets; a lookup is O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end = list(itertools.accumulate((b for _, b in spans), max))

    def hit(self, q: Quantity) -> bool:
        """True when some span overlaps q: among spans starting before q.end, one ends after q.start."""
        k = bisect.bisect_left(self.starts, q.end)
        return k > 0 and self.max_end[k - 1] > q.start


@lru_cache(maxsize=1)
def _scales() -> frozenset[str]:
    return frozenset(load_yaml("units.yaml")["scales"])


def _counted(text: str, q: Quantity) -> bool:
    """"cấp huyện 263 TTHC": a counted noun after the number outweighs the place word before it."""
    if _YEAR_NUMBER.fullmatch(q.text):
        return False
    unit = unit_after(text, q.end)
    if unit is None or unit.unit == unit.base and unit.unit in _scales():
        return False
    time_units, weak_units = unit_sets()
    return not ({unit.base, unit.unit} & (time_units | weak_units))


def _is_headline(line: Line, document: Document) -> bool:
    """A news post's title states its headline figure ("... tiếp nhận hơn 45 nghìn hồ sơ")."""
    if document.doc_type != "tin_bai" or not document.subject or line.zone != "header":
        return False
    return line.text.strip().strip("*").strip().startswith(document.subject)


def _clause_targets(layout: Layout, line: Line, clause: tuple[int, int], quantities: list[Quantity],
                    document: Document, cues: kinds.CueIndex, line_vote: float,
                    lead: int | None = None) -> list[Target]:
    """``lead``: where the clause really starts when a hard wrap put its opening on the line before."""
    text = layout.text
    ctx = _context()
    cs, ce = clause
    quantities = [q for q in quantities
                  if not ctx.size_before.search(text, max(cs, q.start - 30), q.start)]
    quantities = [q for q in quantities
                  if q.percent or ctx.rank.search(text, max(cs, q.start - 30), q.start)
                  or not ctx.before_word.search(text, max(cs, q.start - 30), q.start)
                  or _counted(text, q)]
    sanction = ctx.sanction_consequence.search(text, cs, ce)
    if sanction:
        quantities = [q for q in quantities if not ctx.sanction_condition.search(text, max(cs, q.start - 80), q.start)]
    if not quantities:
        return []
    if lead is None:
        matches = comparator_matcher().match(text, cs, ce, quantities, content_start=line.content_start)
    else:  # "không có xã, thị trấn nào\n có tỷ lệ dưới 40%": the comparator's words span the wrap
        matches = comparator_matcher().match(text, lead, ce, quantities, content_start=lead)
    _inherit_comparators(text, quantities, matches)
    bounds = (line.start, line.end)
    prefix_vote = _prefix_vote(text, line, cs, cues)
    consumed = {m.consumed for m in matches.values() if m.consumed is not None}
    time_units, weak_units = unit_sets()
    measured = _measured(quantities)
    yardsticks = [k for k, o in enumerate(quantities) if _is_yardstick(text, bounds, cs, o.start, cues, document)]
    out: list[Target] = []
    prev_end = cs
    counted_before: int | None = None  # where the previous kept count's noun ended
    counted: tuple[int, str] | None = None  # ... and that noun, which a breakdown in parentheses shares
    for i, q in enumerate(quantities):
        if i in consumed:
            continue
        window = text[max(cs, q.start - 30):q.start]
        match = matches.get(i)
        rank = bool(ctx.rank.search(window))
        unit = "%" if q.percent else None
        unit_end = q.end
        if unit is None:
            um = unit_after(text, q.end)
            if um is not None:
                unit, unit_end = um.unit, um.end
            narrative = ctx.narrative.match(text, q.end)
            if narrative and narrative.end() >= unit_end:  # "hợp nhất 2 Bộ", but "3 bộ phận" is a count
                continue
        if rank:
            unit = "hạng"
        elif unit == "điểm" and _names_scale(text, line, q.start):
            continue
        if unit is None and counted is not None and _BREAKDOWN.fullmatch(text, counted[0], q.start) \
                and _BREAKDOWN_END.match(text, q.end):
            unit = counted[1]  # "tiếp nhận 3.842 hồ sơ (trực tuyến 2.716, trực tiếp 1.126)"
        if unit is None:
            continue
        comparator = match.comparator if match else ("range" if q.value_max is not None else "eq")
        if q.value_max is not None and comparator in ("gte", "eq"):
            comparator = "range"  # "đạt từ 20% - 30%": the dash range is the requirement
        value_max = match.value_max if match and match.value_max is not None else q.value_max
        if comparator != "range":
            value_max = None if match else value_max
            if value_max is not None:
                comparator = "range"
        before = text[max(cs, line.content_start):q.start]
        after = text[unit_end:ce]
        base = unit.split()[-1] if unit else ""
        if not q.percent and not rank:
            if unit in time_units or base in time_units:
                # "6 tháng cuối năm" is a period; "xuống còn 3 ngày", "thời gian giải quyết ... 5 ngày" are not
                lead = " ".join(before.split()[-4:])
                if comparator == "eq" and not ctx.duration.search(lead) and not _TIME_MEASURE.search(before[-60:]):
                    continue
            elif unit.split(",")[0] in weak_units:
                if comparator == "eq" and q.denominator is None and unit.split(",")[0] in ctx.places \
                        and ctx.possessor.search(window):
                    continue  # "Bộ phận Một cửa của 20 phường đã tiếp nhận ...": the owner of what follows
                # the noun after may be the subject of what follows
                vote = cues.clause_vote(bounds, (q.start - len(before), q.start), (q.start, q.start))
                listed = counted_before is not None and _LISTED.fullmatch(text, counted_before, q.start)
                stated = ctx.state_after.match(text, unit_end)
                quoted = text[cs:q.start].rstrip().endswith("(") and _CLOSE_PAREN.match(text, unit_end)
                counted_by_verb = ctx.count_verb.search(window) and not ctx.composition.search(window)
                if comparator == "eq" and q.denominator is None and vote > -2 and not counted_by_verb \
                        and not ctx.value_verb.search(window) and not listed and not stated and not quoted:
                    continue
        vote = cues.clause_vote(bounds, (q.start - len(before), q.start),
                                (unit_end, _own_after(text, unit_end, ce, quantities[i + 1:])))
        for aside in _ASIDE.finditer(text, q.start - len(before), q.start):
            # "đạt 99,42% (chỉ tiêu từ 98% trở lên): đạt 3/3 điểm": the cues of an aside are its own
            vote -= cues.clause(bounds, *aside.span())
        state = ctx.state_after.match(text, unit_end, ce) if not q.percent else None
        if state:  # "04 chỉ tiêu chưa đạt": the state is what the clause says of the count, in full
            vote += 0.5 * cues.clause(bounds, unit_end, state.end())
        vote += 1.0 * kinds.document_vote(document.doc_type)
        vote += line_vote + prefix_vote + _past_year_vote(text, line, cs, q.start, document)
        vote += _period_end_vote(text, line, q.start, document)
        if i in measured:
            vote -= 2.5
        if i not in yardsticks and any(k > i for k in yardsticks):
            vote -= 2.5  # "đạt 72,4%, thấp hơn yêu cầu (từ 85% trở lên)": measured against the bound after it
        if comparator in ("gt", "gte", "lt", "lte", "range"):
            vote += 0.5
        kind = "result" if rank else "target" if i in yardsticks else kinds.decide(vote, document.doc_type)
        role = None
        if q.percent and ctx.population.match(text, q.end) and any(
                o.percent and o.start > q.end for o in quantities[i + 1:]):
            role = "population"
        seg_before = text[max(prev_end, line.content_start, cs):q.start]
        noun = None if q.percent else (unit or "").split(" ")[-1] if unit in ("hạng",) else _base_noun(unit)
        indicator = indicators.own_indicator(before, seg_before, after, noun, q.percent)
        field_value, vague = indicators.is_field_value(text[cs:q.start]), indicators.needs_context(indicator)
        if field_value or vague:
            # the measure the line names before this clause ("Tên chỉ tiêu: Tỷ lệ ...; Chỉ tiêu: 100% văn bản đi")
            named = indicators.label_context(text[line.content_start:cs]) if cs > line.content_start else None
            if named and field_value:
                indicator = named
            elif vague:
                indicator = indicators.with_context(indicator, named or _context_indicator(layout, line))
        out.append(Target(
            indicator=indicator or (unit or ""), comparator=comparator, value=q.value, value_max=value_max,
            denominator=q.denominator, unit=unit, kind=kind, role=role,
            year=_year(layout, line, cs, q.start, document), section=list(line.section),
            evidence=text[cs:ce], start=cs, end=ce,
            rule=(match.rule if match else f"{comparator}.default") + (".rank" if rank else ""),
        ))
        prev_end = unit_end
        counted_before = unit_end if not q.percent else None
        if not q.percent and not rank and unit_end > q.end:
            counted = (unit_end, unit)
    return out


_CLAUSE_END = regex.compile(r"[.;:!?]\s*(?:\*\*)?\s*$")
_OPENS_LOWER = regex.compile(r"\s*\p{Ll}")


def _wrapped_lead(layout: Layout, line: Line) -> int | None:
    """Where the clause that a hard wrap carried onto ``line`` begins on the line before, if it did: the
    previous body line runs on (no closing punctuation) and this one goes on in lower case, unlabelled."""
    if line.index == 0 or line.label_kind is not None or not _OPENS_LOWER.match(line.text):
        return None
    prev = layout.lines[line.index - 1]
    if prev.blank or prev.zone != "body" or prev.cells is not None or _CLAUSE_END.search(prev.text):
        return None
    spans = clauses(prev)
    return spans[-1][0] if spans else None


def _measured(quantities: list[Quantity]) -> set[int]:
    """Indices of numbers that a later percentage in the clause is computed from: "số hóa 1.187/1.243 hồ sơ,
    đạt 95,49%", "tiếp nhận 18.204 hồ sơ, trong đó đã số hóa 15.367 hồ sơ, đạt 84,42%". A ratio worked out
    to the decimal is a measurement, so all of them read as results (a whole percentage may be a chance fit)."""
    found: set[int] = set()
    for j, p in enumerate(quantities):
        if not p.percent or p.value_max is not None or p.value == int(p.value):
            continue
        decimals = len(p.text.rstrip("%").strip().split(",")[-1]) if "," in p.text else 0
        tolerance = 0.5 * 10 ** -decimals + 1e-9
        for i in range(j):
            a = quantities[i]
            if a.percent or a.value_max is not None:
                continue
            if a.denominator and abs(100 * a.value / a.denominator - p.value) <= tolerance:
                found.update((i, j))
                continue
            for k in range(i):
                b = quantities[k]
                if not b.percent and b.denominator is None and b.value and \
                        abs(100 * a.value / b.value - p.value) <= tolerance:
                    found.update((i, j, k))
    return found


_JOINED = regex.compile(r"(?i)^(?:\s*(?:\*\*)?\s*(?:trong\s+)?(?:năm\s+(?:19|20)\d{2})?[^;:.\d]{0,60}?)"
                        r"(?:,|\bvà|\bhoặc)\s*(?P<scope>(?:năm\s+(?:19|20)\d{2}|[^;:.\d]){0,30}?)\s*(?:\*\*)?$")
_OWN_VERB = regex.compile(r"(?i)(?<![\p{L}])(?:đạt|là|bằng|chiếm|tăng|giảm|có)(?![\p{L}])")


def _inherit_comparators(text: str, quantities: list[Quantity], matches: dict[int, ComparatorMatch]) -> None:
    """'tối thiểu 70% trong năm 2025 và 85% trong năm 2026': the comparator carries to the joined number."""
    for i in range(1, len(quantities)):
        prev = matches.get(i - 1)
        if i in matches or prev is None or prev.comparator in ("eq", "range"):
            continue
        if not _same_unit(text, quantities[i - 1], quantities[i]):
            continue  # "tối thiểu 140.000 triệu đồng, tổ chức đấu giá 02 dự án": another measure
        between = text[quantities[i - 1].end:quantities[i].start]
        joined = _JOINED.match(between) if len(between.split()) <= 12 else None
        if joined and len(joined.group("scope").split()) <= 4 and not _OWN_VERB.search(joined.group("scope")):
            matches[i] = ComparatorMatch(prev.comparator, prev.rule + ".inherited")


def _same_unit(text: str, a: Quantity, b: Quantity) -> bool:
    """Both percentages, or both counting the same noun (a number without its own noun shares the other's)."""
    if a.percent or b.percent:
        return a.percent == b.percent
    ua, ub = unit_after(text, a.end), unit_after(text, b.end)
    return ua is None or ub is None or ua.unit == ub.unit


_YEAR_NUMBER = regex.compile(r"(?:19|20)\d{2}")
_TIME_MEASURE = regex.compile(r"(?i)\bthời (?:gian|hạn) (?:giải quyết|xử lý|trả kết quả|thực hiện)\b")
# "12 phòng chuyên môn và 02 đơn vị sự nghiệp": a count listed right after a kept count
_LISTED = regex.compile(r"\s*(?:,|;)?\s*(?:và|cùng)?\s*")
# "3.842 hồ sơ (trực tuyến 2.716, trực tiếp 1.126)": labelled parts of a count, in parentheses right after it
_PART_LABEL = r"\s*[\p{L}][\p{L} ]{0,30}?\s*:?\s*"
_BREAKDOWN = regex.compile(rf"\s*\((?:{_PART_LABEL}\d++(?:[.,]\d++)*+\s*[,;])*{_PART_LABEL}")
_BREAKDOWN_END = regex.compile(r"\s*(?:[,;)]|và\b)")
_CLOSE_PAREN = regex.compile(r"\s*\)")
_ASIDE = regex.compile(r"\([^()]{1,200}\)")
_UNTIL_YEAR = regex.compile(r"(?i)\b(đến|tới|trước)\s+năm\s+\d{4}")
_COUNT_SCALE = regex.compile(r"(?:nghìn tỷ|ngàn tỷ|triệu|tỷ|nghìn|ngàn)\s+(?!đồng|USD)")
# a parenthesis that opens with a year and runs up to the number: "(năm 2025 có 64 sản phẩm)"
_BASELINE_PAREN = regex.compile(r"(?ri)\(\s*năm\s+((?:19|20)\d{2})(?!\d)[^()]{0,60}$")
_PAST_OPENER = regex.compile(r"(?i)\W{0,3}(?:trong\s+|qua\s+|kết quả\s+)?năm\s+(?:19|20)\d{2}\s*,")


def _own_after(text: str, start: int, end: int, later: list[Quantity]) -> int:
    """Where what follows a number stops: at the next number or parenthesis (cues further on belong
    to those)."""
    stop = min([q.start for q in later if q.start >= start] + [end])
    paren = text.find("(", start, stop)
    return paren if paren >= 0 else stop


def _past_year_vote(text: str, line: Line, cs: int, pos: int, document: Document) -> float:
    """A clause about a year before the document's own ("Năm 2024, thành phố đã ...") reports a result."""
    now = int(document.date[:4]) if document.date else document.year
    if not now:
        return 0.0
    baseline = _BASELINE_PAREN.search(text, max(cs, pos - 80), pos)
    if baseline and int(baseline.group(1)) <= now:
        return -6.0  # "năm 2030: 100% (năm 2025 đạt 78,4%)": the year's own figure, quoted as the baseline
    found = list(_YEAR.finditer(text, line.content_start, pos))
    if not found or int(found[-1].group(1)) >= now:
        return 0.0
    if _UNTIL_YEAR.search(text, cs, pos):
        return 0.0
    last = found[-1]
    opener = _PAST_OPENER.match(text, line.content_start)
    if pos - last.end() < 60 or (opener and opener.end() > last.start()):
        return -6.0  # "năm 2021 còn 418 hồ sơ", or a sentence opened by "Năm 2022, ..."
    return -2.5


@lru_cache(maxsize=1)
def _period_end() -> regex.Pattern[str]:
    words = _alternation(load_yaml("kinds.yaml")["period_end"])
    date = (r"(?:ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})|"
            r"(?:ngày\s+)?(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d))")
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{words})\s+{date}")


def _period_end_vote(text: str, line: Line, pos: int, document: Document) -> float:
    """A period that ended before the document's date frames a measured figure ("từ ngày 01/7 đến ngày
    15/8/2022, toàn quận tiếp nhận 18.204 hồ sơ"); one that ends after it sets a deadline."""
    if not document.date:
        return 0.0
    start = max(line.content_start, pos - _MAX_PREFIX)
    last = None
    for last in _period_end().finditer(text, start, pos):  # noqa: B007 - the last one before the number
        pass
    if last is None:
        return 0.0
    ended = make_date(last.group("y"), last.group("m"), last.group("d"))
    if ended is None or ended == document.date:
        return 0.0
    return -3.0 if ended < document.date else 1.5


_MAX_PREFIX = 2000  # characters of the line before a clause read for cues (real lines are much shorter)


_SENTENCE_END = regex.compile(r"(?r)[.!?]\s+(?=\p{Lu})")
_OPEN_PAREN = regex.compile(r"(?r)\(([^()]{0,80})$")


def _is_yardstick(text: str, line: tuple[int, int], cs: int, pos: int, cues: kinds.CueIndex,
                  document: Document) -> bool:
    """A bound quoted in parentheses is the yardstick a result is measured against: "(tối thiểu 60%)";
    a figure of an earlier year in parentheses is a result ("(năm 2024 hoàn thành 7/11 huyện)")."""
    if _context().yardstick.search(text, max(cs, pos - 100), pos):
        return True  # "chưa đạt yêu cầu tối thiểu 80%", "thấp hơn chỉ tiêu (từ 50% trở lên)"
    m = _OPEN_PAREN.search(text, max(cs, pos - 80), pos)
    if not m:
        return False
    if len(m.group(1).split()) <= 2 and _context().assigned_before.search(text, max(cs, m.start() - 60), m.start()):
        return True  # "chỉ tiêu tỉnh giao (50%)", "yêu cầu của Thành phố (từ 90% trở lên)"
    if _context().assigned_open.match(m.group(1)):
        return True  # "ước tăng 6,21% (kế hoạch tăng 7,5%)": the bound named inside the parentheses
    if cues.clause_vote(line, m.span(1), (pos, pos)) < 1.0:  # a weak cue alone: "(hoàn thành 24/24 ...)"
        return False
    now = int(document.date[:4]) if document.date else document.year
    years = [int(y) for y in _YEAR.findall(m.group(1))]
    return not (now and years and years[-1] < now)


def _prefix_vote(text: str, line: Line, cs: int, cues: kinds.CueIndex) -> float:
    """Cues earlier in the same line, up to the clause: 'các chỉ tiêu năm 2021: ...; ...; X đạt 100%'."""
    start = max(line.content_start, cs - _MAX_PREFIX)  # bounded: linear on one-line documents
    sentence = _SENTENCE_END.search(text, start, min(len(text), cs + 1))  # the lookahead reads cs
    if sentence:  # an earlier sentence is another statement ("Tổng kế hoạch vốn là X. Tính đến ..., đã ...")
        start = sentence.end()
    prefix = text[start:cs]
    if not prefix.strip():
        return 0.0
    # heading words count only in the introduction right before the list ("... các chỉ tiêu sau: a; b")
    intro = start + prefix.rfind(":") + 1 if ":" in prefix[-120:] else max(start, cs - 80)
    bounds = (line.start, line.end)
    return 0.5 * cues.clause_vote(bounds, (start, cs), (cs, cs)) + cues.header(bounds, intro, cs)


def _names_scale(text: str, line: Line, pos: int) -> bool:
    """The sentence up to ``pos`` names the scoring scale, so its points are weights, not scores."""
    start = max(line.content_start, pos - _MAX_PREFIX)
    sentence = _SENTENCE_END.search(text, start, pos)  # a reverse pattern: the nearest sentence end
    return bool(_context().scale.search(text, sentence.end() if sentence else start, pos))


def _base_noun(unit: str | None) -> str | None:
    """'triệu hồ sơ' -> 'hồ sơ', 'tỷ đồng' stays (money keeps its scale)."""
    if not unit:
        return None
    scale = _COUNT_SCALE.match(unit)
    return unit[scale.end():] if scale else unit


def _context_vote(layout: Layout, line: Line, cues: kinds.CueIndex) -> float:
    def header(index: int) -> float:
        ln = layout.lines[index]
        return cues.header((ln.start, ln.end))

    vote = 0.0
    if line.parent is not None:
        vote += 1.5 * header(line.parent)
        grand = layout.lines[line.parent].parent
        if grand is not None:
            vote += 1.0 * header(grand)
    for depth, heading in enumerate(reversed(line.headings)):
        vote += (2.0 if depth == 0 else 1.0) * header(heading)
    return vote


def _context_indicator(layout: Layout, line: Line) -> str | None:
    # the previous sibling item naming a measure, then the introducing line
    i = line.index - 1
    while i >= 0 and i > line.index - 8:
        ln = layout.lines[i]
        if ln.blank:
            i -= 1
            continue
        if ln.label_kind != line.label_kind or ln.parent != line.parent:
            break
        found = indicators.context_indicator(ln.content)
        if found:
            return found
        i -= 1
    if line.parent is not None:
        return indicators.context_indicator(layout.lines[line.parent].content)
    return None


def _year(layout: Layout, line: Line, cs: int, pos: int, document: Document) -> int | None:
    """The year the clause names, else the one of the nearest list introduction or heading above it
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021" in a report on 2020), else the document's."""
    years = _YEAR.findall(layout.text, cs, pos)
    if years:
        return int(years[-1])
    above = ([line.parent] if line.parent is not None else []) + list(reversed(line.headings))
    for index in above:
        heading = layout.lines[index]
        found = _YEAR.findall(layout.text, heading.start, heading.end)
        if found:
            return int(found[-1])
    return document.year
