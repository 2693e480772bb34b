"""ODT post-processing: bulleted paragraphs in lists, language and running head, meta.xml.

``emit`` writes the body as pandoc's ODT writer did; this module adds what that did not:
lists around bulleted paragraphs, the document's language on every style of reference.odt's
styles.xml, the running head in its header (and a UN document's job number, date code and
barcode in its footers, R15), and meta.xml.
"""
from __future__ import annotations

from lxml import etree

from ..docx.house import odt_name, styles
from ..docx.props import JobFoot, Properties
from .emit import add_text
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


def styles_part(data: bytes, tag: str, running_head: str, foot: JobFoot | None = None) -> bytes:
    """styles.xml with the language on every style, the running head in the header and,
    for a document with a job number, the UN page foot in the footers."""
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
    if foot is not None:
        job_footers(root.find("office:master-styles/style:master-page", NS), foot)
    return serialise(root)


def job_footers(master: etree._Element, foot: JobFoot) -> None:
    """The master page's footers as a UN document prints them (R15): on the first page the
    job number and the date code, the barcode's text under them; on later pages the job
    number, the page number at the right-hand tab stop of Job Footer."""
    style, barcode = odt_name("Job Footer"), odt_name("Barcode")
    for part, lines in (("style:footer-first", [(style, f"{foot.job}\t{foot.date_code}".rstrip("\t")),
                                                 (barcode, foot.barcode)]),
                        ("style:footer", [(style, f"{foot.number}\t\t")])):
        area = master.find(part, NS)
        for child in list(area):
            area.remove(child)
        for name, text in lines:
            add_text(sub(area, "text:p", {"text:style-name": name}), text)
    later = master.find("style:footer/text:p", NS)
    sub(later, "text:page-number", {"text:select-page": "current"}).text = "1"


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
