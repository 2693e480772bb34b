"""The document's AST (body.py) as WordprocessingML, one block at a time, without pandoc.

Writes for each node what pandoc's DOCX writer and post-processing wrote for it, style ids
those of the house's reference.docx::

    Div {custom-style="Body Text"} [Para xs]  ->  <w:p><w:pPr><w:pStyle w:val="BodyText"/>
    Header 2 _ xs                              ->  <w:p> in Heading2 (its outline level is the
                                                   style's)
    Span {custom-style="Person Name"} xs       ->  <w:r><w:rPr><w:rStyle w:val="PersonName"/>
    Emph xs, Strong xs                         ->  <w:i/><w:iCs/>, <w:b/><w:bCs/> in w:rPr
    Note [Para xs]                             ->  <w:footnoteReference w:id="N"/> in the text,
                                                   <w:footnote w:id="N"> in footnotes.xml
    Table                                      ->  <w:tbl> in the "Table" style, its first
                                                   row a header row repeated on each page
    Str "\t"                                   ->  <w:tab/>

``Emitter.block`` gives the serialised bytes of one top-level block (a w:p or a w:tbl) and
keeps the footnotes met in it, serialised too; nothing else of the document is held.
Footnotes are numbered 1.. in reading order; nothing depends on anything but the AST.
"""
from __future__ import annotations

from typing import Any, Callable

from lxml import etree

from ...errors import Diagnostic, PipelineError
from .ast import Node, text_runs
from .body import ITEM_HEAD, ITEM_REST

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {"w": W_NS}
#: The declaration lxml puts on an element serialised alone; the part's root declares it.
DECLARATION = f' xmlns:w="{W_NS}"'.encode()
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The run property each pandoc emphasis switches on, in w:rPr's schema order.
MARKS = {"Strong": ("b", "bCs"), "Emph": ("i", "iCs")}
MARK_ORDER = ("b", "bCs", "i", "iCs")
#: A table's width: the whole text width (fiftieths of a percent).
FULL_WIDTH = "5000"
#: What pandoc writes on every table (first row formatted as a header, no banding).
TABLE_LOOK = {"firstRow": "1", "lastRow": "0", "firstColumn": "0", "lastColumn": "0",
              "noHBand": "0", "noVBand": "0", "val": "0020"}

Marks = tuple[str, ...]


def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


def sub(parent: etree._Element, name: str, **attrs: str) -> etree._Element:
    """A w: child of ``parent`` with w: attributes."""
    return etree.SubElement(parent, w(name), {w(k): v for k, v in attrs.items()})


def serialise(el: etree._Element) -> bytes:
    """An element's bytes without its namespace declaration (the part's root has it)."""
    return etree.tostring(el, encoding="UTF-8").replace(DECLARATION, b"", 1)


def add_text(run: etree._Element, value: str) -> None:
    """Text into a run: tabs as w:tab, the pieces between as w:t (spaces kept)."""
    for i, piece in enumerate(value.split("\t")):
        if i:
            sub(run, "tab")
        if piece:
            t = sub(run, "t")
            t.set(XML_SPACE, "preserve")
            t.text = piece


def custom_style(attr: list[Any]) -> str | None:
    """The style name an Attr's ``custom-style`` gives, if it has one."""
    for key, value in attr[2]:
        if key == "custom-style":
            return value
    return None


