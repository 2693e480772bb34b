"""Word documents laid out unlike our own writer's, made with python-docx, to be printed to
PDF by LibreOffice and read back by the PDF reader (tests/readers/test_pdf_reader.py).

Each maker writes a .docx and returns the clean text of the same document as a person
would type it (the reference the PDF's reading is compared with). The texts are our own.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _page_field(paragraph, before: str = "Page ") -> None:
    """Append "Page " and a PAGE field (the page's number) to a footer paragraph."""
    paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _line(doc, text: str, size: float = 11, bold: bool = False, center: bool = False,
          after: float = 4, tabs: tuple[float, ...] = ()):
    """One paragraph of one style; tab stops at the given centimetres."""
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.size, run.bold = Pt(size), bold
    p.paragraph_format.space_after = Pt(after)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for tab in tabs:
        p.paragraph_format.tab_stops.add_tab_stop(Cm(tab))
    return p


def _furniture(doc, header: str) -> None:
    """A running header on every page and a "Page N" footer."""
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(foot)


TABBED_DAYS = [
    ("Tuesday, 3 March 2027", [
        ("09:00", "09:30", "Registration of participants", None),
        ("09:30", "10:30", "Opening session", "Welcome remarks: Mr. Daniel Okafor, Director, Regional Office"),
        ("10:30", "11:00", "Coffee break", None),
        ("11:00", "12:30", "Session 1: Recruitment costs and fair recruitment",
         "Moderator: Ms. Lina Haddad, Senior Adviser, Ministry of Labour"),
    ]),
    ("Wednesday, 4 March 2027", [
        ("09:00", "10:30", "Session 2: Skills recognition across borders",
         "Moderator: Mr. Tomas Lindqvist, Head of Unit, Employment Agency"),
        ("10:30", "12:00", "Closing session and next steps", None),
    ]),
]


def tabbed_agenda(dest: Path) -> str:
    """An agenda whose time column is set by tab stops, with a running header and a
    page-number footer, its second day on a second page."""
    doc = Document()
    _furniture(doc, "Regional Consultation on Labour Mobility")
    text = ["REGIONAL CONSULTATION ON LABOUR MOBILITY", "", "Bangkok, 3–4 March 2027", "",
            "PROGRAMME", ""]
    _line(doc, text[0], 16, True, True)
    _line(doc, text[2], 11, False, True, 12)
    _line(doc, text[4], 13, True, True, 12)
    for n, (day, items) in enumerate(TABBED_DAYS):
        p = _line(doc, day, 12, True, after=8)
        if n:
            p.paragraph_format.page_break_before = True
        text += [day, ""]
        for start, end, title, who in items:
            _line(doc, f"{start}\t–\t{end}\t{title}", tabs=(1.3, 1.9, 4.0), after=2 if who else 8)
            text.append(f"{start} – {end}  {title}")
            if who:
                _line(doc, f"\t{who}", tabs=(4.0,), after=8)
                text.append(f"                {who}")
            text.append("")
    doc.save(dest)
    return "\n".join(text) + "\n"


TABLE_DAYS = [
    ("Monday, 14 June 2027", [
        ("08:30–09:00", "Registration", ""),
        ("09:00–10:00", "Opening of the forum", "Ms. Ana Pereira, Chair of the Forum"),
        ("10:00–11:30", "Panel: data on return and reintegration", "Mr. Kofi Mensah, Statistician, Census Office"),
    ]),
    ("Tuesday, 15 June 2027", [
        ("09:00–10:30", "Panel: financing reintegration", "Ms. Sofia Marchetti, Economist, Development Bank"),
        ("10:30–11:00", "Closing remarks", ""),
    ]),
]


def table_agenda(dest: Path) -> str:
    """An agenda set as a table of three columns (time, session, moderator) under a
    header row, with a page-number footer."""
    doc = Document()
    _furniture(doc, "Forum on Return and Reintegration")
    text = ["FORUM ON RETURN AND REINTEGRATION", "", "Dakar, 14–15 June 2027", ""]
    _line(doc, text[0], 15, True, True)
    _line(doc, text[2], 11, False, True, 12)
    for day, rows in TABLE_DAYS:
        _line(doc, day, 12, True, after=6)
        text += [day, ""]
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells, ("Time", "Session", "Moderator")):
            cell.text = head
            cell.paragraphs[0].runs[0].bold = True
        for time, title, who in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = time, title, who
            text.append(f"{time}  {title}")
            if who:
                text.append(f"Moderator: {who}")
            text.append("")
        for row in table.rows:
            for cell, width in zip(row.cells, (Cm(3), Cm(8), Cm(6))):
                cell.width = width
        _line(doc, "", after=6)
    doc.save(dest)
    return "\n".join(text) + "\n"


CELL_DAYS = [
    ("Day 1 – Tuesday, 9 March 2027", [
        ("08:30 – 09:00", ["Registration of participants"]),
        ("09:00 – 09:40", ["Opening session",
                           "Welcome remarks: Ms. Celeste Machava, Director, National Water Directorate"]),
        ("09:40 – 11:00", ["Session 1: Flood warnings in the basins of the region",
                           "Moderator: Dr. Ines Cossa, River Basin Authority of the South",
                           "Speakers:", "• Mr. Paulo Nhantumbo, Meteorological Institute",
                           "• Ms. Laura Sitoe, Red Cross Society of Mozambique"]),
        ("11:00 – 11:20", ["Coffee break"]),
        ("11:20 – 12:45", ["Session 2: Reaching the last village", "Guiding questions:",
                           "• Which channels reach people living along the rivers?",
                           "• Who acts first when a warning is issued?"]),
    ]),
    ("Day 2 – Wednesday, 10 March 2027", [
        ("09:00 – 10:30", ["Session 3: Paying for preparedness",
                           "Moderator: Mr. Jorge Mabunda, Ministry of Finance"]),
        ("10:30 – 11:00", ["Closing of the workshop"]),
    ]),
]


