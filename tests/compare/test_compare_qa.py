"""The QA fixture set: each kind of error a reviser looks for seeded once into a copy of a
seed's language version, each flagged on its unit; and no flag on the six seed pairs."""
from __future__ import annotations

from itertools import combinations
from typing import Callable

import pytest
from lxml import etree

from pipeline.compare.flags import check
from pipeline.documents import load_valid
from pipeline.validate import validate

PAPER, AGENDA = "idm2008-return-migration-paper", "idm2008-ws2-agenda"


@pytest.mark.parametrize("docid", [PAPER, AGENDA])
@pytest.mark.parametrize("pair", list(combinations(["en", "es", "fr"], 2)))
def test_no_flag_on_the_seed_pairs(seed, docid, pair):
    """The seeds are faithful translations: not one flag."""
    result = check(load_valid(seed(docid, pair[0])), load_valid(seed(docid, pair[1])))
    assert result.flags == [], [f.as_dict() for f in result.flags]


def _swap_texts(x: etree._Element, y: etree._Element) -> None:
    """Exchange the content of two text elements."""
    (x.text, y.text) = (y.text, x.text)


def _para(root: etree._Element, n: str) -> etree._Element:
    """The p of para n."""
    return root.find(f".//para[@n='{n}']/p")


def _item(root: etree._Element, start: str) -> etree._Element:
    """The first item starting at start."""
    return root.find(f".//item[@start='{start}']")


def swapped_paragraphs(root):
    """English paragraphs 4 and 5 exchanged (496 and 724 characters)."""
    _swap_texts(_para(root, "4"), _para(root, "5"))


def reordered_questions(root):
    """The first two questions of the 11:00 session exchanged."""
    q = _item(root, "11:00").findall(".//question")
    _swap_texts(q[0], q[1])


def reordered_speakers(root):
    """The first two speakers of the 11:00 session exchanged."""
    speakers = _item(root, "11:00").find("speakers")
    first = speakers[0]
    speakers.remove(first)
    speakers.insert(1, first)


def changed_number(root):
    """A year changed in paragraph 1."""
    p = _para(root, "1")
    p.text = p.text.replace("2008", "2007", 1)


def changed_date(root):
    """December 2008 became November 2008 in paragraph 2."""
    p = _para(root, "2")
    for node in (p, *p):
        for attr in ("text", "tail"):
            value = getattr(node, attr) or ""
            if "December 2008" in value:
                setattr(node, attr, value.replace("December 2008", "November 2008"))


def changed_time(root):
    """The 11:00 session ends at 12:30 instead of 13:00."""
    _item(root, "11:00").set("end", "12:30")


def changed_name(root):
    """A speaker's name misspelt."""
    name = _item(root, "11:00").find(".//speakers/person/name")
    name.text = name.text.replace("Sho-Sawyer", "Sho-Sawyier")


def moved_footnote(root):
    """The footnote reference of paragraph 2 moved to paragraph 1."""
    ref = _para(root, "2").find("noteref")
    ref.getparent().remove(ref)  # the text around it stays (noteref has no tail here)
    _para(root, "1").append(ref)


def untranslated_paragraph(root, english):
    """Paragraph 6 left in English."""
    _para(root, "6").text = _para(english, "6").text


def lost_accent(root):
    """The Spanish agenda's title typed with MIGRACION for MIGRACIÓN."""
    title = root.find("meta/title")
    assert "MIGRACIÓN" in title.text
    title.text = title.text.replace("MIGRACIÓN", "MIGRACION")


#: kind of error -> (document, the version spoiled, how, the flag expected on which units)
ERRORS: dict[str, tuple[str, str, Callable, str, set[str]]] = {
    "swapped": (PAPER, "en", swapped_paragraphs, "length", {"para 4", "para 5"}),
    "questions": (AGENDA, "en", reordered_questions, "order", {"item 2008-07-07 11:00–13:00"}),
    "speakers": (AGENDA, "en", reordered_speakers, "order", {"item 2008-07-07 11:00–13:00"}),
    "number": (PAPER, "en", changed_number, "number-mismatch", {"para 1"}),
    "date": (PAPER, "en", changed_date, "number-mismatch", {"para 2"}),
    "time": (AGENDA, "en", changed_time, "number-mismatch", {"item 2008-07-07 11:00–13:00"}),
    "name": (AGENDA, "en", changed_name, "name-mismatch",
             {"person 2 in item 2008-07-07 11:00–13:00"}),
    "footnote": (PAPER, "en", moved_footnote, "footnote-count", {"para 1", "para 2"}),
    "untranslated": (PAPER, "fr", untranslated_paragraph, "untranslated", {"para 6"}),
    "accents": (AGENDA, "es", lost_accent, "accents", {"title"}),
}


