"""Tracked changes between two DOCX renderings of one document (the old and the new revision).

``track(old, new, marks)`` returns the new DOCX with every difference from the old one
recorded as Word revisions, so that Accept All gives the new document and Reject All the
old one, each exactly as the DOCX writer lays it out (house styles, agenda tables, labels):
- the body's paragraphs and tables, a table's rows, a row's cells and a cell's paragraphs
  are aligned (``pairing.pair``: equal blocks first, then the most similar of the rest);
- a paragraph of both is compared token by token (``wordml.split``): words deleted are
  ``w:del`` runs of the old text, words inserted ``w:ins``; changed paragraph properties
  are a ``w:pPrChange``;
- a paragraph only in the new file is inserted (runs and paragraph mark), one only in the
  old file is copied in, deleted, before the next block of its container (at its end, the
  mark of the paragraph before is deleted instead: see ``_end``); a row or table
  of one file only is an inserted or deleted row (``w:trPr``);
- footnotes (footnotes.xml): a reference kept in place pairs the two notes, whose
  paragraphs are compared the same way; a reference deleted gets a copy of its old note
  (deleted text), a reference inserted has its note's text inserted.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

from ..writers import package
from . import wordml
from .pairing import interned, pair
from .wordml import Marks, Token, local, w

DOCUMENT, FOOTNOTES = "word/document.xml", "word/footnotes.xml"
#: An unchanged stretch this short between two changes is shown as part of them.
SHORT = 3
BLOCKS = {"body": ("p", "tbl"), "tc": ("p", "tbl"), "footnote": ("p", "tbl"), "tbl": ("tr",)}


@dataclass
class Notes:
    """The footnotes of both files and what the body comparison decided about them."""

    old: dict[str, etree._Element]
    new: dict[str, etree._Element]
    root: etree._Element | None
    next_id: int
    pairs: list[tuple[str, str]] = field(default_factory=list)
    inserted: list[str] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)

    def copy_of(self, old_id: str) -> str:
        """A new id for a copy of old footnote old_id (its reference was deleted)."""
        self.next_id += 1
        self.copies.append((str(self.next_id), old_id))
        return str(self.next_id)


@dataclass
class Context:
    """What one comparison carries: the marks, the footnotes, the paragraphs touched."""

    marks: Marks
    notes: Notes
    #: id(element) -> (element, key): holding the element keeps its id its own.
    keys: dict[int, tuple] = field(default_factory=dict)

    def key(self, el: etree._Element) -> tuple:
        """A block's comparison key (its tokens' keys), computed once."""
        if id(el) not in self.keys:
            if el.tag == w("p"):
                key = ("p",) + wordml.keys(el)
            else:
                key = (local(el),) + tuple(self.key(p) for p in el.iter(w("p")))
            self.keys[id(el)] = (el, key)
        return self.keys[id(el)][1]


def track(old_docx: bytes, new_docx: bytes, marks: Marks) -> bytes:
    """The new DOCX with its differences from the old one as tracked changes."""
    old, new = package.read(old_docx), package.read(new_docx)
    old_doc, new_doc = etree.fromstring(old[DOCUMENT]), etree.fromstring(new[DOCUMENT])
    old_fn = etree.fromstring(old[FOOTNOTES]) if FOOTNOTES in old else None
    new_fn = etree.fromstring(new[FOOTNOTES]) if FOOTNOTES in new else None
    marks.next_id = max(marks.next_id, wordml.highest_id(new_doc, new_fn))
    notes = Notes(_notes(old_fn), _notes(new_fn), new_fn,
                  max([0] + [int(i) for i in _notes(new_fn) if i.lstrip("-").isdigit()]))
    ctx = Context(marks, notes)
    merge(old_doc.find(w("body")), new_doc.find(w("body")), ctx)
    _footnotes(ctx, old, new, old_fn)
    if notes.root is not None:
        in_reference_order(new_doc, notes.root)
    new[DOCUMENT] = _serialise(new_doc)
    if notes.root is not None:
        new[FOOTNOTES] = _serialise(notes.root)
    return package.write(new, first=["[Content_Types].xml"])


def _notes(root: etree._Element | None) -> dict[str, etree._Element]:
    """The real footnotes of a footnotes part, by id (separators left out)."""
    if root is None:
        return {}
    return {fn.get(w("id")): fn for fn in root.iterchildren(w("footnote"))
            if fn.get(w("type"), "normal") == "normal"}


def _serialise(root: etree._Element) -> bytes:
    """An XML part's bytes."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ----------------------------------------------------------------------------- alignment

