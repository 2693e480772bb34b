"""A leaf's content as XLIFF 1.2 inline content, and back.

To XLIFF: text stays text; a footnote reference becomes ``<x ctype="x-noteref"/>``; emph and
strong become ``<g ctype="italic|bold">``; a time (``10:00``) and a person's name printed in
running text become ``<ph ctype="x-time|x-name">`` (protected: a tool shows them as codes
and the import puts the source's text back). Codes are numbered 1, 2, ... in each unit.

Back: the target's codes are matched with the source's by id; each must be there once, of
the same kind, or the unit is refused, naming the code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

XLF = "urn:oasis:names:tc:xliff:document:1.2"
Q = f"{{{XLF}}}"
TIME = r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
G_TYPE = {"emph": "italic", "strong": "bold"}


@dataclass
class Codes:
    """The inline codes of one source unit: id -> (XLIFF tag, original element or text)."""

    by_id: dict[str, tuple[str, object]] = field(default_factory=dict)

    def add(self, tag: str, original: object) -> str:
        """Register a code; return its id."""
        ident = str(len(self.by_id) + 1)
        self.by_id[ident] = (tag, original)
        return ident


def protector(names: list[str]) -> re.Pattern:
    """The pattern of what is protected in running text: times, and the names given."""
    parts = [re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n.strip()]
    return re.compile("|".join([f"(?P<time>{TIME})"] + ([f"(?P<name>{'|'.join(parts)})"]
                                                         if parts else [])))


def to_xliff(el: etree._Element, dest: etree._Element, protect: re.Pattern | None,
             codes: Codes) -> None:
    """Fill dest (source or g) with the content of el as XLIFF inline content."""
    _text(dest, el.text or "", protect, codes)
    for child in el:
        if not isinstance(child.tag, str):
            _text(dest, child.tail or "", protect, codes)
            continue
        if child.tag == "noteref":
            x = etree.SubElement(dest, Q + "x", ctype="x-noteref")
            x.set("id", codes.add("x", child))
            x.set("equiv-text", f"[{child.get('to')}]")
        else:
            g = etree.SubElement(dest, Q + "g", ctype=G_TYPE.get(child.tag, f"x-{child.tag}"))
            g.set("id", codes.add("g", child))
            to_xliff(child, g, protect, codes)
        _text(dest, child.tail or "", protect, codes)


def _text(dest: etree._Element, text: str, protect: re.Pattern | None, codes: Codes) -> None:
    """Append text to dest, protected spans as ph codes."""
    pos = 0
    for m in (protect.finditer(text) if protect and text else ()):
        _append(dest, text[pos:m.start()])
        ph = etree.SubElement(dest, Q + "ph", ctype=f"x-{m.lastgroup}")
        ph.set("id", codes.add("ph", m.group()))
        ph.text = m.group()
        pos = m.end()
    _append(dest, text[pos:])


def _append(parent: etree._Element, text: str) -> None:
    """Append text after the last child of parent (or as its text)."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def from_xliff(target: etree._Element, leaf: etree._Element, codes: Codes) -> list[str]:
    """Replace the content of leaf with target's, codes mapped back; the problems found."""
    problems: list[str] = []
    used: list[str] = []
    for child in list(leaf):
        leaf.remove(child)
    leaf.text = None
    _fill(target, leaf, codes, used, problems)
    for ident, (tag, _) in codes.by_id.items():
        if used.count(ident) == 0:
            problems.append(f"code <{tag} id=\"{ident}\"/> of the source is missing")
        elif used.count(ident) > 1:
            problems.append(f"code <{tag} id=\"{ident}\"/> appears {used.count(ident)} times")
    return problems


def _fill(src: etree._Element, dest: etree._Element, codes: Codes, used: list[str],
          problems: list[str]) -> None:
    """Copy src's XLIFF content into dest as document content."""
    _append(dest, src.text or "")
    for child in src:
        if not isinstance(child.tag, str):
            _append(dest, child.tail or "")
            continue
        tag = etree.QName(child).localname
        ident = child.get("id", "")
        known = codes.by_id.get(ident)
        if tag == "mrk":  # a marker (segment, comment): its content counts
            _fill(child, dest, codes, used, problems)
        elif known is None or known[0] != tag:
            problems.append(f"code <{tag} id=\"{ident}\"/> is not in the source")
        else:
            used.append(ident)
            _code(child, tag, known[1], dest, codes, used, problems)
        _append(dest, child.tail or "")


def _code(child: etree._Element, tag: str, original: object, dest: etree._Element,
          codes: Codes, used: list[str], problems: list[str]) -> None:
    """Put back one code: the noteref, the emph/strong with the target's content, the text."""
    if tag == "ph":
        _append(dest, str(original))
    elif tag == "x":
        dest.append(etree.Element(original.tag, dict(original.attrib)))
    else:
        el = etree.SubElement(dest, original.tag, dict(original.attrib))
        _fill(child, el, codes, used, problems)


def plain(el: etree._Element) -> str:
    """The text of an element with spaces collapsed (to compare sources)."""
    return " ".join("".join(el.itertext()).split())
