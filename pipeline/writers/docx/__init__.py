"""DOCX writer: the document's AST written as WordprocessingML over the house's reference.docx.

No pandoc runs. ``body`` makes the AST one block at a time; ``wml`` writes each block as
WordprocessingML (named styles of the reference, native footnotes, tables whose header row
repeats), and the bytes go straight into the compressed ``word/document.xml`` entry, so
that no second copy of the document is held; the footnotes met on the way follow in
``word/footnotes.xml``. ``parts`` completes the reference's other parts (language on the
styles, header and footer, core properties with fixed dates). ``package`` writes the zip
deterministically. ``reference.docx`` (``reference-<house>.docx`` for the other houses) is
generated from pipeline/styles/<house>.toml by pipeline/styles/make_reference.py; never
edit it by hand.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

from lxml import etree

from ...fsutil import atomic_write
from .. import Options
from .. import package
from . import body, house, memory, parts
from .props import job_foot, properties
from .wml import Emitter

#: The default house's reference; each house has its own (house.reference).
REFERENCE = house.reference("docx", house.DEFAULT)
#: Block bytes gathered before they go to the compressor (fewer, larger writes).
CHUNK = 1 << 16


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the validated document ``tree`` as a DOCX file at ``dest``."""
    atomic_write(dest, render(tree, str(dest), options.extra.get("house")))


def render(tree: etree._ElementTree, what: str = "docx", house_name: str | None = None) -> bytes:
    """The DOCX bytes of a validated document (``what`` names it in error messages), in
    ``house_name``'s house style or the one house.choose finds for it."""
    root = tree.getroot()
    with house.using(house.choose(root, house_name)):
        name, tag = house.current(), house.document_tag(root)
        emitter = Emitter(parts.style_ids(name), parts.text_width(name), what)
        guard = memory.Guard(what)

        def document(out: IO[bytes]) -> None:
            """word/document.xml, block by block (the footnotes kept for the next part)."""
            head, tail = parts.document_ends(name)
            pending = [head]
            size = len(head)
            for block in body.blocks(tree):
                guard.check()
                data = emitter.block(block)
                pending.append(data)
                size += len(data)
                if size >= CHUNK:
                    out.write(b"".join(pending))
                    pending, size = [], 0
            pending.append(tail)
            out.write(b"".join(pending))

        def footnotes(out: IO[bytes]) -> None:
            """word/footnotes.xml: the separators, then the notes document.xml met."""
            head, tail = parts.footnotes_ends()
            out.write(head)
            for note in emitter.notes:
                out.write(note)
            out.write(tail)

        contents: dict[str, bytes | package.Stream] = dict(
            parts.fixed_parts(name, tag, properties(root), job_foot(root)))
        # Entries are written by name: word/document.xml before word/footnotes.xml.
        contents["word/document.xml"] = document
        contents["word/footnotes.xml"] = footnotes
        return package.write(contents, first=["[Content_Types].xml"])
