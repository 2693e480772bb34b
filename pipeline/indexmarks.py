"""The index's account of the last build: a status line linking the build report, a list
of the documents that failed, and on each language version that failed or carries warnings
a note saying so (a failed edit leaves the old outputs: the note says they are stale)."""
from __future__ import annotations

from lxml import etree

from .writers.html.tree import add, el, sub

MARK_CSS = """
.build-status { font-weight: bold; }
.build-mark { margin: 0.25rem 0 0.5rem; }
.build-mark.failed, .failed-docs h2 { color: var(--accent, inherit); font-weight: bold; }
.failed-docs { border: 2px solid currentColor; padding: 0 1rem 0.5rem; margin: 1rem 0; }
"""


def report_link(report: str, name: str, text: str) -> etree._Element:
    """A link to a document's entry in the report, its name said for screen readers."""
    link = el("a", {"href": f"{report}#doc-{name}"}, text)
    add(link, el("span", {"class": "visually-hidden"}, f" ({name})"))
    return link


def mark_index(body: etree._Element, versions: list, marks: dict[str, str],
               report: str | None) -> None:
    """Add the status line, the failed list and each version's note to the index body."""
    failed = sorted(n for n, m in marks.items() if m.startswith("failed"))
    warned = sorted(n for n, m in marks.items() if not m.startswith("failed"))
    if report:
        status = sub(body.find("header"), "p", {"class": "build-status"},
                     f"Last build: {len(failed)} failed, {len(warned)} with warnings. ")
        sub(status, "a", {"href": report}, "Build report")
    main = body.find("main")
    if failed and report:
        main.insert(0, failed_section(failed, marks, report))
    for version in versions:
        mark = marks.get(version.name)
        item = body.xpath(".//li[@class='version'][.//a[@href=$h]]", h=version.xml_href)
        if mark and item:
            item[0].insert(1, version_mark(version.name, mark, report))


def failed_section(failed: list[str], marks: dict[str, str], report: str) -> etree._Element:
    """The documents whose last build failed, each linked to its errors."""
    section = el("section", {"class": "failed-docs", "aria-labelledby": "failed-heading"})
    sub(section, "h2", {"id": "failed-heading"}, "Failed in the last build")
    listing = sub(section, "ul")
    for name in failed:
        item = sub(listing, "li", None, el("span", {"translate": "no"}, name), ": ")
        add(item, "its files below are from an earlier version of the source; "
            if "stale" in marks[name] else "nothing published yet; ")
        item.append(report_link(report, name, "see the errors"))
    return section


def version_mark(name: str, mark: str, report: str | None) -> etree._Element:
    """The note on one language version: failed and stale, or its warnings."""
    if mark.startswith("failed"):
        note = el("p", {"class": "build-mark failed"}, el("strong", None, "Failed in the last "
                  "build:"), " the files below are from an earlier version of the source. ")
        if report:
            note.append(report_link(report, name, "See the errors"))
        return note
    note = el("p", {"class": "build-mark"})
    if report:
        note.append(report_link(report, name, mark))
    else:
        add(note, mark)
    add(note, " in the last build")
    return note
