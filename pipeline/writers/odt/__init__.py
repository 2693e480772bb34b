"""ODT writer: the DOCX writer's pandoc AST, pandoc's ODT writer, then post-processing.

pandoc writes the body (named styles from ``reference.odt``, native footnotes as text:note,
tables with header rows); ``post`` maps style names, sets the language on the styles, fills
in the running head and writes meta.xml; the package is rewritten with the mimetype first
and stored, fixed dates and a fixed entry order. ``reference.odt`` is generated from
pipeline/styles/house.toml by pipeline/styles/make_reference.py.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ...fsutil import atomic_write
from .. import Options
from ..docx import body, house, package, pandoc
from ..docx.props import properties
from . import post

REFERENCE = Path(__file__).resolve().parent / "reference.odt"


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the validated document ``tree`` as an ODT file at ``dest``."""
    atomic_write(dest, render(tree, str(dest)))


def render(tree: etree._ElementTree, what: str = "odt") -> bytes:
    """The ODT bytes of a validated document (``what`` names it in error messages)."""
    root = tree.getroot()
    tag = house.document_tag(root)
    raw = pandoc.convert(body.document(tree, pandoc.api_version()), "odt", REFERENCE, what)
    parts = package.read(raw)
    props = properties(root)
    parts["content.xml"] = post.content(parts["content.xml"], house.house()["agenda"])
    parts["styles.xml"] = post.styles_part(parts["styles.xml"], tag, props.running_head)
    parts["meta.xml"] = post.meta(props, tag)
    return package.write(parts, first=["mimetype"], stored=["mimetype"])
