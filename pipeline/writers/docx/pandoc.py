"""Running the pandoc binary shipped in pypandoc-binary: JSON AST in, DOCX or ODT bytes out.

No writer runs it any more (DOCX and ODT are written by wml.py and odt/emit.py);
pipeline/styles/make_reference.py takes pandoc's default reference documents from it.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypandoc

from ...errors import Diagnostic, PipelineError

#: pandoc's own timestamps (docProps, meta.xml, zip entries) are fixed through this variable.
SOURCE_DATE_EPOCH = "946684800"  # 2000-01-01T00:00:00Z
TIMEOUT = 120
#: The most memory pandoc may take for one document (its heap, GHC's +RTS -M), unless
#: PIPELINE_PANDOC_MEMORY says otherwise ("2g", "800m"); past it the DOCX or ODT of that
#: document fails with a clear message instead of the machine swapping.
PANDOC_MEMORY = "1500m"
#: pandoc's exit status when its heap is exhausted.
HEAP_EXHAUSTED = 251


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc executable inside the pypandoc-binary wheel."""
    return pypandoc.get_pandoc_path()


@lru_cache(maxsize=1)
def api_version() -> list[int]:
    """The pandoc-types API version this pandoc reads (asked once per process)."""
    out = _run(["-f", "markdown", "-t", "json"], b"")
    return json.loads(out)["pandoc-api-version"]


def convert(doc: dict[str, Any], fmt: str, reference: Path, what: str) -> bytes:
    """Write the AST ``doc`` as ``fmt`` (docx or odt) with the reference document's styles."""
    with tempfile.TemporaryDirectory(prefix="pipeline-pandoc-") as tmp:
        out = Path(tmp) / f"out.{fmt}"
        _run(["-f", "json", "-t", fmt, f"--reference-doc={reference}", "-o", str(out)],
             json.dumps(doc, ensure_ascii=False).encode("utf-8"), what)
        return out.read_bytes()


def _run(args: list[str], stdin: bytes, what: str = "pandoc") -> bytes:
    """Run pandoc with fixed dates; a failure becomes a PipelineError naming ``what``."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    limit = os.environ.get("PIPELINE_PANDOC_MEMORY", PANDOC_MEMORY)
    try:
        proc = subprocess.run([pandoc_path(), "+RTS", f"-M{limit}", "-RTS", *args], input=stdin,
                              capture_output=True, env=env, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PipelineError(Diagnostic(what, None, f"pandoc could not run: {exc}")) from None
    if proc.returncode == HEAP_EXHAUSTED:
        raise PipelineError(Diagnostic(what, None, (
            f"too large to write: pandoc needed more than its memory limit ({limit}; set "
            "PIPELINE_PANDOC_MEMORY to raise it, or split the document); the other formats "
            "do not depend on it")))
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise PipelineError(Diagnostic(what, None, f"pandoc failed: {message}"))
    return proc.stdout
