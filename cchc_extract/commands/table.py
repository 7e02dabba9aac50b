"""`cchc-extract table FILES -o matrix.xlsx`: each indicator's target year by year, across documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diff import DEFAULT_THRESHOLD
from ._common import guarded, load_all, output_format, threshold, write_output

FORMATS = ("xlsx", "csv", "markdown")


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name, help=help_text, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=help_text + ".\n\nRows are aligned like `cchc-extract diff` does, "
        "document after document;\n"
        "columns are the documents ordered by date. FILES are target-set JSON files or documents.\n\n"
        "Example:\n  cchc-extract table out/*.json -o matrix.xlsx")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help=".xlsx, .csv or .md")
    p.add_argument("--format", choices=FORMATS, help="default: from the suffix of PATH")
    p.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD, metavar="S",
                   help="least indicator similarity (0-1) to put two targets in one row "
                   f"(default {DEFAULT_THRESHOLD})")
    p.set_defaults(command=name)


@guarded
def run(args: argparse.Namespace) -> int:
    from .. import table

    out = Path(args.output)
    fmt = output_format(out, args.format, FORMATS, {".md": "markdown"})
    if fmt is None:
        return 2
    sets = load_all(args.files)
    if sets is None:
        return 2
    matrix = table.build(sets, args.files, threshold=args.threshold)
    data = {"xlsx": table.to_xlsx, "csv": table.to_csv, "markdown": table.to_markdown}[fmt](matrix)
    if not write_output(out, data):
        return 2
    print(f"cchc-extract: wrote {out} ({len(matrix.rows)} indicator(s) x {len(matrix.columns)} document(s))",
          file=sys.stderr)
    return 0