class Emitter:
    """Walks the AST of one document block by block, collecting its footnotes."""

    def __init__(self, style_ids: dict[str, str], text_width: int, what: str) -> None:
        self.style_ids = style_ids
        self.text_width = text_width
        self.what = what
        #: The footnotes met so far, each serialised (w:footnote).
        self.notes: list[bytes] = []
        self.block_handlers: dict[str, Callable[[etree._Element, Node, str | None], None]] = {
            "Para": self.para, "Div": self.div, "Header": self.header, "Table": self.table}
        self.inline_handlers: dict[str, Callable[[etree._Element, Node, Marks, str | None],
                                                 None]] = {
            "Emph": self.emphasis, "Strong": self.emphasis, "Span": self.span,
            "Note": self.note}

    def unknown(self, node: Node) -> PipelineError:
        """The error for a node this writer does not know (body.py never makes one)."""
        return PipelineError(Diagnostic(self.what, None,
                                        f"DOCX writer: no rule for the AST node {node['t']}"))

    def style_id(self, name: str) -> str:
        """The reference's id of a named style ("Body Text" -> "BodyText")."""
        return self.style_ids.get(name) or name.replace(" ", "")

    def block(self, node: Node) -> bytes:
        """One top-level block as the bytes of its w:p or w:tbl elements."""
        holder = etree.Element(w("body"), nsmap=NSMAP)
        self.blocks(holder, [node], None)
        return b"".join(serialise(el) for el in holder)

    # ------------------------------------------------------------------------ blocks

    def blocks(self, parent: etree._Element, nodes: list[Node], style: str | None) -> None:
        """Blocks into ``parent``; paragraphs outside a styled Div take ``style``."""
        for node in nodes:
            handler = self.block_handlers.get(node["t"])
            if handler is None:
                raise self.unknown(node)
            handler(parent, node, style)

    def paragraph(self, parent: etree._Element, style: str | None) -> etree._Element:
        """An empty w:p in a named style."""
        p = sub(parent, "p")
        if style:
            sub(sub(p, "pPr"), "pStyle", val=self.style_id(style))
        return p

    def para(self, parent: etree._Element, node: Node, style: str | None) -> None:
        """A Para in the current paragraph style."""
        self.inlines(self.paragraph(parent, style), node["c"], ())

    def div(self, parent: etree._Element, node: Node, style: str | None) -> None:
        """A Div's blocks, in its custom style when it names one."""
        attr, children = node["c"]
        self.blocks(parent, children, custom_style(attr) or style)

    def header(self, parent: etree._Element, node: Node, style: str | None) -> None:
        """A Header in Heading N (the style carries the outline level)."""
        level, _, children = node["c"]
        self.inlines(self.paragraph(parent, f"Heading {level}"), children, ())

    def table(self, parent: etree._Element, node: Node, style: str | None) -> None:
        """A Table: full width, columns by share, the header row repeated on each page; an
        item's head row never split and not ruled from the rest of the item below it."""
        _, _, colspecs, head, bodies, foot = node["c"]
        tbl = sub(parent, "tbl")
        props = sub(tbl, "tblPr")
        sub(props, "tblStyle", val="Table")
        sub(props, "tblW", type="pct", w=FULL_WIDTH)
        sub(props, "tblLayout", type="fixed")
        sub(props, "tblLook", **TABLE_LOOK)
        grid = sub(tbl, "tblGrid")
        for _, width in colspecs:
            share = width["c"] if width["t"] == "ColWidth" else 1 / len(colspecs)
            sub(grid, "gridCol", w=str(round(share * self.text_width)))
        for _, cells in head[1]:
            self.row(tbl, cells, "tblHeader", ())
        for attr, cells in [r for body in bodies for r in body[2] + body[3]] + foot[1]:
            classes = attr[1]
            open_sides = (("bottom",) if ITEM_HEAD in classes else ()) + \
                (("top",) if ITEM_REST in classes else ())
            self.row(tbl, cells, None if ITEM_REST in classes else "cantSplit", open_sides)

    def row(self, tbl: etree._Element, cells: list[Any], flag: str | None,
            open_sides: tuple[str, ...]) -> None:
        """A table row: its flag (w:tblHeader, w:cantSplit), cells without a rule on
        ``open_sides`` (each across the columns it spans), and an empty paragraph in an
        empty cell (a cell must hold one)."""
        tr = sub(tbl, "tr")
        if flag:
            sub(sub(tr, "trPr"), flag)
        for cell in cells:
            tc = sub(tr, "tc")
            tcpr = sub(tc, "tcPr")
            if cell[3] > 1:  # a cell across columns (a programme of work's day)
                sub(tcpr, "gridSpan", val=str(cell[3]))
            if open_sides:
                borders = sub(tcpr, "tcBorders")
                for side in open_sides:
                    sub(borders, side, val="nil")
            if cell[4]:
                self.blocks(tc, cell[4], None)
            else:
                self.paragraph(tc, "Compact")

    # ------------------------------------------------------------------------ inlines

    def inlines(self, parent: etree._Element, nodes: list[Node], marks: Marks,
                char_style: str | None = None) -> None:
        """Inlines into a paragraph: each run of Str and Space as one w:r."""
        for piece in text_runs(nodes):
            if isinstance(piece, str):
                self.run(parent, piece, marks, char_style)
            elif piece["t"] in self.inline_handlers:
                self.inline_handlers[piece["t"]](parent, piece, marks, char_style)
            else:
                raise self.unknown(piece)

    def run(self, parent: etree._Element, words: str, marks: Marks,
            char_style: str | None) -> None:
        """A w:r for some text, in a character style and with emphasis when there are."""
        r = sub(parent, "r")
        flags = [m for m in MARK_ORDER if m in marks]
        if char_style or flags:
            rpr = sub(r, "rPr")
            if char_style:
                sub(rpr, "rStyle", val=self.style_id(char_style))
            for flag in flags:
                sub(rpr, flag)
        add_text(r, words)

    def emphasis(self, parent: etree._Element, node: Node, marks: Marks,
                 char_style: str | None) -> None:
        """Emph or Strong: the inlines with one more run property."""
        self.inlines(parent, node["c"], marks + MARKS[node["t"]], char_style)

    def span(self, parent: etree._Element, node: Node, marks: Marks,
             char_style: str | None) -> None:
        """A Span: its inlines in its custom character style (else the one around it)."""
        attr, children = node["c"]
        self.inlines(parent, children, marks, custom_style(attr) or char_style)

    def note(self, parent: etree._Element, node: Node, marks: Marks,
             char_style: str | None) -> None:
        """A Note: a reference in the text, the note itself kept for footnotes.xml, its
        paragraphs in Footnote Text, the first opening with the note's number."""
        ident = str(len(self.notes) + 1)
        custom = node.get("mark")  # a star note (R17): Word prints the mark, numbers no note
        ref = sub(parent, "r")
        sub(sub(ref, "rPr"), "rStyle", val=self.style_id("Footnote Reference"))
        if custom:
            sub(ref, "footnoteReference", customMarkFollows="1", id=ident)
            add_text(ref, custom)
        else:
            sub(ref, "footnoteReference", id=ident)
        fn = etree.Element(w("footnote"), {w("id"): ident}, nsmap=NSMAP)
        # The note's text does not inherit the emphasis around its reference.
        self.blocks(fn, node["c"], "Footnote Text")
        first = fn.find(w("p"))
        if first is None:
            first = self.paragraph(fn, "Footnote Text")
        mark = etree.Element(w("r"))
        sub(sub(mark, "rPr"), "rStyle", val=self.style_id("Footnote Reference"))
        if custom:
            add_text(mark, custom)
        else:
            sub(mark, "footnoteRef")
        space = etree.Element(w("r"))
        add_text(space, " ")
        first.find(w("pPr")).addnext(mark)
        mark.addnext(space)
        self.notes.append(serialise(fn))
