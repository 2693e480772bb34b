"""Stage 3 of the PDF reader: what the page prints around the text, found by position.

After ``mark_furniture`` runs, the lines of the top and bottom bands of the pages that
repeat from page to page (digits aside) have role "running", and a line of those bands
that holds only a page number ("3", "- 3 -", "Page 3 of 9", "3/9") has role
"page-number", on a one-page document too; a line of the page's bottom fifth made only of
the UN page foot (job number, its language letter, date code, barcode's text, page number:
"24-23868 (E) 301224", "*2423868*", "2/3   24-23868"; or the recycling line) has role
"foot", so that it never ends the page's last footnote; the footnote area at a page's foot
(under the short rule, or a block of smaller type starting with a note number) has role
"note".
"""
from __future__ import annotations

import re
from collections import Counter

from ..text.normalise import (BARCODE_RE, DATE_CODE_RE, JOB_RE, PAGE_NUMBER_RE, RECYCLE_RE,
                              SYMBOL_LIKE_RE)
from .lines import PdfLine
from .pages import Page

#: The share of the page's height at its top and bottom where headers and footers stand.
BAND = 0.12
#: The UN page foot, which can stand a little higher (the first page's job number above
#: its barcode), is looked for in the page's bottom fifth.
FOOT_BAND = 0.2
#: A page number as the text reader knows them, or in roman numerals (a preface's "iii").
_ROMAN_RE = re.compile(r"^[ivxlc]{1,6}$", re.I)
_DIGITS_RE = re.compile(r"\d+")
#: A footnote's first word: its number (as a superscript or not) or an asterisk.
NOTE_MARK_RE = re.compile(r"^(?:\d{1,3}|\*{1,3}|[a-z])[.)]?$")
#: The language letter printed after a job number ("(E)").
_JOB_LETTER_RE = re.compile(r"^\([A-Z]\)$")


def body_size(pages: list[list[PdfLine]]) -> float:
    """The size most of the document's characters are set in."""
    sizes: Counter = Counter()
    for lines in pages:
        for line in lines:
            for w in line.main_words():
                sizes[w.size] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _key(line: PdfLine) -> str:
    """A line's text with its numbers blanked, to compare headers of different pages."""
    return _DIGITS_RE.sub("#", " ".join(line.text.split())).casefold()


def _bands(lines: list[PdfLine], page: Page) -> list[PdfLine]:
    """The lines of a page's top and bottom bands, outside the first and last body lines
    that are set apart from them."""
    return [ln for ln in lines if ln.bottom < page.height * BAND or ln.top > page.height * (1 - BAND)]


def mark_furniture(pages: list[Page], lines: list[list[PdfLine]], size: float) -> None:
    """Set the roles of running heads, page numbers and footnote areas (module docstring)."""
    keys: Counter = Counter()
    for page, page_lines in zip(pages, lines):
        keys.update({_key(ln) for ln in _bands(page_lines, page)})
    for page, page_lines in zip(pages, lines):
        for line in page_lines:
            if line.top > page.height * (1 - FOOT_BAND) and is_page_foot(line.text):
                line.role = "foot"
        for line in _bands(page_lines, page):
            if line.role == "foot":
                continue
            text = " ".join(line.text.split())
            if (PAGE_NUMBER_RE.match(text) or _ROMAN_RE.match(text)) and _alone(line, page_lines):
                line.role = "page-number"
            elif len(pages) > 1 and keys[_key(line)] >= 2 and len(text) <= 150 and not (
                    page is pages[0] and SYMBOL_LIKE_RE.match(text)):
                line.role = "running"  # (the symbol on the first page is the masthead's too)
            elif _repeats_on_page(line, page_lines):
                line.role = "running"  # the title again in the page's header (one page too)
        _mark_notes(page, page_lines, size)


def is_page_foot(text: str) -> bool:
    """True when a line says only what the UN system prints at a page foot: its words are
    job numbers, language letters, date codes, barcodes' texts and page numbers, one of
    them a job number or a barcode ("25-00746 3/3", "24-07658 (S) 100524 240524"); or it
    is the recycling line."""
    if RECYCLE_RE.match(text):
        return True
    words = text.split()
    marks = [w for w in words if BARCODE_RE.match(w) or "-" in w and JOB_RE.match(w)]
    return bool(marks) and all(w in marks or _JOB_LETTER_RE.match(w) or DATE_CODE_RE.match(w)
                               or PAGE_NUMBER_RE.match(w) for w in words)


def _repeats_on_page(line: PdfLine, lines: list[PdfLine]) -> bool:
    """True when a band line, alone at its height and set apart from the text, says again
    what another line of the page says (a running header that repeats the title)."""
    key = " ".join(line.text.split()).casefold()
    return len(key) >= 12 and _alone(line, lines) and any(
        o is not line and o.role == "body" and " ".join(o.text.split()).casefold() == key
        for o in lines)


def _alone(line: PdfLine, lines: list[PdfLine]) -> bool:
    """True when no other line shares line's height (a number in a table is not a page's)."""
    return not any(o is not line and o.top < line.bottom and line.top < o.bottom for o in lines)


def _mark_notes(page: Page, lines: list[PdfLine], size: float) -> None:
    """Mark the footnote area of a page: the lines under a short rule in the page's lower
    half when they are smaller than the body or start with a raised number; failing a rule,
    the last block of smaller lines at the page's foot that starts with a note number, when
    no rule is drawn below it (the short rule that ends a document's text)."""
    body = [ln for ln in lines if ln.role == "body"]
    for x0, x1, y in reversed(page.rules):
        below = [ln for ln in body if ln.top > y]
        if y < page.height * 0.4 or x1 - x0 > page.width * 0.5 or not below:
            continue
        if all(ln.size < size * 0.97 for ln in below) or below[0].words[0].sup:
            for ln in below:
                ln.role = "note"
            return
    block: list[PdfLine] = []
    for ln in reversed(body):
        if ln.size >= size * 0.97:
            break
        block.insert(0, ln)
    start = next((i for i, ln in enumerate(block) if _first_word_is_mark(ln)), None)
    if start is not None and block[start].top > page.height * 0.5 and not any(
            y > block[-1].bottom for _, _, y in page.rules):  # (a rule below ends the text)
        for ln in block[start:]:
            ln.role = "note"


def _first_word_is_mark(line: PdfLine) -> bool:
    """True when the line starts with a note's number or asterisk."""
    first = line.words[0]
    return bool(NOTE_MARK_RE.match(first.text)) or (first.sup and first.text[:1].isdigit())
