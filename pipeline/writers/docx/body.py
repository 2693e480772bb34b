"""A validated document as a pandoc AST: title block, then a paper's body or an agenda.

Every paragraph is put in a named style (a Div with ``custom-style``), so that DOCX and ODT
carry the same style names (pipeline/styles/<house>.toml) and an officer can restyle the whole document.
The DOCX writer (wml.py) and the ODT writer (odt/emit.py) both write this AST; no pandoc
reads it. ``blocks`` makes it one top-level block at a time, for a writer that streams.
"""
from __future__ import annotations

from typing import Any, Iterator

from lxml import etree

from ...numerals import roman
from .. import labels
from . import house
from .ast import (Node, NoteFor, cell, header, inlines, notes_of, row, span, styled_para, tab,
                  table, text)
from .entries import entries_blocks

#: meta children printed in the title block, in printed order, with their style.
TITLE_BLOCK = [("status", "Symbol Block"), ("organisation", "Organisation"), ("symbol", "Symbol"),
               ("original-language", "Symbol Block"), ("issued", "Symbol Block"),
               ("distribution", "Symbol Block"), ("series", "Series"),
               ("meeting", "Meeting"), ("session", "Meeting"), ("agenda-item", "Meeting"),
               ("title", "Title"), ("subtitle", "Subtitle"), ("dates", "Dates")]
#: The order in which every writer prints the title block (HTML and EPUB too; the DOCX
#: and ODT of a house whose [title_block] says otherwise print its order).
PRINTED_ORDER = tuple(tag for tag, _ in TITLE_BLOCK)
#: Row classes of an item in two rows: its time and title, then the rest (empty time cell).
ITEM_HEAD, ITEM_REST = "item-head", "item-rest"


def document(tree: etree._ElementTree, api_version: list[int]) -> dict[str, Any]:
    """The whole document as a pandoc JSON AST (a dict ready for json.dumps)."""
    return {"pandoc-api-version": api_version, "meta": {}, "blocks": list(blocks(tree))}


def blocks(tree: etree._ElementTree) -> Iterator[Node]:
    """The document's blocks one by one, in printed order, each made when it is asked for
    (a writer that streams holds one block of the AST at a time, never the whole)."""
    root = tree.getroot()
    notes = notes_of(root)
    yield from title_block(root.find("meta"), notes)
    if root.find("agenda") is not None:
        yield from agenda(root.find("agenda"), notes, root.get(house.XML_LANG, "en"))
    if root.find("body") is not None:
        yield from section_content(root.find("body"), 1, notes)


def printed_order() -> tuple[str, ...]:
    """The title block's order in the house in use: its [title_block] order, else
    PRINTED_ORDER."""
    return tuple(house.house().get("title_block", {}).get("order", PRINTED_ORDER))


def title_block(meta: etree._Element, notes: NoteFor) -> list[Node]:
    """Status (R18), organisation, symbol, original language, series, meeting, title,
    subtitle and dates, when present, in the house's order."""
    styles = dict(TITLE_BLOCK)
    blocks = []
    for tag in printed_order():
        el = meta.find(tag)
        if el is not None:
            note = notes(el.get("note", "")) if tag == "symbol" else None  # (R17)
            blocks.append(styled_para(styles[tag], inlines(el, notes) + ([note] if note else [])))
    return blocks


# ---------------------------------------------------------------------------- papers

def section_content(el: etree._Element, level: int, notes: NoteFor) -> Iterator[Node]:
    """The blocks of a body or section: paragraphs, lists and nested sections, one by one."""
    for child in el:
        if child.tag == "para":
            yield from numbered(child, notes)
        elif child.tag == "p":
            yield styled_para("Body Text", inlines(child, notes))
        elif child.tag == "list":
            yield from list_blocks(child, 1, notes)
        elif child.tag in ("section", "annex"):  # an annex is laid out as a top section
            yield section_heading(child.find("heading"), level, notes)
            yield from (section_heading(h, level + 1, notes) for h in child.findall("heading")[1:])
            yield from section_content(child, level + 1, notes)
        elif child.tag == "summary":
            if child.find("heading") is not None:
                yield section_heading(child.find("heading"), level, notes)
            yield from (styled_para("Body Text", inlines(p, notes)) for p in child.iterfind("p"))
        elif child.tag == "signature":
            yield styled_para("Body Text", inlines(child, notes))


