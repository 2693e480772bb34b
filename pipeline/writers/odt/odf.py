"""OpenDocument vocabulary shared by the ODT writer and its reference builder."""
from __future__ import annotations

from typing import IO, Any

from lxml import etree

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
ALIGN = {"left": "start", "center": "center", "right": "end", "justify": "justify"}


def q(name: str) -> str:
    """A prefixed name ("style:name") in Clark notation for lxml."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def sub(parent: etree._Element, name: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new child element with prefixed attributes."""
    return etree.SubElement(parent, q(name), {q(k): v for k, v in (attrs or {}).items()})


def parse(data: bytes) -> etree._Element:
    """An ODF XML part, parsed without network or entities."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def serialise(root: etree._Element) -> bytes:
    """An ODF XML part as UTF-8 bytes with an XML declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def serialise_into(root: etree._Element, out: IO[bytes]) -> None:
    """``serialise(root)`` written into ``out`` as it is made (the same bytes)."""
    etree.ElementTree(root).write(out, xml_declaration=True, encoding="UTF-8")


def language_attrs(tag: str) -> dict[str, str]:
    """fo:language and fo:country for a tag such as "fr-FR"."""
    lang, _, country = tag.partition("-")
    return {"fo:language": lang.lower(), "fo:country": country.upper() or "none"}


def paragraph_attrs(p: dict[str, Any]) -> dict[str, str]:
    """style:paragraph-properties attributes for house properties."""
    a: dict[str, str] = {}
    for key, attr in (("space_before", "fo:margin-top"), ("space_after", "fo:margin-bottom")):
        if key in p:
            a[attr] = f"{p[key]}pt"
    if "line" in p:
        a["fo:line-height"] = f"{round(p['line'] * 100)}%"
    if p.get("align"):
        a["fo:text-align"] = ALIGN[p["align"]]
    for key, attr in (("indent_left", "fo:margin-left"), ("indent_right", "fo:margin-right"),
                      ("first_line", "fo:text-indent")):
        if key in p:
            a[attr] = f"{p[key]}cm"
    for key, attr in (("keep_next", "fo:keep-with-next"), ("keep_together", "fo:keep-together")):
        if p.get(key):
            a[attr] = "always"
    if p.get("page_break_before"):
        a["fo:break-before"] = "page"
    for side in ("top", "bottom"):
        b = p.get(f"border_{side}")
        if b:
            a[f"fo:border-{side}"] = f"{b['width']}pt solid #{b['colour']}"
            a[f"fo:padding-{side}"] = f"{b.get('space', 1)}pt"
    return a


def text_attrs(p: dict[str, Any]) -> dict[str, str]:
    """style:text-properties attributes for house properties (western, asian, complex)."""
    a: dict[str, str] = {}
    if p.get("size"):
        for attr in ("fo:font-size", "style:font-size-asian", "style:font-size-complex"):
            a[attr] = f"{p['size']}pt"
    if "bold" in p:
        for attr in ("fo:font-weight", "style:font-weight-asian", "style:font-weight-complex"):
            a[attr] = "bold" if p["bold"] else "normal"
    if "italic" in p:
        for attr in ("fo:font-style", "style:font-style-asian", "style:font-style-complex"):
            a[attr] = "italic" if p["italic"] else "normal"
    if p.get("colour"):
        a["fo:color"] = f"#{p['colour']}"
    if p.get("small_caps"):
        a["fo:font-variant"] = "small-caps"
    if p.get("superscript"):
        a["style:text-position"] = "super 58%"
    if p.get("caps"):
        a["fo:text-transform"] = "uppercase"
    return a
