"""What the user sees while a batch runs: a progress bar on a terminal, error lines, a closing summary."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, TextIO


@dataclass
class Counts:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    targets: int = 0
    results: int = 0

    @property
    def done(self) -> int:
        return self.ok + self.failed + self.skipped


class Progress:
    """A tqdm bar (rate and ETA) on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty()
        self._bar: Any = None
        if enabled and total > 1:
            import tqdm

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers are forked later
            self._bar = tqdm.tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True,
                                  smoothing=0.1, leave=False)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def message(self, text: str) -> None:
        """Print a line without breaking the bar."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def summary(counts: Counts, elapsed: float) -> str:
    rate = counts.done / elapsed if elapsed > 0 else 0.0
    return (f"cchc-extract: {counts.ok} ok, {counts.failed} failed, {counts.skipped} skipped; "
            f"{counts.targets} targets and {counts.results} results found; "
            f"{elapsed:.1f} s, {rate:.1f} docs/s")
