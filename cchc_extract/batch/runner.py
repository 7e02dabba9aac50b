"""Local process pool with a time and memory limit per document.

Why not ``concurrent.futures``: a pool there cannot kill one stuck task, and one worker killed by
the kernel breaks the whole pool.  Here each worker is a child process with its own pipe; the
parent hands out one task at a time, kills a worker that passes its deadline, replaces a worker
that died or ran out of memory, and yields outcomes as they finish.

Each worker holds up to two tasks, the one it runs and the next, so that it never waits for the
parent (which shares the cores with the workers) between documents; the time limit counts from
when a task reaches the head of its worker's queue.

Workers are forked after the parent has built the pipeline once (``warm_up``), so start-up is
paid once and the models' memory pages are shared; the address-space limit (``RLIMIT_AS``) of
each child is its size after the fork plus ``max_memory_mb``.
"""

from __future__ import annotations

import faulthandler
import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from .worker import Outcome, Task, one_line, process, warm_up

# Workers are processes: keep numeric libraries from starting thread pools in each of them.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


_QUEUE_DEPTH = 2  # tasks sent to a worker ahead of their outcome: the running one and the next


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    tasks: deque[Task] = field(default_factory=deque)  # sent, in order; the first is running
    deadline: float = 0.0  # for the first task


class LocalRunner:
    """Run tasks on ``jobs`` child processes; ``timeout`` seconds and ``max_memory_mb`` per document."""

    def __init__(self, jobs: int, timeout: float | None = 60.0, max_memory_mb: int | None = 2048,
                 warm: bool = True) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        methods = mp.get_all_start_methods()
        self._ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        # With fork the pipeline is built once in the parent and shared; with spawn, once per worker.
        forked = self._ctx.get_start_method() == "fork"
        self._warm_parent, self._warm_child = warm and forked, warm and not forked

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Yield one outcome per task, in the order they finish."""
        pending = iter(tasks)
        first = next(pending, None)
        if first is None:
            return
        for var in _THREAD_VARS:
            os.environ.setdefault(var, "1")
        if self._warm_parent:
            warm_up()
        # Move everything loaded so far out of the collector's sight: forked workers then do not
        # dirty (copy) the shared pages when they collect, and exit does not walk spaCy's objects.
        gc.freeze()
        queue: list[Task] = [first]  # tasks taken back from a replaced worker go first

        def take() -> Task | None:
            return queue.pop() if queue else next(pending, None)

        workers: list[_Worker] = []
        finished: list[Outcome] = []
        try:
            while True:
                while len(workers) < self.jobs and (task := take()) is not None:
                    workers.append(self._start())
                    self._send(workers[-1], task)
                for w in workers:
                    while len(w.tasks) < _QUEUE_DEPTH and (task := take()) is not None:
                        self._send(w, task)
                yield from finished  # after refilling: workers compute while the caller writes
                busy = [w for w in workers if w.tasks]
                if not busy:
                    return
                finished = self._collect(workers, busy, queue)
        finally:
            for w in workers:
                self._stop(w, kill=bool(w.tasks))

    def _collect(self, workers: list[_Worker], busy: list[_Worker], queue: list[Task]) -> list[Outcome]:
        now = time.monotonic()
        wait_for = None if self.timeout is None else max(0.0, min(w.deadline for w in busy) - now)
        ready = set(wait([x for w in busy for x in (w.conn, w.proc.sentinel)], timeout=wait_for))
        now = time.monotonic()
        finished = []
        for i, w in enumerate(workers):
            if not w.tasks:
                continue
            task = w.tasks[0]
            outcome: Outcome | None = None
            replace = False
            if w.conn in ready:
                try:
                    outcome = w.conn.recv()
                    replace = outcome.recycle
                except (EOFError, OSError):
                    outcome, replace = self._died(w, task), True
            elif w.proc.sentinel in ready:
                outcome, replace = self._died(w, task), True
            elif self.timeout is not None and now >= w.deadline:
                outcome = Outcome(task.index, task.path, task.name,
                                  error=f"timed out after {self.timeout:g} s (see --timeout)")
                replace = True
            if outcome is None:
                continue
            w.tasks.popleft()
            w.deadline = now + (self.timeout or 0.0)  # the next task starts now
            if replace:
                queue.extend(reversed(w.tasks))  # not started: another worker takes them, in order
                w.tasks.clear()
                self._stop(w, kill=True)
                workers[i] = self._start()
            finished.append(outcome)
        return finished

    def _died(self, w: _Worker, task: Task) -> Outcome:
        w.proc.join(1.0)
        code = w.proc.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                reason = f"worker process was killed ({name}), e.g. by the system when out of memory"
            else:
                reason = f"worker process crashed ({name})"
            if -code in (signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS):
                reason += (f"; the memory limit of {self.max_memory_mb} MB may have been exceeded"
                           " (see --max-memory)")
        else:
            reason = f"worker process exited unexpectedly (status {code})"
        return Outcome(task.index, task.path, task.name, error=one_line(reason))

    def _send(self, w: _Worker, task: Task) -> None:
        if not w.tasks:
            w.deadline = time.monotonic() + (self.timeout or 0.0)
        w.tasks.append(task)
        w.conn.send(task)

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_serve, args=(child, self.max_memory_mb, self._warm_child),
                                 daemon=True, name="cchc-extract-worker")
        proc.start()
        child.close()
        return _Worker(proc, parent)

    @staticmethod
    def _stop(w: _Worker, kill: bool) -> None:
        try:
            if kill:
                w.proc.kill()
            else:
                w.conn.send(None)
        except (OSError, ValueError):
            pass
        w.proc.join(5.0)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join()
        w.conn.close()


def _serve(conn: Connection, max_memory_mb: int | None, load: bool) -> None:
    """Child process: apply the memory limit, then answer tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled once, by the parent
    faulthandler.disable()  # a crash is reported by the parent as one line, not as a C-level dump
    if load:
        warm_up()
    limit_memory(max_memory_mb)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        outcome = process(task)
        conn.send(outcome)
        if outcome.recycle:
            return


def limit_memory(max_memory_mb: int | None) -> None:
    """Let this process grow by at most ``max_memory_mb`` beyond its current address space."""
    if not max_memory_mb:
        return
    try:
        import resource

        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + max_memory_mb * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: the time limit still applies
