"""A validated document as a flat list of comparable units, in document order.

``units(tree)`` returns, for each document:
- meta: one unit per field (title, subtitle, series, meeting, symbol, original-language,
  dates), keyed by field name; ``source`` (provenance) is left out;
- paper: headings keyed by position, ``para`` keyed by number, other blocks (p, list)
  keyed by position;
- agenda: its heading, each day (by date), each item (by date and times; the printed time
  range leads its text, then its title, description, questions' lead-in and discussion),
  each person and each question of an item (by position in the item), each day end;
- footnotes keyed by number.
A unit's text is its prose with white space collapsed; blocks inside it (an item's title,
description, questions) are separated by "\\n"; footnote references are kept as segments
of their own, so that writers can show them and word diffs can see them move.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
META_FIELDS = ("title", "subtitle", "series", "meeting", "symbol", "original-language", "dates")
#: Item children that are prose, in the order they are shown.
ITEM_PROSE = ("title", "p", "questions", "discussion")

#: One piece of a unit's text: ("text", words) or ("note", footnote number).
Segment = tuple[str, str]


@dataclass(frozen=True)
class Unit:
    """One comparable piece of a document (a paragraph, an item, a person, a footnote...)."""

    kind: str
    #: Number or position as printed for the reader: "5" (para), "2" (footnote), "10:00".
    ref: str
    #: Exact structural key: two versions' units with the same key correspond.
    key: tuple
    #: Looser key (position instead of time or number), tried when the exact one fails.
    loose: tuple
    segments: tuple[Segment, ...]
    #: The person's name, for persons.
    name: str = ""
    #: Where the unit sits, for display: the item a person belongs to, the day of an item.
    context: str = ""
    #: "p" (one paragraph of prose) or "lines" (blocks separated by newlines).
    shape: str = "p"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """The unit's prose without footnote references."""
        return "".join(s for kind, s in self.segments if kind == "text")

    @property
    def notes(self) -> tuple[str, ...]:
        """The numbers of the footnotes referenced from this unit, in order."""
        return tuple(s for kind, s in self.segments if kind == "note")

    @property
    def label(self) -> str:
        """A stable English name for the unit: "para 5", "footnote 2", "person 3 in item ..."."""
        if self.kind in ("person", "question"):
            return f"{self.kind} {self.ref} in {self.context}"
        if self.kind == "meta":
            return self.ref
        return f"{self.kind} {self.ref}".strip()


def units(tree: etree._ElementTree | etree._Element) -> list[Unit]:
    """Every comparable unit of a validated document, in document order."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}
    found = list(_meta(root.find("meta"), notes))
    if root.find("agenda") is not None:
        found += _agenda(root.find("agenda"), notes)
    else:
        found += _body(root.find("body"), notes)
    found += _footnotes(root.find("footnotes"), notes)
    return found


def language(tree: etree._ElementTree | etree._Element) -> str:
    """The document's xml:lang."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return root.get(XML_LANG, "en")


def segments_of(element: etree._Element, notes: dict[str, str]) -> list[Segment]:
    """The text of an element as segments, noterefs as ("note", n); spaces collapsed."""
    out: list[Segment] = []

    def walk(el: etree._Element) -> None:
        """Add the text of ``el`` and its descendants, in order."""
        if el.tag == "noteref":
            out.append(("note", notes.get(el.get("to"), "?")))
        elif el.text:
            out.append(("text", el.text))
        for child in el:
            if not isinstance(child.tag, str):
                out.append(("text", child.tail or ""))
                continue
            walk(child)
            if child.tail:
                out.append(("text", child.tail))
    walk(element)
    return _collapse(out)


def _collapse(segments: list[Segment]) -> list[Segment]:
    """Merge neighbouring text segments, collapse white space, trim both ends."""
    merged: list[Segment] = []
    for kind, value in segments:
        if kind == "text":
            value = re.sub(r"\s+", " ", value)
            if merged and merged[-1][0] == "text":
                value = merged.pop()[1] + value
                value = value.replace("  ", " ")
        merged.append((kind, value))
    if merged and merged[0][0] == "text":
        merged[0] = ("text", merged[0][1].lstrip(" "))
    if merged and merged[-1][0] == "text":
        merged[-1] = ("text", merged[-1][1].rstrip(" "))
    return [(kind, value) for kind, value in merged if value]


def _blocks(parts: list[list[Segment]]) -> tuple[Segment, ...]:
    """Several blocks' segments joined with newline separators (empty blocks dropped)."""
    out: list[Segment] = []
    for part in (p for p in parts if p):
        for kind, value in ([("text", "\n")] if out else []) + list(part):
            if kind == "text" and out and out[-1][0] == "text":
                out[-1] = ("text", out[-1][1] + value)
            else:
                out.append((kind, value))
    return tuple(out)


def _meta(meta: etree._Element, notes: dict[str, str]) -> Iterator[Unit]:
    """The title block, one unit per field."""
    for name in META_FIELDS:
        el = meta.find(name)
        if el is None:
            continue
        yield Unit("meta", name, ("meta", name), ("meta", name), tuple(segments_of(el, notes)))


