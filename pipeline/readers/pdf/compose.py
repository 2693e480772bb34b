"""Stage 4 of the PDF reader: the lines of the pages written as the clean text the text
reader reads best, with a hint per line for what the layout says of it.

After ``compose`` runs, the text holds the body lines of every page in order, a form feed
before each page after the first; running heads and page numbers are left out; a blank
line stands where the layout sets a block apart (more space than the leading, a rule, a
title's edge); words far apart on a line (columns, tab stops) are three spaces
apart; a raised marker is glued to its word in superscript digits ("care.¹"); a page's
footnotes follow its body after a rule line, one line each ("1  See WHO, 2010."). Each
line of the text knows its page, and the title, headings, bold lines and notes their hint.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.footnotes import TO_SUPERSCRIPT
from ..text.text import join_lines
from .furniture import NOTE_MARK_RE
from .columns import fields, table_rows
from .lines import PdfLine, field_gap

FIELD_SEP = "   "
#: The rule line put above a page's footnotes.
NOTE_RULE = "__________"
#: A time cell wrapped over two lines: "09:00 –" then "10:00", or "09:00" then "– 10:00".
_TIME = r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?"
_OPEN_RANGE_RE = re.compile(rf"^{_TIME}\s*[-–—]$", re.I)
_LONE_TIME_RE = re.compile(rf"^{_TIME}$", re.I)
_TIME_START_RE = re.compile(r"^\d{1,2}[:.h]\d{2}")
_DASH_TIME_RE = re.compile(r"^[-–—]\s*(?:\d{1,2}[:.h]\d{2})?$")


@dataclass
class Composed:
    """The text, its hints (line number -> hint) and the page of each line number."""

    text: str
    hints: dict[int, str] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)


def line_text(line: PdfLine) -> str:
    """A line's words as text: fields three spaces apart, superscripts glued to their word."""
    out, prev = [], None
    for w in line.words:
        text = w.text.translate(TO_SUPERSCRIPT) if w.sup and w.text.isdigit() else w.text
        if prev is not None:
            gap = w.x0 - prev.x1
            if w.sup and gap < line.size * 0.6:
                pass  # a marker belongs to the word it follows
            elif gap > field_gap(line):
                out.append(FIELD_SEP)
            elif gap > line.size * 0.12:
                out.append(" ")
        out.append(text)
        prev = w
    return "".join(out)


