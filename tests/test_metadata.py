"""sources/<docid>.toml: title-block fields set once for every language version.

Read and checked (file:line errors), applied by the reader to each version in its own
language, rebuilt by the batch when only the file changes, and never half-applied.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline import metadata
from pipeline.errors import PipelineError

ROOT = Path(__file__).resolve().parent.parent
DOC = "idm2008-ws2-agenda"
GOOD = """# what the officer knows
symbol = "MC/INF/293"
issued = 2008-06-30
distribution = "limited"
original-language = "en"
organisation = "United Nations"

[session]
en = "Ninety-sixth session"
fr = "Quatre-vingt-seizième session"
es = "Nonagésimo sexto período de sesiones"
"""


def write(folder: Path, text: str) -> Path:
    """sources/<DOC>.toml with ``text``."""
    path = folder / f"{DOC}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    """The diagnostics metadata.read raises, as printed."""
    with pytest.raises(PipelineError) as info:
        metadata.read(path)
    return [str(d) for d in info.value.diagnostics]


def test_fields_in_each_language(tmp_path: Path) -> None:
    """One file, three versions: each prints the fields in its own language."""
    data = metadata.read(write(tmp_path, GOOD))
    printed = {}
    for lang in ("en", "fr", "es"):
        tree = etree.fromstring(f'<document xml:lang="{lang}" version="1"><meta><title>T</title>'
                                '<source file="x" sha256="0"/></meta></document>').getroottree()
        metadata.apply(tree, data)
        meta = tree.getroot().find("meta")
        printed[lang] = [(c.tag, c.text, dict(c.attrib)) for c in meta if c.tag != "source"]
        assert tree.getroot().get("version") == "2"
    its = {"{http://www.w3.org/2005/11/its}translate": "no"}
    assert printed["en"] == [
        ("title", "T", {}), ("symbol", "MC/INF/293", its),
        ("original-language", "Original: English", {}), ("organisation", "United Nations", {}),
        ("issued", "30 June 2008", {"date": "2008-06-30"}),
        ("distribution", "Distr.: Limited", {"level": "limited"}),
        ("session", "Ninety-sixth session", {})]
    fr = dict((tag, text) for tag, text, _ in printed["fr"])
    assert (fr["original-language"], fr["issued"], fr["distribution"], fr["session"]) == (
        "Original : anglais", "30 juin 2008", "Distr. limitée", "Quatre-vingt-seizième session")
    es = dict((tag, text) for tag, text, _ in printed["es"])
    assert (es["original-language"], es["issued"], es["distribution"]) == (
        "Original: inglés", "30 de junio de 2008", "Distr. limitada")


@pytest.mark.parametrize("text, expected", [
    ('symbol = "A/1"\ncolour = "red"\n', ":2: error: unknown field 'colour'"),
    ('symbol = "A/1"\n\ndistribution = "public"\n',
     ":3: error: distribution must be one of general, limited, restricted (found 'public')"),
    ('issued = "30 June 2008"\n', ":1: error: issued must be a date without quotes"),
    ('original-language = "English"\n', ":1: error: original-language must be a language code"),
    ('symbol = "A/1"\n[session]\nen = "One"\nEnglish = "Two"\n',
     ":2: error: session: 'English' is not a language code"),
    ('symbol = ""\n', ":1: error: symbol is empty"),
    ('symbol = "A/1"\nsession = [1, 2]\n', ":2: error: session must be a text or a table"),
    ('symbol = "A/1\n', ":1:14: error: not TOML: "),
    ('[job]\nen = "24-23868 (E)"\nfr = "24-2386 (F)"\n',
     ':1: error: job must be a job number such as "24-23868 (E)" (found \'24-2386 (F)\')'),
])
def test_errors_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    """Every problem is an error at the line (and column) where it stands."""
    path = write(tmp_path, text)
    found = errors_of(path)
    assert len(found) == 1 and found[0].startswith(str(path) + expected), found


def test_a_job_number_for_each_version(tmp_path: Path) -> None:
    """[job] gives each language version its own UN job number (R15), never translated,
    after the dates; a version it does not name has none; the document stays valid."""
    from pipeline.validate import validate

    data = metadata.read(write(tmp_path, '[job]\nen = "24-23868 (E)"\nfr = "24-23869 (F)"\n'))
    for lang, job in (("en", "24-23868 (E)"), ("fr", "24-23869 (F)"), ("es", None)):
        tree = etree.fromstring(
            f'<document id="x" type="paper" xml:lang="{lang}" version="1"><meta><title>T</title>'
            '<dates from="2024-01-02" to="2024-01-02">2 January 2024</dates>'
            f'<source file="x" sha256="{"0" * 64}"/></meta><body><p>Text.</p></body>'
            '</document>').getroottree()
        metadata.apply(tree, data)
        meta = tree.getroot().find("meta")
        assert meta.findtext("job") == job
        if job is not None:
            assert [c.tag for c in meta] == ["title", "dates", "job", "source"]
            assert meta.find("job").get("{http://www.w3.org/2005/11/its}translate") == "no"
            assert tree.getroot().get("version") == "2"
        assert validate(tree, "x") == []


def test_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    """Like a source, the metadata file must be a regular file in sources/."""
    real = tmp_path / "elsewhere.toml"
    real.write_text(GOOD, encoding="utf-8")
    link = tmp_path / f"{DOC}.toml"
    link.symlink_to(real)
    assert "is not a regular file" in errors_of(link)[0]


def batch(folder: Path, out: Path) -> subprocess.CompletedProcess:
    """pipeline batch over ``folder`` (HTML and DOCX only: no LibreOffice needed), listing
    every file it writes."""
    return subprocess.run([sys.executable, "-m", "pipeline", "batch", "--sources-dir",
                           str(folder), "--out", str(out), "--to", "html,docx", "--verbose"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """The three versions of the agenda, copied into a sources folder of their own."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for lang in ("en", "fr", "es"):
        shutil.copy(ROOT / "sources" / f"{DOC}.{lang}.txt", folder)
    return folder