def _body(body: etree._Element, notes: dict[str, str]) -> list[Unit]:
    """Headings, numbered paragraphs and other blocks of a paper, in order."""
    out: list[Unit] = []
    counts: dict[str, int] = {}
    for el in body.iter("heading", "para", "p", "list"):
        if el.tag in ("p", "list") and any(a.tag in ("para", "list", "footnote")
                                          for a in el.iterancestors()):
            continue
        if el.tag == "para":
            n = el.get("n")
            annex = next((a for a in el.iterancestors("annex")), None)
            if annex is not None:  # numbers restart in each annex: key by the annex too
                k = str(sum(1 for _ in annex.itersiblings("annex", preceding=True)) + 1)
                out.append(Unit("para", n, ("annex", k, "para", n), ("para",),
                                _para_segments(el, notes)))
                continue
            out.append(Unit("para", n, ("para", n), ("para",), _para_segments(el, notes)))
            continue
        counts[el.tag] = counts.get(el.tag, 0) + 1
        pos = str(counts[el.tag])
        segs = _heading_segments(el, notes) if el.tag == "heading" else _para_segments(el, notes)
        out.append(Unit(el.tag, pos, (el.tag, pos), (el.tag,), segs))
    return out


def _heading_segments(el: etree._Element, notes: dict[str, str]) -> tuple[Segment, ...]:
    """A heading's text, with its printed number (heading/@n) in front."""
    segs = segments_of(el, notes)
    if el.get("n"):
        segs = [("text", f"{el.get('n')}. ")] + segs
    return tuple(_collapse(segs))


def _para_segments(el: etree._Element, notes: dict[str, str]) -> tuple[Segment, ...]:
    """A paragraph's prose and lists, one block per p or list item."""
    return _blocks(_block_parts(el, notes))


def _block_parts(el: etree._Element, notes: dict[str, str]) -> list[list[Segment]]:
    """The blocks of a p, list or para: one segment list per p or simple list item."""
    if el.tag == "p":
        return [segments_of(el, notes)]
    if el.tag == "list":
        parts: list[list[Segment]] = []
        for item in el.findall("item"):
            label: list[Segment] = [("text", f"({item.get('n')}) " if item.get("n") else "• ")]
            inner = [c for c in item if c.tag in ("p", "list")]
            if not inner:
                parts.append(label + segments_of(item, notes))
                continue
            sub = [part for c in inner for part in _block_parts(c, notes)]
            parts += [label + sub[0]] + sub[1:]
        return parts
    return [part for c in el if c.tag in ("p", "list") for part in _block_parts(c, notes)]


def _agenda(agenda: etree._Element, notes: dict[str, str]) -> list[Unit]:
    """The agenda heading, then days, items, persons and day ends in order."""
    out: list[Unit] = []
    heading = agenda.find("heading")
    if heading is not None:
        out.append(Unit("heading", "1", ("heading", "1"), ("heading",),
                        tuple(segments_of(heading, notes))))
    for d, day in enumerate(agenda.findall("day"), 1):
        date = day.get("date")
        out.append(Unit("day", date, ("day", date), ("day", d),
                        tuple(segments_of(day.find("heading"), notes))))
        for i, item in enumerate(day.findall("item"), 1):
            out += _item(item, date, i, notes)
        end = day.find("end")
        if end is not None:
            out.append(Unit("end", date, ("end", date), ("end", d), tuple(segments_of(end, notes)),
                            context=f"day {date}"))
    return out


def _item(item: etree._Element, date: str, index: int, notes: dict[str, str]) -> list[Unit]:
    """One programme item (times first, then its prose), then each of its persons."""
    start, end = item.get("start"), item.get("end")
    when = f"{start}–{end}" if end else start
    parts: list[list[Segment]] = [[("text", when)]]
    for child in item:
        if child.tag == "title":
            label = f"{item.get('label', '')} {item.get('n', '')}".strip()
            parts.append(([("text", f"{label}: ")] if label else []) + segments_of(child, notes))
        elif child.tag in ("p", "discussion"):
            parts.append(segments_of(child, notes))
        elif child.tag == "questions" and child.find("lead") is not None:
            parts.append(segments_of(child.find("lead"), notes))
    ref = f"{date} {when}"
    questions = ["".join(t for k, t in segments_of(q, notes) if k == "text")
                 for q in item.iter("question")]
    unit = Unit("item", ref, ("item", date, start, end), ("item", date, index), _blocks(parts),
                context=f"day {date}", shape="lines", extra={"questions": questions})
    people = [_person(p, ref, date, index, k, notes)
              for k, p in enumerate(item.iter("person"), 1)]
    asked = [Unit("question", str(k), ("question", ref, k), ("question", date, index, k),
                  tuple(segments_of(q, notes)), context=f"item {ref}")
             for k, q in enumerate(item.iter("question"), 1)]
    return [unit] + people + asked


def _person(person: etree._Element, item_ref: str, date: str, index: int, k: int,
            notes: dict[str, str]) -> Unit:
    """One person of an item: name, then role."""
    name = " ".join("".join(person.find("name").itertext()).split())
    segs = segments_of(person.find("name"), notes)
    role = person.find("role")
    if role is not None:
        segs = segs + [("text", ", ")] + segments_of(role, notes)
    group = person.getparent()
    label = group.get("label") or group.tag
    return Unit("person", str(k), ("person", item_ref, k), ("person", date, index, k),
                tuple(_collapse(segs)), name=name, context=f"item {item_ref}",
                extra={"group": group.tag, "label": label})


def _footnotes(footnotes: etree._Element | None, notes: dict[str, str]) -> list[Unit]:
    """Each footnote, keyed by number; a note of several paragraphs is one unit."""
    if footnotes is None:
        return []
    out = []
    for fn in footnotes.findall("footnote"):
        n = fn.get("n")
        paras = fn.findall("p")
        segs = _blocks([segments_of(p, notes) for p in paras]) if paras else \
            tuple(segments_of(fn, notes))
        out.append(Unit("footnote", n, ("footnote", n), ("footnote",), segs))
    return out
