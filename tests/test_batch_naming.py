"""Output names: flat <stem>.json for direct files, mirrored folders, no collisions, no escape."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from cchc_extract.batch.discover import Item, discover
from cchc_extract.batch.naming import output_names, output_path


def names(items: list[Item]) -> list[str | None]:
    return output_names(items, Path("out"))


def test_direct_files_keep_stem():
    assert names([Item("a/plan.txt"), Item("b/letter.pdf")]) == ["plan.json", "letter.json"]


def test_folder_structure_is_mirrored():
    items = [Item("docs/2024/plan.pdf", PurePosixPath("2024/plan.pdf")),
             Item("docs/x.txt", PurePosixPath("x.txt"))]
    assert names(items) == ["2024/plan.json", "x.json"]


def test_same_stem_different_extension_keeps_extension():
    assert names([Item("d/plan.pdf"), Item("d/plan.txt"), Item("d/other.txt")]) == [
        "plan.pdf.json", "plan.txt.json", "other.json"]


def test_same_name_in_two_folders_gets_path_hash_independent_of_order():
    a, b = Item("x/plan.txt"), Item("y/plan.txt")
    first, second = names([a, b])
    assert first != second and first.startswith("plan-") and second.startswith("plan-")
    assert names([b, a]) == [second, first]


def test_case_insensitive_collision():
    assert len(set(names([Item("x/Plan.txt"), Item("y/plan.TXT")]))) == 2


def test_hostile_names_stay_inside_and_visible():
    got = names([Item("..txt"), Item("a/\x1b[31mred\n.txt"), Item("a/" + "đ" * 300 + ".txt")])
    assert got[0] == "_.json"
    assert got[1] == "_[31mred_.json"
    assert len(got[2].encode()) <= 255
    for name in got:
        assert "/" not in name and not name.startswith(".")


def test_failed_items_get_no_name():
    assert names([Item("missing.txt", None, "no such file or folder")]) == [None]


def test_output_path_refuses_escape(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "link").symlink_to(tmp_path / "elsewhere")
    assert output_path(out, "a/b.json") == (out / "a/b.json").resolve()
    for bad in ("../x.json", "link/x.json", "/etc/x.json"):
        with pytest.raises(ValueError):
            output_path(out, bad)


def test_discover_walks_sorted_skips_hidden_output_and_dir_links(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "out").mkdir()
    for rel in ("z.txt", "a.pdf", "b/c.txt", ".hidden.txt", ".git/x.txt", "out/old.json"):
        (root / rel).write_text("x")
    (root / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "nowhere")
    items = discover([str(root)], skip_dirs=[root / "out"])
    rels = [str(i.rel) for i in items]
    assert rels == ["a.pdf", "dangling.txt", "z.txt", "b/c.txt"]
    assert "broken symbolic link" in (items[1].error or "")
    assert [i.error for i in items if i.rel != PurePosixPath("dangling.txt")] == [None, None, None]


def test_discover_globs_and_duplicates(tmp_path):
    (tmp_path / "d" / "drafts").mkdir(parents=True)
    for rel in ("d/a.pdf", "d/b.txt", "d/drafts/c.pdf"):
        (tmp_path / rel).write_text("x")
    found = discover([str(tmp_path / "d")], include=["*.pdf"], exclude=["drafts/*"])
    assert [str(i.rel) for i in found] == ["a.pdf"]
    twice = discover([str(tmp_path / "d/a.pdf"), str(tmp_path / "d/../d/a.pdf")])
    assert len(twice) == 1
    empty = discover([str(tmp_path / "d")], include=["*.docx"])
    assert empty[0].error and "matching" in empty[0].error


def test_discover_reports_missing_directory_and_special_files(tmp_path):
    fifo = tmp_path / "pipe"
    import os

    os.mkfifo(fifo)
    items = discover([str(tmp_path / "nope.txt"), str(fifo)])
    assert items[0].error == "no such file or folder"
    assert "not a regular file" in (items[1].error or "")
