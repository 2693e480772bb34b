"""The comparison reports as accessible HTML pages (side by side; changes).

Both pages have the shape of the document pages: ``lang`` on the page, a skip link, a
banner with the one h1, ``main`` with the summary first. The side-by-side page is one table
(caption, column and row headers, ``lang`` on each version's cells); a flag is text with an
icon, never colour alone. The changes page marks words with ``ins``/``del``, each starting
with a visually hidden "inserted:"/"deleted:" so that screen readers announce them.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree

from ..writers.html import house_css, serialize
from ..writers.html.tree import add, el, layout, sub
from ..writers.labels import direction, language_name
from . import labels
from .diff import Entry, Op, Revision, summary
from .flags import Check, Row
from .units import Segment, Unit

FLAG_ICON = "⚠"
OK_ICON = "✓"


@lru_cache(maxsize=1)
def compare_css() -> str:
    """The style sheet of the comparison pages (after the house style)."""
    return resources.files(__package__).joinpath("compare.css").read_text(encoding="utf-8")


def page(ui: str, title: str, heading: etree._Element, main: list[etree._Element]) -> str:
    """A whole page: head, skip link, banner with ``heading``, main holding ``main``."""
    root = el("html", {"lang": ui, "dir": direction(ui)})
    head = sub(root, "head")
    sub(head, "meta", {"charset": "utf-8"})
    sub(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    sub(head, "meta", {"name": "color-scheme", "content": "light dark"})
    sub(head, "title", None, title)
    sub(head, "style", None, house_css() + "\n" + compare_css())
    body = sub(root, "body", {"class": "compare"})
    sub(body, "a", {"class": "skip-link", "href": "#main"}, labels.label(ui, "skip"))
    sub(body, "header", {"class": "banner"}, heading)
    add(sub(body, "main", {"id": "main", "tabindex": "-1"}), *main)
    layout(root)
    return serialize(root)


def add_segments(parent: etree._Element, segments: tuple[Segment, ...]) -> etree._Element:
    """Text with line breaks for newlines and superscript footnote numbers."""
    for kind, value in segments:
        if kind == "note":
            sub(parent, "sup", {"class": "noteref"}, value)
            continue
        for i, line in enumerate(value.split("\n")):
            if i:
                sub(parent, "br")
            add(parent, line)
    return parent


def name(unit: Unit | None, ui: str) -> str:
    """A unit's name in the interface language."""
    return labels.unit_name(unit.kind, unit.ref, unit.context, ui) if unit else ""


# ----------------------------------------------------------------------------- side by side

def align_page(check: Check, ui: str, pages: tuple[str | None, str | None] = (None, None)) -> str:
    """The side-by-side page of two language versions, with their QA flags; pages are the
    two documents' HTML pages (relative links), each row linking to its units there."""
    la, lb = check.lang_a, check.lang_b
    title = labels.label(ui, "align_title", a=check.title_a, b=check.title_b)
    h1 = el("h1", None, labels.colon(ui, labels.label(ui, "align_h")),
            el("span", {"lang": la}, check.title_a), " / ", el("span", {"lang": lb}, check.title_b))
    views = el("p", {"class": "views"}, el("a", {"href": "#flags-only"}, labels.label(ui, "view_flags")),
               " · ", el("a", {"href": "#aligned"}, labels.label(ui, "view_all")))
    rows = el("div", {"class": "rows"}, el("span", {"id": "flags-only"}),
              _align_table(check, ui, pages))
    return page(ui, title, h1, [_align_summary(check, ui), views, rows])


