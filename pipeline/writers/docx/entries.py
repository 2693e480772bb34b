"""A provisional agenda's entries in the document's AST (R13), for the DOCX and ODT writers.

An entry that does not say when it meets is a heading ("1. Title"), its annotations, its
documents ("title (symbol)") and its sub-items, one level deeper. Entries that say when
they meet (a programme of work; writers/work.py groups them and makes the rows) are one
table, its header row repeated on each page::

    header row     Agenda Header: "Date and time" | "Item" | "Subject"
    a day          one cell across the table, in Programme Day
    an entry       Agenda Time: its meeting's time | its number
                   | Item Title: its title, then Item Description: its annotations, its
                   documents (List Bullet), its sub-items ("(a) title")
"""
from __future__ import annotations

from lxml import etree

from .. import work
from . import house
from .ast import Node, NoteFor, cell, header, inlines, row, styled_para, table, text

#: The share of the text width of a programme of work's item column.
ITEM_COLUMN = 0.1


def entries_blocks(entries: list[etree._Element], level: int, notes: NoteFor,
                   lang: str) -> list[Node]:
    """Sibling entries in order: each run that says when it meets as a table, the others
    as headings at ``level``."""
    blocks: list[Node] = []
    for part in work.segments(entries):
        if isinstance(part, list):
            blocks.append(work_table(part, notes, lang))
        else:
            blocks += entry_blocks(part, level, notes, lang)
    return blocks


def entry_blocks(entry: etree._Element, level: int, notes: NoteFor, lang: str) -> list[Node]:
    """A numbered item: its number and title as a heading, its annotations, its
    documents, its sub-items."""
    n = entry.get("n", "")
    number = text(f"{n}." if n[:1].isdigit() else f"({n})") + [{"t": "Space"}]
    blocks = [header(level, number + inlines(entry.find("title"), notes))]
    for child in entry:
        if child.tag == "p":
            blocks.append(styled_para("Body Text", inlines(child, notes)))
        elif child.tag == "documents":
            blocks += document_blocks(child, notes)
        elif child.tag == "entry" and child.getprevious().tag != "entry":  # the first of them
            blocks += entries_blocks(entry.findall("entry"), level + 1, notes, lang)
    return blocks


def document_blocks(documents: etree._Element, notes: NoteFor) -> list[Node]:
    """The documents under an item: the printed label, then "title (symbol)" bulleted."""
    blocks = []
    if documents.get("label"):
        blocks.append(styled_para("People Label", text(documents.get("label"))))
    for doc in documents.iterfind("doc"):
        symbol = [{"t": "Space"}] + text(f"({doc.get('symbol')})") if doc.get("symbol") else []
        blocks.append(styled_para("List Bullet", inlines(doc, notes) + symbol))
    return blocks


def work_table(entries: list[etree._Element], notes: NoteFor, lang: str) -> Node:
    """The table of a run of entries that say when they meet."""
    share = float(house.house()["agenda"]["time_column"])
    head = row(*(cell([styled_para("Agenda Header", text(label))])
                 for label in work.header(lang)))
    rows = []
    for r in work.rows(entries):
        if r.day is not None:
            day = styled_para("Programme Day", text(work.day_label(r.day, lang)))
            rows.append(row(cell([day], columns=len(work.HEADER))))
        time = [styled_para("Agenda Time", text(r.time))] if r.time else []
        number = styled_para("Agenda Time", text(work.number(r.entry)))
        rows.append(row(cell(time), cell([number]), cell(subject(r.entry, notes))))
    return table([share, ITEM_COLUMN, 1.0 - share - ITEM_COLUMN], head, rows)


def subject(entry: etree._Element, notes: NoteFor, label: str = "") -> list[Node]:
    """The subject cell: the title, the annotations, the documents, the sub-items (each
    with its printed letter)."""
    blocks = [styled_para("Item Title", text(label) + inlines(entry.find("title"), notes))]
    for child in entry:
        if child.tag == "p":
            blocks.append(styled_para("Item Description", inlines(child, notes)))
        elif child.tag == "documents":
            blocks += document_blocks(child, notes)
        elif child.tag == "entry":
            blocks += subject(child, notes, f"({child.get('n')}) ")
    return blocks
