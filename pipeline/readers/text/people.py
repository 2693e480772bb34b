"""The people of an agenda item: who a line names, and how a person's text splits.

- ``split_honorific("H.E. Mr. Anders Lindqvist")`` is ``("H.E. Mr.", "Anders Lindqvist")``:
  forms of address are kept as printed, apart from the name ("Ambassador", "Embajador"
  printed before a name are forms of address too; after the name they are the role);
- ``parse_person("Dr Elif Yıldırım, Head of Policy – A talk")`` splits honorific, name (up
  to the first comma), role and the title of a talk (after a spaced dash);
- ``lead_in`` finds a person introduced inside a line ("Opening remarks by NAME, role",
  "Allocution d'ouverture de S.E. M. NAME, role", "Palabras de la Directora …, señora
  NAME"); the lead-in words stay in the item's title or description;
- ``starts_person`` and ``continues_person`` tell a new unbulleted person from a role
  wrapped onto the next line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .text import join_lines

#: One form of address, as printed (the longer spelling first).
_HONORIFIC = (r"(?:H\.\s?E\.|S\.\s?E\.|Excm[oa]s?\.|Mrs\.?|Mr\.?|Ms\.?|Mx\.|Dra\.?|Dr\.?|"
              r"Prof\.|Professor|Profesora?|Professeure?|Pr\.|Mmes?\.?|Mlle\.?|M\.|Srta\.|"
              r"Sra\.?|Sr\.?|[Ss]eñora|[Ss]eñor|Dña\.?|D\.|Ambassad(?:or|eur|rice)|Embajadora?|"
              r"Hon\.|Sir|Lic\.|Licda\.|Ing\.)")
#: Forms of address at the start of a text, before a capitalised word.
HONORIFIC_RE = re.compile(rf"^(?P<hon>{_HONORIFIC}(?:\s+{_HONORIFIC})*)\s+(?=[^\W\d_])")
#: Lower-case words inside a name ("Pieter van Dalen", "Rafael de la Torre").
PARTICLES = {"de", "da", "do", "dos", "das", "du", "des", "van", "von", "der", "den", "del",
             "della", "di", "la", "le", "bin", "binti", "ibn", "al", "el", "y", "e", "ten",
             "ter", "zu", "af", "abu"}
#: Words of offices and bodies: a wrapped role ("Foreign Affairs, Indonesia"), not a name.
OFFICE_WORDS = {
    "ministry", "ministère", "ministerio", "minister", "ministre", "ministro", "department",
    "département", "departamento", "office", "bureau", "oficina", "council", "conseil",
    "consejo", "institute", "institut", "instituto", "university", "université",
    "universidad", "organization", "organisation", "organización", "commission",
    "comisión", "affairs", "directorate", "dirección", "direction", "agency", "agence",
    "agencia", "centre", "center", "centro", "secretariat", "secretaría", "secrétariat",
    "mission", "misión", "programme", "program", "programa", "unit", "division", "service",
    "servicio", "foundation", "fundación", "fondation", "association", "asociación",
    "network", "réseau", "forum", "foro", "union", "unión", "bank", "banco", "banque",
    "nations", "united", "government", "gobierno", "gouvernement", "republic", "república",
    "république", "embassy", "embajada", "ambassade", "committee", "comité", "authority",
    "autoridad", "states", "state", "general", "director", "directora", "directeur",
    "directrice", "head", "chief", "adviser", "advisor", "officer", "representative",
    "permanent", "migration", "migración", "migrations", "policy", "research", "studies",
}
#: A number before a speaker ("1. NAME, role – Talk").
NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
#: The dash before the title of a talk, spaced ("role – Talk").
TALK_RE = re.compile(r"\s+[–—]\s+")
#: A word that introduces a person in a lead-in ("remarks by", "allocution de").
_LEAD_PREP_RE = re.compile(r"(?:\b(?:by|par|por|from|de|del|du|des)\s+|\bd[’'])"
                           r"(?:(?:la|le|el|the|l[’'])\s*)?", re.IGNORECASE)
#: The end of a sentence, at the end of a line or before the next one.
_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2}[.!?]['\"»”’)]*(?:\s+[A-ZÀ-Ý¿¡]|\s*$)")
#: Words a line may end with when the role goes on on the next line.
_OPEN_END_RE = re.compile(
    r"(?:[–—:,/&(-]|\b(?:de|du|des|la|le|les|of|and|the|for|on|in|to|et|y|del|los|las|el|en|"
    r"dans|pour|para|sur|à|a|con|with|au|aux|entre|between|an|its|their|sus|su|at|auprès|"
    r"ante|chez|d[’']|l[’']))$", re.IGNORECASE)


@dataclass
class Person:
    """The parts of a person as printed."""

    name: str
    honorific: str = ""
    role: str = ""
    talk: str = ""

    def element(self) -> etree._Element:
        """<person> honorific? name role? talk?."""
        person = etree.Element("person")
        for tag in ("honorific", "name", "role", "talk"):
            value = " ".join(getattr(self, tag).split())
            if value or tag == "name":
                etree.SubElement(person, tag).text = value
        return person


def split_honorific(text: str) -> tuple[str, str]:
    """(forms of address, the rest) of a text that starts with a name."""
    m = HONORIFIC_RE.match(text)
    if not m or not text[m.end():][:1].isupper():
        return "", text
    return m.group("hon"), text[m.end():]


def is_name(text: str, least: int = 2, most: int = 6) -> bool:
    """True when text reads as a person's name: capitalised words (particles between
    them), no office word, least to most of them."""
    words = text.split()
    caps = [w for w in words if w.lower() not in PARTICLES]
    if not caps or not words[0][:1].isupper() or not least <= len(caps) <= most \
            or words[0].rstrip(".").lower() in ("st", "ste", "saint", "sainte"):
        return False
    return all(w[:1].isupper() and not any(c.isdigit() for c in w)
               and w.strip("’'.,-").lower() not in OFFICE_WORDS for w in caps) \
        and not text.rstrip().endswith((":", "."))


def parse_person(text: str) -> Person:
    """A person from "Honorific Name, role – Talk" (the talk after the first spaced dash)."""
    text = " ".join(NUMBERED_RE.sub("", text.strip()).split())
    honorific, rest = split_honorific(text)
    name, comma, role = rest.partition(",")
    talk = ""
    if comma and (m := TALK_RE.search(role)) and role[:m.start()].strip():
        role, talk = role[:m.start()], role[m.end():]
    return Person(name.strip(), honorific, role.strip(), talk.strip())


def starts_person(text: str) -> bool:
    """True when an unbulleted line starts a person: forms of address then a name, or a
    name of two to six words then a comma."""
    text = NUMBERED_RE.sub("", text)
    honorific, rest = split_honorific(text)
    name, comma, _ = rest.partition(",")
    if honorific:
        return is_name(name, 1) and (bool(comma) or len(name.split()) <= 6)
    return bool(comma) and is_name(name)


def continues_person(prev: str, line: str, numbered: bool = False,
                     gap: bool = False) -> bool | None:
    """True when line goes on with the person of the line before it (a wrapped role or
    talk), False when it starts another person or something else (or follows a blank
    line, unless the line before it is left open), None when only the lines after it can
    tell (split_prose)."""
    if numbered and NUMBERED_RE.match(line):
        return False
    if line[:1].islower() or line[:1] in "–—(" or _OPEN_END_RE.search(prev.rstrip()):
        return not split_honorific(line)[0]
    if gap or starts_person(line) or line.rstrip().endswith((":", "?")):
        return False
    return True if len(line.split()) <= 6 else None


def split_prose(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the person's lines, a description printed after them) of an unbulleted person's
    lines: the description starts at a line that need not go on with the person (the
    first that reads as prose: mostly lower-case words, or a sentence break) and holds a
    sentence's end ("Rapporteur: NAME, role, Lesotho" / "Background paper prepared …")."""
    ends = [m for m in range(1, len(lines)) if _SENTENCE_END_RE.search(lines[m])]
    if not ends:
        return lines, []
    open_ = [k for k in range(1, ends[0] + 1) if continues_person(lines[k - 1], lines[k]) is None]
    prose = [k for k in open_ if _reads_as_prose(lines[k])]
    k = (prose or open_ or [0])[0]
    if not k or len(" ".join(lines[k:]).split()) < 8:
        return lines, []
    return lines[:k], lines[k:]


