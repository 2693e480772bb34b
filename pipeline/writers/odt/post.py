"""ODT post-processing: bulleted paragraphs in lists, language and running head, meta.xml.

``emit`` writes the body as pandoc's ODT writer did; this module adds what that did not:
lists around bulleted paragraphs, the document's language on every style of reference.odt's
styles.xml, the running head in its header, and meta.xml.
"""
from __future__ import annotations

from lxml import etree

from ..docx.house import odt_name, styles
from ..docx.props import Properties
from .odf import NS, language_attrs, parse, q, serialise, sub


def bullet_lists(root: etree._Element) -> None:
    """Runs of paragraphs in a bulleted style (Question, List Bullet) wrapped in a text:list.

    LibreOffice shows a paragraph style's list style only on paragraphs inside a list.
    """
    lists = {odt_name(name): odt_name(f"{name} List")
             for name, props in styles().items() if "bullet" in props}
    current: etree._Element | None = None
    for para in list(root.iter(q("text:p"))):
        list_style = lists.get(para.get(q("text:style-name")))
        if list_style is None or para.getparent().tag == q("text:list-item"):
            current = None
            continue
        if para.getprevious() is not current or current.get(q("text:style-name")) != list_style:
            current = etree.Element(q("text:list"), {q("text:style-name"): list_style})
            para.addprevious(current)
        sub(current, "text:list-item").append(para)


def styles_part(data: bytes, tag: str, running_head: str) -> bytes:
    """styles.xml with the language on every style and the running head in the header."""
    root = parse(data)
    lang = language_attrs(tag)
    for el in root.iter(q("style:default-style"), q("style:style")):
        if el.get(q("style:family")) not in ("paragraph", "text"):
            continue
        props = el.find("style:text-properties", NS)
        if props is None:
            props = sub(el, "style:text-properties")
        for attr, value in lang.items():
            props.set(q(attr), value)
    head = root.find("office:master-styles/style:master-page/style:header/text:p", NS)
    if head is not None:
        head.text = running_head
    return serialise(root)


def meta(props: Properties, tag: str) -> bytes:
    """meta.xml: title, subject, keywords, language and fixed dates."""
    doc = etree.Element(q("office:document-meta"),
                        nsmap={k: NS[k] for k in ("office", "meta", "dc")})
    doc.set(q("office:version"), "1.3")
    body = sub(doc, "office:meta")
    sub(body, "meta:generator").text = "pipeline"
    sub(body, "dc:title").text = props.title
    sub(body, "dc:subject").text = props.subject
    for keyword in props.keywords:
        sub(body, "meta:keyword").text = keyword
    sub(body, "dc:language").text = tag
    when = f"{props.date.isoformat()}T00:00:00"
    sub(body, "meta:creation-date").text = when
    sub(body, "dc:date").text = when
    return serialise(doc)
