"""The parts of a DOCX around its body: the house's reference.docx, completed for a document.

From the reference (read once per house): styles, numbering, fonts, theme, settings, the
page (its w:sectPr). Added for each document: the language on the document defaults and
on every paragraph and character style (styles.xml, settings.xml), the running head and
the page numbers (header and footer parts, referenced from the section; a UN document's
job number, date code and barcode in its footers, R15), core properties
with fixed dates. The reference's sample text, its sample note and its example hyperlink
are left out.
"""
from __future__ import annotations

import datetime as dt
from copy import deepcopy
from functools import lru_cache

from lxml import etree

from .. import package
from . import house
from .props import JobFoot, Properties
from .wml import NSMAP, W_NS, add_text, sub, w

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOC_NSMAP = {"w": W_NS, "r": R_NS}
HYPERLINK_TYPE = f"{R_NS}/hyperlink"
WML_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
#: Header and footer parts: (part, relationship id, kind, section reference type).
HEAD_FOOT = (("header1.xml", "rId9", "header", "default"),
             ("header2.xml", "rId10", "header", "first"),
             ("footer1.xml", "rId11", "footer", "default"),
             ("footer2.xml", "rId12", "footer", "first"))
#: rPr children that come after w:lang (ECMA-376 order).
AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")
#: Style children that follow w:rPr.
AFTER_RPR = ("tblPr", "trPr", "tcPr", "tblStylePr")
#: sectPr children that follow w:titlePg.
AFTER_TITLE_PAGE = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
                    "sectPrChange")
#: Parts of the reference a document does not take (its sample's links).
DROPPED = ("word/_rels/footnotes.xml.rels",)
CORE_NSMAP = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
              "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
              "dcmitype": "http://purl.org/dc/dcmitype/",
              "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def to_bytes(root: etree._Element) -> bytes:
    """A part's bytes, with the standalone XML declaration Word writes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=None)
def reference_parts(name: str) -> dict[str, bytes]:
    """The parts of a house's reference.docx (read once per process)."""
    return package.read(house.reference("docx", name).read_bytes())


@lru_cache(maxsize=None)
def style_ids(name: str) -> dict[str, str]:
    """Style name -> style id in a house's reference ("Body Text" -> "BodyText")."""
    root = etree.fromstring(reference_parts(name)["word/styles.xml"])
    return {s.find(w("name")).get(w("val")): s.get(w("styleId"))
            for s in root.iter(w("style")) if s.find(w("name")) is not None}


def _child(parent: etree._Element, tag: str, successors: tuple[str, ...]) -> etree._Element:
    """The w: child ``tag`` of ``parent``, created before the first of ``successors``."""
    found = parent.find(w(tag))
    if found is None:
        found = etree.Element(w(tag))
        later = [c for c in parent if c.tag in {w(s) for s in successors}]
        if later:
            later[0].addprevious(found)
        else:
            parent.append(found)
    return found


@lru_cache(maxsize=None)
def styles_part(name: str, tag: str) -> bytes:
    """styles.xml with w:lang ``tag`` on the defaults and every paragraph and character style."""
    root = etree.fromstring(reference_parts(name)["word/styles.xml"])
    defaults = root.find(w("docDefaults"))
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    targets = [_child(rpr_default, "rPr", ())]
    targets += [_child(style, "rPr", AFTER_RPR) for style in root.iter(w("style"))
                if style.get(w("type")) in ("paragraph", "character")]
    for rpr in targets:
        _child(rpr, "lang", AFTER_LANG).set(w("val"), tag)
    return to_bytes(root)


@lru_cache(maxsize=None)
def settings_part(name: str, tag: str) -> bytes:
    """settings.xml with the theme's font language ``tag``."""
    root = etree.fromstring(reference_parts(name)["word/settings.xml"])
    theme_lang = root.find(w("themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(w("val"), tag)
    return to_bytes(root)


@lru_cache(maxsize=None)
def section(name: str) -> etree._Element:
    """The reference's w:sectPr with the header and footer references and a first page of
    its own (no running head on it)."""
    body = etree.fromstring(reference_parts(name)["word/document.xml"]).find(w("body"))
    sect = body.find(w("sectPr"))
    for part, rid, kind, kind_type in reversed(HEAD_FOOT):
        ref = etree.Element(w(f"{kind}Reference"), {w("type"): kind_type, f"{{{R_NS}}}id": rid})
        sect.insert(0, ref)
    _child(sect, "titlePg", AFTER_TITLE_PAGE)
    return sect


@lru_cache(maxsize=None)
def text_width(name: str) -> int:
    """The width between the margins of a house's page, in twips."""
    sect = section(name)
    size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
    return int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))


@lru_cache(maxsize=None)
def document_ends(name: str) -> tuple[bytes, bytes]:
    """document.xml's bytes before the first block and after the last (the section)."""
    root = etree.Element(w("document"), nsmap=DOC_NSMAP)
    body = sub(root, "body")
    body.text = "|"  # a mark to cut at: where the blocks go
    body.append(deepcopy(section(name)))
    etree.cleanup_namespaces(root, top_nsmap=DOC_NSMAP)
    head, tail = to_bytes(root).split(b"|")
    return head, tail


