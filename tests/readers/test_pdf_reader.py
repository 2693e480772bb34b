"""The PDF reader (pipeline/readers/pdf) with the real tools, no mocks.

- Round trip: every reader fixture's XML laid out by our ODT writer, printed by LibreOffice
  (one process for every file), read back by the PDF reader: the facts of the XML (days,
  items, times, people, questions, entries, paragraphs, headings, notes: the accuracy
  harness's ``facts``) are those of the reference. The same through our DOCX writer is
  the harness's "pdf-reader" extractor (tests/test_accuracy.py).
- PDFs laid out unlike ours (python-docx: tab-set time columns, a three-column table with a
  moderator column, a paper with hanging paragraph numbers; running headers and page-number
  footers), printed by LibreOffice in the same process, read with the facts of the text
  a person would type for them.
- Bad input (an image-only PDF, an encrypted one, a truncated one, not a PDF): one clear
  ``file: error:`` line, exit 1, nothing written.

A (fixture, category) of accuracy.harness.PDF_READER_MISSES is a shape the reading does not
get right yet: not asserted (the text reader's rules decide those, and others change them).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from accuracy.harness import CATEGORIES, PDF_READER_MISSES, facts, fixture_texts
from pdf_layouts import MAKERS
from support.tools import require_tools, soffice_convert_many

from pipeline.documents import read_text_source
from pipeline.readers.pdf import pdf_text, read_pdf_source
from pipeline.validate import validate

ROOT = Path(__file__).resolve().parents[2]
PIPELINE = [sys.executable, "-m", "pipeline"]

@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict:
    """Every fixture as ODT and every python-docx layout, printed to PDF by one
    LibreOffice process: {"refs": name -> reference root, "layouts": name -> clean text,
    "pdfs": name -> PDF}."""
    require_tools("soffice")
    from pipeline.writers import Options, get

    work = tmp_path_factory.mktemp("pdf-reader")
    refs, layouts, docs = {}, {}, []
    for name, path in fixture_texts():
        tree, _ = read_text_source(path.read_bytes(), f"{name}.txt")
        refs[name] = tree.getroot()
        get("odt")(tree, work / f"{name}.odt", Options())
        docs.append(work / f"{name}.odt")
    for name, make in MAKERS.items():
        layouts[name] = make(work / f"{name}.docx")
        docs.append(work / f"{name}.docx")
    pdfs = soffice_convert_many(docs, "pdf", work / "pdf")
    return {"refs": refs, "layouts": layouts, "pdfs": {p.stem: p for p in pdfs}, "work": work}


def differences(expected: dict, got: dict) -> list[str]:
    """The categories whose facts differ, with both sides."""
    return [f"{cat}: expected {expected[cat]}, got {got[cat]}" for cat in CATEGORIES
            if expected[cat] != got[cat]]


def test_round_trip_through_odt_keeps_the_facts(printed) -> None:
    """Each fixture read back from its printed ODT is valid and has the reference's facts
    (PDF_READER_MISSES aside), and no reading falls back to plain prose but one a master
    would need anyway."""
    failures, fallbacks = [], []
    for name, ref in printed["refs"].items():
        pdf = printed["pdfs"][name]
        tree, warnings = read_pdf_source(pdf.read_bytes(), pdf.name)
        assert validate(tree.getroot(), pdf.name) == []
        if any("could not be read" in w.message for w in warnings):
            fallbacks.append(name)
        expected, got = facts(ref), facts(tree.getroot())
        failures += [f"{name}: {d}" for d in differences(expected, got)
                     if (name, d.split(":")[0]) not in PDF_READER_MISSES]
    assert failures == []
    assert set(fallbacks) <= {"un-programme-of-work-es-layout-limited",
                              "un-provisional-agenda-fr-annotated-programme"}, fallbacks


def test_source_is_the_pdf(printed) -> None:
    """meta/source names the PDF and carries the digest of its bytes, not of the text."""
    import hashlib

    pdf = printed["pdfs"]["paper-en-superscript-notes"]
    tree, _ = read_pdf_source(pdf.read_bytes(), str(pdf))
    source = tree.find("meta/source")
    assert source.get("file") == pdf.name
    assert source.get("sha256") == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_superscript_markers_link_their_notes(printed) -> None:
    """The raised markers of the body become noterefs to the notes at the page foot, and
    the notes' texts are the notes' (the rule and the smaller type found them)."""
    pdf = printed["pdfs"]["paper-en-superscript-notes"]
    root = read_pdf_source(pdf.read_bytes(), pdf.name)[0].getroot()
    assert [r.get("to") for r in root.iter("noteref")] == ["fn1", "fn2"]
    assert [" ".join(f.text.split()) for f in root.iter("footnote")] == ["See WHO, 2010.", "IOM estimates."]
    assert "See WHO" not in "".join(root.find("body").itertext())


def test_running_heads_and_page_numbers_are_dropped(printed) -> None:
    """The composed text of a two-page document has neither its running header (the
    title again, in the page's top band) nor its page numbers, and the second day's
    page starts with a form feed."""
    text = pdf_text(printed["pdfs"]["tabbed-agenda.en"].read_bytes(), "x.pdf").text
    assert "Page 1" not in text and "Page 2" not in text
    assert text.count("Regional Consultation on Labour Mobility") == 0
    assert "\fWednesday, 4 March 2027" in text


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_other_layouts_read_as_their_text(printed, name: str) -> None:
    """A document laid out unlike ours reads with the facts of its typed text."""
    pdf = printed["pdfs"][name]
    tree, warnings = read_pdf_source(pdf.read_bytes(), pdf.name)
    assert validate(tree.getroot(), pdf.name) == []
    assert [str(w) for w in warnings] == []
    ref, _ = read_text_source(printed["layouts"][name].encode("utf-8"), f"{name}.txt")
    assert differences(facts(ref.getroot()), facts(tree.getroot())) == []


#: The extractors people run on a PDF before they hand us its text, as the harness runs
#: them (tests/accuracy/harness.extract).
EXTRACTED = ("pdftotext", "pdftotext-layout", "pypdf", "pdfminer", "pdfplumber")
#: The facts asserted of each layout's extracted text: an agenda's title block, days,
#: items, times and people; a paper's paragraphs and notes.
EXTRACTED_FACTS = {"agenda": ("title", "days", "items", "times", "people"), "paper": ("paragraphs", "notes")}
#: (layout, extractor) read wrong yet, asserted only to read: the three-column table
#: (time, session, moderator) comes out of every extractor but pypdf with the cells of a
#: row interleaved with the next rows' (the PDF reader reads it: test_time_and_moderator_columns).
EXTRACTED_MISSES = {("table-agenda.en", x) for x in EXTRACTED}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_other_layouts_through_common_extractors(printed, name: str) -> None:
    """A layout unlike ours, printed by LibreOffice, its text taken by each common extractor
    (default pdftotext prints a two-column table's time column whole before its item
    column, and a row set by tab stops a piece a line: timecolumn.py): every text reads,
    valid, with the typed text's facts."""
    require_tools("poppler")
    from accuracy.harness import extract

    ref, _ = read_text_source(printed["layouts"][name].encode("utf-8"), f"{name}.txt")
    expected = facts(ref.getroot())
    failures = []
    for extractor, text in extract(printed["pdfs"][name]).items():
        tree, warnings = read_text_source(text.encode("utf-8"), f"{name}.txt")
        assert validate(tree.getroot(), name) == []
        if (name, extractor) in EXTRACTED_MISSES:
            continue
        got = facts(tree.getroot())
        failures += [f"{extractor}: {cat}: expected {expected[cat]}, got {got[cat]} ({[str(w) for w in warnings]})"
                     for cat in EXTRACTED_FACTS[ref.getroot().get("type")] if expected[cat] != got[cat]]
    assert failures == []


def test_time_and_moderator_columns(printed) -> None:
    """Tab-set times and a table's moderator column: the items, their times and their
    moderators are the ones typed in pdf_layouts.py."""
    tabbed = read_pdf_source(printed["pdfs"]["tabbed-agenda.en"].read_bytes(), "t.pdf")[0].getroot()
    assert [d.get("date") for d in tabbed.iter("day")] == ["2027-03-03", "2027-03-04"]
    assert [(i.get("start"), i.get("end")) for i in tabbed.iter("item")] == [
        ("09:00", "09:30"), ("09:30", "10:30"), ("10:30", "11:00"), ("11:00", "12:30"),
        ("09:00", "10:30"), ("10:30", "12:00")]
    assert tabbed.findtext("meta/title") == "REGIONAL CONSULTATION ON LABOUR MOBILITY"
    table = read_pdf_source(printed["pdfs"]["table-agenda.en"].read_bytes(), "t.pdf")[0].getroot()
    items = list(table.iter("item"))
    assert [" ".join(i.findtext("title").split()) for i in items] == [
        "Registration", "Opening of the forum", "Panel: data on return and reintegration",
        "Panel: financing reintegration", "Closing remarks"]
    assert [p.findtext("name") for p in items[2].iter("person")] == ["Kofi Mensah"]
    assert "Time" not in "".join(table.find("agenda").itertext()).split()


# --- bad input -----------------------------------------------------------------------------

def image_only(pdf: Path, dest: Path) -> Path:
    """A PDF of the first page of pdf as a picture (pdftoppm), with no text layer (pikepdf)."""
    require_tools("poppler")
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf not installed: pip install -e '.[test]'")
    prefix = dest.parent / f"{dest.stem}-page"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-singlefile", "-f", "1", "-l", "1",
                    str(pdf), str(prefix)], check=True, capture_output=True, timeout=60)
    data = Path(f"{prefix}.pgm").read_bytes()
    magic, width, height, depth, raw = data.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    out = pikepdf.new()
    image = pikepdf.Stream(out, raw[:int(width) * int(height)])
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = int(width), int(height)
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    page = out.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = out.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    out.save(dest)
    return dest


