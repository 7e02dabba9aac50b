"""`cchc-extract schema`: print the target-set JSON Schema."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text + ".\n\nExample:\n  cchc-extract schema > "
                       "target-set.schema.json", formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(command=name)


def run(args: argparse.Namespace) -> int:
    from ..schema import schema_json

    sys.stdout.write(schema_json())
    return 0
