"""What the last build did, for the officer who ran it: ``build/report.json`` and
``build/report.html`` (per document its state, warnings and errors with their lines, the
outputs written, those kept from an earlier build, and the seconds it took), and the
closing summary line.

A document that failed keeps the outputs of its last good build: they are listed as
``stale`` (made from an earlier version of the source), and the index says so.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import writers
from .documents import doc_name
from .fsutil import atomic_write
from .progress import plural

#: The states of a document, in the order the report lists them.
STATES = ("failed", "built", "up to date")


@dataclass
class Row:
    """One document of the report."""

    source: str
    name: str
    state: str
    seconds: float
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


def state_of(ok: bool, built: list) -> str:
    """failed, built or up to date."""
    return "failed" if not ok else "built" if built else "up to date"


def previous(out: Path) -> dict[str, dict]:
    """The rows of the last report, by source (an up-to-date document keeps its warnings)."""
    try:
        rows = json.loads((out / "report.json").read_text("utf-8"))["documents"]
        return {r["source"]: r for r in rows}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_reports(out: Path, rows: list[Row], ignored: list[str] | None = None) -> None:
    """build/report.json and build/report.html (with the inputs that were not built)."""
    data = {"documents": [{k: v for k, v in r.__dict__.items() if k != "name"} for r in rows],
            "ignored": ignored or []}
    atomic_write(out / "report.json", json.dumps(data, indent=1, ensure_ascii=False))
    atomic_write(out / "report.html", render_html(rows, out, ignored or []))


def summary(rows: list[Row], where: Path) -> str:
    """The closing line: documents built, up to date and failed, and the warnings."""
    states = [r.state for r in rows]
    warnings = sum(len(r.warnings) for r in rows if r.state != "up to date")
    return (f"pipeline: {len(rows)} documents: {states.count('built')} built, "
            f"{states.count('up to date')} up to date, {states.count('failed')} failed; "
            f"{plural(warnings, 'warning')} (details: {where})")


def anchor(name: str) -> str:
    """The id of a document's entry in report.html."""
    return f"doc-{name}"


