"""The redline DOCX: the current revision with real tracked changes against the earlier one.

After the title and the summary (plain text), every unit of the document is a paragraph in
reading order. Words inserted are ``w:ins``, words deleted ``w:del`` (their text in
``w:delText``), each with one ``w:author`` and ``w:date`` (given, else AUTHOR and a fixed
date); a unit added
or removed also has its paragraph mark inserted or deleted, and a moved unit is deleted where
it was and inserted where it is. So Accept All in Word or LibreOffice gives the current
text, Reject All the earlier one. Paragraph and footnote numbers lead their paragraph, and a
renumbering is tracked like any other change.
"""
from __future__ import annotations

import datetime as dt

from lxml import etree

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import labels
from .diff import Entry, Op, Revision, summary
from .docx import FIXED_DATE, add_block, new_document, paragraph, run, segment_runs, to_bytes
from .units import Unit

AUTHOR = "pipeline diff"
DATE = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
#: Paragraph style of each kind of unit (others are Normal).
STYLES = {"heading": "Heading 3", "day": "Heading 3", "meta": "Subtitle", "footnote": "Normal"}


class Revisions:
    """Makes w:ins / w:del elements with ids 1, 2, 3... (unique in the document)."""

    def __init__(self, author: str = AUTHOR, date: str = DATE) -> None:
        """Start numbering at 1; every mark by author, on date (ISO 8601, UTC)."""
        self.next_id = 0
        self.author, self.date = author, date

    def mark(self, tag: str) -> etree._Element:
        """A new w:ins or w:del with the next id, the author and the fixed date."""
        self.next_id += 1
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    def wrap(self, tag: str, runs: list[etree._Element]) -> etree._Element:
        """Runs inside a new w:ins or w:del."""
        el = self.mark(tag)
        for r in runs:
            el.append(r)
        return el


def redline(rev: Revision, ui: str | None = None, author: str = AUTHOR,
            when: dt.datetime = FIXED_DATE) -> bytes:
    """The DOCX of ``rev`` with tracked changes (see the module docstring), its changes and
    core properties by author on when."""
    ui = ui or rev.lang
    title = labels.label(ui, "diff_title", title=rev.title)
    doc = new_document(ui, title)
    doc.core_properties.author = doc.core_properties.last_modified_by = author
    doc.core_properties.created = doc.core_properties.modified = when
    add_block(doc, paragraph([run(title, ui)], "Title"))
    add_block(doc, paragraph([run(labels.label(ui, "summary"), ui)], "Heading 2"))
    for line in summary(rev, ui) or [labels.label(ui, "no_change")]:
        add_block(doc, paragraph([run(line, ui)], "List Bullet"))
    add_block(doc, paragraph([run(labels.label(ui, "text_with_changes"), ui)], "Heading 2"))
    marks = Revisions(author, when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    for entry in rev.entries:
        add_block(doc, unit_paragraph(entry, rev.lang, marks))
    return to_bytes(doc)


def unit_paragraph(entry: Entry, lang: str, marks: Revisions) -> etree._Element:
    """One unit as a paragraph with its changes tracked."""
    p = paragraph([], _style(entry.unit))
    prefix_old, prefix_new = _prefix(entry.old), _prefix(entry.new)
    whole = _whole(entry)
    if whole:
        deleted = whole == "w:del"
        prefix = prefix_old if deleted else prefix_new
        runs = ([run(prefix, lang, deleted=deleted)] if prefix else []) + segment_runs(
            (entry.old if deleted else entry.new).segments, lang, deleted)
        p.append(marks.wrap(whole, runs))
        _mark_paragraph(p, marks.mark(whole))
        return p
    if prefix_old != prefix_new:
        p.append(marks.wrap("w:del", [run(prefix_old, lang, deleted=True)]))
        p.append(marks.wrap("w:ins", [run(prefix_new, lang)]))
    elif prefix_new:
        p.append(run(prefix_new, lang))
    for op in entry.ops:
        _add_op(p, op, lang, marks)
    return p


def _whole(entry: Entry) -> str | None:
    """"w:ins" or "w:del" when the whole unit is inserted or deleted, else None."""
    if entry.status == "added" or entry.status == "moved" and entry.old is not None \
            and entry.new is not None:
        return "w:ins"
    if entry.status == "removed" or entry.status == "moved" and entry.new is None:
        return "w:del"
    return None


def _add_op(p: etree._Element, op: Op, lang: str, marks: Revisions) -> None:
    """Equal text as plain runs, insertions in w:ins, deletions in w:del."""
    kind, segments = op
    if kind == "equal":
        for r in segment_runs(segments, lang):
            p.append(r)
    elif kind == "insert":
        p.append(marks.wrap("w:ins", segment_runs(segments, lang)))
    else:
        p.append(marks.wrap("w:del", segment_runs(segments, lang, deleted=True)))


def _mark_paragraph(p: etree._Element, mark: etree._Element) -> None:
    """Track the paragraph mark itself (w:pPr/w:rPr/w:ins or w:del)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = OxmlElement("w:rPr")
    rpr.append(mark)
    ppr.append(rpr)


def _prefix(unit: Unit | None) -> str:
    """The printed number that leads a paragraph or footnote: "5. ", "2 "."""
    if unit is None:
        return ""
    if unit.kind == "para":
        return f"{unit.ref}. "
    if unit.kind == "footnote":
        return f"{unit.ref} "
    return ""


def _style(unit: Unit) -> str | None:
    """The paragraph style name of a unit's kind (python-docx template style ids)."""
    name = STYLES.get(unit.kind)
    return name.replace(" ", "") if name else None
