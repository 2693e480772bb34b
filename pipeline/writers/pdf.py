"""Tagged PDF for distribution: the ODT printed by LibreOffice.

Not a registered writer (those are pure functions of one tree): the batch hands every
stale PDF to one ``Printer`` (pipeline/batch.py). Under ``make -jN`` one LibreOffice
prints while the documents are still being built, as their ODTs come, and once they are
built up to N print what is left at once; under -j1 one prints them all at the end.
LibreOffice is the largest process of a build (140-150 MB resident over a hundred small
documents, of which about 95 MB are its libraries' pages, which a second LibreOffice
shares). ``convert`` prints a list of files in one go.

LibreOffice's PDF export with ``UseTaggedPDF`` and ``PDFUACompliance`` writes a structure
tree (headings H1-H3 from the ODT's text:h, tables with TH/TD, lists, footnotes as Note),
``/Lang`` from the document language, the title from meta.xml shown in the window title
(DisplayDocTitle), bookmarks from the headings and every font embedded. Chosen over
WeasyPrint from the HTML (measured on the six sources: 3.9 s against 6.2 s for all six,
and WeasyPrint tags neither the agenda's tables nor the notes, and prints the screen
layout, not the house style's pages).

LibreOffice is optional: without it ``available()`` is False, the batch warns once and
builds every other format.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Callable

from ..errors import Diagnostic
from ..fsutil import atomic_write

#: writer_pdf_Export's options: tagged, PDF/UA-1, bookmarks, the title in the window.
FILTER_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    "ExportNotes": {"type": "boolean", "value": "false"},
}
CONVERT_TO = "pdf:writer_pdf_Export:" + json.dumps(FILTER_OPTIONS, separators=(",", ":"))
#: Seconds LibreOffice may take: a start-up, then per file, and per MB of the file's
#: content.xml (a 5.3 MB master's ODT, 5.9 MB of content.xml and 1,231 pages, took 31 s
#: wall and 20 s CPU on a loaded machine; 15 s a MB leaves room for a machine three
#: times slower or busier).
START_SECONDS, FILE_SECONDS, MB_SECONDS = 60, 30, 15
#: What LibreOffice's start-up costs, in small documents printed (0.33-0.45 s against
#: 40 ms a document): a run waits for that many files while the queue may grow, and fewer
#: left over are printed by a run going on rather than by one of their own.
START_FILES = 8
#: Files a run takes at most while the queue may still grow (the batch is still building
#: documents): what a run holds when the queue is complete is printed by one process while
#: the others may be idle.
EARLY_LOT = 64
#: The private profile's settings (user/registrymodifications.xcu), measured on 100 of
#: the bench's ODTs with LibreOffice 7.4, the PDFs byte for byte the same with and
#: without them:
#: - ooSetupLastVersion: a headless LibreOffice never records that this version has run,
#:   so each start ran its graphics self-tests (GraphicsRenderTests: 16 pairs of 64 MB
#:   bitmaps), a peak of 217 MB and 0.7 s of CPU; with it a start peaks at 80-130 MB and
#:   takes 0.45 s CPU (fresh profile) or 0.33 s (the profile of the run before). 99.9 is
#:   any version at or above the installed one (LibreOffice compares major * 10 + minor).
#: - the glyph cache at 1 MB instead of 20: it grew LibreOffice by 60 MB over the first
#:   50 documents (peak 198 MB against 139 MB over 100 documents), the CPU time the same.
PROFILE_SETTINGS = {
    ("/org.openoffice.Setup/Product", "ooSetupLastVersion"): "99.9",
    ("/org.openoffice.Office.Common/Cache/Font", "GlyphsCacheSize"): "1000000",
}
#: What to install when LibreOffice is missing (tools/install-system-deps.sh does).
MISSING = ("LibreOffice (soffice) not found: no PDF built; install libreoffice-writer-nogui "
           "(tools/install-system-deps.sh) or set PIPELINE_SOFFICE")


def soffice() -> str | None:
    """LibreOffice's ``soffice``: $PIPELINE_SOFFICE, else on PATH; None when missing."""
    chosen = os.environ.get("PIPELINE_SOFFICE")
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    """Whether PDFs can be made here."""
    return soffice() is not None


