"""Make drives the build: parallel-safe, incremental, and idle when nothing changed.

Each test works in a copy of the repository (modification times kept) that shares .venv.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.writers.pdf import available

ROOT = Path(__file__).resolve().parent.parent
#: The PDFs are made when LibreOffice is there (tests/writers/test_pdf.py requires it).
PDF = [("pdf", "pdf")] if available() else []


def tracked_files() -> list[str]:
    """Files of the work tree that git tracks or would track."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines() if (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the repository with its own build/, built once with make -j2 all."""
    dest = tmp_path_factory.mktemp("repo")
    for rel in tracked_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    os.symlink(ROOT / ".venv", dest / ".venv")
    r = make(dest, "-j2", "all")
    assert r.returncode == 0, r.stdout + r.stderr
    return dest


def make_env(cwd: Path) -> dict[str, str]:
    """The environment of a make run in a copy: the copy's code first, and nothing a parent
    make passes down (under `make test`, MAKEFLAGS would make it print its directory)."""
    parent = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    return {**{k: v for k, v in os.environ.items() if k not in parent}, "PYTHONPATH": str(cwd)}


def make(cwd: Path, *args: str, verbose: bool = True) -> subprocess.CompletedProcess:
    """Run make in cwd, with the copy's own code (the shared .venv is an editable install
    of the original); V=1 unless not verbose, so that every file written is printed."""
    env = make_env(cwd)
    # -o: the .venv is the original's, shared; the copy must never reinstall it (an
    # editable install from the copy would point the original's venv at a temporary folder)
    return subprocess.run(["make", "-o", ".venv/.installed", *args, *(["V=1"] if verbose else [])],
                          cwd=cwd, capture_output=True, text=True, timeout=900, env=env)


