"""Reader fixtures found by feature: tests/fixtures/reader/<feature>/.

Each folder holds ``input.txt`` (or names a file of sources/), ``facts.json`` (XPath
facts checked by hand against the raw text) and, for some, ``expected.xml`` (a golden read
line by line before it was accepted; refresh with ``pytest --update-golden``).

A text is read as ``make all`` reads it (documents.read_text_source: never refused). A fact
marked ``"miss"`` states the correct reading of a shape the reader does not get right yet;
it is reported, not asserted, and a miss that starts to hold fails the test until its mark
is removed, so the list of misses stays true.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from pipeline.check import check_fidelity
from pipeline.documents import read_text_source
from pipeline.validate import validate
from pipeline.xmlio import serialize
from support_xml import xml_diff

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(p for p in (ROOT / "tests/fixtures/reader").iterdir() if p.is_dir())


def source_of(folder: Path) -> Path:
    """The raw text of a fixture folder: its input.txt, or sources/<folder name>.txt."""
    own = folder / "input.txt"
    return own if own.exists() else ROOT / "sources" / f"{folder.name}.txt"


def parsed(folder: Path) -> tuple[bytes, etree._Element, list]:
    """(raw bytes, root, warnings) of a fixture; the root is read back from the bytes the
    pipeline writes, so that what is checked is what reaches the disk."""
    data = source_of(folder).read_bytes()
    facts = _facts(folder)
    tree, warnings = read_text_source(data, folder.name + ".txt")
    root = etree.fromstring(serialize(tree.getroot(), "x.xml"))
    if facts.get("lang"):
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == facts["lang"], \
            "language detected wrongly"
    return data, root, warnings


def _facts(folder: Path) -> dict:
    """The facts.json of a folder ({} when absent)."""
    path = folder / "facts.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


@pytest.fixture(params=FIXTURES, ids=[f.name for f in FIXTURES])
def fixture(request) -> Path:
    """Each fixture folder in turn."""
    return request.param


def test_valid(fixture: Path) -> None:
    """The parsed XML is valid against schemas/ (RELAX NG and Schematron)."""
    _, root, _ = parsed(fixture)
    assert validate(root, fixture.name) == []


def test_facts(fixture: Path) -> None:
    """Every hand-checked fact holds."""
    facts = _facts(fixture)
    if not facts:
        pytest.skip("no facts.json")
    _, root, _ = parsed(fixture)
    type_ok = root.get("type") == facts["type"]
    assert type_ok or facts.get("type-miss"), f"typed {root.get('type')}, not {facts['type']}"
    assert not (type_ok and facts.get("type-miss")), "the type is right now: remove type-miss"
    failures, fixed = [], []
    for fact in facts["facts"]:
        ok, got = holds(root, fact)
        if fact.get("miss") and ok:
            fixed.append(fact["xpath"])
        elif not fact.get("miss") and not ok:
            failures.append(f"{fact['xpath']}\n    expected: {fact['expect']!r}\n    got:      {got!r}")
    assert not failures, f"{len(failures)} fact(s) fail:\n" + "\n".join(failures)
    assert not fixed, "fact(s) marked miss now hold (remove the mark):\n" + "\n".join(fixed)


def holds(root: etree._Element, fact: dict) -> tuple[bool, object]:
    """(whether the fact holds on the tree, what its XPath gives)."""
    got = root.getroottree().xpath(fact["xpath"])
    want = fact["expect"]
    if isinstance(want, bool):
        return bool(got) == want, got
    if isinstance(want, (int, float)):
        return isinstance(got, float) and got == want, got
    return " ".join(str(got).split()) == " ".join(want.split()), got


def test_no_word_lost(fixture: Path) -> None:
    """Every word of the raw text that is not layout debris is in the XML once, in order."""
    data, root, _ = parsed(fixture)
    assert [str(d) for d in check_fidelity(data, fixture.name, root)] == []


GOLDEN = [f for f in FIXTURES if (f / "expected.xml").exists()]


@pytest.mark.parametrize("fixture", GOLDEN, ids=[f.name for f in GOLDEN])
def test_golden(fixture: Path, update_golden: bool) -> None:
    """The whole tree equals expected.xml (canonicalised), for fixtures that have one."""
    golden = fixture / "expected.xml"
    data, root, _ = parsed(fixture)
    root.find("meta/source").set("file", source_of(fixture).name)
    actual = serialize(root, golden)
    if update_golden:
        golden.write_bytes(actual)
        return
    diff = xml_diff(golden.read_bytes(), actual)
    assert not diff, (f"{golden} differs (if the change is right, accept it with "
                      f"`pytest {Path(__file__).name} --update-golden`):\n{diff}")
