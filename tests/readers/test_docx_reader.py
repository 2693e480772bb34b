"""The Word reader (pipeline/readers/docx) on real Word files: our own DOCX of every reader
fixture read back to the same facts, and documents laid out otherwise (python-docx, and
LibreOffice saving an OpenDocument text as DOCX) read to the facts a person reads in them.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from accuracy.harness import CATEGORIES, facts, fixture_texts
from pipeline.documents import read_text_source
from pipeline.readers.docx import read_docx_source
from pipeline.validate import validate
from pipeline.writers import Options, get
from pipeline.xmlio import serialize
from readers import docx_samples
from support.tools import soffice_convert_many

#: Facts that differ between the text and our DOCX of it read back, and why. Each is a
#: shape of our DOCX writer's title block that the text reader's builders read otherwise
#: than the text's own layout (the same shapes reach the PDF reader through our PDFs); the
#: Word reader marks the title paragraph with the "title" hint for builders to use.
#: "fallback": the structured reading failed and the text was kept as plain paragraphs.
DATE_ONLY_DAY = ("the writer prints a day without heading as its date: read back, the date "
                 "is the day's heading")
KNOWN = {
    "un-agenda-en-pdftotext-hrc-agenda-and-annotations": (
        {"entries"}, "the annotations' paragraph numbers run on across items; our writer prints "
        "each item's annotations under it (one part), where a paragraph '2.' reads as item 2"),
    "agenda-en-council-numbered-talks-date-in-title": ({"headings"}, DATE_ONLY_DAY),
    "agenda-es-oea-simbolo-ampm-espaciado-layout": ({"headings"}, DATE_ONLY_DAY),
    "agenda-fr-date-titre-etat-au-pypdf": ({"headings"}, DATE_ONLY_DAY),
}
FIXTURES = fixture_texts()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _round_trip(name: str, path: Path, tmp: Path) -> tuple[etree._Element, etree._Element, list]:
    """(the text's XML, the XML read back from our DOCX of it, the warnings of that read)."""
    tree, _ = read_text_source(path.read_bytes(), f"{name}.txt")
    dest = tmp / f"{name}.docx"
    get("docx")(tree, dest, Options())
    again, warnings = read_docx_source(dest.read_bytes(), dest.name)
    return tree.getroot(), etree.fromstring(serialize(again.getroot(), "x.xml")), warnings


@pytest.mark.parametrize("name,path", FIXTURES, ids=[n for n, _ in FIXTURES])
def test_round_trip_through_our_docx(name: str, path: Path, tmp_path: Path) -> None:
    """Text -> XML -> our DOCX -> the Word reader -> XML: valid, the same days, items, times,
    people, questions, entries, paragraphs, headings and notes (where they are referenced
    too), but for the differences KNOWN lists (which must stay true)."""
    ref, got, warnings = _round_trip(name, path, tmp_path)
    assert validate(got, name) == []
    assert got.find("meta/source").get("file") == f"{name}.docx"
    expected, found = facts(ref), facts(got)
    known = KNOWN.get(name, (set(), ""))[0]
    differ = {cat for cat in CATEGORIES if expected[cat] != found[cat]}
    if any("could not be read without" in w.message for w in warnings):
        differ.add("fallback")
    assert differ <= known, "\n".join(
        [f"{cat}:\n  text: {expected[cat]}\n  docx: {found[cat]}" for cat in sorted(differ - known)]
        + ["(fix the Word reader, or, for a shape of our DOCX writer the text reader reads "
           "otherwise, add the fixture to KNOWN with the reason)"])
    assert not known - differ, f"now alike, remove from KNOWN: {sorted(known - differ)}"
    if not known:
        assert _noterefs(ref) == _noterefs(got)


def _noterefs(root: etree._Element) -> list[tuple[str, str]]:
    """Each note reference: the note, and the words just before it."""
    out = []
    for ref in root.iter("noteref"):
        before = (ref.getprevious().tail if ref.getprevious() is not None
                  else ref.getparent().text) or ""
        out.append((ref.get("to"), " ".join(before.split()[-3:])))
    return out


def _read(path: Path) -> etree._Element:
    """A Word file read as `pipeline parse` reads it, valid and without fallback."""
    tree, warnings = read_docx_source(path.read_bytes(), path.name)
    assert validate(tree, path.name) == []
    assert not any("could not be read without" in w.message for w in warnings), warnings
    return tree.getroot()


def _people(el: etree._Element) -> list[str]:
    """The names of the persons under el."""
    return [p.findtext("name") for p in el.iter("person")]


def test_tab_set_agenda(tmp_path: Path) -> None:
    """Times set off by a tab stop, moderators on tab-indented lines, speakers bulleted by
    Word, the running header and the page-number footer left out."""
    root = _read(docx_samples.tab_agenda(tmp_path / "labour.en.docx"))
    assert root.get("type") == "agenda"
    assert root.findtext("meta/title") == "REGIONAL CONSULTATION ON LABOUR MOBILITY"
    assert [d.get("date") for d in root.iter("day")] == ["2026-05-14", "2026-05-15"]
    items = root.findall("agenda/day/item")
    assert [(i.get("start"), i.get("end")) for i in items] == [
        ("09:00", "09:30"), ("09:30", "10:00"), ("10:00", "12:30"), ("12:30", "14:00"),
        ("09:00", "11:00"), ("11:00", "11:30")]
    assert items[1].find("moderator").get("label") == "Chair"
    assert _people(items[2].find("moderator")) == ["Tomas Reyes"]
    assert _people(items[2].find("speakers")) == ["Priya Nair", "Kenji Sato"]
    text = "".join(root.itertext())
    assert "Page" not in text and text.count("Regional Consultation on Labour Mobility") == 0


def test_table_agenda(tmp_path: Path) -> None:
    """A table of times under a row of column labels, each day a merged row: the items,
    their moderators and speakers, the labels left out."""
    root = _read(docx_samples.table_agenda(tmp_path / "data.en.docx"))
    assert [d.get("date") for d in root.iter("day")] == ["2026-03-03", "2026-03-04"]
    items = root.findall("agenda/day/item")
    assert [i.findtext("title") for i in items] == [
        "Welcome and introductions", "Household surveys", "Coffee break",
        "Administrative records", "Closing"]
    assert items[0].get("start") == "09:00" and items[0].get("end") == "09:30"
    assert _people(items[1].find("moderator")) == ["David Okafor"]
    assert _people(items[1].find("speakers")) == ["Hana Novak"]
    assert _people(items[3]) == ["Sofia Rossi", "Ali Karimi"]
    assert "Speakers" not in "".join(root.itertext())


def test_start_and_end_columns(tmp_path: Path) -> None:
    """Start and end times in two columns are one range; the labels row is left out."""
    root = _read(docx_samples.time_columns_agenda(tmp_path / "transit.en.docx"))
    items = root.findall("agenda/day/item")
    assert [(i.get("start"), i.get("end"), i.findtext("title")) for i in items] == [
        ("09:00", "09:30", "Opening"), ("09:30", "11:00", "Routes and risks"),
        ("11:00", "11:30", "Closing")]
    assert _people(items[1]) == ["Ana Silva"]
    assert "Topic" not in "".join(root.itertext())


def test_word_numbering_and_footnotes(tmp_path: Path) -> None:
    """Headings numbered I., II. and paragraphs 1.-4. by Word's numbering (across the
    headings), sub-paragraphs (a), (b), and real footnotes linked where they stand."""
    root = _read(docx_samples.numbered_paper(tmp_path / "health.en.docx"))
    assert [h.get("n") for h in root.iter("heading")] == ["I", "II"]
    assert [p.get("n") for p in root.iter("para")] == ["1", "2", "3", "4"]
    assert [i.get("n") for i in root.iterfind(".//para[@n='3']/list/item")] == ["a", "b"]
    assert [f.text for f in root.iter("footnote")] == [
        "Survey of twelve municipalities, 2025.", "See the annex for the list of cities."]
    assert root.find(".//para[@n='1']/p/noteref").get("to") == "fn1"
    assert root.find(".//para[@n='3']/list/item[@n='b']/noteref").get("to") == "fn2"


@pytest.fixture(scope="module")
def libreoffice_docx(tmp_path_factory) -> dict[str, Path]:
    """The OpenDocument samples saved as DOCX by LibreOffice (one process for all)."""
    work = tmp_path_factory.mktemp("lo")
    sources = [docx_samples.odt_paper(work / "remittances.en.fodt"),
               docx_samples.odt_agenda(work / "retour.fr.fodt")]
    return {p.stem: p for p in soffice_convert_many(sources, "docx", work / "out")}


def test_libreoffice_docx(libreoffice_docx: dict[str, Path]) -> None:
    """A DOCX saved by LibreOffice: its list numbering read as paragraph numbers (continued
    after a heading), its sub-list as (a), (b), its real footnotes linked."""
    root = _read(libreoffice_docx["remittances.en"])
    assert root.findtext("meta/title") == "REMITTANCES AND FINANCIAL INCLUSION"
    assert ["".join(h.itertext()) for h in root.iter("heading")] == ["Background", "Options"]
    assert [p.get("n") for p in root.iter("para")] == ["1", "2", "3"]
    assert [i.get("n") for i in root.iterfind(".//para[@n='3']/list/item")] == ["a", "b"]
    assert [f.text for f in root.iter("footnote")] == [
        "World Bank estimate, 2025.", "As two central banks did in 2024."]
    ref = root.find(".//para[@n='1']/p/noteref")
    assert ref.get("to") == "fn1" and ref.getparent().text.endswith("last year")
    assert root.find(".//item[@n='b']/noteref").get("to") == "fn2"


def test_libreoffice_agenda_table(libreoffice_docx: dict[str, Path]) -> None:
    """An agenda in tables saved by LibreOffice: French times (09 h 00), two days, the
    moderator in the title's cell, a footnote on a title."""
    root = _read(libreoffice_docx["retour.fr"])
    assert root.get("type") == "agenda" and root.get(XML_LANG) == "fr"
    assert [d.get("date") for d in root.iter("day")] == ["2026-06-09", "2026-06-10"]
    items = root.findall("agenda/day/item")
    assert [(i.get("start"), i.get("end")) for i in items] == [
        ("09:00", "10:00"), ("10:00", "12:00"), ("09:30", "11:00"), ("11:00", "11:30")]
    assert _people(items[1].find("moderator")) == ["Claire Dubois"]
    assert items[1].find("title/noteref").get("to") == "fn1"
    assert root.findtext("footnotes/footnote") == "Séance diffusée en direct."


def test_un_masthead_in_the_first_page_header(tmp_path: Path) -> None:
    """The UN template's masthead, a table in the first page's own header, is the title
    block; the agenda item keeps its title; the running header (the symbol again) and the
    footer stay out."""
    root = _read(docx_samples.un_masthead_report(tmp_path / "smallholders.en.docx"))
    meta = root.find("meta")
    assert meta.findtext("symbol") == "A/81/412"
    assert meta.find("distribution").get("level") == "general"
    assert meta.find("issued").get("date") == "2027-08-14"
    assert meta.findtext("original-language") == "Original: English"
    assert meta.findtext("session") == "Eighty-first session"
    assert meta.findtext("agenda-item") == ("Item 24 of the provisional agenda* Agriculture "
                                            "development and food security")
    assert meta.findtext("title") == "Smallholder farmers and access to markets"
    assert meta.findtext("subtitle") == "Report of the Secretary-General"
    assert [p.get("n") for p in root.iter("para")] == ["1", "2"]
    assert "".join(root.find("body").itertext()).count("A/81/412") == 0
