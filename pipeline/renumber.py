"""Renumber a master after an edit: paragraphs, footnotes and sessions.

- Paragraphs (``para/@n``) run 1..n in document order, again from 1 in each annex.
- Footnotes are numbered in the order of their first reference: ``n``, ``id`` (``fn<n>``)
  and every ``noteref/@to`` follow, and the footnotes are put in that order. A star note
  (R17: "*", "fns1") keeps its mark and id and goes first. A footnote nothing refers to
  goes last (validation then says so); a reference to a missing footnote is left as it is
  (validation names its line).
- Sessions (``item[@kind='session']/@n``) run I, II, III... in order (or 1, 2, 3, or A, B,
  C, as the first numbered session is written), when any session is numbered.

Only those attributes and the order of the footnotes change: everything else of the file,
its layout included, is kept byte for byte, so a file already in order comes out the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .numerals import roman
from .xmlio import load, serialize


@dataclass
class Changes:
    """What renumbering changed, counted per kind."""

    paragraphs: int = 0
    footnotes: int = 0
    sessions: int = 0
    moved: bool = False
    notes: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.paragraphs or self.footnotes or self.sessions or self.moved)

    def describe(self) -> str:
        """'2 paragraph numbers, 3 footnotes (reordered), 0 session numbers changed'."""
        notes = f"{self.footnotes} footnote{'s' if self.footnotes != 1 else ''}"
        notes += " (reordered)" if self.moved else ""
        return (f"{self.paragraphs} paragraph number{'s' if self.paragraphs != 1 else ''}, "
                f"{notes}, {self.sessions} session number{'s' if self.sessions != 1 else ''} "
                "changed")


def _set(element: etree._Element, name: str, value: str) -> int:
    """Set an attribute; 1 when that changed it, else 0."""
    if element.get(name) == value:
        return 0
    element.set(name, value)
    return 1


def renumber_paragraphs(root: etree._Element) -> int:
    """para/@n 1..n in document order, from 1 again in each annex; the count changed."""
    changed, counters = 0, {}
    for para in root.iter("para"):
        annex = next(para.iterancestors("annex"), None)
        counters[annex] = counters.get(annex, 0) + 1
        changed += _set(para, "n", str(counters[annex]))
    return changed


def renumber_footnotes(root: etree._Element) -> tuple[int, bool]:
    """Footnotes in order of first reference: n, id, references and their order; returns
    (footnotes renumbered, whether they were reordered)."""
    notes = root.findall("footnotes/footnote")
    if not notes:
        return 0, False
    # star notes (R17) keep their mark and id and come first, in the order *, **, ***
    stars = sorted((n for n in notes if (n.get("n") or "").startswith("*")),
                   key=lambda n: len(n.get("n")))
    by_id = {n.get("id"): n for n in notes if n not in stars}
    order: list[etree._Element] = []
    for ref in root.iter("noteref"):
        note = by_id.get(ref.get("to"))
        if note is not None and note not in order:
            order.append(note)
    order += [n for n in notes if n not in order and n not in stars]
    new_id = {}
    changed = 0
    for number, note in enumerate(order, 1):
        new_id[note.get("id")] = f"fn{number}"
        changed += bool(_set(note, "n", str(number)) | _set(note, "id", f"fn{number}"))
    for ref in root.iter("noteref"):
        if ref.get("to") in new_id:
            _set(ref, "to", new_id[ref.get("to")])
    order = stars + order
    moved = order != notes
    if moved:
        _reorder(notes, order)
    return changed, moved


def _reorder(current: list[etree._Element], order: list[etree._Element]) -> None:
    """Put the elements of current in the given order, each place keeping its white space."""
    parent = current[0].getparent()
    tails = [n.tail for n in current]
    slots = [parent.index(n) for n in current]
    for note in current:
        parent.remove(note)
    for slot, note, tail in sorted(zip(slots, order, tails), key=lambda t: t[0]):
        note.tail = tail
        parent.insert(slot, note)


def session_style(value: str) -> str:
    """How a session number is written: roman, arabic or alpha."""
    if re.fullmatch(r"[IVXLCDM]+", value):
        return "roman"
    return "arabic" if value.isdigit() else "alpha" if re.fullmatch(r"[A-Z]", value) else "roman"


def renumber_sessions(root: etree._Element) -> int:
    """Sessions numbered in order, when any is numbered; the count changed."""
    sessions = root.findall("agenda/day/item[@kind='session']")
    numbered = [s.get("n") for s in sessions if s.get("n")]
    if not numbered:
        return 0
    style = session_style(numbered[0])
    changed = 0
    for number, item in enumerate(sessions, 1):
        value = roman(number) if style == "roman" else str(number) if style == "arabic" \
            else chr(ord("A") + number - 1) if number <= 26 else roman(number)
        changed += _set(item, "n", value)
    return changed


def renumber(root: etree._Element) -> Changes:
    """Renumber a document in place; what changed."""
    footnotes, moved = renumber_footnotes(root)
    return Changes(renumber_paragraphs(root), footnotes, renumber_sessions(root), moved)


def renumber_bytes(data: bytes, filename: str) -> tuple[bytes, Changes]:
    """The file renumbered, its bytes outside the document element kept as they were."""
    tree = load(filename, data)
    root = tree.getroot()
    changes = renumber(root)
    if not changes:
        return data, changes
    start = _root_start(data, root)
    end = data.rfind(f"</{root.tag}>".encode()) + len(root.tag) + 3
    if (tree.docinfo.encoding or "UTF-8").upper() != "UTF-8":
        return serialize(tree, filename), changes
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, with_tail=False)
    return data[:start] + body + data[end:], changes


def _root_start(data: bytes, root: etree._Element) -> int:
    """The offset of the document element's start tag in data."""
    offset = 0
    for _ in range((root.sourceline or 1) - 1):
        offset = data.index(b"\n", offset) + 1
    return data.index(f"<{root.tag}".encode(), offset)
