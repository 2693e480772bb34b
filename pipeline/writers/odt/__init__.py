"""ODT writer: the DOCX writer's pandoc AST, written as ODF by ``emit``, then post-processing.

No pandoc runs: ``emit`` turns the AST into content.xml (named styles of ``reference.odt``,
native footnotes as text:note, tables with header rows); ``post`` wraps bulleted paragraphs
in lists, sets the language on the reference's styles, fills in the running head and writes
meta.xml; the other parts are the reference's own. The package is written with the mimetype
first and stored, fixed dates and a fixed entry order. ``reference.odt`` (and
``reference-<house>.odt``) is generated from pipeline/styles/<house>.toml by
pipeline/styles/make_reference.py.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from ...fsutil import atomic_write
from .. import Options
from .. import package
from ..docx import body, house
from ..docx.props import job_foot, properties
from . import emit, post
from .odf import serialise_into

#: The default house's reference; each house has its own (house.reference).
REFERENCE = house.reference("odt", house.DEFAULT)


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the validated document ``tree`` as an ODT file at ``dest``."""
    atomic_write(dest, render(tree, str(dest), options.extra.get("house")))


@lru_cache(maxsize=None)
def reference_parts(name: str) -> dict[str, bytes]:
    """The parts of a house's reference.odt (read once per process)."""
    return package.read(house.reference("odt", name).read_bytes())


def render(tree: etree._ElementTree, what: str = "odt", house_name: str | None = None) -> bytes:
    """The ODT bytes of a validated document (``what`` names it in error messages), in
    ``house_name``'s house style or the one house.choose finds for it."""
    root = tree.getroot()
    with house.using(house.choose(root, house_name)):
        tag = house.document_tag(root)
        props = properties(root)
        # The AST one block at a time (never whole), and content.xml serialised into its
        # zip entry: only the content tree is held whole.
        content = emit.content(body.blocks(tree), house.house()["agenda"], what)
        post.bullet_lists(content)
        parts: dict[str, bytes | package.Stream] = dict(reference_parts(house.current()))
        parts["content.xml"] = lambda entry: serialise_into(content, entry)
        parts["styles.xml"] = post.styles_part(parts["styles.xml"], tag, props.running_head,
                                              job_foot(root))
        parts["meta.xml"] = post.meta(props, tag)
        return package.write(parts, first=["mimetype"], stored=["mimetype"])
