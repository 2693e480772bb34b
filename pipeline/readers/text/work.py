"""Stage 3 for a programme of work: the agenda's items as a table of days and meetings (R13).

Shapes read (``pdftotext -layout`` sets the table's columns apart with runs of spaces;
the other extractors a cell a line or one space apart):

    Programa de trabajo provisional                  -> meta/title (read before this stage)
    Fecha y hora     Tema     Asunto                 -> the table's header (debris, stage 1)
    Lunes 9 de abril de 2029                         -> the day of the entries under it
    10.00 a 13.00 horas   1   Elección de la Mesa    -> entry @n="1" @day @start @end / title
                          2   Aprobación del ...     -> entry @n="2", the same meeting
                              de organización        -> the title goes on
    15.00 a 18.00 horas   3   Debate general (cont.) -> entry @n="3" again, another meeting

After ``build_work`` runs, every row of the table is an entry with the item's number, the
day and the meeting's times; a note under the table is a p of the entry above it (a line
before the first entry, of the first), so no word is lost.
"""
from __future__ import annotations

import re

from lxml import etree

from .agenda import is_day_line
from .meta import text_blocks
from .normalise import LINE_ATTR, Line
from .text import join_lines
from .times import match_time_range

#: The title of a programme of work, in the three languages.
WORK_TITLE_RE = re.compile(
    r"^(?:(?:Provisional|Proposed|Draft|Tentative)\s+)?programme of work|"
    r"(?:Projet de\s+)?programme de travail(?:\s+provisoire)?|"
    r"(?:Proyecto de\s+)?programa de trabajo(?:\s+provisional)?$", re.I)
#: What a work title starts with (WORK_TITLE_RE's first letters, with its flags).
_WORK_START_RE = re.compile(r"\s*[pdt]", re.I)


def is_work_title(text: str) -> bool:
    """WORK_TITLE_RE.match of text with its spaces made single, tried only on a text that
    starts with one of its first letters (it is asked of every line)."""
    return bool(_WORK_START_RE.match(text)) and bool(WORK_TITLE_RE.match(" ".join(text.split())))


#: A row's item number and subject: "1          Elección de la Mesa", "5 (a)  Debate".
ROW_RE = re.compile(r"^(?P<n>\d{1,2}(?:\s?\([a-z]\)|\s[a-z]\))?)(?:\s+|$)(?P<text>.*)$")
HOURS_RE = re.compile(r"^(?:horas|hrs?\.?|heures|h|hours)\b\s*", re.I)


def _item_number(printed: str) -> str:
    """The entry's @n for a printed item number: "3", "3(a)" ("3 a)" as the French print it)."""
    n = printed.replace(" ", "")
    return re.sub(r"(\d)([a-z])\)$", r"\1(\2)", n)


#: The annex that holds a provisional agenda's programme of work ("Annexe" / "Projet de
#: programme de travail").
ANNEX_LINE_RE = re.compile(r"^(?:Annex|Annexe|Anexo)(?:\s+[IVX]{1,4})?$")


def split_programme(lines: list[Line]) -> int | None:
    """Index of the line that opens the programme of work appended to a provisional
    agenda (its annex line, or its title), or None."""
    for k, line in enumerate(lines):
        if line.kind == "text" and is_work_title(line.text):
            prev = next((j for j in range(k - 1, -1, -1) if lines[j].kind == "text"), None)
            if prev is not None and ANNEX_LINE_RE.match(lines[prev].text.strip()):
                return prev
            return k
    return None


def is_programme_of_work(lines: list[Line]) -> bool:
    """True when one of the first 60 text lines is a programme of work's title and rows
    with times follow it."""
    texts = [ln for ln in lines if ln.kind == "text"][:60]
    for k, line in enumerate(texts):
        if is_work_title(line.text):
            return sum(1 for ln in lines if ln.kind == "text" and match_time_range(ln.text.strip())) >= 2
    return False


class WorkBuilder:
    """Feeds the lines after the title into entries with their day and times."""

    def __init__(self) -> None:
        self.agenda = etree.Element("agenda")
        self.day: str | None = None
        self.slot: tuple[str, str | None] | None = None
        self.entry: etree._Element | None = None
        self.title: list[str] = []
        self.left: list[Line] = []  # lines met before the first entry

    def feed(self, line: Line) -> None:
        """One line."""
        if line.kind != "text":
            return
        text = " ".join(line.text.split())
        day = is_day_line(text)
        times = match_time_range(text) if text[:1].isdigit() else None
        if day and not times:
            self.flush()
            self.day, self.slot, self.entry = day, None, None
            return
        if times:
            start, end, rest = times
            self.slot = (start, end)
            text = HOURS_RE.sub("", rest).strip()
            if not text:
                return
        row = ROW_RE.match(text) if self.slot else None
        if row and (times or self.entry is None or not row.group("text") or self._column_gap(line)):
            self.open(_item_number(row.group("n")), row.group("text"), line)
        elif self.entry is not None and not text.startswith("*"):
            self.title.append(text)
        elif self.entry is not None:  # "* E/CN.9/2029/1.", a note printed under the table
            self.flush()
            etree.SubElement(self.entry, "p", {LINE_ATTR: str(line.no)}).text = text
        else:
            self.left.append(Line(line.no, text))

    def _column_gap(self, line: Line) -> bool:
        """True when a row's number stands apart from its subject (a new row, not a title
        that goes on with a figure)."""
        return bool(re.match(r"^\s*\d{1,2}(?:\s?\([a-z]\))?\s{2,}\S", line.text)) or \
            not self.title or bool(re.search(r"[.;:)]$", self.title[-1]))

    def open(self, n: str, text: str, line: Line) -> None:
        """A new entry for item n in the current meeting."""
        self.flush()
        attrs = {"n": n, LINE_ATTR: str(line.no)}
        if self.day:
            attrs["day"] = self.day
        if self.slot:
            attrs["start"] = self.slot[0]
            if self.slot[1]:
                attrs["end"] = self.slot[1]
        self.entry = etree.SubElement(self.agenda, "entry", attrs)
        self.title = [text] if text else []

    def flush(self) -> None:
        """Write the open entry's title."""
        if self.entry is not None and self.entry.find("title") is None:
            etree.SubElement(self.entry, "title").text = join_lines(self.title)
            self.entry.insert(0, self.entry[-1])
        self.title = []


