"""Self-test of the tool harness: each real tool must pass a good input and
catch a real problem in a bad one.  Inputs are made on the fly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from .tools import (
    AXE_TAGS,
    axe_violations,
    chromium_path,
    epub_errors_and_warnings,
    epubcheck,
    format_axe_violations,
    format_messages,
    pdf_text,
    pdf_to_pngs,
    require,
    soffice_convert,
    vnu_errors,
    vnu_messages,
)

GOOD_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Harness check</title></head>
<body>
<header><p>Pipeline</p></header>
<main>
<h1>Resolution 1 (2008)</h1>
<p>The Council <a href="#op1">decides</a> as follows.</p>
<ol><li id="op1">Welcomes the report.</li></ol>
</main>
</body>
</html>
"""

BAD_HTML = GOOD_HTML.replace("<p>The Council", '<img src="seal.png"><p>The Council')


@pytest.fixture
def pages(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "good.html"
    bad = tmp_path / "bad.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    bad.write_text(BAD_HTML, encoding="utf-8")
    return good, bad


# --- require(): skip vs fail ------------------------------------------------

def test_require_skips_without_env(monkeypatch):
    monkeypatch.delenv("PIPELINE_REQUIRE_TOOLS", raising=False)
    require("X", True, "never raised")
    with pytest.raises(pytest.skip.Exception, match="X unavailable: not here"):
        require("X", False, "not here")


def test_require_fails_with_env(monkeypatch):
    monkeypatch.setenv("PIPELINE_REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="X unavailable: not here"):
        require("X", False, "not here")


def test_missing_chromium_skips_or_fails(monkeypatch, tmp_path, pages):
    """With no chromium on PATH, axe checks skip -- or fail under
    PIPELINE_REQUIRE_TOOLS=1 (simulated by emptying PATH; nothing uninstalled)."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("PIPELINE_CHROMIUM", raising=False)
    assert chromium_path() is None
    monkeypatch.delenv("PIPELINE_REQUIRE_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium unavailable"):
        axe_violations([pages[0]])
    monkeypatch.setenv("PIPELINE_REQUIRE_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="Chromium unavailable"):
        axe_violations([pages[0]])


# --- axe-core in Chromium ---------------------------------------------------

def test_axe_clean_page_and_missing_alt(pages):
    good, bad = pages
    results = axe_violations([good, bad])
    assert set(results) == {good, bad}
    assert results[good] == [], format_axe_violations(results)
    ids = {v["id"] for v in results[bad]}
    assert "image-alt" in ids, format_axe_violations(results)
    v = next(v for v in results[bad] if v["id"] == "image-alt")
    assert v["impact"] == "critical" and v["nodes"][0]["target"] == ["img"]
    assert "image-alt" in format_axe_violations(results)
    assert len(AXE_TAGS) == 5


# --- Nu HTML Checker --------------------------------------------------------

def test_vnu_good_and_bad(pages):
    good, bad = pages
    assert vnu_errors([good]) == []
    errors, _warnings = vnu_messages([good, bad])
    assert errors, "vnu found no error in a page with <img> lacking alt"
    assert all(e.file.endswith("bad.html") for e in errors), format_messages(errors)
    assert any("alt" in e.message for e in errors), format_messages(errors)


# --- EPUBCheck --------------------------------------------------------------

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:2f0bd0f4-3c1e-4a8e-9b0e-6b3f5e2a9d11</dc:identifier>
    <dc:title>Harness check</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine>
    <itemref idref="c1"/>
  </spine>
</package>
"""

NAV = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>Contents</title></head>
<body>
<nav epub:type="toc" id="toc"><h1>Contents</h1>
<ol><li><a href="c1.xhtml">Chapter 1</a></li></ol>
</nav>
</body>
</html>
"""

CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Chapter 1</title></head>
<body><section><h1>Chapter 1</h1><p>Text.</p></section></body>
</html>
"""


def build_epub(path: Path, files: dict[str, str], *, mimetype_first: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        if mimetype_first:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                       compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            z.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return path


def good_epub_files() -> dict[str, str]:
    return {"META-INF/container.xml": CONTAINER, "EPUB/package.opf": OPF,
            "EPUB/nav.xhtml": NAV, "EPUB/c1.xhtml": CHAPTER}


def test_epubcheck_valid(tmp_path):
    epub = build_epub(tmp_path / "good.epub", good_epub_files())
    msgs = epub_errors_and_warnings(epub)
    assert msgs == [], format_messages(msgs)


def test_epubcheck_invalid(tmp_path):
    files = good_epub_files()
    files["EPUB/package.opf"] = OPF.replace("<dc:title>Harness check</dc:title>", "")
    files["EPUB/c1.xhtml"] = CHAPTER.replace("<p>Text.</p>", "<p>Text.<p>")  # not well-formed
    epub = build_epub(tmp_path / "bad.epub", files)
    msgs = epubcheck(epub)
    errors = [m for m in msgs if m.severity in ("FATAL", "ERROR")]
    assert errors, format_messages(msgs)
    ids = {m.id for m in errors}
    assert "RSC-005" in ids, format_messages(msgs)        # schema: dc:title missing
    assert any(m.location.startswith("EPUB/c1.xhtml") for m in errors), format_messages(msgs)
    # FATAL is kept distinct from ERROR (XML not well-formed)
    assert any(m.severity == "FATAL" and m.id == "RSC-016" for m in msgs), format_messages(msgs)


def test_epubcheck_mimetype_not_first(tmp_path):
    epub = build_epub(tmp_path / "nomime.epub", good_epub_files(), mimetype_first=False)
    msgs = epub_errors_and_warnings(epub)
    assert any(m.severity in ("FATAL", "ERROR") for m in msgs), format_messages(msgs)


# --- LibreOffice + poppler --------------------------------------------------

def test_soffice_docx_to_pdf(tmp_path):
    docx = pytest.importorskip("docx")
    src = tmp_path / "memo.docx"
    d = docx.Document()
    d.add_heading("Harness memo", level=1)
    d.add_paragraph("Le Conseil se félicite du rapport.")
    d.save(src)
    pdf = soffice_convert(src, "pdf", tmp_path / "out")
    assert pdf == tmp_path / "out" / "memo.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(pdf)
    assert "Harness memo" in text and "Le Conseil se félicite du rapport." in text, text
    pngs = pdf_to_pngs(pdf, tmp_path / "png")
    assert len(pngs) == 1 and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_soffice_failure_raises(tmp_path):
    from .tools import ToolError, require_tools
    require_tools("soffice")
    src = tmp_path / "x.docx"
    src.write_bytes(b"PK\x03\x04 this is not a real docx")
    with pytest.raises(ToolError, match="soffice could not convert"):
        soffice_convert(src, "pdf", tmp_path / "out")
