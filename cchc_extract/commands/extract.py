"""`cchc-extract extract INPUTS -o DIR`: one JSON file per document; a bad file never stops the batch.

Thin: parses options, discovers inputs and hands them to ``batch.job.run_batch`` with a local
process pool or a Dask cluster.  Exit status: 0 all ok, 1 some document failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

EXAMPLES = """
Examples:
  cchc-extract extract plan-2024.pdf letters/ -o out/
  cchc-extract extract corpus/ --include '*.pdf' --exclude 'drafts/*' -o out/ -j 4
  find . -name '*.docx' | cchc-extract extract --from-list - --jsonl - > targets.jsonl
  cchc-extract extract corpus/ -o out/ --scheduler tcp://scheduler:8786

Output names: a file given directly gives <stem>.json; files found in a folder keep their
sub-folder (docs/2024/plan.pdf given as docs gives 2024/plan.json); names that would collide keep
their extension (plan.pdf.json) or, if needed, get a hash of the input path (plan-3f9a1c2e.json).
An output already made from the same input bytes by the same version is skipped unless --force.
"""


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def add_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text + "." + EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files or folders (folders are searched "
                   "recursively; hidden files and symbolic links to folders are not followed)")
    p.add_argument("-o", "--output", metavar="DIR", help="folder for the JSON outputs")
    p.add_argument("--from-list", metavar="FILE",
                   help="read input paths, one per line, from FILE ('-': stdin)")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in folders, only files matching GLOB (relative path or name; repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="in folders, skip files matching GLOB (repeatable)")
    p.add_argument("--jsonl", metavar="PATH", help="also write one target set per line, in input order, "
                   "to PATH ('-': stdout)")
    p.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--force", action="store_true", help="extract again even when the output is up to date")
    p.add_argument("--password", metavar="PW", help="password for encrypted PDFs")
    p.add_argument("--max-size", type=_positive_float, default=50.0, metavar="MB",
                   help="refuse input files larger than this (default: 50 MB)")
    p.add_argument("--timeout", type=_positive_float, default=60.0, metavar="S",
                   help="give up on a document after S seconds (default: 60)")
    p.add_argument("--max-memory", type=_positive_int, default=2048, metavar="MB",
                   help="memory a worker may use for one document (default: 2048 MB)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://host:8786 "
                   "(needs `pip install cchc-extract[dask]`; workers must see the input paths)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: only when stderr is a terminal)")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="show tracebacks for errors")
    p.set_defaults(command=name)


def run(args: argparse.Namespace) -> int:
    from ..batch.discover import discover, read_list
    from ..batch.job import BatchConfig, run_batch
    from ..batch.worker import MB, Options
    from ..output import atomic_writer

    if not args.inputs and not args.from_list:
        return _usage("no inputs: give files or folders, or --from-list")
    if args.output is None and args.jsonl is None:
        return _usage("give an output folder (-o DIR) or --jsonl PATH")
    out_dir = Path(args.output) if args.output is not None else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        return _usage(f"output {args.output} exists and is not a folder")
    inputs = list(args.inputs)
    if args.from_list:
        try:
            inputs += read_list(args.from_list)
        except (OSError, UnicodeDecodeError) as exc:
            return _usage(f"cannot read --from-list {args.from_list}: {exc}")
    items = discover(inputs, include=args.include, exclude=args.exclude,
                     skip_dirs=[out_dir] if out_dir is not None else [])
    debug = getattr(args, "debug", False)
    options = Options(max_size=int(args.max_size * MB), password=args.password, jsonl=args.jsonl is not None,
                      debug=debug, max_memory_mb=None if args.scheduler else args.max_memory)
    if args.scheduler:
        try:
            from ..batch.dask_runner import DaskRunner
        except ImportError:
            return _usage("--scheduler needs Dask: pip install 'cchc-extract[dask]'")
        runner = DaskRunner(args.scheduler, args.timeout)
    else:
        from ..batch.runner import LocalRunner

        runner = LocalRunner(args.jobs or os.cpu_count() or 1, args.timeout, args.max_memory)
    config = BatchConfig(out_dir, None, options, args.force, args.progress)
    try:
        with contextlib.ExitStack() as stack:
            if args.jsonl == "-":
                config.jsonl = sys.stdout
            elif args.jsonl is not None:
                config.jsonl = stack.enter_context(atomic_writer(Path(args.jsonl)))
            counts = run_batch(items, runner, config)
    except OSError as exc:
        print(f"cchc-extract: error: {exc}", file=sys.stderr)
        return 2
    return 1 if counts.failed else 0


def _usage(message: str) -> int:
    print(f"cchc-extract extract: error: {message}", file=sys.stderr)
    return 2