@pytest.mark.parametrize("error", list(ERRORS))
def test_each_seeded_error_is_flagged(seed, error):
    """French against the spoiled English (or the spoiled French or Spanish against
    English): the expected flag on the expected units, and no other flag of that kind."""
    docid, spoiled, spoil, kind, where = ERRORS[error]
    fr, en = load_valid(seed(docid, "fr" if spoiled == "en" else spoiled)), load_valid(seed(docid, "en"))
    target = en if spoiled == "en" else fr
    if spoil is untranslated_paragraph:
        spoil(target.getroot(), en.getroot())
    else:
        spoil(target.getroot())
    assert validate(target, error) == []  # still a valid document: only the text is wrong
    flags = check(fr, en).flags
    assert {f.unit for f in flags if f.kind == kind} == where, [f.as_dict() for f in flags]


def test_each_question_is_a_unit(seed):
    """A question left in French in the English version is flagged on that question alone
    (questions are units of their own, as paragraphs and persons are); the questions'
    swap of the fixture set is flagged as an order on the item."""
    fr, en = load_valid(seed(AGENDA, "fr")), load_valid(seed(AGENDA, "en"))
    english = _item(en.getroot(), "11:00").findall(".//question")[2]
    english.text = _item(fr.getroot(), "11:00").findall(".//question")[2].text
    flags = check(fr, en).flags
    assert [(f.kind, f.unit) for f in flags] == [
        ("untranslated", "question 3 in item 2008-07-07 11:00–13:00")]


def test_a_french_house_that_accents_capitals_is_held_to_it(seed):
    """The French seeds leave every capital unaccented (a house rule: no flag); a version
    that writes État once is checked, and its other Etat and Etats are flagged, with the
    spelling expected, in the French version ("b")."""
    fr = load_valid(seed(PAPER, "fr"))
    para = fr.getroot().find(".//para[@n='1']/p")
    assert "les Etats Membres" in para.text
    para.text = para.text.replace("les Etats Membres", "les États Membres")
    flags = [f for f in check(load_valid(seed(PAPER, "en")), fr).flags if f.kind == "accents"]
    assert flags and all(f.side == "b" for f in flags)
    words = {w.strip() for f in flags for w in f.arg("words").split(",")}
    assert words == {"Etat → État", "Etats → États"}
    assert "para 1" not in {f.unit for f in flags}


def test_the_page_links_flags_rows_and_documents(seed, tmp_path):
    """The summary lists the flagged rows as links; a link shows the flagged rows only (CSS
    :target, no script); each row links to its unit in both documents' pages."""
    import subprocess

    import lxml.html

    from compare_support import ROOT, pipeline_command

    build = tmp_path / "build"
    for folder in ("xml", "html", "compare"):
        (build / folder).mkdir(parents=True)
    fr, en = build / "xml" / f"{PAPER}.fr.xml", build / "xml" / f"{PAPER}.en.xml"
    fr.write_bytes(seed(PAPER, "fr").read_bytes())
    tree = etree.parse(str(seed(PAPER, "en")))
    swapped_paragraphs(tree.getroot())
    tree.write(str(en), encoding="utf-8", xml_declaration=True)
    page = build / "compare" / f"{PAPER}.fr-en.html"
    for cmd in (["render", fr, "--to", "html", "-o", build / "html" / f"{PAPER}.fr.html"],
                ["render", en, "--to", "html", "-o", build / "html" / f"{PAPER}.en.html"],
                ["align", fr, en, "-o", page]):
        proc = subprocess.run(pipeline_command() + list(map(str, cmd)), capture_output=True,
                              text=True, cwd=ROOT, timeout=300)
        assert proc.returncode == 0, proc.stderr
    root = lxml.html.parse(str(page)).getroot()
    listed = root.xpath("//ul[@class='flag-list']//a/@href")
    assert listed == [f"#{tr.get('id')}" for tr in root.xpath("//tr[@class='flagged']")]
    assert len(listed) == 2 and "paragraphe 4\u00a0: Longueur inattendue" in root.xpath("string(//ul[@class='flag-list'])")
    assert root.xpath("//a[@href='#flags-only']") and \
        root.xpath("//span[@id='flags-only']/following-sibling::table[@id='aligned']")
    assert "#flags-only:target ~ table.aligned tbody tr:not(.flagged) { display: none; }" in \
        root.xpath("string(//style)")
    links = root.xpath("//a[@class='to-page']/@href")
    assert len(links) >= 2 * 17  # every paragraph, in both pages
    for href in links:
        target, frag = href.split("#")
        assert lxml.html.parse(str(page.parent / target)).getroot().xpath(f"//*[@id='{frag}']"), href
