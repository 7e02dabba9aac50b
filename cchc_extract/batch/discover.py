"""Turn command-line inputs into a list of files to extract, each bad input becoming an error item.

Folders are walked recursively (sorted, so the order never depends on the file system); hidden
files and folders, symbolic links to folders (loops) and the output folder itself are not entered.
Include/exclude globs match the path relative to the folder given, or the file name.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Item:
    """One input: ``path`` as the user wrote it (or as found under a folder).

    ``rel`` is the path relative to the folder it was found in (``None`` for files named
    directly); ``error`` is set when the input cannot be processed at all.
    """

    path: str
    rel: PurePosixPath | None = None
    error: str | None = None


def read_list(source: str) -> list[str]:
    """Paths from a list file (``-`` for stdin): one per line, blank lines and ``#`` comments skipped."""
    if source == "-":
        lines: Iterable[str] = sys.stdin
    else:
        with open(source, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    paths = (line.rstrip("\r\n") for line in lines)
    return [s for s in paths if s.strip() and not s.lstrip().startswith("#")]


def discover(inputs: Iterable[str], *, include: list[str] | None = None, exclude: list[str] | None = None,
             skip_dirs: Iterable[Path] = ()) -> list[Item]:
    """Expand files and folders into items; the same file named twice is kept once."""
    skip = {_real(p) for p in skip_dirs}
    seen: set[str] = set()
    items: list[Item] = []
    for raw in inputs:
        for item in _expand(raw, include or [], exclude or [], skip):
            if item.error is None:
                key = _real(Path(item.path))
                if key in seen:
                    continue
                seen.add(key)
            items.append(item)
    return items


def _expand(raw: str, include: list[str], exclude: list[str], skip: set[str]) -> Iterator[Item]:
    error = check_file(raw)
    if error != "is a folder":
        # Files named directly are taken even when they do not match the globs: the user asked for them.
        yield Item(raw, None, error)
        return
    found = False
    for path, rel, error in _walk(Path(raw), skip):
        if error is not None or _selected(rel, include, exclude):
            found = True
            yield Item(str(path), rel, error or check_file(str(path)))
    if not found:
        yield Item(raw, None, "folder holds no files to extract" + (" matching --include/--exclude"
                                                                    if include or exclude else ""))


def _walk(root: Path, skip: set[str]) -> Iterator[tuple[Path, PurePosixPath, str | None]]:
    """Files under ``root`` in sorted order; a sub-folder that cannot be listed is yielded as an error."""
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append, followlinks=False):
        while unlisted:
            yield from _unlisted(unlisted.pop(0), root)
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and _real(here / d) not in skip)
        for name in sorted(filenames):
            if not name.startswith("."):
                path = here / name
                yield path, PurePosixPath(path.relative_to(root).as_posix()), None
    for exc in unlisted:
        yield from _unlisted(exc, root)


def _unlisted(exc: OSError, root: Path) -> Iterator[tuple[Path, PurePosixPath, str | None]]:
    path = Path(exc.filename or root)
    reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    yield path, PurePosixPath(path.relative_to(root).as_posix()), f"cannot list folder: {reason}"


def _selected(rel: PurePosixPath, include: list[str], exclude: list[str]) -> bool:
    def match(patterns: list[str]) -> bool:
        return any(fnmatch.fnmatchcase(str(rel), p) or fnmatch.fnmatchcase(rel.name, p) for p in patterns)

    return (not include or match(include)) and not match(exclude)


def check_file(path: str) -> str | None:
    """Why ``path`` cannot be read as a document, or ``None`` when it is a regular file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"broken symbolic link (points to {os.readlink(path)!r}, which does not exist)"
        return "no such file or folder"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISDIR(st.st_mode):
        return "is a folder"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (device, pipe or socket)"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def _real(path: Path) -> str:
    return os.path.realpath(path)
