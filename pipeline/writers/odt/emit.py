"""The document's pandoc AST (docx/body.py) written as ODF content.xml, without pandoc.

Writes for each node what pandoc's OpenDocument writer wrote for it, style names already
the internal names of reference.odt::

    Div {custom-style="Body Text"} [Para xs]    ->  <text:p text:style-name="Text_20_body">
    Div {custom-style="Day Heading"} [Para xs]  ->  <text:h text:style-name="Day_20_Heading"
                                                             text:outline-level="2">
                                                     (a style with an outline level: text:h)
    Header 2 _ xs                                ->  <text:h text:style-name="Heading_20_2"
                                                             text:outline-level="2">
    Span {custom-style="Person Name"} xs         ->  <text:span text:style-name="Person_20_Name">
    Emph xs, Strong xs                           ->  <text:span text:style-name="T1"> (automatic)
    Note [Para xs]                               ->  <text:note> citation, body in "Footnote"
    Table                                        ->  <table:table> header rows, ruled cells
    Str "\t"                                     ->  <text:tab/>

After ``content``: every text:style-name is a style of reference.odt or an automatic style in
office:automatic-styles (T1.. emphasis, Table1.. tables and their columns, one style for header
cells and one for body cells, ruled as the house's [agenda] says); notes are numbered 1.. in
reading order with ids ftn0..; nothing depends on anything but the AST.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from lxml import etree

from ...errors import Diagnostic, PipelineError
from ..docx.ast import Node, text_runs
from ..docx.body import ITEM_HEAD, ITEM_REST
from ..docx.house import odt_name, outline_level, styles
from .odf import NS, q, sub, text_attrs

#: The character property each pandoc emphasis switches on (odf.text_attrs keys).
MARKS = {"Emph": "italic", "Strong": "bold"}
#: Paragraph styles of paragraphs outside a styled Div: body, notes, table cells.
BODY, NOTE = odt_name("Body Text"), odt_name("Footnote Text")
HEAD_CELL_TEXT, CELL_TEXT = odt_name("Table Heading"), odt_name("Table Contents")
#: Automatic cell styles (pandoc's names): the header row, the body rows.
HEAD_CELL, CELL = "TableHeaderRowCell", "TableRowCell"
#: The automatic style of rows never split across pages, and of an item's unruled head cells.
ROW, OPEN_CELL = "TableRow", "TableItemHeadCell"
#: Characters that ODF keeps only as elements: a tab, and a run of two or more spaces.
SPECIAL = re.compile(r"(\t| {2,})")
#: Relative column widths are shares of this number (as pandoc writes them).
WIDTH_UNITS = 65535

Marks = frozenset[str]


def content(blocks: Iterable[Node], agenda: dict[str, Any], what: str) -> etree._Element:
    """office:document-content for the blocks of a pandoc AST, as body.blocks makes them one
    by one (``what`` names the document in error messages)."""
    root = etree.Element(q("office:document-content"),
                         nsmap={k: NS[k] for k in ("office", "style", "text", "table", "fo")})
    root.set(q("office:version"), "1.3")
    auto = sub(root, "office:automatic-styles")
    emitter = Emitter(what)
    emitter.blocks(sub(sub(root, "office:body"), "office:text"), blocks, BODY)
    emitter.styles(auto, agenda)
    return root


def append_text(parent: etree._Element, value: str) -> None:
    """Text at the end of ``parent``'s content, as is (no tab, no doubled space)."""
    if not value:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + value
    else:
        parent.text = (parent.text or "") + value


def add_text(parent: etree._Element, value: str) -> None:
    """Text at the end of ``parent``: tabs become text:tab, runs of spaces text:s."""
    for i, piece in enumerate(SPECIAL.split(value)):
        if i % 2 == 0:
            append_text(parent, piece)
        elif piece == "\t":
            sub(parent, "text:tab")
        else:
            append_text(parent, " ")
            sub(parent, "text:s", {"text:c": str(len(piece) - 1)})


def custom_style(attr: list[Any]) -> str | None:
    """The internal name of an Attr's ``custom-style``, if it has one."""
    for key, value in attr[2]:
        if key == "custom-style":
            return odt_name(value)
    return None