def convert(pairs: list[tuple[Path, Path]]) -> list[Diagnostic]:
    """Print each (ODT, PDF destination) pair with one LibreOffice process; the errors
    (a warning when LibreOffice is missing)."""
    printer = Printer()
    printer.add(pairs)
    return printer.finish()


class Printer:
    """Prints (ODT, PDF destination) pairs with LibreOffice, ``processes`` runs at most at once.

    ``add`` queues pairs; with ``background``, one thread prints what has been queued while
    other work goes on (one of the batch's jobs), in one LibreOffice run per lot: the pairs
    queued while the run before printed, EARLY_LOT at most, so that little is left in a run
    when the queue is complete. Else ``finish`` prints the queue. ``finish`` says the queue
    is complete: it is then printed by up to ``processes`` LibreOffice runs at once (the
    batch's other jobs are done; one run's share is the pending files, queued and not yet
    printed by the runs going on, divided by ``processes``), waits for the last run and
    returns the problems. Each printing thread has its own private profile
    (PROFILE_SETTINGS: two LibreOffice processes cannot share one) under one folder; each
    PDF is made there and moved into place while the next lot prints, so a destination is
    either the new PDF or untouched. ``printed`` lists the pairs whose PDF was written.
    """

    def __init__(self, background: bool = False, processes: int = 1):
        self.program = soffice()
        self.background = background
        self.processes = max(1, processes)
        self.printed: list[tuple[Path, Path]] = []
        self.problems: list[Diagnostic] = []
        self.runs = 0
        self._queue: list[tuple[Path, Path]] = []
        self._names: set[str] = set()
        self._done = False
        self._cond = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._work: tempfile.TemporaryDirectory | None = None
        self._procs: set[subprocess.Popen] = set()
        self._running: dict[Path, int] = {}  # a run's output folder -> files given to it

    def add(self, pairs: list[tuple[Path, Path]]) -> None:
        """Queue pairs to print (two ODTs of one name cannot share a run: ValueError)."""
        names = [odt.stem for odt, _ in pairs]
        if len(set(names)) != len(names) or self._names & set(names):
            raise ValueError(f"two ODT files of the same name: {sorted(names)}")
        self._names.update(names)
        if not pairs:
            return
        if self.program is None:
            if not self.problems:
                self.problems.append(Diagnostic(str(pairs[0][1].parent), None, MISSING, "warning"))
            return
        with self._cond:
            self._queue += pairs
            self._cond.notify_all()
        if self.background and not self._threads:
            self._start_thread()

    def finish(self) -> list[Diagnostic]:
        """The queue is complete: print it with up to ``processes`` runs at once, wait for
        the last; the problems, by file."""
        with self._cond:
            self._done = True
            self._cond.notify_all()
            pending = len(self._queue)
        if self.program is not None and pending:
            for _ in range(min(self.processes, len(self._threads) + pending) - len(self._threads)):
                self._start_thread()
        for thread in list(self._threads):
            thread.join()
        self._cleanup()
        return sorted(self.problems, key=lambda d: d.file)

    def abort(self) -> None:
        """Stop printing (the batch was interrupted): the queue dropped, LibreOffice killed."""
        with self._cond:
            self._queue, self._done = [], True
            self._cond.notify_all()
            procs = list(self._procs)
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        for thread in list(self._threads):
            thread.join()
        self._cleanup()

    def _cleanup(self) -> None:
        """The private profiles and run folders removed."""
        if self._work is not None:
            self._work.cleanup()
            self._work = None

    def _start_thread(self) -> None:
        """One more printing thread, with a profile of its own."""
        if self._work is None:
            give_back_memory()
            self._work = tempfile.TemporaryDirectory(prefix="pipeline-pdf-")
        profile = Path(self._work.name) / f"profile{len(self._threads)}"
        write_profile(profile)
        thread = threading.Thread(target=self._loop, args=(profile,), daemon=True,
                                  name=f"pdf-printer-{len(self._threads)}")
        self._threads.append(thread)
        thread.start()

    def _take(self) -> tuple[list[tuple[Path, Path]], Path] | None:
        """The next lot and its run folder (None when there is nothing more to print):
        EARLY_LOT at most while the queue may grow (once START_FILES wait), then this run's
        share of what is pending."""
        with self._cond:
            self._cond.wait_for(lambda: len(self._queue) >= START_FILES or self._done)
            if not self._queue:
                return None
            if not self._done:
                size = EARLY_LOT
            else:
                left = sum(max(0, n - len(list(out.glob("*.pdf")))) for out, n in self._running.items())
                size = max(1, math.ceil((len(self._queue) + left) / self.processes))
                if len(self._queue) - size < START_FILES:  # not worth a start-up of its own
                    size = len(self._queue)
            lot, self._queue = self._queue[:size], self._queue[size:]
            out = Path(self._work.name) / f"out{self.runs}"  # type: ignore[union-attr]
            self.runs += 1
            self._running[out] = len(lot)
        return lot, out

    def _loop(self, profile: Path) -> None:
        """A printing thread: print lot after lot until the queue is complete and empty.
        A lot's PDFs are moved into place while LibreOffice prints the next lot: this
        thread shares the interpreter with the batch's, and waits for it at every file
        (a tenth of a second or more a lot while documents are being built, with
        LibreOffice idle, when it moved them before starting the next run)."""
        behind: list[tuple] = []  # the lot printed last, its PDFs not moved yet
        while (taken := self._take()) is not None:
            lot, out = taken
            try:
                self._print(lot, out, profile, behind)
            finally:
                with self._cond:
                    self._running.pop(out, None)
        self._settle(behind)

    def _print(self, lot: list[tuple[Path, Path]], out: Path, profile: Path, behind: list[tuple]) -> None:
        """One LibreOffice run over lot into out; the lot ``behind`` settled while it runs,
        and this one left behind. When the run overran its time limit, the file it was
        printing fails and those after it get another run."""
        while lot:
            odts = [odt for odt, _ in lot]
            limit = time_limit(odts)

            def started(proc: subprocess.Popen) -> None:
                self._started(proc)
                self._settle(behind)

            failure = run_soffice(self.program, odts, out, profile, limit, started=started)
            if failure != TIMED_OUT:
                behind.append((lot, out, failure))
                return
            missing = self._settle([(lot, out, None)])
            if not missing:
                return
            # LibreOffice prints in order: the first missing file is the one it was
            # printing when stopped; the files after it get a run of their own
            stuck, lot = missing[0], missing[1:]
            with self._cond:
                self.problems.append(Diagnostic(str(stuck[0]), None, timeout_message(stuck[0], limit)))
                self.runs += bool(lot)

    def _settle(self, printed: list[tuple]) -> list[tuple[Path, Path]]:
        """Move the PDFs of the (lot, out, failure) runs given into place, and empty the
        list; the pairs with no PDF, in order. Each is a problem (failure says why: "" or
        LibreOffice's exit), unless failure is None (a run that timed out: the caller
        decides)."""
        missing: list[tuple[Path, Path]] = []
        while printed:
            lot, out, failure = printed.pop(0)
            gone = [pair for pair in lot if not self._move(out, *pair)]
            shutil.rmtree(out, ignore_errors=True)
            if gone and failure is not None:
                with self._cond:
                    self.problems += [Diagnostic(str(odt), None, f"LibreOffice made no PDF of it{failure}")
                                      for odt, _ in gone]
            missing += gone
        return missing

    def _started(self, proc: subprocess.Popen) -> None:
        """Remember a LibreOffice process (abort kills it); forget those that ended."""
        with self._cond:
            self._procs = {p for p in self._procs if p.poll() is None} | {proc}

    def _move(self, out: Path, odt: Path, dest: Path) -> bool:
        """Move odt's PDF from out to dest (dates and ID fixed); False when there is none
        (or a part only: a run stopped mid-file)."""
        made = out / f"{odt.stem}.pdf"
        data = made.read_bytes() if made.is_file() else b""
        if not data[-1024:].rstrip().endswith(b"%%EOF"):
            return False
        atomic_write(dest, reproducible(data, document_date(odt)))
        with self._cond:
            self.printed.append((odt, dest))
        return True


