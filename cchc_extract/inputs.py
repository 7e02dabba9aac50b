"""Read the inputs of diff, table, export and review: target-set JSON, or documents extracted on the fly.

A ``.json`` file (or any file that starts with ``{``) must be a valid target set -- a broken one
is reported, not re-extracted as if it were a document. Anything else goes through
``api.extract_file``, imported only then so that working on JSON never loads spaCy.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ExtractError
from .models import TargetSet


class InvalidInput(ExtractError):
    """The file is JSON but not a valid target set."""


def _looks_like_json(path: Path, head: bytes) -> bool:
    return path.suffix.lower() == ".json" or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def load_target_set(path: str | Path) -> TargetSet:
    """The target set stored in, or extracted from, ``path``; ``ExtractError`` with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise ExtractError("no such file")
    if not path.is_file():
        raise ExtractError("not a regular file")
    with path.open("rb") as fh:
        head = fh.read(64)
    if not _looks_like_json(path, head):
        from .api import extract_file

        return extract_file(path)
    from .schema import validation_errors

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"not readable JSON ({exc.__class__.__name__}: {exc})") from None
    errors = validation_errors(data)
    if errors:
        raise InvalidInput(f"not a valid target set ({len(errors)} error(s); first: {errors[0]})")
    return TargetSet.model_validate(data)
