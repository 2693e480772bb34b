"""Building reference.odt from the house style: pandoc's default reference, restyled.

Used by pipeline/styles/make_reference.py. pandoc copies the reference's styles.xml into
every ODT it writes, so the named styles, page layout and master page (header, footer with
page number) live here; the ODT writer fills in the running head per document.
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from .. import package
from ..docx.house import odt_name
from .odf import NS, paragraph_attrs, parse, q, serialise, sub, text_attrs

FAMILY = {"character": "text"}


def find_style(styles: etree._Element, name: str, family: str) -> etree._Element | None:
    """The common style with this internal name and family, if any."""
    for el in styles.iterfind("style:style", NS):
        if el.get(q("style:name")) == name and el.get(q("style:family")) == family:
            return el
    return None


def restyle(styles: etree._Element, name: str, p: dict[str, Any]) -> None:
    """Create or rebuild one named style (paragraph or text family) from house properties."""
    family = FAMILY.get(p.get("type", "paragraph"), "paragraph")
    internal = odt_name(name)
    el = find_style(styles, internal, family)
    if el is None:
        el = sub(styles, "style:style", {"style:name": internal, "style:family": family})
    for child in list(el):
        el.remove(child)
    if internal != name:
        el.set(q("style:display-name"), name)
    if p.get("based_on"):
        el.set(q("style:parent-style-name"), odt_name(p["based_on"]))
    if p.get("outline_level"):
        el.set(q("style:default-outline-level"), str(p["outline_level"]))
    if "bullet" in p:
        el.set(q("style:list-style-name"), bullet_list(styles, name, p["bullet"]))
    if family == "paragraph":
        para = sub(el, "style:paragraph-properties", paragraph_attrs(p))
        if p.get("tabs") or p.get("tab_right"):
            stops = sub(para, "style:tab-stops")
            for pos in p.get("tabs", []):
                sub(stops, "style:tab-stop", {"style:position": f"{pos}cm"})
            if p.get("tab_right"):
                sub(stops, "style:tab-stop", {"style:position": f"{p['tab_right']}cm",
                                              "style:type": "right"})
    sub(el, "style:text-properties", text_attrs(p))


def bullet_list(styles: etree._Element, name: str, bullet: dict[str, Any]) -> str:
    """A one-level bullet list style for a bulleted paragraph style; returns its name."""
    internal = odt_name(f"{name} List")
    lst = sub(styles, "text:list-style", {"style:name": internal,
                                          "style:display-name": f"{name} List"})
    level = sub(lst, "text:list-level-style-bullet", {"text:level": "1",
                                                      "text:bullet-char": bullet["char"]})
    props = sub(level, "style:list-level-properties",
                {"text:list-level-position-and-space-mode": "label-alignment"})
    sub(props, "style:list-level-label-alignment", {
        "text:label-followed-by": "listtab",
        "text:list-tab-stop-position": f"{bullet['indent']}cm",
        "fo:text-indent": f"-{bullet['hanging']}cm", "fo:margin-left": f"{bullet['indent']}cm"})
    return internal


def font_face(root: etree._Element, font: str) -> None:
    """Declare the house font (style:font-face) when pandoc's reference does not."""
    decls = root.find("office:font-face-decls", NS)
    if not any(f.get(q("style:name")) == font for f in decls):
        sub(decls, "style:font-face", {"style:name": font, "svg:font-family": f"'{font}'"})


def defaults(styles: etree._Element, font: str, normal: dict[str, Any]) -> None:
    """The default paragraph style: house font and size, no hyphenation."""
    for el in styles.iterfind("style:default-style", NS):
        if el.get(q("style:family")) == "paragraph":
            props = el.find("style:text-properties", NS)
            for attr in ("style:font-name", "style:font-name-asian", "style:font-name-complex"):
                props.set(q(attr), font)
            for attr, value in text_attrs({"size": normal["size"]}).items():
                props.set(q(attr), value)
            props.set(q("fo:hyphenate"), "false")


def page(root: etree._Element, spec: dict[str, Any]) -> None:
    """Page size, margins, header/footer areas and the footnote rule of the page layout."""
    layout = root.find(".//style:page-layout", NS)
    for child in list(layout):
        layout.remove(child)
    props = sub(layout, "style:page-layout-properties", {
        "fo:page-width": f"{spec['width']}cm", "fo:page-height": f"{spec['height']}cm",
        "style:num-format": "1", "style:print-orientation": "portrait",
        "fo:margin-top": f"{spec['header']}cm", "fo:margin-bottom": f"{spec['footer']}cm",
        "fo:margin-left": f"{spec['margin_left']}cm",
        "fo:margin-right": f"{spec['margin_right']}cm",
        "style:writing-mode": "lr-tb", "style:footnote-max-height": "0cm"})
    sub(props, "style:footnote-sep", {
        "style:width": "0.5pt", "style:distance-before-sep": "0.1cm",
        "style:distance-after-sep": "0.1cm", "style:line-style": "solid",
        "style:adjustment": "left", "style:rel-width": "25%", "style:color": "#000000"})
    for part, edge, gap in (("header", "margin_top", "fo:margin-bottom"),
                            ("footer", "margin_bottom", "fo:margin-top")):
        area = sub(sub(layout, f"style:{part}-style"), "style:header-footer-properties")
        area.set(q("fo:min-height"), "0.5cm")
        area.set(q(gap), f"{round(spec[edge] - spec[part] - 0.5, 2)}cm")
        area.set(q("style:dynamic-spacing"), "false")


def master_page(root: etree._Element) -> None:
    """The Standard master page: a header to fill per document, page numbers in the footer."""
    for auto in root.iterfind("office:automatic-styles/style:style", NS):
        auto.getparent().remove(auto)
    master = root.find("office:master-styles/style:master-page", NS)
    for child in list(master):
        master.remove(child)
    sub(sub(master, "style:header"), "text:p", {"text:style-name": "Header"})
    sub(sub(master, "style:header-first"), "text:p", {"text:style-name": "Header"})
    for part in ("style:footer", "style:footer-first"):
        para = sub(sub(master, part), "text:p", {"text:style-name": "Footer"})
        sub(para, "text:page-number", {"text:select-page": "current"}).text = "1"


def sample_content(data: bytes, names: list[str]) -> bytes:
    """The reference's own text: one paragraph per paragraph style, named after it."""
    root = parse(data)
    text = root.find("office:body/office:text", NS)
    for para in text.findall("text:p", NS):
        text.remove(para)
    for name in names:
        sub(text, "text:p", {"text:style-name": odt_name(name)}).text = name
    return serialise(root)


def build(default_reference: bytes, house: dict[str, Any]) -> bytes:
    """reference.odt: pandoc's default reference restyled after ``house`` (pipeline/styles/<house>.toml)."""
    parts = package.read(default_reference)
    root = parse(parts["styles.xml"])
    styles = root.find("office:styles", NS)
    font_face(root, house["fonts"]["body"])
    defaults(styles, house["fonts"]["body"], house["styles"]["Normal"])
    for name, props in house["styles"].items():
        restyle(styles, name, props)
    notes = styles.find("text:notes-configuration[@text:note-class='footnote']", NS)
    notes.set(q("style:num-suffix"), "\u2002")  # the number, then an en space, then the note
    page(root, house["page"])
    master_page(root)
    parts["styles.xml"] = serialise(root)
    names = [n for n, p in house["styles"].items() if p.get("type") != "character"]
    parts["content.xml"] = sample_content(parts["content.xml"], names)
    return package.write(parts, first=["mimetype"], stored=["mimetype"])
