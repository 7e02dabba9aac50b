"""Writing outputs safely: temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` so that readers see either the old file or the complete new one."""
    write_atomic_bytes(path, content.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """The bytes variant of ``write_atomic``, for binary outputs such as XLSX."""
    with _atomic_file(Path(path), "wb") as fh:
        fh.write(data)


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text stream that replaces ``path`` only when closed without error (for JSON Lines)."""
    with _atomic_file(Path(path), "w") as fh:
        yield fh


@contextmanager
def _atomic_file(path: Path, mode: str) -> Iterator:
    """A temporary file in ``path``'s folder, renamed over ``path`` once written, removed on error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs are ordinary files
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
