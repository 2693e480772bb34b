"""Building reference.docx from the house style: pandoc's default reference, restyled.

Used by pipeline/styles/make_reference.py; the DOCX writer itself only reads the result.
Every style a house file (pipeline/styles/<house>.toml) names gets its paragraph and run properties rebuilt from scratch,
so that nothing of pandoc's default look (theme fonts, blue headings) survives.
"""
from __future__ import annotations

import io
import re
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from .. import package

W = nsdecls("w")
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
#: Style children that must follow pPr/rPr (ECMA-376 order).
AFTER_PROPS = ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
FIRST_NUM_ID = 1
#: Styles Word has built in: when added here they are not marked custom.
WORD_BUILTIN = frozenset({"Header", "Footer", "List Bullet", "List Bullet 2", "List Number",
                          "List Number 2", "List Continue", "List Continue 2"})


def twips(cm: float) -> int:
    """Centimetres as twentieths of a point."""
    return round(cm * 1440 / 2.54)


def ppr_xml(p: dict[str, Any], num_id: int | None) -> str:
    """A style's w:pPr from house properties (children in schema order)."""
    parts = [f"<w:{k}/>" for k, flag in (("keepNext", "keep_next"), ("keepLines", "keep_together"),
                                         ("pageBreakBefore", "page_break_before")) if p.get(flag)]
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    borders = "".join(f'<w:{side} w:val="single" w:sz="{round(b["width"] * 8)}" '
                      f'w:space="{b.get("space", 1)}" w:color="{b["colour"]}"/>'
                      for side in ("top", "bottom") if (b := p.get(f"border_{side}")))
    if borders:
        parts.append(f"<w:pBdr>{borders}</w:pBdr>")
    stops = [("left", t) for t in p.get("tabs", [])]
    stops += [("right", p["tab_right"])] if p.get("tab_right") else []
    if stops:
        parts.append("<w:tabs>" + "".join(f'<w:tab w:val="{kind}" w:pos="{twips(t)}"/>'
                                          for kind, t in stops) + "</w:tabs>")
    spacing = {k: str(round(p[f] * 20)) for k, f in (("before", "space_before"),
                                                       ("after", "space_after")) if f in p}
    if "line" in p:
        spacing.update(line=str(round(p["line"] * 240)), lineRule="auto")
    if spacing:
        parts.append("<w:spacing " + " ".join(f'w:{k}="{v}"' for k, v in spacing.items()) + "/>")
    parts.append(ind_xml(p))
    if p.get("align"):
        parts.append(f'<w:jc w:val="{ALIGN[p["align"]]}"/>')
    if p.get("outline_level"):
        parts.append(f'<w:outlineLvl w:val="{p["outline_level"] - 1}"/>')
    return f"<w:pPr {W}>{''.join(parts)}</w:pPr>"


def ind_xml(p: dict[str, Any]) -> str:
    """w:ind for indent_left/indent_right/first_line (negative first_line = hanging)."""
    attrs = {}
    if "indent_left" in p:
        attrs["left"] = twips(p["indent_left"])
    if "indent_right" in p:
        attrs["right"] = twips(p["indent_right"])
    first = p.get("first_line")
    if first is not None:
        attrs["hanging" if first < 0 else "firstLine"] = twips(abs(first))
    if "bullet" in p:
        attrs = {"left": twips(p["bullet"]["indent"]), "hanging": twips(p["bullet"]["hanging"])}
    return ("<w:ind " + " ".join(f'w:{k}="{v}"' for k, v in attrs.items()) + "/>") if attrs else ""


def rpr_xml(p: dict[str, Any], font: str | None) -> str:
    """A style's w:rPr from house properties (children in schema order)."""
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
                     f'w:cs="{font}"/>')
    for key, tags in (("bold", ("b", "bCs")), ("italic", ("i", "iCs")), ("caps", ("caps",)),
                      ("small_caps", ("smallCaps",))):
        if key in p:
            val = "" if p[key] else ' w:val="0"'
            parts += [f"<w:{t}{val}/>" for t in tags]
    if p.get("colour"):
        parts.append(f'<w:color w:val="{p["colour"]}"/>')
    if p.get("size"):
        half_points = round(p["size"] * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if p.get("superscript"):
        parts.append('<w:vertAlign w:val="superscript"/>')
    return f"<w:rPr {W}>{''.join(parts)}</w:rPr>"


def restyle(doc: Any, name: str, p: dict[str, Any], num_id: int | None) -> None:
    """Create or rebuild one named style from its house properties."""
    kind = WD_STYLE_TYPE.CHARACTER if p.get("type") == "character" else WD_STYLE_TYPE.PARAGRAPH
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, kind)
        if name in WORD_BUILTIN:
            style.element.attrib.pop(qn("w:customStyle"), None)
            style.element.set(qn("w:styleId"), name.replace(" ", ""))
    style.hidden = False
    style.quick_style = True
    if p.get("based_on"):
        style.base_style = doc.styles[p["based_on"]]
    el = style.element
    for old in el.findall(qn("w:pPr")) + el.findall(qn("w:rPr")) + el.findall(qn("w:rsid")):
        el.remove(old)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        el.insert_element_before(parse_xml(ppr_xml(p, num_id)), *AFTER_PROPS)
    el.insert_element_before(parse_xml(rpr_xml(p, None)), *AFTER_PROPS)