def _reads_as_prose(line: str) -> bool:
    """True when a line reads as a sentence rather than offices and bodies (capitalised)."""
    words = line.split()
    return bool(re.search(r"[^\W\d_]{2}[.!?]\s+[A-ZÀ-Ý]", line)) \
        or sum(w[:1].isupper() for w in words) < len(words) / 3


def lead_in(text: str) -> tuple[str, Person] | None:
    """(the lead-in words, the person) of a text that introduces a person: "Opening
    remarks by NAME, role", "Allocution de S.E. M. NAME, role" (a form of address, or
    "by", after at most six words), or "Palabras de la ROLE, señora NAME" (the role first,
    the name last)."""
    for m in _LEAD_PREP_RE.finditer(text, 0, 90):
        lead, rest = text[:m.end()], text[m.end():]
        if not lead[:1].isupper() or len(lead.split()) > 7 or ":" in lead:
            continue
        honorific, after = split_honorific(rest)
        name, comma, _ = after.partition(",")
        if honorific and is_name(name, 1) and (comma or len(name.split()) <= 6):
            return lead, parse_person(rest)
        if not honorific and m.group().split()[0].lower() in ("by", "par", "por") \
                and comma and is_name(name):
            return lead, parse_person(rest)
        if not honorific and comma and (tail := _role_first(rest)):
            return lead, tail
    return None


