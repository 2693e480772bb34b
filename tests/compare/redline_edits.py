"""Revisions made by hand from the English seeds, for the redline tests (our own words).

``edited_agenda`` and ``edited_paper`` take a seed's tree and return a copy with the edits
their docstrings list; both stay valid documents (``pipeline.renumber`` numbers them again).
"""
from __future__ import annotations

import copy

from lxml import etree

from compare_support import remove_keep_tail
from pipeline.renumber import renumber


def _person(name: str, role: str) -> etree._Element:
    """A person element."""
    person = etree.Element("person")
    etree.SubElement(person, "name").text = name
    etree.SubElement(person, "role").text = role
    return person


def _item(root: etree._Element, date: str, start: str) -> etree._Element:
    """The item of that day starting at start."""
    return root.find(f"agenda/day[@date='{date}']/item[@start='{start}']")


def edited_agenda(tree: etree._ElementTree) -> etree._ElementTree:
    """Day 1: a moderator given to the 10:00 opening; a speaker added at the end of
    Session I; Session II's second question reworded, a word of its description
    emphasised; an 18:00 reception added at the end of the day. Day 2: the 13:00 break
    removed; Session III's second speaker removed; the 10:00 statement's discussion
    removed."""
    new = copy.deepcopy(tree)
    root = new.getroot()
    opening = _item(root, "2008-07-07", "10:00")
    moderator = etree.Element("moderator", label="Chair")
    moderator.append(_person("Lena Okafor", "Head of Protocol, IOM"))
    opening.find("title").addnext(moderator)
    _item(root, "2008-07-07", "11:00").find("speakers").append(
        _person("Tomás Reyes Ibarra", "Director of Consular Services, Ministry of Foreign Affairs, Chile"))
    session2 = _item(root, "2008-07-07", "15:00")
    question = session2.findall("questions/question")[1]
    question.text = "Which return programmes have worked best, and why?"
    p = session2.find("p")
    _emphasise_first_word(p)
    reception = etree.SubElement(root.find("agenda/day[@date='2008-07-07']"), "item",
                                 start="18:00", end="18:30", kind="other")
    etree.SubElement(reception, "title").text = "Reception offered by the host country"
    day1 = root.find("agenda/day[@date='2008-07-07']")
    end = day1.find("end")
    if end is not None:
        end.addprevious(reception)
    day2 = "2008-07-08"
    brk = _item(root, day2, "13:00")
    brk.getparent().remove(brk)
    speakers = _item(root, day2, "10:30").find("speakers")
    speakers.remove(speakers[1])
    statement = _item(root, day2, "10:00")
    statement.remove(statement.find("discussion"))
    return new


def without_day_two(tree: etree._ElementTree) -> etree._ElementTree:
    """The agenda with its second day (heading, table of items, end) removed."""
    new = copy.deepcopy(tree)
    day = new.getroot().find("agenda/day[@date='2008-07-08']")
    day.getparent().remove(day)
    return new


def edited_paper(tree: etree._ElementTree) -> etree._ElementTree:
    """A new first paragraph; footnote 1 and its reference removed; footnote 2's text
    changed; a new footnote on paragraph 4; a word of paragraph 5 emphasised; the first
    heading reworded; the last paragraph removed."""
    new = copy.deepcopy(tree)
    root = new.getroot()
    body = root.find("body")
    paras = body.findall(".//para")
    fresh = etree.Element("para", n="0")
    etree.SubElement(fresh, "p").text = ("This paper was revised after the consultations of "
                                         "October 2008; its numbering has changed.")
    paras[0].addprevious(fresh)
    notes = root.find("footnotes")
    first_ref = root.find(".//noteref[@to='fn1']")
    remove_keep_tail(first_ref)
    notes.remove(notes.find("footnote[@id='fn1']"))
    notes.find("footnote[@id='fn2']").text = ("Article 13(2) of the Universal Declaration of "
                                              "Human Rights states the right to return.")
    p4 = paras[3].find("p")
    ref = etree.SubElement(p4, "noteref", to="fn9")
    note = etree.SubElement(notes, "footnote", id="fn9", n="9")
    note.text = "On spontaneous return, see the studies listed in the annex."
    _emphasise_first_word(paras[4].find("p"))
    heading = body.find(".//heading")
    heading.text = (heading.text or "") + ": the questions"
    last = body.findall(".//para")[-1]
    last.getparent().remove(last)
    assert ref is not None
    renumber(root)
    return new


def _emphasise_first_word(p: etree._Element) -> None:
    """The first word of p inside emph."""
    word, _, rest = (p.text or "").partition(" ")
    emph = etree.Element("emph")
    emph.text, emph.tail = word, " " + rest
    p.text = ""
    p.insert(0, emph)
