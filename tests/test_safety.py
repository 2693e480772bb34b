"""Safety: no command runs from a file name, no edit is lost, no input crashes the tool.

Each test is the reproducer of a finding of the safety issue; the build tests work in a copy
of the repository (the fixture of test_make.py).
"""
from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from test_make import make, repo, written  # noqa: F401 - repo is a fixture

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = [sys.executable, "-m", "pipeline"]
AGENDA = "sources/idm2008-ws2-agenda.en.txt"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the pipeline CLI."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*PIPELINE, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def test_a_file_name_never_runs_a_command(repo: Path) -> None:
    """A source named a&touch${IFS}PWNED&b.es.txt runs nothing; it is refused by name and
    every other document is built."""
    bad = repo / "sources" / "a&touch${IFS}PWNED&b.es.txt"
    bad.write_bytes((repo / AGENDA).read_bytes())
    try:
        r = make(repo, "all")
        assert not (repo / "PWNED").exists() and not (repo / "sources/PWNED").exists()
        assert r.returncode != 0
        assert f"{bad.relative_to(repo)}: error: not built: unsafe name" in r.stderr
        assert (repo / "build/html/idm2008-ws2-agenda.en.html").exists()
        assert not list((repo / "build").rglob("*PWNED*"))
    finally:
        bad.unlink()
    assert make(repo, "all").returncode == 0


@pytest.mark.parametrize("name", ["with space.en.txt", "semi;colon.en.txt", "pi|pe.en.txt",
                                  "quo'te.en.txt", 'dq"uote.en.txt', "co:lon.en.txt",
                                  ".hidden.en.txt", "javascript:alert(1).fr.txt"])
def test_odd_names_are_refused_by_name_and_the_rest_is_built(repo: Path, name: str) -> None:
    """Names with spaces, ;, |, quotes, : or a leading dot do not break make: the file is
    named in an error, the others are built."""
    bad = repo / "sources" / name
    bad.write_bytes((repo / AGENDA).read_bytes())
    try:
        r = make(repo, "all")
        assert r.returncode != 0
        assert f"sources/{name}: error: not built: unsafe name" in r.stderr, r.stderr
        assert "Nothing to be done" not in r.stdout
        assert not [p for p in (repo / "build").rglob("*") if (name.split(".")[0] or "hidden") in p.name]
    finally:
        bad.unlink()
    assert make(repo, "all").returncode == 0


def test_language_links_are_relative_and_safe(repo: Path) -> None:
    """No language link of any HTML page is anything but <docid>.<lang>.html."""
    import re

    for page in (repo / "build/html").glob("*.html"):
        for href in re.findall(r'hreflang="[^"]+" href="([^"]+)"|href="([^"]+)" hreflang', page.read_text()):
            link = "".join(href)
            assert re.fullmatch(r"[A-Za-z0-9_-]+\.[a-z]{2,3}\.html", link), (page, link)


def test_alternate_links_drop_unsafe_names() -> None:
    """The function behind every language link never offers an unsafe name."""
    from pipeline.documents import alternate_links

    links = alternate_links("doc.en", [Path("doc.en.xml"), Path("doc.fr.xml"),
                                       Path("javascript:alert(1).fr.xml")], "html")
    assert links == {"fr": "doc.fr.html"}