def test_batch_applies_it_to_every_version_and_rebuilds_on_edit(sources: Path,
                                                                tmp_path: Path) -> None:
    """Each version's XML, HTML and DOCX carry the fields; the organisation picks the UN
    house (Letter pages); editing only the file rebuilds the three versions."""
    write(sources, GOOD)
    out = tmp_path / "build"
    first = batch(sources, out)
    assert first.returncode == 0, first.stderr
    for lang in ("en", "fr", "es"):
        meta = etree.parse(str(out / "xml" / f"{DOC}.{lang}.xml")).getroot().find("meta")
        assert meta.findtext("symbol") == "MC/INF/293"
        assert meta.find("issued").get("date") == "2008-06-30"
        assert meta.find("distribution").get("level") == "limited"
        html = (out / "html" / f"{DOC}.{lang}.html").read_text(encoding="utf-8")
        assert meta.findtext("session") in html and "MC/INF/293" in html
        with zipfile.ZipFile(out / "docx" / f"{DOC}.{lang}.docx") as zf:
            assert b'w:w="12240"' in zf.read("word/document.xml")  # Letter: the UN house
    write(sources, GOOD.replace("MC/INF/293", "MC/INF/294"))
    again = batch(sources, out)
    assert again.returncode == 0, again.stderr
    rebuilt = {line for line in again.stdout.splitlines() if "/xml/" in line}
    assert rebuilt == {str(out / "xml" / f"{DOC}.{lang}.xml") for lang in ("en", "fr", "es")}
    assert "MC/INF/294" in (out / "html" / f"{DOC}.fr.html").read_text(encoding="utf-8")


def test_a_bad_file_fails_its_documents_and_writes_nothing(sources: Path,
                                                          tmp_path: Path) -> None:
    """A wrong field: each version fails naming the file and line; no XML is written."""
    path = write(sources, 'symbol = "A/1"\ndistribution = "public"\n')
    out = tmp_path / "build"
    result = batch(sources, out)
    assert result.returncode == 1
    assert f"{path}:2: error: distribution must be one of" in result.stderr
    assert not list((out / "xml").glob(f"{DOC}.*.xml")) if (out / "xml").exists() else True
