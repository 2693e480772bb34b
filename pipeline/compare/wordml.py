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


def split(p: etree._Element) -> list[Token]:
    """Rewrite p's runs as one run per token (in place) and return the tokens in order."""
    pieces: list[tuple[etree._Element, etree._Element]] = []
    for r in runs(p):
        for child in [c for c in r if isinstance(c.tag, str) and c.tag != w("rPr")]:
            pieces.append((r, child))
    tokens: list[Token] = []
    i = 0
    while i < len(pieces):
        r, child = pieces[i]
        rpr = r.find(w("rPr"))
        if child.tag != w("t"):
            tokens.append(_token(r, rpr, copy.deepcopy(child)))
            i += 1
            continue
        j, text = i, ""  # neighbouring text of one parent and one formatting: one stream
        while j < len(pieces) and pieces[j][1].tag == w("t") and _same_stream(pieces[i][0],
                                                                            pieces[j][0]):
            text += pieces[j][1].text or ""
            j += 1
        for word in TOKEN_RE.findall(text):
            t = etree.Element(w("t"), {XML_SPACE: "preserve"})
            t.text = word
            tokens.append(_token(r, rpr, t))
        i = j
    for r in {id(r): r for r, _ in pieces}.values():
        r.getparent().remove(r)
    return tokens


def _same_stream(a: etree._Element, b: etree._Element) -> bool:
    """True when two runs have one parent and the same properties."""
    return a.getparent() is b.getparent() and shape(a.find(w("rPr"))) == shape(b.find(w("rPr")))


def _token(where: etree._Element, rpr: etree._Element | None, child: etree._Element) -> Token:
    """A new run holding child (with a copy of rpr), placed before where."""
    r = etree.Element(w("r"))
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    r.append(child)
    where.addprevious(r)
    if child.tag == w("t"):
        key = ("t", child.text or "", shape(rpr))
    elif child.tag == w("footnoteReference"):
        key = ("footnoteReference", "", shape(rpr))  # the id differs between two files
    else:
        key = (local(child), "", shape(rpr), shape(child))
    return Token(key, r)


def keys(p: etree._Element) -> tuple:
    """The token keys of p, p left as it is."""
    return tuple(t.key for t in split(copy.deepcopy(p)))


def deleted(run: etree._Element) -> etree._Element:
    """A copy of run as deleted text (w:delText, w:delInstrText)."""
    out = copy.deepcopy(run)
    for t in out.iter(w("t"), w("instrText")):
        t.tag = w("delText") if t.tag == w("t") else w("delInstrText")
    return out


def strip_old(el: etree._Element) -> None:
    """Leave out of a copy from the old file what points into that file: bookmarks and
    comment marks go, hyperlinks give way to their runs."""
    for mark in list(el.iter(*(w(n) for n in DROPPED))):
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
    for parent in [el] + list(el.iter(w("ins"), w("del"), w("hyperlink"), w("smartTag"),
                                      w("fldSimple"))):
        _join(parent, lambda a, b: a.tag == b.tag and a.tag in (w("ins"), w("del")),
              lambda a, b: a.extend(list(b)))
    for parent in [el] + list(el.iter(w("ins"), w("del"), w("hyperlink"), w("smartTag"),
                                      w("fldSimple"))):
        _join(parent, _text_runs, _join_text)


def _join(parent: etree._Element, joinable, join) -> None:
    """Fold each child into the one before it when joinable(before, child)."""
    before = None
    for child in list(parent):
        if not isinstance(child.tag, str):
            continue
        if before is not None and joinable(before, child):
            join(before, child)
            parent.remove(child)
        else:
            before = child


def _text_runs(a: etree._Element, b: etree._Element) -> bool:
    """Two runs of one formatting that hold only text of one kind (w:t or w:delText)."""
    if a.tag != w("r") or b.tag != w("r") or shape(a.find(w("rPr"))) != shape(b.find(w("rPr"))):
        return False
    kinds = {c.tag for r in (a, b) for c in r if isinstance(c.tag, str) and c.tag != w("rPr")}
    return len(kinds) == 1 and kinds <= {w("t"), w("delText")}


def _join_text(a: etree._Element, b: etree._Element) -> None:
    """Append b's text to a's last text element."""
    last = [c for c in a if c.tag in (w("t"), w("delText"))][-1]
    for c in b:
        if c.tag == last.tag:
            last.text = (last.text or "") + (c.text or "")
    last.set(XML_SPACE, "preserve")