def _role_first(text: str) -> Person | None:
    """A person printed role first: "Directora General …, señora Lorena Castillo Méndez"."""
    role, _, last = text.rpartition(",")
    honorific, name = split_honorific(last.strip())
    if role and honorific and is_name(name, 1) and role[:1].isupper():
        return Person(name.strip(), honorific, role.strip())
    return None


def make_person(text: str) -> etree._Element:
    """<person> from "Honorific Name, role – Talk"."""
    return parse_person(text).element()


def split_people(text: str) -> list[str]:
    """Split a joined people text on " / " (two people on one line), and on "; " where
    each side is a person with a role ("A, Minister; B, Director")."""
    people: list[str] = []
    for part in re.split(r"\s+/\s+", text):
        pieces = [p.strip() for p in re.split(r";\s+", part) if p.strip()]
        if len(pieces) > 1 and all("," in p for p in pieces):
            people.extend(pieces)
        elif part.strip():
            people.append(part.strip())
    return people


def people_of(text: str) -> tuple[list[str], list[Person]]:
    """(lead-in words, people) of the joined text of one bullet or unbulleted entry."""
    leads: list[str] = []
    people: list[Person] = []
    for piece in split_people(text):
        found = None if starts_person(piece) else lead_in(piece)
        if found:
            leads.append(found[0].strip())
        people.append(found[1] if found else parse_person(piece))
    return leads, people


def plural_label(label: str) -> bool:
    """True when a label names several people ("Co-chairs", "Coprésidents", "Panellists")."""
    low = label.lower().rstrip()
    return bool(re.match(r"co[-\s]?[a-zé]", low) and not low.startswith("coord")) \
        or low.endswith(("s", "(s)", "(es)"))


#: Moderators or rapporteurs as read: (label, lines) per person.
Chairs = list[tuple[str | None, list[str]]]


def people_elements(desc: list[list[str]], moderators: Chairs, rapporteurs: Chairs,
                    speakers: list[list[str]], label: str | None,
                    numbered: bool) -> tuple[list[str], list[etree._Element]]:
    """(description paragraphs, moderator, rapporteur and speakers elements) of an item: a
    paragraph that introduces a person ("Palabras del Sr. NAME, role") leaves its lead-in
    words as the paragraph, the person goes to the speakers (unless they have a label), and
    so do the lead-ins of bulleted speakers; a paragraph printed after a person
    (split_prose) is a paragraph; a label over no one stays one."""
    paras: list[str] = []
    people: list[Person] = []
    for para in desc:
        text = join_lines(para)
        found = None if label or not text else lead_in(text)
        if found and not (text.endswith(".") and len(text.split()) >= 20):
            paras.append(found[0].strip())
            people.append(found[1])
        elif text:
            paras.append(text)
    out = []
    for tag, entries in (("moderator", moderators), ("rapporteur", rapporteurs)):
        for name, lines in entries:
            lines, prose = split_prose(lines)
            for text in split_people(join_lines(lines)):
                out.append(etree.Element(tag, {"label": name} if name else {}))
                out[-1].append(make_person(text))
            paras += [join_lines(prose)] if prose else []
            paras += [f"{name}:"] if name and not lines else []
    for lines in speakers:
        lines, prose = (lines, []) if numbered or " – " in " ".join(lines) else split_prose(lines)
        leads, found = people_of(join_lines(lines))
        paras += leads + ([join_lines(prose)] if prose else [])
        people += found
    if people:
        out.append(etree.Element("speakers", {"label": label} if label else {}))
        out[-1].extend(p.element() for p in people)
    return paras, out
