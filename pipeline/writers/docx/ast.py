"""Builders of pandoc's JSON AST (pandoc-types 1.23) and the vocabulary's inlines in it.

Only what the office writers need: paragraphs and headers, Divs and Spans that carry a
``custom-style`` (named paragraph and character styles in DOCX and ODT), footnotes, and
plain tables (a cell may span columns). A Str holds a run of words (single spaces inside),
not one word.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from lxml import etree

Node = dict[str, Any]
NO_ATTR: list[Any] = ["", [], []]
#: Whitespace that separates words; a no-break space is text, not a word break.
BREAKING_SPACE = re.compile(r"[ \t\r\n]+")
#: What BREAKING_SPACE would change: any breaking space but a single " ".
DOUBTFUL = ("  ", "\n", "\t", "\r")


def text_runs(nodes: list[Node]) -> Iterator[str | Node]:
    """The inlines in order, each run of Str and Space joined into one string (a writer
    makes one run of text of it) and every other node as it is."""
    words: list[str] = []
    for node in nodes:
        kind = node["t"]
        if kind == "Str":
            words.append(node["c"])
        elif kind == "Space":
            words.append(" ")
        else:
            if words:
                yield "".join(words)
                words = []
            yield node
    if words:
        yield "".join(words)


def text(value: str) -> list[Node]:
    """Nodes for a run of text: a Space for whitespace at either end, and one Str for what
    lies between, each run of breaking spaces in it one space (a node a word made the AST
    of a long paper ten times larger, and its writing ten times slower)."""
    if not value:
        return []
    collapsed = BREAKING_SPACE.sub(" ", value) if any(d in value for d in DOUBTFUL) \
        else value
    core = collapsed.strip(" ")
    out: list[Node] = [{"t": "Space"}] if collapsed[0] == " " else []
    if core:
        out.append({"t": "Str", "c": core})
        if collapsed[-1] == " ":
            out.append({"t": "Space"})
    return out


def trim(inlines: list[Node]) -> list[Node]:
    """Inlines without leading or trailing Space, and without doubled Spaces."""
    out: list[Node] = []
    for node in inlines:
        if node["t"] == "Space" and (not out or out[-1]["t"] == "Space"):
            continue
        out.append(node)
    while out and out[-1]["t"] == "Space":
        out.pop()
    return out


def para(inlines: list[Node]) -> Node:
    """A Para block."""
    return {"t": "Para", "c": trim(inlines)}


def styled(style: str, *blocks: Node) -> Node:
    """A Div whose paragraphs take the named paragraph style."""
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], list(blocks)]}


def styled_para(style: str, inlines: list[Node]) -> Node:
    """One paragraph in the named style."""
    return styled(style, para(inlines))


def span(style: str, inlines: list[Node]) -> Node:
    """A Span in the named character style."""
    return {"t": "Span", "c": [["", [], [["custom-style", style]]], inlines]}


def header(level: int, inlines: list[Node]) -> Node:
    """A heading of the given level (Heading 1, 2, ...), without an identifier."""
    return {"t": "Header", "c": [min(level, 6), NO_ATTR, trim(inlines)]}


def tab() -> Node:
    """A tab character (the writers make it a w:tab or text:tab)."""
    return {"t": "Str", "c": "\t"}


def cell(blocks: list[Node], columns: int = 1) -> list[Any]:
    """A table cell spanning one row and ``columns`` columns."""
    return [NO_ATTR, {"t": "AlignDefault"}, 1, columns, blocks]


def row(*cells: list[Any], classes: list[str] | None = None) -> list[Any]:
    """A table row, with classes the writers read (an item's head row, the rest of it)."""
    return [["", list(classes or []), []], list(cells)]


def table(widths: list[float], head: list[Any], rows: list[list[Any]]) -> Node:
    """A table with one header row (repeated on each page) and a single body."""
    colspecs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w}] for w in widths]
    return {"t": "Table", "c": [NO_ATTR, [None, []], colspecs, [NO_ATTR, [head]],
                                [[NO_ATTR, 0, [], rows]], [NO_ATTR, []]]}


NoteFor = Callable[[str], "Node | None"]


def inlines(el: etree._Element, note_for: NoteFor) -> list[Node]:
    """The mixed content of an element (text, emph, strong, noteref) as inlines."""
    out = text(el.text or "")
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "noteref":
            note = note_for(child.get("to", ""))
            if note is not None:
                out.append(note)
        elif child.tag == "emph":
            out.append({"t": "Emph", "c": inlines(child, note_for)})
        elif child.tag == "strong":
            out.append({"t": "Strong", "c": inlines(child, note_for)})
        else:
            out.extend(inlines(child, note_for))
        out.extend(text(child.tail or ""))
    return out


def notes_of(root: etree._Element) -> NoteFor:
    """A function that turns a footnote id into a pandoc Note (None for an unknown id)."""
    found = {fn.get("id"): fn for fn in root.iterfind("footnotes/footnote")}

    def no_nested(_: str) -> None:
        """Nothing: pandoc has no note inside a note."""
        return None

    def note_for(ident: str) -> Node | None:
        """The Note for a footnote id, or None."""
        fn = found.get(ident)
        if fn is None:
            return None
        paras = fn.findall("p")
        blocks = [para(inlines(p, no_nested)) for p in paras] if paras else \
            [para(inlines(fn, no_nested))]
        if (fn.get("n") or "").startswith("*"):  # a star note (R17): its mark, not a number
            return {"t": "Note", "c": blocks, "mark": fn.get("n")}
        return {"t": "Note", "c": blocks}

    return note_for
