"""Stage 4a of the PDF reader: the rows of an agenda table, read by column.

A row starts at a line whose first field is a time (the time column); the fields after it
start the columns (title, and the moderator's or speakers' column when there is a third).
The next lines of the row, set in those columns, belong to them. After ``table_rows``
runs, a row of three columns is written as the time and the title's lines, then the
third column's lines, labelled with that column's heading when the table has a header
row ("Moderator: Ms. A, Chair"); the header row itself is layout and goes. Rows of two
columns are left as printed: the text reader reads them.
"""
from __future__ import annotations

import re

from .lines import PdfLine, field_gap
from .pages import Word

_TIME_CELL_RE = re.compile(r"^\d{1,2}[:.h]\d{2}")
#: A heading of a table's people column ("Moderator", "Speakers", "Intervenants").
_PEOPLE_HEAD_RE = re.compile(r"^(?:Moderators?|Chairs?|Chairpersons?|Speakers?|Panellists?|Panelists?|"
                             r"Presenters?|Facilitators?|Mod[ée]rat(?:eur|rice)s?|Pr[ée]sidence|"
                             r"Intervenants?|Orateurs?|Moderador(?:a|es)?|Ponentes?|Oradores?|"
                             r"Presidencia|Panelistas?)$", re.I)
TOL = 4.0


def fields(line: PdfLine) -> list[list[Word]]:
    """The words of a line grouped into fields (split at column gaps)."""
    out: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        if w.x0 - prev.x1 > field_gap(line):
            out.append([])
        out[-1].append(w)
    return out


def table_rows(lines: list[PdfLine]) -> list[PdfLine]:
    """The lines of a page with every three-column timed row read by column (module
    docstring)."""
    out: list[PdfLine] = []
    label = ""
    i = 0
    while i < len(lines):
        cells = fields(lines[i])
        head = _header_label(cells)
        if head is not None:
            label = head
            i += 1
            continue
        if len(cells) == 3 and _TIME_CELL_RE.match(cells[0][0].text):
            i = _row(lines, i, cells, label, out)
            continue
        out.append(lines[i])
        i += 1
    return out


def _header_label(cells: list[list[Word]]) -> str | None:
    """The heading of the people column, when the line is a table's header row of three
    cells ("Time  Session  Moderator"), else None."""
    if len(cells) != 3:
        return None
    texts = [" ".join(w.text for w in c) for c in cells]
    if not _PEOPLE_HEAD_RE.match(texts[2]) or len(texts[0].split()) > 2 or len(texts[1].split()) > 3:
        return None
    return texts[2]


def _row(lines: list[PdfLine], i: int, cells: list[list[Word]], label: str,
         out: list[PdfLine]) -> int:
    """Write the row starting at lines[i] into out; return the index after it."""
    page = lines[i].page
    title_x, people_x = cells[1][0].x0, cells[2][0].x0
    title = [PdfLine(page, cells[0] + cells[1])]
    people = [cells[2]]
    j = i + 1
    while j < len(lines) and lines[j].x0 > title_x - TOL and not _TIME_CELL_RE.match(lines[j].words[0].text) \
            and lines[j].top - lines[j - 1].bottom < lines[j].size * 1.5:
        for cell in fields(lines[j]):
            if cell[0].x0 > people_x - TOL:
                people.append(cell)
            else:
                title.append(PdfLine(page, cell))
        j += 1
    out.extend(title)
    first = people[0]
    if label and not first[0].text.rstrip(":").casefold() == label.casefold():
        first = [Word(f"{label}:", first[0].x0 - 60, first[0].x0 - 3, first[0].top,
                      first[0].bottom, first[0].size)] + first
    out.append(PdfLine(page, first))
    out.extend(PdfLine(page, cell) for cell in people[1:])
    return j
