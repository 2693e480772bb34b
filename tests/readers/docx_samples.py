"""Word documents laid out as people lay them out, not as our DOCX writer does, made with
python-docx: an agenda whose time column is set with tab stops, an agenda in a table, a
paper numbered by Word's automatic numbering with real footnotes; each with a running
header and a page-number footer. The texts are made up, in the shapes of real documents.
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

W_NS = nsdecls("w")


def _page_footer(document: docx.Document, words: str) -> None:
    """A running header (words) and a footer "Page N" with Word's PAGE field."""
    section = document.sections[0]
    section.header.paragraphs[0].text = words
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    footer._p.append(parse_xml(
        f'<w:fldSimple {W_NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _numbering(document: docx.Document, levels: list[tuple[str, str, str | None]]) -> int:
    """A new list in numbering.xml (levels: format, level text, linked paragraph style);
    its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(qn("w:abstractNum")))
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:pStyle w:val="{style}"/>' if style else "")
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, (fmt, text, style) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = abstract_id + 100
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{abstract_id}"/></w:num>'))
    return num_id


def _number(paragraph, num_id: int, level: int = 0) -> None:
    """Number a paragraph with Word's automatic numbering."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId '
                         f'w:val="{num_id}"/></w:numPr>'))


def tab_agenda(dest: Path) -> Path:
    """A two-day agenda: day headings in Heading 2, each item a paragraph "time<TAB>title"
    with a tab stop at 3.5 cm, its moderator and speakers on tab-indented lines after it;
    speakers in Word's bulleted List Bullet style."""
    d = docx.Document()
    d.add_paragraph("REGIONAL CONSULTATION ON LABOUR MOBILITY", style="Title")
    d.add_paragraph("Bangkok, 14–15 May 2026")
    d.add_heading("PROGRAMME", 1)

    def timed(text: str) -> None:
        """A paragraph with the time column's tab stop."""
        p = d.add_paragraph(text)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(3.5))

    d.add_heading("Thursday, 14 May 2026", 2)
    timed("09:00 – 09:30\tRegistration of participants")
    timed("09:30 – 10:00\tOpening session")
    timed("\tChair: Ms. Anna Lindqvist, Director, Regional Office for Asia")
    timed("10:00 – 12:30\tSession I: The cost of recruitment")
    timed("\tModerator: Mr. Tomas Reyes, Adviser, Ministry of Labour")
    timed("\tSpeakers:")
    d.add_paragraph("Ms. Priya Nair, Researcher, University of Kerala", style="List Bullet")
    d.add_paragraph("Mr. Kenji Sato, Head of Unit, Overseas Employment Agency",
                    style="List Bullet")
    timed("12:30 – 14:00\tLunch break")
    d.add_heading("Friday, 15 May 2026", 2)
    timed("09:00 – 11:00\tSession II: Skills recognition across borders")
    timed("\tModerator: Ms. Leila Haddad, Senior Officer, Labour Migration Programme")
    timed("11:00 – 11:30\tClosing remarks")
    _page_footer(d, "Regional Consultation on Labour Mobility")
    d.save(dest)
    return dest


def table_agenda(dest: Path) -> Path:
    """A two-day agenda in one table of three columns (time, session, speakers) under a
    header row of column labels: each day a row merged across the table, then one row per
    item, a cell holding several paragraphs (moderator, speaker)."""
    d = docx.Document()
    d.add_paragraph("EXPERT MEETING ON MIGRATION DATA", style="Title")
    d.add_paragraph("Geneva, 3–4 March 2026")
    d.add_paragraph("PROGRAMME")
    rows = [("Time", "Session", "Speakers"),
            ("Tuesday, 3 March 2026",),
            ("09:00–09:30", "Welcome and introductions",
             "Ms. Carmen Ortiz, Chief, Data Unit"),
            ("09:30–11:00", "Session 1: Household surveys",
             "Moderator: Mr. David Okafor, Statistician\nMs. Hana Novak, Survey Expert"),
            ("11:00–11:15", "Coffee break", ""),
            ("Wednesday, 4 March 2026",),
            ("09:00–10:30", "Session 2: Administrative records",
             "Moderator: Ms. Sofia Rossi, Adviser\nMr. Ali Karimi, Analyst"),
            ("10:30–11:00", "Closing", "")]
    table = d.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        if len(values) == 1:
            table.cell(r, 0).merge(table.cell(r, 2)).paragraphs[0].text = values[0]
            continue
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            lines = value.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    _page_footer(d, "Expert Meeting on Migration Data")
    d.save(dest)
    return dest


