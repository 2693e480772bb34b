"""ODT writer: named styles, native notes, language, meta, package, text, determinism.

Every source in sources/ is parsed by the real CLI and written by the real writer (our own
ODF emitter from the DOCX writer's AST, no pandoc); the ODT is read back as XML and opened
in LibreOffice.
"""
from __future__ import annotations

import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from office_fixtures import (FEATURE_DOCS, NAMES, REQUIRED_STYLES, WordsCheck, expected_styles,
                             expected_tag, footnote_texts, job_date_code, load, norm,
                             office_documents, pipeline_command, text_of, words,
                             work_tables)  # noqa: F401 (fixture)
from pipeline.writers import Options, get
from pipeline.writers.docx.house import odt_name
from pipeline.writers.odt import REFERENCE
from pipeline.writers.odt.odf import NS
from support.tools import pdf_text, soffice_convert



def q(name: str) -> str:
    """A prefixed name in Clark notation."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@pytest.fixture(scope="session")
def odt_files(office_documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, Path]:
    """Each document written once as ODT by the registered writer: name -> path."""
    out = tmp_path_factory.mktemp("odt")
    for name, xml in office_documents.items():
        get("odt")(etree.parse(str(xml)), out / f"{name}.odt", Options())
    return {name: out / f"{name}.odt" for name in office_documents}


def part(path: Path, name: str) -> etree._Element:
    """One XML part of an ODT package."""
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def para_text(p: etree._Element) -> str:
    """A paragraph's text as shown: tabs and spaces expanded, notes left out."""
    out = [p.text or ""]
    for child in p:
        if child.tag == q("text:tab"):
            out.append("\t")
        elif child.tag == q("text:s"):
            out.append(" " * int(child.get(q("text:c"), "1")))
        elif child.tag != q("text:note"):
            out.append(para_text(child))
        out.append(child.tail or "")
    return "".join(out)


def body_paragraphs(content: etree._Element) -> list[etree._Element]:
    """text:p and text:h of the body in reading order, outside notes."""
    text = content.find("office:body/office:text", NS)
    return [p for p in text.iter(q("text:p"), q("text:h"))
            if not any(a.tag == q("text:note") for a in p.iterancestors())]


def common_style(content: etree._Element, name: str) -> str:
    """The common (named) style behind a paragraph's style, through automatic styles."""
    for auto in content.iterfind("office:automatic-styles/style:style", NS):
        if auto.get(q("style:name")) == name:
            return auto.get(q("style:parent-style-name"), name)
    return name


def notes(content: etree._Element) -> list[etree._Element]:
    """The footnotes (text:note) in order."""
    return [n for n in content.iter(q("text:note")) if n.get(q("text:note-class")) == "footnote"]


def test_reference_defines_every_named_style() -> None:
    """reference.odt defines the issue's styles (internal names as LibreOffice writes them)."""
    styles = part(REFERENCE, "styles.xml")
    defined = {s.get(q("style:name")) for s in styles.iter(q("style:style"))}
    missing = [s for s in REQUIRED_STYLES if odt_name(s) not in defined]
    assert not missing


@pytest.mark.parametrize("docname", NAMES)
def test_named_styles_on_the_right_paragraphs(docname: str, odt_files: dict[str, Path],
                                              office_documents: dict[str, Path]) -> None:
    """Each structure lands in its named style; every used style is defined."""
    root = load(office_documents[docname])
    content = part(odt_files[docname], "content.xml")
    paras = body_paragraphs(content)
    used = Counter(common_style(content, p.get(q("text:style-name"))) for p in paras)
    for style, count in expected_styles(root).items():
        assert used[odt_name(style)] == count, f"{style}: {used[odt_name(style)]} != {count}"
    defined = {s.get(q("style:name")) for s in part(odt_files[docname], "styles.xml")
               .iter(q("style:style"))}
    assert set(used) <= defined, set(used) - defined
    by_style = lambda s: [norm(para_text(p)) for p in paras  # noqa: E731
                          if common_style(content, p.get(q("text:style-name"))) == odt_name(s)]
    assert by_style("Title") == [text_of(root.find("meta/title"))]
    assert by_style("Question") == [text_of(x) for x in root.iter("question")]
    for got, para in zip(by_style("Numbered Paragraph"), root.iter("para")):
        assert got.startswith(f"{para.get('n')}. ") and text_of(para.find("p")) in got, got