def test_a_symlink_in_sources_is_not_followed(repo: Path, tmp_path: Path) -> None:
    """A link to a file outside the tree is refused and nothing of it is published."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes((repo / AGENDA).read_bytes().replace(b"Registration", b"SECRETWORD"))
    link = repo / "sources/leak.en.txt"
    link.symlink_to(secret)
    try:
        r = make(repo, "all")
        assert r.returncode != 0
        assert "sources/leak.en.txt: error: is a symbolic link" in r.stderr
        assert not list((repo / "build").rglob("leak*"))
        assert not any(b"SECRETWORD" in p.read_bytes() for p in (repo / "build").rglob("*")
                       if p.is_file())
    finally:
        link.unlink()
    assert make(repo, "all").returncode == 0


def test_two_builds_at_once_both_succeed(repo: Path) -> None:
    """A second make while one runs waits for it (build/.lock) instead of failing."""
    os.utime(repo / AGENDA)
    (repo / "build/.manifest.json").unlink()  # a full rebuild, long enough to overlap
    results: list[subprocess.CompletedProcess] = []
    threads = [threading.Thread(target=lambda: results.append(make(repo, "all"))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert not any("cannot stat" in r.stderr for r in results)
    assert make(repo, "-q", "all").returncode == 0


def test_a_symlinked_master_is_protected(tmp_path: Path) -> None:
    """fmt, promote and parse -o refuse to write over a master reached through a link."""
    sources = tmp_path / "sources"
    sources.mkdir()
    master = sources / "doc.en.xml"
    r = cli("parse", str(ROOT / AGENDA), "-o", str(master))
    assert r.returncode == 0, r.stderr
    master.write_text(master.read_text().replace("<meta>", "<meta>  "), "utf-8")
    before = master.read_bytes()
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    link = elsewhere / "doc.en.xml"
    link.symlink_to(master)
    for args in (["fmt", str(link)], ["parse", str(ROOT / AGENDA), "-o", str(link)]):
        r = cli(*args)
        assert r.returncode == 1 and "hand-edited master: not overwritten" in r.stderr, (args, r.stderr)
        assert master.read_bytes() == before and link.is_symlink()
    (tmp_path / "build/xml").mkdir(parents=True)
    (tmp_path / "build/xml/doc.en.xml").write_bytes(before)
    sources_link = tmp_path / "srclink"
    sources_link.symlink_to(sources)
    r = cli("promote", "build/xml/doc.en.xml", "--sources", "sources", cwd=tmp_path)
    assert r.returncode == 1 and "sources/doc.en.xml: error: is a hand-edited master" in r.stderr, r.stderr
    assert "build/xml/build/xml" not in r.stderr


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbfTitle of the paper\n\n1. Some text \xff\xfe here, and more.\n",
    "Title of the paper\n\n1. Some text \ufffe here \uffff and more.\n".encode("utf-8"),
    b"AGENDA\n\n31 February 2024\n09:00 - 10:00 Opening\n10:00 - 11:00 Close\n",
    b"AGENDA\n\n0 March 0000\n09:00 - 10:00 Opening\n10:00 - 11:00 Close\n",
], ids=["bom-then-latin1", "nonchars", "31-february", "day-zero-year-zero"])
def test_inputs_that_crashed_are_read_or_refused_with_a_line(tmp_path: Path, data: bytes) -> None:
    """Each input that crashed the reader (exit 2) now gives valid XML (exit 0) or an error
    that names the file and a line (exit 1)."""
    src = tmp_path / "doc.en.txt"
    src.write_bytes(data)
    r = cli("parse", str(src), "-o", str(tmp_path / "out.xml"))
    assert r.returncode in (0, 1), r.stderr
    assert "internal error" not in r.stderr
    if r.returncode == 0:
        assert cli("validate", str(tmp_path / "out.xml")).returncode == 0
    else:
        assert f"{src}:" in r.stderr


def test_an_internal_error_is_one_documents_failure(tmp_path: Path, monkeypatch) -> None:
    """A bug met while building one document names it; the batch builds the others and the
    index."""
    from pipeline import batch, writers

    real = writers.get

    def broken(fmt: str):
        write = real(fmt)

        def wrapped(tree, dest, options):
            if "ws2-agenda.fr" in str(dest):
                raise RuntimeError("boom")
            return write(tree, dest, options)
        return wrapped

    monkeypatch.setattr(writers, "get", broken)
    out = tmp_path / "build"
    sources = tuple(sorted((ROOT / "sources").glob("idm2008-ws2-agenda.*.txt")))
    messages: list[str] = []
    ok = batch.run(batch.Plan(out, sources, formats=("html",)), 1,
                   lambda m, err=False: messages.append(m))
    assert not ok
    assert any("idm2008-ws2-agenda.fr.txt: error: internal error (RuntimeError: boom)" in m
               for m in messages), messages
    assert (out / "html/idm2008-ws2-agenda.en.html").exists()
    assert (out / "index.html").exists()


def test_an_unwritable_output_names_the_file(tmp_path: Path) -> None:
    """A folder that cannot be written fails that document with the folder's name, not a
    temporary file's."""
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    out = tmp_path / "build"
    (out / "html").mkdir(parents=True)
    os.chmod(out / "html", 0o500)
    r = cli("batch", str(ROOT / AGENDA), "--out", str(out), "--to", "html")
    assert r.returncode == 1
    assert "html" in r.stderr and ".tmp" not in r.stderr


