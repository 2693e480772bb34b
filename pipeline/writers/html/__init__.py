"""HTML writer: one standalone, accessible HTML5 page per document, house CSS inlined."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO

import lxml.html
from lxml import etree

from ...fsutil import atomic_write
from .. import Options, labels
from .agenda import programme
from .content import footnotes, paper, title_block
from .outline import outline, toc_list
from .tree import XML_LANG, Context, add, el, layout, sub, text_of

DOCTYPE = "<!DOCTYPE html>"


@lru_cache(maxsize=1)
def house_css() -> str:
    """The house style sheet, shared with the EPUB writer."""
    return resources.files(__package__).joinpath("house.css").read_text(encoding="utf-8")


def write(tree: etree._ElementTree, dest: Path, options: Options) -> None:
    """Write the document as one HTML page at ``dest``."""
    dest = Path(dest)
    page = html_page(tree, options, dest.name)
    # Serialised into the file as it goes: no string or bytes of the whole page is held
    # (for a long paper, the text as str and its UTF-8 took more than the page's tree).
    atomic_write(dest, lambda out: write_page(page, out))


def render(tree: etree._ElementTree, options: Options, self_href: str = "") -> str:
    """The whole page as an HTML5 string (DOCTYPE, UTF-8, no script)."""
    return serialize(html_page(tree, options, self_href))


def html_page(tree: etree._ElementTree, options: Options, self_href: str = "") -> etree._Element:
    """The page as an HTML element tree, laid out."""
    doc = tree.getroot()
    ctx = Context(doc.get(XML_LANG, "en"))
    page = el("html", {"lang": ctx.lang, "dir": labels.direction(ctx.lang)})
    page.append(head(ctx, doc, options, self_href))
    page.append(body(ctx, doc, options))
    layout(page)
    return page


def serialize(page: etree._Element) -> str:
    """An HTML element tree as an HTML5 document (lxml escapes all text and attributes)."""
    return lxml.html.tostring(page, doctype=DOCTYPE, encoding="unicode", method="html") + "\n"


def write_page(page: etree._Element, out: IO[bytes]) -> None:
    """``serialize(page)`` in UTF-8, written into ``out`` (the same bytes)."""
    etree.ElementTree(page).write(out, method="html", doctype=DOCTYPE, encoding="utf-8")
    out.write(b"\n")


def head(ctx: Context, doc: etree._Element, options: Options, self_href: str) -> etree._Element:
    """The head: charset, viewport, title, language alternates, inlined style sheet."""
    out = el("head")
    sub(out, "meta", {"charset": "utf-8"})
    sub(out, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    sub(out, "meta", {"name": "color-scheme", "content": "light dark"})
    sub(out, "title", None, page_title(doc))
    for lang, href in alternate_links(ctx.lang, options, self_href):
        sub(out, "link", {"rel": "alternate", "hreflang": lang, "href": href})
    sub(out, "style", None, house_css())
    return out


def page_title(doc: etree._Element) -> str:
    """The text of the <title>: the document title, and its symbol when it has one."""
    meta = doc.find("meta")
    title = text_of(meta.find("title"))
    symbol = text_of(meta.find("symbol"))
    return f"{title} ({symbol})" if symbol else title


def alternate_links(lang: str, options: Options, self_href: str) -> list[tuple[str, str]]:
    """Every language version, this one included when its own name is known, sorted by language."""
    links = dict(options.alternates)
    if self_href and links:
        links[lang] = self_href
    return sorted(links.items())


def body(ctx: Context, doc: etree._Element, options: Options) -> etree._Element:
    """The body: skip link, banner (languages, title block), contents, main, footer."""
    out = el("body", {"class": f"doc-{doc.get('type', 'paper')}"})
    sub(out, "a", {"class": "skip-link", "href": "#main"}, ctx.label("skip"))
    banner = title_block(ctx, doc.find("meta"))
    banner.set("class", "banner title-block")
    languages = language_nav(ctx, options)
    if languages is not None:
        banner.insert(0, languages)
    out.append(banner)
    add(out, contents_nav(ctx, doc))
    main = sub(out, "main", {"id": "main", "tabindex": "-1"})
    if doc.find("agenda") is not None:
        add(main, *programme(ctx, doc.find("agenda")))
    else:
        add(main, *paper(ctx, doc.find("body")))
    add(main, footnotes(ctx, doc.find("footnotes")))
    out.append(footer(ctx, doc))
    return out


def language_nav(ctx: Context, options: Options) -> etree._Element | None:
    """Links to the other language versions, each named in its own language."""
    if not options.alternates:
        return None
    nav = el("nav", {"class": "languages", "aria-label": ctx.label("languages")})
    listing = sub(nav, "ul")
    for lang, href in sorted(options.alternates.items()):
        item = sub(listing, "li")
        sub(item, "a", {"href": href, "hreflang": lang, "lang": lang}, labels.language_name(lang))
    return nav


def contents_nav(ctx: Context, doc: etree._Element) -> etree._Element | None:
    """A table of contents when the document has two entries or more."""
    entries = outline(ctx, doc)
    if len(entries) < 2:
        return None
    nav = el("nav", {"class": "toc", "aria-labelledby": "toc-heading"})
    sub(nav, "h2", {"id": "toc-heading"}, ctx.label("contents"))
    nav.append(toc_list(entries))
    return nav


def footer(ctx: Context, doc: etree._Element) -> etree._Element:
    """The footer: where the text comes from."""
    out = el("footer", {"class": "colophon"})
    source = doc.find("meta/source")
    if source is not None:
        sub(out, "p", None, ctx.colon(ctx.label("source")) + " ",
            el("span", {"class": "file", "translate": "no"}, source.get("file", "")))
    return out
