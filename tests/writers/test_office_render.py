"""What LibreOffice shows of the DOCX and ODT: headings and bookmarks, notes, page breaks.

One LibreOffice process converts every file these tests need to PDF (session fixture
``rendered``); the checks read the PDF back with pypdf (bookmarks) and pdftotext (text,
page by page). The XML-level checks beside them say where in the file each property lives.
"""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader

from office_fixtures import load, norm, office_documents, text_of  # noqa: F401 (fixture)
from pipeline.writers import Options, get
from pipeline.writers.odt.odf import NS
from render_fixtures import ITEMS, item_time, long_agenda, notes_out_of_order, star_notes
from support.tools import pdf_text, pdftotext_path, require_tools, soffice_convert_many

AGENDA, PAPER = "idm2008-ws2-agenda.en", "idm2008-return-migration-paper.en"
FORMATS = ("docx", "odt")


def q(name: str) -> str:
    """A prefixed ODF name in Clark notation."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@pytest.fixture(scope="session")
def render_trees(office_documents: dict[str, Path]) -> dict[str, etree._ElementTree]:
    """The documents rendered here: a real agenda and paper, and the two made ones."""
    trees = {name: etree.parse(str(office_documents[name])) for name in (AGENDA, PAPER)}
    trees["long-agenda.en"] = long_agenda()
    trees["notes-order.en"] = notes_out_of_order()
    trees["star-notes.en"] = star_notes()
    return trees


@pytest.fixture(scope="session")
def office_files(render_trees: dict[str, etree._ElementTree],
                 tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Each document written as DOCX and ODT: (name, format) -> path."""
    out = tmp_path_factory.mktemp("render-office")
    files = {}
    for name, tree in render_trees.items():
        for fmt in FORMATS:
            dest = out / f"{name}-{fmt}.{fmt}"
            get(fmt)(tree, dest, Options())
            files[name, fmt] = dest
    return files


@pytest.fixture(scope="session")
def rendered(office_files: dict[tuple[str, str], Path],
             tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every office file printed to PDF by one LibreOffice process: (name, format) -> PDF."""
    keys = sorted(office_files)
    pdfs = soffice_convert_many([office_files[k] for k in keys], "pdf",
                                tmp_path_factory.mktemp("render-pdf"))
    return dict(zip(keys, pdfs))


def bookmarks(pdf: Path) -> list[tuple[int, str]]:
    """The PDF's outline as (depth, title), depth 0 at the top, in order."""
    reader = PdfReader(pdf)
    out: list[tuple[int, str]] = []

    def walk(entries: list, depth: int) -> None:
        """Append each entry, then its children one level deeper."""
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, norm(entry.title)))

    walk(reader.outline, 0)
    return out


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext), whitespace collapsed."""
    return [norm(page) for page in pdf_text(pdf).split("\f")]


# ------------------------------------------------------------------ headings, outline levels

def test_odt_agenda_headings_are_headings(office_files: dict[tuple[str, str], Path],
                                          render_trees: dict[str, etree._ElementTree]) -> None:
    """The ODT agenda's title, day headings and item titles are text:h at levels 1, 2, 3."""
    with zipfile.ZipFile(office_files[AGENDA, "odt"]) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    for tab in content.iter(q("text:tab")):
        tab.tail = " " + (tab.tail or "")
    headings = [(h.get(q("text:outline-level")), h.get(q("text:style-name")),
                 norm("".join(h.itertext()))) for h in content.iter(q("text:h"))]
    root = render_trees[AGENDA].getroot()
    days = [text_of(d.find("heading")) for d in root.iter("day")]
    titles = [text_of(i.find("title")) for i in root.iter("item")]
    assert ("1", "Title", text_of(root.find("meta/title"))) in headings
    assert [t for level, style, t in headings if style == "Day_20_Heading" and level == "2"] \
        == days
    items = [t for level, style, t in headings if style == "Item_20_Title" and level == "3"]
    assert len(items) == len(titles) and all(map(str.endswith, items, titles)), (items, titles)


