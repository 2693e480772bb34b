"""Landing page: lists every document and language, links every format, passes the same checks."""
from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from pipeline.index import write_index
from pipeline.writers import REGISTRY

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_no_axe_violations(built, axe_results):
    from support.tools import format_axe_violations

    assert not axe_results[built.index], format_axe_violations(axe_results[built.index])


def test_no_nu_checker_errors(built, vnu_results):
    from support.tools import format_messages

    mine = [m for m in vnu_results if Path(m.file).name == "index.html"]
    assert not mine, format_messages(mine)


def test_lists_every_version_with_links(built):
    html = lxml.html.document_fromstring(built.index.read_bytes())
    assert html.get("lang") == "en" and html.findtext("head/title")
    assert html.find(".//a").get("href") == "#main"
    for xml_path in sorted((built.out / "xml").glob("*.xml")):
        doc = etree.parse(str(xml_path)).getroot()
        entry = html.get_element_by_id(f"doc-{doc.get('id')}")
        title = " ".join("".join(doc.find("meta/title").itertext()).split())
        lang = doc.get(XML_LANG)
        assert entry.xpath(f".//span[@class='title'][@lang='{lang}']")[0].text == title
        name = xml_path.stem
        hrefs = set(entry.xpath(f".//a[@hreflang='{lang}']/@href"))
        for fmt in REGISTRY.values():
            assert f"{fmt.name}/{name}.{fmt.ext}" in hrefs
        assert f"xml/{name}.xml" in hrefs
    for link in html.xpath("//a/@href"):
        assert not link.startswith(("/", "http:", "https:", "file:")), link
    for fmt in ("html", "epub", "xml"):
        for link in html.xpath(f"//a[starts-with(@href, '{fmt}/')]/@href"):
            assert (built.out / link).is_file(), link


def test_extra_link_groups(built, tmp_path):
    xml_paths = sorted((built.out / "xml").glob("*.xml"))
    doc_id = etree.parse(str(xml_paths[0])).getroot().get("id")
    extra = {doc_id: [("English / French", "compare/en-fr.html")],
             "Redlines": [("Every redline", "redlines/index.html")]}
    dest = tmp_path / "index.html"
    write_index(xml_paths, dest, ["html"], extra_links=extra)
    html = lxml.html.document_fromstring(dest.read_bytes())
    entry = html.get_element_by_id(f"doc-{doc_id}")
    assert entry.xpath(".//a[@href='compare/en-fr.html']")
    assert html.xpath("//section[h2='Redlines']//a[@href='redlines/index.html']")


def test_building_twice_is_byte_identical(built, rebuilt):
    assert built.index.read_bytes() == rebuilt.index.read_bytes()
