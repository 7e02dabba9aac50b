"""Loading many inputs for a command: report each bad one on one line, then give up (exit 2)."""

from __future__ import annotations

import sys

from ..models import TargetSet


def load_all(paths: list[str]) -> list[TargetSet] | None:
    """All target sets, or None after printing ``cchc-extract: error: <path>: <reason>`` per failure."""
    from ..errors import ExtractError
    from ..inputs import load_target_set

    sets, failed = [], False
    for path in paths:
        try:
            sets.append(load_target_set(path))
        except (ExtractError, OSError) as exc:
            print(f"cchc-extract: error: {path}: {exc}", file=sys.stderr)
            failed = True
    return None if failed else sets
