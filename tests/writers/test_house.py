"""House styles per organisation (pipeline/styles/<house>.toml) and the title block.

The IOM house (the default: blue headings, A4) and the plainer UN one (black, Letter) are
both used by real documents: the sources are IOM's, the UN goldens of the reader name
"United Nations" or "Nations Unies" as their organisation. Checked in the files, and on the
pages LibreOffice prints (tests/writers/test_pdf.py's ``pdfs``).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docx.oxml.ns import qn
from lxml import etree

from office_fixtures import NAMES, load, office_documents, text_of  # noqa: F401 (fixture)
from pipeline.writers import Options, get
from pipeline.writers.docx import house
from pipeline.writers.docx.body import PRINTED_ORDER, printed_order
from support.tools import pdf_text
from test_pdf import pdfs  # noqa: F401 (fixture)

#: Page sizes in PDF points: A4 and US Letter.
A4, LETTER = (595, 842), (612, 792)
UN_DOCS = [n for n in NAMES if n.startswith("golden-un-")]
WORD = re.compile(r"\w+")


def house_of(docname: str, office_documents: dict[str, Path]) -> str:
    """The house the writers choose for a document."""
    return house.choose(load(office_documents[docname]))


def test_every_house_loads_and_extends() -> None:
    """Each house file names its organisations; un extends iom, overriding colours and page."""
    assert house.names()[0] == house.DEFAULT == "iom"
    assert "un" in house.names()
    iom, un = house.load("iom"), house.load("un")
    assert un["styles"].keys() == iom["styles"].keys()
    assert iom["styles"]["Heading 1"]["colour"] == "1F3A5F"
    assert un["styles"]["Heading 1"]["colour"] == "000000"
    assert un["styles"]["Heading 1"]["outline_level"] == 1  # the rest comes from iom
    assert (un["page"]["width"], un["page"]["height"]) == (21.59, 27.94)
    assert all(house.load(n)["house"]["organisations"] for n in house.names())


def test_choose_by_organisation_or_as_told() -> None:
    """The organisation's printed name picks the house; what the document says wins."""
    doc = etree.fromstring("<document><meta><organisation>Nations  Unies, Conseil économique"
                           "</organisation></meta></document>")
    assert house.choose(doc) == "un"
    assert house.choose(doc, "iom") == "iom"
    assert house.choose(etree.fromstring("<document><meta/></document>")) == "iom"
    with pytest.raises(ValueError, match="no house style 'nope'"):
        house.choose(doc, "nope")


def test_sources_and_un_goldens_take_their_house(office_documents: dict[str, Path]) -> None:
    """IOM's sources print in the IOM house, the UN texts in the UN one."""
    assert UN_DOCS
    assert {house_of(n, office_documents) for n in UN_DOCS} == {"un"}
    assert {house_of(n, office_documents) for n in NAMES if n.startswith("idm2008")} == {"iom"}


def test_reference_documents_are_reproducible() -> None:
    """make_reference.py, run again, gives every committed reference document byte for byte."""
    from pipeline.styles import make_reference
    generated = make_reference.generate()
    assert {p.name for p in generated} >= {"reference.docx", "reference.odt",
                                           "reference-un.docx", "reference-un.odt"}
    stale = [p.name for p, data in generated.items() if not p.exists() or p.read_bytes() != data]
    assert not stale, "run .venv/bin/python -m pipeline.styles.make_reference"


@pytest.mark.parametrize("docname", ["idm2008-return-migration-paper.en"] + UN_DOCS[:1])
def test_docx_and_odt_carry_the_house(docname: str, office_documents: dict[str, Path],
                                      tmp_path: Path) -> None:
    """Page size, heading colour and font of the chosen house, in both office formats."""
    spec = house.load(house_of(docname, office_documents))
    tree = etree.parse(str(office_documents[docname]))
    get("docx")(tree, tmp_path / "d.docx", Options())
    get("odt")(tree, tmp_path / "d.odt", Options())
    with zipfile.ZipFile(tmp_path / "d.docx") as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
        styles = etree.fromstring(zf.read("word/styles.xml"))
    size = document.find(f".//{qn('w:sectPr')}/{qn('w:pgSz')}")
    assert int(size.get(qn("w:w"))) == pytest.approx(spec["page"]["width"] * 1440 / 2.54, abs=2)
    heading = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Heading1")
    assert heading.find(f"{qn('w:rPr')}/{qn('w:color')}").get(qn("w:val")) == \
        spec["styles"]["Heading 1"]["colour"]
    with zipfile.ZipFile(tmp_path / "d.odt") as zf:
        odt_styles = zf.read("styles.xml").decode()
    assert f'fo:page-width="{spec["page"]["width"]}cm"' in odt_styles
    assert f'style:font-name="{spec["fonts"]["body"]}"' in odt_styles


