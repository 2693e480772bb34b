"""Tagged PDF for distribution: the ODT printed by LibreOffice, many files in one process.

Not a registered writer (those are pure functions of one tree): the batch collects every
stale PDF and calls ``convert`` once (pipeline/batch.py, ``build_pdfs``).

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
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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
#: A second LibreOffice (about 2 s to start) runs only with this many files of its own.
PER_PROCESS = 8
#: Seconds LibreOffice may take: a start-up, then per file.
START_SECONDS, FILE_SECONDS = 60, 30
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


def convert(pairs: list[tuple[Path, Path]], jobs: int = 1) -> list[Diagnostic]:
    """Print each (ODT, PDF destination) pair with one LibreOffice process, or up to
    ``jobs`` at once when each gets PER_PROCESS files or more; the errors.

    The PDFs are made in a private folder and moved into place one by one, so a
    destination is either the new PDF or untouched.
    """
    if not pairs:
        return []
    program = soffice()
    if program is None:
        return [Diagnostic(str(pairs[0][1].parent), None, MISSING, "warning")]
    names = [odt.stem for odt, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError(f"two ODT files of the same name: {names}")
    give_back_memory()
    groups = max(1, min(jobs, len(pairs) // PER_PROCESS))
    shares = [pairs[k::groups] for k in range(groups)]  # each its own profile and folder
    with tempfile.TemporaryDirectory(prefix="pipeline-pdf-") as work:
        folders = [(Path(work) / f"out{k}", Path(work) / f"profile{k}") for k in range(groups)]
        with ThreadPoolExecutor(groups) as pool:
            failures = list(pool.map(lambda share, where: run_soffice(
                program, [odt for odt, _ in share], *where), shares, folders))
        errors = []
        for share, (out, _), failure in zip(shares, folders, failures):
            for odt, dest in share:
                made = out / f"{odt.stem}.pdf"
                if made.is_file() and made.stat().st_size > 0:
                    atomic_write(dest, reproducible(made.read_bytes(), document_date(odt)))
                else:
                    errors.append(Diagnostic(str(odt), None,
                                             f"LibreOffice made no PDF of it{failure}"))
        return sorted(errors, key=lambda d: d.file)


def give_back_memory() -> None:
    """Return to the system the heap this process holds free (glibc's malloc_trim), so that
    LibreOffice does not run beside the memory of the largest document built before it (a
    20 MB master's formats left 200 MB resident, all of it free). Elsewhere, nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def run_soffice(program: str, odts: list[Path], out: Path, profile: Path) -> str:
    """Run one headless LibreOffice over ``odts`` into ``out``; what went wrong, or ""."""
    cmd = [program, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
           "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           "--convert-to", CONVERT_TO, "--outdir", str(out), *map(str, odts)]
    env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    try:
        _, err = proc.communicate(timeout=START_SECONDS + FILE_SECONDS * len(odts))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice forks soffice.bin: the whole group
        proc.communicate()
        return f" (LibreOffice did not finish in {START_SECONDS + FILE_SECONDS * len(odts)} s)"
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