def effective_outline_level(styles: etree._Element, style_id: str) -> int | None:
    """A DOCX paragraph style's outline level (w:outlineLvl), through its basedOn chain."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    while style_id in by_id:
        style = by_id[style_id]
        level = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if level is not None:
            return int(level.get(qn("w:val")))
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
    return None


def docx_styles(path: Path) -> etree._Element:
    """word/styles.xml of a DOCX."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/styles.xml"))


def test_docx_title_and_agenda_outline_levels(office_files: dict[tuple[str, str], Path]) -> None:
    """Title is at outline level 1 (w:outlineLvl 0), like the DOCX headings it sits above."""
    styles = docx_styles(office_files[AGENDA, "docx"])
    levels = {sid: effective_outline_level(styles, sid)
              for sid in ("Title", "AgendaHeading", "DayHeading", "ItemTitle", "Heading1")}
    assert levels == {"Title": 0, "AgendaHeading": 0, "DayHeading": 1, "ItemTitle": 2,
                      "Heading1": 0}


@pytest.mark.parametrize("name", [AGENDA, PAPER])
def test_docx_styles_are_based_on_defined_styles(
        name: str, office_files: dict[tuple[str, str], Path]) -> None:
    """Every w:basedOn and w:next names a style of styles.xml (Table was on TableNormal)."""
    styles = docx_styles(office_files[name, "docx"])
    defined = {s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}
    named = {(s.get(qn("w:styleId")), ref.get(qn("w:val"))) for s in styles.iter(qn("w:style"))
             for ref in s.iter(qn("w:basedOn"), qn("w:next"))}
    assert {(sid, ref) for sid, ref in named if ref not in defined} == set()
    table_normal = [s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == "TableNormal"]
    assert table_normal and table_normal[0].get(qn("w:type")) == "table"


@pytest.mark.parametrize("fmt", FORMATS)
def test_pdf_bookmarks_follow_the_headings(fmt: str, rendered: dict[tuple[str, str], Path],
                                           render_trees: dict[str, etree._ElementTree]) -> None:
    """LibreOffice's PDF of the agenda has bookmarks: title, then each day, its items below."""
    root = render_trees[AGENDA].getroot()
    marks = bookmarks(rendered[AGENDA, fmt])
    titles = [t for _, t in marks]
    assert text_of(root.find("meta/title")) in titles, marks
    days = [(d, text_of(d.find("heading"))) for d in root.iter("day")]
    for day, heading in days:
        assert heading in titles, (heading, marks)
        depth = dict((t, dp) for dp, t in marks)[heading]
        start = titles.index(heading)
        below = [t for dp, t in marks[start + 1:start + 1 + len(day.findall("item"))]
                 if dp > depth]
        items = [text_of(i.find("title")) for i in day.iter("item")]
        assert len(below) == len(items) and all(map(str.endswith, below, items)), marks


# ------------------------------------------------------------------ agenda layout

@pytest.mark.parametrize("fmt", FORMATS)
def test_item_time_and_title_on_one_page(fmt: str, rendered: dict[tuple[str, str], Path]) -> None:
    """No item's title breaks across pages, and its time is printed on the title's page."""
    texts = pages(rendered["long-agenda.en", fmt])
    assert len(texts) >= 4, "the long agenda should run over several pages"
    apart = []
    for k in range(ITEMS):
        start, _ = item_time(k)
        where = {mark: [i for i, page in enumerate(texts) if re.search(rf"\b{mark}\b", page)]
                 for mark in (f"Titlestart{k}", f"Titleend{k}")}
        on = where[f"Titlestart{k}"]
        time_pages = [i for i, page in enumerate(texts) if re.search(rf"\b{start}\s*[–-]", page)]
        if len(on) != 1 or where[f"Titleend{k}"] != on or on[0] not in time_pages:
            apart.append((k, start, where, time_pages))
    assert not apart, apart


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_row_taller_than_a_page_is_printed_whole(
        fmt: str, rendered: dict[tuple[str, str], Path],
        render_trees: dict[str, etree._ElementTree]) -> None:
    """Rows are kept on one page, but one that cannot fit is still printed, every sentence."""
    expected = " ".join(render_trees["long-agenda.en"].getroot().itertext()).split()
    printed = pdf_text(rendered["long-agenda.en", fmt]).split()
    for word in ("regional", "plenary."):
        assert printed.count(word) == expected.count(word) > 60, word


