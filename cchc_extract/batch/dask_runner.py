"""Run the same per-document function (``worker.process``) on a Dask cluster.

Optional: needs ``pip install cchc-extract[dask]``.  Workers read the input paths themselves, so
they must see the same file system as the client (a shared mount); outputs are written by the
client, as results arrive, exactly as in a local run.  The memory limit is the cluster's own
(``dask worker --memory-limit``: the nanny restarts a worker that exceeds it); the time limit
makes the client give up on a document and go on (the worker's thread finishes on its own).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from distributed import Client, Future, wait

from .worker import Options, Outcome, Task, one_line, process


class DaskRunner:
    """``run(tasks)`` on the cluster at ``scheduler`` (an address or an existing ``Client``)."""

    def __init__(self, scheduler: str | Client, timeout: float | None = None, per_thread: int = 2) -> None:
        self.scheduler = scheduler
        self.timeout = timeout
        self.per_thread = per_thread

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        own = not isinstance(self.scheduler, Client)
        client = Client(self.scheduler) if own else self.scheduler
        try:
            yield from self._run(client, iter(tasks))
        finally:
            if own:
                client.close()

    def _run(self, client: Client, pending: Iterator[Task]) -> Iterator[Outcome]:
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
        inflight: dict[Future, tuple[Task, float]] = {}

        def fill() -> None:
            while len(inflight) < threads * self.per_thread and (task := next(pending, None)) is not None:
                key = f"cchc-extract-{task.index}-{time.time_ns()}"
                fut = client.submit(process, task, pure=False, key=key)
                inflight[fut] = (task, time.monotonic())

        fill()
        while inflight:
            oldest = min(started for _, started in inflight.values())
            limit = None if self.timeout is None else max(0.1, oldest + self.timeout - time.monotonic())
            try:
                done, _ = wait(list(inflight), timeout=limit, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            now = time.monotonic()
            for fut in list(inflight):
                task, started = inflight[fut]
                if fut in done:
                    outcome = _result(fut, task)
                elif self.timeout is not None and now - started >= self.timeout:
                    fut.cancel()
                    outcome = Outcome(task.index, task.path, task.name,
                                      error=f"timed out after {self.timeout:g} s (see --timeout)")
                else:
                    continue
                del inflight[fut]
                fut.release()
                yield outcome
            fill()


def _result(fut: Future, task: Task) -> Outcome:
    try:
        return fut.result()
    except Exception as exc:  # the worker died (e.g. restarted by its nanny for memory)
        return Outcome(task.index, task.path, task.name,
                       error=one_line(f"Dask worker failed ({exc.__class__.__name__}: {exc})"))


def extract_bag(paths: Sequence[str | Path], options: Options | None = None, npartitions: int | None = None
                ) -> Any:
    """A ``dask.bag`` of ``Outcome`` for ``paths`` (files or folders), named as the CLI names them.

    Example: ``extract_bag(["corpus/"]).map(lambda o: (o.name, o.json_text or o.error)).compute()``.
    """
    import os

    import dask.bag as db

    from .discover import discover
    from .naming import output_names

    items = discover([str(p) for p in paths])
    names = output_names(items, Path("."))
    opts = options or Options()
    tasks = [Task(i, item.path, os.path.abspath(item.path), name, opts)
             for i, (item, name) in enumerate(zip(items, names, strict=True)) if item.error is None]
    return db.from_sequence(tasks, npartitions=npartitions).map(process)
