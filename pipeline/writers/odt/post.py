"""ODT post-processing of pandoc's output: style names, table rules, language, header, meta.

pandoc writes a Div's ``custom-style`` as the style name itself ("Day Heading"); ODF names
cannot hold spaces, so they become the internal names of reference.odt ("Day_20_Heading").
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from ..docx.house import odt_name, styles
from ..docx.props import Properties
from .odf import NS, language_attrs, parse, q, serialise, sub

#: Attributes that name a common style.
STYLE_REFS = ("text:style-name", "style:parent-style-name", "style:next-style-name")


def content(data: bytes, agenda: dict[str, Any]) -> bytes:
    """content.xml with internal style names and ruled agenda tables."""
    root = parse(data)
    named = set(styles())
    for attr in STYLE_REFS:
        for el in root.iterfind(f".//*[@{attr}]", NS):
            if el.get(q(attr)) in named:
                el.set(q(attr), odt_name(el.get(q(attr))))
    bullet_lists(root)
    table_rules(root, agenda)
    return serialise(root)


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


def table_rules(root: etree._Element, agenda: dict[str, Any]) -> None:
    """Rules under every row of every table, a stronger one under the header row."""
    rule = f"{agenda['rule_width']}pt solid #{agenda['rule_colour']}"
    header_rule = f"{agenda['header_rule_width']}pt solid #{agenda['header_rule_colour']}"
    for el in root.iterfind("office:automatic-styles/style:style", NS):
        props = el.find("style:table-cell-properties", NS)
        if props is None:
            continue
        props.attrib.pop(q("fo:border"), None)
        header = "Header" in el.get(q("style:name"))
        props.set(q("fo:border-bottom"), header_rule if header else rule)
        props.set(q("fo:padding"), "0.1cm")


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
