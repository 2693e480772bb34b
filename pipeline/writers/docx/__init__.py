"""DOCX writer: the document as a pandoc AST, pandoc's DOCX writer, then post-processing.

pandoc writes the body (named styles from ``reference.docx``, native footnotes, tables with
a repeating header row); ``post`` adds what pandoc cannot (language on the styles, header and
footer, core properties); ``package`` rewrites the zip so that two builds are byte-identical.
``reference.docx`` (``reference-<house>.docx`` for the other houses) is generated from
pipeline/styles/<house>.toml by pipeline/styles/make_reference.py; never edit it by hand.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ...fsutil import atomic_write
from .. import Options
from .. import package
from . import body, house, pandoc, post

#: The default house's reference; each house has its own (house.reference).
REFERENCE = house.reference("docx", house.DEFAULT)


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the validated document ``tree`` as a DOCX file at ``dest``."""
    atomic_write(dest, render(tree, str(dest), options.extra.get("house")))


def render(tree: etree._ElementTree, what: str = "docx", house_name: str | None = None) -> bytes:
    """The DOCX bytes of a validated document (``what`` names it in error messages), in
    ``house_name``'s house style or the one house.choose finds for it."""
    root = tree.getroot()
    with house.using(house.choose(root, house_name)):
        tag = house.document_tag(root)
        ast = body.document(tree, pandoc.api_version())
        raw = pandoc.convert(ast, "docx", house.reference("docx"), what)
        return package.normalise(post.finish(raw, root, tag), first=["[Content_Types].xml"])
