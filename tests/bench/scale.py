"""The bench at scale: cost against size, no-op make at 1,000 documents, a local cluster.

    .venv/bin/python -m tests.bench.scale TEXT OUTDIR   # one text through every format: a JSON line

``size_curve`` reads papers of 1 KB to 50 MB, each in a child process (this module's main:
read_source with the check, the XML written, then every writer in-process), timing each
step; the child's session is sampled for its summed RSS (pandoc included) and stopped past
a memory cap, so that a text that needs too much is a figure, not a swapping machine.
``noop_at`` lays out a tree of N documents as a finished build leaves it (the corpus's own
sources and outputs under N names, the stamps after them) and times a no-op ``make all``.
``cluster_run`` builds the corpus with ``pipeline batch --scheduler`` on a LocalCluster.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import measure
from .seeds import ROOT

#: Sizes of the cost-against-size table, in bytes (1 KB to 50 MB).
SIZES = [1_000, 10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 50_000_000]
#: A child past this summed RSS is stopped (and the figure reported as "over").
MEMORY_CAP_KB = 3_000_000


def main(argv: list[str]) -> int:
    """Read one text with the check, write its XML and every format; print seconds per step."""
    from pipeline import writers
    from pipeline.documents import read_source
    from pipeline.validate import relaxng, schematron
    from pipeline.xmlio import serialize

    relaxng(), schematron()  # compiled once per process, as in any run
    path, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    steps: dict[str, float] = {}
    start = time.perf_counter()
    tree, _ = read_source(path)
    steps["parse"] = time.perf_counter() - start
    start = time.perf_counter()
    (out / "doc.xml").write_bytes(serialize(tree, out / "doc.xml"))
    steps["xml"] = time.perf_counter() - start
    print(json.dumps({"steps": steps}), flush=True)
    for name, info in writers.REGISTRY.items():
        start = time.perf_counter()
        writers.get(name)(tree, out / f"doc.{info.ext}", writers.Options())
        steps[name] = time.perf_counter() - start
        print(json.dumps({"steps": steps}), flush=True)
    return 0


def through_every_format(text: Path, out: Path, timeout: float) -> dict:
    """Run main on text in a child session: steps done, wall, peak summed RSS, why stopped."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.bench.scale", str(text), str(out)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    sampler = measure.SessionSampler(proc.pid)
    sampler.start()
    start, stopped = time.perf_counter(), ""
    while proc.poll() is None:
        if sampler.peak_kb > MEMORY_CAP_KB:
            stopped = f"over {MEMORY_CAP_KB // 1000} MB"
        elif time.perf_counter() - start > timeout:
            stopped = f"over {timeout:.0f} s"
        if stopped:
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    sampler.done.set()
    sampler.join()
    lines = [json.loads(ln) for ln in stdout.splitlines() if ln.startswith("{")]
    error = stderr.strip().splitlines()[-1] if proc.returncode and stderr.strip() else ""
    shutil.rmtree(out, ignore_errors=True)
    return {"bytes": text.stat().st_size, "steps": lines[-1]["steps"] if lines else {},
            "seconds": time.perf_counter() - start, "peak_kb": sampler.peak_kb,
            "stopped": stopped, "error": error[:200]}


def size_curve(texts: list[Path], out: Path, timeout: float, log) -> list[dict]:
    """through_every_format for each text, smallest first."""
    rows = []
    for text in sorted(texts, key=lambda p: p.stat().st_size):
        rows.append(through_every_format(text, out / text.stem, timeout))
        log(f"size {rows[-1]['bytes'] / 1e6:.3f} MB: {rows[-1]['seconds']:.1f} s, "
            f"peak {rows[-1]['peak_kb'] / 1000:.0f} MB {rows[-1]['stopped']}")
    return rows


def noop_at(work: Path, dest: Path, n: int, runs: int = 3) -> dict:
    """A no-op ``make all`` over n documents: work's sources and build outputs copied under
    n names (as a finished build leaves them, the stamps last), then make timed runs times."""
    tree = measure.make_workdir(dest, ROOT)
    shutil.rmtree(tree / "sources")
    (tree / "sources").mkdir()
    sources = sorted((work / "sources").glob("*.txt"))
    folders = [d for d in (work / "build").iterdir() if d.is_dir()]
    for k in range(n):
        source = sources[k % len(sources)]
        name = source.name[:-len(".txt")]
        new = f"{name.split('.')[0]}-n{k}.{name.split('.', 1)[1]}"
        shutil.copy2(source, tree / "sources" / f"{new}.txt")
        for folder in folders:
            for f in folder.glob(f"{name}.*"):
                (tree / "build" / folder.name).mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, tree / "build" / folder.name / f.name.replace(name, new, 1))
    time.sleep(1.05)  # the stamps strictly newer than every file
    for stamp in ("build/.documents", "build/.documents.end"):
        (tree / stamp).touch()
    files = sum(1 for _ in (tree / "build").rglob("*"))
    times, commands = [], 0
    for k in range(runs):
        r = measure.run_make(tree, 1, dest.parent / f"noop-{n}-{k}.log")
        times.append(r.seconds)
        commands += r.commands + (r.status != 0)
    shutil.rmtree(dest, ignore_errors=True)
    return {"docs": n, "files": files, "times": times, "median": statistics.median(times),
            "commands": commands}


def cluster_run(work: Path, log: Path, workers: int = 2) -> dict:
    """A clean build of work's corpus by ``pipeline batch --scheduler`` on a LocalCluster of
    workers single-threaded processes (started before the clock), with as many LibreOffice
    runs printing what is left at the end; wall and CPU of the client."""
    import logging

    from distributed import LocalCluster

    shutil.rmtree(work / "build", ignore_errors=True)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as local:
        cmd = [str(work / ".venv" / "bin" / "pipeline"), "batch", "--sources-dir", "sources",
               "--out", "build", "--scheduler", local.scheduler_address.replace("tcp://", "dask://"),
               "--jobs", str(workers)]  # (the PDFs left at the end printed by as many LibreOffice runs)
        with open(log, "wb") as out:
            start = time.perf_counter()
            status = subprocess.run(cmd, cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                    env=measure.make_env(), check=False).returncode
            seconds = time.perf_counter() - start
    return {"workers": workers, "seconds": seconds, "status": status}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
