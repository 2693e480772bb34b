"""EPUB package parts: container.xml, the OPF package document with accessibility metadata."""
from __future__ import annotations

from lxml import etree

from .. import labels
from ..html.tree import XML_LANG, text_of

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"

#: Used as dcterms:modified when the document gives no meeting date (fixed: builds repeat).
DEFAULT_MODIFIED = "2000-01-01T00:00:00Z"
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
CERTIFIER = "pipeline (automated checks: EPUBCheck, axe-core)"
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability")

#: The files of the publication: manifest id, path inside EPUB/, media type, properties.
MANIFEST = (
    ("nav", "nav.xhtml", "application/xhtml+xml", "nav"),
    ("text", "text.xhtml", "application/xhtml+xml", None),
    ("css", "house.css", "text/css", None),
)


def container_xml() -> bytes:
    """META-INF/container.xml, pointing at the package document."""
    root = etree.Element(f"{{{CONTAINER_NS}}}container", nsmap={None: CONTAINER_NS}, version="1.0")
    rootfiles = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    etree.SubElement(rootfiles, f"{{{CONTAINER_NS}}}rootfile", {
        "full-path": "EPUB/package.opf", "media-type": "application/oebps-package+xml"})
    return to_bytes(root)


def identifier(doc: etree._Element) -> str:
    """The stable identifier: document id and language (urn:pipeline:<id>:<lang>)."""
    return f"urn:pipeline:{doc.get('id')}:{doc.get(XML_LANG, 'und')}"


def modified(doc: etree._Element) -> str:
    """dcterms:modified, fixed: the meeting's last day, or a constant when there is none."""
    dates = doc.find("meta/dates")
    if dates is not None and dates.get("to"):
        return f"{dates.get('to')}T00:00:00Z"
    return DEFAULT_MODIFIED


def package_opf(doc: etree._Element) -> bytes:
    """The package document: metadata (with accessibility), manifest, spine."""
    lang = doc.get(XML_LANG, "en")
    root = etree.Element(f"{{{OPF_NS}}}package", nsmap={None: OPF_NS}, version="3.0")
    root.set("unique-identifier", "uid")
    root.set(XML_LANG, lang)
    root.set("dir", labels.direction(lang))
    root.append(metadata(doc, lang))
    manifest = etree.SubElement(root, f"{{{OPF_NS}}}manifest")
    for item_id, href, media_type, properties in MANIFEST:
        item = etree.SubElement(manifest, f"{{{OPF_NS}}}item", id=item_id, href=href)
        item.set("media-type", media_type)
        if properties:
            item.set("properties", properties)
    spine = etree.SubElement(root, f"{{{OPF_NS}}}spine")
    etree.SubElement(spine, f"{{{OPF_NS}}}itemref", idref="text")
    # the contents page is reachable (landmarks point at it) but outside the reading order
    etree.SubElement(spine, f"{{{OPF_NS}}}itemref", idref="nav", linear="no")
    return to_bytes(root)


def metadata(doc: etree._Element, lang: str) -> etree._Element:
    """Dublin Core and accessibility metadata (schema.org, EPUB Accessibility 1.1)."""
    meta = etree.Element(f"{{{OPF_NS}}}metadata", nsmap={"dc": DC_NS})
    etree.SubElement(meta, f"{{{DC_NS}}}identifier", id="uid").text = identifier(doc)
    etree.SubElement(meta, f"{{{DC_NS}}}title").text = text_of(doc.find("meta/title"))
    etree.SubElement(meta, f"{{{DC_NS}}}language").text = lang
    properties = [("dcterms:modified", modified(doc)),
                  ("schema:accessMode", "textual"),
                  ("schema:accessModeSufficient", "textual")]
    properties += [("schema:accessibilityFeature", f) for f in FEATURES]
    properties += [("schema:accessibilityHazard", "none"),
                   ("schema:accessibilitySummary", labels.label(lang, "a11y_summary")),
                   ("dcterms:conformsTo", CONFORMS_TO),
                   ("a11y:certifiedBy", CERTIFIER)]
    for prop, value in properties:
        etree.SubElement(meta, f"{{{OPF_NS}}}meta", property=prop).text = value
    return meta


def to_bytes(root: etree._Element) -> bytes:
    """An XML document as UTF-8 bytes with its declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