def section_heading(el: etree._Element, level: int, notes: NoteFor) -> Node:
    """A section heading, its printed number first ("I. Heading")."""
    number = text(f"{el.get('n')}.") + [{"t": "Space"}] if el.get("n") else []
    return header(level, number + inlines(el, notes))


def numbered(el: etree._Element, notes: NoteFor) -> list[Node]:
    """A numbered paragraph: its number hanging in the margin, then its p and lists."""
    blocks: list[Node] = []
    for child in el:
        if child.tag == "list":
            blocks += list_blocks(child, 1, notes)
        elif not blocks:
            number = span("Paragraph Number", text(f"{el.get('n')}."))
            blocks.append(styled_para("Numbered Paragraph",
                                      [number, tab()] + inlines(child, notes)))
        else:
            blocks.append(styled_para("Paragraph Continued", inlines(child, notes)))
    return blocks


def list_label(lst: etree._Element, item: etree._Element, index: int) -> str:
    """The printed label of a list item: "(a)", "(ii)", "3."; @n when given."""
    style = lst.get("style")
    n = item.get("n") or (chr(ord("a") + index % 26) if style == "alpha" else
                          roman(index + 1).lower() if style == "roman" else str(index + 1))
    return f"{n}." if style == "number" else f"({n})"


def list_blocks(lst: etree._Element, depth: int, notes: NoteFor) -> list[Node]:
    """A list as paragraphs in List Bullet / List Number styles (level 2 when nested)."""
    suffix = "" if depth == 1 else " 2"
    bullet = lst.get("style") == "bullet"
    blocks: list[Node] = []
    for index, item in enumerate(lst.iterfind("item")):
        first = [] if bullet else [span("List Label", text(list_label(lst, item, index))), tab()]
        style = ("List Bullet" if bullet else "List Number") + suffix
        if item.find("p") is None and item.find("list") is None:
            blocks.append(styled_para(style, first + inlines(item, notes)))
            continue
        for child in item:
            if child.tag == "list":
                blocks += list_blocks(child, depth + 1, notes)
            elif first is not None:
                blocks.append(styled_para(style, first + inlines(child, notes)))
                first = None
            else:
                blocks.append(styled_para("List Continue" + suffix, inlines(child, notes)))
    return blocks


# ---------------------------------------------------------------------------- agendas

def agenda(el: etree._Element, notes: NoteFor, lang: str) -> Iterator[Node]:
    """The programme: its heading, then its entries (entries.py), or each day as a heading,
    a timed table and an end line; then its annexes."""
    if el.find("heading") is not None:
        yield styled_para("Agenda Heading", inlines(el.find("heading"), notes))
    yield from entries_blocks(el.findall("entry"), 2, notes, lang)
    for day in el.iterfind("day"):
        yield styled_para("Day Heading", day_heading(day, notes, lang))
        yield day_table(day, notes, lang)
        if day.find("end") is not None:
            yield styled_para("Day End", inlines(day.find("end"), notes))
    for annex in el.iterfind("annex"):
        yield from agenda_annex(annex, notes, lang)


def agenda_annex(annex: etree._Element, notes: NoteFor, lang: str) -> Iterator[Node]:
    """An annex of the agenda (R16), a top section as a paper's: its heading, its title one
    level down, then its programme of work (a note, then the table) or its prose."""
    yield section_heading(annex.find("heading"), 1, notes)
    yield from (section_heading(h, 2, notes) for h in annex.findall("heading")[1:])
    if annex.find("entry") is None:
        yield from section_content(annex, 2, notes)
        return
    yield from (styled_para("Body Text", inlines(p, notes)) for p in annex.iterfind("p"))
    yield from entries_blocks(annex.findall("entry"), 2, notes, lang)


def day_heading(day: etree._Element, notes: NoteFor, lang: str) -> list[Node]:
    """The day line: its date and its name in character styles of their own (the name in
    italics), the printed separator between, in printed order; the date alone for a day
    without heading. (A tab, or an em space, between date and name made pdftotext print
    them as two blocks, the name after the day's table: the reading of our PDFs through
    the extractors fell from 87.4% to 79.9%, every agenda read as plain prose.)"""
    heading = day.find("heading")
    if heading is None:
        return text(labels.format_date(day.get("date", ""), lang))
    parts = labels.day_heading_parts(heading.text or "", day.get("date", ""))
    if parts is None:
        return inlines(heading, notes)
    out: list[Node] = []
    for piece, is_date in parts:
        out += text(piece) if is_date is None else \
            [span("Day Date" if is_date else "Day Name", text(piece))]
    return out