def _align_summary(check: Check, ui: str) -> etree._Element:
    """Counts of units, matches, footnotes and flags."""
    section = el("section", {"aria-labelledby": "summary-heading"})
    sub(section, "h2", {"id": "summary-heading"}, labels.label(ui, "summary"))
    items = sub(section, "ul", {"class": "summary"})
    for line in labels.check_summary(check.counts, check.lang_a, check.lang_b, ui):
        sub(items, "li", None, line)
    flagged = [(i, row) for i, row in enumerate(check.rows, 1) if row.flags]
    if flagged:
        sub(section, "h3", {"id": "flag-list"}, labels.label(ui, "flag_list"))
        links = sub(section, "ul", {"class": "flag-list", "aria-labelledby": "flag-list"})
        for i, row in flagged:
            what = "; ".join(labels.flag_text(f, check.lang_a, check.lang_b, ui)[0] for f in row.flags)
            sub(sub(links, "li"), "a", {"href": f"#row-{i}"},
                labels.colon(ui, name(row.a or row.b, ui)) + what)
    return section


def _align_table(check: Check, ui: str, pages: tuple[str | None, str | None]) -> etree._Element:
    """The table: unit, version A, version B, QA flags; one row per aligned unit."""
    table = el("table", {"class": "aligned", "id": "aligned"})
    sub(table, "caption", None, labels.label(ui, "caption_align"))
    head = sub(sub(table, "thead"), "tr")
    sub(head, "th", {"scope": "col"}, labels.label(ui, "unit"))
    for lang in (check.lang_a, check.lang_b):
        sub(head, "th", {"scope": "col", "lang": lang}, f"{language_name(lang)} ({lang})")
    sub(head, "th", {"scope": "col"}, labels.label(ui, "flags"))
    body = sub(table, "tbody")
    days = [{u.key[1]: u.loose[1] for u in side if u and u.kind == "day"}
            for side in ([r.a for r in check.rows], [r.b for r in check.rows])]
    for i, row in enumerate(check.rows, 1):
        body.append(_align_row(row, i, check, ui, pages, days))
    return table


def anchor(unit: Unit, days: dict[str, int]) -> str | None:
    """The id of a unit in its document's HTML page (writers/html), when it has one; days
    maps a date to the day's rank."""
    if unit.kind == "para" and unit.key[0] == "para":
        return f"para-{unit.ref}"
    if unit.kind == "footnote":
        return f"fn{unit.ref}"
    if unit.kind == "day":
        return f"day-{unit.loose[1]}"
    if unit.kind == "item" and unit.key[1] in days:
        return f"day-{days[unit.key[1]]}-item-{unit.loose[2]}"
    return None


def _align_row(row: Row, i: int, check: Check, ui: str, pages: tuple[str | None, str | None],
               days: list[dict[str, int]]) -> etree._Element:
    """One row: the unit's name(s) with links to both pages, both texts, the flags."""
    tr = el("tr", {"id": f"row-{i}", "class": "flagged" if row.flags else None})
    names = [name(row.a, ui), name(row.b, ui)]
    names = [n for n in dict.fromkeys(names) if n]
    th = sub(tr, "th", {"scope": "row"}, " / ".join(names))
    for unit, href, lang, side in zip((row.a, row.b), pages, (check.lang_a, check.lang_b), days):
        target = anchor(unit, side) if unit is not None and href else None
        if target:
            label = labels.label(ui, "in_page", language=labels.language_in(lang, ui))
            add(th, " ", el("a", {"href": f"{href}#{target}", "class": "to-page",
                                  "aria-label": f"{names[0]} {label}", "hreflang": lang}, lang))
    for unit, lang in ((row.a, check.lang_a), (row.b, check.lang_b)):
        if unit is None:
            sub(tr, "td", {"lang": lang, "class": "text absent"},
                el("span", {"lang": ui}, labels.label(ui, "absent")))
        else:
            add_segments(sub(tr, "td", {"lang": lang, "class": "text"}), unit.segments)
    tr.append(_flag_cell(row, check, ui))
    return tr


