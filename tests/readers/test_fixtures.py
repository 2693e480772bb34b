"""Reader fixtures found by feature: tests/fixtures/reader/<feature>/.

Each folder holds ``input.txt`` (or names a file of sources/), ``facts.json`` (XPath
facts checked by hand against the raw text) and, for some, ``expected.xml`` (a golden read
line by line before it was accepted; refresh with ``pytest --update-golden``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from pipeline.check import check_fidelity
from pipeline.readers.text import read_text
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
    result = read_text(data, folder.name + ".txt", lang=None)
    root = etree.fromstring(serialize(result.tree.getroot(), "x.xml"))
    if facts.get("lang"):
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == facts["lang"], \
            "language detected wrongly"
    return data, root, result.warnings


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
    assert root.get("type") == facts["type"]
    failures = []
    for fact in facts["facts"]:
        got = root.getroottree().xpath(fact["xpath"])
        want = fact["expect"]
        if isinstance(want, bool):
            ok = bool(got) == want
        elif isinstance(want, (int, float)):
            ok = isinstance(got, float) and got == want
        else:
            ok = " ".join(str(got).split()) == " ".join(want.split())
        if not ok:
            failures.append(f"{fact['xpath']}\n    expected: {want!r}\n    got:      {got!r}")
    assert not failures, f"{len(failures)} fact(s) fail:\n" + "\n".join(failures)


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
