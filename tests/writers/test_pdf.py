"""Tagged PDF (writers/pdf.py): LibreOffice prints every ODT, one process at a time.

Read back with pikepdf (structure tree, tags of every page's text, /Lang, title shown in
the window, fonts embedded, bookmarks, PDF/UA identifier) and pdftotext (every word of the
XML once, in reading order: the text, and the notes in their order at the page feet).
"""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from office_fixtures import (NAMES, expected_styles, load, norm, office_documents,  # noqa: F401
                             text_of, work_tables)
from pipeline.writers import Options, get, pdf
from pipeline.writers.docx.house import document_tag
from pipeline.writers.docx.props import properties
from pipeline.writers.notes import ordered
from support.tools import pdf_text, require_tools

#: Text-showing operators of a content stream, and those that open and close marked content.
SHOW = {"Tj", "TJ", "'", '"'}
OPEN, CLOSE = {"BDC", "BMC"}, {"EMC"}
WORD = re.compile(r"\w+")


@pytest.fixture(scope="session")
def pdfs(office_documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
         ) -> dict[str, Path]:
    """Every document's ODT printed by writers/pdf.convert in one go: name -> PDF."""
    require_tools("soffice")
    out = tmp_path_factory.mktemp("pdf")
    pairs = []
    for name, xml in office_documents.items():
        odt = out / "odt" / f"{name}.odt"
        get("odt")(etree.parse(str(xml)), odt, Options())
        pairs.append((odt, out / f"{name}.pdf"))
    problems = pdf.convert(pairs)
    assert not problems, "\n".join(map(str, problems))
    return {name: dest for name, (_, dest) in zip(office_documents, pairs)}


def struct_kinds(pdf_file: pikepdf.Pdf) -> list[str]:
    """The structure types of the tree in document order, role-mapped to standard ones."""
    root = pdf_file.Root.StructTreeRoot
    roles = {str(k)[1:]: str(v)[1:] for k, v in root.get("/RoleMap", {}).items()}
    out: list[str] = []

    def walk(node: object) -> None:
        """Append the node's type, then walk its kids."""
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            out.append(roles.get(str(node.S)[1:], str(node.S)[1:]))
            if "/K" in node:
                walk(node.K)

    walk(root.K)
    return out


def untagged_text(page: pikepdf.Page) -> int:
    """How many text-showing operators of a page lie outside any marked content."""
    depth, loose = 0, 0
    for _, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        depth += (op in OPEN) - (op in CLOSE)
        loose += op in SHOW and depth == 0
    return loose


