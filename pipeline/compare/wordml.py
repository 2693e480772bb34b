"""WordprocessingML pieces of a redline: word tokens as runs, tracked marks, tidy runs.

A paragraph is compared as a sequence of tokens, each one run holding one thing: a word, a
space, a punctuation mark (``TOKEN_RE``), a tab, a break, a footnote reference. ``split``
rewrites a paragraph's runs that way (every token keeps its run properties, so formatting
is compared too); ``tidy`` joins neighbouring runs of equal properties again. ``Marks``
makes the ``w:ins`` / ``w:del`` elements, ``deleted`` turns a run into deleted text
(``w:delText``), ``mark_paragraph`` and ``mark_row`` track a paragraph mark or a table row.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from .diff import TOKEN_RE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The children of w:pPr that come after w:rPr (CT_PPr).
AFTER_PARA_RPR = ("sectPr", "pPrChange")
#: Elements that carry an annotation id (revision ids must not collide with them).
ANNOTATIONS = ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
               "commentReference", "ins", "del", "pPrChange", "rPrChange")
#: Markers of a paragraph that a deleted copy leaves out (they belong to the old file).
DROPPED = ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
           "commentReference", "proofErr", "permStart", "permEnd")


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: w("p")."""
    return f"{{{W_NS}}}{name}"


def local(el: etree._Element) -> str:
    """An element's local name ("" for comments and processing instructions)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def shape(el: etree._Element | None) -> tuple:
    """A comparable form of an element: name, attributes and children, white space aside."""
    if el is None:
        return ()
    return (local(el), tuple(sorted(el.attrib.items())),
            tuple(shape(c) for c in el if isinstance(c.tag, str)))


@dataclass(frozen=True)
class Token:
    """One run of a split paragraph and what it is compared by."""

    key: tuple
    run: etree._Element

    @property
    def text(self) -> str:
        """The token's text ("" for a tab, a break, a reference)."""
        return self.key[1]

    @property
    def note(self) -> str | None:
        """The footnote id, for a footnote reference."""
        child = content(self.run)
        return child.get(w("id")) if child is not None and local(child) == "footnoteReference" \
            else None


def content(run: etree._Element) -> etree._Element | None:
    """The one content element of a split run (its w:t, w:tab, w:footnoteReference...)."""
    return next((c for c in run if isinstance(c.tag, str) and c.tag != w("rPr")), None)


class Marks:
    """Makes w:ins / w:del (and w:pPrChange) elements with ids unique in the document."""

    def __init__(self, author: str, date: str, start: int = 0) -> None:
        """Every mark by author on date (ISO 8601, UTC), ids from start + 1."""
        self.author, self.date, self.next_id = author, date, start

    def mark(self, name: str) -> etree._Element:
        """A new w:<name> with the next id, the author and the date."""
        self.next_id += 1
        return etree.Element(w(name), {w("id"): str(self.next_id), w("author"): self.author,
                                       w("date"): self.date})

    def wrap(self, name: str, el: etree._Element) -> etree._Element:
        """Put el inside a new w:<name> where el was."""
        mark = self.mark(name)
        el.addprevious(mark)
        mark.append(el)
        return mark


def highest_id(*roots: etree._Element | None) -> int:
    """The highest annotation id used in these parts (0 when none)."""
    ids = [0]
    for root in (r for r in roots if r is not None):
        for el in root.iter(*(w(n) for n in ANNOTATIONS)):
            value = el.get(w("id"), "")
            if value.lstrip("-").isdigit():
                ids.append(int(value))
    return max(ids)


def runs(el: etree._Element) -> list[etree._Element]:
    """The runs inside el, in document order (not those of nested footnotes: none here)."""
    return list(el.iter(w("r")))


def streams(p: etree._Element) -> Iterator[tuple[etree._Element, etree._Element | None, tuple,
                                                 list[etree._Element]]]:
    """p's content in order, as (first run, its rPr, the rPr's shape, what it holds): the
    neighbouring text of one parent and one formatting is one stream of w:t elements;
    anything else (a tab, a break, a reference) a stream of its own."""
    pieces = [(r, c) for r in runs(p) for c in r if isinstance(c.tag, str) and c.tag != w("rPr")]
    shapes = {id(r): shape(r.find(w("rPr"))) for r, _ in pieces}
    i = 0
    while i < len(pieces):
        r, child = pieces[i]
        j = i + 1
        if child.tag == w("t"):
            while j < len(pieces) and pieces[j][1].tag == w("t") and \
                    pieces[j][0].getparent() is r.getparent() and \
                    shapes[id(pieces[j][0])] == shapes[id(r)]:
                j += 1
        yield r, r.find(w("rPr")), shapes[id(r)], [c for _, c in pieces[i:j]]
        i = j


def _keys_of(rpr_shape: tuple, held: list[etree._Element]) -> list[tuple[tuple, etree._Element | None]]:
    """The tokens of one stream: (key, the w:t to make, or None for the element held)."""
    child = held[0]
    if child.tag == w("t"):
        return [(("t", word, rpr_shape), None) for word in
                TOKEN_RE.findall("".join(c.text or "" for c in held))]
    if child.tag == w("footnoteReference"):  # the id differs between two files
        return [(("footnoteReference", "", rpr_shape), None)]
    return [((local(child), "", rpr_shape, shape(child)), None)]


