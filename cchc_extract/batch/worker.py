"""The per-document function, the same for the local process pool and for Dask workers.

``process(task)`` never raises for a bad document: it returns an ``Outcome`` holding either the
JSON text or a one-line reason.  It is a pure function of the input bytes and options, so the
output does not depend on which worker ran it or in which order.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from dataclasses import dataclass, field

from ..errors import ExtractError, LimitExceeded

MB = 1024 * 1024
# A small plan that goes through every stage (header, citations, list items, counted nouns,
# comparator phrases, a table), so that every lazily built rule exists before workers fork.
WARM_UP_TEXT = ("ỦY BAN NHÂN DÂN\nQUẬN TÂN BÌNH\nSố: 15/KH-UBND\nTân Bình, ngày 11 tháng 9 năm 2024\n\n"
                "KẾ HOẠCH\nCải cách hành chính năm 2024\n\n"
                "Căn cứ Quyết định số 1234/QĐ-UBND ngày 01/02/2024 của Ủy ban nhân dân Thành phố;\n"
                "I. MỤC TIÊU\n"
                "1. Phấn đấu đến năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%.\n"
                "2. Mức độ hài lòng của người dân đạt từ 90% trở lên; năm 2023 đã giải quyết 5.220 hồ sơ.\n"
                "| STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện |\n|---|---|---|---|---|\n"
                "| 1 | Tỷ lệ số hóa hồ sơ | % | ≥ 80 | 85,5 |\n\n"
                "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n")


@dataclass(frozen=True)
class Options:
    """Settings shared by all tasks of a batch (sent once per task; small)."""

    max_size: int = 50 * MB
    password: str | None = None
    jsonl: bool = False
    debug: bool = False
    max_memory_mb: int | None = None  # for the message only; the limit is set by the runner


@dataclass(frozen=True)
class Task:
    index: int
    path: str  # as the user gave it: recorded in the output's source.path
    read_path: str  # absolute, so that a worker in another folder (or machine) finds it
    name: str | None  # output name relative to the output folder
    options: Options = field(default_factory=Options)


@dataclass
class Outcome:
    index: int
    path: str
    name: str | None
    json_text: str | None = None
    jsonl_line: str | None = None
    error: str | None = None
    detail: str | None = None  # traceback, kept only with --debug
    targets: int = 0
    results: int = 0
    seconds: float = 0.0
    recycle: bool = False  # the worker should be replaced (its memory state is suspect)

    @property
    def ok(self) -> bool:
        return self.error is None


def process(task: Task) -> Outcome:
    """Extract one document; every failure becomes ``Outcome.error``, a sentence for the user."""
    start = time.perf_counter()
    out = Outcome(task.index, task.path, task.name)
    try:
        data = read_limited(task.read_path, task.options.max_size)
        target_set = _extract(data, task.path, task.options)
        from ..api import to_json

        out.json_text = to_json(target_set)
        if task.options.jsonl:  # derived from the file's JSON so both always hold the same data
            out.jsonl_line = json.dumps(json.loads(out.json_text), ensure_ascii=False)
        kinds = [t.kind for t in target_set.targets]
        out.targets, out.results = kinds.count("target"), kinds.count("result")
    except Exception as exc:  # every failure, bugs included, becomes one line and the batch goes on
        out.error, out.recycle = reason(exc, task.options.max_memory_mb)
        out.json_text = out.jsonl_line = None
        if task.options.debug:
            out.detail = traceback.format_exc()
    out.seconds = time.perf_counter() - start
    return out


def read_limited(path: str, max_size: int) -> bytes:
    """Read at most ``max_size`` bytes; a larger file is refused before it is read into memory."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_size:
            raise LimitExceeded(f"file is too large ({size / MB:.1f} MB; limit {max_size / MB:.0f} MB, "
                                "see --max-size)")
        data = fh.read(max_size + 1)
    if len(data) > max_size:  # grew while reading
        raise LimitExceeded(f"file is too large (over the {max_size / MB:.0f} MB limit, see --max-size)")
    return data


def _extract(data: bytes, path: str, options: Options):
    from .. import api

    return api.extract_bytes(data, path, password=options.password)


def warm_up() -> None:
    """Import the pipeline and run it once, so that models and compiled rules are built before forking
    (shared by all workers) instead of once per document."""
    from .. import api

    try:
        api.extract_text(WARM_UP_TEXT)
    except Exception:  # a broken pipeline is reported per document, with its path
        pass


def reason(exc: BaseException, max_memory_mb: int | None = None) -> tuple[str, bool]:
    """(one-line reason for the user, whether the worker should be replaced)."""
    if isinstance(exc, MemoryError):
        limit = f"memory limit exceeded ({max_memory_mb} MB, see --max-memory)"
        return (limit if max_memory_mb else "out of memory"), True
    if isinstance(exc, RecursionError):
        return "document is nested too deeply to read", True
    if isinstance(exc, ExtractError):
        return one_line(str(exc) or exc.__class__.__name__), False
    if isinstance(exc, OSError):
        return one_line(os_reason(exc)), False
    return one_line(f"internal error ({exc.__class__.__name__}: {exc})"), False


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return exc.strerror or str(exc)


def one_line(text: str) -> str:
    return " ".join(text.split()) or "unknown error"