def blocks(container: etree._Element) -> list[etree._Element]:
    """The blocks of a container compared one with another (paragraphs and tables; rows)."""
    names = BLOCKS[local(container)]
    return [c for c in container if isinstance(c.tag, str) and local(c) in names]


# ----------------------------------------------------------------------------- merging

def merge(old: etree._Element, new: etree._Element, ctx: Context) -> None:
    """Record in container new (body, cell, table, footnote) how it differs from old."""
    pending: list[etree._Element] = []
    last, kept, added = None, None, []
    for x, y in pair(blocks(old), blocks(new), ctx.key):
        if y is None:
            pending.append(deleted_block(x, ctx))
            continue
        for d in pending:
            y.addprevious(d)
        pending = []
        if x is None:
            inserted_block(y, ctx)
            added.append(y)
        else:
            merge_block(x, y, ctx)
            kept, added = y, []
        last = y
    if pending:
        _end(new, last, pending, ctx)
    elif added:
        _added_at_end(kept, added, ctx)


def _end(container: etree._Element, last: etree._Element | None,
         gone: list[etree._Element], ctx: Context) -> None:
    """Deleted blocks that end a container go after its last block. The last paragraph
    mark of a cell or of the body cannot go, so when they end with a paragraph its mark is
    kept and the mark of the paragraph before them is deleted instead: Accept All then
    joins that paragraph with empty ones, which keeps its own properties."""
    if last is None:
        for d in gone:
            _append(container, d)
        return
    for d in reversed(gone):
        last.addnext(d)
    if last.tag == w("p") and gone[-1].tag == w("p") and not _tracked_mark(last):
        wordml.mark_paragraph(last, ctx.marks.mark("del"))
        mark = gone[-1].find(f"{w('pPr')}/{w('rPr')}/{w('del')}")
        mark.getparent().remove(mark)


def _added_at_end(kept: etree._Element | None, added: list[etree._Element],
                  ctx: Context) -> None:
    """Inserted blocks that end a container: as with deleted ones (``_end``), the mark of
    the paragraph before them is the one inserted, so that Reject All joins it with empty
    ones and keeps its own properties."""
    if kept is None or kept.tag != w("p") or added[-1].tag != w("p") or _tracked_mark(kept):
        return
    mark = added[-1].find(f"{w('pPr')}/{w('rPr')}/{w('ins')}")
    mark.getparent().remove(mark)
    wordml.mark_paragraph(kept, ctx.marks.mark("ins"))


