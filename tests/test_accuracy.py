"""The extraction harness in make test: every reader fixture laid out as a DOCX by our
writer, printed to PDF by LibreOffice (one process), extracted by pdftotext, pdftotext
-layout, pypdf and pdfminer.six, and read back; and the PDF itself read by the PDF reader
(tests/accuracy/harness.py).

What it asserts: no extraction is refused, every reading is valid XML holding every word
(read_text_source guarantees it or raises), the structure score does not fall below the
one measured when this test was written (``make accuracy`` prints the table), and no
reading keeps the UN page foot a UN-shaped fixture's print carries.
"""
from __future__ import annotations

import pytest

from support.tools import require_tools

#: The score measured with `make accuracy` when the floor was last raised (99.1% over 780
#: texts, 2026-12-03), less a margin for LibreOffice versions that break lines elsewhere.
FLOOR = 0.97


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """The harness run once for the module."""
    require_tools("soffice", "poppler")
    pytest.importorskip("pypdf", reason="pypdf not installed: pip install -e '.[test]'")
    pytest.importorskip("pdfminer", reason="pdfminer.six not installed: pip install -e '.[test]'")
    from accuracy.harness import run

    return run(tmp_path_factory.mktemp("accuracy"))


def test_every_fixture_is_read_through_every_extractor(results) -> None:
    """Four extractions and the PDF reader's reading per fixture, none refused."""
    from accuracy.harness import EXTRACTORS, fixture_texts

    assert len(results) == len(fixture_texts()) * len(EXTRACTORS)
    refused = [f"{r.name} via {r.extractor}: {r.message}" for r in results if r.refused]
    assert refused == []


def test_structure_score_holds(results) -> None:
    """The mean structure score stays at or above the floor."""
    from accuracy.harness import summary

    mean = sum(r.overall for r in results) / len(results)
    assert mean >= FLOOR, summary(results)


def test_clean_layouts_read_as_well_as_the_text(results) -> None:
    """A paper whose PDF keeps its paragraphs apart (pdftotext -layout) keeps every
    paragraph number of the clean reading (a paper without numbered paragraphs has none to keep)."""
    papers = [r for r in results if r.name.startswith("paper-") and r.extractor == "pdftotext-layout"]
    assert papers and all(r.scores["paragraphs"] in (None, 1.0) for r in papers), [
        (r.name, r.scores) for r in papers]


def test_pdf_reader_round_trip_through_docx(results) -> None:
    """Every fixture's DOCX, printed and read by the PDF reader, has the reference's facts
    in every category (harness.PDF_READER_MISSES aside)."""
    from accuracy.harness import PDF_READER, PDF_READER_MISSES

    failures = [f"{r.name}: {cat} {score:.2f}" for r in results if r.extractor == PDF_READER
                for cat, score in r.scores.items()
                if score is not None and score < 1 and (r.name, cat) not in PDF_READER_MISSES]
    assert failures == []


def test_pdf_input_scores_above_its_extracted_text(results) -> None:
    """The PDF read by the PDF reader scores at least as high as the same PDF's text from
    each of the five extractors (the layout says more than the text)."""
    from accuracy.harness import EXTRACTORS, PDF_READER, by_extractor

    def mean(extractor: str) -> float:
        mine = [r.overall for r in results if r.extractor == extractor]
        return sum(mine) / len(mine)

    assert all(mean(PDF_READER) >= mean(e) for e in EXTRACTORS), by_extractor(results)


def test_no_page_debris_in_any_reading(results) -> None:
    """No reading keeps the UN page foot its print carried (the job number, the barcode's
    text, the date code: R15), our PDF reader's neither (it is the page's furniture, not
    the end of the page's last footnote)."""
    found = {(r.name, r.extractor): r.debris for r in results if r.debris}
    assert found == {}