def fonts(pdf_file: pikepdf.Pdf) -> dict[str, bool]:
    """Every font of every page: base name -> whether its program is embedded."""
    found = {}
    for page in pdf_file.pages:
        for font in page.Resources.get("/Font", {}).values():
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            found[str(font.get("/BaseFont"))] = desc is not None and any(
                k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


@pytest.mark.parametrize("docname", NAMES)
def test_tagged_with_language_title_and_fonts(docname: str, pdfs: dict[str, Path],
                                              office_documents: dict[str, Path]) -> None:
    """Structure tree, every page's text tagged, /Lang, title shown, fonts embedded, PDF/UA."""
    root = load(office_documents[docname])
    with pikepdf.open(pdfs[docname]) as doc:
        assert doc.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in doc.Root
        assert [untagged_text(p) for p in doc.pages] == [0] * len(doc.pages)
        assert all("/StructParents" in p.obj for p in doc.pages)
        assert str(doc.Root.Lang) == document_tag(root)
        assert str(doc.docinfo.Title) == properties(root).title
        assert doc.Root.ViewerPreferences.DisplayDocTitle is True
        embedded = fonts(doc)
        assert embedded and all(embedded.values()), embedded
        with doc.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"


@pytest.mark.parametrize("docname", NAMES)
def test_headings_tables_and_notes_are_tagged(docname: str, pdfs: dict[str, Path],
                                              office_documents: dict[str, Path]) -> None:
    """Headings as H1-H3, each day's table and each programme of work's with header cells,
    each footnote as a Note."""
    root = load(office_documents[docname])
    with pikepdf.open(pdfs[docname]) as doc:
        kinds = struct_kinds(doc)
    headings = [k for k in kinds if re.fullmatch(r"H[1-6]?", k)]
    levelled = ("Title", "Day Heading", "Item Title")
    expected = sum(count for style, count in expected_styles(root).items()
                   if style in levelled or style.startswith("Heading ")) \
        + len(root.findall("agenda/heading"))  # Agenda Heading, at Heading 1's level
    assert len(headings) == expected, kinds
    assert kinds.count("Table") == len(root.findall(".//day")) + work_tables(root)
    assert kinds.count("TH") == 2 * len(root.findall(".//day")) + 3 * work_tables(root)
    assert kinds.count("Note") == len(root.findall("footnotes/footnote"))


@pytest.mark.parametrize("docname", NAMES)
def test_bookmarks_are_the_headings(docname: str, pdfs: dict[str, Path],
                                    office_documents: dict[str, Path]) -> None:
    """The outline holds the title and every day or section heading."""
    root = load(office_documents[docname])
    with pikepdf.open(pdfs[docname]) as doc, doc.open_outline() as outline:
        titles: list[str] = []
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(norm(item.title))
            stack[:0] = list(item.children)
    assert titles[0] == text_of(root.find("meta/title"))
    words = [WORD.findall(t) for t in titles]
    for day in root.iter("day"):  # date and name apart: a tab, not the printed dash
        assert day.find("heading") is None or WORD.findall(text_of(day.find("heading"))) in words
    for heading in root.iterfind(".//section/heading"):
        assert any(t.endswith(text_of(heading)) for t in titles), (text_of(heading), titles)


def page_words(pdf_file: Path, running_head: str) -> list[str]:
    """pdftotext's words, page by page, without the running head atop pages 2 onwards
    (-layout: a line set apart by a tab, the day's date and name, is read as one line)."""
    head = WORD.findall(running_head)
    out: list[str] = []
    for i, page in enumerate(pdf_text(pdf_file, layout=True).split("\f")):
        words = WORD.findall(page)
        out += words[len(head):] if i and words[:len(head)] == head else words
    return out


def run_at(expected: list[str], output: list[str], at: int) -> list[int] | None:
    """The output indices of ``expected`` read as one run from ``at``, or None."""
    i, used = 0, []
    while i < len(expected) and at < len(output):
        if output[at] == expected[i]:
            i += 1
        elif i + 1 < len(expected) and output[at] == expected[i] + expected[i + 1]:
            i += 2  # "non-governmental" cut at a line end: pdftotext drops the hyphen
        elif not output[at].isdigit():  # a page number or note number may come between
            return None
        used.append(at)
        at += 1
    return used if i == len(expected) else None


def find_notes(notes: list[list[str]], output: list[str]) -> tuple[str | None, set[int]]:
    """Each note's words as one run of the output, the notes in order: (problem, indices)."""
    used: set[int] = set()
    at = 0
    for n, words in enumerate(notes, start=1):
        found = next((run for start in range(at, len(output))
                      if (run := run_at(words, output, start))), None)
        if found is None:
            return f"note {n} not printed whole after word {at}: {' '.join(words[:12])}", used
        used.update(found)
        at = found[-1] + 1
    return None, used


def match_in_order(expected: list[str], output: list[str]) -> tuple[str | None, set[int]]:
    """Match ``expected`` as a subsequence of ``output``: where it stops being one (None
    when it is one), and the indices of the output words it used."""
    i, used = 0, set()
    for at, word in enumerate(output):
        if i < len(expected) and word == expected[i]:
            i, _ = i + 1, used.add(at)
        elif i + 1 < len(expected) and word == expected[i] + expected[i + 1]:
            i, _ = i + 2, used.add(at)  # "non-governmental" cut at a line end: no hyphen
    if i == len(expected):
        return None, used
    return f"word {i} {expected[i]!r} lost or out of order: {' '.join(expected[i:i + 12])}", used


@pytest.mark.parametrize("docname", NAMES)
def test_every_word_once_in_reading_order(docname: str, pdfs: dict[str, Path],
                                          office_documents: dict[str, Path]) -> None:
    """pdftotext reads the text in order, the notes in their order (at the page feet), and
    no word twice: only labels, page numbers and the running head are added."""
    from conftest import allowed_extras, words_of, xml_words

    root = load(office_documents[docname])
    output = page_words(pdfs[docname], properties(root).running_head)
    notes = [words_of(note) for note in ordered(root)]
    text = xml_words(root)[:len(xml_words(root)) - sum(map(len, notes))]
    problem, in_notes = find_notes(notes, output)
    assert problem is None, problem
    problem, in_text = match_in_order(text, [w if i not in in_notes else ""
                                             for i, w in enumerate(output)])
    assert problem is None, problem
    allowed = allowed_extras(root)
    extras = [w for i, w in enumerate(output) if i not in in_text | in_notes
              and not w.isdigit() and w not in allowed]
    assert not extras, f"words not in the XML (duplicated?): {extras[:20]}"


def test_no_libreoffice_is_a_warning(tmp_path: Path, office_documents: dict[str, Path],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Without LibreOffice, convert warns (naming the folder and the fix) and writes nothing."""
    monkeypatch.setenv("PIPELINE_SOFFICE", str(tmp_path / "no-soffice"))
    odt = tmp_path / "a.en.odt"
    get("odt")(etree.parse(str(office_documents[NAMES[0]])), odt, Options())
    problems = pdf.convert([(odt, tmp_path / "pdf" / "a.en.pdf")])
    assert [p.severity for p in problems] == ["warning"]
    assert "libreoffice" in str(problems[0]).lower() and str(tmp_path / "pdf") in str(problems[0])
    assert not (tmp_path / "pdf").exists()


def test_two_prints_are_byte_identical(pdfs: dict[str, Path],
                                       office_documents: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice stamps the time and a random /ID: fixed, two prints give the same bytes,
    and pikepdf still reads them (the offsets hold)."""
    name = "idm2008-ws2-agenda.fr"
    odt = tmp_path / f"{name}.odt"
    get("odt")(etree.parse(str(office_documents[name])), odt, Options())
    again = tmp_path / "again" / f"{name}.pdf"
    assert pdf.convert([(odt, again)]) == []
    assert again.read_bytes() == pdfs[name].read_bytes()
    with pikepdf.open(again) as doc:
        assert str(doc.docinfo.CreationDate).startswith("D:20080707000000")
        assert len(doc.pages) > 1
        assert doc.check_pdf_syntax() == []  # qpdf finds the cross-references sound


def odt_copies(master: Path, tmp_path: Path, n: int) -> list[tuple[Path, Path]]:
    """n ODTs of one master under tmp_path/odt, each paired with its PDF's place under
    tmp_path/pdf."""
    tree = etree.parse(str(master))
    pairs = []
    for k in range(n):
        odt = tmp_path / "odt" / f"{master.stem}-{k:02d}.odt"
        get("odt")(tree, odt, Options())
        pairs.append((odt, tmp_path / "pdf" / f"{master.stem}-{k:02d}.pdf"))
    return pairs


def test_lots_printed_as_they_come_are_the_same(pdfs: dict[str, Path],
                                                office_documents: dict[str, Path], tmp_path: Path) -> None:
    """A background Printer given files in three lots (the batch under -jN, queuing each
    ODT as it is written) prints each lot in one LibreOffice run, one run at a time: every
    PDF is there, byte for byte the one a single run prints."""
    name = "idm2008-ws2-agenda.fr"
    pairs = odt_copies(office_documents[name], tmp_path, 6)
    printer = pdf.Printer(background=True)
    for lot in (pairs[:1], pairs[1:4], pairs[4:]):
        printer.add(lot)
    assert printer.finish() == []
    assert 1 <= printer.runs <= 3
    assert sorted(printer.printed) == sorted(pairs)
    prints = {dest.read_bytes() for _, dest in pairs}
    assert prints == {pdfs[name].read_bytes()}


def test_what_is_left_is_printed_by_several_runs_at_once(pdfs: dict[str, Path],
                                                        office_documents: dict[str, Path],
                                                        tmp_path: Path, monkeypatch) -> None:
    """Once the queue is complete, a Printer of two processes prints it with two
    LibreOffice runs at once (each with its own profile: a second LibreOffice on the first's
    profile would hand its files to the first and print nothing): every PDF is there, byte
    for byte the one a single run prints. START_FILES at 1 so that six files are worth two
    runs."""
    monkeypatch.setattr(pdf, "START_FILES", 1)
    name = "idm2008-ws2-agenda.fr"
    pairs = odt_copies(office_documents[name], tmp_path, 6)
    printer = pdf.Printer(processes=2)
    printer.add(pairs)
    assert printer.finish() == []
    assert printer.runs == 2
    assert sorted(printer.printed) == sorted(pairs)
    assert {dest.read_bytes() for _, dest in pairs} == {pdfs[name].read_bytes()}


def test_a_run_past_its_time_limit_fails_the_file_it_was_printing(office_documents: dict[str, Path],
                                                                   tmp_path: Path, monkeypatch) -> None:
    """LibreOffice stopped at its time limit (PIPELINE_PDF_SECONDS, here shorter than its
    start-up, 0.3 s at best): the file it was printing fails with the reason, the files after it get a
    run of their own (which fail the same way here), and no partial PDF is left anywhere."""
    monkeypatch.setenv("PIPELINE_PDF_SECONDS", "0.05")
    pairs = odt_copies(office_documents[NAMES[0]], tmp_path, 3)
    printer = pdf.Printer()
    printer.add(pairs)
    problems = printer.finish()
    assert [p.file for p in problems] == [str(odt) for odt, _ in pairs]
    assert all("LibreOffice was still printing it after 0 s" in p.message
               and "PIPELINE_PDF_SECONDS" in p.message for p in problems), problems
    assert printer.runs == 3 and printer.printed == []
    assert not (tmp_path / "pdf").exists()


def test_time_limit_grows_with_the_text(office_documents: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice's time limit is a start-up, then per file and per MB of content.xml: a
    big master's ODT gets the time its size needs (a 50 MB master, 59 MB of content.xml,
    over 15 minutes), a small one about FILE_SECONDS."""
    from bench.masters import grow

    small = tmp_path / "small.en.odt"
    get("odt")(etree.parse(str(office_documents[NAMES[0]])), small, Options())
    master = tmp_path / "big.en.xml"
    master.write_bytes(grow(2_000_000))
    big = tmp_path / "big.en.odt"
    get("odt")(etree.parse(str(master)), big, Options())
    one = pdf.time_limit([small]) - pdf.START_SECONDS
    assert pdf.FILE_SECONDS <= one < pdf.FILE_SECONDS + 1
    grown = pdf.time_limit([big]) - pdf.START_SECONDS - pdf.FILE_SECONDS
    assert grown >= 2 * pdf.MB_SECONDS  # content.xml is larger than the master
    assert pdf.time_limit([small, big]) == pytest.approx(pdf.START_SECONDS + one + grown + pdf.FILE_SECONDS)