def leading(pages: list[list[PdfLine]], size: float) -> float:
    """The usual space between the baselines of two wrapped lines of body text: a low
    percentile of the steps, as a document of one-line paragraphs has mostly wider ones."""
    steps = sorted(b.bottom - a.bottom for lines in pages for a, b in zip(lines, lines[1:])
                   if a.role == b.role == "body" and a.size == b.size == size
                   and size * 0.9 < b.bottom - a.bottom < size * 3)
    return max(steps[len(steps) // 6], size) if steps else size * 1.2


#: A paragraph's number set apart from its text by a tab (a hanging indent).
_HANGING_NUMBER_RE = re.compile(r"^(?:\d{1,3}\.|[IVXLC]{1,6}\.|[A-H]\.)$")


def _apart(a: PdfLine, b: PdfLine, step: float, size: float,
           rules: list[tuple[float, float, float]]) -> bool:
    """True when the layout sets line b apart from line a, above it (step: the body's
    leading, for the body's size)."""
    if b.bottom - a.bottom > step * 1.35 * max(b.size, a.size) / size:
        return True
    if _HANGING_NUMBER_RE.match(b.words[0].text) and len(b.words) > 1 \
            and b.words[1].x0 - b.words[0].x1 > field_gap(b):
        return True
    return any(a.bottom < y < b.top + 1 for _, _, y in rules)


def join_wrapped_times(lines: list[PdfLine]) -> list[PdfLine]:
    """A time cell wrapped over two lines ("09:00 –" / "10:00") made one: the words of the
    next line's first field, at the same left edge, join the line above's first field."""
    for a, b in zip(lines, lines[1:]):
        if not a.words or not b.words or abs(a.x0 - b.x0) > 2 or a.role != b.role:
            continue
        head, first = _first_field(a), b.words[0].text
        cell = " ".join(w.text for w in head)
        if _OPEN_RANGE_RE.match(cell) and _TIME_START_RE.match(first) \
                or _LONE_TIME_RE.match(cell) and _DASH_TIME_RE.match(first):
            moved = _first_field(b)
            if len(moved) < len(b.words) or len(head) == len(a.words):
                a.words[len(head):len(head)] = moved
                del b.words[:len(moved)]
    return [ln for ln in lines if ln.words]


def _first_field(line: PdfLine) -> list:
    """The words of a line before its first column gap."""
    return fields(line)[0]


def notes_text(lines: list[PdfLine]) -> list[str]:
    """A page's footnote lines as one line per note, "N  text" (a line that does not start
    with a number continues the note before, or stands alone at the area's top)."""
    notes: list[tuple[str, list[str]]] = []
    for line in lines:
        first = line.words[0]
        mark = first.text.rstrip(".)") if NOTE_MARK_RE.match(first.text) and (
            first.sup or len(line.words) > 1 and line.words[1].x0 - first.x1 > line.size * 0.15
            or first.text.startswith("*")) else None
        if mark and not first.text.startswith("*") and not first.text[:1].isdigit():
            mark = None  # a lettered note must be raised to count
        if mark:
            notes.append((mark, [line_text(PdfLine(line.page, line.words[1:]))]
                          if len(line.words) > 1 else []))
        elif notes:
            notes[-1][1].append(line_text(line))
        else:
            notes.append(("", [line_text(line)]))
    # the number two spaces before the text, as a note is typed (join_lines makes one)
    return [f"{mark}  {join_lines(parts)}".strip() if mark else join_lines(parts)
            for mark, parts in notes]


class Writer:
    """The text being written, line by line, with each line's page and hint."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.result = Composed("")
        self.new_page = False

    def page_break(self) -> None:
        """The next line starts a new page (a form feed before it)."""
        self.new_page = bool(self.out)

    def add(self, text: str, page: int, hint: str = "") -> None:
        """Append one line of text."""
        self.out.append("\f" + text if self.new_page else text)
        self.new_page = False
        self.result.pages[len(self.out)] = page
        if hint:
            self.result.hints[len(self.out)] = hint

    def blank(self, page: int) -> None:
        """Append a blank line, unless the text already ends with one (or is empty)."""
        if self.out and self.out[-1] and not self.new_page:
            self.add("", page)

    def finish(self) -> Composed:
        """The whole text."""
        self.result.text = "\n".join(self.out) + "\n"
        return self.result


def compose(pages: list[list[PdfLine]], rules: list[list[tuple[float, float, float]]],
            hints: dict[int, str] | None = None, size: float = 10.0) -> Composed:
    """The clean text of the pages (module docstring); hints: id(line) -> hint."""
    step = leading(pages, size)
    hints = hints or {}
    writer = Writer()
    for lines, page_rules in zip(pages, rules):
        body = table_rows(join_wrapped_times([ln for ln in lines if ln.role == "body"]))
        writer.page_break()
        for i, line in enumerate(body):
            title = (hints.get(id(body[i - 1])) == "title") != (hints.get(id(line)) == "title")
            if i and (title or _apart(body[i - 1], line, step, size, page_rules)):
                writer.blank(line.page)
            writer.add(line_text(line), line.page, hints.get(id(line), ""))
        notes = [ln for ln in lines if ln.role == "note"]
        if notes:
            writer.blank(notes[0].page)
            writer.add(NOTE_RULE, notes[0].page)
            for text in notes_text(notes):
                writer.add(text, notes[0].page, "note")
    return writer.finish()
