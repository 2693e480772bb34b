"""pandoc blocks as lines of text in the shapes the text reader reads best.

After ``document_lines`` runs, the Word document is a list of Line-to-be (text, hint):
- each paragraph is one line, set apart from the next by a blank line (a line break inside
  a paragraph starts a line of the same paragraph);
- a typed label or list label comes first ("1.   text", "(a)   text", "•   text");
- a tab is a gap of three spaces; a line that starts with a tab is indented to the text
  column of the last line that started with a time (a tab-set agenda's continuation);
- a table of times is an agenda in columns (tables.py);
- footnote markers are numbers glued to their word (superscript after a figure), and the
  notes come last, after
  a rule, one line each ("1  text"), hinted "note";
- headings (Heading styles), the title (Title style) and paragraphs all in bold carry the
  hints heading1..3, title and bold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.paper import PARA_RE
from ..text.times import match_time_range
from .inlines import BREAK, Node, Notes, is_bold, plain
from .rewrite import IN_PLACE, TAB

#: The gap a tab becomes.
GAP = "   "
#: The rule that opens the notes at the end of the text.
RULE = "_" * 20
TITLE_STYLES = {"title"}
_TABS_RE = re.compile(f"\\s*{TAB}[{TAB}\\s]*")


@dataclass
class Out:
    """The lines written so far, with what the next ones depend on."""

    lines: list[tuple[str, str]] = field(default_factory=list)
    notes: Notes = field(default_factory=Notes)
    #: The text column of the last line that started with a time (a tab-set agenda).
    column: int | None = None

    def para(self, text: str, hint: str = "", indent: int = 0) -> None:
        """One paragraph: its lines, then a blank line."""
        pieces = [p for p in (self.tabs(piece) for piece in text.split(BREAK)) if p.strip()]
        for piece in pieces:
            self.lines.append((" " * indent + piece, hint))
        if pieces:
            self.blank()

    def blank(self) -> None:
        """A blank line (never two)."""
        if self.lines and self.lines[-1][0]:
            self.lines.append(("", ""))

    def tabs(self, text: str) -> str:
        """A line with its tabs as gaps; a leading tab indents it to the agenda's column."""
        if TAB not in text:
            return text.strip()
        lead = text.lstrip(" ")
        body = _TABS_RE.sub(GAP, text.strip(" " + TAB)).strip()
        if lead.startswith(TAB):
            return " " * self.column + body if self.column else body
        first = text.strip().split(TAB, 1)[0].strip()
        if match_time_range(first) and not match_time_range(first)[2]:
            self.column = len(first) + len(GAP)
        return body


def document_lines(doc: dict) -> list[tuple[str, str]]:
    """The lines of a whole document (the AST pandoc gives), the notes last."""
    out = Out()
    out.notes.render = lambda blocks: _note_text(blocks, out)
    blocks(doc.get("blocks", []), out)
    if out.notes.texts or out.notes.stars:
        out.blank()
        out.lines.append((RULE, "note"))
        for mark, text in sorted(out.notes.stars, key=lambda star: len(star[0])):
            out.lines.append((f"{mark}  {text}", "note"))  # (star notes above, R17)
        for k, text in enumerate(out.notes.texts, start=1):
            out.lines.append((f"{k}  {text}", "note"))
    while out.lines and not out.lines[-1][0]:
        out.lines.pop()
    return out.lines


#: How far down the title paragraph may stand for the lines above it to be a title block.
TITLE_BLOCK_LINES = 40


def close_title_block(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines above the title (Title style) without blank lines between them, as a page
    prints a title block: the agenda item's title stays with the item ("Item 24 of the
    provisional agenda" / its title), and the title is set apart."""
    first = next((k for k, (_, hint) in enumerate(lines[:TITLE_BLOCK_LINES]) if hint == "title"),
                 None)
    if not first or any(hint.startswith("heading") or PARA_RE.match(text)
                        for text, hint in lines[:first]):
        return lines  # a body above: its paragraphs stay apart
    above = [line for line in lines[:first - 1] if line[0]]
    return above + lines[first - 1:]


def _note_text(note_blocks: list[Node], out: Out) -> str:
    """A footnote's blocks as one line (its paragraphs joined)."""
    inner = Out(notes=out.notes, column=None)
    blocks(note_blocks, inner)
    return " ".join(text.strip() for text, _ in inner.lines if text)


def blocks(nodes: list[Node], out: Out, style: str = "") -> None:
    """Write blocks (in a paragraph style, from an enclosing Div)."""
    for node in nodes:
        block(node, out, style)


def block(node: Node, out: Out, style: str = "") -> None:
    """Write one block."""
    kind, c = node["t"], node.get("c")
    if kind in ("Para", "Plain"):
        hint = "title" if _style_name(style) in TITLE_STYLES else "bold" if is_bold(c) else ""
        out.para(plain(c, out.notes), hint)
    elif kind == "Header":
        out.para(plain(c[2], out.notes), f"heading{min(c[0], 3)}")
    elif kind == "Div":
        custom = dict(c[0][2]).get("custom-style", style)
        blocks(c[1], out, custom)
    elif kind == "BlockQuote":
        blocks(c, out, style)
    elif kind in ("BulletList", "OrderedList"):
        _list(node, out)
    elif kind == "LineBlock":
        out.para(BREAK.join(plain(line, out.notes) for line in c))
    elif kind == "CodeBlock":
        out.para(c[1].replace("\n", BREAK))
    elif kind == "DefinitionList":
        for term, definitions in c:
            out.para(plain(term, out.notes), "bold")
            for definition in definitions:
                blocks(definition, out)
    elif kind == "Figure":
        blocks(c[1][1], out)
        blocks(c[2], out)
    elif kind == "Table":
        from .tables import table

        table(c, out)


def _style_name(style: str) -> str:
    """A paragraph style's name as the author gave it (renamed ones restored)."""
    return style.removeprefix(IN_PLACE).casefold()


def _list(node: Node, out: Out) -> None:
    """A list pandoc made (numbering the rewrite did not type): its labels typed."""
    ordered = node["t"] == "OrderedList"
    start, fmt, delim = node["c"][0] if ordered else (1, "", "")
    items = node["c"][1] if ordered else node["c"]
    for k, item in enumerate(items):
        label = _label(start + k, fmt, delim["t"] if isinstance(delim, dict) else delim) \
            if ordered else "•"
        first = Out(notes=out.notes, column=out.column)
        blocks(item, first)
        texts = [text for text, _ in first.lines]
        if texts:
            texts[0] = f"{label}{GAP}{texts[0]}"
        out.lines += [(text, hint) for text, (_, hint) in zip(texts, first.lines)]
        out.blank()


def _label(n: int, fmt: dict | str, delim: str) -> str:
    """An ordered list's label: 1., (a), ii)."""
    from .numbering import format_number

    name = fmt["t"] if isinstance(fmt, dict) else fmt
    word = {"LowerAlpha": "lowerLetter", "UpperAlpha": "upperLetter",
            "LowerRoman": "lowerRoman", "UpperRoman": "upperRoman"}.get(name, "decimal")
    number = format_number(n, word)
    return f"({number})" if delim == "TwoParens" else f"{number})" if delim == "OneParen" \
        else f"{number}."
