"""The command line as a document officer uses it: exit codes, messages, files left behind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
AGENDA = ROOT / "sources" / "idm2008-ws2-agenda.fr.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m pipeline ARGS`` and capture its output."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=120)


def test_parse_writes_valid_xml_with_schema_pi(tmp_path):
    """parse writes XML that starts with xml-model PIs and validates."""
    out = tmp_path / "a.xml"
    r = run("parse", AGENDA, "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text("utf-8")
    assert text.splitlines()[1].startswith("<?xml-model href=")
    assert "document.rng" in text.splitlines()[1] and "document.sch" in text.splitlines()[2]
    r = run("validate", out)
    assert r.returncode == 0 and r.stdout.strip() == f"{out}: valid"  # success says so
    r = run("fmt", "--check", out)
    assert r.returncode == 0 and "1 file in canonical layout" in r.stdout


def test_type_and_lang_options(tmp_path):
    """--lang overrides detection; the file name's .fr. is only a hint."""
    src = tmp_path / "agenda.txt"
    src.write_bytes(AGENDA.read_bytes())
    out = tmp_path / "a.xml"
    assert run("parse", src, "-o", out, "--type", "agenda", "--lang", "fr").returncode == 0
    root = etree.parse(str(out)).getroot()
    assert root.get("type") == "agenda" and root.get("id") == "agenda"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"


def test_bad_input_names_file_and_line_and_leaves_nothing(tmp_path):
    """A text that cannot be read (binary): exit 1, file:line: error, no output."""
    src = tmp_path / "note.txt"
    src.write_bytes(b"\x00PK\x03\x04 not text \x00\x01" * 30)
    out = tmp_path / "build" / "note.xml"
    r = run("parse", src, "-o", out)
    assert r.returncode == 1
    assert r.stderr.startswith(f"{src}:1: error: binary file")
    assert "Traceback" not in r.stderr
    assert not out.exists()
    assert not list(out.parent.glob("*")) if out.parent.exists() else True


def test_out_of_order_times_error_names_the_line(tmp_path):
    """Agenda times out of order are an error at the offending line."""
    src = tmp_path / "bad.en.txt"
    src.write_text("WORKSHOP\n\n7 July 2008\n\n10:00 – 11:00 Opening\n"
                   "09:00 – 09:30 Registration\n", "utf-8")
    r = run("parse", src, "-o", tmp_path / "bad.xml")
    assert r.returncode == 1
    assert "before the item above it" in r.stderr and "Traceback" not in r.stderr


def test_validate_reports_every_error_with_its_line(tmp_path):
    """Invalid XML: each grammar error with its line, exit 1."""
    bad = tmp_path / "bad.xml"
    bad.write_text('<document id="x" type="paper" xml:lang="en" version="1">\n'
                   "<meta><title>T</title></meta>\n<body><para n=\"1\"><p>x</p></para>\n"
                   "<oops/></body>\n</document>\n", "utf-8")
    r = run("validate", bad)
    assert r.returncode == 1
    assert f"{bad}:2: error:" in r.stderr or f"{bad}:4: error:" in r.stderr


def test_not_well_formed_names_line_and_column(tmp_path):
    """Not well-formed XML: file:line:col."""
    bad = tmp_path / "broken.xml"
    bad.write_text("<document>\n  <meta>\n</document>\n", "utf-8")
    r = run("validate", bad)
    assert r.returncode == 1
    assert r.stderr.startswith(f"{bad}:3:") and "not well-formed" in r.stderr


@pytest.mark.parametrize("payload", [
    '<!DOCTYPE document [<!ENTITY x SYSTEM "file:///etc/passwd">]><document>&x;</document>',
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>',
    '<document xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></document>',
])
def test_hostile_xml_is_refused(tmp_path, payload):
    """DOCTYPE, external entities, entity bombs and XInclude are refused, nothing read."""
    f = tmp_path / "evil.xml"
    f.write_text(payload, "utf-8")
    r = run("validate", f)
    assert r.returncode == 1
    assert "root:" not in r.stdout + r.stderr  # /etc/passwd was not read
    assert "not allowed" in r.stderr or "not well-formed" in r.stderr


