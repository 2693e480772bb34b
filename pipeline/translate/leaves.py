"""The translatable pieces of a validated document, each with an id made from structure.

``leaves(root)`` returns, in document order, one ``Leaf`` per element whose content is text
with inlines (noteref, emph, strong) -- a meta field, heading, title, p, question, lead,
discussion, role, name, list item, footnote -- and one per translatable attribute (the
printed ``label`` of an item, moderator or speakers). After it:
- ids are unique and made from what identifies an element, not its position where the
  document says more: a day by its date, an agenda item by its start time, a para,
  footnote, entry, annex or list item by its printed number, a section by its heading's
  number; an unnumbered block by its rank after the last numbered paragraph before it
  (``p[5+1]``: the first p after para 5), anything else by its rank among its siblings
  of the same name (``person[#2]``); so that a memory keeps matching across revisions;
- ``translate`` is False for names and symbols (never translated) and under ITS 2.0
  ``its:translate="no"`` (inherited, the nearest ancestor-or-self deciding).
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..xmlio import ITS_NS

INLINE = frozenset({"noteref", "emph", "strong"})
#: Elements never translated (schemas/document.rng says so of each).
NEVER = frozenset({"name", "symbol", "job"})
#: Elements that are no text for translators.
SKIP = frozenset({"source"})
#: Attributes holding printed words.
ATTRIBUTES = ("label",)
#: Elements met at most once in their parent: named without a rank.
SINGLE = frozenset({
    "meta", "agenda", "body", "footnotes", "title", "subtitle", "series", "meeting", "symbol",
    "original-language", "organisation", "issued", "distribution", "session", "agenda-item",
    "dates", "job", "status", "lead", "discussion", "name", "role", "honorific", "talk", "end", "speakers",
    "questions", "documents", "summary", "heading",
})
TRANSLATE = f"{{{ITS_NS}}}translate"


@dataclass(frozen=True)
class Leaf:
    """One translatable piece: an element's content, or one of its attributes."""

    id: str
    element: etree._Element
    #: The attribute translated, or None for the element's content.
    attr: str | None
    translate: bool

    @property
    def kind(self) -> str:
        """The element's name, or ``name@attr``."""
        return f"{self.element.tag}@{self.attr}" if self.attr else self.element.tag


def is_leaf(el: etree._Element) -> bool:
    """True for an element of text and inlines that has some text."""
    if not isinstance(el.tag, str) or el.tag in INLINE or el.tag in SKIP:
        return False
    if any(isinstance(c.tag, str) and c.tag not in INLINE for c in el):
        return False
    return bool("".join(el.itertext()).strip())


def translatable(el: etree._Element) -> bool:
    """False for names and symbols, and where the nearest its:translate says no."""
    if el.tag in NEVER:
        return False
    for node in (el, *el.iterancestors()):
        if node.get(TRANSLATE) is not None:
            return node.get(TRANSLATE) != "no"
    return True


def leaves(root: etree._Element) -> list[Leaf]:
    """Every translatable piece of a document, in order, with unique structural ids."""
    found: list[Leaf] = []
    seen: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root:
            continue
        for attr in ATTRIBUTES:
            if el.get(attr, "").strip():
                found.append(Leaf(_unique(f"{path(el)}/@{attr}", seen), el, attr, translatable(el)))
        if is_leaf(el):
            found.append(Leaf(_unique(path(el), seen), el, None, translatable(el)))
    return found


def _unique(ident: str, seen: set[str]) -> str:
    """ident, or ident~2, ~3... when taken (two items at one time, say)."""
    out, k = ident, 1
    while out in seen:
        k += 1
        out = f"{ident}~{k}"
    seen.add(out)
    return out


def path(el: etree._Element) -> str:
    """The id of an element: its steps from under the root, joined with '/'."""
    steps = []
    node = el
    while node.getparent() is not None:
        steps.append(step(node))
        node = node.getparent()
    return "/".join(reversed(steps))


def _key(el: etree._Element) -> str | None:
    """What identifies an element among its siblings, when the document prints it."""
    if el.tag == "day":
        return el.get("date")
    if el.tag == "item" and el.getparent().tag == "day":
        return el.get("start")
    if el.tag == "section":
        heading = el.find("heading")
        return heading.get("n") if heading is not None else None
    return el.get("n")


def step(el: etree._Element) -> str:
    """One step of a path: tag[key], tag[n+k] after para n, tag[#k], or a single tag."""
    parent = el.getparent()
    same = [s for s in parent if s.tag == el.tag]
    key = _key(el)
    if key and sum(1 for s in same if _key(s) == key) == 1:
        return f"{el.tag}[{key}]"
    if el.tag in SINGLE and len(same) == 1:
        return el.tag
    rank, anchor = 0, None
    for sibling in parent:
        if sibling is el:
            break
        if sibling.tag == "para" and el.tag != "para":
            rank, anchor = 0, sibling.get("n")
        elif sibling.tag == el.tag:
            rank += 1
    return f"{el.tag}[{anchor}+{rank + 1}]" if anchor else f"{el.tag}[#{rank + 1}]"