def render_html(rows: list[Row], out: Path, ignored: list[str] | None = None) -> str:
    """report.html: a summary table, then one section per document with its messages."""
    from .writers.html import house_css, serialize
    from .writers.html.tree import el, layout, sub

    page = el("html", {"lang": "en", "dir": "ltr"})
    head = sub(page, "head")
    sub(head, "meta", {"charset": "utf-8"})
    sub(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    sub(head, "meta", {"name": "color-scheme", "content": "light dark"})
    sub(head, "title", None, "Build report")
    sub(head, "style", None, house_css() + REPORT_CSS)
    body = sub(page, "body", {"class": "report"})
    sub(body, "a", {"class": "skip-link", "href": "#main"}, "Skip to content")
    banner = sub(body, "header", {"class": "banner title-block"})
    sub(banner, "h1", None, "Build report")
    sub(banner, "p", {"class": "subtitle"}, summary(rows, Path("report.json")).split(": ", 1)[1])
    sub(sub(banner, "p"), "a", {"href": "index.html"}, "All documents (index)")
    main = sub(body, "main", {"id": "main", "tabindex": "-1"})
    main.append(overview(rows))
    if ignored:
        section = sub(main, "section", {"class": "report-ignored", "id": "ignored"})
        sub(section, "h2", None, f"Inputs not built ({len(ignored)})")
        listing = sub(section, "ul", {"class": "messages"})
        for message in ignored:
            sub(sub(listing, "li"), "code", None, message)
    for row in sorted(rows, key=lambda r: (STATES.index(r.state), r.name)):
        main.append(details(row, out))
    layout(page)
    return serialize(page)


def overview(rows: list[Row]) -> etree._Element:
    """The table of every document: name, state, warnings, errors, seconds."""
    from .writers.html.tree import el, sub

    table = el("table", {"class": "report-table"})
    sub(table, "caption", None, "Every document of the last build")
    head = sub(sub(table, "thead"), "tr")
    for title in ("Document", "State", "Warnings", "Errors", "Seconds"):
        sub(head, "th", {"scope": "col"}, title)
    body = sub(table, "tbody")
    for row in sorted(rows, key=lambda r: (STATES.index(r.state), r.name)):
        tr = sub(body, "tr", {"class": f"state-{row.state.replace(' ', '-')}"})
        sub(sub(tr, "th", {"scope": "row"}), "a", {"href": f"#{anchor(row.name)}"}, row.name)
        sub(tr, "td", None, row.state + (" (outputs stale)" if row.stale else ""))
        sub(tr, "td", None, str(len(row.warnings)))
        sub(tr, "td", None, str(len(row.errors)))
        sub(tr, "td", None, f"{row.seconds:.2f}")
    return table


def details(row: Row, out: Path) -> etree._Element:
    """One document: its source, state, time, errors, warnings and outputs."""
    from .index import href
    from .writers.html.tree import el, sub

    section = el("section", {"class": "report-doc", "id": anchor(row.name)})
    sub(section, "h2", None, el("span", {"translate": "no"}, row.name), f" — {row.state}")
    sub(section, "p", None, f"Source {row.source}; {row.seconds:.2f} s.")
    if row.stale:
        sub(section, "p", {"class": "stale"}, "The outputs below are from an earlier version of "
            "the source: the last edit did not build. Fix the errors and run make all again.")
    for title, messages in (("Errors", row.errors), ("Warnings", row.warnings)):
        if messages:
            sub(section, "h3", None, f"{title} ({len(messages)})")
            listing = sub(section, "ul", {"class": f"messages {title.lower()}"})
            for message in messages:
                sub(sub(listing, "li"), "code", None, message)
    files = row.stale or row.outputs
    if files:
        sub(section, "h3", None, "Stale outputs" if row.stale else "Written")
        listing = sub(section, "ul", {"class": "outputs"})
        for path in files:
            sub(sub(listing, "li"), "a", {"href": href(Path(path), out)}, path)
    return section


REPORT_CSS = """
.report-table { border-collapse: collapse; margin: 1rem 0; }
.report-table th, .report-table td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem;
  text-align: left; }
.report-table caption { text-align: left; font-weight: bold; margin-bottom: 0.25rem; }
.messages code { white-space: pre-wrap; overflow-wrap: anywhere; }
.stale, .state-failed td:nth-child(2) { font-weight: bold; }
"""


def expected_outputs(source: Path, plan) -> list[Path]:
    """The XML and formats a source makes (a draft: its XML under drafts/)."""
    name = doc_name(source)
    if source in plan.drafts:
        return [plan.out / "drafts" / f"{name}.xml"]
    return [plan.out / "xml" / f"{name}.xml"] + [
        plan.out / writers.REGISTRY[f].name / f"{name}.{writers.REGISTRY[f].ext}"
        for f in plan.formats]


def report_rows(plan, documents: list) -> list[Row]:
    """The report's rows: an up-to-date document keeps the warnings of the build that made
    it; a failed one lists the outputs it kept from an earlier build as stale."""
    before = previous(plan.out)
    rows = []
    for source, o in zip(plan.sources + plan.drafts, documents):
        errors, warnings = ([m for m in o.messages if (": warning: " in m) is w] for w in (False, True))
        row = Row(o.label, doc_name(source), state_of(o.ok, o.built), o.seconds, warnings,
                  errors, sorted(map(str, o.built)))
        if row.state == "up to date" and o.label in before:
            row.warnings = before[o.label].get("warnings", [])
        if not o.ok:
            row.stale = [str(p) for p in expected_outputs(source, plan)
                         if p.exists() and p not in o.built]
        rows.append(row)
    return rows


def index_marks(rows: list[Row]) -> dict[str, str]:
    """What the index says of a document: failed (with or without stale outputs), or its
    warnings; nothing when it is clean."""
    marks = {}
    for row in rows:
        if row.state == "failed":
            marks[row.name] = "failed, stale" if row.stale else "failed"
        elif row.warnings:
            marks[row.name] = plural(len(row.warnings), "warning")
    return marks
