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


def test_star_notes_r17() -> None:
    """A star note (R17): @n "*" to "***", @id "fns" and its asterisks, before the numbered
    notes (which still run 1..n), referenced once, by a noteref or by symbol/@note."""
    from pipeline.validate import validate

    def messages(refs: list[str], notes: list[tuple[str, str]], symbol: str = "") -> list[str]:
        root = _paper_with_notes(refs, notes)
        if symbol:
            el = etree.Element("symbol", note=symbol)
            el.text = "A/81/50"
            root.find("meta/title").addnext(el)
        return [d.message for d in validate(root, "x")]

    assert messages(["fns1", "fn1"], [("fns1", "*"), ("fn1", "1")]) == []
    assert messages(["fn1", "fns2"], [("fns1", "*"), ("fns2", "**"), ("fn1", "1")], "fns1") == []
    assert any('must have id "fns2"' in m for m in messages(["fns1"], [("fns1", "**")]))
    assert any("Star notes come first" in m
               for m in messages(["fn1", "fns1"], [("fn1", "1"), ("fns1", "*")]))
    assert any("referenced exactly once (found 0" in m for m in messages([], [("fns1", "*")]))
    assert any("referenced exactly once (found 2" in m
               for m in messages(["fns1"], [("fns1", "*")], "fns1"))
    assert any("does not resolve to a star note" in m
               for m in messages([], [("fn1", "1")], "fn1"))
    assert messages(["fns1"], [("fns1", "****")]) != []  # one to three asterisks


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


def _mutant(root: etree._Element, rng) -> etree._Element:
    """root with one to three random edits of what the Schematron rules look at: a number,
    time, date or id changed, an element removed, doubled, emptied, moved or added, a
    comment put before one."""
    import copy

    values = ["1", "2", "0", "01", " 3", "3.0", "", "x", "-1", "10:00", "09:30", "24:00",
              "2024-01-01", "2023-12-31", "fn1", "fn2", "fn99", "99", "NaN", "*", "**", "fns1",
              "fns2"]
    tags = ["para", "footnote", "noteref", "item", "day", "dates", "title", "heading", "p",
            "annex", "name", "question", "discussion", "end", "section", "body", "agenda"]
    for _ in range(rng.randint(1, 3)):
        els = [e for e in root.iter() if isinstance(e.tag, str)]
        el, parent, k = rng.choice(els), None, rng.random()
        parent = el.getparent()
        if k < 0.35:
            el.set(rng.choice(["n", "start", "end", "date", "from", "to", "id", "type", "note"]),
                   rng.choice(values))
        elif k < 0.45 and parent is not None:
            parent.remove(el)
        elif k < 0.55 and parent is not None:
            el.addnext(copy.deepcopy(el))
        elif k < 0.62:
            el.text = rng.choice(["", " ", "\u00a0", "x", None])
            for child in list(el):
                el.remove(child)
        elif k < 0.70 and parent is not None:
            el.addprevious(etree.Comment("c"))
        elif k < 0.85:
            new = etree.SubElement(el, rng.choice(tags))
            if rng.random() < 0.5:
                new.set(rng.choice(["n", "start", "date", "id", "to"]), rng.choice(values))
            new.text = "t" if rng.random() < 0.5 else None
        elif parent is not None:
            targets = [t for t in els if t is not el and t is not root and el not in t.iterancestors()]
            if targets:
                rng.choice(targets).append(el)
    return root


def test_the_cheap_rule_pass_never_accepts_what_the_schematron_rejects() -> None:
    """validate() runs the Schematron only when its cheap pass of the same rules
    (validate._rules_hold) finds a problem or a value it cannot judge: on every reader
    fixture's XML it decides alone, and on 800 mutants of them (numbers, times, dates, ids
    changed, elements removed, doubled, emptied, moved) it never says valid where the
    Schematron finds an error."""
    import copy
    import random

    from pipeline.documents import read_source
    from pipeline.validate import _rules_hold, schematron

    roots = []
    for folder in sorted((ROOT / "tests/fixtures/reader").iterdir()):
        text = folder / "input.txt"
        if text.exists():
            roots.append(read_source(text, check=False)[0].getroot())
    assert len(roots) > 40 and all(_rules_hold(r) for r in roots)
    rng, sch = random.Random(16), schematron()
    rejected = 0
    for _ in range(800):
        mutant = _mutant(copy.deepcopy(rng.choice(roots)), rng)
        valid = sch.validate(mutant)
        rejected += not valid
        assert valid or not _rules_hold(mutant), etree.tostring(mutant)[:2000]
    assert rejected > 100  # the mutants do break the rules


def _agenda_with(annexes: str, version: str = "2") -> etree._Element:
    """A provisional agenda of one item, then ``annexes``."""
    return etree.fromstring(
        f'<document id="d" type="agenda" xml:lang="en" version="{version}"><meta><title>Provisional'
        f' agenda</title><source file="d.txt" sha256="{"0" * 64}"/></meta><agenda>'
        f'<entry n="1"><title>Election of officers.</title></entry>{annexes}</agenda></document>')


def test_an_agenda_may_end_with_annexes() -> None:
    """R16: an agenda's annexes come after its items: each its heading, perhaps its title,
    then a programme of work (a note, then rows) or prose as in a paper's annex (numbered
    from 1 again in each); nothing else, nowhere else; @n is the number its heading prints."""
    from pipeline.validate import validate

    work = ('<annex><heading>Annex</heading><heading>Proposed programme of work</heading>'
            '<p>Subject to change.</p><entry n="1" day="2029-05-07" start="10:00" end="13:00">'
            '<title>Election of officers</title></entry></annex>')
    prose = ('<annex n="II"><heading>Annex II</heading><para n="1"><p>The Committee will meet.</p>'
             '</para><para n="2"><p>It will close.</p></para></annex>')
    assert validate(_agenda_with(work + prose), "x") == []
    assert validate(_agenda_with('<annex><heading>Annex</heading></annex>'), "x") == []
    for wrong in (work.replace("<p>Subject to change.</p>", "") .replace("</entry>", "</entry><p>After.</p>"),
                  prose.replace('<para n="1">', '<entry n="1"><title>T</title></entry><para n="1">'),
                  '<annex><p>No heading.</p></annex>',
                  prose.replace('<para n="2">', '<para n="3">'),
                  prose.replace('n="II"', 'n="III"'),
                  prose.replace('<heading>Annex II</heading>', '<heading>Annex II</heading>' * 3)):
        assert validate(_agenda_with(wrong), "x") != [], wrong
    moved = _agenda_with(work)
    moved.find("agenda").insert(0, moved.find("agenda/annex"))
    assert validate(moved, "x") != []  # before the items
    numbered = [d.message for d in validate(_agenda_with(prose.replace('n="II"', 'n="IV"')), "x")]
    assert any("must print its number" in m for m in numbered), numbered
