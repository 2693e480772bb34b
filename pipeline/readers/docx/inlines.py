"""pandoc inlines as the text a page prints: footnote markers as numbers glued to their
word, the notes' texts kept aside for the end of the text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..text.footnotes import TO_SUPERSCRIPT

Node = dict[str, Any]
#: Inlines whose content is printed as it is (the emphasis is the layout's, not the text's).
WRAPPERS = {"Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Subscript"}
#: A line break inside a paragraph.
BREAK = "\n"


@dataclass
class Notes:
    """The footnotes met so far, in order: note k prints marker k."""

    texts: list[str] = field(default_factory=list)
    #: The star notes met (schema R17): (mark, text), printed above the numbered notes.
    stars: list[tuple[str, str]] = field(default_factory=list)
    #: How a note's blocks become one line of text (set by lines.py, which reads blocks).
    render: Callable[[list[Node]], str] = lambda blocks: ""

    def add(self, blocks: list[Node]) -> str:
        """Keep a note's text; its marker (a star note's mark, "*", as Word prints it)."""
        mark, blocks = star_mark(blocks)
        if mark:
            self.stars.append((mark, " ".join(self.render(blocks).split())))
            return mark
        self.texts.append(" ".join(self.render(blocks).split()))
        return str(len(self.texts))

    def marker_after(self, before: str, blocks: list[Node]) -> str:
        """The marker of a note after the text before it: its number glued to the word, as
        a page's text gives it ("AGENDA1", "programmes,1"); in superscript after a figure
        ("in 2027³"), which a glued number would change."""
        marker = self.add(blocks)
        return marker.translate(TO_SUPERSCRIPT) if before[-1:].isdigit() and marker.isdigit() \
            else marker


def star_mark(blocks: list[Node]) -> tuple[str, list[Node]]:
    """(mark, the blocks without it) for a note Word numbers not ("*" to "***",
    w:customMarkFollows), which pandoc reads as its first paragraph opening with the mark
    in the Footnote Reference style or in superscript; else ("", blocks)."""
    if not blocks:
        return "", blocks
    first = blocks[0]
    if first["t"] == "Div":
        mark, inner = star_mark(first["c"][1])
        return (mark, [{"t": "Div", "c": [first["c"][0], inner]}] + blocks[1:]) if mark \
            else ("", blocks)
    head = first["c"][0] if first["t"] in ("Para", "Plain") and first["c"] else None
    if head is None or head["t"] not in ("Superscript", "Span"):
        return "", blocks
    inner = head["c"] if head["t"] == "Superscript" else head["c"][1]
    mark = "".join(n["c"] for n in inner if n["t"] == "Str")
    if mark not in ("*", "**", "***") or len(inner) != 1:
        return "", blocks
    rest = first["c"][1:]
    rest = rest[1:] if rest[:1] == [{"t": "Space"}] else rest
    return mark, [{"t": first["t"], "c": rest}] + blocks[1:]


def plain(inlines: list[Node], notes: Notes) -> str:
    """The text of a list of inlines (line breaks as BREAK)."""
    out: list[str] = []
    for node in inlines:
        out.append(notes.marker_after("".join(out[-2:]), node["c"]) if node["t"] == "Note"
                   else _inline(node, notes))
    return "".join(out)


def _inline(node: Node, notes: Notes) -> str:
    """The text of one inline."""
    kind, c = node["t"], node.get("c")
    if kind == "Str":
        return c
    if kind in ("Space", "SoftBreak"):
        return " "
    if kind == "LineBreak":
        return BREAK
    if kind in WRAPPERS:
        return plain(c, notes)
    if kind == "Superscript":
        text = plain(c, notes)
        # a number set as a superscript by hand is a footnote marker, as a PDF prints it
        return text.translate(TO_SUPERSCRIPT) if text.strip().isdigit() else text
    if kind == "Quoted":
        opening, closing = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
        return opening + plain(c[1], notes) + closing
    if kind in ("Span", "Link", "Cite"):  # attributes (citations), then the inlines
        return plain(c[1], notes)
    if kind in ("Code", "Math"):
        return c[1]
    if kind == "Note":
        return notes.add(c)  # (plain() places a note after its text)
    return ""  # Image, RawInline: no text


def is_bold(inlines: list[Node]) -> bool:
    """True when every word of a paragraph is set in bold (a heading by its weight)."""
    words = [n for n in inlines if n["t"] not in ("Space", "SoftBreak", "LineBreak")]
    return bool(words) and all(n["t"] == "Strong" or (n["t"] == "Span" and is_bold(n["c"][1]))
                               for n in words)
