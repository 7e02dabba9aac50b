"""Readers chosen by content (magic bytes) rather than by file name."""

from __future__ import annotations

from pathlib import Path

from .base import Origin, RepairNote, SourceText
from .text import read_text

__all__ = ["Origin", "RepairNote", "SourceText", "read_bytes", "read_path"]


def read_bytes(data: bytes, name: str = "") -> SourceText:
    """Decode a document's bytes into text; the container is told by its content."""
    return read_text(data)


def read_path(path: str | Path) -> SourceText:
    return read_bytes(Path(path).read_bytes(), str(path))