def _agenda_head(doc, title: str, place: str, heading: str) -> list[str]:
    """The title, the place and dates, and the programme's heading, as the two-column
    agendas set them; their typed text."""
    _line(doc, title, 15, True, True)
    _line(doc, place, 11, False, True, 12)
    _line(doc, heading, 13, True, False, 8)
    return [title, "", place, "", heading, ""]


def _item_rows(table, rows: list[tuple[str, list[str]]], text: list[str], widths: tuple[float, float]) -> None:
    """A row a (time, lines) of rows in table, the item's lines in one cell; their typed
    text appended to text; the columns' widths in centimetres."""
    for time, lines in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = time, "\n".join(lines)
        text += [f"{time}  {lines[0]}", *lines[1:], ""]
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def cell_agenda(dest: Path) -> str:
    """An agenda set as one table of two columns, the time and the item, each item's
    speakers and questions in its cell over several lines, the days as rows of one merged
    cell (default pdftotext and pdfminer print the whole time column, then the whole item
    column)."""
    doc = Document()
    text = _agenda_head(doc, "Regional Workshop on Flood Forecasting", "Maputo, Mozambique, 9–10 March 2027",
                        "Provisional programme")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for day, rows in CELL_DAYS:
        cells = table.add_row().cells
        cells[0].merge(cells[1]).text = day
        text += [day, ""]
        _item_rows(table, rows, text, (3.5, 12))
    doc.save(dest)
    return "\n".join(text) + "\n"


DAY_TABLES = [
    ("Monday, 6 September 2027", [
        ("9:00 a.m. – 9:30 a.m.", ["Registration and welcome coffee"]),
        ("9:30 a.m. – 10:00 a.m.", ["Opening remarks", "Mr. Hiroshi Tanaka, Executive Secretary, Regional Commission"]),
        ("10:00 a.m. – 11:30 a.m.", ["Session I: Trends in road safety data", "Chair: Ms. Priya Nair, Ministry of Transport",
                                     "Presentations:", "• Mr. Le Van Minh, Road Safety Committee",
                                     "• Ms. Siti Rahman, Institute for Road Safety Research"]),
        ("11:30 a.m. – 1:00 p.m.", ["Session II: Speed management", "Discussion"]),
        ("1:00 p.m. – 2:00 p.m.", ["Lunch break"]),
    ]),
    ("Tuesday, 7 September 2027", [
        ("9:00 a.m. – 10:30 a.m.", ["Session III: The way forward",
                                    "Moderator: Mr. Ahmad Karimi, Automobile Association"]),
        ("10:30 a.m. – 11:00 a.m.", ["Closing of the meeting"]),
    ]),
]


def day_tables_agenda(dest: Path) -> str:
    """An agenda with a table of two columns a day under the day's heading, each under a
    header row ("Time" / "Session"), times on a 12-hour clock (pdfminer prints every
    day's time column, then every day's item column)."""
    doc = Document()
    text = _agenda_head(doc, "Expert Group Meeting on Road Safety Statistics", "Bangkok, 6–7 September 2027",
                        "Programme")
    for day, rows in DAY_TABLES:
        _line(doc, day, 12, True, after=6)
        text += [day, ""]
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Time", "Session"
        _item_rows(table, rows, text, (4, 12))
        _line(doc, "", after=6)
    doc.save(dest)
    return "\n".join(text) + "\n"


PAPER_SECTIONS = [
    ("I. Background", [
        "The present note describes the progress made in the collection of data on labour "
        "migration since the last session of the Committee. It is submitted at the request "
        "of the Committee.",
        "Member States have shared data on the recruitment of workers abroad, on their "
        "wages and on the cost of their travel, in a common format.",
    ]),
    ("II. Findings", [
        "The data show that recruitment costs fell in most corridors, but remain above one "
        "month of wages for a third of the workers surveyed.",
        "Women pay less than men for their recruitment, but wait longer for a contract.",
    ]),
    ("III. Recommendations", [
        "The Committee may wish to take note of the present report and to encourage Member "
        "States to publish the data they collect every year.",
    ]),
]


def numbered_paper(dest: Path) -> str:
    """A paper with a large bold title, bold headings, paragraphs numbered with a tab and a
    hanging indent, two pages, and a page-number footer."""
    doc = Document()
    _furniture(doc, "Labour migration data")
    text = ["Progress in the collection of labour migration data", "", "Note by the secretariat", ""]
    _line(doc, text[0], 16, True, after=6)
    _line(doc, text[2], 12, False, after=18)
    n = 0
    for s, (heading, paras) in enumerate(PAPER_SECTIONS):
        h = _line(doc, heading, 12, True, after=8)
        if s == 2:
            h.paragraph_format.page_break_before = True
        text += [heading, ""]
        for para in paras:
            n += 1
            p = _line(doc, f"{n}.\t{para}", tabs=(1.25,), after=8)
            p.paragraph_format.left_indent = Cm(1.25)
            p.paragraph_format.first_line_indent = Cm(-1.25)
            text += [f"{n}. {para}", ""]
    doc.save(dest)
    return "\n".join(text) + "\n"


#: Every maker, by the name of the document it writes.
MAKERS = {"tabbed-agenda.en": tabbed_agenda, "table-agenda.en": table_agenda,
          "cell-agenda.en": cell_agenda, "day-tables-agenda.en": day_tables_agenda,
          "numbered-paper.en": numbered_paper}
