"""Diagnostics that name a file and a line, and the error that carries them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One message about one place in one file: ``file:line[:col]: severity: message``."""

    file: str
    line: int | None
    message: str
    severity: str = "error"
    col: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.severity}: {self.message}"


class PipelineError(Exception):
    """A failure the user can act on; carries one or more diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def error(file: str, line: int | None, message: str, col: int | None = None) -> PipelineError:
    """Build a PipelineError holding a single error diagnostic."""
    return PipelineError(Diagnostic(file, line, message, "error", col))


class DocumentError(PipelineError):
    """The input itself is wrong, whatever the reading: empty, binary or undecodable, or an
    agenda whose times run backwards. Any other problem of a reading is the reader's: the
    text is read again as plain prose (documents.read_text_source)."""

    def __init__(self, file: str, line: int | None, message: str):
        super().__init__(Diagnostic(file, line, message))