def encrypted(pdf: Path, dest: Path) -> Path:
    """pdf encrypted with a user password (pikepdf)."""
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf not installed: pip install -e '.[test]'")
    with pikepdf.open(pdf) as doc:
        doc.save(dest, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return dest


@pytest.fixture(scope="module")
def bad(printed) -> dict[str, tuple[Path, str]]:
    """name -> (bad PDF, what its error says), in a folder of their own."""
    folder = printed["work"] / "bad"
    folder.mkdir()
    good = printed["pdfs"]["paper-en-superscript-notes"]
    truncated = folder / "truncated.en.pdf"
    truncated.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2])
    notpdf = folder / "renamed.en.pdf"
    notpdf.write_bytes(b"PK\x03\x04 a zip file, not a PDF")
    return {"scanned": (image_only(good, folder / "scanned.en.pdf"),
                        "the PDF has no text layer (scanned?): no OCR here"),
            "encrypted": (encrypted(good, folder / "encrypted.en.pdf"), "the PDF is encrypted"),
            "truncated": (truncated, "the PDF is damaged or truncated"),
            "not a PDF": (notpdf, "not a PDF file")}


@pytest.mark.parametrize("kind", ["scanned", "encrypted", "truncated", "not a PDF"])
def test_bad_pdf_is_one_clear_error(bad, tmp_path: Path, kind: str) -> None:
    """pipeline parse: exit 1, one line ``file: error: ...`` that says what is wrong, no
    XML written."""
    pdf, says = bad[kind]
    out = tmp_path / "out.xml"
    r = subprocess.run([*PIPELINE, "parse", str(pdf), "-o", str(out)], capture_output=True,
                       text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{pdf}: error: {says}"), r.stderr
    assert not out.exists()


def test_bad_pdfs_build_nothing(bad, tmp_path: Path) -> None:
    """The batch (what make all runs) over a folder of bad PDFs: exit 1, an error naming
    each file, no XML in the build folder."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for pdf, _ in bad.values():
        shutil.copy(pdf, sources / pdf.name)
    build = tmp_path / "build"
    r = subprocess.run([*PIPELINE, "batch", "--sources-dir", str(sources), "--out", str(build)],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 1
    for pdf, says in bad.values():
        assert f"{pdf.name}: error: {says}" in r.stdout + r.stderr
    assert not list(build.glob("xml/*.xml"))


def test_make_all_builds_a_pdf_source(printed, tmp_path: Path) -> None:
    """A PDF dropped into sources/ of a copy of the repository (its only source) is built
    by make all into valid XML and every format."""
    from test_make import make, tracked_files

    dest = tmp_path / "repo"
    for rel in tracked_files():
        if rel.startswith("sources/"):
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    (dest / "sources").mkdir(exist_ok=True)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    shutil.copy(printed["pdfs"]["table-agenda.en"], dest / "sources" / "forum-agenda.en.pdf")
    r = make(dest, "all")
    assert r.returncode == 0, r.stdout + r.stderr
    xml = dest / "build/xml/forum-agenda.en.xml"
    root = etree.parse(str(xml)).getroot()
    assert validate(root, str(xml)) == []
    assert [d.get("date") for d in root.iter("day")] == ["2027-06-14", "2027-06-15"]
    assert root.find("meta/source").get("file") == "forum-agenda.en.pdf"
    for fmt in ("html", "docx", "odt", "epub"):
        assert (dest / f"build/{fmt}/forum-agenda.en.{fmt}").exists()
