"""`pipeline batch --scheduler dask://HOST:PORT`: the batch's jobs on a Dask cluster.

A LocalCluster of two worker processes (real Dask, real sockets) stands for the machines;
the batch is a separate `pipeline batch` process, as on a real cluster. What it builds must
be what a local batch builds, byte for byte, with the same manifest; staleness works the
same; a dead worker and an unreachable scheduler are errors that say what failed.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster

from pipeline import batch, cluster
from pipeline.state import Manifest

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = ROOT / ".venv" / "bin" / "pipeline"
#: Two languages of a paper and of an agenda: documents, comparisons, translation files.
SOURCES = ["idm2008-return-migration-paper.en.txt", "idm2008-return-migration-paper.fr.txt",
           "idm2008-ws2-agenda.en.txt", "idm2008-ws2-agenda.es.txt"]
#: No ODT, so no PDF: LibreOffice runs on the client, the same with or without a cluster.
FORMATS = "html,epub,docx"
#: What differs between two runs by design: the timings and the cache of file times.
RUN_FILES = {"report.json", "report.html", ".manifest.json", ".lock"}


@pytest.fixture(scope="module")
def scheduler():
    """A local cluster of two single-threaded worker processes; its dask:// address.
    A task whose worker dies is not retried (allowed-failures 0), so that it fails now."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                             dashboard_address=None, silence_logs=logging.ERROR)
        try:
            yield local.scheduler_address.replace("tcp://", "dask://")
        finally:
            local.close()


def tree_with_sources(dest: Path) -> Path:
    """dest with a sources/ folder holding SOURCES."""
    (dest / "sources").mkdir(parents=True)
    for name in SOURCES:
        shutil.copy2(ROOT / "sources" / name, dest / "sources" / name)
    return dest


def run_batch(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`pipeline batch --sources-dir sources --out build` in cwd."""
    return subprocess.run([str(PIPELINE), "batch", "--sources-dir", "sources", "--out", "build",
                           "--to", FORMATS, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def outputs(build: Path) -> dict[str, bytes]:
    """Every file the batch made, by path under build/, with its bytes."""
    return {str(p.relative_to(build)): p.read_bytes() for p in sorted(build.rglob("*"))
            if p.is_file() and p.name not in RUN_FILES}


def states(build: Path) -> dict[str, tuple[str, list[str]]]:
    """source -> (state, outputs written) from build/report.json."""
    report = json.loads((build / "report.json").read_text("utf-8"))
    return {d["source"]: (d["state"], d["outputs"]) for d in report["documents"]}


def test_cluster_builds_what_a_local_batch_builds(tmp_path, scheduler):
    remote, local = tree_with_sources(tmp_path / "remote"), tree_with_sources(tmp_path / "local")
    r = run_batch(remote, "--scheduler", scheduler)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 documents: 4 built, 0 up to date, 0 failed" in r.stdout
    r = run_batch(local, "--jobs", "1")
    assert r.returncode == 0, r.stdout + r.stderr
    on_cluster, here = outputs(remote / "build"), outputs(local / "build")
    assert sorted(on_cluster) == sorted(here)
    assert {"xml/idm2008-ws2-agenda.es.xml", "docx/idm2008-ws2-agenda.es.docx", "index.html",
            "compare/idm2008-return-migration-paper.en-fr.html"} <= set(here)
    assert [k for k in here if on_cluster[k] != here[k]] == []
    manifests = [json.loads((d / "build" / ".manifest.json").read_text("utf-8"))["outputs"]
                 for d in (remote, local)]
    assert manifests[0] == manifests[1]  # the same outputs from the same inputs


def test_cluster_rebuilds_only_what_is_stale(tmp_path, scheduler):
    tree = tree_with_sources(tmp_path)
    assert run_batch(tree, "--scheduler", scheduler).returncode == 0
    again = run_batch(tree, "--scheduler", scheduler)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 built, 4 up to date" in again.stdout
    page = tree / "build" / "html" / "idm2008-ws2-agenda.en.html"
    page.unlink()
    third = run_batch(tree, "--scheduler", scheduler)
    assert third.returncode == 0, third.stdout + third.stderr
    assert page.exists()
    built = {s: outs for s, (state, outs) in states(tree / "build").items() if state == "built"}
    assert built == {"sources/idm2008-ws2-agenda.en.txt": ["build/html/idm2008-ws2-agenda.en.html"]}


def test_unreachable_scheduler_is_said(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tree = tree_with_sources(tmp_path)
    r = run_batch(tree, "--scheduler", f"dask://127.0.0.1:{port}",
                  env={"PIPELINE_SCHEDULER_TIMEOUT": "1"})
    assert r.returncode == 1
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tree / "build" / "xml").exists()
    bad = run_batch(tree, "--scheduler", "http://example.org")
    assert bad.returncode == 1 and "is not dask://HOST:PORT" in bad.stderr


def test_a_dead_worker_fails_its_document_by_name(tmp_path, scheduler):
    """A job whose worker process dies (os._exit, as an out-of-memory kill would) is that
    document's failure, named; the batch goes on with the others."""
    def dies(source, plan):
        if "agenda" in str(source):
            os._exit(1)
        return batch.Outcome(label=str(source))

    sources = tuple(Path("sources") / name for name in SOURCES[1:3])
    plan = batch.Plan(tmp_path / "build", sources)
    with cluster.pool(scheduler, plan, Manifest(tmp_path / "manifest.json")) as pool:
        outcomes = batch._each(pool, dies, list(sources), plan, lambda outcome: None)
    assert [o.ok for o in outcomes] == [True, False]
    message = outcomes[1].messages[0]
    assert message.startswith("sources/idm2008-ws2-agenda.en.txt: error: the worker building it "
                              "failed (KilledWorker"), message
