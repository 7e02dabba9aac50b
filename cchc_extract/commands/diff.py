"""`cchc-extract diff OLD NEW`: what changed in the targets between two documents (exit like diff(1))."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

from ..diff import DEFAULT_THRESHOLD, Change, DiffResult
from ._common import EXIT_TROUBLE, guarded, load_all, threshold

EXIT_SAME, EXIT_DIFFERENT = 0, 1

_COLOURS = {"raised": "32", "lowered": "31", "tightened": "33", "loosened": "35", "range changed": "36",
            "added": "1;32", "removed": "1;31", "unchanged": "2"}


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name, help=help_text, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=help_text + ".\n\nOLD and NEW are target-set JSON files or documents "
        "(extracted on the fly).\nExit status: 0 no differences, 1 differences, 2 trouble.\n\nExample:\n"
        "  cchc-extract diff out/ke-hoach-2023.json out/ke-hoach-2024.json --format markdown")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD, metavar="S",
                   help="least indicator similarity (0-1) for two targets to pair "
                   f"(default {DEFAULT_THRESHOLD})")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text table (auto: when stdout is a terminal and NO_COLOR is unset)")
    p.set_defaults(command=name)


@guarded
def run(args: argparse.Namespace) -> int:
    from .. import diff

    sets = load_all([args.old, args.new])
    if sets is None:
        return EXIT_TROUBLE
    result = diff.diff(*sets, threshold=args.threshold)
    labels = [_label(s, p) for s, p in zip(sets, (args.old, args.new), strict=True)]
    if args.format == "json":
        out = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "markdown":
        out = render_markdown(result, labels)
    else:
        tty = sys.stdout.isatty()
        colour = args.color == "always" or (args.color == "auto" and tty and not os.environ.get("NO_COLOR"))
        width = shutil.get_terminal_size().columns if tty else None  # a pipe or file gets whole lines
        out = render_text(result, labels, width=width, colour=colour)
    sys.stdout.write(out)
    return EXIT_DIFFERENT if result.differs else EXIT_SAME


def _label(target_set, path: str) -> str:
    from ..formatting import document_label

    return f"{document_label(target_set.document, os.path.basename(path))} ({path})"


def _cell(change: Change, side: str) -> str:
    from ..formatting import cell

    return cell(getattr(change, side)) or "-"


def _columns(change: Change) -> list[str]:
    sim = "" if change.similarity is None else f"{change.similarity:.2f}"
    return [change.status, sim, change.indicator, _cell(change, "old"), _cell(change, "new")]


def _summary(result: DiffResult) -> str:
    counts: dict[str, int] = {}
    for c in result.changes:
        counts[c.status] = counts.get(c.status, 0) + 1
    from ..diff import STATUSES

    return ", ".join(f"{counts[s]} {s}" for s in STATUSES if s in counts) or "no targets"


def render_text(result: DiffResult, labels: list[str], *, width: int | None = None,
                colour: bool = False) -> str:
    """A fixed-width table; on a terminal (``width`` given) the indicator column takes the room left."""
    header = ["STATUS", "SIM", "INDICATOR", "OLD", "NEW"]
    rows = [_columns(c) for c in result.changes]
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(5)]
    if width is not None:
        widths[2] = max(24, min(widths[2], width - sum(widths[k] for k in (0, 1, 3, 4)) - 8))

    def line(cells: list[str], status: str | None = None) -> str:
        cells = [_shorten(c, widths[k]) for k, c in enumerate(cells)]
        text = "  ".join([cells[0].ljust(widths[0]), cells[1].rjust(widths[1]), cells[2].ljust(widths[2]),
                          cells[3].ljust(widths[3]), cells[4]]).rstrip()
        return f"\x1b[{_COLOURS[status]}m{text}\x1b[0m" if colour and status else text

    out = [f"--- {labels[0]}", f"+++ {labels[1]}", line(header)]
    out += [line(r, c.status) for r, c in zip(rows, result.changes, strict=True)]
    out.append(_summary(result))
    return "\n".join(out) + "\n"


def _shorten(text: str, width: int) -> str:
    """Cut the middle, not the end: list items differ in their tail ("... lĩnh vực nhà đất")."""
    if len(text) <= width:
        return text
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def render_markdown(result: DiffResult, labels: list[str]) -> str:
    from ..formatting import markdown_cell as esc

    out = [f"**Old:** {esc(labels[0])}  ", f"**New:** {esc(labels[1])}", "",
           "| status | similarity | indicator | old | new |", "|---|---:|---|---|---|"]
    out += ["| " + " | ".join(esc(c) for c in _columns(ch)) + " |" for ch in result.changes]
    out += ["", _summary(result)]
    return "\n".join(out) + "\n"