def write_profile(profile: Path) -> None:
    """A private LibreOffice profile holding only PROFILE_SETTINGS (LibreOffice makes the
    rest on its first start)."""
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
                    f'<value>{value}</value></prop></item>\n'
                    for (path, name), value in PROFILE_SETTINGS.items())
    atomic_write(profile / "user" / "registrymodifications.xcu",
                 '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor='
                 '"http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + items + "</oor:items>\n")


def give_back_memory() -> None:
    """Return to the system the heap this process holds free (glibc's malloc_trim), so that
    LibreOffice does not run beside the memory of the largest document built before it (a
    20 MB master's formats left 200 MB resident, all of it free). Elsewhere, nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def content_mb(odt: Path) -> float:
    """The size of odt's content.xml (its text and markup), in MB; 0 when unreadable."""
    try:
        with zipfile.ZipFile(odt) as zf:
            return zf.getinfo("content.xml").file_size / 1e6
    except (OSError, KeyError, zipfile.BadZipFile):
        return 0.0


def time_limit(odts: list[Path]) -> float:
    """Seconds one LibreOffice run over odts may take: $PIPELINE_PDF_SECONDS when set, else
    START_SECONDS, then FILE_SECONDS a file and MB_SECONDS a MB of its content.xml."""
    chosen = os.environ.get("PIPELINE_PDF_SECONDS", "")
    if chosen.replace(".", "", 1).isdigit() and float(chosen) > 0:
        return float(chosen)
    return START_SECONDS + sum(FILE_SECONDS + MB_SECONDS * content_mb(odt) for odt in odts)


def timeout_message(odt: Path, limit: float) -> str:
    """Why odt has no PDF when LibreOffice was stopped while printing it."""
    size = f"it has {content_mb(odt):.1f} MB of text"
    if os.environ.get("PIPELINE_PDF_SECONDS"):
        why = f"the limit PIPELINE_PDF_SECONDS sets; {size}"
    else:
        why = (f"the limit of its run: {START_SECONDS} s, then {FILE_SECONDS} s a file and "
               f"{MB_SECONDS} s a MB of text; {size}, and LibreOffice's time grows faster than "
               "the size; PIPELINE_PDF_SECONDS=N allows a run N seconds")
    return (f"no PDF: LibreOffice was still printing it after {limit:.0f} s and was stopped "
            f"({why}); every other format of it is built")


#: What run_soffice returns when it stopped LibreOffice at its time limit.
TIMED_OUT = " (LibreOffice did not finish in time)"


def run_soffice(program: str, odts: list[Path], out: Path, profile: Path, limit: float,
                started: Callable[[subprocess.Popen], None] = lambda proc: None) -> str:
    """Run one headless LibreOffice over ``odts`` into ``out`` for at most ``limit``
    seconds (``started`` is told its process); what went wrong (TIMED_OUT, or the exit
    status and last line of stderr), or ""."""
    cmd = [program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
           "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           "--convert-to", CONVERT_TO, "--outdir", str(out), *map(str, odts)]
    env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    started(proc)
    try:
        _, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice forks soffice.bin: the whole group
        proc.communicate()
        return TIMED_OUT
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
        return f" (LibreOffice exit {proc.returncode}: {tail[0]})"
    return ""


def document_date(odt: Path) -> str:
    """The ODT's fixed date (meta.xml's dc:date, the document's first day), YYYY-MM-DD."""
    with zipfile.ZipFile(odt) as zf:
        found = re.search(rb"<dc:date>(\d{4}-\d\d-\d\d)", zf.read("meta.xml"))
    return found.group(1).decode() if found else "2000-01-01"


def reproducible(data: bytes, day: str) -> bytes:
    """LibreOffice's PDF with its clock and random parts fixed, byte for byte the same
    length (so the cross-reference offsets hold): the dates of the document information
    and of the XMP metadata become ``day`` at midnight, the file /ID and LibreOffice's
    /DocChecksum a digest of the rest."""
    compact = day.replace("-", "").encode()
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d",
                  lambda m: m.group(1) + day.encode() + b"T00:00:00", data)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}",
                  lambda m: m.group(1) + compact + b"000000", data)
    digest = hashlib.md5(re.sub(rb"<[0-9A-F]{32}>|/[0-9A-F]{32}", b"", data)).hexdigest().upper()
    data = re.sub(rb"(/ID\s*\[\s*)<[0-9A-F]{32}>(\s*)<[0-9A-F]{32}>",
                  lambda m: m.group(1) + b"<" + digest.encode() + b">" + m.group(2) + b"<"
                  + digest.encode() + b">", data)
    return re.sub(rb"(/DocChecksum\s*/)[0-9A-F]{32}", lambda m: m.group(1) + digest.encode(),
                  data)
