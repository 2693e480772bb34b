"""A limit on the memory the process may hold while it writes a DOCX, with a clear error past it.

The limit is PIPELINE_DOCX_MEMORY ("2g", "800m"), else PIPELINE_PANDOC_MEMORY (its name when
pandoc wrote the DOCX, still honoured), else ``DEFAULT``. The writer checks the process's
resident memory every ``EVERY`` blocks; past the limit, that document's DOCX fails and the
other formats go on, instead of the machine swapping.
"""
from __future__ import annotations

import os
import resource
import sys

from ...errors import Diagnostic, PipelineError

DEFAULT = "2g"
VARIABLES = ("PIPELINE_DOCX_MEMORY", "PIPELINE_PANDOC_MEMORY")
#: Blocks written between two looks at the process's memory.
EVERY = 256
UNITS = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def limit() -> tuple[str, int]:
    """The limit as written and in bytes."""
    text = next((os.environ[v] for v in VARIABLES if os.environ.get(v)), DEFAULT).strip()
    unit = UNITS.get(text[-1:].lower(), 1)
    digits = text[:-1] if text[-1:].lower() in UNITS else text
    try:
        return text, int(float(digits) * unit)
    except ValueError:
        raise PipelineError(Diagnostic(VARIABLES[0], None, (
            f"not a memory size: {text!r} (write it as 1500m or 2g)"))) from None


def resident() -> int:
    """The process's resident memory in bytes (its peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


class Guard:
    """Counts the blocks written and raises once the process holds more than the limit."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.text, self.bytes = limit()
        self.count = 0

    def check(self) -> None:
        """Every EVERY calls (and on the first), fail if the process is past the limit."""
        self.count += 1
        if self.count % EVERY != 1 or resident() <= self.bytes:
            return
        raise PipelineError(Diagnostic(self.what, None, (
            f"too large to write: the DOCX writer needed more than its memory limit "
            f"({self.text}; set PIPELINE_DOCX_MEMORY, or PIPELINE_PANDOC_MEMORY as before, to "
            "raise it, or split the document); the other formats do not depend on it")))