def column_letters(index: int) -> str:
    """A column's letters in a style name, as spreadsheets count: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def style_element(name: str, family: str, props: str, attrs: dict[str, str]) -> etree._Element:
    """An automatic style with one properties child."""
    el = etree.Element(q("style:style"), {q("style:name"): name, q("style:family"): family})
    sub(el, props, attrs)
    return el


class Emitter:
    """Walks the AST of one document, writing ODF and collecting its automatic styles."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.text_styles: dict[Marks, str] = {}
        self.table_styles: list[etree._Element] = []
        self.tables = 0
        self.notes = 0
        #: Paragraph styles at an outline level (Title, Day Heading, ...): written as text:h.
        self.levels = {odt_name(name): level for name in styles()
                       if (level := outline_level(name))}
        self.block_handlers: dict[str, Callable[[etree._Element, Node, str], None]] = {
            "Para": self.para, "Div": self.div, "Header": self.header, "Table": self.table}
        self.inline_handlers: dict[str, Callable[[etree._Element, Node, Marks], None]] = {
            "Emph": self.emphasis, "Strong": self.emphasis, "Span": self.span,
            "Note": self.note}

    def unknown(self, node: Node) -> PipelineError:
        """The error for a node this writer does not know (body.py never makes one)."""
        return PipelineError(Diagnostic(self.what, None,
                                        f"ODT writer: no rule for the pandoc node {node['t']}"))

    # ------------------------------------------------------------------------ blocks

    def blocks(self, parent: etree._Element, nodes: Iterable[Node], style: str) -> None:
        """Blocks into ``parent``; paragraphs outside a styled Div take ``style``."""
        for node in nodes:
            handler = self.block_handlers.get(node["t"])
            if handler is None:
                raise self.unknown(node)
            handler(parent, node, style)

    def para(self, parent: etree._Element, node: Node, style: str) -> None:
        """A Para in the current paragraph style: a text:h at the style's outline level when it
        has one (so LibreOffice's navigator and PDF bookmarks see it), else a text:p."""
        level = self.levels.get(style)
        if level is None:
            el = sub(parent, "text:p", {"text:style-name": style})
        else:
            el = sub(parent, "text:h", {"text:style-name": style,
                                        "text:outline-level": str(level)})
        self.inlines(el, node["c"], frozenset())

    def div(self, parent: etree._Element, node: Node, style: str) -> None:
        """A Div's blocks, in its custom style when it names one."""
        attr, children = node["c"]
        self.blocks(parent, children, custom_style(attr) or style)

    def header(self, parent: etree._Element, node: Node, style: str) -> None:
        """A Header as a text:h in Heading N, at outline level N."""
        level, _, children = node["c"]
        h = sub(parent, "text:h", {"text:style-name": odt_name(f"Heading {level}"),
                                   "text:outline-level": str(level)})
        self.inlines(h, children, frozenset())

    def table(self, parent: etree._Element, node: Node, style: str) -> None:
        """A Table: columns by relative width, header rows repeated on each page, then rows.

        The caption is left out; a cell spans one row and perhaps several columns (all
        that docx/ast.py makes), the cells it covers written after it.
        """
        _, _, colspecs, head, bodies, foot = node["c"]
        self.tables += 1
        name = f"Table{self.tables}"
        el = sub(parent, "table:table", {"table:name": name, "table:style-name": name})
        self.table_styles.append(style_element(name, "table", "style:table-properties", {
            "table:align": "center", "style:rel-width": "100%"}))
        for i, (_, width) in enumerate(colspecs):
            share = width["c"] if width["t"] == "ColWidth" else 1 / len(colspecs)
            column = f"{name}.{column_letters(i)}"
            sub(el, "table:table-column", {"table:style-name": column})
            self.table_styles.append(style_element(
                column, "table-column", "style:table-column-properties",
                {"style:rel-column-width": f"{int(share * WIDTH_UNITS)}*"}))
        if head[1]:
            self.rows(sub(el, "table:table-header-rows"), head[1], HEAD_CELL_TEXT, True)
        for body in bodies:
            self.rows(el, body[2] + body[3], CELL_TEXT)
        self.rows(el, foot[1], CELL_TEXT)

    def rows(self, parent: etree._Element, rows: list[Any], text: str,
             header: bool = False) -> None:
        """Table rows; unstyled paragraphs in ``text``. An item's head row (time and title)
        is kept on one page and not ruled, as the rest of the item follows it."""
        for attr, cells in rows:
            classes = attr[1]
            keep = not header and ITEM_REST not in classes
            row = sub(parent, "table:table-row", {"table:style-name": ROW} if keep else None)
            style = HEAD_CELL if header else OPEN_CELL if ITEM_HEAD in classes else CELL
            for cell in cells:
                attrs = {"table:style-name": style, "office:value-type": "string"}
                if cell[3] > 1:  # a cell across columns (a programme of work's day)
                    attrs["table:number-columns-spanned"] = str(cell[3])
                el = sub(row, "table:table-cell", attrs)
                self.blocks(el, cell[4], text)
                for _ in range(cell[3] - 1):
                    sub(row, "table:covered-table-cell")

    # ------------------------------------------------------------------------ inlines

    def inlines(self, parent: etree._Element, nodes: list[Node], marks: Marks) -> None:
        """Inlines into ``parent``: each run of Str and Space as one piece of text."""
        for piece in text_runs(nodes):
            if isinstance(piece, str):
                self.run(parent, piece, marks)
            elif piece["t"] in self.inline_handlers:
                self.inline_handlers[piece["t"]](parent, piece, marks)
            else:
                raise self.unknown(piece)

    def run(self, parent: etree._Element, words: str, marks: Marks) -> None:
        """A run of text, in a span of the automatic style for ``marks`` when there are any."""
        if marks:
            parent = sub(parent, "text:span", {"text:style-name": self.text_style(marks)})
        add_text(parent, words)

    def emphasis(self, parent: etree._Element, node: Node, marks: Marks) -> None:
        """Emph or Strong: the inlines with one more character property."""
        self.inlines(parent, node["c"], marks | {MARKS[node["t"]]})

    def span(self, parent: etree._Element, node: Node, marks: Marks) -> None:
        """A Span: a text:span in its custom style when it names one."""
        attr, children = node["c"]
        style = custom_style(attr)
        if style is not None:
            parent = sub(parent, "text:span", {"text:style-name": style})
        self.inlines(parent, children, marks)

    def note(self, parent: etree._Element, node: Node, marks: Marks) -> None:
        """A Note: a footnote numbered in reading order, its paragraphs in Footnote Text."""
        mark = node.get("mark")  # a star note (R17): its mark the citation, no number taken
        el = sub(parent, "text:note", {"text:id": f"ftns{len(mark)}" if mark else f"ftn{self.notes}",
                                       "text:note-class": "footnote"})
        if mark:
            sub(el, "text:note-citation", {"text:label": mark}).text = mark
        else:
            self.notes += 1
            sub(el, "text:note-citation").text = str(self.notes)
        # The note's text does not inherit the emphasis around its reference.
        self.blocks(sub(el, "text:note-body"), node["c"], NOTE)

    def text_style(self, marks: Marks) -> str:
        """The automatic text style (T1, T2, ...) for a set of character properties."""
        if marks not in self.text_styles:
            self.text_styles[marks] = f"T{len(self.text_styles) + 1}"
        return self.text_styles[marks]

    # ------------------------------------------------------------------------ styles

    def styles(self, auto: etree._Element, agenda: dict[str, Any]) -> None:
        """The automatic styles used: emphasis, then ruled cells and tables when any."""
        for marks, name in self.text_styles.items():
            auto.append(style_element(name, "text", "style:text-properties",
                                      text_attrs({mark: True for mark in sorted(marks)})))
        if not self.table_styles:
            return
        for name, width, colour in (
                (HEAD_CELL, agenda["header_rule_width"], agenda["header_rule_colour"]),
                (CELL, agenda["rule_width"], agenda["rule_colour"])):
            auto.append(style_element(name, "table-cell", "style:table-cell-properties", {
                "fo:border-bottom": f"{width}pt solid #{colour}", "fo:padding": "0.1cm"}))
        auto.append(style_element(OPEN_CELL, "table-cell", "style:table-cell-properties", {
            "fo:border": "none", "fo:padding-top": "0.1cm", "fo:padding-bottom": "0cm",
            "fo:padding-left": "0.1cm", "fo:padding-right": "0.1cm"}))
        # An item's time and title are one row that never splits (LibreOffice ignores
        # keep-together on the first paragraph of a cell); the rest of the item may.
        auto.append(style_element(ROW, "table-row", "style:table-row-properties",
                                  {"fo:keep-together": "always"}))
        auto.extend(self.table_styles)
