"""DOCX writer: the document as a pandoc AST, pandoc's DOCX writer, then post-processing.

pandoc writes the body (named styles from ``reference.docx``, native footnotes, tables with
a repeating header row); ``post`` adds what pandoc cannot (language on the styles, header and
footer, core properties); ``package`` rewrites the zip so that two builds are byte-identical.
``reference.docx`` is generated from pipeline/styles/house.toml by
pipeline/styles/make_reference.py; never edit it by hand.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ...fsutil import atomic_write
from .. import Options
from .. import package
from . import body, house, pandoc, post

REFERENCE = Path(__file__).resolve().parent / "reference.docx"


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the validated document ``tree`` as a DOCX file at ``dest``."""
    atomic_write(dest, render(tree, str(dest)))


def render(tree: etree._ElementTree, what: str = "docx") -> bytes:
    """The DOCX bytes of a validated document (``what`` names it in error messages)."""
    root = tree.getroot()
    tag = house.document_tag(root)
    raw = pandoc.convert(body.document(tree, pandoc.api_version()), "docx", REFERENCE, what)
    return package.normalise(post.finish(raw, root, tag), first=["[Content_Types].xml"])
