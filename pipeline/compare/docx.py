"""The bilingual DOCX revisers work in: one table, a row per aligned unit, a QA column.

The table has four columns (unit, version A, version B, QA flags); its first row is a header
row repeated on every page (``w:tblHeader``); every run of a version's cell carries that
version's language (``w:lang``), the other columns the interface language.
"""
from __future__ import annotations

import datetime as dt
import io

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from ..writers import package
from ..writers.docx.house import language_tag
from ..writers.labels import language_name
from . import labels
from .flags import Check, Row
from .units import Segment

#: Created/modified date of every comparison DOCX (fixed: same input, same bytes).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Column widths of the bilingual table (landscape A4, 2 cm margins), in cm.
WIDTHS = (3.2, 10.0, 10.0, 4.5)


def new_document(ui: str, title: str, landscape: bool = False) -> Document:
    """An empty document from python-docx's template, with fixed core properties."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    props = doc.core_properties
    props.title, props.language = title, language_tag(ui)
    props.author, props.last_modified_by, props.comments = "pipeline", "", ""
    props.revision = 1
    props.created = props.modified = FIXED_DATE
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    for zoom in doc.settings.element.iter(qn("w:zoom")):  # ISO 29500 requires w:percent
        zoom.set(qn("w:percent"), zoom.get(qn("w:percent"), "100"))
    return doc


def to_bytes(doc: Document) -> bytes:
    """The DOCX bytes: no thumbnail, entries in a fixed order with a fixed timestamp."""
    out = io.BytesIO()
    doc.save(out)
    parts = package.read(out.getvalue())
    parts.pop("docProps/thumbnail.jpeg", None)
    rels = etree.fromstring(parts["_rels/.rels"])
    for rel in list(rels):
        if rel.get("Target", "").endswith("thumbnail.jpeg"):
            rels.remove(rel)
    parts["_rels/.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
    parts["word/settings.xml"] = _zoom_percent(parts["word/settings.xml"])
    return package.write(parts, first=["[Content_Types].xml"])


def _zoom_percent(settings: bytes) -> bytes:
    """python-docx's template has w:zoom without the w:percent that the schema requires."""
    root = etree.fromstring(settings)
    for zoom in root.iter(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def run(text: str, lang: str | None, *, deleted: bool = False, sup: bool = False,
        bold: bool = False) -> etree._Element:
    """A w:r holding ``text`` (newlines as w:br), in language ``lang``."""
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if bold:
        rpr.append(OxmlElement("w:b"))
    if sup:
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        rpr.append(align)
    if lang:
        tag = OxmlElement("w:lang")
        tag.set(qn("w:val"), language_tag(lang))
        rpr.append(tag)
    if len(rpr):
        r.append(rpr)
    for i, line in enumerate(text.split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        if line:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(XML_SPACE, "preserve")
            t.text = line
            r.append(t)
    return r


def segment_runs(segments: tuple[Segment, ...], lang: str, deleted: bool = False
                 ) -> list[etree._Element]:
    """Runs for a unit's segments: text, and footnote numbers as superscript."""
    return [run(value, lang, deleted=deleted, sup=kind == "note") for kind, value in segments]


def paragraph(runs: list[etree._Element], style: str | None = None) -> etree._Element:
    """A w:p with an optional paragraph style and the given runs."""
    p = OxmlElement("w:p")
    if style:
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style.replace(" ", ""))
        ppr.append(pstyle)
        p.append(ppr)
    for r in runs:
        p.append(r)
    return p


def add_block(doc: Document, element: etree._Element) -> None:
    """Append a paragraph or table to the body, before the section properties."""
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(element)
    else:
        body.append(element)


# ----------------------------------------------------------------------------- bilingual

def bilingual(check: Check, ui: str) -> bytes:
    """The bilingual table DOCX of two aligned language versions."""
    title = labels.label(ui, "align_title", a=check.title_a, b=check.title_b)
    doc = new_document(ui, title, landscape=True)
    add_block(doc, paragraph([run(labels.colon(ui, labels.label(ui, "align_h")), ui),
                              run(check.title_a, check.lang_a), run(" / ", ui),
                              run(check.title_b, check.lang_b)], "Title"))
    for line in labels.check_summary(check.counts, check.lang_a, check.lang_b, ui):
        add_block(doc, paragraph([run(line, ui)], "List Bullet"))
    table = doc.add_table(rows=0, cols=4)
    table.style = doc.styles["Table Grid"]
    _header_row(table, check, ui)
    for row in check.rows:
        _table_row(table, row, check, ui)
    _widths(table._tbl)
    return to_bytes(doc)


def _header_row(table, check: Check, ui: str) -> None:
    """The first row, marked as a header row repeated on each page."""
    cells = table.add_row().cells
    heads = [(labels.label(ui, "unit"), ui),
             (f"{language_name(check.lang_a)} ({check.lang_a})", check.lang_a),
             (f"{language_name(check.lang_b)} ({check.lang_b})", check.lang_b),
             (labels.label(ui, "flags"), ui)]
    for cell, (text, lang) in zip(cells, heads):
        _fill(cell, [paragraph([run(text, lang, bold=True)])])
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _table_row(table, row: Row, check: Check, ui: str) -> None:
    """One aligned unit: its name, both texts, its flags."""
    cells = table.add_row().cells
    names = [labels.unit_name(u.kind, u.ref, u.context, ui) for u in (row.a, row.b) if u]
    _fill(cells[0], [paragraph([run(" / ".join(dict.fromkeys(names)), ui)])])
    for cell, unit, lang in ((cells[1], row.a, check.lang_a), (cells[2], row.b, check.lang_b)):
        runs = (segment_runs(unit.segments, lang) if unit else
                [run(labels.label(ui, "absent"), ui)])
        _fill(cell, [paragraph(runs)])
    _fill(cells[3], _flag_paragraphs(row, check, ui))


def _flag_paragraphs(row: Row, check: Check, ui: str) -> list[etree._Element]:
    """The QA cell: "⚠ what — details" per flag, or "✓ OK"."""
    if not row.flags:
        text = "✓ " + labels.label(ui, "ok")
        if row.see:
            name = labels.unit_name(row.see.kind, row.see.ref, row.see.context, ui)
            text += " (" + labels.label(ui, "see", unit=name) + ")"
        return [paragraph([run(text, ui)])]
    out = []
    for flag in row.flags:
        what, detail = labels.flag_text(flag, check.lang_a, check.lang_b, ui)
        out.append(paragraph([run("⚠ " + what, ui, bold=True)]
                             + ([run(" — " + detail, ui)] if detail else [])))
    return out


def _fill(cell, paragraphs: list[etree._Element]) -> None:
    """Replace a cell's content with the given paragraphs."""
    tc = cell._tc
    for p in list(tc.iterchildren(qn("w:p"))):
        tc.remove(p)
    for p in paragraphs:
        tc.append(p)


def _widths(tbl: etree._Element) -> None:
    """Fixed column widths (w:tblGrid and each cell's w:tcW), in twentieths of a point."""
    twips = [str(int(w / 2.54 * 1440)) for w in WIDTHS]
    for col, width in zip(tbl.tblGrid.iterchildren(qn("w:gridCol")), twips):
        col.set(qn("w:w"), width)
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc, width in zip(tr.iterchildren(qn("w:tc")), twips):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:type"), "dxa")
            tcw.set(qn("w:w"), width)