def test_fmt_makes_canonical_layout_and_keeps_text(tmp_path):
    """fmt rewrites a messy file in one-element-per-line layout, text unchanged; idempotent."""
    out = tmp_path / "p.xml"
    assert run("parse", ROOT / "sources/idm2008-return-migration-paper.fr.txt", "-o", out).returncode == 0
    root = etree.parse(str(out)).getroot()
    messy = tmp_path / "messy.xml"
    messy.write_bytes(etree.tostring(root, encoding="utf-8"))  # all on one line
    assert run("fmt", "--check", messy).returncode == 1
    assert run("fmt", messy).returncode == 0
    assert run("fmt", "--check", messy).returncode == 0
    once = messy.read_bytes()
    assert run("fmt", messy).returncode == 0 and messy.read_bytes() == once
    assert etree.parse(str(messy)).getroot().xpath("string()").split() == root.xpath("string()").split()


def test_promote_never_overwrites_a_master(tmp_path):
    """promote creates sources/NAME.xml once; again it refuses unless --force."""
    (tmp_path / "build/xml").mkdir(parents=True)
    (tmp_path / "sources").mkdir()
    built = tmp_path / "build/xml/idm2008-ws2-agenda.fr.xml"
    assert run("parse", AGENDA, "-o", built).returncode == 0
    assert run("promote", "idm2008-ws2-agenda.fr", cwd=tmp_path).returncode == 0
    master = tmp_path / "sources/idm2008-ws2-agenda.fr.xml"
    master.write_text(master.read_text("utf-8").replace("Enregistrement", "Accueil"), "utf-8")
    edited = master.read_bytes()
    r = run("promote", "idm2008-ws2-agenda.fr", cwd=tmp_path)
    assert r.returncode == 1 and "hand-edited master" in r.stderr
    r = run("parse", AGENDA, "-o", master)
    assert r.returncode == 1 and master.read_bytes() == edited
    r = run("fmt", master)
    assert master.read_bytes() == edited
    assert run("promote", "idm2008-ws2-agenda.fr", "--force", cwd=tmp_path).returncode == 0
    assert b"Accueil" not in master.read_bytes()


def test_master_wins_and_is_validated(tmp_path):
    """parse of an XML master validates it and writes it in canonical layout."""
    out = tmp_path / "a.xml"
    assert run("parse", AGENDA, "-o", out).returncode == 0
    again = tmp_path / "b.xml"
    r = run("parse", out, "-o", again)
    assert r.returncode == 0, r.stderr
    assert etree.tostring(etree.parse(str(out))) == etree.tostring(etree.parse(str(again)))


def test_check_reports_lost_words(tmp_path):
    """pipeline check finds a word that the XML lost, with its source line."""
    out = tmp_path / "a.xml"
    assert run("parse", AGENDA, "-o", out).returncode == 0
    assert run("check", AGENDA, out).returncode == 0
    out.write_text(out.read_text("utf-8").replace("Brunson McKinley", "McKinley"), "utf-8")
    line = next(i for i, t in enumerate(AGENDA.read_text("utf-8").splitlines(), 1) if "Brunson" in t)
    r = run("check", AGENDA, out)
    assert r.returncode == 1
    assert f"{AGENDA}:{line}: error: word(s) lost from the source: 'Brunson'" in r.stderr


def test_paragraph_gaps_are_schema_errors(tmp_path):
    """The Schematron rule: paragraph numbers run 1..n, inside sections too."""
    f = tmp_path / "gap.xml"
    f.write_text('<document id="x" type="paper" xml:lang="en" version="1"><meta><title>T</title>'
                 f'<source file="x" sha256="{"0" * 64}"/></meta><body><para n="1"><p>a</p></para>'
                 '<para n="3"><p>b</p></para><section><heading>H</heading><para n="5"><p>c</p>'
                 "</para></section></body></document>", "utf-8")
    r = run("validate", f)
    assert r.returncode == 1
    assert "expected 2, found 3" in r.stderr and "expected 4, found 5" in r.stderr