def bullet_numbering(doc: Any, num_id: int, bullet: dict[str, Any], font: str) -> None:
    """A one-level bullet list definition (abstractNum + num) for a bulleted style."""
    numbering = doc.part.numbering_part.element
    ind = f'<w:ind w:left="{twips(bullet["indent"])}" w:hanging="{twips(bullet["hanging"])}"/>'
    numbering.insert(num_id - FIRST_NUM_ID, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{num_id}"><w:nsid w:val="{0xA0000 + num_id:08X}"/>'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{bullet["char"]}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr>{ind}</w:pPr><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>'
        "</w:lvl></w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{num_id}"/></w:num>'))


def defaults(doc: Any, font: str, normal: dict[str, Any]) -> None:
    """Document defaults: the house font and size instead of pandoc's theme fonts."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:sz")) + rpr.findall(qn("w:szCs")):
        rpr.remove(old)
    for child in reversed(parse_xml(rpr_xml({"size": normal["size"]}, font))):
        rpr.insert(0, child)


def page(doc: Any, spec: dict[str, Any]) -> None:
    """Page size and margins of the (only) section; footnotes numbered continuously."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(spec["width"]), Cm(spec["height"])
    section.top_margin, section.bottom_margin = Cm(spec["margin_top"]), Cm(spec["margin_bottom"])
    section.left_margin, section.right_margin = Cm(spec["margin_left"]), Cm(spec["margin_right"])
    section.header_distance, section.footer_distance = Cm(spec["header"]), Cm(spec["footer"])
    section.gutter = Cm(0)
    # Notes are numbered through the document, as official documents number them. pandoc's
    # default restarts them "each section", which LibreOffice reads as each chapter: every
    # note after a Heading 1 came out as 1.
    for pr in section._sectPr.findall(qn("w:footnotePr")):
        section._sectPr.remove(pr)


def table_style(doc: Any, agenda: dict[str, Any]) -> None:
    """The "Table" style pandoc gives every table: rules between rows, a ruled header row.

    No rule above the header row: the Day Heading's own rule is right above it.
    """
    el = doc.styles["Table"].element
    for old in el.findall(qn("w:tblPr")) + el.findall(qn("w:tblStylePr")):
        el.remove(old)
    table_normal(doc)
    el.attrib.pop(qn("w:default"), None)
    rule = (f'w:val="single" w:sz="{round(agenda["rule_width"] * 8)}" w:space="0" '
            f'w:color="{agenda["rule_colour"]}"')
    el.append(parse_xml(
        f'<w:tblPr {W}><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
        f'<w:bottom {rule}/><w:insideH {rule}/></w:tblBorders><w:tblCellMar>'
        '<w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"))
    el.append(parse_xml(f'<w:tblStylePr {W} w:type="firstRow"><w:tcPr><w:tcBorders>'
                        f'<w:bottom w:val="single" w:sz="{round(agenda["header_rule_width"] * 8)}" '
                        f'w:space="0" w:color="{agenda["header_rule_colour"]}"/>'
                        "</w:tcBorders><w:vAlign w:val=\"bottom\"/></w:tcPr></w:tblStylePr>"))


def table_normal(doc: Any) -> None:
    """Word's "Normal Table" (TableNormal), the default table style "Table" is based on.

    pandoc's reference names it as the base of "Table" without defining it.
    """
    styles = doc.styles.element
    if any(s.get(qn("w:styleId")) == "TableNormal" for s in styles.iterfind(qn("w:style"))):
        return
    styles.append(parse_xml(
        f'<w:style {W} w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"))


def sample_body(doc: Any, names: list[str]) -> None:
    """The reference's own text: one paragraph per paragraph style, named after it."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for name in names:
        doc.add_paragraph(name, style=doc.styles[name])


def theme_fonts(theme: bytes, font: str) -> bytes:
    """The theme's major and minor Latin fonts set to the house font."""
    return re.sub(rb'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*', rb"\g<1>" +
                  font.encode(), theme)


def build(default_reference: bytes, house: dict[str, Any]) -> bytes:
    """reference.docx: pandoc's default reference restyled after ``house`` (pipeline/styles/<house>.toml)."""
    doc = docx.Document(io.BytesIO(default_reference))
    font, styles = house["fonts"]["body"], house["styles"]
    defaults(doc, font, styles["Normal"])
    page(doc, house["page"])
    num_id = FIRST_NUM_ID
    for name, props in styles.items():
        this_num = None
        if "bullet" in props:
            bullet_numbering(doc, num_id, props["bullet"], font)
            this_num, num_id = num_id, num_id + 1
        restyle(doc, name, props, this_num)
    table_style(doc, house["agenda"])
    sample_body(doc, [n for n, p in styles.items() if p.get("type") != "character"])
    out = io.BytesIO()
    doc.save(out)
    parts = package.read(out.getvalue())
    parts["word/theme/theme1.xml"] = theme_fonts(parts["word/theme/theme1.xml"], font)
    return package.write(parts, first=["[Content_Types].xml"])
