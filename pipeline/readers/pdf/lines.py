"""Stage 2 of the PDF reader: the words of a page rebuilt into lines by position.

After ``page_lines`` runs, a page's words are in PdfLine objects from the top of the page
down, each line's words from left to right; a word raised above the line's baseline and
set smaller than the line's body is marked ``sup`` (a footnote marker); the line knows its
box, its main size (of most of its characters) and whether all of it is bold.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .pages import Page, Word

#: A superscript is at most this share of its line's size, and raised by this share of it.
SUP_SIZE = 0.85
SUP_RAISE = 0.12
#: A gap between two words wider than this share of the size is a column or tab stop.
FIELD_GAP = 1.2


@dataclass
class PdfLine:
    """One printed line: its page, words and what the layout says of it."""

    page: int
    words: list[Word] = field(default_factory=list)
    #: "body", "running" (header or footer), "page-number", "foot" (the UN page foot),
    #: "note" (footnote area)
    role: str = "body"

    @property
    def top(self) -> float:
        """The top of the line's main words."""
        return min(w.top for w in self.main_words())

    @property
    def bottom(self) -> float:
        """The bottom (near the baseline) of the line's main words."""
        return max(w.bottom for w in self.main_words())

    @property
    def x0(self) -> float:
        """Where the line starts."""
        return self.words[0].x0

    @property
    def x1(self) -> float:
        """Where the line ends."""
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        """The size of most of the line's characters."""
        sizes = Counter()
        for w in self.main_words():
            sizes[w.size] += len(w.text)
        return sizes.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        """True when every letter of the line is set in bold."""
        return all(w.bold for w in self.main_words() if any(c.isalpha() for c in w.text))

    @property
    def italic(self) -> bool:
        """True when every letter of the line is set in italic."""
        return all(w.italic for w in self.main_words() if any(c.isalpha() for c in w.text))

    @property
    def text(self) -> str:
        """The line's words joined by single spaces, as read."""
        return " ".join(w.text for w in self.words)

    def main_words(self) -> list[Word]:
        """The words that are not superscripts (all of them when every word is)."""
        return [w for w in self.words if not w.sup] or self.words


def field_gap(line: PdfLine) -> float:
    """The widest gap between two words of line that is still a space, not a column."""
    return max(line.size * FIELD_GAP, 6.0)


def _overlap(a: Word, top: float, bottom: float) -> float:
    """How much of word a's height lies between top and bottom (0 to 1)."""
    inside = min(a.bottom, bottom) - max(a.top, top)
    return max(inside, 0.0) / max(a.bottom - a.top, 0.1)


def page_lines(page: Page) -> list[PdfLine]:
    """The lines of a page (module docstring)."""
    words = sorted(page.words, key=lambda w: (-w.size, w.top))
    bands: list[list[Word]] = []  # the largest words first found the lines
    spans: list[tuple[float, float]] = []
    for word in words:
        best, share = None, 0.45
        for i, (top, bottom) in enumerate(spans):
            got = _overlap(word, top, bottom)
            if got > share and not _crosses(word, bands[i]):
                best, share = i, got
        if best is None:
            bands.append([word])
            spans.append((word.top, word.bottom))
        else:
            bands[best].append(word)
    lines = []
    for band in bands:
        band.sort(key=lambda w: w.x0)
        line = PdfLine(page.no, band)
        _mark_superscripts(line)
        lines.append(line)
    lines.sort(key=lambda ln: (round(ln.bottom, 0), ln.x0))
    return lines


def _crosses(word: Word, band: list[Word]) -> bool:
    """True when word overlaps a word of band horizontally (it is on another line)."""
    return any(word.x0 < w.x1 - 1 and w.x0 < word.x1 - 1 for w in band)


def _mark_superscripts(line: PdfLine) -> None:
    """Mark the short words of line that are raised above and smaller than the word they
    touch (the word before, or after for a note's number at the line's start)."""
    for k, w in enumerate(line.words):
        if len(w.text) > 3 or not (w.text.isdigit() or w.text in ("*", "**", "***", "†")
                                   or w.text.isalpha() and w.text.islower()):
            continue
        before = line.words[k - 1] if k else None
        after = line.words[k + 1] if k + 1 < len(line.words) else None
        host = before if before is not None and w.x0 - before.x1 < before.size * 0.5 else \
            after if k == 0 and after is not None and after.x0 - w.x1 < after.size * 0.8 else None
        if host is not None and not host.sup and w.size <= host.size * SUP_SIZE \
                and w.bottom < host.bottom - host.size * SUP_RAISE:
            w.sup = True