def day_table(day: etree._Element, notes: NoteFor, lang: str) -> Node:
    """A day's items as a table: a time column, then everything else about the item.

    An item is two rows: its time and title (never split across pages, so the time stays
    beside the whole title), then, with an empty time cell, the rest (split where the page
    ends: a row that may not split and is taller than the page loses its end in
    LibreOffice). The writers rule the item's last row only.
    """
    words = {key: labels.label(lang, key) for key in ("time", "programme", "moderator")}
    share = float(house.house()["agenda"]["time_column"])
    head = row(cell([styled_para("Agenda Header", text(words["time"]))]),
               cell([styled_para("Agenda Header", text(words["programme"]))]))
    rows = []
    for item in day.iterfind("item"):
        title, *rest = item_blocks(item, notes, words)
        rows.append(row(cell([styled_para("Agenda Time", text(time_range(item)))]),
                        cell([title]), classes=[ITEM_HEAD] if rest else []))
        if rest:
            rows.append(row(cell([]), cell(rest), classes=[ITEM_REST]))
    return table([share, 1.0 - share], head, rows)


def time_range(item: etree._Element) -> str:
    """"09:00–10:00", or "09:00" for an item printed with a start time only."""
    end = item.get("end")
    return f"{item.get('start')}\u2013{end}" if end else item.get("start", "")


def item_blocks(item: etree._Element, notes: NoteFor, words: dict[str, str]) -> list[Node]:
    """Title, description, moderators, speakers, questions and discussion of an item."""
    blocks = [styled_para("Item Title", item_label(item) + inlines(item.find("title"), notes))]
    blocks += [styled_para("Item Description", inlines(p, notes)) for p in item.iterfind("p")]
    for mod in item.iterfind("moderator"):
        label = span("Person Label", text(f"{mod.get('label') or words['moderator']}:"))
        blocks.append(styled_para("Person", [label, {"t": "Space"}]
                                  + person(mod.find("person"), notes)))
    for rap in item.iterfind("rapporteur"):
        label = span("Person Label", text(f"{rap.get('label') or 'Rapporteur'}:"))
        blocks.append(styled_para("Person", [label, {"t": "Space"}]
                                  + person(rap.find("person"), notes)))
    speakers = item.find("speakers")
    if speakers is not None:
        if speakers.get("label"):
            blocks.append(styled_para("People Label", text(f"{speakers.get('label')}:")))
        blocks += [styled_para("Person", person(p, notes)) for p in speakers.iterfind("person")]
    questions = item.find("questions")
    if questions is not None:
        if questions.find("lead") is not None:
            blocks.append(styled_para("Question Lead", inlines(questions.find("lead"), notes)))
        blocks += [styled_para("Question", inlines(q, notes))
                   for q in questions.iterfind("question")]
    if item.find("discussion") is not None:
        blocks.append(styled_para("Discussion", inlines(item.find("discussion"), notes)))
    return blocks


def item_label(item: etree._Element) -> list[Node]:
    """"Session I: " before a numbered item's title (R3); nothing for other items."""
    n, label = item.get("n"), item.get("label")
    if not n:
        return []
    words = f"{label} {n}:" if label else f"{n}."
    return [span("Item Label", text(words)), {"t": "Space"}]


def person(el: etree._Element, notes: NoteFor) -> list[Node]:
    """"Name, role": the name in the Person Name character style."""
    out = text(el.findtext("honorific")) + [{"t": "Space"}] if el.find("honorific") is not None else []
    out += [span("Person Name", text(el.findtext("name", "")))]
    role = el.find("role")
    if role is not None:
        out += [{"t": "Str", "c": ","}, {"t": "Space"}] + inlines(role, notes)
    if el.find("talk") is not None:
        out += [{"t": "Space"}, {"t": "Str", "c": "\u2013"}, {"t": "Space"}] + inlines(el.find("talk"), notes)
    return out