def _flag_cell(row: Row, check: Check, ui: str) -> etree._Element:
    """The QA column: each flag as icon + text, or OK."""
    td = el("td", {"class": "qa"})
    if not row.flags:
        cell = sub(td, "span", {"class": "ok"}, el("span", {"class": "icon", "aria-hidden": "true"},
                                                   OK_ICON), labels.label(ui, "ok"))
        if row.see:
            see = labels.label(ui, "see", unit=name(row.see, ui))
            add(cell, " ", el("span", {"class": "see"}, f"({see})"))
        return td
    items = sub(td, "ul", {"class": "flags"})
    for flag in row.flags:
        what, detail = labels.flag_text(flag, check.lang_a, check.lang_b, ui)
        li = sub(items, "li", {"class": f"flag flag-{flag.kind}"})
        sub(li, "span", {"class": "icon", "aria-hidden": "true"}, FLAG_ICON)
        sub(li, "strong", None, what)
        if detail:
            add(li, f" — {detail}")
    return td


# ----------------------------------------------------------------------------- changes

def diff_page(rev: Revision, ui: str | None = None) -> str:
    """The page of changes between two revisions, in the document's language."""
    ui = ui or rev.lang
    title = labels.label(ui, "diff_title", title=rev.title)
    h1 = el("h1", None, title)
    section = el("section", {"aria-labelledby": "summary-heading"})
    sub(section, "h2", {"id": "summary-heading"}, labels.label(ui, "summary"))
    lines = summary(rev, ui) or [labels.label(ui, "no_change")]
    for line in lines:
        sub(section, "p", None, line)
    changes = el("section", {"aria-labelledby": "changes-heading"})
    sub(changes, "h2", {"id": "changes-heading"}, labels.label(ui, "changes"))
    for i, entry in enumerate(e for e in rev.edits() if e.status != "renumbered"):
        changes.append(_edit(entry, i + 1, rev.lang, ui))
    renumbered = [e for e in rev.edits() if e.status == "renumbered"]
    if renumbered:
        changes.append(_renumber_table(renumbered, ui))
    return page(ui, title, h1, [section, changes])


def _edit(entry: Entry, i: int, lang: str, ui: str) -> etree._Element:
    """One changed, added, removed or moved unit, with its words marked."""
    section = el("section", {"class": f"edit edit-{entry.status}", "id": f"edit-{i}"})
    heading = labels.colon(ui, labels.label(ui, "edit." + entry.status)) + name(entry.unit, ui)
    old = entry.old
    if old is not None and entry.new is not None and name(old, ui) != name(entry.new, ui):
        heading += " " + labels.label(ui, "were", old=name(old, ui))
    sub(section, "h3", None, heading)
    add_ops(sub(section, "p", {"lang": lang}), entry.ops, ui)
    return section


def add_ops(parent: etree._Element, ops: list[Op], ui: str) -> etree._Element:
    """A word diff: equal text as is, insertions in ins, deletions in del."""
    for op, segments in ops:
        if op == "equal":
            add_segments(parent, segments)
            continue
        tag, key = ("ins", "inserted") if op == "insert" else ("del", "deleted")
        mark = sub(parent, tag)
        sub(mark, "span", {"class": "visually-hidden", "lang": ui}, labels.label(ui, key) + " ")
        add_segments(mark, segments)
    return parent


def _renumber_table(entries: list[Entry], ui: str) -> etree._Element:
    """Units that only changed number: earlier and current numbers."""
    table = el("table", {"class": "aligned renumbered"})
    sub(table, "caption", None, labels.label(ui, "caption_renum"))
    head = sub(sub(table, "thead"), "tr")
    sub(head, "th", {"scope": "col"}, labels.label(ui, "new"))
    sub(head, "th", {"scope": "col"}, labels.label(ui, "old"))
    body = sub(table, "tbody")
    for e in entries:
        tr = sub(body, "tr")
        sub(tr, "th", {"scope": "row"}, name(e.new, ui))
        sub(tr, "td", None, name(e.old, ui))
    return table
