"""`cchc-extract review FILE -o page.html`: a self-contained page to check a target set by eye."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._common import guarded, load_all, write_output


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name, help=help_text, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=help_text + ".\n\nThe page shows the document text with every target, result and "
        "citation\n"
        "highlighted, and a sortable table of them; click a row to scroll to its evidence, hover a\n"
        "highlight to see its fields. No network access is needed or allowed.\n"
        "FILE is a target-set JSON file or a document (extracted on the fly).\n\n"
        "Example:\n  cchc-extract review out/ke-hoach-2024.json -o ke-hoach-2024.html")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.set_defaults(command=name)


@guarded
def run(args: argparse.Namespace) -> int:
    from ..review import build_page, items_of

    sets = load_all([args.file])
    if sets is None:
        return 2
    out = Path(args.output)
    if not write_output(out, build_page(sets[0], fallback_name=os.path.basename(args.file))):
        return 2
    print(f"cchc-extract: wrote {out} ({len(items_of(sets[0]))} highlight(s))", file=sys.stderr)
    return 0
