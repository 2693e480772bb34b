"""Stage 3 for the annexes of a provisional agenda (R16).

Shapes read (after the agenda's items):

    Annexe                                   -> annex / heading
    Projet de programme de travail           -> annex / heading[2]
    Mardi 10 juin 2028                       -> the day of the rows under it (work.py)
    10 heures-13 heures   1   Questions ...  -> annex / entry @n @day @start @end

    Anexo                                    -> annex / heading
    Organización de los trabajos propuesta   -> annex / heading[2] (letters.annex_title)
    1. La Comisión se reunirá ...            -> annex / para @n="1", as in a paper (paper.py)

After ``split_annexes`` and ``build_annex`` run, every line from an annex line on is in an
annex: its heading (the "Annex" line), its title, then either the rows of a programme of
work (two or more lines start with a time) with the lines before the first row as a p, or
the annex's prose read as a paper's annex is; no word is lost.
"""
from __future__ import annotations

import re

from lxml import etree

from .agenda import CONNECTOR_END_RE, is_day_line
from .normalise import LINE_ATTR, Line
from .text import join_lines
from .times import match_time_range

#: An annex line alone: "Annex", "Annexe II", "ANEXO", "Annex 2".
ANNEX_LINE_RE = re.compile(r"^(?:Annex|Annexe|Anexo|ANNEX|ANNEXE|ANEXO)(?:\s+(?P<n>[IVXLC]{1,6}|\d{1,2}))?$")
#: The longest annex title of a programme of work, in words.
TITLE_WORDS = 12


def _text(line: Line) -> str:
    return " ".join(line.text.split())


def split_annexes(lines: list[Line], first_item: int) -> list[int]:
    """Indexes of the annex lines after lines[first_item] (the agenda's first item): an
    annex line alone, at a block's start (a blank line, a new page, or a line that ends no
    phrase above it), with a text line under it."""
    out: list[int] = []
    prev: Line | None = None
    blank = False
    for k in range(first_item + 1, len(lines)):
        line = lines[k]
        if line.kind != "text":
            blank = True
            continue
        text = _text(line)
        if ANNEX_LINE_RE.match(text) and (blank or line.page_start or prev is None
                                          or not CONNECTOR_END_RE.search(_text(prev))) \
                and any(ln.kind == "text" for ln in lines[k + 1:]):
            out.append(k)
        prev, blank = line, False
    return out


def is_programme(lines: list[Line]) -> bool:
    """True when two or more of the lines start with a time: the annex is a programme of
    work's table."""
    return sum(1 for ln in lines if ln.kind == "text" and match_time_range(_text(ln))) >= 2


def build_annex(lines: list[Line], width: int) -> list[etree._Element]:
    """The <annex> of lines[0] (its annex line) and the lines down to the next annex line
    (two when the prose holds an "Annex to ..." line, which the paper's rule opens)."""
    if is_programme(lines[1:]):
        annex = programme_annex(lines)
        if annex is not None:
            return [annex]
    return prose_annex(lines, width)


def _heading(lines: list[Line]) -> etree._Element:
    """An <annex> with its heading, the annex line, and its number."""
    annex = etree.Element("annex", {LINE_ATTR: str(lines[0].no)})
    m = ANNEX_LINE_RE.match(_text(lines[0]))
    if m and m.group("n"):
        annex.set("n", m.group("n"))
    etree.SubElement(annex, "heading").text = _text(lines[0])
    return annex


def _work_title(text: str) -> bool:
    """True for the programme's own title under the annex line: short, ending no
    sentence, no day, time or row of the table."""
    return (text[:1].isupper() and len(text.split()) <= TITLE_WORDS and not text.endswith(".")
            and not is_day_line(text) and not match_time_range(text) and not text[:1].isdigit())


def programme_annex(lines: list[Line]) -> etree._Element | None:
    """An annex of a programme of work: heading, title, a p of what stands above the first
    row, then the rows (work.py); None when no row is found."""
    from .work import WorkBuilder, columns_to_rows

    annex = _heading(lines)
    rest = lines[1:]
    k = next((i for i, ln in enumerate(rest) if ln.kind == "text"), None)
    if k is not None and _work_title(_text(rest[k])):
        etree.SubElement(annex, "heading").text = _text(rest[k])
        rest = rest[k + 1:]
    builder = WorkBuilder()
    for line in columns_to_rows(rest):
        builder.feed(line)
    builder.flush()
    rows = builder.agenda.findall("entry")
    if not rows:
        return None
    if builder.left:
        etree.SubElement(annex, "p", {LINE_ATTR: str(builder.left[0].no)}).text = \
            join_lines([ln.text for ln in builder.left])
    annex.extend(rows)
    return annex


def prose_annex(lines: list[Line], width: int) -> list[etree._Element]:
    """An annex in prose, read as a paper's annex is (paper.py): its heading, its title,
    numbered paragraphs, lists and sections."""
    from .paper import BodyBuilder

    body = BodyBuilder("", width).run(lines)
    if len(body) and body[0].tag == "annex":  # (paper.py opens one at every annex line)
        return body.findall("annex")
    annex = _heading(lines)  # never met: the annex line read otherwise, its words kept
    annex.extend(child for child in body if child.tag in ("para", "p", "list", "section"))
    return [annex]
