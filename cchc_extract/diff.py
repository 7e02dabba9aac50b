"""Align the targets of two (or more) target sets by what they measure, and name each change.

Alignment is one to one and optimal: the pairing that maximises the total similarity
(``scipy.optimize.linear_sum_assignment``), not the first good match -- with list items that
share a header, greedy matching pairs "lĩnh vực nhà đất" with whichever sibling comes first.
Only targets of the same scope may pair: same kind (target / result), same role, units that
mean the same, and bounds that point the same way (a floor never pairs with a ceiling).
No printing here: ``commands/diff.py`` and ``commands/table.py`` render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Document, Target, TargetSet
from .similarity import IndicatorScorer, unit_key

DEFAULT_THRESHOLD = 0.6  # below this similarity two targets are not the same indicator

STATUSES = ("raised", "lowered", "tightened", "loosened", "range changed", "unchanged", "added", "removed")

_FLOOR, _CEILING = {"gt", "gte"}, {"lt", "lte"}
# Strictness of a comparator at the same value; ``eq`` ("đạt 95%") sits between the inclusive and
# the strict bound, so gte -> eq -> gt each tighten and lte -> eq -> lt each tighten.
_STRICTNESS = {"gte": 0, "lte": 0, "eq": 1, "gt": 2, "lt": 2}

# Tie-breakers added to the similarity when choosing pairs (never shown): among equally similar
# candidates prefer the same target year, then the same section.
_SAME_YEAR_BONUS = 0.02
_SAME_SECTION_BONUS = 0.01


@dataclass(frozen=True)
class Change:
    status: str
    similarity: float | None
    old: Target | None
    new: Target | None

    @property
    def indicator(self) -> str:
        return (self.new or self.old).indicator  # type: ignore[union-attr]


@dataclass(frozen=True)
class DiffResult:
    old: Document
    new: Document
    changes: list[Change] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return any(c.status != "unchanged" for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The stable machine form: documents and targets are the model dumps."""
        return {
            "old": self.old.model_dump(mode="json"),
            "new": self.new.model_dump(mode="json"),
            "changes": [{
                "status": c.status,
                "similarity": c.similarity,
                "indicator": c.indicator,
                "old": c.old.model_dump(mode="json") if c.old else None,
                "new": c.new.model_dump(mode="json") if c.new else None,
            } for c in self.changes],
        }


def compatible(a: Target, b: Target) -> bool:
    """Whether two targets could measure the same thing at all (their scope)."""
    if a.kind != b.kind or a.role != b.role:
        return False
    ua, ub = unit_key(a.unit), unit_key(b.unit)
    if ua is not None and ub is not None and ua != ub:
        return False
    return not ({a.comparator, b.comparator} & _FLOOR and {a.comparator, b.comparator} & _CEILING)


def align(old: Sequence[Target], new: Sequence[Target], *, threshold: float = DEFAULT_THRESHOLD,
          scorer: IndicatorScorer | None = None, old_years: Sequence[int | None] | None = None,
          new_years: Sequence[int | None] | None = None) -> list[tuple[int, int, float]]:
    """Optimal one-to-one pairs ``(old index, new index, similarity)`` with similarity >= threshold.

    ``old_years`` / ``new_years`` give, per target, the year of the document it comes from (see
    ``_periods_allowed``).
    """
    if not old or not new:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scorer = scorer or IndicatorScorer([t.indicator for t in (*old, *new)])
    sims = np.zeros((len(old), len(new)))
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if compatible(a, b):
                sims[i, j] = scorer.similarity(a.indicator, b.indicator)
    allowed = _periods_allowed(old, new, sims >= threshold, old_years or [None] * len(old),
                               new_years or [None] * len(new))
    gain = np.zeros_like(sims)  # 0 = better left unpaired
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if allowed[i][j]:
                gain[i, j] = (sims[i, j] + _SAME_YEAR_BONUS * (a.year is not None and a.year == b.year)
                              + _SAME_SECTION_BONUS * (bool(a.section) and a.section == b.section))
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return [(int(i), int(j), float(sims[i, j])) for i, j in zip(rows, cols, strict=True) if gain[i, j] > 0]


