"""pipeline renumber: paragraphs, footnotes (in order of first reference) and sessions after
an edit; the seeds come out byte for byte; a shuffled master comes out valid; masters are
protected as fmt protects them."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
PAPER = "idm2008-return-migration-paper.en"
AGENDA = "idm2008-ws2-agenda.fr"


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m pipeline ARGS``."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=120)


def seeds() -> list[Path]:
    """The XML masters of sources/, or else the raw texts (parsed by the fixture)."""
    return sorted((ROOT / "sources").glob("*.xml")) or sorted((ROOT / "sources").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_xml(tmp_path_factory) -> dict[str, Path]:
    """Every seed as XML: a master as it is, a raw text parsed by pipeline parse."""
    out = tmp_path_factory.mktemp("seeds")
    found = {}
    for seed in seeds():
        dest = out / f"{seed.name.rsplit('.', 1)[0]}.xml"
        if seed.suffix == ".xml":
            dest.write_bytes(seed.read_bytes())
        else:
            r = run("parse", seed, "-o", dest)
            assert r.returncode == 0, r.stderr
        found[dest.stem] = dest
    return found


def test_seeds_round_trip_unchanged(seed_xml, tmp_path) -> None:
    """Renumbering a document already in order changes no byte, and says so."""
    for name, xml in seed_xml.items():
        out = tmp_path / f"{name}.xml"
        r = run("renumber", xml, "-o", out)
        assert r.returncode == 0, r.stderr
        assert out.read_bytes() == xml.read_bytes(), name
        assert "already numbered in order" in r.stdout
        assert run("renumber", "--check", xml).returncode == 0


def test_scrambled_numbers_are_restored_byte_for_byte(seed_xml, tmp_path) -> None:
    """Every paragraph numbered 1, the two footnotes swapped in the list, the sessions all
    'I': renumbering gives back the seed exactly."""
    paper = seed_xml[PAPER].read_text("utf-8")
    bad = re.sub(r'<para n="\d+"', '<para n="1"', paper)
    lines = bad.split("\n")
    notes = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("<footnote ")]
    assert len(notes) == 2
    lines[notes[0]], lines[notes[1]] = lines[notes[1]], lines[notes[0]]
    bad = "\n".join(lines)
    agenda = seed_xml[AGENDA].read_text("utf-8")
    bad_agenda = re.sub(r'kind="session" n="[IVX]+"', 'kind="session" n="I"', agenda)
    for name, text, original in ((PAPER, bad, paper), (AGENDA, bad_agenda, agenda)):
        assert text != original
        damaged = tmp_path / f"{name}.xml"
        damaged.write_text(text, "utf-8")
        assert run("validate", damaged).returncode == (1 if name == PAPER else 0)  # sessions: no rule
        assert run("renumber", "--check", damaged).returncode == 1
        r = run("renumber", damaged)
        assert r.returncode == 0, r.stderr
        assert damaged.read_text("utf-8") == original, name


def test_moved_paragraph_and_inserted_note(seed_xml, tmp_path) -> None:
    """Paragraph 2 (note 1's reference) moved after paragraph 3 (note 2's), and a new note
    referred to in paragraph 1 with n="0": afterwards the notes follow their first
    references, every id, n and reference agrees, and the document is valid."""
    tree = etree.parse(str(seed_xml[PAPER]))
    root = tree.getroot()
    paras = root.findall(".//para")
    first, second, third = paras[:3]
    third.addnext(second)  # now 1, 3, 2 in document order
    new_ref = etree.SubElement(first.find("p"), "noteref", to="mine")
    new_ref.tail = " (an added remark)"
    note = etree.SubElement(root.find("footnotes"), "footnote", id="mine", n="0")
    note.text = "An added note."
    texts = {n.get("id"): n.text for n in root.iter("footnote")}
    shuffled = tmp_path / "shuffled.xml"
    tree.write(str(shuffled), encoding="UTF-8", xml_declaration=True)
    assert run("validate", shuffled).returncode == 1
    r = run("renumber", shuffled)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 paragraph numbers" in r.stdout and "2 footnotes (reordered)" in r.stdout  # fn2 keeps its number
    after = etree.parse(str(shuffled)).getroot()
    assert [p.get("n") for p in after.iter("para")] == [str(i) for i in range(1, len(paras) + 1)]
    notes = after.findall("footnotes/footnote")
    assert [(n.get("id"), n.get("n")) for n in notes] == [("fn1", "1"), ("fn2", "2"), ("fn3", "3")]
    assert [n.text for n in notes] == [texts["mine"], texts["fn2"], texts["fn1"]]
    assert [r.get("to") for r in after.iter("noteref")] == ["fn1", "fn2", "fn3"]
    assert run("validate", shuffled).returncode == 0
    assert "already numbered in order" in run("renumber", shuffled).stdout


def test_masters_are_protected_as_fmt_protects_them(seed_xml, tmp_path) -> None:
    """In sources/, renumber rewrites a master only with --force; -o writes elsewhere."""
    (tmp_path / "sources").mkdir()
    master = tmp_path / "sources" / f"{AGENDA}.xml"
    text = seed_xml[AGENDA].read_text("utf-8")
    master.write_text(re.sub(r'kind="session" n="[IVX]+"', 'kind="session" n="V"', text), "utf-8")
    before = master.read_bytes()
    r = run("renumber", master)
    assert r.returncode == 1 and "hand-edited master: not overwritten (use --force)" in r.stderr
    assert master.read_bytes() == before
    copy = tmp_path / "renumbered.xml"
    assert run("renumber", master, "-o", copy).returncode == 0
    assert master.read_bytes() == before and copy.read_text("utf-8") == text
    assert run("renumber", master, "--force").returncode == 0
    assert master.read_text("utf-8") == text


def test_annexes_repeated_references_and_unreferenced_notes() -> None:
    """Paragraphs restart at 1 in each annex; a note referred to twice takes the number of
    its first reference; a note nothing refers to goes last."""
    from pipeline.renumber import renumber_bytes

    xml = (b'<document id="x" type="paper" xml:lang="en" version="2"><meta><title>T</title>'
           b'<source file="x.en.txt" sha256="' + b"0" * 64 + b'"/></meta><body>'
           b'<para n="4"><p>A.<noteref to="b"/></p></para><para n="4"><p>B.<noteref to="a"/></p></para>'
           b'<annex><heading>Annex</heading><para n="3"><p>C.<noteref to="b"/></p></para></annex>'
           b'<annex><heading>Annex II</heading><para n="9"><p>D.</p></para><para n="9"><p>E.</p></para></annex>'
           b'</body><footnotes><footnote id="lonely" n="1">L.</footnote><footnote id="a" n="2">A.</footnote>'
           b'<footnote id="b" n="3">B.</footnote></footnotes></document>')
    out, changes = renumber_bytes(xml, "x.xml")
    root = etree.fromstring(out)
    assert [p.get("n") for p in root.iter("para")] == ["1", "2", "1", "1", "2"]
    assert [(n.get("id"), n.text) for n in root.iter("footnote")] == [("fn1", "B."), ("fn2", "A."), ("fn3", "L.")]
    assert [r.get("to") for r in root.iter("noteref")] == ["fn1", "fn2", "fn1"]
    assert changes.moved
    again, nothing = renumber_bytes(out, "x.xml")
    assert again == out and not nothing


def test_star_notes_keep_their_mark_and_come_first() -> None:
    """A star note (R17: n "*", id "fns1") is no number of the count: renumbering after an
    edit numbers the other notes 1..n in order of first reference and puts the star note
    first, its mark, id and reference as they were."""
    from pipeline.renumber import renumber
    from pipeline.validate import validate

    root = etree.fromstring(
        '<document id="d" type="paper" xml:lang="en" version="2"><meta><title>T</title>'
        '<agenda-item>Item 4 of the preliminary list<noteref to="fns1"/> Water</agenda-item>'
        f'<source file="d.txt" sha256="{"0" * 64}"/></meta><body><p>First<noteref to="fn2"/>'
        ' then<noteref to="fn1"/>.</p></body><footnotes><footnote id="fn1" n="1">B.</footnote>'
        '<footnote id="fns1" n="*">A/82/50.</footnote><footnote id="fn2" n="2">A.</footnote>'
        '</footnotes></document>')
    renumber(root)
    assert [(fn.get("id"), fn.get("n"), fn.text) for fn in root.iter("footnote")] == [
        ("fns1", "*", "A/82/50."), ("fn1", "1", "A."), ("fn2", "2", "B.")]
    assert [r.get("to") for r in root.iter("noteref")] == ["fns1", "fn1", "fn2"]
    assert validate(root, "d.xml") == []
