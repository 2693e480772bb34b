"""DOCX writer: named styles, native footnotes, language, properties, text, determinism.

Every source in sources/ is parsed by the real CLI and written by the real writer (pandoc
from pypandoc-binary); the DOCX is read back with python-docx and opened in LibreOffice.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from office_fixtures import (FEATURE_DOCS, NAMES, REQUIRED_STYLES, WordsCheck, expected_styles,
                             expected_tag, footnote_texts, job_date_code, load, norm,
                             office_documents, pipeline_command, text_of, words,
                             work_tables)  # noqa: F401 (fixture)
from pipeline.writers import Options, get
from pipeline.writers.docx import REFERENCE
from support.tools import pdf_text, soffice_convert



@pytest.fixture(scope="session")
def docx_files(office_documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
               ) -> dict[str, Path]:
    """Each document written once as DOCX by the registered writer: name -> path."""
    out = tmp_path_factory.mktemp("docx")
    for name, xml in office_documents.items():
        get("docx")(etree.parse(str(xml)), out / f"{name}.docx", Options())
    return {name: out / f"{name}.docx" for name in office_documents}


def paragraphs(document: docx.document.Document) -> list[Paragraph]:
    """Every body paragraph in reading order, table cells included."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def footnotes_xml(document: docx.document.Document) -> etree._Element:
    """word/footnotes.xml, reached through the document part's relationship."""
    part = document.part.part_related_by(RT.FOOTNOTES)
    return etree.fromstring(part.blob)


def real_footnotes(document: docx.document.Document) -> list[etree._Element]:
    """The footnotes proper (not the separator and continuation notes)."""
    return [fn for fn in footnotes_xml(document).iter(qn("w:footnote"))
            if fn.get(qn("w:type")) in (None, "normal")]


def text_with_notes(document: docx.document.Document) -> str:
    """The body text, then the footnotes' text, as a reader meets them."""
    body = "\n".join(p.text for p in paragraphs(document))
    notes = "\n".join("".join(fn.itertext()) for fn in real_footnotes(document))
    return body + "\n" + notes


def test_reference_defines_every_named_style() -> None:
    """reference.docx defines the styles the issue names, for an officer to restyle."""
    names = {s.name for s in docx.Document(str(REFERENCE)).styles}
    assert set(REQUIRED_STYLES) <= names, set(REQUIRED_STYLES) - names


@pytest.mark.parametrize("docname", NAMES)
def test_named_styles_on_the_right_paragraphs(docname: str, docx_files: dict[str, Path],
                                              office_documents: dict[str, Path]) -> None:
    """Each structure of the XML lands in its named style, as many times as it occurs."""
    root = load(office_documents[docname])
    paras = paragraphs(docx.Document(str(docx_files[docname])))
    used = Counter(p.style.name for p in paras)
    for style, count in expected_styles(root).items():
        assert used[style] == count, f"{style}: {used[style]} paragraphs, expected {count}"
    by_style = lambda s: [norm(p.text) for p in paras if p.style.name == s]  # noqa: E731
    assert by_style("Title") == [text_of(root.find("meta/title"))]
    assert by_style("Question") == [text_of(q) for q in root.iter("question")]
    for got, item in zip(by_style("Item Title"), root.iterfind(".//day/item")):
        assert got.endswith(text_of(item.find("title"))), got
    for got, para in zip(by_style("Numbered Paragraph"), root.iter("para")):
        assert got.startswith(f"{para.get('n')}. ") and text_of(para.find("p")) in got, got
    numbered = [p for p in paras if p.style.name == "Numbered Paragraph"]
    assert all("\t" in p.text for p in numbered), "the number must hang, followed by a tab"


