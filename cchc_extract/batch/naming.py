"""Output names: ``<stem>.json``, never outside the output folder, never colliding, never over an input.

* A file named directly gives ``<stem>.json`` at the top of the output folder (what the scorer reads).
* A file found under a folder keeps its relative sub-folder: ``docs/2024/plan.pdf`` given as
  ``docs`` gives ``2024/plan.json``.
* When two inputs would get the same name (compared case-insensitively, for macOS and Windows file
  systems), each of them gets its extension kept, ``plan.pdf.json`` and ``plan.txt.json``; if that
  still collides (same name in different folders), an 8-hex-digit hash of the input's real path is
  added: ``plan-3f9a1c2e.json``.  The rule depends only on the set of inputs, never on their order.
* Control characters become ``_`` and a leading dot becomes ``_``, so a name cannot hide or escape.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .discover import Item

_MAX_STEM_BYTES = 200  # file names are limited to 255 bytes on common file systems


def output_names(items: Sequence[Item], out_dir: Path) -> list[str | None]:
    """The output name (relative, POSIX) for each item, or ``None`` for items that already failed."""
    folders: list[str] = []
    stems: list[str] = []
    for item in items:
        p = PurePosixPath(Path(item.path).name)
        folder = "." if item.rel is None else str(item.rel.parent)
        folders.append("" if folder == "." else "/".join(_clean(c) for c in folder.split("/")))
        stems.append(_clean(p.stem))
    live = [i for i, item in enumerate(items) if item.error is None]
    names = {i: _join(folders[i], stems[i]) for i in live}
    for group in _collisions(names):
        for i in group:
            suffix = _clean(PurePosixPath(items[i].path).suffix.lstrip("."))
            names[i] = _join(folders[i], f"{stems[i]}.{suffix}" if suffix else stems[i])
    for group in _collisions(names):
        for i in group:
            tag = hashlib.sha1(os.path.realpath(items[i].path).encode("utf-8", "surrogateescape")).hexdigest()
            names[i] = _join(folders[i], f"{stems[i]}-{tag[:8]}")
    return [names.get(i) for i in range(len(items))]


def output_path(out_dir: Path, name: str) -> Path:
    """``out_dir / name``, refusing anything that would resolve outside ``out_dir`` (e.g. via a symlink)."""
    root = out_dir.resolve()
    target = (root / name).resolve()
    if target == root or root not in target.parents:
        raise ValueError(f"output name {name!r} would leave the output folder")
    return target


def overwrites_input(target: Path, input_reals: set[str]) -> bool:
    return os.path.realpath(target) in input_reals


def _collisions(names: dict[int, str]) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, name in names.items():
        groups[name.casefold()].append(i)
    return [g for g in groups.values() if len(g) > 1]


def _join(folder: str, stem: str) -> str:
    return f"{folder}/{stem}.json" if folder else f"{stem}.json"


def _clean(part: str) -> str:
    """One safe path component: no separators, controls, leading dot or '..', bounded length."""
    part = "".join("_" if ord(c) < 32 or c in "/\\\x7f" else c for c in part)
    if not part or part.startswith("."):
        part = "_" + part[1:]
    data = part.encode("utf-8", "surrogateescape")
    if len(data) > _MAX_STEM_BYTES:
        part = data[:_MAX_STEM_BYTES].decode("utf-8", "ignore") + "~"
    return part.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
