"""What make all tells the officer: a line per document as it finishes, a progress bar on
a terminal only, the commands only with V=1, a closing summary, build/report.html and
report.json, and an index that marks the documents whose last build failed (their old
outputs stay: the index says they are stale) or carry warnings.

Runs the real batch through make in a copy of the repository (tests/test_make.py).
"""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from test_make import bump, edit, make, make_env, repo  # noqa: F401 - repo is the module's fixture

DOC = "idm2008-ws2-agenda"
LINE = re.compile(r"^\[ ?(\d+)/(\d+)\] (\S+)  (.*)$")


def test_quiet_build_prints_a_line_per_document_and_a_summary(repo: Path) -> None:
    """Without V=1: no command line, no file list; the edited document's line names the
    formats written; the summary counts built and up-to-date documents."""
    edit(repo / f"sources/{DOC}.en.txt", "Registration", "Registration and badges")
    r = make(repo, "-j2", "all", verbose=False)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert not any(ln.startswith((".venv/", "build/")) for ln in lines), r.stdout
    matches = [LINE.match(ln) for ln in lines if LINE.match(ln)]
    assert [(m[3], m[4]) for m in matches] == [(f"{DOC}.en", "xml html epub docx odt")]
    assert matches[0][2] == "8"  # six sources and two drafts
    assert lines[-1].startswith("pipeline: 8 documents: 1 built, 7 up to date, 0 failed; 0 warnings")
    assert "\r" not in r.stderr  # no bar: stderr is not a terminal


def test_verbose_build_shows_the_command_and_every_file(repo: Path) -> None:
    """V=1 echoes the batch command and lists each file written."""
    edit(repo / f"sources/{DOC}.es.txt", "Inscripción", "Inscripción general")
    r = make(repo, "all")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith(".venv/bin/pipeline batch --sources-dir sources")
    assert f"build/odt/{DOC}.es.odt" in r.stdout.splitlines()


def test_progress_bar_on_a_terminal(repo: Path) -> None:
    """With stderr on a terminal, a bar counts the documents up to n/n, then is erased."""
    edit(repo / f"sources/{DOC}.fr.txt", "Enregistrement", "Enregistrement des badges")
    leader, follower = pty.openpty()
    try:
        env = make_env(repo)
        proc = subprocess.run(["make", "-o", ".venv/.installed", "all"], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=follower, timeout=900)
        os.close(follower)
        err = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0, err
    text = err.decode("utf-8", "replace")
    assert "\r[" in text and "] 0/8" in text and "] 8/8" in text, text
    assert text.rstrip("\r\n").endswith("\x1b[K"), repr(text[-80:])  # the bar is erased
    assert f"{DOC}.fr  xml html epub docx odt" in proc.stdout.decode()


@pytest.fixture()
def failed_edit(repo: Path):
    """A master of the French agenda with a bad kind: its build fails, the old outputs stay."""
    master = repo / f"sources/{DOC}.fr.xml"
    html = repo / f"build/html/{DOC}.fr.html"
    before = html.read_bytes()
    xml = (repo / f"build/xml/{DOC}.fr.xml").read_text("utf-8")
    master.write_text(xml.replace('kind="registration"', 'kind="signing-in"', 1), "utf-8")
    bump(master)
    r = make(repo, "-j2", "all", verbose=False)
    yield r, before
    master.unlink()
    bump(repo / f"sources/{DOC}.fr.txt")
    assert make(repo, "all").returncode == 0


def test_failed_edit_is_reported_and_marked_on_the_index(repo: Path, failed_edit) -> None:
    """The failure is on its line, in the summary, in both reports (with the stale outputs)
    and on the index, which links to the report; the old HTML is left as it was."""
    r, before = failed_edit
    assert r.returncode != 0
    assert f"] {DOC}.fr  FAILED: " in r.stdout
    assert f"sources/{DOC}.fr.xml:16: error:" in r.stderr
    assert "1 failed" in r.stdout.splitlines()[-1]
    assert (repo / f"build/html/{DOC}.fr.html").read_bytes() == before
    rows = {row["source"]: row for row in json.loads((repo / "build/report.json").read_text())["documents"]}
    row = rows[f"sources/{DOC}.fr.xml"]
    assert row["state"] == "failed" and row["errors"][-1].startswith(f"sources/{DOC}.fr.xml:16: error:")
    assert f"build/html/{DOC}.fr.html" in row["stale"]
    assert rows[f"sources/{DOC}.en.txt"]["state"] == "up to date"
    report = lxml.html.document_fromstring((repo / "build/report.html").read_bytes())
    assert report.get("lang") == "en"
    entry = report.get_element_by_id(f"doc-{DOC}.fr")
    assert "failed" in entry.find("h2").text_content() and "earlier version" in entry.text_content()
    assert f"{DOC}.fr.xml:16: error:" in entry.text_content()
    assert entry.xpath(f".//a[@href='html/{DOC}.fr.html']")
    shadowed = f"sources/{DOC}.fr.txt: warning: not read: the master {DOC}.fr.xml of the same name"
    assert any(m.startswith(shadowed) for m in json.loads((repo / "build/report.json").read_text())["ignored"])
    assert shadowed in report.get_element_by_id("ignored").text_content()
    index = lxml.html.document_fromstring((repo / "build/index.html").read_bytes())
    failed = index.xpath("//section[@class='failed-docs']")[0]
    assert DOC + ".fr" in failed.text_content() and "earlier version" in failed.text_content()
    assert failed.xpath(f".//a[@href='report.html#doc-{DOC}.fr']")
    version = index.xpath(f"//li[@class='version'][.//a[@href='html/{DOC}.fr.html']]")[0]
    assert "Failed in the last build" in version.text_content()
    assert index.xpath("//header//a[@href='report.html']")


def test_report_and_marked_index_are_accessible(repo: Path, failed_edit) -> None:
    """report.html and the marked index pass axe-core (in Chromium) and the Nu checker."""
    from support.tools import axe_violations, format_axe_violations, format_messages, vnu_errors

    pages = [repo / "build/report.html", repo / "build/index.html"]
    results = axe_violations(pages)
    assert not any(results.values()), format_axe_violations(results)
    errors = vnu_errors(pages)
    assert not errors, format_messages(errors)


def test_index_unmarked_once_fixed(repo: Path) -> None:
    """After the fix (the fixture's teardown), the index marks nothing as failed."""
    index = lxml.html.document_fromstring((repo / "build/index.html").read_bytes())
    assert not index.xpath("//section[@class='failed-docs']")
    assert "0 failed" in index.xpath("//p[@class='build-status']")[0].text_content()
