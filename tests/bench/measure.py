"""Measuring: the work folder, make runs with their memory, pandoc alone, CLI processes."""
from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .seeds import ROOT

#: What the work folder takes from the repository (copied with their modification times).
COPIED = ["Makefile", "setup.cfg", "pyproject.toml", "README.md", "mk", "schemas", "pipeline"]
#: make's variables that a parent make (``make bench``) would pass down to our makes.
MAKE_ENV = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GNUMAKEFLAGS")
STAMP = ".venv/.installed"
#: pandoc alone, as a user would call it: output format name, file extension, options.
PANDOC_FORMATS = {"html": ("html5", ["-s"]), "docx": ("docx", []), "odt": ("odt", []), "epub": ("epub3", [])}
PAGE = os.sysconf("SC_PAGE_SIZE")


def make_workdir(dest: Path, root: Path = ROOT) -> Path:
    """A folder laid out like the repository: copies of the build files and the package,
    the real .venv as a symlink (nothing is reinstalled), an empty sources/."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore, copy_function=shutil.copy2)
        elif src.exists():
            shutil.copy2(src, dest / name)
    (dest / ".venv").symlink_to(root / ".venv")
    (dest / "sources").mkdir()
    return dest


def stamp_is_current(work: Path) -> bool:
    """True when make would not re-create the venv (the stamp is newer than its inputs)."""
    stamp = work / STAMP
    return stamp.exists() and all(stamp.stat().st_mtime >= (work / f).stat().st_mtime
                                  for f in ("setup.cfg", "pyproject.toml") if (work / f).exists())


def make_env() -> dict[str, str]:
    """The environment for our makes: without what a parent make passes down."""
    return {k: v for k, v in os.environ.items() if k not in MAKE_ENV}


def make_command(jobs: int, target: str = "all") -> list[str]:
    """``make -jN -k all``; ``-o .venv/.installed`` so that the shared venv is never
    reinstalled from the work folder, whatever the modification times say."""
    return ["make", f"-j{jobs}", "-k", "-o", STAMP, target]


@dataclass
class MakeRun:
    """One make run: wall time, exit status, memory, what failed."""

    command: str
    seconds: float
    status: int
    cpu: float               # user + system seconds of make and every process it waited for
    max_rss_kb: int          # largest single process (wait4 rusage: make and all it waited for)
    peak_sum_kb: int         # largest sum of RSS over make's session, sampled
    peak_pss_kb: int         # largest sum of PSS over make's session, sampled
    commands: int            # recipe lines make ran
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class SessionSampler(threading.Thread):
    """Samples the summed memory of every process of one session (make and its children,
    and their descendants that started sessions of their own): the peak of the summed RSS
    (``peak_kb``) and of the summed PSS (``peak_pss_kb``)."""

    def __init__(self, sid: int, interval: float = 0.05, pss: bool = False):
        super().__init__(daemon=True)
        self.sid, self.interval, self.pss = sid, interval, pss
        self.peak_kb = self.peak_pss_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        """Poll /proc until stopped."""
        while not self.done.is_set():
            pids = session_pids(self.sid)
            self.peak_kb = max(self.peak_kb, sum(pids.values()))
            if self.pss:
                self.peak_pss_kb = max(self.peak_pss_kb, sum(map(pss_kb, pids)))
            self.done.wait(self.interval)


def session_rss_kb(sid: int) -> int:
    """Sum of the resident set sizes of the processes of session ``sid`` and of their
    descendants in sessions of their own (LibreOffice runs in one: pdf.run_soffice), in kB."""
    return sum(session_pids(sid).values())


def session_pids(sid: int) -> dict[int, int]:
    """The processes of session ``sid`` and their descendants in sessions of their own,
    each with its resident set size in kB."""
    procs: dict[int, tuple[int, int, int]] = {}  # pid -> (ppid, session, rss kB)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after "(comm)": state ppid pgrp session ...; rss is the 22nd
        procs[int(entry)] = (int(fields[1]), int(fields[3]), int(fields[21]) * PAGE // 1024)
    counted = {pid for pid, (_, session, _) in procs.items() if session == sid}
    grown = True
    while grown:
        more = {pid for pid, (ppid, _, _) in procs.items() if ppid in counted} - counted
        counted |= more
        grown = bool(more)
    return {pid: procs[pid][2] for pid in counted}


def pss_kb(pid: int) -> int:
    """A process's proportional set size in kB (its private pages, and each page it shares
    divided by the number of processes mapping it: summed over processes, the memory they
    take together); 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_make(work: Path, jobs: int, log: Path, target: str = "all",
             env: dict[str, str] | None = None) -> MakeRun:
    """Run make in ``work`` (``env`` added to its environment) and measure it (see MakeRun)."""
    cmd = make_command(jobs, target)
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                env={**make_env(), **(env or {})}, start_new_session=True)
        sampler = SessionSampler(proc.pid, pss=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
    text = log.read_text(encoding="utf-8", errors="replace")
    failed = re.findall(r"^make: \*\*\* \[[^\]]*?: ([^\]]+)\] Error", text, re.M)
    errors = [ln for ln in text.splitlines() if re.search(r"error|Traceback", ln, re.I)
              and not ln.startswith("make: ***")]
    commands = sum(1 for ln in text.splitlines() if ln.startswith((".venv/", "rm ", "mkdir ")))
    return MakeRun(" ".join(cmd), seconds, proc.returncode, usage.ru_utime + usage.ru_stime,
                   usage.ru_maxrss, sampler.peak_kb, sampler.peak_pss_kb,
                   commands, failed, errors)


def time_process(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """(wall seconds, exit status, stderr) of one process."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start, proc.returncode, proc.stderr.decode("utf-8", "replace")


@dataclass
class PandocRun:
    """pandoc alone on every Markdown file, every format: wall time and per-call times."""

    workers: int
    seconds: float
    cpu: float  # user + system seconds of the pandoc processes
    per_format: dict[str, list[float]]
    failures: list[str]


def pandoc_jobs(pandoc: str, md_files: list[Path], out: Path) -> list[tuple[str, list[str]]]:
    """(format, command) for one pandoc call per format per document."""
    jobs = []
    for fmt, (writer, opts) in PANDOC_FORMATS.items():
        (out / fmt).mkdir(parents=True, exist_ok=True)
    for md in md_files:
        for fmt, (writer, opts) in PANDOC_FORMATS.items():
            dest = out / fmt / f"{md.stem}.{fmt}"
            jobs.append((fmt, [pandoc, "-f", "markdown", "-t", writer, *opts, str(md), "-o", str(dest)]))
    return jobs


def run_pandoc(pandoc: str, md_files: list[Path], out: Path, workers: int) -> PandocRun:
    """Convert every Markdown file to the four formats, ``workers`` calls at a time."""
    jobs = pandoc_jobs(pandoc, md_files, out)
    per_format: dict[str, list[float]] = {fmt: [] for fmt in PANDOC_FORMATS}
    failures: list[str] = []

    def one(job: tuple[str, list[str]]) -> None:
        fmt, cmd = job
        seconds, status, err = time_process(cmd)
        per_format[fmt].append(seconds)
        if status:
            failures.append(f"{cmd[-1]}: {err.strip()[:200]}")

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if workers == 1:
        for job in jobs:
            one(job)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(one, jobs))
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return PandocRun(workers, seconds, cpu, per_format, failures)