@pytest.mark.parametrize("docname", NAMES)
def test_native_footnotes(docname: str, docx_files: dict[str, Path],
                          office_documents: dict[str, Path]) -> None:
    """Footnotes are Word footnotes, one per XML footnote, same text, each referenced; a
    star note (R17) opens with its mark, typed (Word's custom mark), where a numbered note
    has Word's number (w:footnoteRef, no text)."""
    root = load(office_documents[docname])
    document = docx.Document(str(docx_files[docname]))
    notes = real_footnotes(document)
    texts = [norm(" ".join("".join(p.itertext()) for p in fn.iter(qn("w:p")))) for fn in notes]
    marks = [fn.get("n") + " " if fn.get("n", "").startswith("*") else ""
             for fn in root.iterfind("footnotes/footnote")]
    assert texts == [mark + text for mark, text in zip(marks, footnote_texts(root))]
    refs = list(document.element.body.iter(qn("w:footnoteReference")))
    assert len(refs) == len(notes)
    assert all(p.get(qn("w:val")) == "FootnoteText"
               for fn in notes for p in fn.iter(qn("w:pStyle")))


@pytest.mark.parametrize("docname", NAMES)
def test_language_on_defaults_and_styles(docname: str, docx_files: dict[str, Path],
                                         office_documents: dict[str, Path]) -> None:
    """w:lang carries the document language in docDefaults and in every text style."""
    tag = expected_tag(load(office_documents[docname]))
    document = docx.Document(str(docx_files[docname]))
    styles = document.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/"
                          f"{qn('w:lang')}")
    assert default is not None and default.get(qn("w:val")) == tag
    for style in styles.iterfind(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            lang = style.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            assert lang is not None and lang.get(qn("w:val")) == tag, style.get(qn("w:styleId"))
    assert document.core_properties.language == tag


@pytest.mark.parametrize("docname", NAMES)
def test_core_properties(docname: str, docx_files: dict[str, Path],
                         office_documents: dict[str, Path]) -> None:
    """Title, subject, keywords and fixed dates (the meeting's first day, else 2000-01-01)."""
    root = load(office_documents[docname])
    props = docx.Document(str(docx_files[docname])).core_properties
    assert props.title == text_of(root.find("meta/title"))
    assert props.subject.startswith(text_of(root.find("meta/series")))
    assert root.get("id") in props.keywords
    dates = root.find("meta/dates")
    day = dt.date.fromisoformat(dates.get("from")) if dates is not None else dt.date(2000, 1, 1)
    assert props.created.date() == props.modified.date() == day


@pytest.mark.parametrize("docname", NAMES)
def test_header_footer_and_repeating_table_headers(docname: str, docx_files: dict[str, Path],
                                                   office_documents: dict[str, Path]) -> None:
    """Running head (symbol, else title) and a PAGE field, beside the job number on later
    pages when the document has one, whose first page prints the job number, date code and
    barcode instead (R15); table header rows repeat."""
    root = load(office_documents[docname])
    document = docx.Document(str(docx_files[docname]))
    section = document.sections[0]
    head = root.findtext("meta/symbol") or text_of(root.find("meta/title"))
    assert norm(section.header.paragraphs[0].text) == head
    job = root.findtext("meta/job")
    for footer in (section.footer, section.first_page_footer):
        fields = footer._element.iter(qn("w:fldSimple"))
        numbered = any("PAGE" in f.get(qn("w:instr")) for f in fields)
        assert numbered == (job is None or footer is section.footer)
    if job is not None:
        assert [p.text for p in section.first_page_footer.paragraphs] == [
            f"{job}\t{job_date_code(root)}", f"*{job[:2]}{job[3:8]}*"]
        assert section.footer.paragraphs[0].text.startswith(f"{job[:8]}\t\t")
    tables = list(document.element.body.iter(qn("w:tbl")))
    assert len(tables) == len(root.findall(".//day")) + work_tables(root)
    for tbl in tables:
        assert tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


@pytest.mark.parametrize("docname", NAMES)
def test_every_word_in_order(docname: str, docx_files: dict[str, Path],
                             office_documents: dict[str, Path], words_check: WordsCheck) -> None:
    """The XML's words, in order and once each, with only generated labels added."""
    output = words(text_with_notes(docx.Document(str(docx_files[docname]))))
    problems = words_check(load(office_documents[docname]), output)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("feature", FEATURE_DOCS)
def test_shared_feature_documents(feature: str, feature_docs: dict[str, etree._ElementTree],
                                  words_check: WordsCheck, tmp_path: Path) -> None:
    """conftest's feature documents (one with a day without heading) keep all their words."""
    tree = feature_docs[feature]
    dest = tmp_path / f"{feature}.docx"
    get("docx")(tree, dest, Options())
    document = docx.Document(str(dest))
    problems = words_check(tree.getroot(), words(text_with_notes(document)))
    assert not problems, "\n".join(problems)
    days = [p for p in paragraphs(document) if p.style.name == "Day Heading"]
    assert len(days) == len(tree.getroot().findall(".//day")) and all(p.text for p in days)


@pytest.mark.parametrize("docname", ["idm2008-ws2-agenda.fr", "idm2008-return-migration-paper.fr",
                                  "features-paper.en"])
def test_two_builds_are_byte_identical(docname: str, docx_files: dict[str, Path],
                                       office_documents: dict[str, Path],
                                       tmp_path: Path) -> None:
    """A second build, in another process through the CLI, gives the same bytes."""
    again = tmp_path / f"{docname}.docx"
    proc = subprocess.run(pipeline_command() + ["render", str(office_documents[docname]), "--to",
                                                "docx", "-o", str(again)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == docx_files[docname].read_bytes()
    with zipfile.ZipFile(again) as zf:
        infos = zf.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("docname", NAMES)
def test_libreoffice_opens_it(docname: str, docx_files: dict[str, Path],
                              office_documents: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice converts the DOCX to PDF, and the PDF shows the title."""
    pdf = soffice_convert(docx_files[docname], "pdf", tmp_path)
    assert text_of(load(office_documents[docname]).find("meta/title")) in norm(pdf_text(pdf))


def test_reference_docx_is_reproducible() -> None:
    """make_reference.py, run again, gives the committed reference.docx byte for byte."""
    from pipeline.styles import make_reference
    assert make_reference.generate()[REFERENCE] == REFERENCE.read_bytes(), \
        "reference.docx is stale: run .venv/bin/python -m pipeline.styles.make_reference"


def test_list_labels_printed_or_computed() -> None:
    """@n is printed as given; without it the label follows the list style."""
    from pipeline.writers.docx.body import list_label
    lst = etree.fromstring('<list style="roman"><item/><item/><item n="x"/><item/></list>')
    assert [list_label(lst, item, i) for i, item in enumerate(lst)] == \
        ["(i)", "(ii)", "(x)", "(iv)"]
    numbers = etree.fromstring('<list style="number"><item/><item/></list>')
    assert [list_label(numbers, item, i) for i, item in enumerate(numbers)] == ["1.", "2."]
    alpha = etree.fromstring('<list style="alpha"><item/><item/></list>')
    assert [list_label(alpha, item, i) for i, item in enumerate(alpha)] == ["(a)", "(b)"]


def test_libreoffice_numbers_notes_through_the_document(docx_files: dict[str, Path],
                                                      office_documents: dict[str, Path],
                                                      tmp_path: Path) -> None:
    """A paper with notes under several headings: LibreOffice prints them 1, 2, 3, ...,
    not 1 after each Heading 1 (pandoc's default restarts notes "each section")."""
    name = next(n for n in NAMES if n.startswith("idm2008-return-migration-paper.en"))
    count = len(load(office_documents[name]).findall("footnotes/footnote"))
    assert count >= 2
    pdf = soffice_convert(docx_files[name], "pdf", tmp_path)
    text = pdf_text(pdf)
    printed = [int(m) for m in re.findall(r"(?m)^\s*(\d{1,2})\s*$", text)]
    assert set(range(1, count + 1)) <= set(printed), printed
    with zipfile.ZipFile(docx_files[name]) as zf:
        assert b"numRestart" not in zf.read("word/document.xml")
