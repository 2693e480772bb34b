"""The DOCX writer's own WordprocessingML: what a reader of the file sees, from the XML alone.

The writer runs no pandoc and no process; these tests read the DOCX it writes as XML (and
through python-docx) and check it against the source XML: every paragraph's style is one
the package defines, notes are numbered in reading order with the XML's text, every run
is in the document's language, emphasis and strong words are in italic and bold runs,
programme tables span the text width with their header row repeated and an item's head
row kept whole, and document.xml declares its namespaces once (it is written block by
block). The broader checks (named styles, words in order, schemas, LibreOffice) are in
test_docx.py, test_office_schemas.py and test_office_render.py.
"""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from office_fixtures import load, norm, office_documents, text_of  # noqa: F401 (fixture)
from pipeline.errors import PipelineError
from pipeline.writers import Options, get
from pipeline.writers.docx import house, memory
from pipeline.writers.notes import ordered

#: A paper and an agenda of each kind: sources, feature documents, a UN golden.
DOCS = ["features-paper.en", "features-agenda.es", "idm2008-ws2-agenda.fr",
        "idm2008-return-migration-paper.en", "golden-un-report-fr-symbol-first"]


@pytest.fixture(scope="module")
def written(office_documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, Path]:
    """The DOCX of each of DOCS: name -> path."""
    out = tmp_path_factory.mktemp("docx-wml")
    for name in DOCS:
        get("docx")(etree.parse(str(office_documents[name])), out / f"{name}.docx", Options())
    return {name: out / f"{name}.docx" for name in DOCS}


