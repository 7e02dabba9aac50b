"""Shared by diff, table, export and review: loading inputs and turning failures into exit status 2.

diff(1)-style exit codes make 1 mean "differences", so a crash must never leak out as status 1:
``guarded`` reports any unexpected error on one line and returns 2.
"""

from __future__ import annotations

import argparse
import functools
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from ..models import TargetSet

EXIT_TROUBLE = 2


def threshold(text: str) -> float:
    """argparse type for ``--threshold``: a similarity between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def output_format(out: Path, chosen: str | None, formats: tuple[str, ...] | list[str],
                  aliases: dict[str, str]) -> str | None:
    """The format asked for, or told by the output's suffix; None (with the error printed) if neither."""
    fmt = chosen or aliases.get(out.suffix.lower(), out.suffix.lower().lstrip("."))
    if fmt in formats:
        return fmt
    print(f"cchc-extract: error: {out}: cannot tell the format from the suffix; use --format "
          f"({', '.join(formats)})", file=sys.stderr)
    return None


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


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except Exception as exc:  # a bug: one line, status 2, traceback with --debug
            print(f"cchc-extract: error: internal error ({exc.__class__.__name__}: {exc})", file=sys.stderr)
            if getattr(args, "debug", False):
                traceback.print_exc()
            return EXIT_TROUBLE

    return wrapper


def write_output(path, data: bytes | str) -> bool:
    """Write atomically; on failure print the one-line error and return False."""
    from ..output import write_atomic, write_atomic_bytes

    try:
        if isinstance(data, bytes):
            write_atomic_bytes(path, data)
        else:
            write_atomic(path, data)
    except OSError as exc:
        print(f"cchc-extract: error: {path}: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True