#: A row's item number alone in its cell: "3", "3(a)", "3 (a)", "3 a)".
_NUMBER_CELL_RE = re.compile(r"^\d{1,2}(?:\s?\([a-z]\)|\s[a-z]\))?$")
#: A cell of the table's header row, one a line.
_HEADER_CELL_RE = re.compile(r"^(?:Date|Fecha|Date and time|Date et heure|Fecha y hora|Time|Heure|Hora|"
                             r"Item|Items|Point|Points|Tema|Temas|Subject|Subjects|Sujet|Objet|Question|Questions|Asunto|Title|Titre|"
                             r"Título)$", re.I)


def _cell_kind(block: list[Line]) -> str:
    """What a block of lines (no blank line inside) is in a programme of work's table: a
    day, a meeting's time, a row's number alone, a subject (its wrapped lines), a whole row
    (a time or number with its subject: the page is printed row by row) or other text (a
    header cell, a note, prose ending a sentence)."""
    text = " ".join(" ".join(ln.text.split()) for ln in block)
    times = match_time_range(text) if text[:1].isdigit() and len(block) == 1 else None
    if times:
        return "time" if not HOURS_RE.sub("", times[2]).strip() else "row"
    if len(block) == 1 and is_day_line(text):
        return "day"
    if _NUMBER_CELL_RE.match(text):
        return "num"
    if ROW_RE.match(text) and text[:1].isdigit():
        return "row"
    if text.startswith("*") or _HEADER_CELL_RE.match(text) or is_work_title(text) \
            or ANNEX_LINE_RE.match(text) or re.search(r"[.;:]$", text):
        return "other"
    return "subject"


def columns_to_rows(lines: list[Line]) -> list[Line]:
    """The lines of a programme of work's table with each page's rows in order, when
    pdfminer printed the page column by column (every subject, then the column of days and
    times, then the column of item numbers): on a page that holds as many times as numbers
    as subjects and no whole row, the k-th time (with the day lines above it in its
    column), the k-th number and the k-th subject make the k-th row; other text keeps its
    place before or after the rows. A page printed row by row is left as it is."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.page_start and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    out: list[Line] = []
    k = 0
    while k < len(pages):
        rows = _page_rows(pages[k])
        if rows is None and k + 1 < len(pages):  # a column goes on over the page's foot
            rows = _page_rows(pages[k] + pages[k + 1])
            if rows is not None:
                k += 1
        out.extend(pages[k] if rows is None else rows)
        k += 1
    return out


def _page_rows(page: list[Line]) -> list[Line] | None:
    """One page of columns_to_rows (or two: a star note taken out of a page's foot starts
    a page too), or None when its columns do not make rows."""
    blocks = text_blocks(page)
    kinds = [_cell_kind(b) for b in blocks]
    cells = [k for k, kind in enumerate(kinds) if kind in ("time", "num", "subject", "day")]
    times, numbers, subjects = ([blocks[k] for k in cells if kinds[k] == kind]
                                for kind in ("time", "num", "subject"))
    if "row" in kinds or len(times) < 2 or not len(times) == len(numbers) == len(subjects):
        return None
    first, last = cells[0], cells[-1]
    # other text inside the table (a header cell, a note) goes before the row whose subject
    # follows it in the source, so that the words keep their order
    before: list[list[Line]] = [[] for _ in subjects] + [[]]
    s = 0
    for k in range(first, last + 1):
        if kinds[k] == "subject":
            s += 1
        elif kinds[k] == "other":
            before[s].extend(blocks[k])
    rows: list[Line] = []
    days: list[Line] = []
    t = 0
    for k in cells:
        if kinds[k] == "day":
            days.extend(blocks[k])
        elif kinds[k] == "time":
            rows.extend(before[t] + days + blocks[k] + numbers[t] + subjects[t])
            days, t = [], t + 1
    return ([ln for b in blocks[:first] for ln in b] + rows + days + before[-1]
            + [ln for b in blocks[last + 1:] for ln in b])


def build_work(lines: list[Line]) -> etree._Element:
    """The <agenda> of a programme of work from the lines after its title; the lines
    before its first row (the annex line and title of a programme appended to an agenda)
    go in a p of the first row, after its title."""
    builder = WorkBuilder()
    for line in columns_to_rows(lines):
        builder.feed(line)
    builder.flush()
    agenda = builder.agenda
    entries = agenda.findall("entry")
    if builder.left and entries:
        p = etree.Element("p", {LINE_ATTR: str(builder.left[0].no)})
        p.text = join_lines([ln.text for ln in builder.left])
        entries[0].insert(1, p)
    return agenda