def part(path: Path, name: str) -> etree._Element:
    """One XML part of a package."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def run_text(el: etree._Element) -> str:
    """The text of a run or paragraph, tabs as spaces."""
    return "".join(" " if c.tag == qn("w:tab") else c.text or "" for c in el.iter()
                   if c.tag in (qn("w:t"), qn("w:tab")))


@pytest.mark.parametrize("docname", DOCS)
def test_every_style_used_is_defined(docname: str, written: dict[str, Path]) -> None:
    """Each w:pStyle and w:rStyle names a style of styles.xml, of the right type."""
    styles = part(written[docname], "word/styles.xml")
    kinds = {s.get(qn("w:styleId")): s.get(qn("w:type")) for s in styles.iter(qn("w:style"))}
    for name in ("word/document.xml", "word/footnotes.xml", "word/header1.xml"):
        root = part(written[docname], name)
        for el in root.iter(qn("w:pStyle")):
            assert kinds.get(el.get(qn("w:val"))) == "paragraph", (name, el.get(qn("w:val")))
        for el in root.iter(qn("w:rStyle")):
            assert kinds.get(el.get(qn("w:val"))) == "character", (name, el.get(qn("w:val")))


@pytest.mark.parametrize("docname", DOCS)
def test_notes_in_reading_order_with_their_text(docname: str, written: dict[str, Path],
                                                office_documents: dict[str, Path]) -> None:
    """The n-th reference in the text points at a note holding the n-th note the XML
    references (notes.ordered), its first paragraph opening with the note's number (Word's
    w:footnoteRef), or with its mark as text for a star note (R17, w:customMarkFollows)."""
    root = load(office_documents[docname])
    referenced = [fn for fn in ordered(root)
                  if root.find(f".//noteref[@to='{fn.get('id')}']") is not None]
    notes = {fn.get(qn("w:id")): fn for fn in part(written[docname], "word/footnotes.xml")
             .iter(qn("w:footnote")) if fn.get(qn("w:type")) is None}
    refs = [r.get(qn("w:id")) for r in part(written[docname], "word/document.xml")
            .iter(qn("w:footnoteReference"))]
    assert len(set(refs)) == len(refs) == len(notes) >= len(referenced)
    firsts = {}
    marks = {r.get(qn("w:id")): run_text(r.getparent()) for r in part(
        written[docname], "word/document.xml").iter(qn("w:footnoteReference"))
        if r.get(qn("w:customMarkFollows")) == "1"}
    for ref in refs:
        first = notes[ref].find(qn("w:p"))
        if ref in marks:  # a star note: its mark typed, in the text and opening the note
            assert first.find(f"{qn('w:r')}/{qn('w:footnoteRef')}") is None
            assert run_text(first.find(qn("w:r"))) == marks[ref] and set(marks[ref]) == {"*"}
            firsts.setdefault(ref, norm(" ".join(run_text(p) for p in notes[ref].iter(qn("w:p"))))
                              .removeprefix(marks[ref] + " "))
            continue
        assert first.find(f"{qn('w:r')}/{qn('w:footnoteRef')}") is not None
        firsts.setdefault(ref, norm(" ".join(run_text(p) for p in notes[ref].iter(qn("w:p")))))
    texts = list(dict.fromkeys(firsts[r] for r in refs))
    assert texts[:len(referenced)] == [norm(" ".join(text_of(p) for p in fn.findall("p")))
                                       if fn.find("p") is not None else text_of(fn)
                                       for fn in referenced]


@pytest.mark.parametrize("docname", DOCS)
def test_every_run_is_in_the_document_language(docname: str, written: dict[str, Path],
                                               office_documents: dict[str, Path]) -> None:
    """No run or paragraph overrides the language; styles and defaults carry the tag."""
    tag = house.document_tag(load(office_documents[docname]))
    document = docx.Document(str(written[docname]))
    for name in ("word/document.xml", "word/footnotes.xml"):
        assert next(part(written[docname], name).iter(qn("w:lang")), None) is None, name
    default = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default.get(qn("w:val")) == tag
    assert document.core_properties.language == tag


@pytest.mark.parametrize("docname", DOCS)
def test_emphasis_and_strong_are_run_properties(docname: str, written: dict[str, Path],
                                                office_documents: dict[str, Path]) -> None:
    """The text of each emph is in italic runs, of each strong in bold runs, in order."""
    root = load(office_documents[docname])
    runs = [r for name in ("word/document.xml", "word/footnotes.xml")
            for r in part(written[docname], name).iter(qn("w:r"))]
    for tag, flag in (("emph", "w:i"), ("strong", "w:b")):
        marked = norm(" ".join(run_text(r) for r in runs
                               if r.find(f"{qn('w:rPr')}/{qn(flag)}") is not None))
        for el in root.iter(tag):
            assert text_of(el) in marked, (tag, text_of(el))


@pytest.mark.parametrize("docname", [d for d in DOCS if "agenda" in d])
def test_programme_tables(docname: str, written: dict[str, Path],
                          office_documents: dict[str, Path]) -> None:
    """A table a day, across the text width; the header row repeats; a row with a time is
    never split; a row with an empty time cell (the rest of an item) may split and has no
    rule above it."""
    document = part(written[docname], "word/document.xml")
    section = document.find(f"{qn('w:body')}/{qn('w:sectPr')}")
    width = int(section.find(qn("w:pgSz")).get(qn("w:w")))
    margins = section.find(qn("w:pgMar"))
    width -= int(margins.get(qn("w:left"))) + int(margins.get(qn("w:right")))
    tables = list(document.iter(qn("w:tbl")))
    assert len(tables) == len(load(office_documents[docname]).findall(".//day"))
    for tbl in tables:
        columns = [int(c.get(qn("w:w"))) for c in tbl.iter(qn("w:gridCol"))]
        assert abs(sum(columns) - width) <= len(columns)
        head, *rows = tbl.findall(qn("w:tr"))
        assert head.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for tr in rows:
            time_cell = tr.find(qn("w:tc"))
            rest = not run_text(time_cell).strip()
            assert (tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None) == rest
            top = time_cell.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:top')}")
            assert (top is not None and top.get(qn("w:val")) == "nil") == rest


@pytest.mark.parametrize("docname", DOCS)
def test_namespaces_declared_once(docname: str, written: dict[str, Path]) -> None:
    """document.xml and footnotes.xml declare w: on their root only (written block by block)."""
    with zipfile.ZipFile(written[docname]) as zf:
        for name in ("word/document.xml", "word/footnotes.xml"):
            assert zf.read(name).count(b"xmlns:w=") == 1, name


def test_no_process_is_started(office_documents: dict[str, Path], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOCX writer runs no pandoc and no other process."""
    from pipeline.writers.docx import pandoc

    def refuse(*args: object, **kwargs: object) -> None:
        """Fail the test: something tried to start a process or call pandoc."""
        raise AssertionError(f"the DOCX writer started a process or called pandoc: {args[:1]}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    for name in ("convert", "api_version", "_run"):
        monkeypatch.setattr(pandoc, name, refuse)
    for docname in DOCS:
        dest = tmp_path / f"{docname}.docx"
        get("docx")(etree.parse(str(office_documents[docname])), dest, Options())
        assert docx.Document(str(dest)).paragraphs


def test_the_same_document_gives_the_same_bytes(office_documents: dict[str, Path],
                                                tmp_path: Path) -> None:
    """Two writes in one process, in each house, give the same bytes."""
    tree = etree.parse(str(office_documents["features-agenda.es"]))
    for name in house.names():
        first, second = tmp_path / f"{name}-1.docx", tmp_path / f"{name}-2.docx"
        for dest in (first, second):
            get("docx")(tree, dest, Options(extra={"house": name}))
        assert first.read_bytes() == second.read_bytes()


def test_memory_limit_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """PIPELINE_DOCX_MEMORY wins over the former PIPELINE_PANDOC_MEMORY; a bad size is an
    error naming the variable."""
    monkeypatch.setenv("PIPELINE_PANDOC_MEMORY", "800m")
    assert memory.limit() == ("800m", 800 << 20)
    monkeypatch.setenv("PIPELINE_DOCX_MEMORY", "2g")
    assert memory.limit() == ("2g", 2 << 30)
    monkeypatch.setenv("PIPELINE_DOCX_MEMORY", "lots")
    with pytest.raises(PipelineError, match="PIPELINE_DOCX_MEMORY.*not a memory size"):
        memory.limit()


def test_a_programme_of_work_is_a_table_of_days_and_meetings(tmp_path):
    """The entries of a programme of work (entry @day @start @end) are one table: a header
    row of localised labels repeated on each page, a row across the table for each day,
    then a row per entry (its meeting's time, its item number, its title), as the reader
    reads a programme of work."""
    from pipeline.documents import read_text_source

    src = Path(__file__).parents[1] / "fixtures/reader/un-programme-of-work-es-layout-limited/input.txt"
    tree, _ = read_text_source(src.read_bytes(), "pow.es.txt")
    out = tmp_path / "pow.es.docx"
    get("docx")(tree, out, Options())
    tables = docx.Document(str(out)).tables
    assert len(tables) == 1
    rows = tables[0]._tbl.findall(qn("w:tr"))
    cells = [[norm("".join(t.text for t in c.iter(qn("w:t")))) for c in r.findall(qn("w:tc"))]
             for r in rows]
    assert cells[0] == ["Fecha y hora", "Tema", "Asunto"]
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert cells[1] == ["9 de abril de 2029"]
    assert rows[1].find(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "3"
    assert cells[2] == ["10:00–13:00", "1", "Elección de la Mesa"]
    assert cells[3] == ["10:00–13:00", "2", "Aprobación del programa y otras cuestiones de organización"]
    assert cells[5][:2] == ["15:00–18:00", "3"]
    assert [c for c in cells if len(c) == 1] == [[d] for d in (
        "9 de abril de 2029", "10 de abril de 2029", "11 de abril de 2029", "12 de abril de 2029")]
    assert len([c for c in cells if len(c) == 3]) == 1 + 10
    subject = [p for p in rows[-1].findall(qn("w:tc"))[2].iter(qn("w:p"))]  # (the star note
    assert [norm("".join(t.text for t in p.iter(qn("w:t")))) for p in subject] == [  # is a note)
        "Aprobación del informe de la Comisión sobre su 62º período de sesiones"]


def test_an_agendas_annexes_follow_its_items(office_documents: dict[str, Path], tmp_path: Path) -> None:
    """R16: an annex of an agenda is a top section after the items: its heading in Heading
    1, its title in Heading 2, then the note above its programme of work and the table, or
    its prose (numbered paragraphs, their list)."""
    out = tmp_path / "work.fr.docx"
    get("docx")(etree.parse(str(office_documents["features-work.fr"])), out, Options())
    body = part(out, "word/document.xml").find(qn("w:body"))
    blocks = []
    for el in body:
        if el.tag == qn("w:tbl"):
            head = el.find(qn("w:tr")).findall(qn("w:tc"))
            blocks.append(("table", " | ".join(norm(run_text(c)) for c in head)))
        elif el.tag == qn("w:p"):
            style = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            blocks.append((style.get(qn("w:val")) if style is not None else "", norm(run_text(el))))
    start = blocks.index(("Heading1", "Annexe I"))
    assert all(b[0] != "table" for b in blocks[:start])  # no table among the items
    assert blocks[start + 1:start + 4] == [
        ("Heading2", "Projet de programme de travail"),
        ("BodyText", "Le programme pourra être modifié par le Bureau."),
        ("table", "Date et heure | Point | Sujet")]
    assert blocks[start + 4:start + 7] == [
        ("Heading1", "Annexe II"), ("Heading2", "Organisation des travaux"),
        ("NumberedParagraph", "1. La Commission disposera de quatre séances.")]
    assert [b for b in blocks[start + 7:] if b[0] == "NumberedParagraph"] == [
        ("NumberedParagraph", "2. Les séances se tiendront en salle de conférence 4.")]