@pytest.mark.parametrize("docname", NAMES)
def test_native_notes(docname: str, odt_files: dict[str, Path],
                      office_documents: dict[str, Path]) -> None:
    """Footnotes are text:note elements with the XML footnotes' text, in order."""
    root = load(office_documents[docname])
    found = notes(part(odt_files[docname], "content.xml"))
    bodies = [norm(" ".join(para_text(p) for p in n.iter(q("text:p")))) for n in found]
    assert bodies == footnote_texts(root)


@pytest.mark.parametrize("docname", NAMES)
def test_language_on_styles_and_meta(docname: str, odt_files: dict[str, Path],
                                     office_documents: dict[str, Path]) -> None:
    """fo:language/fo:country on the default and named text styles; dc:language in meta."""
    tag = expected_tag(load(office_documents[docname]))
    language, country = tag.split("-")
    styles = part(odt_files[docname], "styles.xml")
    checked = 0
    for el in styles.iter(q("style:default-style"), q("style:style")):
        if el.get(q("style:family")) in ("paragraph", "text"):
            props = el.find("style:text-properties", NS)
            assert (props.get(q("fo:language")), props.get(q("fo:country"))) == \
                (language, country), el.get(q("style:name"))
            checked += 1
    assert checked > 20
    assert part(odt_files[docname], "meta.xml").findtext(".//dc:language", namespaces=NS) == tag


@pytest.mark.parametrize("docname", NAMES)
def test_meta_header_footer_tables(docname: str, odt_files: dict[str, Path],
                                   office_documents: dict[str, Path]) -> None:
    """meta.xml title/keywords/fixed dates; running head; page numbers (the UN page foot
    when the document has a job number); header rows."""
    root = load(office_documents[docname])
    meta = part(odt_files[docname], "meta.xml")
    assert meta.findtext(".//dc:title", namespaces=NS) == text_of(root.find("meta/title"))
    keywords = [k.text for k in meta.iterfind(".//meta:keyword", NS)]
    assert root.get("id") in keywords
    dates = root.find("meta/dates")
    day = dates.get("from") if dates is not None else "2000-01-01"
    assert meta.findtext(".//dc:date", namespaces=NS).startswith(day)
    master = part(odt_files[docname], "styles.xml").find(".//style:master-page", NS)
    head = root.findtext("meta/symbol") or text_of(root.find("meta/title"))
    assert norm(para_text(master.find("style:header/text:p", NS))) == head
    job = root.findtext("meta/job")
    for footer in ("style:footer", "style:footer-first"):
        numbered = master.find(f"{footer}//text:page-number", NS) is not None
        assert numbered == (job is None or footer == "style:footer")
    if job is not None:  # the UN page foot (R15)
        assert [para_text(p) for p in master.iterfind("style:footer-first/text:p", NS)] == [
            f"{job}\t{job_date_code(root)}", f"*{job[:2]}{job[3:8]}*"]
        assert para_text(master.find("style:footer/text:p", NS)) == f"{job[:8]}\t\t1"
    tables = list(part(odt_files[docname], "content.xml").iter(q("table:table")))
    assert len(tables) == len(root.findall(".//day")) + work_tables(root)
    assert all(t.find("table:table-header-rows", NS) is not None for t in tables)


def reading_text(path: Path) -> str:
    """The body text, then the notes' text, as a reader meets them."""
    content = part(path, "content.xml")
    body = "\n".join(para_text(p) for p in body_paragraphs(content))
    note_text = "\n".join(para_text(p) for n in notes(content) for p in n.iter(q("text:p")))
    return body + "\n" + note_text


