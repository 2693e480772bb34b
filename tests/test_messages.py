"""Validation messages on a hand-edited master: every RELAX NG and Schematron message names
its line; a choice lists the values the schema allows; n="0" is said in words; a reference
to a missing note names the reference's line; an overlap warns in XML as in text."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
RNG = {"r": "http://relaxng.org/ns/structure/1.0"}


def run(*args: object) -> subprocess.CompletedProcess:
    """Run ``python -m pipeline ARGS``."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, str]:
    """The XML of the English paper and agenda, parsed from sources/."""
    out = tmp_path_factory.mktemp("xml")
    found = {}
    for name in ("idm2008-return-migration-paper.en", "idm2008-ws2-agenda.en"):
        dest = out / f"{name}.xml"
        assert run("parse", ROOT / f"sources/{name}.txt", "-o", dest).returncode == 0
        found["paper" if "paper" in name else "agenda"] = dest.read_text("utf-8")
    return found


def damaged(tmp_path: Path, text: str, old: str, new: str) -> tuple[Path, int]:
    """The text with its first old made new, in a file; and the line of the change."""
    assert old in text
    path = tmp_path / "master.xml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path, text[:text.index(old)].count("\n") + 1


def errors_of(path: Path) -> list[str]:
    """validate's messages (it must fail); each must name the file and a line."""
    r = run("validate", path)
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert lines
    for line in lines:
        assert re.match(rf"{re.escape(str(path))}:\d+: error: ", line), line
    return lines


def schema_values(element: str, attribute: str) -> list[str]:
    """The values schemas/document.rng allows for an attribute (read here, not by the code)."""
    rng = etree.parse(str(ROOT / "schemas/document.rng"))
    return rng.xpath(f"//r:element[@name='{element}']/r:attribute[@name='{attribute}']//r:value/text()",
                     namespaces=RNG)


def test_bad_kind_lists_the_allowed_values(seeds, tmp_path) -> None:
    path, line = damaged(tmp_path, seeds["agenda"], 'kind="keynote"', 'kind="speech"')
    [message] = errors_of(path)
    values = schema_values("item", "kind")
    assert len(values) == 8 and "keynote" in values
    assert message.startswith(f"{path}:{line}: error: item kind=\"speech\" is not allowed")
    assert message.endswith("allowed values: " + ", ".join(values))


def test_bad_document_type_lists_the_allowed_values(seeds, tmp_path) -> None:
    """libxml2 gives only 'Element document failed to validate attributes' here."""
    path, line = damaged(tmp_path, seeds["paper"], 'type="paper"', 'type="memo"')
    [message] = errors_of(path)
    assert f":{line}: " in message and "type=\"memo\"" in message
    assert message.endswith("allowed values: " + ", ".join(schema_values("document", "type")))


def test_paragraph_zero_is_said_in_words(seeds, tmp_path) -> None:
    path, line = damaged(tmp_path, seeds["paper"], '<para n="1">', '<para n="0">')
    messages = errors_of(path)
    assert messages[0].startswith(f"{path}:{line}: error: para n=\"0\" is not allowed: "
                                  "expected a whole number from 1 up (numbering starts at 1, not 0)")
    assert not any("positiveInteger" in m for m in messages)


def test_reference_to_a_missing_note_names_its_line(seeds, tmp_path) -> None:
    path, line = damaged(tmp_path, seeds["paper"], '<noteref to="fn1"/>', '<noteref to="fn9"/>')
    messages = errors_of(path)
    assert f"{path}:{line}: error: noteref to=\"fn9\": there is no footnote with id \"fn9\" " \
           "(the footnotes: fn1, fn2)" in messages


def test_duplicate_id_names_both_lines(seeds, tmp_path) -> None:
    text = seeds["paper"]
    first = text[:text.index('<footnote id="fn1"')].count("\n") + 1
    path, line = damaged(tmp_path, text, '<footnote id="fn2" n="2">', '<footnote id="fn1" n="2">')
    messages = errors_of(path)
    assert any(f":{line}: error: id \"fn1\" is used more than once (lines {first}, {line})" in m
               for m in messages), messages


def test_numbering_errors_point_to_renumber(seeds, tmp_path) -> None:
    """A Schematron message has its line, and says which command fixes it."""
    path, line = damaged(tmp_path, seeds["paper"], '<para n="3">', '<para n="4">')
    messages = errors_of(path)
    assert messages[0].startswith(f"{path}:{line}: error: Paragraph numbers run 1..n without gaps: "
                                  "expected 3, found 4")
    assert "pipeline renumber" in messages[0]


def test_every_schema_error_has_a_line(seeds, tmp_path) -> None:
    """A handful of other edits: an unknown element, a bad time, a bad date, a bad language."""
    for old, new in (('<heading>', '<heading><bogus/>'), ('end="10:15"', 'end="25:15"'),
                     ('xml:lang="en"', 'xml:lang="en english"'), ('<item ', '<item colour="red" ')):
        text = seeds["agenda"] if "end=" in old or "<item" in old else seeds["paper"]
        errors_of(damaged(tmp_path, text, old, new)[0])


def test_overlap_warns_in_xml_as_in_text(seeds, tmp_path) -> None:
    """The same overlapping item, in the raw text and in the master: the same warning."""
    source = (ROOT / "sources/idm2008-ws2-agenda.en.txt").read_text("utf-8")
    text = tmp_path / "overlap.en.txt"
    text.write_text(source.replace("10:00 – 10:15 WELCOME", "10:00 – 10:30 WELCOME", 1), "utf-8")
    r = run("parse", text, "-o", tmp_path / "from-text.xml")
    assert r.returncode == 0, r.stderr
    warning = "warning: item starts (10:15) before the item above it ends (10:30)"
    assert warning in r.stderr
    path, _ = damaged(tmp_path, seeds["agenda"], 'end="10:15"', 'end="10:30"')
    line = seeds["agenda"].split("\n").index(next(ln for ln in seeds["agenda"].split("\n")
                                                  if 'start="10:15"' in ln)) + 1
    r = run("validate", path)
    assert r.returncode == 0
    assert f"{path}:{line}: {warning}" in r.stderr and r.stdout.strip() == f"{path}: valid (1 warning)"
    r = run("parse", path, "-o", tmp_path / "from-master.xml")
    assert r.returncode == 0 and f"{path}:{line}: {warning}" in r.stderr


def test_unknown_element_lists_what_its_parent_allows(seeds, tmp_path) -> None:
    """A misspelt element names the elements its parent allows (an agenda item's, not a
    list item's: both are called item)."""
    path, line = damaged(tmp_path, seeds["agenda"], "<discussion>", "<debate>")
    path.write_text(path.read_text("utf-8").replace("</discussion>", "</debate>", 1), "utf-8")
    messages = errors_of(path)
    first = next(m for m in messages if "debate" in m)
    assert first.startswith(f"{path}:{line}: error: Did not expect element debate there (in item: "
                            "allowed elements: title, p, moderator")
    allowed = first.rsplit("allowed elements: ", 1)[1].rstrip(")").split(", ")
    assert {"speakers", "questions", "discussion"} <= set(allowed)
    assert not {"list", "emph"} & set(allowed)  # a list item's, not an agenda item's
