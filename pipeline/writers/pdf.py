"""Tagged PDF for distribution: the ODT printed by LibreOffice, one LibreOffice at a time.

Not a registered writer (those are pure functions of one tree): the batch hands every
stale PDF to one ``Printer`` (pipeline/batch.py), which prints them in one LibreOffice
process after another, never two at once (LibreOffice is the largest process of a build,
130-140 MB resident). Under ``make -jN`` it prints while the documents are still being
built, as their ODTs come; under -j1 it prints them all at the end. ``convert`` prints a
list of files in one go.

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
    """Prints (ODT, PDF destination) pairs with one LibreOffice process at a time.

    ``add`` queues pairs; with ``background``, a thread prints what has been queued, in one
    LibreOffice run per lot (the pairs queued while the run before printed), so that
    printing goes on beside other work; else ``finish`` prints everything in one run.
    ``finish`` waits for the last run and returns the problems. Every run has the same
    private profile (PROFILE_SETTINGS) and folder; each PDF is made there and moved into
    place, so a destination is either the new PDF or untouched. ``printed`` lists the
    pairs whose PDF was written.
    """

    def __init__(self, background: bool = False):
        self.program = soffice()
        self.background = background
        self.printed: list[tuple[Path, Path]] = []
        self.problems: list[Diagnostic] = []
        self.runs = 0
        self._queue: list[tuple[Path, Path]] = []
        self._names: set[str] = set()
        self._done = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._work: tempfile.TemporaryDirectory | None = None
        self._proc: subprocess.Popen | None = None

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
            self._cond.notify()
        if self.background and self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="pdf-printer", daemon=True)
            self._thread.start()

    def finish(self) -> list[Diagnostic]:
        """Print what is left, wait for the last run; the problems, by file."""
        with self._cond:
            self._done = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()
        else:
            self._print(self._take())
        if self._work is not None:
            self._work.cleanup()
            self._work = None
        return sorted(self.problems, key=lambda d: d.file)

    def abort(self) -> None:
        """Stop printing (the batch was interrupted): the queue dropped, LibreOffice killed."""
        with self._cond:
            self._queue, self._done = [], True
            self._cond.notify()
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGKILL)
        if self._thread is not None:
            self._thread.join()
        if self._work is not None:
            self._work.cleanup()
            self._work = None

    def _take(self) -> list[tuple[Path, Path]]:
        """Everything queued, the queue emptied."""
        with self._cond:
            lot, self._queue = self._queue, []
        return lot

    def _loop(self) -> None:
        """The background thread: print each lot as it comes, until finish and empty."""
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._done)
                if not self._queue:
                    return
            self._print(self._take())

    def _print(self, lot: list[tuple[Path, Path]]) -> None:
        """One LibreOffice run over lot, each PDF moved into place or a problem; when the run
        overran its time limit, the file it was printing fails and those after it get
        another run."""
        if not lot:
            return
        if self._work is None:
            give_back_memory()
            self._work = tempfile.TemporaryDirectory(prefix="pipeline-pdf-")
            write_profile(Path(self._work.name) / "profile")
        work = Path(self._work.name)
        while lot:
            out = work / f"out{self.runs}"
            self.runs += 1
            odts = [odt for odt, _ in lot]
            limit = time_limit(odts)
            failure = run_soffice(self.program, odts, out, work / "profile", limit,
                                  started=lambda proc: setattr(self, "_proc", proc))
            missing = [pair for pair in lot if not self._move(out, *pair)]
            shutil.rmtree(out, ignore_errors=True)
            if failure == TIMED_OUT and missing:
                # LibreOffice prints in order: the first missing file is the one it was
                # printing when stopped; the files after it get a run of their own
                stuck, lot = missing[0], missing[1:]
                self.problems.append(Diagnostic(str(stuck[0]), None, timeout_message(stuck[0], limit)))
            else:
                self.problems += [Diagnostic(str(odt), None, f"LibreOffice made no PDF of it{failure}")
                                  for odt, _ in missing]
                lot = []

    def _move(self, out: Path, odt: Path, dest: Path) -> bool:
        """Move odt's PDF from out to dest (dates and ID fixed); False when there is none
        (or a part only: a run stopped mid-file)."""
        made = out / f"{odt.stem}.pdf"
        data = made.read_bytes() if made.is_file() else b""
        if not data[-1024:].rstrip().endswith(b"%%EOF"):
            return False
        atomic_write(dest, reproducible(data, document_date(odt)))
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
