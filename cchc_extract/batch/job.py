"""One batch from start to end: name outputs, skip what is up to date, run, write as results finish.

Everything that reaches the user goes through here, so the rules hold for every runner: one error
line per bad input, outputs written atomically inside the output folder, JSON Lines in input order
(so the stream is the same whatever ``-j`` is), and a closing summary.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from .. import __version__
from ..output import BackgroundWriter
from .cache import up_to_date
from .discover import Item
from .naming import output_names, output_path, overwrites_input
from .progress import Counts, Progress, summary
from .worker import Options, Outcome, Task


class Runner(Protocol):
    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]: ...


@dataclass
class BatchConfig:
    out_dir: Path | None
    jsonl: TextIO | None = None
    options: Options = field(default_factory=Options)
    force: bool = False
    progress: bool | None = None  # None: only when stderr is a terminal


def run_batch(items: list[Item], runner: Runner, cfg: BatchConfig, stderr: TextIO | None = None) -> Counts:
    """Process ``items`` and return the counts; the summary line is printed last."""
    start = time.perf_counter()
    stderr = stderr or sys.stderr
    counts = Counts()
    bar = Progress(len(items), cfg.progress, stderr)
    names = output_names(items, cfg.out_dir or Path("."))
    inputs = {os.path.realpath(i.path) for i in items if i.error is None}
    stream = _OrderedLines(cfg.jsonl)

    def fail(index: int, path: str, reason: str, detail: str | None = None) -> None:
        counts.failed += 1
        bar.message(f"cchc-extract: error: {_shown(path)}: {reason}")
        if detail and cfg.options.debug:
            bar.message(detail.rstrip())
        stream.put(index, None)
        bar.advance()

    def tasks() -> Iterator[Task]:
        for index, (item, name) in enumerate(zip(items, names, strict=True)):
            if item.error is not None or name is None:
                fail(index, item.path, item.error or "no output name")
                continue
            target = None
            if cfg.out_dir is not None:
                try:
                    target = output_path(cfg.out_dir, name)
                except ValueError as exc:
                    fail(index, item.path, str(exc))
                    continue
                if overwrites_input(target, inputs):
                    fail(index, item.path, f"output {name} would overwrite an input file")
                    continue
                if not cfg.force and up_to_date(target, item.path, __version__):
                    counts.skipped += 1
                    stream.put(index, _compact(target) if cfg.jsonl else None)
                    bar.advance()
                    continue
            yield Task(index, item.path, os.path.abspath(item.path), name, cfg.options)

    def succeed(outcome: Outcome) -> None:
        counts.ok += 1
        counts.targets += outcome.targets
        counts.results += outcome.results
        stream.put(outcome.index, outcome.jsonl_line)
        bar.advance()

    def settle(written: list[tuple[Outcome, OSError | None]]) -> None:
        for outcome, error in written:
            if error is None:
                succeed(outcome)
            else:
                fail(outcome.index, outcome.path, f"cannot write output {outcome.name}: {error.strerror or error}")

    writer: BackgroundWriter[Outcome] = BackgroundWriter()
    try:
        for outcome in runner.run(tasks()):
            if not outcome.ok:
                fail(outcome.index, outcome.path, outcome.error or "failed", outcome.detail)
            elif cfg.out_dir is not None and outcome.name is not None:
                settle(writer.submit(output_path(cfg.out_dir, outcome.name), outcome.json_text or "", outcome))
            else:
                succeed(outcome)
            settle(writer.finished())
    finally:
        settle(writer.drain())
        bar.close()
        print(summary(counts, time.perf_counter() - start), file=stderr, flush=True)
    return counts


class _OrderedLines:
    """Writes JSON Lines in input order as soon as every earlier document is done."""

    def __init__(self, out: TextIO | None) -> None:
        self.out = out
        self.next = 0
        self.held: dict[int, str | None] = {}

    def put(self, index: int, line: str | None) -> None:
        if self.out is None:
            return
        self.held[index] = line
        while self.next in self.held:
            text = self.held.pop(self.next)
            if text is not None:
                self.out.write(text + "\n")
            self.next += 1
        self.out.flush()


def _compact(output: Path) -> str | None:
    try:
        with open(output, encoding="utf-8") as fh:
            return json.dumps(json.load(fh), ensure_ascii=False)
    except (OSError, ValueError):
        return None


def _shown(path: str) -> str:
    """The path on one line, whatever characters its name holds."""
    if path.isprintable():
        return path
    return path.encode("unicode_escape", "backslashreplace").decode("ascii")
