"""`extract` on batches: same bytes for any -j, skipping what is up to date, JSON Lines, names, usage."""

from __future__ import annotations

import json
import os

from .batch_helpers import DOCS, run_cli, tree_digest, write_docs


def test_outputs_identical_across_jobs_and_runs(tmp_path):
    write_docs(tmp_path / "in")
    write_docs(tmp_path / "in" / "sub", {"bao-cao": DOCS["bao-cao"]})
    runs = {}
    for jobs in ("1", "2", "2"):
        out = tmp_path / f"out{len(runs)}"
        res = run_cli("extract", tmp_path / "in", "-o", out, "-j", jobs, "--jsonl", out / "all.jsonl")
        assert res.code == 0, res.stderr
        assert res.errors == []
        assert res.summary.startswith("cchc-extract: 4 ok, 0 failed, 0 skipped;")
        runs[len(runs)] = tree_digest(out)
    assert runs[0] == runs[1] == runs[2]
    assert sorted(runs[0]) == ["all.jsonl", "bao-cao.json", "cong-van.json", "ke-hoach.json",
                               "sub/bao-cao.json"]


def test_jsonl_is_in_input_order_and_matches_files(tmp_path):
    paths = write_docs(tmp_path / "in")
    out = tmp_path / "out"
    listing = "# inputs\n" + "\n".join(map(str, reversed(paths))) + "\n\n"
    res = run_cli("extract", "--from-list", "-", "-o", out, "--jsonl", "-", "-j", "2", stdin=listing)
    assert res.code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(p) for p in reversed(paths)]
    for line, path in zip(lines, reversed(paths), strict=True):
        assert json.loads(line) == json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))


def test_rerun_skips_up_to_date_force_redoes_and_changes_are_seen(tmp_path):
    paths = write_docs(tmp_path / "in")
    out = tmp_path / "out"
    assert run_cli("extract", *paths, "-o", out).code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run_cli("extract", *paths, "-o", out, "--jsonl", "-")
    assert again.code == 0 and again.summary.startswith("cchc-extract: 0 ok, 0 failed, 3 skipped;")
    assert len(again.stdout.splitlines()) == 3  # skipped documents are still streamed
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    paths[0].write_text(DOCS["ke-hoach"] + "4. Thêm một chỉ tiêu đạt 80%.\n", encoding="utf-8")
    changed = run_cli("extract", *paths, "-o", out)
    assert changed.summary.startswith("cchc-extract: 1 ok, 0 failed, 2 skipped;")
    forced = run_cli("extract", *paths, "-o", out, "--force")
    assert forced.summary.startswith("cchc-extract: 3 ok, 0 failed, 0 skipped;")


def test_same_stem_from_two_folders_does_not_overwrite(tmp_path):
    a = write_docs(tmp_path / "a", {"plan": DOCS["ke-hoach"]})[0]
    b = write_docs(tmp_path / "b", {"plan": DOCS["bao-cao"]})[0]
    out = tmp_path / "out"
    res = run_cli("extract", a, b, "-o", out)
    assert res.code == 0, res.stderr
    outputs = sorted(out.glob("plan-*.json"))
    assert len(outputs) == 2
    assert {json.loads(p.read_text(encoding="utf-8"))["source"]["path"] for p in outputs} == {str(a), str(b)}


def test_never_writes_over_an_input_and_keeps_old_output_on_failure(tmp_path):
    out = tmp_path / "out"
    doc = write_docs(tmp_path, {"x": DOCS["cong-van"]})[0]
    assert run_cli("extract", doc, "-o", out).code == 0
    good = (out / "x.json").read_bytes()
    victim = out / "y.json"
    victim.write_text("Số: 1/KH\n\nđạt trên 90%\n", encoding="utf-8")
    res = run_cli("extract", victim, "-o", out)
    assert res.code == 1
    assert res.errors == [f"cchc-extract: error: {victim}: output y.json would overwrite an input file"]
    assert victim.read_text(encoding="utf-8") == "Số: 1/KH\n\nđạt trên 90%\n"
    doc.write_bytes(b"   \n")
    res = run_cli("extract", doc, "-o", out)
    assert res.code == 1 and len(res.errors) == 1
    assert (out / "x.json").read_bytes() == good
    assert sorted(p.name for p in out.iterdir()) == ["x.json", "y.json"]  # no temporary files left


def test_debug_shows_traceback_only_when_asked(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    plain = run_cli("extract", empty, "-o", tmp_path / "out")
    assert plain.code == 1 and "Traceback" not in plain.stderr
    for args in (["--debug", "extract", empty], ["extract", empty, "--debug"]):
        debug = run_cli(*args, "-o", tmp_path / "out")
        assert debug.code == 1 and "Traceback (most recent call last)" in debug.stderr


def test_usage_errors_exit_2(tmp_path):
    doc = write_docs(tmp_path, {"x": DOCS["cong-van"]})[0]
    assert run_cli("extract", "-o", tmp_path / "out").code == 2
    assert run_cli("extract", doc).code == 2
    assert run_cli("extract", doc, "-o", doc).code == 2
    assert run_cli("extract", doc, "-o", tmp_path / "out", "-j", "0").code == 2
    assert run_cli("extract", doc, "--from-list", tmp_path / "missing.list", "--jsonl", "-").code == 2
    assert not (tmp_path / "out").exists()


def test_progress_bar_only_on_request_when_not_a_terminal(tmp_path):
    paths = write_docs(tmp_path / "in")
    quiet = run_cli("extract", *paths, "-o", tmp_path / "o1")
    assert quiet.stderr.count("\n") == 1  # just the summary
    shown = run_cli("extract", *paths, "-o", tmp_path / "o2", "--progress")
    assert "doc/s" in shown.stderr or "s/doc" in shown.stderr


def test_folder_recursion_with_globs_and_output_inside_input(tmp_path):
    root = tmp_path / "in"
    write_docs(root)
    write_docs(root / "drafts", {"nhap": DOCS["cong-van"]})
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    out = root / "out"
    res = run_cli("extract", root, "-o", out, "--include", "*.txt", "--exclude", "drafts/*")
    assert res.code == 0, res.stderr
    assert sorted(os.listdir(out)) == ["bao-cao.json", "cong-van.json", "ke-hoach.json"]
    again = run_cli("extract", root, "-o", out, "--include", "*.txt", "--exclude", "drafts/*")
    assert again.summary.startswith("cchc-extract: 0 ok, 0 failed, 3 skipped;")  # out/ is not an input
