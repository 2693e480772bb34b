"""What changed between two revisions of one document, unit by unit and word by word.

``compare(old_tree, new_tree)`` aligns the revisions (``align.RevisionScore``) and returns
every unit in reading order with its status:
- ``same``: the same text (a person or heading whose position shifted stays ``same``);
- ``renumbered``: a paragraph or footnote with the same text and another number;
- ``changed``: words inserted or deleted (``ops`` holds the word diff), its number may
  have changed too;
- ``added`` / ``removed``: in one revision only;
- ``moved``: in both, out of order (shown where it was, removed, and where it is, added).
``summary(rev, lang)`` is the one-paragraph account a translator reads first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

from . import labels
from .align import RevisionScore, align
from .units import Segment, Unit, language, units

#: Kinds whose number is printed, so that a new number is worth reporting.
NUMBERED = ("para", "footnote")
#: Lone units at least this similar are one unit moved.
MOVED = 0.8
TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|\w+|\s+|[^\w\s]")

#: One piece of a word diff: ("equal" | "insert" | "delete", segments).
Op = tuple[str, tuple[Segment, ...]]


@dataclass
class Entry:
    """One unit of the comparison, in reading order."""

    status: str
    old: Unit | None
    new: Unit | None
    ops: list[Op] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        """The unit as it is now (or as it was, when removed)."""
        return self.new or self.old


@dataclass
class Revision:
    """The result of comparing two revisions."""

    lang: str
    title: str
    entries: list[Entry]

    def edits(self) -> list[Entry]:
        """The entries that are not ``same`` (a move counts once, at its new place)."""
        return [e for e in self.entries if e.status != "same"
                and not (e.status == "moved" and e.new is None)]


def compare(old_tree: etree._ElementTree, new_tree: etree._ElementTree) -> Revision:
    """Compare two revisions of one document."""
    old, new = units(old_tree), units(new_tree)
    scorer = RevisionScore(old, new)
    entries = [_entry(a, b) for a, b in align(old, new, scorer)]
    _find_moves(entries, scorer)
    title = next((u.text for u in new if u.key == ("meta", "title")), "")
    return Revision(language(new_tree), title, entries)


def _entry(old: Unit | None, new: Unit | None) -> Entry:
    """The status and word diff of one aligned pair."""
    if old is None:
        return Entry("added", None, new, [("insert", new.segments)])
    if new is None:
        return Entry("removed", old, None, [("delete", old.segments)])
    if old.segments == new.segments:
        status = "renumbered" if old.kind in NUMBERED and old.ref != new.ref else "same"
        return Entry(status, old, new, [("equal", new.segments)])
    return Entry("changed", old, new, word_diff(old.segments, new.segments))


def _find_moves(entries: list[Entry], scorer: RevisionScore) -> None:
    """Lone units of one kind with nearly the same words: mark both ends as moved."""
    removed = [e for e in entries if e.status == "removed"]
    for added in (e for e in entries if e.status == "added"):
        best = max((e for e in removed if e.old.kind == added.new.kind),
                   key=lambda e: scorer.sim(e.old, added.new), default=None)
        if best is None or scorer.sim(best.old, added.new) < MOVED:
            continue
        removed.remove(best)
        best.status, added.status = "moved", "moved"
        added.old = best.old
        added.ops = word_diff(best.old.segments, added.new.segments)


def tokens(segments: tuple[Segment, ...]) -> list[Segment]:
    """Words, spaces and punctuation as separate text tokens; note references whole."""
    out: list[Segment] = []
    for kind, value in segments:
        if kind == "note":
            out.append((kind, value))
        else:
            out += [("text", t) for t in TOKEN_RE.findall(value)]
    return out


def word_diff(old: tuple[Segment, ...], new: tuple[Segment, ...]) -> list[Op]:
    """The word-level differences between two texts: equal, delete and insert runs."""
    a, b = tokens(old), tokens(new)
    ops: list[Op] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            _push(ops, "delete", a[i1:i2])
        if tag in ("insert", "replace"):
            _push(ops, "insert", b[j1:j2])
        if tag == "equal":
            _push(ops, "equal", a[i1:i2])
    return _absorb_spaces(ops)


def _push(ops: list[Op], op: str, toks: list[Segment]) -> None:
    """Append tokens to the last op when it is of the same kind, else start a new op."""
    merged = _merge(toks)
    if ops and ops[-1][0] == op:
        ops[-1] = (op, _merge(list(ops[-1][1]) + list(merged)))
    else:
        ops.append((op, merged))


def _merge(toks: list[Segment]) -> tuple[Segment, ...]:
    """Neighbouring text tokens joined into one segment."""
    out: list[Segment] = []
    for kind, value in toks:
        if kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + value)
        else:
            out.append((kind, value))
    return tuple(out)


def _absorb_spaces(ops: list[Op]) -> list[Op]:
    """Fold a short run of equal text kept between two changes (a space, "de", "’") into
    them, so that "a de b" -> "c de d" reads as one replaced phrase, not four pieces."""
    out: list[Op] = []
    for i, (op, segs) in enumerate(ops):
        between = 0 < i < len(ops) - 1 and ops[i - 1][0] != "equal" and ops[i + 1][0] != "equal"
        if op == "equal" and between and _short(segs):
            _push(out, "delete", list(segs))
            _push(out, "insert", list(segs))
            continue
        _push(out, op, list(segs))
    return _order(out)


def _short(segs: tuple[Segment, ...]) -> bool:
    """True for a bit of text too short to stand between two changes on its own."""
    return all(kind == "text" for kind, _ in segs) and len("".join(v for _, v in segs).strip()) <= 3


def _order(ops: list[Op]) -> list[Op]:
    """Within each run of changes, deletions before insertions (one of each at most)."""
    out: list[Op] = []
    run: list[Op] = []
    for op in ops + [("equal", ())]:
        if op[0] == "equal":
            for kind in ("delete", "insert"):
                segs = [s for o, part in run if o == kind for s in part]
                if segs:
                    out.append((kind, _merge(segs)))
            run = []
            if op[1]:
                out.append(op)
        else:
            run.append(op)
    return out


def changed_words(ops: list[Op]) -> tuple[list[str], list[str]]:
    """The words inserted and the words deleted, in order (for reports and tests)."""
    found: dict[str, list[str]] = {"insert": [], "delete": []}
    for op, segs in ops:
        if op in found:
            text = " ".join(value for _, value in segs)
            found[op] += re.findall(r"\d+(?:[.,:]\d+)*|\w+", text)
    return found["insert"], found["delete"]


def summary(rev: Revision, lang: str | None = None) -> list[str]:
    """One sentence per kind of edit: "Changed: paragraphs 3 and 7; footnote 2."."""
    lang = lang or rev.lang
    groups: dict[str, dict[str, list[Entry]]] = {}
    for e in rev.edits():
        groups.setdefault(e.status, {}).setdefault(e.unit.kind, []).append(e)
    out = []
    for status in ("changed", "added", "removed", "moved", "renumbered"):
        if status in groups:
            parts = [_group_name(kind, entries, status, lang)
                     for kind, entries in groups[status].items()]
            out.append(labels.colon(lang, labels.label(lang, "edit." + status))
                       + labels.semicolon(lang).join(parts) + ".")
    return out


def _group_name(kind: str, entries: list[Entry], status: str, lang: str) -> str:
    """Units of one kind named together, with their former numbers when renumbered."""
    if kind not in NUMBERED and kind not in ("heading", "p", "list"):
        return labels.semicolon(lang).join(_unit_name(e, lang) for e in entries)
    refs = [e.unit.ref for e in entries]
    if status == "renumbered":
        olds = labels.join_words(labels.runs([e.old.ref for e in entries]), lang)
        return f"{labels.numbered_group(kind, refs, lang)} {labels.label(lang, 'were', old=olds)}"
    if kind in NUMBERED:
        refs = [e.unit.ref if not e.old or e.old.ref == e.unit.ref else
                f"{e.unit.ref} {labels.label(lang, 'were', old=e.old.ref)}" for e in entries]
    return labels.numbered_group(kind, refs, lang)


def _unit_name(entry: Entry, lang: str) -> str:
    """A unit's name; for a person whose name changed, both names."""
    unit = entry.unit
    name = labels.unit_name(unit.kind, unit.ref, unit.context, lang)
    old = entry.old
    if unit.kind == "person" and old and entry.new and old.name != entry.new.name:
        name += f" ({old.name} → {entry.new.name})"
    if unit.kind == "item" and old and entry.new and old.ref != entry.new.ref:
        name += " " + labels.label(lang, "were", old=old.ref.partition(" ")[2])
    return name
