"""The sample drafts against the current French sources: exactly the edits of NOTES.md."""
from __future__ import annotations

from pathlib import Path

import pytest

from compare_support import FIXTURES, SOURCES, resolve_changes, resolve_footnotes
from pipeline.compare.diff import Revision, changed_words, compare, summary
from pipeline.compare.redline import redline, render
from pipeline.documents import load_valid

PAPER = "idm2008-return-migration-paper"
AGENDA = "idm2008-ws2-agenda"


def revision(parse, docid: str) -> tuple[Path, Path, Revision]:
    """The comparison of sources/drafts/<docid>.fr.r1.txt with sources/<docid>.fr.txt."""
    old = parse(SOURCES / "drafts" / f"{docid}.fr.r1.txt")
    new = parse(SOURCES / f"{docid}.fr.txt")
    return old, new, compare(load_valid(old), load_valid(new))


def test_notes_list_these_drafts() -> None:
    """NOTES.md is the specification read for the tests below."""
    notes = (FIXTURES / "diff" / "NOTES.md").read_text("utf-8")
    for docid in (PAPER, AGENDA):
        assert f"sources/drafts/{docid}.fr.r1.txt" in notes


def test_paper_draft_edits(parse) -> None:
    """Paras 1, 8 and 13 (draft 12) and footnote 1 changed; para 11 added; 12-17 renumbered."""
    _, _, rev = revision(parse, PAPER)
    edits = {(e.status, e.old.label if e.old else None, e.new.label if e.new else None): e
             for e in rev.edits()}
    renumbered = sorted((k[1], k[2]) for k in edits if k[0] == "renumbered")
    assert renumbered == sorted([("para 11", "para 12")] + [(f"para {n}", f"para {n + 1}")
                                                             for n in range(13, 17)])
    others = sorted(k for k in edits if k[0] != "renumbered")
    assert others == sorted([("changed", "para 1", "para 1"), ("changed", "para 8", "para 8"),
                             ("changed", "para 12", "para 13"),
                             ("changed", "footnote 1", "footnote 1"),
                             ("added", None, "para 11")])
    words = {k[2]: changed_words(e.ops) for k, e in edits.items() if k[0] == "changed"}
    assert words["para 1"] == (["reflète"], ["traduit"])
    assert words["para 8"] == (["digne", "et"], ["et", "plus"])  # "et plus" -> ", digne et"
    assert words["para 13"] == (["inestimable"], ["précieuse"])
    inserted, deleted = words["footnote 1"]
    assert "travaux" in inserted and "accordent" in inserted
    assert "activités" in deleted and "correspondent" in deleted
    para8 = edits[("changed", "para 8", "para 8")]
    new_text = "".join(v for op, segs in para8.ops if op != "delete" for _, v in segs)
    assert "plus humaine, digne et durable" in new_text
    added = edits[("added", None, "para 11")].new
    assert added.text.startswith("Le type d’assistance que peuvent recevoir les rapatriés")
    assert summary(rev)[0] == ("Modifications\u00a0: paragraphes 1, 8 et 13 (anciennement 12)"
                               "\u00a0; note 1.")


def test_agenda_draft_edits(parse) -> None:
    """Day 1 Session II third speaker replaced; day 2 first item starts 10:00, not 09:30."""
    _, _, rev = revision(parse, AGENDA)
    edits = rev.edits()
    assert [(e.status, e.old.label, e.new.label) for e in edits] == [
        ("changed", "person 4 in item 2008-07-07 15:00–18:00",
         "person 4 in item 2008-07-07 15:00–18:00"),
        ("changed", "item 2008-07-08 09:30–10:30", "item 2008-07-08 10:00–10:30")]
    person, item = edits
    assert (person.old.name, person.new.name) == ("Andrew Lockhart", "Jacqueline Owens")
    assert person.new.extra["group"] == "speakers"
    assert changed_words(item.ops) == (["10:00"], ["09:30"])


@pytest.mark.parametrize("docid", [PAPER, AGENDA])
def test_draft_redline_accepts_to_current_and_rejects_to_draft(parse, docid: str) -> None:
    """Accept All gives the current text as its own DOCX has it, Reject All the draft's
    (body, agenda tables and footnotes)."""
    old, new, _ = revision(parse, docid)
    data = redline(load_valid(old), load_valid(new))
    for accept, path in ((True, new), (False, old)):
        plain = render(load_valid(path))
        assert resolve_changes(data, accept) == resolve_changes(plain, True)
        assert resolve_footnotes(data, accept) == resolve_footnotes(plain, True)


def test_drafts_saved_as_xml_are_redlined_against_a_master(parse, seed, tmp_path) -> None:
    """A draft saved as XML (sources/drafts/<docid>.<lang>.<rev>.xml) is read, winning over
    a text of the same name (warned), and redlined against the current master XML; neither
    master is rewritten."""
    import subprocess

    import docx

    from compare_support import ROOT, pipeline_command

    drafts = tmp_path / "sources" / "drafts"
    drafts.mkdir(parents=True)
    master = tmp_path / "sources" / f"{PAPER}.fr.xml"
    master.write_bytes(seed(PAPER, "fr").read_bytes())
    text = parse(SOURCES / "drafts" / f"{PAPER}.fr.r1.txt").read_text("utf-8")
    assert "Les deux ateliers" in text
    draft = drafts / f"{PAPER}.fr.r1.xml"
    draft.write_text(text.replace("Les deux ateliers", "Les deux réunions", 1), "utf-8")
    (drafts / f"{PAPER}.fr.r1.txt").write_bytes((SOURCES / "drafts" / f"{PAPER}.fr.r1.txt").read_bytes())
    before = master.read_bytes(), draft.read_bytes()
    proc = subprocess.run(pipeline_command() + ["batch", "--sources-dir", str(tmp_path / "sources"),
                                                "--out", str(tmp_path / "build"), "--to", "html"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"{PAPER}.fr.r1.txt: warning: not read: the master {PAPER}.fr.r1.xml of the same " \
           "name is built instead" in proc.stderr
    redline = tmp_path / "build" / "diff" / f"{PAPER}.fr.r1-current.docx"
    summary = docx.Document(str(redline)).core_properties.comments
    assert summary.startswith("Modifications\u00a0: paragraphes 1, 2, 8 et 13"), summary
    assert (master.read_bytes(), draft.read_bytes()) == before