@pytest.mark.parametrize("docname", NAMES)
def test_every_word_in_order(docname: str, odt_files: dict[str, Path],
                             office_documents: dict[str, Path], words_check: WordsCheck) -> None:
    """The XML's words, in order and once each, with only generated labels added."""
    problems = words_check(load(office_documents[docname]), words(reading_text(odt_files[docname])))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("feature", FEATURE_DOCS)
def test_shared_feature_documents(feature: str, feature_docs: dict[str, etree._ElementTree],
                                  words_check: WordsCheck, tmp_path: Path) -> None:
    """conftest's feature documents (one with a day without heading) keep all their words."""
    tree = feature_docs[feature]
    dest = tmp_path / f"{feature}.odt"
    get("odt")(tree, dest, Options())
    problems = words_check(tree.getroot(), words(reading_text(dest)))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("docname", ["idm2008-ws2-agenda.fr", "idm2008-return-migration-paper.fr",
                                  "features-agenda.es"])
def test_two_builds_are_byte_identical(docname: str, odt_files: dict[str, Path],
                                       office_documents: dict[str, Path],
                                       tmp_path: Path) -> None:
    """A second build through the CLI gives the same bytes; mimetype first and stored."""
    again = tmp_path / f"{docname}.odt"
    proc = subprocess.run(pipeline_command() + ["render", str(office_documents[docname]), "--to",
                                                "odt", "-o", str(again)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == odt_files[docname].read_bytes()
    with zipfile.ZipFile(again) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("docname", NAMES)
def test_libreoffice_opens_it(docname: str, odt_files: dict[str, Path],
                              office_documents: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice converts the ODT to PDF, and the PDF shows the title."""
    pdf = soffice_convert(odt_files[docname], "pdf", tmp_path)
    assert text_of(load(office_documents[docname]).find("meta/title")) in norm(pdf_text(pdf))


def test_reference_odt_is_reproducible() -> None:
    """make_reference.py, run again, gives the committed reference.odt byte for byte."""
    from pipeline.styles import make_reference
    assert make_reference.generate()[REFERENCE] == REFERENCE.read_bytes(), \
        "reference.odt is stale: run .venv/bin/python -m pipeline.styles.make_reference"


def test_no_process_is_started(office_documents: dict[str, Path], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The ODT writer runs no pandoc (no process at all): its own emitter writes the body."""
    from pipeline.writers.docx import pandoc

    def refuse(*args: object, **kwargs: object) -> None:
        """Fail the test: something tried to start a process or call pandoc."""
        raise AssertionError(f"the ODT writer started a process or called pandoc: {args[:1]}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    for name in ("convert", "api_version", "_run"):
        monkeypatch.setattr(pandoc, name, refuse)
    for docname in ("idm2008-ws2-agenda.fr", "idm2008-return-migration-paper.fr",
                    "features-paper.en", "features-agenda.es"):
        dest = tmp_path / f"{docname}.odt"
        get("odt")(etree.parse(str(office_documents[docname])), dest, Options())
        assert part(dest, "content.xml").find("office:body/office:text", NS) is not None


@pytest.mark.parametrize("docname", NAMES)
def test_every_style_used_is_defined(docname: str, odt_files: dict[str, Path]) -> None:
    """Every style named in content.xml is a style of styles.xml or an automatic style."""
    content = part(odt_files[docname], "content.xml")
    styles = part(odt_files[docname], "styles.xml")
    defined = {s.get(q("style:name")) for root in (content, styles)
               for s in root.iter(q("style:style"), q("text:list-style"))}
    used = {v for el in content.iter() for k, v in el.attrib.items()
            if k in (q("text:style-name"), q("table:style-name"))}
    assert used and used <= defined, used - defined


def test_emphasis_is_italic_and_bold(odt_files: dict[str, Path]) -> None:
    """emph and strong become spans in automatic text styles that are italic and bold."""
    content = part(odt_files["features-paper.en"], "content.xml")
    props = {s.get(q("style:name")): s.find("style:text-properties", NS)
             for s in content.iterfind("office:automatic-styles/style:style", NS)
             if s.get(q("style:family")) == "text"}
    spans = {norm(para_text(s)): props[s.get(q("text:style-name"))]
             for s in content.iter(q("text:span")) if s.get(q("text:style-name")) in props}
    assert spans["of"].get(q("fo:font-style")) == "italic"
    assert spans["emphasis"].get(q("fo:font-style")) == "italic"
    assert spans["strong"].get(q("fo:font-weight")) == "bold"


@pytest.mark.parametrize("docname", ["idm2008-ws2-agenda.fr", "features-agenda.es"])
def test_agenda_tables_columns_and_rules(docname: str, odt_files: dict[str, Path]) -> None:
    """Day tables: a narrow time column, a rule under each item, a stronger one under the
    header."""
    from pipeline.writers.docx.house import house
    agenda = house()["agenda"]
    content = part(odt_files[docname], "content.xml")
    auto = {s.get(q("style:name")): s
            for s in content.iterfind("office:automatic-styles/style:style", NS)}

    def props(el: etree._Element, kind: str) -> etree._Element:
        """The properties of the automatic style of a column or cell."""
        return auto[el.get(q("table:style-name"))].find(f"style:table-{kind}-properties", NS)

    header_rule, rule = (f"{agenda[f'{k}rule_width']}pt solid #{agenda[f'{k}rule_colour']}"
                         for k in ("header_", ""))
    for table in content.iter(q("table:table")):
        widths = [int(props(c, "column").get(q("style:rel-column-width")).rstrip("*"))
                  for c in table.iterfind("table:table-column", NS)]
        assert len(widths) == 2
        assert widths[0] / sum(widths) == pytest.approx(agenda["time_column"], abs=0.01)
        head = table.findall("table:table-header-rows/table:table-row/table:table-cell", NS)
        rows = table.findall("table:table-row", NS)
        assert head and rows
        assert {props(c, "cell").get(q("fo:border-bottom")) for c in head} == {header_rule}
        # An item is its head row (time, title), then, when it has more, a row with an
        # empty time cell: the rule is under the item's last row only.
        for row, following in zip(rows, rows[1:] + [None]):
            continued = following is not None and not norm(para_text(following[0]))
            bottoms = {props(c, "cell").get(q("fo:border-bottom"))
                       for c in row.iterfind("table:table-cell", NS)}
            assert bottoms == ({None} if continued else {rule})


def test_unknown_ast_node_is_an_error() -> None:
    """A pandoc node the emitter has no rule for fails with a message naming the document."""
    from pipeline.errors import PipelineError
    from pipeline.writers.docx.house import house
    from pipeline.writers.odt import emit
    blocks = [{"t": "Para", "c": [{"t": "Str", "c": "x"}, {"t": "Math", "c": []}]}]
    with pytest.raises(PipelineError, match=r"doc\.odt: error: .*Math"):
        emit.content(iter(blocks), house()["agenda"], "doc.odt")


def test_an_agendas_annexes_follow_its_items(odt_files: dict[str, Path]) -> None:
    """R16: an annex of an agenda is a heading of outline level 1 after the items, its
    title of level 2, then its programme of work's table or its prose."""
    text = part(odt_files["features-work.fr"], "content.xml").find("office:body/office:text", NS)
    blocks = [(etree.QName(el).localname, el.get(q("text:outline-level")), norm(para_text(el)))
              for el in text if el.tag in (q("text:h"), q("text:p"), q("table:table"))]
    start = blocks.index(("h", "1", "Annexe I"))
    assert not any(kind == "table" for kind, _, _ in blocks[:start])
    assert blocks[start + 1:start + 3] == [("h", "2", "Projet de programme de travail"),
                                           ("p", None, "Le programme pourra être modifié par le Bureau.")]
    assert blocks[start + 3][0] == "table"
    assert blocks[start + 4:start + 6] == [("h", "1", "Annexe II"), ("h", "2", "Organisation des travaux")]
    assert blocks[start + 6] == ("p", None, "1. La Commission disposera de quatre séances.")
