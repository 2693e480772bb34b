"""Lines that name people or dates, which the heading rules of paper.py never take.

- ``person_line("Rapporteur: Ms. Hana Kobayashi (Japan)")``, ``person_line("Hana Kobayashi
  (Japan)")`` and ``person_line("Mr. Tomasz Wrona")`` are true; ``person_line("D.
  Documentation")`` is false (a lettered heading, not the Spanish "Don");
- ``office_line("Vice-Chairs:")`` is true: with person lines, a list of officers;
- ``date_alone("16 March 2026")``, ``date_alone("March 16, 2026")`` are true (datelines);
- ``participants_list(lines)``: a sixth of the lines name a person (a list of participants,
  whose headings are in capitals).
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate

from .normalise import Line
from .people import _HONORIFIC, HONORIFIC_RE, is_name, split_honorific
from .times import find_date, is_date_line

#: An office before the person who holds it, in a list of officers ("Vice-Chairs: ").
_ROLE_RE = re.compile(r"^[^\W\d_][\w’'-]*(?:\s+[\w’'-]+){0,3}\s?:\s+(?=\S)")
#: An office alone on its line, above the person who holds it ("Rapporteur:").
_OFFICE_RE = re.compile(r"^[^\W\d_][\w’'-]*(?:\s+[\w’'-]+){0,3}\s?:$")
#: A heading's roman numeral or capital letter, before its title ("D. Documentation").
_NUMERAL_RE = re.compile(r"^(?:[IVXLC]+|[A-H])\.[\s\u00a0]+\S")
#: A row's first words (a country of one to four words), then HONORIFIC_RE's forms of
#: address before a name ("Chile Ms. Ana Ruiz"), on a text of single spaces.
_ROW_NAME_RE = re.compile(r"^\S+(?: \S+){0,3} " + HONORIFIC_RE.pattern.removeprefix("^"))
#: The country a person represents, in brackets at the end of the line (" (Poland)").
_COUNTRY_RE = re.compile(r"\s\((?:[^\W\d_][^()]{1,60})\)$")
#: A form of address anywhere in a line, its spaces as printed (not yet single): what a
#: line that names a person holds, unless it ends with a bracket; "señor", "Señora" are
#: looked for apart ("eñor"), so that the pattern's first letters are capitals that re
#: skips to (eight times faster than with a lower-case "s" among them).
_ANY_HONORIFIC_RE = re.compile(_HONORIFIC.replace(r"\s?", r"\s*").replace("[Ss]eñora|[Ss]eñor|", ""))


def _may_name(text: str) -> bool:
    """False when the line surely names no person (person_line, _names_in_row): no form of
    address in it, and no bracket at its end. Most lines of a long text are let go so."""
    return text.rstrip().endswith(")") or "eñor" in text or bool(_ANY_HONORIFIC_RE.search(text))


def person_line(text: str) -> bool:
    """True when the line names a person: a form of address before a name ("Mr. Nathaniel
    Khng"; "D. Documentation" is a lettered heading, not Don Documentation), a name with
    the country in brackets ("Hana Kobayashi (Japan)"), perhaps after an office
    ("Rapporteur: Ms. Hana Kobayashi (Japan)"): a line of a list of participants or of
    officers, never a heading."""
    if not _may_name(text):
        return False
    text = " ".join(text.split())
    role = _ROLE_RE.match(text) if ":" in text else None
    rest = text[role.end():] if role else text
    honorific, name = split_honorific(rest)
    if not honorific and not name.endswith(")"):
        return False  # neither a form of address nor a country in brackets
    country = _COUNTRY_RE.search(name)
    name = name[:country.start()] if country else name.partition(",")[0]
    if honorific:
        return not _NUMERAL_RE.match(text) or is_name(name)
    return bool(country) and is_name(name)


#: A person and the country in brackets, at the start of what follows an office ("Tomasz
#: Wrona (Poland) Vice-Chairs: ...", pdfminer joining the lines of a list of officers).
_NAME_COUNTRY_RE = re.compile(r"^[^\W\d_][\w’'.-]*(?: [^\W\d_][\w’'.-]*){1,4} \([^\W\d_][^()]{1,60}\)")


def _officers_run(text: str) -> bool:
    """True when the line is an office and the person who holds it, with the country in
    brackets, and more after them ("Chair: Tomasz Wrona (Poland) Vice-Chairs: Amina Diallo
    (Senegal)"): the lines of a list of officers run together, never a heading."""
    role = _ROLE_RE.match(text) if ":" in text else None
    return bool(role) and bool(_NAME_COUNTRY_RE.match(text[role.end():]))


def names_person(text: str) -> bool:
    """True when the line names a person (person_line) or is a row of a list of
    participants that does after its first words ("Norway Ms. Ingrid Dahl", "Owusu Ms. Anna
    Sigurdardottir", as pypdf runs a table's rows together) or a list of officers run
    together (_officers_run): a heading in capitals may come right under it, though it ends
    no sentence."""
    return person_line(text) or _names_in_row(text) or _officers_run(" ".join(text.split()))


def office_line(text: str) -> bool:
    """True when the line is an office alone, above the person who holds it ("Chair:")."""
    return bool(_OFFICE_RE.match(text))


def never_heading(text: str) -> bool:
    """True when the line, short and unpunctuated as it may be, is never a heading: a
    person (person_line) or a row that names one (names_person, "Organization
    Representative Alpine Road Commission Ms. Lena Brunner"), a date or a place and date
    alone (the dateline of a statement or a decision, "16 March 2026", "March 16, 2026")."""
    text = " ".join(text.split())
    return names_person(text) or date_alone(text) or bool(_TO_BE_CONSIDERED_RE.match(text))


#: Who is to consider a document, under its title (the Council of Europe's "Item to be
#: considered by the GR-J at its meeting on 17 March 2026"): a line of the document's own.
_TO_BE_CONSIDERED_RE = re.compile(r"^(?:Items?|Documents?|Points?)\s+(?:to be considered|à examiner|examiné)\s+(?:by|par)\b",
                                  re.I)


def date_alone(text: str) -> bool:
    """True when the line is only a date ("March 16, 2026" too, which is_date_line would
    read as the place "March 16" before a year) or a place and a date."""
    found = find_date(text)
    return is_date_line(text) or bool(found) and found[1].group(0) == text.strip(" .")


def participants_list(lines: list[Line]) -> bool:
    """True when the text is a list of participants: ten lines or more, a sixth of its
    lines at least, name a person, at their start or after a country ("Chile Ms. Ana
    Ruiz", a row as pypdf prints it). Its headings are then in capitals ("RAPPORTEUR",
    "OBSERVER STATES"); a line in small letters is a country or a name, never a heading."""
    texts = [ln.text for ln in lines if ln.kind == "text"]
    people = sum(1 for t in _naming(texts) if person_line(t) or _names_in_row(t))
    return people >= 10 and people >= len(texts) / 6


#: A bracket at the end of a text, the texts joined by NUL (_naming).
_BRACKET_END_RE = re.compile(r"\)\s*(?=\x00|\Z)")


def _naming(texts: list[str]) -> list[str]:
    """The texts that may name a person (_may_name), in any order: its searches made once
    over the texts joined by NUL (a line holds none: normalise drops it; no pattern of
    _may_name matches it), not once a text."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return [t for t in texts if _may_name(t)]
    ends = list(accumulate(len(t) + 1 for t in texts))  # (the index after each text's NUL)
    found = {bisect.bisect_right(ends, m.start()) for rx in (_ANY_HONORIFIC_RE, _BRACKET_END_RE)
             for m in rx.finditer(joined)}
    k = joined.find("eñor")
    while k >= 0:
        found.add(bisect.bisect_right(ends, k))
        k = joined.find("eñor", k + 1)
    return [texts[k] for k in found]


def _names_in_row(text: str) -> bool:
    """True when a form of address and a name follow the row's first words (a country of
    up to four words)."""
    return _may_name(text) and bool(_ROW_NAME_RE.match(" ".join(text.split())))