def edit(path: Path, old: str, new: str) -> None:
    """Change the first old to new in path (a real edit: other bytes, a newer time)."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    bump(path)


def written(result: subprocess.CompletedProcess) -> set[str]:
    """The files the batch reported writing, and the targets other rules remade."""
    files = {ln for ln in result.stdout.splitlines() if ln.startswith("build/")}
    for ln in result.stdout.splitlines():
        if ln.startswith(".venv/bin/pipeline") and " -o " in ln:
            files.add(ln.rsplit(" -o ", 1)[1].split()[0])
    return files


def bump(path: Path) -> None:
    """Make path newer than everything built so far (and not in the future)."""
    time.sleep(0.05)
    os.utime(path)


def test_parallel_build_made_everything(repo: Path) -> None:
    """make -j2 all leaves the XML, four formats and the PDF of every source, and no
    temporary file."""
    names = {p.name.rsplit(".", 1)[0] for p in (repo / "sources").glob("*.txt")}
    for sub, ext in [("xml", "xml"), ("html", "html"), ("epub", "epub"), ("docx", "docx"),
                     ("odt", "odt")] + PDF:
        assert {p.name.rsplit(".", 1)[0] for p in (repo / "build" / sub).glob(f"*.{ext}")} == names
    assert (repo / "build/index.html").exists()
    index = (repo / "build/index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#]+)"', index))
    assert {f"pdf/{n}.pdf" for n in names for _ in PDF} <= links
    assert [link for link in links if not (repo / "build" / link).exists()] == []
    assert not list((repo / "build").rglob("*.tmp"))
    xml = sorted(map(str, (repo / "build/xml").glob("*.xml")))
    r = subprocess.run([str(repo / ".venv/bin/pipeline"), "validate", *xml], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_nothing_to_do_when_nothing_changed(repo: Path) -> None:
    """A second make does nothing."""
    assert make(repo, "-q", "all").returncode == 0
    assert "Nothing to be done for 'all'" in make(repo, "all").stdout


def test_touching_a_source_rebuilds_nothing(repo: Path) -> None:
    """Staleness is by content: a source saved unchanged costs a look, not a rebuild."""
    bump(repo / "sources/idm2008-ws2-agenda.es.txt")
    r = make(repo, "-j2", "all")
    assert r.returncode == 0, r.stderr
    assert written(r) == set()
    assert make(repo, "-q", "all").returncode == 0


def test_editing_one_source_rebuilds_only_its_outputs(repo: Path) -> None:
    """Editing one source rewrites its XML and formats, the comparisons that include it and
    the index, nothing else (the other versions' pages link to it by name, which is the same)."""
    edit(repo / "sources/idm2008-ws2-agenda.es.txt", "Inscripción", "Inscripción y café")
    r = make(repo, "-j2", "all")
    assert r.returncode == 0, r.stderr
    doc = "idm2008-ws2-agenda"
    assert written(r) == {
        f"build/xml/{doc}.es.xml", f"build/html/{doc}.es.html", f"build/epub/{doc}.es.epub",
        f"build/docx/{doc}.es.docx", f"build/odt/{doc}.es.odt",
        f"build/compare/{doc}.en-es.html", f"build/compare/{doc}.es-fr.html", "build/index.html",
        f"build/tmx/{doc}.tmx", f"build/xliff/{doc}.en-es.xlf",
        *(f"build/pdf/{doc}.es.pdf" for _ in PDF)}
    assert make(repo, "-q", "all").returncode == 0


def test_edit_saved_during_a_build_is_built_next(repo: Path) -> None:
    """An edit saved after the source was read but before its outputs were written (its time
    older than theirs, as when it lands mid-build) is built by the next make."""
    src = repo / "sources/idm2008-ws2-agenda.fr.txt"
    xml = repo / "build/xml/idm2008-ws2-agenda.fr.xml"
    text = src.read_text("utf-8")
    assert "Enregistrement" in text
    src.write_text(text.replace("Enregistrement", "Enregistrement et café", 1), "utf-8")
    past = xml.stat().st_mtime - 5
    os.utime(src, (past, past))  # older than the outputs: a time rule sees nothing to do
    os.utime(repo / "build/.documents", (past - 1, past - 1))  # the build started before it
    r = make(repo, "all")
    assert r.returncode == 0, r.stderr
    assert "build/xml/idm2008-ws2-agenda.fr.xml" in written(r)
    assert "Enregistrement et café" in xml.read_text("utf-8")


def test_reader_change_rebuilds_everything(repo: Path) -> None:
    """A change to the reader's code reads every source again; a touch alone does not."""
    bump(repo / "pipeline/readers/text/agenda.py")
    assert {f for f in written(make(repo, "all")) if f.startswith("build/xml/")} == set()
    with open(repo / "pipeline/readers/text/agenda.py", "a", encoding="utf-8") as fh:
        fh.write("# a change\n")
    r = make(repo, "-j2", "all")
    assert r.returncode == 0, r.stderr
    xml = {f for f in written(r) if f.startswith("build/xml/")}
    assert len(xml) == len(list((repo / "sources").glob("*.txt")))


def test_deleted_output_is_made_again(repo: Path) -> None:
    """An output deleted by hand is rebuilt, alone."""
    (repo / "build/odt/idm2008-ws2-agenda.fr.odt").unlink()
    r = make(repo, "all")
    assert written(r) == {"build/odt/idm2008-ws2-agenda.fr.odt"}


def test_master_wins_over_text(repo: Path) -> None:
    """A hand-edited master in sources/ is what the XML is built from, and is never written."""
    name = "idm2008-return-migration-paper.fr"
    master = repo / "sources" / f"{name}.xml"
    shutil.copy2(repo / "build/xml" / f"{name}.xml", master)
    master.write_text(master.read_text("utf-8").replace("Conclusion", "Conclusions"), "utf-8")
    before = master.read_bytes()
    bump(master)
    assert make(repo, "all").returncode == 0
    assert b"Conclusions" in (repo / "build/xml" / f"{name}.xml").read_bytes()
    assert b"Conclusions" in (repo / "build/html" / f"{name}.html").read_bytes()
    assert master.read_bytes() == before
    master.unlink()
    bump(repo / f"sources/{name}.txt")
    assert make(repo, "all").returncode == 0


def test_failed_document_fails_alone(repo: Path) -> None:
    """A bad source fails with file:line; the other documents are still built; nothing
    partial is left; once it is fixed, make resumes."""
    bad = repo / "sources/broken.en.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00 data\n" * 20)
    try:
        edit(repo / "sources/idm2008-ws2-agenda.en.txt", "Registration", "Registration and coffee")
        r = make(repo, "-k", "-j2", "all")
        assert r.returncode != 0
        assert "sources/broken.en.txt:1: error:" in r.stderr
        assert "build/odt/idm2008-ws2-agenda.en.odt" in written(r)
        assert not list((repo / "build").rglob("broken*"))
        assert not list((repo / "build").rglob("*.tmp"))
        import json
        rows = {r["source"]: r for r in json.loads((repo / "build/report.json").read_text())["documents"]}
        assert rows["sources/broken.en.txt"]["state"] == "failed"
        assert rows["sources/broken.en.txt"]["errors"][0].startswith("sources/broken.en.txt:1: error:")
        assert rows["sources/idm2008-ws2-agenda.en.txt"]["state"] == "built"
        assert "1 failed" in r.stdout and "documents:" in r.stdout
    finally:
        bad.unlink()
    r = make(repo, "all")
    assert r.returncode == 0, r.stderr
    assert make(repo, "-q", "all").returncode == 0
