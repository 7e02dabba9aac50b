"""Shared by the batch tests: sample documents and a CLI runner (a subprocess, as a user runs it)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DOCS = {
    "ke-hoach": (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm 2024\n\n"
        "Căn cứ Quyết định số 15/QĐ-UBND ngày 02 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh;\n\n"
        "1. Phấn đấu đến năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%.\n"
        "2. Mức độ hài lòng của người dân đạt từ 90% trở lên.\n"
        "3. 100% thủ tục hành chính được công khai đầy đủ, đúng quy định.\n"
    ),
    "bao-cao": (
        "Số: 7/BC-UBND\n\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2023\n\n"
        "Trong 6 tháng, tỷ lệ hồ sơ trực tuyến đạt 62,5%, tăng 12% so với cùng kỳ.\n"
        "Số hồ sơ trễ hạn là 15 hồ sơ, chiếm 0,3%.\n"
    ),
    "cong-van": (
        "Số: 473/VHTT\nV/v tăng cường tuyên truyền cải cách hành chính năm 2020\n\n"
        "Kính gửi: Ủy ban nhân dân 15 phường.\n\n"
        "Đề nghị các đơn vị đảm bảo tỷ lệ giải quyết hồ sơ đúng hạn không thấp hơn 98%.\n"
    ),
}


def write_docs(folder: Path, names: dict[str, str] | None = None) -> list[Path]:
    """Write the sample documents as ``<name>.txt`` under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (names or DOCS).items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("cchc-extract: error: ")]

    @property
    def summary(self) -> str:
        return self.stderr.strip().splitlines()[-1]


def run_cli(*args: str | Path, cwd: Path | None = None, stdin: str | None = None, prefix: list[str] = (),
            env: dict[str, str] | None = None, timeout: float = 120) -> Result:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run([*prefix, sys.executable, "-m", "cchc_extract", *map(str, args)], cwd=cwd,
                          input=stdin, capture_output=True, text=True, env=environ, timeout=timeout)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (symbolic links by their target name), by relative path."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file() and os.access(path, os.R_OK):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
