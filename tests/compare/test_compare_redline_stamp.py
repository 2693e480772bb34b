"""The redline's tracked changes carry the author and date given (options, environment, or
the new revision's file time), and the DOCX is valid against ISO/IEC 29500 (w:zoom had no
w:percent)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from compare_support import ROOT, SOURCES, pipeline_command
from validators import ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AGENDA = "idm2008-ws2-agenda"


def diff(seed, parse, out: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``pipeline diff`` of the French agenda's draft against the current text."""
    cmd = pipeline_command() + ["diff", str(parse(SOURCES / "drafts" / f"{AGENDA}.fr.r1.txt")),
                                str(seed(AGENDA, "fr")), "-o", str(out), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **(env or {})})


def stamps(docx: Path) -> set[tuple[str, str]]:
    """(author, date) of every w:ins and w:del."""
    with zipfile.ZipFile(docx) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return {(m.get(f"{W}author"), m.get(f"{W}date")) for m in root.iter(f"{W}ins", f"{W}del")}


def test_author_and_date_from_options_environment_or_file(seed, parse, tmp_path):
    """--author/--date; else $PIPELINE_AUTHOR and $SOURCE_DATE_EPOCH; else the file's time."""
    out = tmp_path / "a.docx"
    assert diff(seed, parse, out, "--author", "Jane Doe", "--date", "2026-11-30T09:15").returncode == 0
    assert stamps(out) == {("Jane Doe", "2026-11-30T09:15:00Z")}
    env = {"PIPELINE_AUTHOR": "Editorial Unit", "SOURCE_DATE_EPOCH": "1700000000"}
    assert diff(seed, parse, out, env=env).returncode == 0
    assert stamps(out) == {("Editorial Unit", "2023-11-14T22:13:20Z")}
    assert diff(seed, parse, out).returncode == 0
    mtime = dt.datetime.fromtimestamp(int(seed(AGENDA, "fr").stat().st_mtime), dt.timezone.utc)
    assert stamps(out) == {("pipeline diff", mtime.strftime("%Y-%m-%dT%H:%M:%SZ"))}
    bad = diff(seed, parse, tmp_path / "b.docx", "--date", "yesterday")
    assert bad.returncode == 1 and "not a date: yesterday" in bad.stderr
    assert not (tmp_path / "b.docx").exists()


def test_redline_is_valid_ooxml(seed, parse, tmp_path):
    """Every part of the redline validates against the ISO/IEC 29500 transitional schemas
    (tests/validators/ooxml.py, copied from the shared validators)."""
    out = tmp_path / "r.docx"
    assert diff(seed, parse, out).returncode == 0
    with zipfile.ZipFile(out) as zf:
        zoom = etree.fromstring(zf.read("word/settings.xml")).find(f"{W}zoom")
    assert zoom.get(f"{W}percent") == "100"
    result = ooxml.validate(out)
    assert {"word/document.xml", "word/settings.xml"} <= {k for k, r in result.items() if r.get("schema")}
    bad = {part: r["errors"][:3] for part, r in result.items() if r["errors"]}
    assert not bad, bad
