"""Writing outputs safely: temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TextIO, TypeVar

T = TypeVar("T")


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


class BackgroundWriter(Generic[T]):
    """Atomic writes on helper threads, so that waiting for the disk (the fsync before each rename,
    milliseconds on a virtual disk) overlaps the work on the next documents.

    Each write carries a token (the caller's record of it); finished writes come back as
    (token, error or None) in submission order. At most ``max_pending`` writes wait at once, which
    bounds the memory held by their contents."""

    def __init__(self, threads: int = 2, max_pending: int = 64) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="cchc-write")
        self._pending: deque[tuple[T, Future[None]]] = deque()
        self._max_pending = max_pending

    def submit(self, path: Path, content: str, token: T) -> list[tuple[T, OSError | None]]:
        """Queue a write; returns the writes that have finished meanwhile."""
        self._pending.append((token, self._pool.submit(write_atomic, path, content)))
        return self._take(block_until=len(self._pending) - self._max_pending)

    def finished(self) -> list[tuple[T, OSError | None]]:
        """The writes finished so far, without waiting."""
        return self._take(block_until=0)

    def drain(self) -> list[tuple[T, OSError | None]]:
        """Wait for every queued write, then stop the threads."""
        try:
            return self._take(block_until=len(self._pending))
        finally:
            self._pool.shutdown(wait=True)

    def _take(self, block_until: int) -> list[tuple[T, OSError | None]]:
        done: list[tuple[T, OSError | None]] = []
        while self._pending and (len(done) < block_until or self._pending[0][1].done()):
            token, future = self._pending.popleft()
            try:
                future.result()
                done.append((token, None))
            except OSError as exc:
                done.append((token, exc))
        return done
