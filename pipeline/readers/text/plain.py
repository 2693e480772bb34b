"""The reader's last resort: a text read as plain prose, so that no readable text is refused.

When the structured reading of a text fails (no title, a footnote whose marker cannot be
found, an agenda without one timed item, a tree the schema refuses, a word the tree lost),
the text is read again as a paper of unnumbered paragraphs, and every reason is a warning
naming its line. After ``read_plain`` runs:
- the document is a paper; its title block is the UN one when masthead.py finds it, else
  its title is the first text line (the first block when it is short, as a title wrapped
  over two or three lines is);
- every other block of text lines (between blank lines or rules, or from a line that starts
  with a paragraph number, printed as it is) is one ``p``,
  its lines joined as the structured reader joins them (hyphenation undone by the
  document's own vocabulary);
- footnote texts stay where the page printed them, as paragraphs;
- a block never ends in a word cut by a hyphen: the block goes on after the blank line;
- page numbers and running headers are gone (stage 1 removed them), every other word is
  in the tree once and in order.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from lxml import etree

from .normalise import Line
from .paper import PARA_RE
from .text import join_lines

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HYPHEN_CUT_RE = re.compile(r"\w[-‐]$")


def blocks_of(lines: list[Line]) -> list[list[Line]]:
    """Text lines grouped into blocks: a blank line or a rule ends a block, unless the block
    ends in a word cut by a hyphen (its end is on the next line of text); a line that starts
    with a paragraph number starts one."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind == "text":
            if blocks[-1] and PARA_RE.match(line.text.strip()):
                blocks.append([])  # "12. ..." starts a paragraph
            blocks[-1].append(line)
        elif blocks[-1] and not _HYPHEN_CUT_RE.search(blocks[-1][-1].text):
            blocks.append([])
    return [b for b in blocks if b]


def _title_lines(first: list[Line]) -> int:
    """How many lines of the first block make the title: all of a short block, else one."""
    text = " ".join(ln.text.strip() for ln in first)
    return len(first) if len(first) <= 3 and len(text) <= 200 else 1


def read_plain(lines: list[Line], data: bytes, filename: str, lang: str, docid: str,
               width: int = 80, masthead: bool = True) -> etree._ElementTree:
    """The text as a paper: a title (the UN title block when there is one, as the
    structured reader reads it) and one paragraph per block (see the module docstring)."""
    from .masthead import read_masthead, read_title
    from .meta import mark_version, meta_element

    root = etree.Element("document", id=docid, type="paper", version="1")
    root.set(XML_LANG, lang)
    source = etree.Element("source", file=Path(filename).name,
                           sha256=hashlib.sha256(data).hexdigest())
    mast = read_masthead(lines) if masthead else None
    if mast:
        read_title(lines, mast, width)
    if mast and "title" in mast.found:
        root.append(meta_element(mast.found, source))
        blocks = blocks_of(lines[mast.end:])
    else:
        meta = etree.SubElement(root, "meta")
        blocks = blocks_of(lines)
        if blocks:
            n = _title_lines(blocks[0])
            etree.SubElement(meta, "title").text = join_lines([ln.text for ln in blocks[0][:n]])
            blocks[0] = blocks[0][n:]
        else:
            etree.SubElement(meta, "title").text = docid
        meta.append(source)
    body = etree.SubElement(root, "body")
    for block in blocks:
        if block:
            etree.SubElement(body, "p").text = join_lines([ln.text for ln in block])
    mark_version(root)
    return root.getroottree()
