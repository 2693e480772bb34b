"""Stage 1 of the PDF reader: the file's pages as words with font, size, weight and
position (pdfplumber over pdfminer.six), and the page's horizontal rules.

After ``read_pages`` runs, every page is a Page holding its words in reading order of the
content stream (not yet sorted into lines), each with its box, font size and whether its
font is bold or italic, and the horizontal rules drawn on it (lines and thin rectangles).
A file that is not a PDF, is damaged, cannot be opened without a password or holds no
text at all is a DocumentError naming the file.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from ...errors import DocumentError

#: A font name that says bold ("Arial-BoldMT", "TimesNewRomanPS-BoldItalicMT", "Calibri,Bold").
BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.I)
ITALIC_RE = re.compile(r"italic|oblique", re.I)
#: Characters a text cannot hold (controls but tab and line ends, and the private use area
#: symbol fonts map bullets to).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_PRIVATE_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
                    "\uf0a8": "•", "\uf02d": "-", "\uf0be": "—"}


@dataclass
class Word:
    """One word as printed: text, box (points from the page's top left), size, style."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    #: Raised and smaller than the line it sits on (set when lines are built).
    sup: bool = False


@dataclass
class Page:
    """One page: its number (1-based), size, words and horizontal rules (x0, x1, y)."""

    no: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)


def clean(text: str) -> str:
    """A word's text with symbol-font bullets mapped and control characters dropped."""
    for private, bullet in _PRIVATE_BULLETS.items():
        text = text.replace(private, bullet)
    return _CONTROL_RE.sub("", text)


def _words(page) -> list[Word]:
    """The words of a pdfplumber page set upright, split where the size or font changes."""
    out = []
    for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                                use_text_flow=False, extra_attrs=["fontname", "size", "upright"]):
        text = clean(w["text"])
        if text.strip() and w["upright"]:  # text set sideways is a margin's label, not the page's text
            out.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 1),
                            bool(BOLD_RE.search(w["fontname"])), bool(ITALIC_RE.search(w["fontname"]))))
    return out


def _rules(page) -> list[tuple[float, float, float]]:
    """The horizontal rules of a page: lines, and rectangles thinner than 2 points."""
    found = []
    for line in page.lines:
        if abs(line["top"] - line["bottom"]) < 1 and line["x1"] - line["x0"] > 20:
            found.append((line["x0"], line["x1"], line["top"]))
    for rect in page.rects:
        if rect["height"] < 2 and rect["width"] > 20:
            found.append((rect["x0"], rect["x1"], rect["top"]))
    return sorted(found, key=lambda r: r[2])


def _why(exc: Exception) -> str:
    """What a failure to open a PDF says to a person (pdfplumber wraps pdfminer's error)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return ("the PDF is encrypted and cannot be opened without its password: save an "
                "unprotected copy")
    detail = str(inner).strip() or type(inner).__name__
    return f"the PDF is damaged or truncated and cannot be read ({detail[:200]})"


def read_pages(data: bytes, filename: str) -> list[Page]:
    """The pages of a PDF file's bytes (module docstring); DocumentError when unreadable."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on damaged files go to the error
    if not data.lstrip()[:5].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise DocumentError(filename, None, "not a PDF file (no %PDF- header)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [Page(p.page_number, float(p.width), float(p.height), _words(p), _rules(p))
                     for p in pdf.pages]
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        raise DocumentError(filename, None, _why(exc)) from None
    if not pages:
        raise DocumentError(filename, None, "the PDF has no pages (damaged or truncated?)")
    if not any(p.words for p in pages):
        raise DocumentError(filename, None, "the PDF has no text layer (scanned?): no OCR here")
    return pages