def test_footnotes_numbered_1000_and_above_are_notes() -> None:
    """Notes 1..1001: the last two are footnotes, their text not merged into the body."""
    from pipeline.documents import read_text_source

    paras = "\n\n".join(f"{k}. Paragraph {k} says something.{k}" for k in range(1, 1002))
    notes = "\n".join(f"{k}  Note number {k}." for k in range(1, 1002))
    data = f"Title of a long paper\n\n{paras}\n\n__________\n{notes}\n".encode()
    tree, _ = read_text_source(data, "long.en.txt")
    root = tree.getroot()
    assert root.find("footnotes/footnote[@n='1000']").text == "Note number 1000."
    assert root.find("footnotes/footnote[@n='1001']") is not None
    assert "Note number" not in " ".join(root.find("body").itertext())


def test_a_page_starting_with_paragraph_n_after_notes_ending_n_minus_1() -> None:
    """Page 1 ends with notes 1 and 2; page 2 starts with paragraph 3: a paragraph."""
    from pipeline.documents import read_text_source

    data = ("Title of the paper\n\n1. First paragraph.1\n\n2. Second paragraph.2\n\n"
            "__________\n1  The first note.\n2  The second note.\n\f"
            "3. Third paragraph, on page two.\n\n4. Fourth paragraph.\n").encode()
    tree, warnings = read_text_source(data, "p.en.txt")
    root = tree.getroot()
    assert [p.get("n") for p in root.iter("para")] == ["1", "2", "3", "4"], [str(w) for w in warnings]
    assert len(root.findall("footnotes/footnote")) == 2


def test_docx_past_its_memory_limit_is_a_clear_error(tmp_path: Path) -> None:
    """The DOCX writer runs under a memory limit (PIPELINE_DOCX_MEMORY, or
    PIPELINE_PANDOC_MEMORY, its name when pandoc wrote the DOCX): past it the document
    fails with a message naming the file and the limit, not a swapping machine or exit 3.
    (The limit is on the process's resident memory; 10m is less than any Python process.)"""
    from lxml import etree

    from pipeline.documents import read_text_source
    from pipeline.xmlio import serialize

    tree, _ = read_text_source((ROOT / "sources/idm2008-return-migration-paper.en.txt").read_bytes(),
                               "idm2008-return-migration-paper.en.txt")
    root = tree.getroot()
    etree.strip_elements(root, "footnotes", "noteref", with_tail=False)
    paras = list(root.iter("para"))
    last = paras[-1]
    for k in range(1, 1500):  # about 1.5 MB of numbered paragraphs
        clone = copy.deepcopy(paras[k % len(paras)])
        clone.set("n", str(len(paras) + k))
        last.addnext(clone)
        last = clone
    src = tmp_path / "big.en.xml"
    src.write_bytes(serialize(root, src))
    out = tmp_path / "big.docx"
    env = dict(os.environ, PIPELINE_PANDOC_MEMORY="10m")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "render", str(src), "--to", "docx",
                           "-o", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert f"{out}: error: too large to write" in proc.stderr and "10m" in proc.stderr
    assert "PIPELINE_PANDOC_MEMORY" in proc.stderr
    assert not out.exists()
