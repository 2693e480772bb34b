"""What each input gets: one test per row of the README's table (bad and hostile input)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from pipeline.documents import read_source
from pipeline.errors import PipelineError
from pipeline.readers.text import read_text
from pipeline.validate import validate

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "sources/idm2008-return-migration-paper.fr.txt"
AGENDA_EN = "WORKSHOP ON RETURN\n\nAGENDA\n\n7 July 2008\n\n"


def paper(*paras: str, notes: str = "") -> bytes:
    """A small English paper from numbered paragraphs."""
    body = "\n\n".join(paras)
    return f"RETURN MIGRATION\n\n{body}\n{notes}".encode("utf-8")


def read_ok(data: bytes, name: str = "doc.en.txt"):
    """Read and validate; return (root, warnings as strings)."""
    result = read_text(data, name)
    assert validate(result.tree, name) == []
    return result.tree.getroot(), [str(w) for w in result.warnings]


def read_error(data: bytes, name: str = "doc.en.txt") -> str:
    """The error message a bad input gets."""
    with pytest.raises(PipelineError) as exc:
        read_text(data, name)
    return str(exc.value)


# --- raw text ---------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\n \n"])
def test_empty(data):
    assert read_error(data) == "doc.en.txt:1: error: empty text: nothing to parse"


def test_binary():
    assert "binary file" in read_error(bytes(range(256)) * 40)


def test_undecodable_bytes_fall_back_with_warning():
    root, warnings = read_ok(b"RETURN\n\n1. Caf\x81 et th\xe9 ont \xe9t\xe9 servis.\n\n2. Fin.\n")
    assert root.find(".//para/p").text == "Caf\x81 et thé ont été servis."
    assert any("latin-1" in w for w in warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_read_correctly(encoding):
    text = PAPER.read_text("utf-8").replace("œ", "oe").replace("’", "'").replace("“", '"').replace("”", '"')
    root, _ = read_ok(text.encode(encoding), "p.fr.txt")
    assert "réintégration" in root.findtext("footnotes/footnote")
    assert len(root.findall(".//para")) == 17


@pytest.mark.parametrize("eol", ["\r\n", "\r", "mixed"])
def test_line_ends(eol):
    text = PAPER.read_text("utf-8")
    lines = text.split("\n")
    if eol == "mixed":
        data = "".join(ln + ("\r\n", "\n", "\r")[i % 3] for i, ln in enumerate(lines))
    else:
        data = eol.join(lines)
    root, _ = read_ok(data.encode("utf-8"), "p.fr.txt")
    ref, _ = read_ok(PAPER.read_bytes(), "p.fr.txt")
    assert etree.tostring(root.find("body")) == etree.tostring(ref.find("body"))


def test_form_feed_tab_and_long_line():
    long = "word " * 5000
    root, _ = read_ok(paper(f"1.\tThe first {long}paragraph goes on", "\facross the page break.",
                            "2. Second."))
    p1 = root.find(".//para[@n='1']/p").text
    assert p1.endswith("paragraph goes on across the page break.")
    assert "\t" not in p1


def test_five_megabyte_paper(tmp_path):
    """A paper of about 5 MB parses, validates and loses no word."""
    paras = [f"{n}. Return migration needs planning, paragraph {n}, " + "and cooperation " * 60 + "today."
             for n in range(1, 5200)]
    data = paper(*paras)
    assert len(data) > 5_000_000
    src = tmp_path / "big.en.txt"
    src.write_bytes(data)
    tree, _ = read_source(src)
    assert len(tree.getroot().findall(".//para")) == 5199


def test_neither_agenda_nor_paper_is_a_paper_of_prose():
    """No timed item and no numbered paragraph: read as a paper, never refused."""
    root, _ = read_ok(b"Dear colleagues,\n\nplease see below.\n")
    assert root.get("type") == "paper" and "please see below." in " ".join(root.itertext())


def test_marker_without_note_is_a_warning():
    root, warnings = read_ok(paper("1. Migrants return home.1 Then they stay.", "2. End."))
    assert any(":1: warning:" in w or "warning: '1' after" in w for w in warnings)
    assert root.find(".//noteref") is None


def test_note_without_marker_is_a_warning_and_stays_a_note():
    root, warnings = read_ok(paper("1. Migrants return home. Then they stay.", "2. End.",
                                   notes="\n" + " " * 40 + "\n1  A note nobody points at.\n"))
    assert any(w.startswith("doc.en.txt:8: warning: footnote 1: no marker found") for w in warnings)
    assert root.findtext("footnotes/footnote") == "A note nobody points at."
    assert root.find("body/para[@n='2']//noteref").get("to") == "fn1"


def test_missing_and_duplicated_paragraph_numbers_warn_and_renumber():
    root, warnings = read_ok(paper("1. One.", "2. Two.", "4. Four.", "4. Four again.", "5. Five."))
    assert [p.get("n") for p in root.iter("para")] == ["1", "2", "3", "4", "5"]
    assert [w.split(": ", 2)[2] for w in warnings] == [
        "paragraph number 4 skips 3; numbered 3 in the XML",
        "paragraph number 4 repeats; numbered 4 in the XML"]


def test_times_out_of_order_are_an_error():
    msg = read_error((AGENDA_EN + "10:00 – 11:00 Opening\n\n09:00 – 09:30 Registration\n").encode())
    assert msg.startswith("doc.en.txt:9: error: item starts (09:00) before the item above it (10:00)")


def test_overlapping_times_are_a_warning():
    root, warnings = read_ok((AGENDA_EN + "10:00 – 11:00 Opening\n\n10:30 – 12:00 Session I: Return\n").encode())
    assert len(root.findall(".//item")) == 2
    assert any("doc.en.txt:9: warning: item starts (10:30) before the item above it ends (11:00)" == w
               for w in warnings)


def test_end_before_start_is_an_error():
    assert "ends (09:00) before or when it starts (10:00)" in read_error(
        (AGENDA_EN + "10:00 – 09:00 Opening\n\n11:00 – 12:00 Close\n").encode())


# --- hand-edited XML -----------------------------------------------------------------------

def cli(*args) -> subprocess.CompletedProcess:
    """Run the real CLI."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True,
                          text=True, timeout=60)


def test_very_deep_nesting_is_refused(tmp_path):
    deep = tmp_path / "deep.xml"
    deep.write_text("<document>" + "<p>" * 5000 + "x" + "</p>" * 5000 + "</document>", "utf-8")
    r = cli("validate", deep)
    assert r.returncode == 1 and str(deep) in r.stderr and "Traceback" not in r.stderr


def test_external_entity_reads_no_file_and_no_network(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", "utf-8")
    evil = tmp_path / "evil.xml"
    evil.write_text(f'<!DOCTYPE document [<!ENTITY s SYSTEM "{secret.as_uri()}">'
                    f'<!ENTITY n SYSTEM "http://127.0.0.1:9/x">]><document>&s;&n;</document>', "utf-8")
    r = cli("parse", evil, "-o", tmp_path / "out.xml")
    assert r.returncode == 1 and "TOP-SECRET" not in r.stdout + r.stderr
    assert "DOCTYPE" in r.stderr and not (tmp_path / "out.xml").exists()
