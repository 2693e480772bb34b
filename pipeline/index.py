"""The landing page: every document, its title in each language, and a link to each format."""
from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from .documents import doc_name
from .fsutil import atomic_write
from .indexmarks import MARK_CSS, mark_index
from .writers import REGISTRY, labels
from .writers.html import house_css, serialize
from .writers.html.tree import XML_LANG, add, el, layout, sub, text_of
from .xmlio import load

#: How each format is named on the page, and its media type.
FORMATS: dict[str, tuple[str, str]] = {
    "html": ("HTML", "text/html"),
    "epub": ("EPUB", "application/epub+zip"),
    "docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "odt": ("ODT", "application/vnd.oasis.opendocument.text"),
    "pdf": ("PDF", "application/pdf"),
    "xml": ("XML", "application/xml"),
}

#: Extra link groups, (label, href) pairs, for pages other issues add (comparisons, redlines):
#: under a document id they are listed in that document's entry; under any other key they
#: form a group of their own at the end of the page, with the key as its heading.
ExtraLinks = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class Version:
    """One language version of a document, as the index lists it."""

    doc_id: str
    lang: str
    name: str
    title: str
    xml_href: str


#: What the last build said of a document (by name): "failed", "failed, stale" (its outputs
#: are from an earlier version of the source) or "N warnings"; clean documents are absent.
Marks = dict[str, str]


def write_index(xml_paths: list[Path], dest: Path, formats: list[str], *,
                extra_links: ExtraLinks | None = None, lang: str = "en",
                marks: Marks | None = None, report: str | None = None) -> None:
    """Write the landing page at ``dest``; formats are linked as <format>/<name>.<ext>; the
    marks of the last build are shown, linked to ``report`` (report.html) when given."""
    dest = Path(dest)
    versions = [read_version(Path(p), dest.parent) for p in xml_paths]
    page = render_index(versions, formats, extra_links or {}, lang, marks or {}, report)
    atomic_write(dest, page.encode("utf-8"))


def extra_link(path: Path) -> tuple[str, str]:
    """(document id, label) for a comparison page ``compare/<docid>.<a>-<b>.html`` or a
    redline ``diff/<docid>.<lang>.<rev>-current.<ext>``."""
    parts = Path(path).name.split(".")
    docid, ext = parts[0], parts[-1].upper()
    if Path(path).parent.name == "compare":
        a, _, b = parts[1].partition("-")
        return docid, f"Side by side: {labels.language_name(a)} – {labels.language_name(b)}"
    lang, rev = parts[1], parts[2].removesuffix("-current")
    return docid, f"Redline ({ext}): {labels.language_name(lang)} draft {rev} → current"


def read_version(xml_path: Path, out_dir: Path) -> Version:
    """What the index needs from one XML file."""
    doc = load(xml_path).getroot()
    return Version(doc.get("id", ""), doc.get(XML_LANG, ""), doc_name(xml_path),
                   text_of(doc.find("meta/title")), href(xml_path, out_dir))


def href(target: Path, base: Path) -> str:
    """A relative URL from the directory ``base`` to ``target``."""
    return quote(os.path.relpath(target, base).replace(os.sep, "/"))


def format_href(version: Version, fmt: str) -> str:
    """The link to one format of a version: the XML itself, or <format>/<name>.<ext>."""
    if fmt == "xml":
        return version.xml_href
    if fmt == "pdf":  # printed by the batch from the ODT (writers/pdf.py), not a writer
        return quote(f"pdf/{version.name}.pdf")
    info = REGISTRY[fmt]
    return quote(f"{info.name}/{version.name}.{info.ext}")


def render_index(versions: list[Version], formats: list[str], extra_links: ExtraLinks,
                 lang: str = "en", marks: Marks | None = None, report: str | None = None) -> str:
    """The landing page as an HTML5 string."""
    formats = [f for f in formats if f != "xml"] + ["xml"]
    page = el("html", {"lang": lang, "dir": labels.direction(lang)})
    head = sub(page, "head")
    sub(head, "meta", {"charset": "utf-8"})
    sub(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    sub(head, "meta", {"name": "color-scheme", "content": "light dark"})
    sub(head, "title", None, labels.label(lang, "index_title"))
    sub(head, "style", None, house_css() + (MARK_CSS if marks or report else ""))
    body = index_body(versions, formats, extra_links, lang)
    if marks or report:
        mark_index(body, versions, marks or {}, report)
    page.append(body)
    layout(page)
    return serialize(page)


def index_body(versions: list[Version], formats: list[str], extra_links: ExtraLinks,
               lang: str) -> etree._Element:
    """Skip link, banner, one entry per document, the free link groups."""
    body = el("body", {"class": "index"})
    sub(body, "a", {"class": "skip-link", "href": "#main"}, labels.label(lang, "skip"))
    banner = sub(body, "header", {"class": "banner title-block"})
    sub(banner, "h1", {"id": "title"}, labels.label(lang, "index_title"))
    sub(banner, "p", {"class": "subtitle"}, labels.label(lang, "index_intro"))
    main = sub(body, "main", {"id": "main", "tabindex": "-1"})
    ordered = sorted(versions, key=lambda v: (v.doc_id, v.lang, v.name))
    doc_ids = []
    for doc_id, group in groupby(ordered, key=lambda v: v.doc_id):
        doc_ids.append(doc_id)
        main.append(document_entry(doc_id, list(group), formats, extra_links.get(doc_id, []), lang))
    for group_name in sorted(set(extra_links) - set(doc_ids)):
        main.append(link_group(group_name, extra_links[group_name], "h2"))
    return body


def document_entry(doc_id: str, versions: list[Version], formats: list[str],
                   extras: list[tuple[str, str]], lang: str) -> etree._Element:
    """One document: its id, then each language version with its title and format links."""
    entry = el("section", {"class": "doc-entry", "id": f"doc-{doc_id}"})
    sub(entry, "h2", None, el("span", {"translate": "no"}, doc_id))
    listing = sub(entry, "ul", {"class": "versions"})
    for version in versions:
        listing.append(version_item(version, formats))
    if extras:
        entry.append(link_group(labels.label(lang, "more"), extras, "h3"))
    return entry


def version_item(version: Version, formats: list[str]) -> etree._Element:
    """One language version: language name, title, then a link per format."""
    language = labels.language_name(version.lang)
    item = el("li", {"class": "version"})
    sub(item, "p", {"class": "version-title"},
        el("span", {"class": "lang-name", "lang": version.lang}, language), " ",
        el("span", {"class": "title", "lang": version.lang}, version.title))
    links = sub(item, "ul", {"class": "format-links"})
    for fmt in formats:
        name, media_type = FORMATS.get(fmt, (fmt.upper(), None))
        link = el("a", {"href": format_href(version, fmt), "hreflang": version.lang,
                        "type": media_type}, name)
        add(link, el("span", {"class": "visually-hidden", "lang": version.lang}, f" ({language})"))
        add(sub(links, "li"), link)
    return item


def link_group(heading: str, links: list[tuple[str, str]], level: str) -> etree._Element:
    """A headed list of extra links (comparison pages, redlines, ...)."""
    group = el("div" if level == "h3" else "section", {"class": "link-group"})
    sub(group, level, None, heading)
    listing = sub(group, "ul")
    for text, target in links:
        sub(sub(listing, "li"), "a", {"href": target}, text)
    return group
