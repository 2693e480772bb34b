"""The outline of a document (days or sections, then notes), for tables of contents."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .agenda import day_title
from .tree import Context, el, sub, text_of


@dataclass
class Entry:
    """One entry of a table of contents: target id, text, sub-entries."""

    target: str
    text: str
    children: list["Entry"] = field(default_factory=list)


def outline(ctx: Context, doc: etree._Element, depth: int = 2) -> list[Entry]:
    """Days and annexes (agenda) or sections down to ``depth`` levels (paper), then the footnotes."""
    if doc.find("agenda") is not None:
        days = doc.find("agenda").findall("day")
        entries = [Entry(f"day-{i}", day_title(ctx, d)) for i, d in enumerate(days, start=1)]
        entries += [Entry(f"annex-{k}-heading", text_of(a.find("heading")))  # (R16)
                    for k, a in enumerate(doc.find("agenda").findall("annex"), start=1)]
    else:
        entries = sections(doc.find("body"), "sec", depth)
    if doc.find("footnotes") is not None:
        entries.append(Entry("footnotes", ctx.label("footnotes")))
    return entries


def sections(parent: etree._Element | None, path: str, depth: int) -> list[Entry]:
    """Entries for the sections under ``parent``, ids numbered as the renderer numbers them."""
    if parent is None or depth <= 0:
        return []
    out = []
    found = [c for c in parent if c.tag in ("section", "annex")]  # numbered as blocks() does
    for i, sec in enumerate(found, start=1):
        head = sec.find("heading")
        number = f"{head.get('n')}. " if head is not None and head.get("n") else ""
        target = f"{path}-{i}"
        out.append(Entry(target, number + text_of(head), sections(sec, target, depth - 1)))
    return out


def toc_list(entries: list[Entry], href_prefix: str = "") -> etree._Element:
    """A nested ordered list of links to the entries."""
    listing = el("ol")
    for entry in entries:
        li = sub(listing, "li")
        sub(li, "a", {"href": f"{href_prefix}#{entry.target}"}, entry.text)
        if entry.children:
            li.append(toc_list(entry.children, href_prefix))
    return listing
