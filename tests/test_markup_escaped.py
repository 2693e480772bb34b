"""Text that looks like markup comes out as text in every format (never as markup or links)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from pipeline import writers
from pipeline.validate import validate

NASTY = ["<script>alert(1)</script>", "Tom & Jerry", "\"quoted\" and 'single'",
         "javascript:alert(2)", "<a href=\"javascript:alert(3)\">click</a>", "&amp;lt;"]


def nasty_document() -> etree._ElementTree:
    """A valid paper whose title, paragraph and footnote hold markup-like text."""
    doc = etree.Element("document", id="nasty", type="paper", version="1")
    doc.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    meta = etree.SubElement(doc, "meta")
    etree.SubElement(meta, "title").text = NASTY[0]
    etree.SubElement(meta, "source", file="nasty.en.txt", sha256="0" * 64)
    body = etree.SubElement(doc, "body")
    for n, text in enumerate(NASTY, start=1):
        p = etree.SubElement(etree.SubElement(body, "para", n=str(n)), "p")
        p.text = text
    p.append(etree.Element("noteref", to="fn1"))
    fn = etree.SubElement(etree.SubElement(doc, "footnotes"), "footnote", id="fn1", n="1")
    fn.text = NASTY[4]
    assert validate(doc, "nasty") == []
    return doc.getroottree()


def visible_text(fmt: str, path: Path) -> tuple[str, list[str]]:
    """(the text a reader sees, the link targets) of an output file."""
    if fmt == "html":
        page = html.parse(str(path)).getroot()
        assert not page.xpath("//script"), "a script element came out"
        return page.text_content(), page.xpath("//a/@href")
    with zipfile.ZipFile(path) as z:
        names = {"epub": [n for n in z.namelist() if n.endswith(".xhtml")],
                 "docx": ["word/document.xml", "word/footnotes.xml"],
                 "odt": ["content.xml"]}[fmt]
        text, links = "", []
        for name in names:
            root = etree.fromstring(z.read(name))
            assert not root.xpath("//*[local-name()='script']"), f"script element in {name}"
            text += " ".join(root.itertext())
            links += root.xpath("//@*[local-name()='href']")
            if fmt == "docx":
                rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
                links += rels.xpath("//@Target")
        return text, links


@pytest.mark.parametrize("fmt", sorted(writers.REGISTRY))
def test_markup_like_text_is_escaped(fmt: str, tmp_path: Path) -> None:
    """Every nasty string is in the output as text; no javascript: link anywhere."""
    dest = tmp_path / f"nasty.{writers.REGISTRY[fmt].ext}"
    writers.get(fmt)(nasty_document(), dest, writers.Options())
    text, links = visible_text(fmt, dest)
    flat = " ".join(text.split())
    for s in NASTY:
        assert " ".join(s.split()) in flat, f"{s!r} is not in the {fmt} text"
    assert not [h for h in links if h.strip().lower().startswith("javascript:")]
