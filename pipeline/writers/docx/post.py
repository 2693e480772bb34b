"""DOCX post-processing of pandoc's output: what pandoc cannot write.

The only module of the DOCX writer that knows WordprocessingML: the document language on
the styles, real tabs, repeating table header rows, header and footer with a PAGE field,
core properties with fixed dates.
"""
from __future__ import annotations

import datetime as dt
import io
from copy import deepcopy

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from .props import Properties, properties

#: rPr children that come after w:lang (ECMA-376 order).
AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
#: pPr/rPr children that follow w:rPr in a style.
AFTER_RPR = ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def finish(data: bytes, root: etree._Element, tag: str) -> bytes:
    """pandoc's DOCX bytes, completed: language ``tag``, header/footer, properties."""
    doc = docx.Document(io.BytesIO(data))
    set_language(doc, tag)
    real_tabs(doc.element.body)
    repeat_header_rows(doc.element.body)
    props = properties(root)
    header_footer(doc, props.running_head)
    core_properties(doc, props, tag)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def set_language(doc: Document, tag: str) -> None:
    """w:lang on the document defaults and on every paragraph and character style."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    targets = [_child(rpr_default, "w:rPr", ())]
    for style in styles.iterfind(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            targets.append(_child(style, "w:rPr", AFTER_RPR))
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
            rpr.insert_element_before(lang, *AFTER_LANG)
        lang.set(qn("w:val"), tag)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


def _child(parent: etree._Element, tag: str, successors: tuple[str, ...]) -> etree._Element:
    """The child ``tag`` of ``parent``, created before ``successors`` when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = parse_xml(f"<{tag} {nsdecls('w')}/>")
        parent.insert_element_before(found, *successors)
    return found


def real_tabs(body: etree._Element) -> None:
    """Tab characters inside w:t (pandoc keeps them as text) become w:tab elements."""
    for t in list(body.iter(qn("w:t"))):
        if "\t" not in (t.text or ""):
            continue
        run = t.getparent()
        pieces = t.text.split("\t")
        position = run.index(t)
        run.remove(t)
        for i, piece in enumerate(pieces):
            if i:
                run.insert(position, parse_xml(f"<w:tab {nsdecls('w')}/>"))
                position += 1
            if piece:
                new = deepcopy(t)
                new.text = piece
                run.insert(position, new)
                position += 1


def repeat_header_rows(body: etree._Element) -> None:
    """Every table's first row is a header row repeated at the top of each page. A
    programme item is a head row (time and title: never split across pages) and, when it
    has more, a row with an empty time cell that may split; no rule between the two."""
    for tbl in body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        for i, tr in enumerate(rows):
            following = rows[i + 1] if i + 1 < len(rows) else None
            if i == 0:
                row_flag(tr, "w:tblHeader")
            elif not continues(tr):
                row_flag(tr, "w:cantSplit")
            if i and following is not None and continues(following):
                for tc in tr.iterfind(qn("w:tc")):
                    cell_border(tc, "bottom")
                for tc in following.iterfind(qn("w:tc")):
                    cell_border(tc, "top")


def continues(tr: etree._Element) -> bool:
    """Whether a row goes on with the item above: its first cell (the time) is empty."""
    first = tr.find(qn("w:tc"))
    return first is not None and not "".join(first.itertext()).strip()


def row_flag(tr: etree._Element, flag: str) -> None:
    """Add an empty row property (w:tblHeader, w:cantSplit) to a row."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = parse_xml(f"<w:trPr {nsdecls('w')}/>")
        tr.insert_element_before(trpr, "w:tc")
    if trpr.find(qn(flag)) is None:
        trpr.append(parse_xml(f"<{flag} {nsdecls('w')}/>"))


def cell_border(tc: etree._Element, side: str) -> None:
    """No border on one side of a cell (the table style rules between all rows)."""
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is None:
        tcpr = parse_xml(f"<w:tcPr {nsdecls('w')}/>")
        tc.insert(0, tcpr)
    borders = tcpr.find(qn("w:tcBorders"))
    if borders is None:
        borders = parse_xml(f"<w:tcBorders {nsdecls('w')}/>")
        tcpr.insert_element_before(borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection",
                                   "w:tcFitText", "w:vAlign", "w:hideMark")
    borders.append(parse_xml(f'<w:{side} {nsdecls("w")} w:val="nil"/>'))


def header_footer(doc: Document, running_head: str) -> None:
    """The running head (symbol or title) from page 2 on; page numbers on every page."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    for head, text in ((section.header, running_head), (section.first_page_header, "")):
        head.is_linked_to_previous = False
        paragraph = head.paragraphs[0]
        paragraph.style = doc.styles["Header"]
        if text:
            paragraph.add_run(text)
    for foot in (section.footer, section.first_page_footer):
        foot.is_linked_to_previous = False
        paragraph = foot.paragraphs[0]
        paragraph.style = doc.styles["Footer"]
        paragraph._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
            "</w:fldSimple>"))


def core_properties(doc: Document, props: Properties, tag: str) -> None:
    """Title, subject, keywords, language and fixed dates in docProps/core.xml."""
    core = doc.core_properties
    core.title, core.subject = props.title, props.subject
    core.keywords = ", ".join(props.keywords)
    core.identifier, core.language = props.identifier, tag
    core.author = core.last_modified_by = ""
    core.revision = 1
    when = dt.datetime.combine(props.date, dt.time(), tzinfo=dt.timezone.utc)
    core.created = core.modified = when
