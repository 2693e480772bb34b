"""The schema explains itself: every element and attribute is documented for XML editors."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
RNG = "http://relaxng.org/ns/structure/1.0"
ANN = "http://relaxng.org/ns/compatibility/annotations/1.0"


def test_every_element_and_attribute_is_documented():
    """Each <element> and <attribute> of document.rng has a:documentation."""
    grammar = etree.parse(str(ROOT / "schemas/document.rng"))
    missing = [f"{el.tag.split('}')[1]} {el.get('name')} (line {el.sourceline})"
               for el in grammar.iter(f"{{{RNG}}}element", f"{{{RNG}}}attribute")
               if el.find(f"{{{ANN}}}documentation") is None]
    assert missing == []


def test_vocabulary_names_are_in_the_schema():
    """The names fixed by shared/design/vocabulary.md are all declared."""
    grammar = etree.parse(str(ROOT / "schemas/document.rng"))
    names = {el.get("name") for el in grammar.iter(f"{{{RNG}}}element", f"{{{RNG}}}attribute")}
    fixed = {"document", "id", "type", "xml:lang", "version", "meta", "title", "subtitle", "series",
             "meeting", "symbol", "original-language", "dates", "from", "to", "source", "file",
             "sha256", "agenda", "heading", "day", "date", "item", "start", "end", "kind", "n",
             "p", "moderator", "speakers", "label", "questions", "lead", "question", "discussion",
             "body", "para", "list", "style", "section", "footnotes", "footnote", "person",
             "name", "role", "noteref", "emph", "strong"}
    assert fixed - names == set()


def _paper_with_notes(refs: list[str], notes: list[tuple[str, str]]) -> etree._Element:
    """A minimal valid-looking paper: one para holding noterefs to refs, then notes (id, n)."""
    xml = ['<document id="d" type="paper" xml:lang="en" version="1"><meta><title>T</title>'
           '<source file="d.txt" sha256="' + "0" * 64 + '"/></meta><body><para n="1"><p>Text']
    xml += [f'<noteref to="{r}"/>' for r in refs]
    xml += ['</p></para></body><footnotes>']
    xml += [f'<footnote id="{i}" n="{n}">Note.</footnote>' for i, n in notes]
    xml += ['</footnotes></document>']
    return etree.fromstring("".join(xml))


def test_footnote_rules_still_hold_with_keys() -> None:
    """The footnote rules (written with xsl:key so that they are linear) still find a note
    referenced twice or never, a reference to nothing, and notes out of sequence."""
    from pipeline.validate import validate

    assert validate(_paper_with_notes(["fn1", "fn2"], [("fn1", "1"), ("fn2", "2")]), "x") == []
    twice = [d.message for d in validate(_paper_with_notes(["fn1", "fn1"], [("fn1", "1")]), "x")]
    assert any("referenced exactly once (found 2" in m for m in twice), twice
    never = [d.message for d in validate(_paper_with_notes(["fn1"], [("fn1", "1"), ("fn2", "2")]), "x")]
    assert any("Footnote 2 must be referenced exactly once (found 0" in m for m in never), never
    dangling = [d.message for d in validate(_paper_with_notes(["fn1", "fn9"], [("fn1", "1")]), "x")]
    assert any('no footnote with id "fn9"' in m for m in dangling), dangling  # RELAX NG's IDREF check
    skipped = [d.message for d in validate(_paper_with_notes(["fn1", "fn3"], [("fn1", "1"), ("fn3", "3")]), "x")]
    assert any("numbered 1..n in order: expected 2, found 3" in m for m in skipped), skipped


def test_a_job_number_is_a_job_number() -> None:
    """meta/job (R15) holds a job number as printed, after the dates; anything else in it,
    or the element elsewhere, is invalid."""
    from pipeline.validate import validate

    def paper(meta: str) -> etree._Element:
        """A version-2 paper whose meta holds ``meta`` between its title and its source."""
        return etree.fromstring(
            '<document id="d" type="paper" xml:lang="en" version="2"><meta><title>T</title>'
            f'{meta}<source file="d.txt" sha256="{"0" * 64}"/></meta><body><p>Text.</p></body>'
            '</document>')

    dates = '<dates from="2024-12-30" to="2024-12-30">30 December 2024</dates>'
    for job in ("24-23868 (E)", "24-23868", "24-23868* (F)"):
        assert validate(paper(f"{dates}<job>{job}</job>"), "x") == [], job
    for job in ("24-2386 (E)", "2423868", "24-23868 (E) 301224", ""):
        assert validate(paper(f"<job>{job}</job>"), "x") != [], job
    assert validate(paper(f"<job>24-23868 (E)</job>{dates}"), "x") != []