def _tracked_mark(p: etree._Element) -> bool:
    """True when a paragraph's mark is already inserted or deleted."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and (rpr.find(w("ins")) is not None or rpr.find(w("del")) is not None)


def _append(container: etree._Element, el: etree._Element) -> None:
    """Add a block at the end of a container that has none of its own (before w:sectPr)."""
    sect = container.find(w("sectPr"))
    if sect is not None:
        sect.addprevious(el)
    else:
        container.append(el)


def merge_block(x: etree._Element, y: etree._Element, ctx: Context) -> None:
    """Two paired blocks of one kind: paragraphs compared, tables row by row."""
    if y.tag == w("p"):
        merge_paragraph(x, y, ctx)
    elif y.tag == w("tbl"):
        merge(x, y, ctx)
    else:  # a row: cell by cell, when the cells correspond
        xs, ys = x.findall(w("tc")), y.findall(w("tc"))
        if len(xs) != len(ys):
            y.addprevious(deleted_block(x, ctx))
            inserted_block(y, ctx)
            return
        for cx, cy in zip(xs, ys):
            merge(cx, cy, ctx)


def merge_paragraph(x: etree._Element, y: etree._Element, ctx: Context) -> None:
    """Two paired paragraphs: the words that differ tracked, the rest left as it is."""
    wordml.paragraph_change(x, y, ctx.marks)
    if ctx.key(x) == ctx.key(y):
        for rx, ry in zip(x.iter(w("footnoteReference")), y.iter(w("footnoteReference"))):
            ctx.notes.pairs.append((rx.get(w("id")), ry.get(w("id"))))
        return
    a, b = wordml.split(x), wordml.split(y)
    for tag, i1, i2, j1, j2 in _changes(a, b):
        if tag == "equal":
            ctx.notes.pairs += [(s.note, t.note) for s, t in zip(a[i1:i2], b[j1:j2]) if t.note]
            continue
        if i2 > i1:
            gone = [_deleted_run(t.run, ctx) for t in a[i1:i2]]
            _place(gone, b, j1, y)
        for t in b[j1:j2]:
            ctx.marks.wrap("ins", t.run)
            ctx.notes.inserted += [t.note] if t.note else []
    wordml.tidy(y)


def _changes(a: list[Token], b: list[Token]) -> list[tuple[str, int, int, int, int]]:
    """The token opcodes, a short unchanged stretch between two changes folded into them
    (so that "a de b" -> "c de d" reads as one phrase replaced), neighbouring changes one."""
    ka, kb = interned([t.key for t in a], [t.key for t in b])
    ops = SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
    out: list[list] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        short = tag == "equal" and 0 < k < len(ops) - 1 and \
            len("".join(t.text for t in a[i1:i2]).strip()) <= SHORT and \
            all(t.key[0] == "t" for t in a[i1:i2])
        kind = "equal" if tag == "equal" and not short else "change"
        if out and out[-1][0] == kind == "change":
            out[-1][2], out[-1][4] = i2, j2
        else:
            out.append([kind, i1, i2, j1, j2])
    return [tuple(op) for op in out]


def _place(gone: list[etree._Element], b: list[Token], j: int, p: etree._Element) -> None:
    """Put deleted runs (in one w:del each) where new token j is, or after the last one."""
    if j < len(b):
        anchor, before = b[j].run, True
    elif b:
        anchor, before = b[-1].run, False
        if anchor.getparent().tag == w("ins"):
            anchor = anchor.getparent()
    else:
        anchor, before = None, False
    for r in (gone if before or anchor is None else reversed(gone)):
        if anchor is None:
            p.append(r)
        elif before:
            anchor.addprevious(r)
        else:
            anchor.addnext(r)


def _deleted_run(run: etree._Element, ctx: Context) -> etree._Element:
    """An old run as deleted text in its own w:del; a footnote reference gets a copy of
    its note."""
    mark = ctx.marks.mark("del")
    out = wordml.deleted(run)
    for ref in out.iter(w("footnoteReference")):
        ref.set(w("id"), ctx.notes.copy_of(ref.get(w("id"))))
    mark.append(out)
    return mark


def deleted_block(x: etree._Element, ctx: Context) -> etree._Element:
    """A copy of an old block, every run and paragraph mark (and row) deleted."""
    out = copy.deepcopy(x)
    wordml.strip_old(out)
    for r in wordml.runs(out):
        r.addprevious(_deleted_run(r, ctx))
        r.getparent().remove(r)
    for p in out.iter(w("p")):
        wordml.mark_paragraph(p, ctx.marks.mark("del"))
        wordml.tidy(p)
    for tr in out.iter(w("tr")):
        wordml.mark_row(tr, ctx.marks.mark("del"))
    return out


def inserted_block(y: etree._Element, ctx: Context) -> None:
    """A new block, every run and paragraph mark (and row) inserted."""
    _insert_runs(y, ctx)
    for p in y.iter(w("p")):
        wordml.mark_paragraph(p, ctx.marks.mark("ins"))
    for tr in y.iter(w("tr")):
        wordml.mark_row(tr, ctx.marks.mark("ins"))


def _insert_runs(el: etree._Element, ctx: Context) -> None:
    """Every run of el inside a w:ins (one per stretch); their footnotes inserted too.
    The number a footnote prints before its text (w:footnoteRef) is left as it is: it
    comes and goes with the note's reference."""
    for r in wordml.runs(el):
        if r.find(w("footnoteRef")) is not None:
            continue
        ctx.marks.wrap("ins", r)
        ctx.notes.inserted += [ref.get(w("id")) for ref in r.iter(w("footnoteReference"))]
    for p in el.iter(w("p")):
        wordml.tidy(p)


