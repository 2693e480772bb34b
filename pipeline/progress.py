"""What a build prints while it runs: one line per document as it finishes, a progress bar
on a terminal, every warning and error, and (verbose) every file written.

A document up to date prints no line of its own (the closing summary counts it); a document
built or failed prints ``[12/200] idm2010-agenda.fr  xml html docx odt epub  2 warnings``.
The bar is drawn on stderr, only when stderr is a terminal, and erased before each line.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Callable, TextIO

#: The folders of build/ named as the formats they hold (a draft's XML is under drafts/).
FOLDER_FORMAT = {"drafts": "xml"}


def plural(count: int, word: str) -> str:
    """'1 warning', '2 warnings'."""
    return f"{count} {word}{'s' if count != 1 else ''}"


def counts(messages: list[str]) -> tuple[int, int]:
    """(errors, warnings) among a job's messages (file:line: severity: text)."""
    warnings = sum(": warning: " in m for m in messages)
    return len(messages) - warnings, warnings


def document_line(index: int, total: int, name: str, built: list[Path], ok: bool,
                  messages: list[str]) -> str:
    """``[i/n] name  formats written  N warnings`` (or ``failed`` and the errors)."""
    width = len(str(total))
    formats = " ".join(FOLDER_FORMAT.get(p.parent.name, p.parent.name) for p in built)
    errors, warnings = counts(messages)
    parts = [f"[{index:>{width}}/{total}] {name}", formats]
    if not ok:
        parts.append("FAILED: " + plural(max(errors, 1), "error"))
    if warnings:
        parts.append(plural(warnings, "warning"))
    return "  ".join(p for p in parts if p)


class Progress:
    """Counts the documents finished and prints as they finish."""

    def __init__(self, total: int, echo: Callable[..., None], verbose: bool = False,
                 stream: TextIO | None = None):
        self.total, self.done, self.echo, self.verbose = total, 0, echo, verbose
        self.stream = stream if stream is not None else sys.stderr
        self.bar = self.total > 0 and _is_terminal(self.stream)
        self.written = self.extras = 0  # files written and jobs done by the other jobs

    def document(self, name: str, built: list[Path], ok: bool, messages: list[str]) -> None:
        """One document finished: its line when it did something, its messages, the bar."""
        self.done += 1
        self.clear()
        if built or not ok or self.verbose:
            line = document_line(self.done, self.total, name, built, ok, messages)
            self.echo(line if built or not ok else f"{line}  up to date")
        self.job(built, messages)
        self.draw(name)

    def extra(self, built: list[Path], messages: list[str], what: str, total: int) -> None:
        """A job other than a document (a comparison, a redline) finished: its messages,
        the bar (``what i/total``), and a count of the files written for :meth:`extras_done`."""
        self.written += len(built)
        self.extras += 1
        self.job(built, messages)
        self.draw(what, self.extras, total)

    def extras_done(self, what: str) -> None:
        """One line for the other jobs of a stage, when they wrote anything."""
        if self.written and not self.verbose:
            self.clear()
            self.echo(f"{' ' * (2 * len(str(self.total)) + 3)} {plural(self.written, what)} written")
        self.written = self.extras = 0

    def job(self, built: list[Path], messages: list[str]) -> None:
        """A job's messages to stderr, and (verbose) the files it wrote."""
        self.clear()
        for message in messages:
            self.echo(message, err=True)
        for path in built if self.verbose else ():
            self.echo(str(path))

    def draw(self, name: str = "", done: int | None = None, total: int | None = None) -> None:
        """The bar, on the terminal: ``[#####.....] 12/200 name`` (documents, unless
        another count is given)."""
        if not self.bar:
            return
        done, total = (self.done, self.total) if done is None else (done, total or 1)
        columns = shutil.get_terminal_size((80, 24)).columns
        slots = max(10, min(40, columns - 30))
        filled = slots * done // total
        text = f"[{'#' * filled}{'.' * (slots - filled)}] {done}/{total} {name}"
        self.stream.write("\r" + text[:columns - 1])
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar before a line is printed."""
        if self.bar:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    """True when stream is a terminal."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
