"""The PDF reader: the document's lines, with what the layout says of them, into the text
reader's builders (readers/text), so that every agenda and paper rule holds once.

pages (words with font, size, weight, position) -> lines (rebuilt from positions,
superscripts marked) -> furniture (running heads, page numbers, footnote areas) ->
headings (title and heading hints from size and weight) -> compose (the clean text and its
hints) -> documents.read_text_source, which never refuses a text and checks that every
word of the composed text reached the XML.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from lxml import etree

from ...errors import Diagnostic, PipelineError
from .compose import Composed, compose
from .furniture import body_size, mark_furniture
from .headings import layout_hints
from .lines import page_lines
from .pages import read_pages


def pdf_text(data: bytes, filename: str) -> Composed:
    """The clean text of a PDF file's bytes, with its hints and the page of each line."""
    pages = read_pages(data, filename)
    lines = [page_lines(p) for p in pages]
    size = body_size(lines)
    mark_furniture(pages, lines, size)
    hints = layout_hints(lines, size)
    return compose(lines, [p.rules for p in pages], hints, size)


def read_pdf_source(data: bytes, filename: str, doc_type: str | None = None,
                    lang: str | None = None, check: bool = True
                    ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """Read a PDF file into a valid tree that holds every word of its text (errors and
    warnings name the page, not a line of the text made from it)."""
    from ...documents import read_text_source

    composed = pdf_text(data, filename)
    try:
        tree, warnings = read_text_source(composed.text.encode("utf-8"), filename, doc_type,
                                          lang, check, hints=composed.hints)
    except PipelineError as exc:
        raise PipelineError(on_pages(exc.diagnostics, composed)) from None
    source = tree.find("meta/source")
    if source is not None:
        source.set("file", Path(filename).name)
        source.set("sha256", hashlib.sha256(data).hexdigest())
    return tree, on_pages(warnings, composed)


def on_pages(diagnostics: list[Diagnostic], composed: Composed) -> list[Diagnostic]:
    """The diagnostics with the line of the composed text turned into its page."""
    out = []
    for d in diagnostics:
        page = composed.pages.get(d.line) if d.line else None
        message = f"page {page}: {d.message}" if page else d.message
        out.append(Diagnostic(d.file, None, message, d.severity))
    return out