@pytest.mark.parametrize("docname", NAMES)
def test_printed_page_size_is_the_house_s(docname: str, pdfs: dict[str, Path],
                                          office_documents: dict[str, Path]) -> None:
    """LibreOffice prints IOM documents on A4, UN ones on Letter."""
    expected = LETTER if house_of(docname, office_documents) == "un" else A4
    with pikepdf.open(pdfs[docname]) as doc:
        box = [float(v) for v in doc.pages[0].mediabox]
    assert (round(box[2] - box[0]), round(box[3] - box[1])) == expected


@pytest.mark.parametrize("docname", NAMES)
def test_title_block_on_the_first_page(docname: str, pdfs: dict[str, Path],
                                       office_documents: dict[str, Path]) -> None:
    """Every field of the title block is printed on page 1, in its house's order."""
    root = load(office_documents[docname])
    meta = root.find("meta")
    first = WORD.findall(pdf_text(pdfs[docname], layout=True).split("\f")[0])
    at = 0
    with house.using(house.choose(root)):
        order = printed_order()
    for tag in order:
        words = WORD.findall(text_of(meta.find(tag)))
        if not words:
            continue
        found = next((i for i in range(at, len(first)) if first[i:i + len(words)] == words), None)
        assert found is not None, (tag, words, first[at:at + 40])
        at = found + len(words)


@pytest.mark.parametrize("epub", [False, True], ids=["html", "epub"])
@pytest.mark.parametrize("docname", UN_DOCS)
def test_web_title_block_is_text_in_order_with_its_language(
        docname: str, epub: bool, office_documents: dict[str, Path]) -> None:
    """The HTML and EPUB open with the title block as text, fields in the printed order,
    each in the document's language (no other lang on the way)."""
    import io

    from pipeline.writers.epub import build
    from pipeline.writers.html import render

    tree = etree.parse(str(office_documents[docname]))
    lang = tree.getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
    if epub:
        with zipfile.ZipFile(io.BytesIO(build(tree))) as archive:
            page = etree.fromstring(archive.read("EPUB/text.xhtml"))
    else:
        page = etree.fromstring(render(tree, Options()).split("\n", 1)[1], etree.HTMLParser())
    header = page.xpath("//*[local-name()='header'][contains(@class, 'title-block')]")[0]
    texts = " ".join(header.xpath(".//text()[not(ancestor::*[local-name()='nav'])]"
                                  "[not(ancestor::*[contains(@class, 'visually-hidden')])]"))
    meta = tree.getroot().find("meta")
    expected = [w for tag in PRINTED_ORDER for w in WORD.findall(text_of(meta.find(tag)))]
    assert WORD.findall(texts) == expected
    langs = {el.get("lang") or el.get("{http://www.w3.org/XML/1998/namespace}lang")
             for el in header.iterancestors()} - {None}
    assert langs == {lang}
    inner = {el.get("lang") for el in header.iter() if el.get("lang")
             and not any(a.tag.endswith("nav") for a in el.iterancestors())}
    assert inner <= {lang}


@pytest.mark.parametrize("organisation, order", [
    ("United Nations, Economic and Social Council", ["session", "dates", "agenda-item", "title"]),
    ("International Organization for Migration", ["session", "agenda-item", "title", "dates"]),
])
def test_the_un_house_prints_the_meeting_s_dates_under_its_session(
        organisation: str, order: list[str], tmp_path: Path) -> None:
    """The UN prints the place and dates of the meeting under its session, above the agenda
    item and the title (un.toml [title_block]); the IOM house prints them under the title."""
    import docx

    tree = etree.fromstring(
        '<document id="d" type="paper" xml:lang="en" version="2"><meta><title>The title</title>'
        f'<organisation>{organisation}</organisation><session>Sixty-second session</session>'
        '<agenda-item>Item 3 of the provisional agenda</agenda-item>'
        '<dates from="2029-04-09" to="2029-04-12">9-12 April 2029</dates>'
        f'<source file="d.txt" sha256="{"0" * 64}"/></meta><body><p>Text.</p></body>'
        '</document>').getroottree()
    for fmt in ("docx", "odt"):
        get(fmt)(tree, tmp_path / f"d.{fmt}", Options())
    texts = [p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs]
    meta = tree.getroot().find("meta")
    assert [t for t in texts if t in {text_of(meta.find(tag)) for tag in order}] == [
        text_of(meta.find(tag)) for tag in order]
    with zipfile.ZipFile(tmp_path / "d.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    positions = [content.index(f">{text_of(meta.find(tag))}<") for tag in order]
    assert positions == sorted(positions)