@pytest.mark.parametrize("fmt", FORMATS)
def test_day_heading_prints_date_and_day_apart(fmt: str,
                                               office_files: dict[tuple[str, str], Path],
                                               rendered: dict[tuple[str, str], Path]) -> None:
    """"7 July 2008" and "Day One" are runs of their own styles (Day Date, Day Name: the name
    in italics), not one run, and every extractor still reads the line whole, in order."""
    with zipfile.ZipFile(office_files[AGENDA, fmt]) as zf:
        body = zf.read("word/document.xml" if fmt == "docx" else "content.xml").decode()
    if fmt == "docx":
        assert re.search(r'<w:rStyle w:val="DayDate"/></w:rPr><w:t[^>]*>7 July 2008</w:t>', body)
        assert re.search(r'<w:rStyle w:val="DayName"/></w:rPr><w:t[^>]*>Day One</w:t>', body)
    else:
        assert '<text:span text:style-name="Day_20_Date">7 July 2008</text:span>' in body
        assert '<text:span text:style-name="Day_20_Name">Day One</text:span>' in body
    assert "7 July 2008 Day One" in pdf_text(rendered[AGENDA, fmt]).splitlines()


# ------------------------------------------------------------------ footnotes

def words_with_boxes(pdf: Path) -> list[tuple[str, float, float, float]]:
    """Every word of the PDF (pdftotext -bbox) as (text, xMin, yMin, xMax), page 1."""
    require_tools("poppler")
    proc = subprocess.run([pdftotext_path(), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, check=True, timeout=60)
    tree = etree.fromstring(proc.stdout, etree.XMLParser(recover=True))
    return [("".join(w.itertext()), float(w.get("xMin")), float(w.get("yMin")),
             float(w.get("xMax"))) for w in tree.iter("{*}word")]


def number_before(boxes: list[tuple[str, float, float, float]], word: str) -> str | None:
    """The number printed just left of ``word`` on its line (a note's number)."""
    for text, x0, y0, _ in boxes:
        if text == word:
            near = [(x0 - x1, t) for t, _, y, x1 in boxes
                    if t.isdigit() and 0 <= x0 - x1 < 12 and abs(y - y0) < 3]
            return min(near)[1] if near else None
    return None


@pytest.mark.parametrize("fmt", FORMATS)
def test_notes_numbered_in_order_of_reference(fmt: str,
                                              rendered: dict[tuple[str, str], Path]) -> None:
    """The note referenced first prints as 1, in the text and at the foot of the page."""
    pdf = rendered["notes-order.en", fmt]
    text = norm(pdf_text(pdf))
    boxes = words_with_boxes(pdf)
    for number, word in enumerate(("Gammanote", "Alphanote", "Betanote"), start=1):
        assert re.search(rf"to {word.lower()}\.\s*{number}\b", text), (number, word, text)
        assert number_before(boxes, word) == str(number), (word, boxes)


def mark_before(boxes: list[tuple[str, float, float, float]], word: str) -> str | None:
    """The run of asterisks printed just left of ``word`` on its line (a star note's mark)."""
    for text, x0, y0, _ in boxes:
        if text == word:
            near = [(x0 - x1, t) for t, _, y, x1 in boxes
                    if set(t) == {"*"} and 0 <= x0 - x1 < 12 and abs(y - y0) < 3]
            return min(near)[1] if near else None
    return None


@pytest.mark.parametrize("fmt", FORMATS)
def test_star_notes_print_their_mark(fmt: str, rendered: dict[tuple[str, str], Path]) -> None:
    """A star note (R17) prints its mark, not a number, where it is referenced (after the
    symbol, on the agenda item line, at a paragraph's end) and before its text at the foot
    of the page; the numbered notes after it are still 1 and 2 (the ODT's note citation
    "*", as the PDF writer's LibreOffice prints it; the DOCX's Word custom mark). LibreOffice
    7.4 reads a DOCX custom mark of two or three characters twice ("****"), the form it
    writes itself (tested: LibreOffice's own DOCX of this ODT prints "****" too), so in the
    DOCX only the "*" note is checked here; test_star_notes_in_the_files checks the others."""
    pdf = rendered["star-notes.en", fmt]
    text = norm(pdf_text(pdf))
    boxes = words_with_boxes(pdf)
    assert re.search(r"A/81/300\s*\*(?!\*)", text), text
    assert mark_before(boxes, "Reissued") == "*", boxes
    assert number_before(boxes, "Numberednoteone.") == "1", boxes
    assert number_before(boxes, "Numberednotetwo.") == "2", boxes
    assert re.search(r"candidature of Norland\.\s*1\b", text), text
    assert re.search(r"earlier pledges\.\s*2\b", text), text
    if fmt == "odt":
        assert re.search(r"preliminary list\s*\*\*(?!\*)\s*Elections", text), text
        assert re.search(r"\(see annex\)\.\s*\*\*\*(?!\*)", text), text
        assert mark_before(boxes, "Starnotetwo") == "**", boxes
        assert mark_before(boxes, "Starnotethree") == "***", boxes


def test_star_notes_in_the_files(office_files: dict[tuple[str, str], Path]) -> None:
    """Where the marks live: DOCX, a w:footnoteReference with w:customMarkFollows and the
    mark as the run's text, the note opening with the mark (no w:footnoteRef, which would
    print a number); ODT, a text:note whose citation is the mark, with text:label."""
    with zipfile.ZipFile(office_files["star-notes.en", "docx"]) as docx:
        doc = etree.fromstring(docx.read("word/document.xml"))
        notes = etree.fromstring(docx.read("word/footnotes.xml"))
    refs = doc.iter(qn("w:footnoteReference"))
    got = [(r.get(qn("w:customMarkFollows")), "".join(t.text for t in r.getparent().iter(qn("w:t"))))
           for r in refs]
    assert got == [("1", "*"), ("1", "**"), (None, ""), ("1", "***"), (None, "")]
    by_id = {fn.get(qn("w:id")): fn for fn in notes.iter(qn("w:footnote"))}
    first_ref = next(doc.iter(qn("w:footnoteReference"))).get(qn("w:id"))
    star = by_id[first_ref]
    assert star.find(f".//{qn('w:footnoteRef')}") is None
    assert norm("".join(t.text for t in star.iter(qn("w:t")))) == \
        "* Reissued for technical reasons on 9 June 2026."
    with zipfile.ZipFile(office_files["star-notes.en", "odt"]) as odt:
        content = etree.fromstring(odt.read("content.xml"))
    cites = [(c.get(q("text:label")), c.text) for c in content.iter(q("text:note-citation"))]
    assert cites == [("*", "*"), ("**", "**"), (None, "1"), ("***", "***"), (None, "2")]


def web_page(tree: etree._ElementTree, epub: bool) -> etree._Element:
    """The page our HTML writer makes of tree, or the EPUB's text page."""
    from pipeline.writers.epub import build
    from pipeline.writers.html import render

    if epub:
        with zipfile.ZipFile(io.BytesIO(build(tree))) as archive:
            return etree.fromstring(archive.read("EPUB/text.xhtml"))
    return etree.fromstring(render(tree, Options()).split("\n", 1)[1], etree.HTMLParser())


def body_words(page: etree._Element) -> list[str]:
    """The words a reader of the page's body meets (its navigation and styles left out)."""
    body = page.xpath("//*[local-name()='body']")[0]
    return re.findall(r"\w+", " ".join(body.xpath(
        ".//text()[not(ancestor::*[local-name()='nav' or local-name()='style'])]")))


@pytest.mark.parametrize("epub", [False, True], ids=["html", "epub"])
def test_web_star_notes_print_their_mark(epub: bool, words_check) -> None:
    """HTML and EPUB: a star note's reference shows its mark and links to the note, which
    opens with the mark, is no number of the list (no value), and comes first; the numbered
    notes are 1 and 2; the symbol's mark follows the symbol."""
    tree = star_notes()
    page = web_page(tree, epub)
    refs = page.xpath("//*[local-name()='a'][@class='noteref']")
    assert [(r.get("href"), norm("".join(r.itertext()))) for r in refs] == [
        ("#fns1", "*"), ("#fns2", "**"), ("#fn1", "1"), ("#fns3", "***"), ("#fn2", "2")]
    symbol = page.xpath("//*[@class='doc-symbol']")[0]
    assert re.search(r"A/81/300\s*\*$", norm("".join(symbol.itertext()))), etree.tostring(symbol)
    item = page.xpath("//*[@class='agenda-item']")[0]
    assert norm("".join(item.itertext())) == "Item 120 (c) of the preliminary list** Elections to the Committee"
    notes = page.xpath("//*[local-name()='section'][@class='footnotes']//*[@class='footnote']")
    assert [n.get("id") for n in notes] == ["fns1", "fns2", "fn1", "fns3", "fn2"]  # (read order)
    assert [norm("".join(n.itertext())).split()[0] for n in notes] == ["*", "**", "1.", "***", "2."]
    if not epub:
        assert [n.get("value") for n in notes] == [None, None, "1", None, "2"]
    assert not words_check(tree.getroot(), body_words(page))


@pytest.mark.parametrize("epub", [False, True], ids=["html", "epub"])
def test_web_notes_numbered_in_order_of_reference(epub: bool, words_check) -> None:
    """HTML and EPUB number notes 1, 2, 3 in the order of their references, and list them so
    (the XML numbers them 1, 2, 3 in the list but references note 3 first)."""
    tree = notes_out_of_order()
    page = web_page(tree, epub)
    refs = page.xpath("//*[local-name()='a'][@class='noteref']")
    assert [(r.get("href"), norm("".join(r.itertext()))) for r in refs] == \
        [("#fn3", "1"), ("#fn1", "2"), ("#fn2", "3")]
    notes = page.xpath("//*[local-name()='section'][@class='footnotes']"
                       "//*[@class='footnote']")
    assert [n.get("id") for n in notes] == ["fn3", "fn1", "fn2"]
    assert [norm("".join(n.itertext())).split()[0] for n in notes] == ["1.", "2.", "3."]
    if not epub:
        assert [n.get("value") for n in notes] == ["1", "2", "3"]
    assert not words_check(tree.getroot(), body_words(page))


@pytest.mark.parametrize("epub", [False, True], ids=["html", "epub"])
def test_web_day_heading_has_date_and_name_apart(epub: bool,
                                                 render_trees: dict[str, etree._ElementTree]
                                                 ) -> None:
    """The HTML and EPUB day heading holds a <time> for the date and the day's name apart."""
    tree = render_trees[AGENDA]
    page = web_page(tree, epub)
    heads = page.xpath("//*[local-name()='h2'][@class='day-heading']")
    got = [[(etree.QName(c).localname, c.get("class"), c.get("datetime"), c.text) for c in h]
           for h in heads]
    assert got == [[("time", "day-date", "2008-07-07", "7 July 2008"),
                    ("span", "day-name", None, "Day One")],
                   [("time", "day-date", "2008-07-08", "8 July 2008"),
                    ("span", "day-name", None, "Day Two")]]


@pytest.mark.parametrize("printed, iso, parts", [
    ("7 July 2008 Day One", "2008-07-07", [("7 July 2008", True), (" ", None), ("Day One", False)]),
    ("Day One – 7 July 2008", "2008-07-07",
     [("Day One", False), (" – ", None), ("7 July 2008", True)]),
    ("7 de julio de 2008 Primer día", "2008-07-07",
     [("7 de julio de 2008", True), (" ", None), ("Primer día", False)]),
    ("1er juillet 2008 Première journée", "2008-07-01",
     [("1er juillet 2008", True), (" ", None), ("Première journée", False)]),
    ("Monday, 7 July 2008: opening", "2008-07-07",
     [("Monday, 7 July 2008", True), (": ", None), ("opening", False)]),
    ("July 7, 2008 Day One", "2008-07-07",
     [("July 7, 2008", True), (" ", None), ("Day One", False)]),
    ("8 July 2008 Day One", "2008-07-07", None),   # not the day's own date: left whole
    ("7 July 2008", "2008-07-07", None),           # nothing beside the date
    ("Première journée", "2008-07-07", None),
])
def test_day_heading_parts(printed: str, iso: str, parts: list | None) -> None:
    """A day heading is cut at the day's own printed date, wherever it stands in the line."""
    from pipeline.writers.labels import day_heading_parts
    assert day_heading_parts(printed, iso) == parts
