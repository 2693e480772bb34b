"""A programme of work's meetings as an HTML table (writers/work.py says which entries and
which rows), and the documents listed under an item.

    <table class="work">
      <thead><tr><th scope="col">Date and time</th><th scope="col">Item</th> ...</tr></thead>
      <tbody>                                   (one per day)
        <tr><th scope="rowgroup" colspan="3"><time datetime="2029-04-09">9 April 2029</time>
        <tr id="entry-1"><th scope="row"><p class="when"><time ...>10:00</time>...
            <td class="entry-num">1</td><td><p class="entry-title">Election ...</p> ...</td>

The time heads its row, the day every row of its tbody.
"""
from __future__ import annotations

from typing import Callable

from lxml import etree

from .. import work
from .content import inline
from .tree import Context, add, copy_translate, el, sub


def documents(ctx: Context, src: etree._Element) -> list[etree._Element]:
    """The documents under an item: the printed label, then each title and its symbol."""
    out = []
    if src.get("label"):
        out.append(el("p", {"class": "documents-label"}, src.get("label")))
    docs = el("ul", {"class": "documents"})
    for doc in src.iterfind("doc"):
        li = copy_translate(doc, inline(ctx, doc, el("li")))
        if doc.get("symbol"):
            add(li, " ", el("span", {"class": "symbol"}, f"({doc.get('symbol')})"))
        docs.append(li)
    return out + [docs]


def work_table(ctx: Context, entries: list[etree._Element],
               entry_id: Callable[[etree._Element], str]) -> etree._Element:
    """The table of a run of entries that say when they meet; ``entry_id`` names each row."""
    table = el("table", {"class": "work"})
    head = sub(sub(table, "thead"), "tr")
    for label in work.header(ctx.lang):
        sub(head, "th", {"scope": "col"}, label)
    body = None
    for r in work.rows(entries):
        if r.day is not None or body is None:
            body = sub(table, "tbody")
        if r.day is not None:
            day = sub(sub(body, "tr"), "th", {"scope": "rowgroup", "colspan": str(len(work.HEADER)),
                                             "class": "work-day"})
            sub(day, "time", {"datetime": r.day}, work.day_label(r.day, ctx.lang))
        tr = sub(body, "tr", {"id": entry_id(r.entry)})
        if r.time is not None:  # the time heads its row
            sub(tr, "th", {"scope": "row", "class": "work-time"}).append(when(r.entry))
        else:
            sub(tr, "td", {"class": "work-time"})
        sub(tr, "td", {"class": "entry-num"}, work.number(r.entry))
        tr.append(subject(ctx, r.entry, el("td", {"class": "subject"})))
    return table


def when(entry: etree._Element) -> etree._Element:
    """The meeting's time, start and end as machine-readable <time> elements."""
    day, start, end = entry.get("day"), entry.get("start"), entry.get("end")
    out = el("p", {"class": "when"}, el("time", {"datetime": stamp(day, start)}, start))
    if end:
        add(out, el("span", {"class": "dash"}, "\u2013"),
            el("time", {"datetime": stamp(day, end)}, end))
    return out


def stamp(day: str | None, time: str) -> str:
    """A <time>'s datetime: "2029-04-09T10:00", or the time alone without a day."""
    return f"{day}T{time}" if day else time


def subject(ctx: Context, src: etree._Element, cell: etree._Element,
            label: str = "") -> etree._Element:
    """The subject cell: the title, the annotations, the documents, the sub-items (each
    with its printed letter)."""
    title = el("p", {"class": "entry-title"}, label)
    cell.append(copy_translate(src.find("title"), inline(ctx, src.find("title"), title)))
    for child in src:
        if child.tag == "p":
            cell.append(copy_translate(child, inline(ctx, child, el("p", {"class": "annotation"}))))
        elif child.tag == "documents":
            add(cell, *documents(ctx, child))
        elif child.tag == "entry":
            subject(ctx, child, cell, f"({child.get('n')}) ")
    return cell
