"""EPUB 3 writer: one XHTML text, a navigation document, accessibility metadata, a fixed zip."""
from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from lxml import etree

from ...fsutil import atomic_write
from .. import Options, labels
from .. import package as zip_package
from ..html import house_css
from ..html.agenda import programme
from ..html.content import footnotes, paper, title_block
from ..html.outline import Entry, outline, toc_list
from ..html.tree import OPS_NS, XML_LANG, Context, add, el, layout, sub, text_of
from .package import container_xml, package_opf

XHTML_NS = "http://www.w3.org/1999/xhtml"
TEXT = "text.xhtml"


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the document as an EPUB 3 publication at ``dest``."""
    atomic_write(Path(dest), build(tree))


def build(tree: etree._ElementTree) -> bytes:
    """The EPUB file's bytes: the same document always gives the same bytes."""
    doc = tree.getroot()
    ctx = Context(doc.get(XML_LANG, "en"), epub=True)
    text = text_xhtml(ctx, doc)  # first: it records the note references
    # The text is serialised into its zip entry as it is compressed, never held as bytes.
    parts: dict[str, bytes | zip_package.Stream] = {
        "META-INF/container.xml": container_xml(),
        "EPUB/package.opf": package_opf(doc),
        "EPUB/nav.xhtml": nav_xhtml(ctx, doc),
        f"EPUB/{TEXT}": lambda entry: write_xhtml(text, entry),
        "EPUB/house.css": house_css().encode("utf-8"),
    }
    return zip_parts(parts)


def zip_parts(parts: dict[str, bytes | zip_package.Stream]) -> bytes:
    """An OCF zip: mimetype first and stored, then the parts sorted, one fixed date."""
    return zip_package.write({"mimetype": b"application/epub+zip", **parts},
                         first=["mimetype"], stored=["mimetype"])


def text_xhtml(ctx: Context, doc: etree._Element) -> etree._Element:
    """The text: title block, then the programme or the paper, then the footnotes (the
    XHTML tree; ``write_xhtml`` serialises it)."""
    body = el("body")
    body.append(title_block(ctx, doc.find("meta")))
    main = sub(body, "main", {"id": "main"})
    ctx.epub_type(main, "bodymatter")
    if doc.find("agenda") is not None:
        add(main, *programme(ctx, doc.find("agenda")))
    else:
        add(main, *paper(ctx, doc.find("body")))
    notes = footnotes(ctx, doc.find("footnotes"))
    if notes is not None:
        main.append(ctx.epub_type(notes, "footnotes"))
    return xhtml_root(ctx, text_of(doc.find("meta/title")), body)


def nav_xhtml(ctx: Context, doc: etree._Element) -> bytes:
    """The navigation document: table of contents (title, days or sections, notes) and landmarks."""
    title = text_of(doc.find("meta/title"))
    entries = [Entry("title", title, outline(ctx, doc, depth=3))]
    body = el("body")
    toc = sub(sub(body, "main"), "nav", {"id": "toc", "role": "doc-toc",
                                         "aria-labelledby": "toc-heading"})
    ctx.epub_type(toc, "toc")
    sub(toc, "h1", {"id": "toc-heading"}, ctx.label("contents"))
    toc.append(toc_list(entries, TEXT))
    marks = sub(body, "nav", {"id": "landmarks", "hidden": "hidden",
                              "aria-labelledby": "landmarks-heading"})
    ctx.epub_type(marks, "landmarks")
    sub(marks, "h2", {"id": "landmarks-heading"}, ctx.label("landmarks"))
    listing = sub(marks, "ol")
    for kind, href, text in (("toc", "nav.xhtml#toc", ctx.label("contents")),
                             ("bodymatter", f"{TEXT}#main", ctx.label("start"))):
        ctx.epub_type(sub(sub(listing, "li"), "a", {"href": href}, text), kind)
    return xhtml(ctx, ctx.label("contents"), body)


def xhtml(ctx: Context, title: str, body: etree._Element) -> bytes:
    """A complete XHTML document (lang and xml:lang, house CSS) around ``body``."""
    out = io.BytesIO()
    write_xhtml(xhtml_root(ctx, title, body), out)
    return out.getvalue()


def write_xhtml(root: etree._Element, out: IO[bytes]) -> None:
    """An XHTML tree as a document (declaration, DOCTYPE) into ``out``."""
    etree.ElementTree(root).write(out, xml_declaration=True, encoding="UTF-8",
                                  doctype="<!DOCTYPE html>")
    out.write(b"\n")


def xhtml_root(ctx: Context, title: str, body: etree._Element) -> etree._Element:
    """The XHTML tree of a document (lang and xml:lang, house CSS) around ``body``."""
    head = el("head", None, el("meta", {"charset": "utf-8"}), el("title", None, title),
              el("link", {"rel": "stylesheet", "type": "text/css", "href": "house.css"}))
    page = el("html", None, head, body)
    layout(page)
    root = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS, "epub": OPS_NS})
    root.set("lang", ctx.lang)
    root.set(XML_LANG, ctx.lang)
    root.set("dir", labels.direction(ctx.lang))
    root.text = page.text
    for child in list(page):
        root.append(child)
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{XHTML_NS}}}{element.tag}"
    etree.cleanup_namespaces(root, top_nsmap={None: XHTML_NS, "epub": OPS_NS})
    return root
