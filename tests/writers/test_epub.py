"""EPUB writer: EPUBCheck-clean, accessible, complete and byte-for-byte reproducible."""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from pipeline.writers.epub import build

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
#: Subtrees left out of the visible-text comparison.
NOT_TEXT = frozenset({"head", "nav", "style"})


def part(built, name: str, path: str) -> etree._Element:
    """One XML part of an unpacked EPUB, parsed."""
    return etree.parse(str(built.unpacked(name) / path)).getroot()


def xml_root(built, name: str) -> etree._Element:
    """The XML the EPUB was written from."""
    return etree.parse(str(built.xml(name))).getroot()


def test_epubcheck_finds_nothing(built, built_name):
    from support.tools import epub_errors_and_warnings, format_messages

    messages = epub_errors_and_warnings(built.epub(built_name))
    assert not messages, format_messages(messages)


def test_package_metadata(built, built_name):
    doc, opf = xml_root(built, built_name), part(built, built_name, "EPUB/package.opf")
    meta = opf.find("opf:metadata", NS)
    assert meta.findtext("dc:language", namespaces=NS) == doc.get(XML_LANG)
    assert meta.findtext("dc:title", namespaces=NS)
    assert meta.findtext("dc:identifier", namespaces=NS) == \
        f"urn:pipeline:{doc.get('id')}:{doc.get(XML_LANG)}"
    props = {}
    for m in meta.findall("opf:meta", NS):
        props.setdefault(m.get("property"), []).append(m.text)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", props["dcterms:modified"][0])
    assert props["schema:accessMode"] == ["textual"]
    assert props["schema:accessModeSufficient"] == ["textual"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= \
        set(props["schema:accessibilityFeature"])
    assert props["schema:accessibilityHazard"] == ["none"]
    assert props["schema:accessibilitySummary"][0]
    assert props["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert props["a11y:certifiedBy"][0]


def test_navigation_has_toc_and_landmarks(built, built_name):
    nav = part(built, built_name, "EPUB/nav.xhtml")
    kinds = {n.get(EPUB_TYPE) for n in nav.iterfind(".//x:nav", NS)}
    assert {"toc", "landmarks"} <= kinds
    marks = nav.xpath("//x:nav[@epub:type='landmarks']//x:a/@epub:type", namespaces=NS)
    assert {"toc", "bodymatter"} <= set(marks)
    assert nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)


def test_xhtml_declares_its_language(built, built_name):
    lang = xml_root(built, built_name).get(XML_LANG)
    for path in ("EPUB/text.xhtml", "EPUB/nav.xhtml"):
        root = part(built, built_name, path)
        assert root.get("lang") == lang and root.get(XML_LANG) == lang


def test_footnotes_are_asides_with_back_links(built, built_name):
    doc, text = xml_root(built, built_name), part(built, built_name, "EPUB/text.xhtml")
    for note in doc.iter("footnote"):
        aside = text.xpath(f"//x:aside[@id='{note.get('id')}']", namespaces=NS)[0]
        assert aside.get(EPUB_TYPE) == "footnote" and aside.get("role") == "doc-footnote"
        refs = text.xpath(f"//x:a[@href='#{note.get('id')}']", namespaces=NS)
        assert refs and all(r.get("role") == "doc-noteref" and r.get(EPUB_TYPE) == "noteref"
                            for r in refs)
        backs = aside.xpath(".//x:a[@role='doc-backlink']/@href", namespaces=NS)
        assert sorted(backs) == sorted(f"#{r.get('id')}" for r in refs)


def test_zip_is_ordered_and_dated(built, built_name):
    with zipfile.ZipFile(built.epub(built_name)) as archive:
        infos = archive.infolist()
        first = infos[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b"" and archive.read(first) == b"application/epub+zip"
        assert built.epub(built_name).read_bytes()[30:38] == b"mimetype"
    names = [i.filename for i in infos[1:]]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_xhtml_passes_axe(built, axe_results, built_name):
    from support.tools import format_axe_violations

    for path in ("text.xhtml", "nav.xhtml"):
        found = axe_results[built.unpacked(built_name) / "EPUB" / path]
        assert not found, format_axe_violations(found)


def test_every_xml_word_once_in_order(built, built_name, words_check, page_words):
    body = part(built, built_name, "EPUB/text.xhtml").find("x:body", NS)
    problems = words_check(xml_root(built, built_name), page_words(body, NOT_TEXT))
    assert not problems, "\n".join(problems)


def test_building_twice_is_byte_identical(built, rebuilt, built_name):
    assert built.epub(built_name).read_bytes() == rebuilt.epub(built_name).read_bytes()


def test_feature_documents_pass_epubcheck(feature_docs, tmp_path, words_check, page_words):
    from support.tools import epub_errors_and_warnings, format_messages

    for doc_name, tree in feature_docs.items():
        data = build(tree)
        assert data == build(tree)
        path = tmp_path / f"{doc_name}.epub"
        path.write_bytes(data)
        messages = epub_errors_and_warnings(path)
        assert not messages, format_messages(messages)
        with zipfile.ZipFile(path) as archive:
            body = etree.fromstring(archive.read("EPUB/text.xhtml")).find("x:body", NS)
        problems = words_check(tree.getroot(), page_words(body, NOT_TEXT))
        assert not problems, "\n".join(problems)


def test_an_agendas_annexes_are_in_the_navigation(feature_docs):
    """R16: the navigation document lists an agenda's annexes under its title, each link
    to the annex's heading in the text."""
    data = build(feature_docs["feature-work.fr"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
        text = etree.fromstring(archive.read("EPUB/text.xhtml"))
    links = nav.xpath("//x:nav[@id='toc']//x:a", namespaces=NS)
    annexes = [(a.get("href"), "".join(a.itertext())) for a in links if "annex" in a.get("href")]
    assert annexes == [("text.xhtml#annex-1-heading", "Annexe I"), ("text.xhtml#annex-2-heading", "Annexe II")]
    for href, words in annexes:
        target = text.xpath(f"//*[@id='{href.split('#')[1]}']")
        assert target and target[0].tag == f"{{{NS['x']}}}h2" and "".join(target[0].itertext()) == words
