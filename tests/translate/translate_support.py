"""Paths and helpers shared by the translation tests (imported as ``translate_support``)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = ROOT / "sources"
FIXTURES = ROOT / "tests" / "fixtures" / "xliff"
DOCS = ("idm2008-return-migration-paper", "idm2008-ws2-agenda")
XLF = "{urn:oasis:names:tc:xliff:document:1.2}"


def pipeline(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    """Run the installed ``pipeline`` CLI; assert its exit status is 0 when ok."""
    script = ROOT / ".venv" / "bin" / "pipeline"
    cmd = ([str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]) + list(args)
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    if ok:
        assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc


def export(tmp: Path, doc: Path, lang: str, *extra: str) -> Path:
    """``pipeline xliff export DOC --target-lang LANG``; the XLIFF's path."""
    dest = tmp / f"{doc.stem}.{lang}.xlf"
    pipeline("xliff", "export", str(doc), "--target-lang", lang, "-o", str(dest), *extra)
    return dest


def units(path: Path) -> dict[str, etree._Element]:
    """The trans-units of an XLIFF by id."""
    return {u.get("id"): u for u in etree.parse(str(path)).iter(XLF + "trans-unit")}


def body_of(path: Path) -> bytes:
    """A document's XML without its provenance line (meta/source) and model PIs."""
    lines = Path(path).read_text("utf-8").splitlines()
    return "\n".join(l for l in lines if "<source " not in l and "xml-model" not in l).encode()
