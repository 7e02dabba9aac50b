"""`cchc-extract extract FILES -o DIR`: one <stem>.json per input; a bad file never stops the batch."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from ..errors import ExtractError


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name, help=help_text,
        description=help_text + ".\n\nExample:\n  cchc-extract extract plan-2024.txt letters/*.txt -o out/",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for <stem>.json outputs")
    p.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    p.set_defaults(command=name)


def run(args: argparse.Namespace) -> int:
    from ..api import extract_file, to_json
    from ..output import write_atomic

    out_dir = Path(args.output)
    ok = failed = 0
    for name in args.inputs:
        path = Path(name)
        try:
            if not path.is_file():
                raise ExtractError("no such file" if not path.exists() else "not a regular file")
            result = extract_file(path)
            write_atomic(out_dir / f"{path.stem}.json", to_json(result))
            ok += 1
        except (ExtractError, OSError) as exc:
            failed += 1
            print(f"cchc-extract: error: {name}: {exc}", file=sys.stderr)
        except Exception as exc:  # a bug: still one line, and the batch goes on
            failed += 1
            print(f"cchc-extract: error: {name}: internal error ({exc.__class__.__name__}: {exc})",
                  file=sys.stderr)
            if args.debug:
                traceback.print_exc()
    print(f"cchc-extract: {ok} ok, {failed} failed, 0 skipped", file=sys.stderr)
    return 1 if failed else 0
