"""The reports: accessible HTML (axe-core in Chromium), bilingual DOCX, LibreOffice opens both."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from compare_support import FIXTURES, SOURCES, W, docx_part
from pipeline.compare.commands import align_cmd, diff_cmd
from support.tools import axe_violations, format_axe_violations, pdf_text, soffice_convert

ALIGN = FIXTURES / "align"
DIFF = FIXTURES / "diff"
DRAFTS = SOURCES / "drafts"
PAPER, AGENDA = "idm2008-return-migration-paper", "idm2008-ws2-agenda"


def run(command, *args) -> None:
    """Invoke a click command and insist it succeeds."""
    result = CliRunner().invoke(command, [str(a) for a in args])
    assert result.exit_code == 0, result.output + repr(result.exception)


@pytest.fixture(scope="module")
def reports(parse, tmp_path_factory) -> dict[str, Path]:
    """Every kind of report, written by the commands into one folder."""
    out = tmp_path_factory.mktemp("reports")
    a, b = parse(ALIGN / "a.fr.txt"), parse(ALIGN / "b.en.txt")
    old, new = parse(DIFF / "old.en.txt"), parse(DIFF / "new.en.txt")
    agenda_fr, agenda_en = (parse(SOURCES / f"{AGENDA}.{lang}.txt") for lang in ("fr", "en"))
    paper_fr, paper_es = (parse(SOURCES / f"{PAPER}.{lang}.txt") for lang in ("fr", "es"))
    # the fixtures' ids come from their file names (a, b; old, new): --force
    jobs = {
        "align-fixture.html": (align_cmd, a, b, "--ui-lang", "en", "--force"),
        "align-fixture.docx": (align_cmd, a, b, "--ui-lang", "en", "--force"),
        "align-agenda.html": (align_cmd, agenda_fr, agenda_en),
        "align-paper.html": (align_cmd, paper_es, paper_fr),
        "align-agenda.docx": (align_cmd, agenda_fr, agenda_en),
        "diff-fixture.html": (diff_cmd, old, new, "--force"),
        "diff-fixture.docx": (diff_cmd, old, new, "--force"),
        "diff-paper.html": (diff_cmd, parse(DRAFTS / f"{PAPER}.fr.r1.txt"), paper_fr),
        "diff-agenda.html": (diff_cmd, parse(DRAFTS / f"{AGENDA}.fr.r1.txt"), agenda_fr),
    }
    for name, (command, *args) in jobs.items():
        run(command, args[0], args[1], "-o", out / name, *args[2:])
    return {name: out / name for name in jobs}


def test_html_reports_have_no_axe_violation(reports) -> None:
    """Zero axe-core violations (wcag2a, wcag2aa, wcag21aa, wcag22aa, best-practice)."""
    pages = [p for name, p in reports.items() if name.endswith(".html")]
    results = axe_violations(pages)
    assert all(not v for v in results.values()), format_axe_violations(results)


def test_align_page_structure(reports) -> None:
    """lang on the page and on each version's cells, title, landmarks, skip link, caption,
    th scope, flags as icon + text."""
    page = lxml.html.parse(str(reports["align-fixture.html"])).getroot()
    assert page.get("lang") == "en"
    assert page.findtext("head/title").startswith("Side by side: LES EFFETS")
    assert page.xpath("body/a[@class='skip-link'][@href='#main']")
    assert page.xpath("body/header//h1") and page.xpath("body/main[@id='main']")
    table = page.xpath("//table")[0]
    assert table.find("caption").text_content().strip()
    assert [th.get("scope") for th in table.xpath("thead/tr/th")] == ["col"] * 4
    rows = table.xpath("tbody/tr")
    assert all(r[0].tag == "th" and r[0].get("scope") == "row" for r in rows)
    assert {r[1].get("lang") for r in rows} == {"fr"} and {r[2].get("lang") for r in rows} == {"en"}
    flags = page.xpath("//li[contains(@class, 'flag')]")
    assert len(flags) == 3
    for li in flags:
        assert li.xpath("span[@aria-hidden='true']") and li.find("strong").text_content()
    assert "Missing in English" in [li.find("strong").text for li in flags]


def test_diff_page_announces_insertions_and_deletions(reports) -> None:
    """Each ins/del starts with visually hidden "inserted:"/"deleted:" in the page language."""
    page = lxml.html.parse(str(reports["diff-fixture.html"])).getroot()
    marks = page.xpath("//ins | //del")
    assert marks
    for mark in marks:
        hidden = mark.find("span")
        assert hidden.get("class") == "visually-hidden"
        assert hidden.text == ("inserted: " if mark.tag == "ins" else "deleted: ")
    text = page.xpath("//main")[0].text_content()
    assert "Changed: paragraph 3; footnote 2." in text
    french = lxml.html.parse(str(reports["diff-paper.html"])).getroot()
    assert french.get("lang") == "fr"
    assert french.xpath("//ins/span")[0].text == "inséré\u00a0: "


def test_bilingual_docx_table(reports) -> None:
    """Header row repeated (w:tblHeader); each version's runs carry its language; QA column."""
    root = docx_part(reports["align-fixture.docx"].read_bytes())
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 1
    rows = tables[0].findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    for row in rows[1:]:
        cells = row.findall(f"{W}tc")
        assert len(cells) == 4
        for cell, lang in ((cells[1], "fr-"), (cells[2], "en-")):
            runs = cell.findall(f".//{W}r")
            langs = {r.find(f"{W}rPr/{W}lang").get(f"{W}val")[:3] for r in runs}
            absent = "".join(t.text for t in cell.iter(f"{W}t")) == "(not in this version)"
            assert langs == ({"en-"} if absent else {lang})
    qa = ["".join(t.text for t in r.findall(f"{W}tc")[3].iter(f"{W}t")) for r in rows[1:]]
    assert sum("⚠" in text for text in qa) == 3
    assert any("Numbers differ" in text and "21 March 2009" in text for text in qa)


@pytest.mark.parametrize("name", ["diff-fixture.docx", "align-fixture.docx", "align-agenda.docx"])
def test_libreoffice_opens_the_docx(reports, tmp_path, name: str) -> None:
    """LibreOffice converts each DOCX to PDF; the text is there."""
    pdf = soffice_convert(reports[name], "pdf", tmp_path)
    text = pdf_text(pdf)
    assert ("concrete" in text and "MEASURING RETURN" in text) if name.startswith("diff") \
        else "Français (fr)" in text


def test_align_reports_are_deterministic(reports, parse, tmp_path) -> None:
    """The same two documents give the same bytes, page and DOCX."""
    a, b = parse(ALIGN / "a.fr.txt"), parse(ALIGN / "b.en.txt")
    for name in ("align-fixture.html", "align-fixture.docx"):
        again = tmp_path / name
        run(align_cmd, a, b, "-o", again, "--ui-lang", "en", "--force")
        assert again.read_bytes() == reports[name].read_bytes()
