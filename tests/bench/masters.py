"""Large valid XML masters for the bench: the body of real masters repeated to a size.

    .venv/bin/python -m tests.bench.masters OUT.xml --mb 20 [SEED.xml ...]

``grow`` takes the body of each seed master (paragraphs, sections, lists, notes) and
appends copies of it, in turn, to the first seed's body (each a section) until the serialized master is
about ``target`` bytes; each copy's footnotes are copied too, renumbered after the ones
before, and the paragraphs are numbered 1..n again, so the master is valid (RELAX NG and
Schematron) as any source's would be. The seeds are papers: the masters of sources/ built
by make, or the reader fixtures' expected.xml.
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

from lxml import etree

from pipeline.renumber import renumber_paragraphs
from pipeline.xmlio import load, serialize, strip_layout

from .seeds import ROOT

#: Papers with lists, sections and notes: the default seeds.
SEEDS = [ROOT / "tests/fixtures/reader/paper-en-notes-in-lists/expected.xml",
         ROOT / "tests/fixtures/reader/idm2008-return-migration-paper.fr/expected.xml"]


def _body_and_notes(path: Path) -> tuple[list[etree._Element], list[etree._Element]]:
    """The body's children and the footnotes of one seed master, layout stripped."""
    root = load(path).getroot()
    strip_layout(root)
    return list(root.find("body")), root.findall("footnotes/footnote")


def _append_copy(body: etree._Element, notes: etree._Element, blocks, seed_notes, offset: int) -> int:
    """Append a copy of blocks to body and of seed_notes to notes, the notes numbered after
    offset; the number of notes appended. The copy is a section of its own (a body's
    paragraphs may not follow its sections)."""
    section = etree.SubElement(body, "section")
    etree.SubElement(section, "heading").text = f"Part {len(body)}"
    for block in blocks:
        clone = copy.deepcopy(block)
        for ref in clone.iter("noteref"):
            ref.set("to", f"fn{int(ref.get('to')[2:]) + offset}")
        section.append(clone)
    for note in seed_notes:
        clone = copy.deepcopy(note)
        n = int(note.get("n")) + offset
        clone.set("n", str(n))
        clone.set("id", f"fn{n}")
        notes.append(clone)
    return len(seed_notes)


def grow(target: int, seeds: list[Path] = SEEDS) -> bytes:
    """A valid paper master of about target bytes (at least one copy of every seed)."""
    root = load(seeds[0]).getroot()
    strip_layout(root)
    body = root.find("body")
    notes = root.find("footnotes")
    if notes is None:
        notes = etree.SubElement(root, "footnotes")
    parts = [_body_and_notes(p) for p in seeds]
    base = len(etree.tostring(root, encoding="utf-8"))
    per_copy = [sum(len(etree.tostring(b, encoding="utf-8")) for b in blocks + list(ns)) for blocks, ns in parts]
    copies = max(1, round((target - base) / (sum(per_copy) / len(per_copy))))
    offset = len(notes)
    for k in range(copies - (len(seeds) == 1)):
        blocks, seed_notes = parts[(k + 1) % len(parts)]
        offset += _append_copy(body, notes, blocks, seed_notes, offset)
    if len(notes) == 0:
        root.remove(notes)
    renumber_paragraphs(root)
    return serialize(root)


def main(argv: list[str] | None = None) -> int:
    """Write one grown master."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--mb", type=float, required=True, help="size in MB (10^6 bytes)")
    parser.add_argument("seeds", type=Path, nargs="*", help="seed masters (papers)")
    args = parser.parse_args(argv)
    args.dest.write_bytes(grow(int(args.mb * 1e6), args.seeds or SEEDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
