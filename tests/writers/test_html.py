"""HTML writer: every page is valid, accessible, complete and reproducible; features render."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from pipeline.documents import language_versions
from pipeline.writers import Options
from pipeline.writers.html import render

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Subtrees left out of the visible-text comparison: tables of contents repeat headings.
NOT_TEXT = frozenset({"head", "nav", "script", "style"})


def page(path: Path) -> lxml.html.HtmlElement:
    """A written page, parsed."""
    return lxml.html.document_fromstring(path.read_bytes())


def xml_root(built, name: str) -> etree._Element:
    """The XML a page was written from."""
    return etree.parse(str(built.xml(name))).getroot()


def test_no_axe_violations(built, axe_results, built_name):
    from support.tools import format_axe_violations

    found = axe_results[built.html(built_name)]
    assert not found, format_axe_violations(found)


def test_no_nu_checker_errors(built, vnu_results, built_name):
    from support.tools import format_messages

    mine = [m for m in vnu_results if Path(m.file).name == built.html(built_name).name]
    assert not mine, format_messages(mine)


def test_page_frame(built, built_name):
    doc, html = xml_root(built, built_name), page(built.html(built_name))
    assert built.html(built_name).read_bytes().startswith(b"<!DOCTYPE html>\n<html ")
    assert html.get("lang") == doc.get(XML_LANG) and html.get("dir") == "ltr"
    assert html.find("head/meta").get("charset") == "utf-8"
    title = " ".join("".join(doc.find("meta/title").itertext()).split())
    assert html.findtext("head/title").startswith(title)
    first_link = html.find(".//body//a")
    assert first_link.get("href") == "#main" and first_link.get("class") == "skip-link"
    assert [el.tag for el in html.body if el.tag in ("header", "main", "footer")] == \
        ["header", "main", "footer"], "banner, main and contentinfo landmarks"
    assert html.body.find("main").get("id") == "main"


def test_standalone_without_script(built, built_name):
    html = page(built.html(built_name))
    assert html.find(".//script") is None
    assert not [a for el in html.iter() for a in el.attrib if a.startswith("on")]
    assert not html.xpath("//@src") and not html.xpath("//link[@rel='stylesheet']")
    css = html.findtext("head/style")
    assert "@media print" in css and "prefers-color-scheme: dark" in css
    assert "url(" not in css and "@import" not in css


def test_headings_never_skip_a_level(built, built_name):
    headings = page(built.html(built_name)).iter("h1", "h2", "h3", "h4", "h5", "h6")
    levels = [int(h.tag[1]) for h in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"h{before} followed by h{after}"


def test_paragraphs_have_citable_anchors(built, built_name):
    doc, html = xml_root(built, built_name), page(built.html(built_name))
    for para in doc.iter("para"):
        target = html.get_element_by_id(f"para-{para.get('n')}")
        links = target.xpath("a[@class='para-num']")
        assert links and links[0].get("href") == f"#para-{para.get('n')}"
        assert links[0].text_content().strip() == f"{para.get('n')}."


def test_footnotes_link_both_ways(built, built_name):
    doc, html = xml_root(built, built_name), page(built.html(built_name))
    notes = list(doc.iter("footnote"))
    if notes:
        assert html.xpath("//section[@role='doc-endnotes']")
    for note in notes:
        note_id = note.get("id")
        refs = html.xpath(f"//a[@role='doc-noteref'][@href='#{note_id}']")
        assert len(refs) == len(doc.xpath(f"//noteref[@to='{note_id}']"))
        backs = html.get_element_by_id(note_id).xpath(".//a[@role='doc-backlink']")
        assert sorted(b.get("href") for b in backs) == sorted(f"#{r.get('id')}" for r in refs)


def test_agenda_times_are_machine_readable(built, built_name):
    doc, html = xml_root(built, built_name), page(built.html(built_name))
    datetimes = set(html.xpath("//time/@datetime"))
    for day in doc.iter("day"):
        for item in day.iter("item"):
            for attr in ("start", "end"):
                if item.get(attr):
                    assert f"{day.get('date')}T{item.get(attr)}" in datetimes


def test_links_to_the_other_languages(built, built_name):
    html = page(built.html(built_name))
    alternates = {link.get("hreflang"): link.get("href")
                  for link in html.xpath("//head/link[@rel='alternate']")}
    xml = built.xml(built_name)
    for lang, path in language_versions(built_name, xml.parent.glob("*.xml")).items():
        assert alternates[lang] == f"{path.name.removesuffix('.xml')}.html"
        assert (built.html(built_name).parent / alternates[lang]).is_file()


def test_every_xml_word_once_in_order(built, built_name, words_check, page_words):
    words = page_words(page(built.html(built_name)).body, NOT_TEXT)
    problems = words_check(xml_root(built, built_name), words)
    assert not problems, "\n".join(problems)


def test_building_twice_is_byte_identical(built, rebuilt, built_name):
    assert built.html(built_name).read_bytes() == rebuilt.html(built_name).read_bytes()


def test_markup_in_text_stays_text(feature_docs):
    out = render(feature_docs["feature-paper.en"], Options())
    html = lxml.html.document_fromstring(out)
    assert html.find(".//script") is None and html.find(".//main//b") is None
    title = "Tags like <script>alert(1)</script> & <b>friends</b>"
    assert html.find(".//h1").text_content() == title
    assert "&lt;script&gt;" in out and "text &amp; an ampersand" in out


def test_paper_features(feature_docs, words_check, page_words):
    tree = feature_docs["feature-paper.en"]
    html = lxml.html.document_fromstring(render(tree, Options()))
    assert [h.text_content() for h in html.iter("h4")] == ["Sub sub heading"]
    assert html.get_element_by_id("sec-1").text_content() == "I. Heading one"
    markers = html.xpath("//ol[contains(@class,'list-roman')]//span[@class='marker']")
    assert [m.text for m in markers] == ["(i)", "(ii)"]
    assert html.xpath("//ol[contains(@class,'list-number')]/@type") == ["1"]
    assert len(html.get_element_by_id("fn2").findall("p")) == 2
    assert html.find(".//p[@class='doc-symbol']/span[@translate='no']").text == "MC/INF/293"
    assert not words_check(tree.getroot(), page_words(html.body, NOT_TEXT))


def test_agenda_features(feature_docs, words_check, page_words):
    tree = feature_docs["feature-agenda.es"]
    html = lxml.html.document_fromstring(render(tree, Options()))
    titles = [h.text_content() for h in html.iter("h3")]
    assert titles[1:3] == ["Sesión II: Título de la sesión", "Sesión 3: Sin etiqueta"]
    labels = [p.text_content().split(":")[0] for p in html.find_class("moderator")]
    assert labels == ["Moderadora", "Moderador"]
    first = html.get_element_by_id("day-1-item-1")
    assert first.xpath(".//time/@datetime") == ["2008-07-07T09:00"]
    assert not words_check(tree.getroot(), page_words(html.body, NOT_TEXT))


def test_day_without_heading_prints_its_date(feature_docs):
    html = lxml.html.document_fromstring(render(feature_docs["feature-headless-day.es"], Options()))
    assert html.get_element_by_id("day-2").find("h2").text_content() == "8 de julio de 2008"


def test_feature_pages_pass_axe_and_nu(feature_docs, tmp_path):
    from support.tools import axe_violations, format_axe_violations, format_messages, vnu_errors

    paths = []
    for name, tree in feature_docs.items():
        paths.append(tmp_path / f"{name}.html")
        paths[-1].write_text(render(tree, Options(alternates={"fr": "x.fr.html"})), "utf-8")
    errors = vnu_errors(paths)
    assert not errors, format_messages(errors)
    found = {p: v for p, v in axe_violations(paths).items() if v}
    assert not found, format_axe_violations(found)


@pytest.mark.parametrize("width", [320, 375])
def test_no_horizontal_scroll_on_a_phone(built, width):
    from support.tools import CHROMIUM_ARGS, chromium_path, require_tools
    require_tools("playwright", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
        try:
            tab = browser.new_page(viewport={"width": width, "height": 800})
            for path in sorted((built.out / "html").glob("*.html")) + [built.index]:
                tab.goto(path.as_uri())
                scroll = tab.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{path.name}: {scroll}px wide at {width}px"
        finally:
            browser.close()


def test_dark_palette_passes_axe(built, tmp_path):
    from support.tools import axe_violations, format_axe_violations

    paths = []
    for path in sorted((built.out / "html").glob("*.html")) + [built.index]:
        dark = path.read_text("utf-8").replace("@media (prefers-color-scheme: dark)", "@media all")
        assert dark != path.read_text("utf-8"), "the house CSS has a dark palette"
        paths.append(tmp_path / path.name)
        paths[-1].write_text(dark, "utf-8")
    found = {p: v for p, v in axe_violations(paths).items() if v}
    assert not found, format_axe_violations(found)


def test_a_programme_of_work_is_a_table_with_headers_in_scope():
    """A programme of work is a table: column headers, each day a row group headed by its
    date, each row headed by its meeting's time (machine-readable), an item at several
    meetings with unique ids."""
    from pipeline.documents import read_text_source

    src = Path(__file__).parents[1] / "fixtures/reader/un-programme-of-work-es-layout-limited/input.txt"
    tree, _ = read_text_source(src.read_bytes(), "pow.es.txt")
    html = lxml.html.document_fromstring(render(tree, Options()))
    ids = [e.get("id") for e in html.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), ids
    table = html.xpath("//table[@class='work']")[0]
    assert [th.text_content() for th in table.xpath("thead/tr/th[@scope='col']")] == [
        "Fecha y hora", "Tema", "Asunto"]
    days = table.xpath("tbody/tr/th[@scope='rowgroup']/time/@datetime")
    assert days == ["2029-04-09", "2029-04-10", "2029-04-11", "2029-04-12"]
    times = table.xpath(".//th[@scope='row']")
    assert len(times) == 10
    assert times[0].xpath(".//time/@datetime") == ["2029-04-09T10:00", "2029-04-09T13:00"]
    assert times[0].text_content() == "10:00–13:00"
    rows = table.xpath("tbody/tr[td]")
    assert [r.xpath("string(td[@class='entry-num'])") for r in rows] == [
        "1", "2", "3", "3", "4", "4", "5", "5", "6", "7"]
    assert rows[1].xpath("string(td[@class='subject']/p[@class='entry-title'])") == \
        "Aprobación del programa y otras cuestiones de organización"


def test_an_agendas_annexes_are_sections_after_its_items(feature_docs):
    """R16: each annex of an agenda is a section after the items, listed in the contents:
    its heading (h2) and title (h3), then its programme of work (the note above the table,
    then the one table, rows headed by their time) or its prose (numbered paragraphs, a
    list)."""
    html = lxml.html.document_fromstring(render(feature_docs["feature-work.fr"], Options()))
    main = html.xpath("//main")[0]
    annexes = main.xpath("section[contains(@class, 'annex')]")
    assert [a.xpath("string(h2)") for a in annexes] == ["Annexe I", "Annexe II"]
    assert [a.xpath("string(h3)") for a in annexes] == [
        "Projet de programme de travail", "Organisation des travaux"]
    assert main.xpath("section[@class='entry']")[-1].getnext() is annexes[0]
    work, prose = annexes
    assert [c.tag for c in work][2:] == ["p", "table"]
    assert work.xpath("string(p)") == "Le programme pourra être modifié par le Bureau."
    assert len(html.xpath("//table[@class='work']")) == 1
    assert work.xpath("table/tbody/tr/td[@class='entry-num']/text()") == ["1", "2", "2", "3(a)"]
    assert work.xpath("table//th[@scope='row']//time/@datetime")[:2] == [
        "2029-04-09T10:00", "2029-04-09T13:00"]
    assert prose.xpath("div[@class='para']/@id") == ["para-1", "para-2"]
    assert [" ".join(li.text_content().split()) for li in prose.xpath("div[@class='para'][1]/ol/li")] == [
        "(a) Le lundi : points 1 et 2 ;", "(b) Le mardi : point 3."]
    assert html.xpath("//nav[@class='toc']//a/@href") == [
        "#annex-1-heading", "#annex-2-heading", "#footnotes"]
    assert all(html.xpath(f"//*[@id='{t[1:]}']") for t in html.xpath("//nav[@class='toc']//a/@href"))
