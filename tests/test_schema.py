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
