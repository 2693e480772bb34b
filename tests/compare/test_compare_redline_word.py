"""The redline people open in Word: the document's own DOCX, its changes tracked.

Each case is an old and a new revision (the drafts, the old/new fixture, hand edits of the
English seeds that add, remove and change persons, items, questions, footnotes, emphasis,
a first and a last paragraph, a whole day, and the same edits undone). For each, the redline and both revisions' own DOCX (the
registered writer's) go through one LibreOffice process: Accept All must give the new
DOCX's text, footnotes and paragraph styles, Reject All the old one's. The redlines are
valid against ISO/IEC 29500 and python-docx reads them as the writer's documents.
"""
from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from compare_support import FIXTURES, SOURCES, W, docx_part, remove_keep_tail
from libreoffice_changes import resolve_many
from pipeline.compare.redline import redline, render
from pipeline.compare.tracked import track
from pipeline.compare.wordml import Marks
from pipeline.documents import load_valid
from pipeline.renumber import renumber
from pipeline.validate import validate
from pipeline.writers import package
from redline_edits import edited_agenda, edited_paper, without_day_two
from validators import ooxml

PAPER, AGENDA = "idm2008-return-migration-paper", "idm2008-ws2-agenda"
AUTHOR = "Revision Unit"


def without_footnotes(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy with every footnote and reference removed (their text around kept)."""
    new = copy.deepcopy(tree)
    root = new.getroot()
    for ref in list(root.iter("noteref")):
        remove_keep_tail(ref)
    root.remove(root.find("footnotes"))
    renumber(root)
    return new


def no_footnotes_part(data: bytes) -> bytes:
    """A DOCX as a writer may write it for a document without notes: no footnotes part."""
    parts = package.read(data)
    parts.pop("word/footnotes.xml")
    for name, attr in (("word/_rels/document.xml.rels", "Target"), ("[Content_Types].xml",
                                                                    "PartName")):
        root = etree.fromstring(parts[name])
        for el in list(root):
            if el.get(attr, "").endswith("footnotes.xml"):
                root.remove(el)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return package.write(parts, first=["[Content_Types].xml"])


@pytest.fixture(scope="module")
def cases(parse, seed, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """name -> {"redline", "old", "new"}: the DOCX files of each case."""
    out = tmp_path_factory.mktemp("redlines")
    drafts = {f"{d.split('-')[-1]}-draft": (parse(SOURCES / "drafts" / f"{d}.fr.r1.txt"), seed(d, "fr"))
              for d in (PAPER, AGENDA)}
    trees = {name: (load_valid(a), load_valid(b)) for name, (a, b) in drafts.items()}
    trees["fixture"] = (load_valid(parse(FIXTURES / "diff" / "old.en.txt")),
                        load_valid(parse(FIXTURES / "diff" / "new.en.txt")))
    agenda, paper = load_valid(seed(AGENDA, "en")), load_valid(seed(PAPER, "en"))
    trees["agenda-edits"] = (agenda, edited_agenda(agenda))
    trees["paper-edits"] = (paper, edited_paper(paper))
    trees["agenda-unedited"] = trees["agenda-edits"][::-1]  # what was removed comes back
    trees["day-removed"] = (agenda, without_day_two(agenda))
    trees["day-added"] = trees["day-removed"][::-1]
    trees["paper-unedited"] = trees["paper-edits"][::-1]
    trees["notes-removed"] = (paper, without_footnotes(paper))
    trees["notes-added"] = (without_footnotes(paper), paper)
    found = {}
    for name, (old, new) in trees.items():
        assert validate(new, name) == []
        files = {"redline": redline(old, new, author=AUTHOR), "old": render(old), "new": render(new)}
        found[name] = {kind: out / f"{name}.{kind}.docx" for kind in files}
        for kind, data in files.items():
            found[name][kind].write_bytes(data)
    bare = no_footnotes_part(render(without_footnotes(paper)))  # notes removed, no part left
    found["no-notes-part"] = {"redline": out / "bare.redline.docx", "old": found["notes-removed"]["old"],
                              "new": out / "bare.new.docx"}
    found["no-notes-part"]["new"].write_bytes(bare)
    found["no-notes-part"]["redline"].write_bytes(track(render(paper), bare, Marks(AUTHOR, "2026-12-01T10:00:00Z")))
    return found


@pytest.fixture(scope="module")
def resolved(cases):
    """name -> {"accepted", "rejected", "new", "old"}: what LibreOffice makes of each file."""
    jobs, keys = [], []
    for name, files in cases.items():
        for key, path, accept in (("accepted", files["redline"], True),
                                  ("rejected", files["redline"], False),
                                  ("new", files["new"], None), ("old", files["old"], None)):
            jobs.append((path, accept))
            keys.append((name, key))
    found: dict[str, dict] = {}
    for (name, key), result in zip(keys, resolve_many(jobs, timeout=600)):
        found.setdefault(name, {})[key] = result
    return found


@pytest.mark.parametrize("name", ["paper-draft", "agenda-draft", "fixture", "agenda-edits",
                                  "paper-edits", "agenda-unedited", "paper-unedited",
                                  "notes-removed", "notes-added", "no-notes-part"])
def test_libreoffice_accept_all_gives_new_reject_all_gives_old(resolved, name):
    """LibreOffice's own Accept All gives the new revision's DOCX (its lines, footnotes and
    paragraph styles), Reject All the old one's; and the two differ."""
    got = resolved[name]
    assert got["accepted"] == got["new"]
    assert got["rejected"] == got["old"]
    assert got["new"] != got["old"]


@pytest.mark.parametrize("name", ["day-removed", "day-added"])
def test_a_whole_day_removed_or_added(resolved, name):
    """A day's table deleted (or inserted) at the end of the body: the same, but for one
    empty paragraph where the body ended with the table's day (the last paragraph of a
    body cannot be deleted; see README)."""
    got = resolved[name]
    for result, wanted in ((got["accepted"], got["new"]), (got["rejected"], got["old"])):
        assert [line for line in result.lines if line] == [line for line in wanted.lines if line]
        assert (result.footnotes, result.styles) == (wanted.footnotes, wanted.styles)
        assert len(result.lines) - len(wanted.lines) in (0, 1)


def test_the_edits_are_where_the_agenda_has_them(cases):
    """The agenda's changes sit in its table cells as the writer lays them out: an inserted
    moderator with its label, a removed speaker, an inserted and a deleted row; no person
    after a "General discussion" in any cell."""
    data = cases["agenda-edits"]["redline"].read_bytes()
    body = docx_part(data).find(f"{W}body")
    rows = body.findall(f"{W}tbl/{W}tr")
    inserted = [r for r in rows if r.find(f"{W}trPr/{W}ins") is not None]
    deleted = [r for r in rows if r.find(f"{W}trPr/{W}del") is not None]
    text = lambda el, tag: "".join(t.text for t in el.iter(f"{W}{tag}"))  # noqa: E731
    assert [text(r, "t") for r in inserted] == ["18:00–18:30Reception offered by the host country"]
    assert [text(r, "delText") for r in deleted] == ["13:00–15:00Lunch break"]
    styles = {p: p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body.iter(f"{W}p")
              if p.find(f"{W}pPr/{W}pStyle") is not None}
    chair = next(p for p in styles if "Lena Okafor" in text(p, "t"))
    assert styles[chair] == "Person" and text(chair, "t").startswith("Chair:")
    assert chair.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    gone = next(p for p in styles if "Ghenadie Cretu" in text(p, "delText"))
    assert styles[gone] == "Person" and not text(gone, "t")
    for cell in body.iter(f"{W}tc"):
        kinds = [styles.get(p, "") for p in cell.iter(f"{W}p")]
        if "Discussion" in kinds:
            assert "Person" not in kinds[kinds.index("Discussion"):], kinds


def test_footnotes_are_real_and_carry_their_changes(cases):
    """Footnotes stay Word footnotes: the changed one has w:ins and w:del inside
    footnotes.xml, a removed one keeps its deleted reference and its deleted text, an added
    one its inserted text; each reference has its own note, in reference order."""
    data = cases["paper-edits"]["redline"].read_bytes()
    doc, notes = docx_part(data), docx_part(data, "word/footnotes.xml")
    refs = [r.get(f"{W}id") for r in doc.iter(f"{W}footnoteReference")]
    normal = [fn for fn in notes if fn.get(f"{W}type", "normal") == "normal"]
    assert refs == [fn.get(f"{W}id") for fn in normal] and len(refs) == 3
    marks = [{m.tag for m in fn.iter(f"{W}ins", f"{W}del")} for fn in normal]
    assert marks == [{f"{W}del"}, {f"{W}ins", f"{W}del"}, {f"{W}ins"}]
    body_styles = {s.get(f"{W}val") for s in doc.iter(f"{W}pStyle")}
    assert not [s for s in body_styles if s.startswith("Footnote")], body_styles


@pytest.mark.parametrize("name", ["agenda-edits", "paper-edits", "agenda-draft", "no-notes-part"])
def test_redline_is_valid_ooxml(cases, name):
    """Every part validates against the ISO/IEC 29500 transitional schemas."""
    result = ooxml.validate(cases[name]["redline"])
    assert {"word/document.xml", "word/footnotes.xml"} <= {k for k, r in result.items()
                                                          if r.get("schema")}
    assert {part: r["errors"][:3] for part, r in result.items() if r["errors"]} == {}


@pytest.mark.parametrize("name", ["agenda-edits", "paper-edits"])
def test_python_docx_reads_the_house_document(cases, name):
    """python-docx opens the redline: every paragraph's style is one the file defines (the
    deleted paragraphs' too), the styles, headers and footers are the new DOCX's own, the
    last author is the changes' author."""
    files = cases[name]
    data = files["redline"].read_bytes()
    document = docx.Document(io.BytesIO(data))
    paragraphs = list(document.paragraphs) + [p for t in document.tables for row in t.rows
                                              for c in row.cells for p in c.paragraphs]
    for p in paragraphs:
        wanted = p._p.pPr.pStyle.val if p._p.pPr is not None and p._p.pPr.pStyle is not None \
            else None
        if wanted:
            assert p.style.style_id == wanted
    assert document.core_properties.last_modified_by == AUTHOR
    assert "Added: " in document.core_properties.comments  # the summary of the edits
    mine, own = package.read(data), package.read(files["new"].read_bytes())
    for part in ("word/styles.xml", "word/settings.xml", "word/numbering.xml"):
        assert mine.get(part) == own.get(part), part
    assert {k for k in mine if k.startswith(("word/header", "word/footer"))} == \
        {k for k in own if k.startswith(("word/header", "word/footer"))}


def test_same_revision_has_no_change(seed):
    """A revision against itself: not one mark, the text of its own DOCX."""
    tree = load_valid(seed(AGENDA, "fr"))
    data = redline(tree, tree)
    parts = [docx_part(data), docx_part(data, "word/footnotes.xml")]
    assert not [m for p in parts for m in p.iter(f"{W}ins", f"{W}del")]
    assert [t.text for t in parts[0].iter(f"{W}t")] == \
        [t.text for t in docx_part(render(tree)).iter(f"{W}t")]
