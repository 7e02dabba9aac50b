"""diff: pairing of reworded indicators, statuses, optimal (not greedy) assignment, CLI exit codes."""

from __future__ import annotations

import json

import pytest

from cchc_extract.api import to_json
from cchc_extract.cli import main
from cchc_extract.diff import align, compatible, diff, diff_targets, status
from cchc_extract.models import Target
from cchc_extract.similarity import IndicatorScorer

from .targetset_factory import plan_2023, plan_2024


def tgt(indicator: str = "Tỷ lệ hồ sơ giải quyết đúng hạn", comparator: str = "gte", value: float = 95,
        unit: str | None = "%", **kw) -> Target:
    return Target(indicator=indicator, comparator=comparator, value=value, unit=unit,
                  kind=kw.pop("kind", "target"), evidence="x", start=0, end=1, rule="test", **kw)


def by_old_indicator(changes):
    return {c.old.indicator: c for c in changes if c.old}


def test_two_years_of_a_district_plan():
    changes = diff(plan_2023(), plan_2024()).changes
    old = by_old_indicator(changes)
    assert old["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"].status == "raised"  # gte 95 -> gt 97, reworded
    assert old["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"].new.indicator == \
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"
    assert old["Tỷ lệ hài lòng của người dân"].status == "lowered"  # 90 -> 85
    nha_dat = old["Tỷ lệ hài lòng khi giải quyết TTHC trong lĩnh vực nhà đất"]
    assert nha_dat.status == "tightened"  # gte 98 -> gt 98, list items swapped order
    assert nha_dat.new.indicator.endswith("lĩnh vực nhà đất")
    assert old["Tỷ lệ hài lòng khi giải quyết TTHC trong các lĩnh vực còn lại"].status == "unchanged"
    assert old["Số lần phải đi lại để bổ sung hồ sơ"].status == "unchanged"
    assert old["Tỷ lệ hồ sơ tiếp nhận trực tuyến"].status == "range changed"
    assert old["Tỷ lệ văn bản điện tử được ký số"].status == "removed"
    added = [c for c in changes if c.status == "added"]
    assert [c.new.indicator for c in added] == ["Tỷ lệ thanh toán trực tuyến phí, lệ phí"]
    # results are compared the same way, and never with targets
    assert old["Số hồ sơ đã giải quyết"].status == "raised"
    result_pair = old["Tỷ lệ hồ sơ giải quyết đúng hạn"]
    assert (result_pair.old.kind, result_pair.new.kind, result_pair.status) == ("result", "result", "raised")
    assert all(c.similarity is None or c.similarity >= 0.6 for c in changes)
    assert len(changes) == 10


def test_order_follows_new_document_with_removals_in_place():
    changes = diff(plan_2023(), plan_2024()).changes
    statuses = [c.status for c in changes]
    assert statuses.index("removed") == 6 and statuses.index("added") == 7


@pytest.mark.parametrize("old,new,expected", [
    (("gte", 95), ("gt", 97), "raised"),
    (("gt", 90), ("gt", 85), "lowered"),
    (("gte", 98), ("gt", 98), "tightened"),
    (("gt", 98), ("gte", 98), "loosened"),
    (("gte", 98), ("eq", 98), "tightened"),
    (("eq", 98), ("gt", 98), "tightened"),
    (("lte", 1), ("lt", 1), "tightened"),
    (("lt", 5), ("lte", 5), "loosened"),
    (("lte", 2), ("lte", 1), "lowered"),
    (("eq", 100), ("eq", 100), "unchanged"),
])
def test_status(old, new, expected):
    assert status(tgt(comparator=old[0], value=old[1]), tgt(comparator=new[0], value=new[1])) == expected


def test_status_of_ranges():
    a = tgt(comparator="range", value=30, value_max=40)
    assert status(a, tgt(comparator="range", value=30, value_max=40)) == "unchanged"
    assert status(a, tgt(comparator="range", value=30, value_max=50)) == "range changed"
    assert status(a, tgt(comparator="gte", value=30)) == "range changed"


def test_scope_keeps_apart_what_cannot_be_the_same_indicator():
    base = tgt()
    assert compatible(base, tgt(indicator="Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn", unit=" %"))
    assert compatible(tgt(unit="TTHC"), tgt(unit="thủ tục hành chính"))
    assert not compatible(base, tgt(unit="hồ sơ"))
    assert not compatible(base, tgt(kind="result", comparator="eq"))
    assert not compatible(base, tgt(role="population"))
    assert not compatible(base, tgt(comparator="lte"))  # a floor never pairs with a ceiling
    assert align([base], [tgt(unit="hồ sơ")]) == []


def test_assignment_is_optimal_not_greedy():
    old = [tgt("Tỷ lệ hồ sơ giải quyết đúng hạn"),
           tgt("Tỷ lệ hồ sơ lĩnh vực đất đai giải quyết đúng hạn")]
    new = [tgt("Tỷ lệ hồ sơ giải quyết đúng hạn lĩnh vực đất đai"),
           tgt("Tỷ lệ hồ sơ đúng hạn")]
    scorer = IndicatorScorer([t.indicator for t in old + new])
    sim = [[scorer.similarity(a.indicator, b.indicator) for b in new] for a in old]
    # Greedy first-match gives old[0] its best candidate, new[0], and leaves old[1] nothing above
    # the threshold; the optimal assignment pairs both.
    assert sim[0][0] > sim[0][1] >= 0.6 and sim[1][0] >= 0.6 > sim[1][1]
    assert {i: j for i, j, _ in align(old, new)} == {0: 1, 1: 0}
    assert [c.status for c in diff_targets(old, new)] == ["unchanged", "unchanged"]


