"""Footnote numbers as every format prints them: in the order of the first reference.

The XML numbers its notes 1..n in the order of the footnotes list; a hand-edited master may
reference note 3 before note 2. Word and LibreOffice number notes where they are referenced,
so the HTML and EPUB do the same: the note referenced first is 1, and the notes are listed
in that order; a star note (schema R17) prints its mark ("*") and is no number of the
count. Reading order is the printed one: the title block (docx/body.py's
PRINTED_ORDER), then the programme or the body. A note no reference names comes last.
"""
from __future__ import annotations

from lxml import etree

from .docx.body import PRINTED_ORDER


def reading_order(root: etree._Element) -> list[etree._Element]:
    """The document's parts as printed: title-block fields, then the text (no footnotes)."""
    meta = root.find("meta")
    parts = [el for tag in PRINTED_ORDER if (el := meta.find(tag)) is not None]
    return parts + [part for part in root if part.tag not in ("meta", "footnotes")]


def ordered(root: etree._Element) -> list[etree._Element]:
    """The footnotes in the order of their first reference, unreferenced ones last."""
    notes = {fn.get("id"): fn for fn in root.iterfind("footnotes/footnote")}
    out: dict[str, etree._Element] = {}
    for part in reading_order(root):
        refs = [part.get("note", "")] if part.tag == "symbol" else []  # (R17: symbol/@note)
        for note_id in refs + [ref.get("to", "") for ref in part.iter("noteref")]:
            if note_id in notes and note_id not in out:
                out[note_id] = notes[note_id]
    out.update((k, v) for k, v in notes.items() if k not in out)
    return list(out.values())


def is_star(note: etree._Element) -> bool:
    """True for a star note (schema R17): its mark, "*" to "***", is printed, not a number."""
    return (note.get("n") or "").startswith("*")


def numbers(root: etree._Element) -> dict[str, str]:
    """Footnote id -> the number printed for it ("1", "2", ...); a star note's mark ("*")."""
    out, count = {}, 0
    for fn in ordered(root):
        if is_star(fn):
            out[fn.get("id")] = fn.get("n")
        else:
            count += 1
            out[fn.get("id")] = str(count)
    return out
