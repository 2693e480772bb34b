"""The Word reader: the document's lines, with what the layout says of them, into the text
reader's builders (readers/text), so that every agenda and paper rule holds once.

package (a checked zip: no bomb, no external relationship) -> rewrite (numbering labels and
tabs typed, so pandoc keeps them) -> pandoc (the AST, custom styles kept) -> lines (the text
in the shapes the text reader reads best, with hints from the styles) -> the text reader,
never refusing (documents.read_text_source). Running headers and footers are left out
as page furniture; a first page's own header is read first (headers.py).
"""
from __future__ import annotations

import hashlib

from lxml import etree

from ...errors import Diagnostic, PipelineError
from .headers import first_page_header
from .lines import close_title_block, document_lines
from .package import open_package, to_zip
from .pandoc import read_ast
from .rewrite import rewrite


def docx_text(data: bytes, filename: str
              ) -> tuple[str, dict[int, str], list[Diagnostic]]:
    """The text of a Word file as the text reader reads it, the hints of its lines (line
    number -> normalise.HINTS), and warnings: the first page's own header, then the body."""
    parts = open_package(data, filename)
    top, warnings = first_page_header(to_zip(parts), filename)
    lines = [(text, "") for text in top] + ([("", "")] if top else [])
    lines = close_title_block(lines + document_lines(read_ast(to_zip(rewrite(parts)), filename)))
    if not any(text.strip() for text, _ in lines):
        raise PipelineError(Diagnostic(filename, None, "no text: the Word document is empty"))
    # one line each, whatever a run held: the hints count lines as the text reader does
    text = "\n".join(text.replace("\r", " ") for text, _ in lines) + "\n"
    return text, {no: hint for no, (_, hint) in enumerate(lines, start=1) if hint}, warnings


def read_docx_source(data: bytes, filename: str, doc_type: str | None = None,
                     lang: str | None = None, check: bool = True
                     ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """Read a Word file into a valid tree that holds every word of its text."""
    from ...documents import read_text_source

    text, hints, found = docx_text(data, filename)
    lines = text.split("\n")
    try:
        tree, warnings = read_text_source(text.encode("utf-8"), filename, doc_type, lang,
                                          check, hints)
    except PipelineError as exc:
        raise PipelineError([_placed(d, filename, lines) for d in exc.diagnostics]) from None
    source = tree.getroot().find("meta/source")
    if source is not None:
        source.set("sha256", hashlib.sha256(data).hexdigest())
    return tree, found + [_placed(d, filename, lines) for d in warnings]


def check_docx(data: bytes, filename: str, root: etree._Element) -> list[Diagnostic]:
    """Every word of a Word file's text (as docx_text gives it) in the XML once, in order;
    each diagnostic placed by the words of its line."""
    from ...check import check_fidelity

    text, _, _ = docx_text(data, filename)
    lost = check_fidelity(text.encode("utf-8"), filename, root)
    return [_placed(d, filename, text.split("\n")) for d in lost]


def _placed(d: Diagnostic, filename: str, lines: list[str]) -> Diagnostic:
    """A diagnostic about a line of the Word file's text, placed by the words of that line
    (a Word file has no line numbers)."""
    if d.file != filename or not d.line or d.line > len(lines):
        return d
    words = " ".join(lines[d.line - 1].split())
    where = f" (at “{words[:50]}{'…' if len(words) > 50 else ''}”)" if words else ""
    return Diagnostic(d.file, None, d.message + where, d.severity)
