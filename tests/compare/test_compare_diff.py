"""Comparing revisions: exactly the known edits, and a redline whose changes really track."""
from __future__ import annotations

import copy
import re
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare_support import (FIXTURES, W, docx_part, paper_text, resolve_changes,
                             resolve_footnotes)
from pipeline.compare.commands import diff_cmd
from pipeline.compare.diff import changed_words, compare, summary
from pipeline.compare.redline import AUTHOR, FIXED_DATE, redline, render, stamp
from pipeline.documents import load_valid

DIFF = FIXTURES / "diff"
EXPECTED = json.loads((DIFF / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def old_new(parse) -> tuple[Path, Path]:
    """The old and new fixture papers, parsed."""
    return parse(DIFF / EXPECTED["old"]), parse(DIFF / EXPECTED["new"])


def test_diff_reports_exactly_the_known_edits(old_new) -> None:
    """Para 3 changed (2 words in, 1 out), para 5 added (6, 7 renumbered), footnote 2 changed."""
    rev = compare(load_valid(old_new[0]), load_valid(old_new[1]))
    edits = rev.edits()
    got = sorted((e.status, e.old.label if e.old else None, e.new.label if e.new else None)
                 for e in edits if e.status != "renumbered")
    want = sorted(("changed" if x["kind"] == "footnote-changed" else x["kind"],
                   x.get("old"), x.get("new")) for x in EXPECTED["edits"])
    assert got == want
    para3 = next(e for e in edits if e.new.label == "para 3")
    inserted, deleted = changed_words(para3.ops)
    spec = next(x for x in EXPECTED["edits"] if x.get("new") == "para 3")
    assert (inserted, deleted) == (spec["inserted"], spec["deleted"])
    renumbered = {e.old.label: e.new.label for e in edits if e.status == "renumbered"}
    added = next(x for x in EXPECTED["edits"] if x["kind"] == "added")
    assert renumbered == added["renumbered"]


def test_summary_in_the_document_language_with_english_fallback(old_new) -> None:
    """The one-paragraph account a translator reads first, in en, fr, es; de falls back."""
    rev = compare(load_valid(old_new[0]), load_valid(old_new[1]))
    assert summary(rev) == ["Changed: paragraph 3; footnote 2.", "Added: paragraph 5.",
                            "Renumbered: paragraphs 6 and 7 (formerly 5 and 6)."]
    assert summary(rev, "fr")[0] == "Modifications\u00a0: paragraphe 3\u00a0; note 2."
    assert summary(rev, "es")[1] == "Añadidos: párrafo 5."
    assert summary(rev, "de") == summary(rev, "en")


def test_identical_revisions_have_no_edit(old_new) -> None:
    """A document compared with itself: every unit the same, no summary line."""
    rev = compare(load_valid(old_new[1]), load_valid(old_new[1]))
    assert rev.edits() == [] and summary(rev) == []


def test_paragraph_moved_elsewhere_is_moved_not_added_and_removed(old_new) -> None:
    """Old para 2 put last: one move; the others are only renumbered."""
    old = load_valid(old_new[0])
    new = copy.deepcopy(old)
    body = new.getroot().find("body")
    paras = body.findall("para")
    body.remove(paras[1])
    body.append(paras[1])
    for n, para in enumerate(body.findall("para"), 1):
        para.set("n", str(n))
    rev = compare(old, new)
    statuses = sorted((e.status, e.old.label if e.old else None, e.new.label if e.new else None)
                      for e in rev.edits())
    assert statuses == [("moved", "para 2", "para 6"), ("renumbered", "para 3", "para 2"),
                        ("renumbered", "para 4", "para 3"), ("renumbered", "para 5", "para 4"),
                        ("renumbered", "para 6", "para 5")]


def test_redline_holds_real_tracked_changes(old_new) -> None:
    """w:ins / w:del with author and fixed date, in the body and in footnotes.xml (footnote 2
    changed); deleted words only in w:delText."""
    data = redline(load_valid(old_new[0]), load_valid(old_new[1]))
    root, notes = docx_part(data), docx_part(data, "word/footnotes.xml")
    marks = [m for part in (root, notes) for m in part.iter(f"{W}ins", f"{W}del")]
    assert marks and list(notes.iter(f"{W}ins")) and list(notes.iter(f"{W}del"))
    assert {m.get(f"{W}author") for m in marks} == {AUTHOR}
    assert {m.get(f"{W}date") for m in marks} == {stamp(FIXED_DATE)} == {"2000-01-01T00:00:00Z"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    inserted = " ".join(t.text for m in root.iter(f"{W}ins") for t in m.iter(f"{W}t"))
    deleted = " ".join(t.text for m in root.iter(f"{W}del") for t in m.iter(f"{W}delText"))
    assert "concrete" in inserted and "systematic" in inserted and "Return counselling" in inserted
    assert "comparable" in deleted and "Policies and Practices" not in inserted
    note_ins = " ".join(t.text for m in notes.iter(f"{W}ins") for t in m.iter(f"{W}t"))
    note_del = " ".join(t.text for m in notes.iter(f"{W}del") for t in m.iter(f"{W}delText"))
    assert "Assisted Voluntary" in note_ins and "Annual Report" in note_ins
    assert "Policies and Practices" in note_del
    assert not [t for part in (root, notes) for m in part.iter(f"{W}del") for t in m.iter(f"{W}t")]


def test_accept_all_gives_new_text_reject_all_gives_old(old_new) -> None:
    """Accepting every change gives the new revision's own DOCX, rejecting every change the
    old one's (body and footnotes); and the numbered paragraphs are the XML's, one by one."""
    old, new = load_valid(old_new[0]), load_valid(old_new[1])
    data = redline(old, new)
    for accept, tree, xml in ((True, new, old_new[1]), (False, old, old_new[0])):
        plain = render(tree)
        assert resolve_changes(data, accept) == resolve_changes(plain, True)
        assert resolve_footnotes(data, accept) == resolve_footnotes(plain, True)
        body = [" ".join(line.replace("\t", " ").split()) for line in resolve_changes(data, accept)]
        body = [re.sub(r"\[\d+\]", lambda m: m.group()[1:-1], line) for line in body]
        numbered = re.compile(r"\d+\. ")
        assert [line for line in body if numbered.match(line)] == \
            [line for line in paper_text(xml) if numbered.match(line)]


def test_diff_command_writes_both_formats_deterministically(old_new, tmp_path) -> None:
    """``diff OLD NEW -o X.html|X.docx``: same input, same bytes; other suffixes refused."""
    runner = CliRunner()
    for name in ("a.html", "b.html", "a.docx", "b.docx"):
        result = runner.invoke(diff_cmd, [str(old_new[0]), str(old_new[1]), "-o",
                                          str(tmp_path / name), "--force"])  # ids old, new
        assert result.exit_code == 0, result.output
        assert "Changed: paragraph 3" in result.output
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in zf.namelist()
    bad = runner.invoke(diff_cmd, [str(old_new[0]), str(old_new[1]), "-o", str(tmp_path / "x.pdf")])
    assert bad.exit_code != 0 and not (tmp_path / "x.pdf").exists()
