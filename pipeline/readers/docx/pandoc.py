"""pandoc's Word reader (the binary in pypandoc-binary): a checked package in, its JSON AST
out, custom style names kept (``docx+styles``)."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pypandoc

from ...errors import Diagnostic, PipelineError

TIMEOUT = 120
#: The most memory pandoc may take to read one Word file (GHC's +RTS -M), unless
#: PIPELINE_PANDOC_MEMORY says otherwise.
MEMORY = "1500m"


def read_ast(package: bytes, filename: str) -> dict[str, Any]:
    """The pandoc AST of a Word package (bytes already checked by package.py)."""
    limit = os.environ.get("PIPELINE_PANDOC_MEMORY", MEMORY)
    with tempfile.TemporaryDirectory(prefix="pipeline-docx-") as tmp:
        source = Path(tmp) / "in.docx"
        source.write_bytes(package)
        cmd = [pypandoc.get_pandoc_path(), "+RTS", f"-M{limit}", "-RTS", "-f", "docx+styles",
               "-t", "json", "--sandbox", str(source)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False,
                                  cwd=tmp)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PipelineError(Diagnostic(filename, None, f"pandoc could not read it: {exc}")) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PipelineError(Diagnostic(filename, None, "not read: pandoc cannot read this Word "
                                       f"file ({message[-1] if message else proc.returncode})"))
    return json.loads(proc.stdout)
