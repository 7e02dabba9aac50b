"""The local pool: per-document time and memory limits, crashes contained, every task answered once."""

from __future__ import annotations

import os
import time

import pytest

from cchc_extract.batch import worker
from cchc_extract.batch.runner import LocalRunner
from cchc_extract.batch.worker import Options, Task
from cchc_extract.models import Document, Source, TargetSet


def fake_extract(data: bytes, path: str, options: Options) -> TargetSet:
    """Stands in for the pipeline (inherited by forked workers) to misbehave on request."""
    text = data.decode()
    if text == "hang":
        time.sleep(600)
    if text == "bomb":
        hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]
        del hog
    if text == "crash":
        os.kill(os.getpid(), 11)
    return TargetSet(tool_version="test", source=Source(path=path, sha256="0" * 64, format="text"),
                     document=Document(), text=text)


@pytest.fixture
def tasks(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "_extract", fake_extract)

    def make(contents: list[str]) -> list[Task]:
        out = []
        for i, text in enumerate(contents):
            path = tmp_path / f"{i}.txt"
            path.write_text(text)
            out.append(Task(i, str(path), str(path), f"{i}.json", Options(max_memory_mb=200)))
        return out

    return make


def test_limits_contain_bad_documents_and_batch_goes_on(tasks):
    batch = tasks(["a", "hang", "b", "bomb", "c", "crash", "d"])
    start = time.monotonic()
    outcomes = {o.index: o for o in LocalRunner(2, timeout=1.5, max_memory_mb=200, warm=False).run(batch)}
    assert time.monotonic() - start < 20
    assert sorted(outcomes) == list(range(7))
    assert outcomes[1].error == "timed out after 1.5 s (see --timeout)"
    assert outcomes[3].error == "memory limit exceeded (200 MB, see --max-memory)"
    assert outcomes[5].error.startswith("worker process crashed (SIGSEGV)")
    for i, text in [(0, "a"), (2, "b"), (4, "c"), (6, "d")]:
        assert outcomes[i].ok and f'"text": "{text}"' in outcomes[i].json_text


def test_output_does_not_depend_on_worker_count(tasks):
    batch = tasks([f"doc {i}" for i in range(12)])
    one = {o.index: o.json_text for o in LocalRunner(1, warm=False).run(batch)}
    two = {o.index: o.json_text for o in LocalRunner(2, warm=False).run(batch)}
    assert one == two and len(one) == 12


def test_no_tasks_starts_no_worker():
    assert list(LocalRunner(2, warm=False).run([])) == []


def test_too_large_file_is_refused_before_reading(tasks):
    (task,) = tasks(["x" * 2000])
    small = Task(task.index, task.path, task.read_path, task.name, Options(max_size=1000))
    outcome = worker.process(small)
    assert outcome.error == "file is too large (0.0 MB; limit 0 MB, see --max-size)"
