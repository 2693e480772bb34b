"""The bench's memory against size: XML masters of 1 to 50 MB, loaded and written one format a process.

    .venv/bin/python -m tests.bench.memory MASTER FORMAT OUTDIR   # a JSON line: peaks and seconds

``memory_curve`` grows a paper's master to each size (masters.py), then runs, for each
format, a child process that loads and validates it (``load_valid``: parse, RELAX NG,
Schematron) and writes that one format; ``none`` only loads. Each child's peak resident
memory (VmHWM) after loading and after writing is what one format costs on top of
the tree, the way the batch holds it. The PDF (LibreOffice) is not in it.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from .seeds import ROOT

#: Sizes of the masters, in bytes.
SIZES = [1_000_000, 5_000_000, 20_000_000, 50_000_000]
#: "none" loads and validates only.
FORMATS = ["none", "html", "epub", "docx", "odt"]


def peak_mb() -> float:
    """This process's peak resident memory since it started its program, in MB (10^6
    bytes): VmHWM, since ru_maxrss keeps the peak of the process it was forked from (the
    bench's, larger than a small master's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def main(argv: list[str]) -> int:
    """Load one master, write one format; print the peaks and seconds as a JSON line."""
    from pipeline import writers
    from pipeline.documents import load_valid
    from pipeline.validate import relaxng, schematron

    master, fmt, out = Path(argv[0]), argv[1], Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    relaxng(), schematron()  # compiled once per process, as in any run
    row = {"start_mb": peak_mb()}
    start = time.perf_counter()
    tree = load_valid(master)
    row.update(load_s=time.perf_counter() - start, load_mb=peak_mb())
    if fmt != "none":
        start = time.perf_counter()
        writers.get(fmt)(tree, out / f"doc.{writers.REGISTRY[fmt].ext}", writers.Options())
        row["write_s"] = time.perf_counter() - start
    row["peak_mb"] = peak_mb()
    print(json.dumps(row), flush=True)
    return 0


def one(master: Path, fmt: str, out: Path, timeout: float) -> dict:
    """main in a child process; its JSON, or what stopped it."""
    cmd = [sys.executable, "-m", "tests.bench.memory", str(master), fmt, str(out)]
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1][:200]}
    return json.loads(lines[-1])


def memory_curve(base: Path, max_mb: float, log, timeout: float = 600.0) -> list[dict]:
    """For each size up to max_mb: a master grown to it, then each format in a child."""
    from .masters import grow

    base.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in (s for s in SIZES if s <= max_mb * 1e6):
        master = base / f"master-{size}.en.xml"
        master.write_bytes(grow(size))
        row = {"bytes": master.stat().st_size,
               "formats": {f: one(master, f, base / "out", timeout) for f in FORMATS}}
        master.unlink()
        rows.append(row)
        peaks = ", ".join(f"{f} {r.get('peak_mb', 0):.0f}" for f, r in row["formats"].items())
        log(f"memory {row['bytes'] / 1e6:.1f} MB master: peak MB {peaks}")
    return rows


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