def numbered_paper(dest: Path) -> Path:
    """A paper: headings numbered I., II. by a list linked to Heading 1, paragraphs numbered
    1., 2., ... by Word across the headings, sub-paragraphs (a), (b) at the list's second
    level, and two real Word footnotes."""
    d = docx.Document()
    d.add_paragraph("MIGRANT HEALTH IN CITIES", style="Title")
    headings = _numbering(d, [("upperRoman", "%1.", "Heading1")])
    paras = _numbering(d, [("decimal", "%1.", None), ("lowerLetter", "(%2)", None)])
    notes = _footnotes_part(d, ["Survey of twelve municipalities, 2025.",
                                "See the annex for the list of cities."])
    _number(d.add_heading("Introduction", 1), headings)
    p = d.add_paragraph("Cities receive most migrants, but few plan their health services "
                        "for them.")
    _footnote_ref(p, 1)
    _number(p, paras)
    _number(d.add_paragraph("This paper sets out what cities have learned."), paras)
    _number(d.add_heading("Findings", 1), headings)
    _number(d.add_paragraph("Three lessons stand out:"), paras)
    _number(d.add_paragraph("Services work best near where migrants live;"), paras, 1)
    p = d.add_paragraph("Interpreters save time and money.")
    _footnote_ref(p, 2)
    _number(p, paras, 1)
    _number(d.add_paragraph("Cities that share data plan better."), paras)
    del notes
    _page_footer(d, "Migrant health in cities")
    d.save(dest)
    return dest


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _footnotes_part(document: docx.Document, texts: list[str]) -> Part:
    """A footnotes part with Word's two separators and one footnote per text (ids 1..n)."""
    notes = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for k, text in enumerate(texts, start=1))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:footnotes {W_NS}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           f'</w:r></w:p></w:footnote>{notes}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    return part