def _periods_allowed(old: Sequence[Target], new: Sequence[Target], candidate, old_years, new_years):
    """Which candidate pairs respect the target years.

    Yearly plans compare 2023 with 2024 (and the 2022 results of one with the 2023 results of the
    next): targets of different years pair when they sit at the same distance from their
    document's year. But when a plan states a target per year ("năm 2025 đạt 80%, năm 2026 đạt
    90%") and the other document states the same indicator for one of those years, that year
    compares with itself: its 2026 target is not "raised" into someone's 2027.
    """
    def same_year_partner(t: Target, others: Sequence[Target], row) -> bool:
        return any(row[k] and o.year == t.year for k, o in enumerate(others))

    allowed = [[False] * len(new) for _ in old]
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if not candidate[i, j]:
                continue
            if a.year is None or b.year is None or a.year == b.year:
                allowed[i][j] = True
            elif None not in (old_years[i], new_years[j]) and a.year - old_years[i] == b.year - new_years[j]:
                allowed[i][j] = not (same_year_partner(a, new, candidate[i, :])
                                     or same_year_partner(b, old, candidate[:, j]))
    return allowed


def status(old: Target, new: Target) -> str:
    """How the requirement moved from ``old`` to ``new`` (a paired, compatible couple)."""
    if old.comparator == "range" or new.comparator == "range":
        same = (old.comparator, old.value, old.value_max) == (new.comparator, new.value, new.value_max)
        return "unchanged" if same else "range changed"
    if new.value != old.value:
        return "raised" if new.value > old.value else "lowered"
    if new.denominator != old.denominator and None not in (old.denominator, new.denominator):
        return "raised" if new.denominator < old.denominator else "lowered"  # 55/89 -> 55/80
    step = _STRICTNESS[new.comparator] - _STRICTNESS[old.comparator]
    return "tightened" if step > 0 else "loosened" if step < 0 else "unchanged"


def diff_targets(old: Sequence[Target], new: Sequence[Target], *, threshold: float = DEFAULT_THRESHOLD,
                 old_year: int | None = None, new_year: int | None = None) -> list[Change]:
    """Pairs, additions and removals, in the order of the new document with removals in place."""
    pairs = align(old, new, threshold=threshold, old_years=[old_year] * len(old),
                  new_years=[new_year] * len(new))
    new_of_old = {i: j for i, j, _ in pairs}
    keyed: list[tuple[tuple[int, int, int], Change]] = []
    for i, j, sim in pairs:
        keyed.append(((j, 0, 0), Change(status(old[i], new[j]), round(sim, 3), old[i], new[j])))
    paired_new = set(new_of_old.values())
    keyed += [((j, 0, 0), Change("added", None, None, t)) for j, t in enumerate(new) if j not in paired_new]
    for i, t in enumerate(old):
        if i in new_of_old:
            continue
        before = [new_of_old[k] for k in new_of_old if k < i]  # show a removal after its old neighbour
        keyed.append(((max(before, default=-1), 1, i), Change("removed", None, t, None)))
    return [change for _, change in sorted(keyed, key=lambda kc: kc[0])]


def diff(old: TargetSet, new: TargetSet, *, threshold: float = DEFAULT_THRESHOLD) -> DiffResult:
    changes = diff_targets(old.targets, new.targets, threshold=threshold, old_year=old.document.year,
                           new_year=new.document.year)
    return DiffResult(old.document, new.document, changes)


@dataclass
class Row:
    """One indicator across documents: ``cells[k]`` is its target in document ``k`` or None."""

    cells: list[Target | None]

    @property
    def latest_column(self) -> int:
        return max(k for k, t in enumerate(self.cells) if t is not None)

    @property
    def latest(self) -> Target:
        return self.cells[self.latest_column]  # type: ignore[return-value]


def order_by_date(sets: Sequence[TargetSet]) -> list[int]:
    """Indices of ``sets`` oldest first: by date, then plan year, then path; undated last."""
    def key(k: int) -> tuple:
        doc = sets[k].document
        return (doc.date is None, doc.date or "", doc.year is None, doc.year or 0, sets[k].source.path, k)

    return sorted(range(len(sets)), key=key)


def align_many(sets: Sequence[TargetSet], *, threshold: float = DEFAULT_THRESHOLD) -> list[Row]:
    """Rows of one indicator across ``sets`` (already in the wanted column order).

    Each document is aligned, optimally, to the latest wording of every row so far; what finds no
    row starts a new one. Similarity weights come from all indicators of all documents.
    """
    scorer = IndicatorScorer([t.indicator for s in sets for t in s.targets])
    rows: list[Row] = []
    for k, target_set in enumerate(sets):
        latest = [row.latest for row in rows]
        pairs = align(latest, target_set.targets, threshold=threshold, scorer=scorer,
                      old_years=[sets[row.latest_column].document.year for row in rows],
                      new_years=[target_set.document.year] * len(target_set.targets))
        placed = set()
        for r, j, _ in pairs:
            rows[r].cells.append(target_set.targets[j])
            placed.add(j)
        for row in rows:
            if len(row.cells) == k:
                row.cells.append(None)
        for j, t in enumerate(target_set.targets):
            if j not in placed:
                rows.append(Row([None] * k + [t]))
    return rows