# ----------------------------------------------------------------------------- footnotes

def _footnotes(ctx: Context, old: dict[str, bytes], new: dict[str, bytes],
               old_root: etree._Element | None) -> None:
    """The notes of kept references compared, of inserted ones inserted, and a deleted
    copy of the old note of each deleted reference."""
    notes = ctx.notes
    for old_id, new_id in notes.pairs:
        if old_id in notes.old and new_id in notes.new:
            merge(notes.old[old_id], notes.new[new_id], ctx)
    for new_id in notes.inserted:
        if new_id in notes.new:
            _insert_runs(notes.new[new_id], ctx)
    if notes.copies and notes.root is None:
        notes.root = _new_footnotes_part(new, old, old_root)
    for copy_id, old_id in notes.copies:
        note = copy.deepcopy(notes.old[old_id])
        note.set(w("id"), copy_id)
        wordml.strip_old(note)
        for r in wordml.runs(note):
            if r.find(w("footnoteRef")) is not None:
                continue
            r.addprevious(_deleted_run(r, ctx))
            r.getparent().remove(r)
        notes.root.append(note)


def in_reference_order(doc: etree._Element, root: etree._Element) -> None:
    """Footnotes in the order of their references, numbered in that order (after the
    separators): LibreOffice gives the k-th reference the k-th footnote of the part."""
    notes = _notes(root)
    refs = list(doc.iter(w("footnoteReference")))
    first = 1 + max([0] + [int(fn.get(w("id"))) for fn in root.iterchildren(w("footnote"))
                           if fn.get(w("id")) not in notes])
    for k, ref in enumerate(refs):
        note = notes.pop(ref.get(w("id")), None)
        ref.set(w("id"), str(first + k))
        if note is not None:
            note.set(w("id"), str(first + k))
            root.append(note)  # moved to the end, in reference order
    for k, note in enumerate(notes.values(), len(refs)):  # none refers to them: last
        note.set(w("id"), str(first + k))
        root.append(note)


def _new_footnotes_part(new: dict[str, bytes], old: dict[str, bytes],
                        old_root: etree._Element) -> etree._Element:
    """A footnotes part for a new file that has none (the old one's separators), declared
    in the new file's relationships and content types."""
    root = copy.deepcopy(old_root)
    for fn in list(root):
        if fn.get(w("type"), "normal") == "normal":
            root.remove(fn)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(new[rels_name])
    used = {r.get("Id") for r in rels}
    rid = next(f"rId{k}" for k in range(1, len(used) + 2) if f"rId{k}" not in used)
    etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship", Id=rid, Target="footnotes.xml",
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                          "footnotes")
    new[rels_name] = _serialise(rels)
    types = etree.fromstring(new["[Content_Types].xml"])
    if not any(o.get("PartName") == "/word/footnotes.xml" for o in types):
        etree.SubElement(types, f"{{{types.nsmap[None]}}}Override", PartName="/word/footnotes.xml",
                         ContentType="application/vnd.openxmlformats-officedocument."
                                     "wordprocessingml.footnotes+xml")
    new["[Content_Types].xml"] = _serialise(types)
    return root