def footnotes_ends() -> tuple[bytes, bytes]:
    """footnotes.xml's bytes before the first note and after the last: the separators."""
    root = etree.Element(w("footnotes"), nsmap=NSMAP)
    for kind, ident in (("continuationSeparator", "0"), ("separator", "-1")):
        fn = sub(root, "footnote", type=kind, id=ident)
        sub(sub(sub(fn, "p"), "r"), kind)
    data = to_bytes(root)
    at = data.rindex(b"</w:footnotes>")
    return data[:at], data[at:]


def header(running_head: str) -> bytes:
    """A header part: one paragraph in Header, holding ``running_head``."""
    root = etree.Element(w("hdr"), nsmap=DOC_NSMAP)
    p = sub(root, "p")
    sub(sub(p, "pPr"), "pStyle", val="Header")
    if running_head:
        sub(sub(p, "r"), "t").text = running_head
    return to_bytes(root)


def footer() -> bytes:
    """A footer part: the page number (a PAGE field) in Footer."""
    root = etree.Element(w("ftr"), nsmap=DOC_NSMAP)
    page_number(footer_line(root, "Footer", ""))
    return to_bytes(root)


def job_footer(name: str, foot: JobFoot, first: bool) -> bytes:
    """A UN document's page foot (R15): on the first page the job number and the date code,
    the barcode's text under them; on later pages the job number, the page number at the
    right-hand tab stop of Job Footer."""
    root = etree.Element(w("ftr"), nsmap=DOC_NSMAP)
    ids = style_ids(name)
    if first:
        footer_line(root, ids["Job Footer"], f"{foot.job}\t{foot.date_code}".rstrip("\t"))
        footer_line(root, ids["Barcode"], foot.barcode)
    else:
        page_number(footer_line(root, ids["Job Footer"], f"{foot.number}\t\t"))
    return to_bytes(root)


def footer_line(root: etree._Element, style_id: str, text: str) -> etree._Element:
    """A paragraph of a footer in a style, holding ``text`` (tabs as w:tab)."""
    p = sub(root, "p")
    sub(sub(p, "pPr"), "pStyle", val=style_id)
    if text:
        add_text(sub(p, "r"), text)
    return p


def page_number(p: etree._Element) -> None:
    """A PAGE field at the end of a paragraph."""
    field = sub(p, "fldSimple", instr=" PAGE ")
    sub(sub(field, "r"), "t").text = "1"


@lru_cache(maxsize=None)
def relationships(name: str) -> bytes:
    """document.xml.rels: the reference's, without its example hyperlink, with the header
    and footer parts."""
    root = etree.fromstring(reference_parts(name)["word/_rels/document.xml.rels"])
    for rel in list(root):
        if rel.get("Type") == HYPERLINK_TYPE:
            root.remove(rel)
    for part, rid, kind, _ in HEAD_FOOT:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship",
                         {"Id": rid, "Type": f"{R_NS}/{kind}", "Target": part})
    return to_bytes(root)


@lru_cache(maxsize=None)
def content_types(name: str) -> bytes:
    """[Content_Types].xml: the reference's, with the header and footer parts."""
    root = etree.fromstring(reference_parts(name)["[Content_Types].xml"])
    for part, _, kind, _ in HEAD_FOOT:
        etree.SubElement(root, f"{{{CT_NS}}}Override",
                         {"PartName": f"/word/{part}", "ContentType": f"{WML_TYPE}.{kind}+xml"})
    return to_bytes(root)


def core(props: Properties, tag: str) -> bytes:
    """docProps/core.xml: title, subject, keywords, identifier, language, fixed dates."""
    root = etree.Element(f"{{{CORE_NSMAP['cp']}}}coreProperties", nsmap=CORE_NSMAP)

    def add(prefix: str, local: str, text: str) -> etree._Element:
        """One property element."""
        el = etree.SubElement(root, f"{{{CORE_NSMAP[prefix]}}}{local}")
        el.text = text
        return el

    when = dt.datetime.combine(props.date, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    add("dc", "title", props.title)
    add("dc", "creator", "")
    add("cp", "keywords", ", ".join(props.keywords))
    for local in ("created", "modified"):
        add("dcterms", local, when).set(f"{{{CORE_NSMAP['xsi']}}}type", "dcterms:W3CDTF")
    add("dc", "subject", props.subject)
    add("dc", "identifier", props.identifier)
    add("dc", "language", tag)
    add("cp", "lastModifiedBy", "")
    add("cp", "revision", "1")
    return to_bytes(root)


def fixed_parts(name: str, tag: str, props: Properties,
                foot: JobFoot | None = None) -> dict[str, bytes]:
    """Every part but document.xml and footnotes.xml, for a document in house ``name``
    (with a UN page foot when it has a job number)."""
    parts = {k: v for k, v in reference_parts(name).items() if k not in DROPPED}
    parts["[Content_Types].xml"] = content_types(name)
    parts["word/_rels/document.xml.rels"] = relationships(name)
    parts["word/styles.xml"] = styles_part(name, tag)
    parts["word/settings.xml"] = settings_part(name, tag)
    parts["word/header1.xml"] = header(props.running_head)
    parts["word/header2.xml"] = header("")
    if foot is None:
        parts["word/footer1.xml"] = parts["word/footer2.xml"] = footer()
    else:
        parts["word/footer1.xml"] = job_footer(name, foot, first=False)
        parts["word/footer2.xml"] = job_footer(name, foot, first=True)
    parts["docProps/core.xml"] = core(props, tag)
    return parts