def keys(p: etree._Element) -> tuple:
    """The token keys of p, p left as it is."""
    return tuple(key for _, _, rpr_shape, held in streams(p) for key, _ in _keys_of(rpr_shape, held))


def split(p: etree._Element) -> list[Token]:
    """Rewrite p's runs as one run per token (in place) and return the tokens in order."""
    tokens: list[Token] = []
    old: dict[int, etree._Element] = {}
    for r, rpr, rpr_shape, held in list(streams(p)):
        for r_ in {id(c.getparent()): c.getparent() for c in held}.values():
            old[id(r_)] = r_
        for key, _ in _keys_of(rpr_shape, held):
            if key[0] == "t":
                child = etree.Element(w("t"), {XML_SPACE: "preserve"})
                child.text = key[1]
            else:
                child = copy.deepcopy(held[0])
            run = etree.Element(w("r"))
            if rpr is not None:
                run.append(copy.deepcopy(rpr))
            run.append(child)
            r.addprevious(run)
            tokens.append(Token(key, run))
    for r in old.values():
        r.getparent().remove(r)
    return tokens


def deleted(run: etree._Element) -> etree._Element:
    """A copy of run as deleted text (w:delText, w:delInstrText)."""
    out = copy.deepcopy(run)
    for t in out.iter(w("t"), w("instrText")):
        t.tag = w("delText") if t.tag == w("t") else w("delInstrText")
    return out


def strip_old(el: etree._Element) -> None:
    """Leave out of a copy from the old file what points into that file or would act in the
    new one: bookmarks, comment marks and section breaks go, hyperlinks give way to their
    runs."""
    for mark in list(el.iter(*(w(n) for n in DROPPED))) + list(el.iter(w("sectPr"))):
        mark.getparent().remove(mark)
    for link in list(el.iter(w("hyperlink"))):
        for child in list(link):
            link.addprevious(child)
        link.getparent().remove(link)


def mark_paragraph(p: etree._Element, mark: etree._Element) -> None:
    """Track p's paragraph mark as inserted or deleted (w:pPr/w:rPr/w:ins or w:del)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        after = next((c for c in ppr if local(c) in AFTER_PARA_RPR), None)
        if after is not None:
            after.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, mark)


def mark_row(tr: etree._Element, mark: etree._Element) -> None:
    """Track a table row as inserted or deleted (w:trPr/w:ins or w:del)."""
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        prex = tr.find(w("tblPrEx"))
        if prex is not None:
            prex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    change = trpr.find(w("trPrChange"))
    if change is not None:
        change.addprevious(mark)
    else:
        trpr.append(mark)


def paragraph_change(old_p: etree._Element, new_p: etree._Element, marks: Marks) -> None:
    """When the paragraph's properties (style, indents...) changed, record the old ones
    (w:pPrChange), so that Reject All gives the old paragraph back."""
    old, new = old_p.find(w("pPr")), new_p.find(w("pPr"))

    def base(ppr: etree._Element | None) -> list[etree._Element]:
        """The CT_PPrBase children of a w:pPr."""
        return [c for c in (ppr if ppr is not None else []) if isinstance(c.tag, str)
                and local(c) not in ("rPr",) + AFTER_PARA_RPR]
    if [shape(c) for c in base(old)] == [shape(c) for c in base(new)]:
        return
    if new is None:
        new = etree.Element(w("pPr"))
        new_p.insert(0, new)
    change = marks.mark("pPrChange")
    inner = etree.SubElement(change, w("pPr"))
    for c in base(old):
        inner.append(copy.deepcopy(c))
    new.append(change)


def tidy(el: etree._Element) -> None:
    """Join neighbouring w:ins (or w:del) elements, then neighbouring runs of the same
    properties holding only text, everywhere inside el."""
    parents = [el] + list(el.iter(w("ins"), w("del"), w("hyperlink"), w("smartTag"),
                                  w("fldSimple")))
    for parent in parents:
        for group in _groups(parent, lambda c: c.tag if c.tag in (w("ins"), w("del")) else None):
            for other in group[1:]:
                group[0].extend(list(other))
                parent.remove(other)
    for parent in parents:
        for group in _groups(parent, _text_run):
            texts = [t for r in group for t in r if t.tag in (w("t"), w("delText"))]
            texts[0].text = "".join(t.text or "" for t in texts)
            texts[0].set(XML_SPACE, "preserve")
            for t in texts[1:]:
                t.getparent().remove(t)
            for other in group[1:]:
                parent.remove(other)


def _groups(parent: etree._Element, kind) -> list[list[etree._Element]]:
    """Runs of neighbouring children of one kind (kind(child) not None), two or more."""
    out: list[list[etree._Element]] = []
    last = None
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        k = kind(child)
        if k is not None and k == last:
            out[-1].append(child)
        else:
            out.append([child])
        last = k
    return [g for g in out if len(g) > 1 and kind(g[0]) is not None]


def _text_run(r: etree._Element) -> tuple | None:
    """What joins a run to its neighbours: its properties and its one kind of text (w:t
    or w:delText); None for a run holding anything else, or for another element."""
    if r.tag != w("r"):
        return None
    kinds = {c.tag for c in r if isinstance(c.tag, str) and c.tag != w("rPr")}
    if len(kinds) != 1 or not kinds <= {w("t"), w("delText")}:
        return None
    return (kinds.pop(), shape(r.find(w("rPr"))))
