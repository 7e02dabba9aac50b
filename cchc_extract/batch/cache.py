"""Is an existing output up to date?  Yes when it was made from the same input bytes by the same version.

The existing output records both (``source.sha256`` and ``tool_version``), so no side database is
needed and deleting an output is enough to have it made again.  Only the head of the output is
read: the models put ``tool_version`` and ``source`` before the (possibly long) text.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

_HEAD = 64 * 1024
_VERSION = re.compile(r'^  "tool_version": ("(?:[^"\\]|\\.)*"),?$', re.M)
_SHA = re.compile(r'^    "sha256": "([0-9a-f]{64})",?$', re.M)


def file_sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def recorded(output: Path) -> tuple[str, str] | None:
    """(tool_version, source sha256) recorded in an output file, or ``None`` if unreadable."""
    try:
        with open(output, encoding="utf-8", errors="replace") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return None
    version, sha = _VERSION.search(head), _SHA.search(head)
    if not version or not sha:
        return None
    try:
        return json.loads(version.group(1)), sha.group(1)
    except ValueError:
        return None


def up_to_date(output: Path, input_path: str, version: str) -> bool:
    """True when ``output`` exists and was made from the current bytes of ``input_path`` by ``version``."""
    if not output.is_file():
        return False
    seen = recorded(output)
    if seen is None or seen[0] != version:
        return False
    try:
        return file_sha256(input_path) == seen[1]
    except OSError:
        return False
