"""`cchc-extract validate FILES`: check target-set JSON against the schema and the offset invariant."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text + ".\n\nExample:\n  cchc-extract validate "
                       "out/*.json", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(command=name)


def run(args: argparse.Namespace) -> int:
    from ..schema import validation_errors

    failed = 0
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(f"cchc-extract: error: {path}: not readable JSON ({exc.__class__.__name__}: {exc})",
                  file=sys.stderr)
            failed += 1
            continue
        errors = validation_errors(data)
        if errors:
            failed += 1
            print(f"cchc-extract: error: {path}: {len(errors)} schema error(s); first: {errors[0]}",
                  file=sys.stderr)
        else:
            print(f"{path}: ok")
    print(f"validated {len(args.files)} file(s): {len(args.files) - failed} ok, {failed} invalid", file=sys.stderr)
    return 1 if failed else 0
