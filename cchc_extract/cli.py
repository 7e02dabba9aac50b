"""Command line: parses arguments and dispatches to ``commands/``; holds no extraction rules.

Each command module exposes ``add_parser(subparsers)`` and ``run(args) -> int`` and is imported
only when chosen, so ``--help``, ``schema`` and ``validate`` start without loading spaCy.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

# name -> (module under cchc_extract.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "extract target sets from documents into JSON files"),
    "schema": ("schema_cmd", "print the JSON Schema of a target set"),
    "validate": ("validate", "check target-set JSON files against the schema"),
    "diff": ("diff", "compare the targets of two documents or target sets"),
    "table": ("table", "one row per indicator, one column per document, ordered by date"),
    "export": ("export", "export target sets as CSV, XLSX, a KPI YAML configuration or JSON lines"),
    "review": ("review", "write a self-contained HTML page to review a target set against its text"),
}

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc-extract",
        description="Turn Vietnamese public-administration documents into validated target sets.",
    )
    parser.add_argument("--version", action="version", version=f"cchc-extract {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if only is None or only == name:
            mod = importlib.import_module(f".commands.{module}", __package__)
            mod.add_parser(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if a in COMMANDS), None)
    parser = build_parser(only=chosen)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    module = importlib.import_module(f".commands.{COMMANDS[args.command][0]}", __package__)
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("cchc-extract: interrupted", file=sys.stderr)
        return 130
