"""The Dask runner gives byte-identical outputs to the local run (LocalCluster with two worker processes)."""

from __future__ import annotations

import pytest

from .batch_helpers import DOCS, run_cli, tree_digest, write_docs

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_cli_on_cluster_matches_local_run(cluster, tmp_path):
    src = tmp_path / "in"
    write_docs(src)
    write_docs(src / "sub", {"ke-hoach": DOCS["bao-cao"]})
    (src / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>\n")
    local = run_cli("extract", src, "-o", tmp_path / "local", "-j", "2", "--jsonl", tmp_path / "local.jsonl")
    remote = run_cli("extract", src, "-o", tmp_path / "dask", "--scheduler", cluster.scheduler_address,
                     "--jsonl", tmp_path / "dask.jsonl")
    assert local.code == remote.code == 1
    assert local.errors == remote.errors and len(local.errors) == 1
    assert tree_digest(tmp_path / "local") == tree_digest(tmp_path / "dask")
    assert len(tree_digest(tmp_path / "dask")) == 4
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()


def test_bag_from_python_matches_local_run(cluster, tmp_path):
    from distributed import Client

    from cchc_extract.batch.dask_runner import extract_bag

    paths = write_docs(tmp_path / "in")
    local = run_cli("extract", *paths, "-o", tmp_path / "local")
    assert local.code == 0, local.stderr
    with Client(cluster):
        outcomes = extract_bag([str(p) for p in paths]).compute()
    assert sorted(o.name for o in outcomes) == sorted(f"{p.stem}.json" for p in paths)
    for o in outcomes:
        assert o.ok and o.json_text == (tmp_path / "local" / o.name).read_text(encoding="utf-8")