def _footnote_ref(paragraph, k: int) -> None:
    """Footnote k's reference mark at the end of a paragraph."""
    paragraph._p.append(parse_xml(
        f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{k}"/></w:r>'))


#: An OpenDocument text (flat XML) with the features LibreOffice writes into a DOCX its own
#: way: a list style numbering paragraphs "1.", headings by outline level, real footnotes.
FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Title" style:family="paragraph">
   <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:default-outline-level="1">
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
  <text:list-style style:name="Paragraphs">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
   <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="("
    style:num-suffix=")"/>
  </text:list-style>
 </office:styles>
 <office:body><office:text>
  <text:p text:style-name="Title">REMITTANCES AND FINANCIAL INCLUSION</text:p>
  <text:h text:outline-level="1" text:style-name="Heading_20_1">Background</text:h>
  <text:list text:style-name="Paragraphs">
   <text:list-item><text:p>Remittances reached a new high last year<text:note text:id="n1"
    text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
    <text:p>World Bank estimate, 2025.</text:p></text:note-body></text:note>, and most
    were sent through banks.</text:p></text:list-item>
   <text:list-item><text:p>Fees remain above the target of three per cent.</text:p>
   </text:list-item>
  </text:list>
  <text:h text:outline-level="1" text:style-name="Heading_20_1">Options</text:h>
  <text:list text:style-name="Paragraphs" text:continue-numbering="true">
   <text:list-item><text:p>Three options are open to Governments:</text:p>
    <text:list><text:list-item><text:p>Lower the fees of digital transfers;</text:p>
     </text:list-item><text:list-item><text:p>Open accounts for migrants on
     arrival.<text:note text:id="n2" text:note-class="footnote"><text:note-citation>2</text:note-citation>
     <text:note-body><text:p>As two central banks did in 2024.</text:p></text:note-body>
     </text:note></text:p></text:list-item></text:list>
   </text:list-item>
  </text:list>
 </office:text></office:body>
</office:document>
"""


def odt_paper(dest: Path) -> Path:
    """The flat ODT above, to be saved as DOCX by LibreOffice (soffice_convert_many)."""
    dest.write_text(FODT, "utf-8")
    return dest


def un_masthead_report(dest: Path) -> Path:
    """A report in the UN template's layout: the masthead (United Nations, the organ, the
    symbol, Distr., date, Original) in a table in the first page's own header, the symbol
    in the running header of the other pages, the page number in the footer."""
    d = docx.Document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    grid = first.add_table(rows=2, cols=2, width=Cm(16))
    grid.cell(0, 0).text = "United Nations"
    grid.cell(0, 1).text = "A/81/412"
    grid.cell(1, 0).text = "General Assembly"
    cell = grid.cell(1, 1)
    cell.paragraphs[0].text = "Distr.: General"
    for line in ("14 August 2027", "", "Original: English"):
        cell.add_paragraph(line)
    first.paragraphs[0].text = ""
    section.header.paragraphs[0].text = "A/81/412"
    _page_footer(d, "")
    d.add_paragraph("Eighty-first session")
    d.add_paragraph("Item 24 of the provisional agenda*")
    d.add_paragraph("Agriculture development and food security")
    d.add_paragraph("Smallholder farmers and access to markets", style="Title")
    d.add_paragraph("Report of the Secretary-General")
    paras = _numbering(d, [("decimal", "%1.", None)])
    _number(d.add_paragraph("The present report is submitted pursuant to resolution "
                            "80/215."), paras)
    _number(d.add_paragraph("It describes how smallholders reach markets."), paras)
    d.save(dest)
    return dest


#: An agenda in an OpenDocument table, a footnote on an item's title.
FODT_AGENDA = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text>
  <text:p>ATELIER SUR LA MIGRATION DE RETOUR</text:p>
  <text:p>Genève, 9–10 juin 2026</text:p>
  <text:p>PROGRAMME</text:p>
  <text:p>Mardi 9 juin 2026</text:p>
  <table:table table:name="Programme">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>09 h 00 – 10 h 00</text:p></table:table-cell>
    <table:table-cell><text:p>Inscription</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>10 h 00 – 12 h 00</text:p></table:table-cell>
    <table:table-cell><text:p>Séance I : Le retour des compétences<text:note text:id="a1"
     text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
     <text:p>Séance diffusée en direct.</text:p></text:note-body></text:note></text:p>
     <text:p>Modératrice : Mme Claire Dubois, Directrice, Office des migrations</text:p>
    </table:table-cell></table:table-row>
  </table:table>
  <text:p>Mercredi 10 juin 2026</text:p>
  <table:table table:name="Programme2">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>09 h 30 – 11 h 00</text:p></table:table-cell>
    <table:table-cell><text:p>Séance II : Les partenariats</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>11 h 00 – 11 h 30</text:p></table:table-cell>
    <table:table-cell><text:p>Clôture</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:text></office:body>
</office:document>
"""


def odt_agenda(dest: Path) -> Path:
    """The flat ODT agenda above, to be saved as DOCX by LibreOffice."""
    dest.write_text(FODT_AGENDA, "utf-8")
    return dest


def time_columns_agenda(dest: Path) -> Path:
    """A one-day agenda in a table whose start and end times are two columns, under a row
    of longer column labels ("Session / Topic"), with no borders."""
    d = docx.Document()
    d.add_paragraph("MEETING ON TRANSIT MIGRATION")
    d.add_paragraph("AGENDA")
    d.add_paragraph("Monday, 2 March 2026")
    rows = [("Start", "End", "Session / Topic", "Speakers / Moderators"),
            ("09:00", "09:30", "Opening", "Mr. Jan Berg, Director"),
            ("09:30", "11:00", "Routes and risks", "Ms. Ana Silva, Researcher"),
            ("11:00", "11:30", "Closing", "")]
    table = d.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    d.save(dest)
    return dest
