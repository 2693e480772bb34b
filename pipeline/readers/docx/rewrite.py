"""What pandoc would lose, written into the Word parts before pandoc reads them.

After ``rewrite`` runs on the parts of a checked package:
- every paragraph Word numbers automatically starts with its printed label ("1.", "(a)",
  "•") and a tab, and no paragraph or style is numbered any more (numbering.py);
- every tab typed in the text is the character TAB, which pandoc keeps (it reads a tab as
  a space, and an agenda's time column or a paragraph's number is set off by one);
- the styles pandoc would lift out of the text into its metadata (Title, Subtitle, Author,
  Date, Abstract) are renamed IN_PLACE + name, so that they stay where they stand.
"""
from __future__ import annotations

from lxml import etree

from .numbering import Numbering, w

#: The character a typed tab becomes (a private-use character no document holds).
TAB = "\U000f0009"
#: The prefix of a style renamed so that pandoc leaves its paragraphs in place.
IN_PLACE = "In Place "
LIFTED = {"title", "subtitle", "author", "date", "abstract", "abstract title"}
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _parse(body: bytes | None) -> etree._Element | None:
    """A part already checked by package.py, parsed (None when absent)."""
    if body is None:
        return None
    return etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True,
                                                  huge_tree=True))


def _bytes(root: etree._Element) -> bytes:
    """A part serialised again."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewrite(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The parts with numbering labels and tabs typed, and lifted styles renamed."""
    parts = dict(parts)
    document = _parse(parts["word/document.xml"])
    styles = _parse(parts.get("word/styles.xml"))
    numbering = Numbering(_parse(parts.get("word/numbering.xml")), styles)
    for p in document.iter(w("p")):
        if any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors()):
            continue  # the copy of a text box for old readers: counted once, in its Choice
        label = numbering.label(p)
        if label:
            _type_label(p, *label)
    for numpr in list(document.iter(w("numPr"))):
        numpr.getparent().remove(numpr)
    for tab in list(document.iter(w("tab"), w("ptab"))):
        if tab.getparent().tag == w("r"):
            _replace_with_text(tab, TAB)
    parts["word/document.xml"] = _bytes(document)
    if styles is not None:
        for numpr in list(styles.iter(w("numPr"))):
            numpr.getparent().remove(numpr)
        for name in styles.iter(w("name")):
            if (name.get(w("val")) or "").casefold() in LIFTED:
                name.set(w("val"), IN_PLACE + name.get(w("val")))
        parts["word/styles.xml"] = _bytes(styles)
    return parts


def _replace_with_text(el: etree._Element, text: str) -> None:
    """Put a w:t holding text where el stands."""
    t = etree.Element(w("t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    t.tail = el.tail
    el.getparent().replace(el, t)


def _type_label(p: etree._Element, label: str, suffix: str) -> None:
    """Type label, then a tab (a space for a label Word sets off by a space), at the start
    of paragraph p. A label followed by nothing is set off by a tab too: LibreOffice writes
    that for a label whose gap is its minimum width."""
    run = etree.Element(w("r"))
    t = etree.SubElement(run, w("t"))
    t.set(XML_SPACE, "preserve")
    t.text = label + (" " if suffix == "space" else TAB)
    ppr = p.find(w("pPr"))
    p.insert(0 if ppr is None else p.index(ppr) + 1, run)