def test_threshold_unpairs_different_indicators():
    old = [tgt("Tỷ lệ hồ sơ giải quyết đúng hạn")]
    new = [tgt("Tỷ lệ hồ sơ giải quyết trực tuyến", value=30)]
    assert [c.status for c in diff_targets(old, new)] == ["removed", "added"]
    assert [c.status for c in diff_targets(old, new, threshold=0.3)] == ["lowered"]


def test_same_indicator_per_year_pairs_by_year():
    old = [tgt(value=80, year=2025), tgt(value=90, year=2026)]
    new = [tgt(value=92, year=2026), tgt(value=95, year=2027)]
    changes = diff_targets(old, new, old_year=2025, new_year=2026)
    pairs = {(c.old.year if c.old else None, c.new.year if c.new else None): c.status for c in changes}
    assert pairs == {(2026, 2026): "raised", (None, 2027): "added", (2025, None): "removed"}


def test_yearly_plans_pair_across_years():
    changes = diff_targets([tgt(value=95, year=2023)], [tgt(value=97, year=2024)],
                           old_year=2023, new_year=2024)
    assert [c.status for c in changes] == ["raised"]


# --- command line ----------------------------------------------------------------------------------

@pytest.fixture()
def plan_files(tmp_path):
    old, new = tmp_path / "ke-hoach-2023.json", tmp_path / "ke-hoach-2024.json"
    old.write_text(to_json(plan_2023()), encoding="utf-8")
    new.write_text(to_json(plan_2024()), encoding="utf-8")
    return old, new


def test_cli_exit_codes(plan_files, tmp_path, capsys):
    old, new = plan_files
    assert main(["diff", str(old), str(old)]) == 0
    assert main(["diff", str(old), str(new)]) == 1
    capsys.readouterr()
    assert main(["diff", str(old), str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert err == f"cchc-extract: error: {tmp_path / 'missing.json'}: no such file\n"
    broken = tmp_path / "broken.json"
    broken.write_text('{"targets": []}', encoding="utf-8")
    assert main(["diff", str(broken), str(new)]) == 2
    assert capsys.readouterr().err.startswith(f"cchc-extract: error: {broken}: not a valid target set")
    assert main(["diff", str(old), str(new), "--threshold", "1.5"]) == 2


def test_cli_json_is_stable_and_shaped(plan_files, capsys):
    old, new = plan_files
    main(["diff", str(old), str(new), "--format", "json"])
    first = capsys.readouterr().out
    main(["diff", str(old), str(new), "--format", "json"])
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert list(data) == ["old", "new", "changes"]
    assert data["old"]["number"] == "16" and data["new"]["date"] == "2024-03-05"
    assert all(list(c) == ["status", "similarity", "indicator", "old", "new"] for c in data["changes"])
    raised = data["changes"][0]
    assert raised["status"] == "raised" and raised["similarity"] == 1.0
    assert raised["old"]["comparator"] == "gte" and raised["new"]["comparator"] == "gt"
    assert set(raised["new"]) == set(Target.model_fields)
    removed = next(c for c in data["changes"] if c["status"] == "removed")
    assert removed["new"] is None and removed["similarity"] is None


def test_cli_text_and_markdown(plan_files, capsys):
    old, new = plan_files
    main(["diff", str(old), str(new)])
    text = capsys.readouterr().out
    assert "\x1b[" not in text  # not a terminal: no colour
    lines = text.splitlines()
    assert lines[0].startswith("--- 16/KH-UBND 2023-03-03") and lines[2].split() == \
        ["STATUS", "SIM", "INDICATOR", "OLD", "NEW"]
    assert any(line.startswith("tightened") and "≥ 98 % [2023]" in line and "> 98 % [2024]" in line
               for line in lines)
    assert lines[-1] == "3 raised, 1 lowered, 1 tightened, 1 range changed, 2 unchanged, 1 added, 1 removed"
    main(["diff", str(old), str(new), "--color", "always"])
    assert "\x1b[32mraised" in capsys.readouterr().out
    main(["diff", str(old), str(new), "--format", "markdown"])
    md = capsys.readouterr().out.splitlines()
    assert "| status | similarity | indicator | old | new |" in md
    assert "| lowered | 1.00 | Tỷ lệ hài lòng của người dân | > 90 % [2023] | > 85 % [2024] |" in md


def test_a_crash_is_trouble_not_a_difference(plan_files, monkeypatch, capsys):
    """diff(1) semantics: status 1 means differences, so a bug must exit 2 with one line."""
    import cchc_extract.diff as diff_module

    def boom(*a, **k):
        raise ValueError("boom")

    monkeypatch.setattr(diff_module, "diff", boom)
    old, new = plan_files
    assert main(["diff", str(old), str(new)]) == 2
    assert capsys.readouterr().err == "cchc-extract: error: internal error (ValueError: boom)\n"
    assert main(["diff", str(old), str(new), "--threshold", "abc"]) == 2
