"""Stage 5 of the PDF reader: the title and headings from size and weight.

After ``layout_hints`` runs, the lines set larger than the body at the top of the first
page (the largest size there) have the hint "title"; other body lines set larger than the
body have "heading1" to "heading3", the largest size first; lines wholly in bold at about
the body's size have "bold", and those wholly in italic (a report's lowest level of
unnumbered subheading, which the text rules alone would otherwise refuse in a PDF as body
text) "italic". What the sizes cannot decide is left to the text rules.
"""
from __future__ import annotations

from .lines import PdfLine

#: How much larger than the body a line must be to be a title or heading.
LARGER = 1.12


def layout_hints(pages: list[list[PdfLine]], size: float) -> dict[int, str]:
    """id(line) -> hint for the pages' body lines (module docstring)."""
    hints: dict[int, str] = {}
    body = [ln for lines in pages for ln in lines if ln.role == "body"]
    first = [ln for ln in pages[0] if ln.role == "body"] if pages else []
    big = [ln.size for ln in first[:15] if ln.size >= size * LARGER]
    if big:
        top = max(big)
        for ln in first[:15]:
            if ln.size == top:
                hints[id(ln)] = "title"
            elif hints and ln.size < size * LARGER:
                break
    sizes = sorted({ln.size for ln in body if ln.size >= size * LARGER and id(ln) not in hints},
                   reverse=True)
    levels = {s: f"heading{min(i + 1, 3)}" for i, s in enumerate(sizes)}
    for ln in body:
        if id(ln) in hints:
            continue
        if ln.size in levels and len(ln.text) < 200:
            hints[id(ln)] = levels[ln.size]
        elif not _body_sized(ln.size, size) or not any(c.isalpha() for c in ln.text):
            continue
        elif ln.bold:
            hints[id(ln)] = "bold"
        elif ln.italic:
            hints[id(ln)] = "italic"
    return hints


def _body_sized(line_size: float, size: float) -> bool:
    """True when a line is set at about the body's size: a little smaller, or larger but
    less than a heading's LARGER (a heading style a point above the body, as LibreOffice
    prints an ODT's fourth level, is still a bold line, not a size level of its own)."""
    return size - 0.6 < line_size < size * LARGER
