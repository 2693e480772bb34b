"""Small helpers to build HTML trees with lxml: elements, text, the rendering context."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from lxml import etree

from .. import labels

ITS_NS = "http://www.w3.org/2005/11/its"
OPS_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

Child = Union[etree._Element, str, None]

#: Elements whose content is only other block elements: they get a newline between children.
BLOCK_CONTAINERS = frozenset({
    "html", "head", "body", "header", "main", "footer", "nav", "section", "article",
    "aside", "div", "ul", "ol", "dl",
})


@dataclass
class Context:
    """What the renderers share while walking one document."""

    lang: str
    #: True when rendering EPUB XHTML (adds epub:type, uses aside footnotes).
    epub: bool = False
    #: Footnote id -> the ids of the references to it, in document order.
    noterefs: dict[str, list[str]] = field(default_factory=dict)
    #: Footnote id -> printed number (order of first reference), filled on first use.
    note_numbers: dict[str, str] | None = None

    def label(self, key: str, **values: object) -> str:
        """An interface string in the document's language."""
        return labels.label(self.lang, key, **values)

    def colon(self, text: str) -> str:
        """``text`` followed by a colon, with the French space before it."""
        return text + ("\u00a0:" if labels.base_language(self.lang) == "fr" else ":")

    def epub_type(self, element: etree._Element, value: str) -> etree._Element:
        """Set epub:type on ``element`` when rendering EPUB; return the element."""
        if self.epub:
            element.set(f"{{{OPS_NS}}}type", value)
        return element

    def new_noteref(self, note_id: str) -> str:
        """Record one more reference to ``note_id`` and return its unique id."""
        refs = self.noterefs.setdefault(note_id, [])
        ref_id = f"{note_id}-ref" if not refs else f"{note_id}-ref{len(refs) + 1}"
        refs.append(ref_id)
        return ref_id


def el(tag: str, attrs: dict[str, str] | None = None, *children: Child) -> etree._Element:
    """A new element with attributes (None values dropped) and children."""
    element = etree.Element(tag)
    for name, value in (attrs or {}).items():
        if value is not None:
            element.set(name, value)
    add(element, *children)
    return element


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None,
        *children: Child) -> etree._Element:
    """A new element appended to ``parent``."""
    element = el(tag, attrs, *children)
    parent.append(element)
    return element


def add(parent: etree._Element, *children: Child) -> etree._Element:
    """Append elements and text (as text or tail, so order is kept); skip None."""
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            add_text(parent, child)
        else:
            parent.append(child)
    return parent


def add_text(parent: etree._Element, text: str | None) -> None:
    """Append ``text`` after the last child of ``parent`` (lxml escapes it on output)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def copy_translate(src: etree._Element, dest: etree._Element) -> etree._Element:
    """Carry ITS its:translate="no" over as HTML's translate="no"; return dest."""
    value = src.get(f"{{{ITS_NS}}}translate")
    if value is not None:
        dest.set("translate", value)
    return dest


def text_of(element: etree._Element | None) -> str:
    """The text of an XML element with runs of white space collapsed."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def layout(root: etree._Element) -> None:
    """Put block containers' children on their own lines (white space that renders as nothing)."""
    for element in root.iter(*BLOCK_CONTAINERS):
        if (element.text or "").strip() or not len(element):
            continue
        if any((child.tail or "").strip() for child in element):
            continue
        element.text = "\n"
        for child in element:
            child.tail = "\n"
