"""The people of an agenda item, one shape each: honorifics, talks, lead-ins, wrapped roles."""
from __future__ import annotations

import pytest

from pipeline.readers.text.people import (continues_person, lead_in, parse_person, plural_label,
                                          split_honorific, split_prose, starts_person)


@pytest.mark.parametrize("text, honorific, name", [
    ("H.E. Mr. Anders Lindqvist", "H.E. Mr.", "Anders Lindqvist"),
    ("Dr Samuel Okafor", "Dr", "Samuel Okafor"),
    ("Dr. Rahul Singh", "Dr.", "Rahul Singh"),
    ("H.E. Dr Ratna Sari Dewi", "H.E. Dr", "Ratna Sari Dewi"),
    ("S.E. M. Levan Beridze", "S.E. M.", "Levan Beridze"),
    ("S.E. Mme Lindiwe Nkosi", "S.E. Mme", "Lindiwe Nkosi"),
    ("Mme Awa Ndiaye", "Mme", "Awa Ndiaye"),
    ("Excmo. Sr. Embajador Rodrigo Lagos Vial", "Excmo. Sr. Embajador", "Rodrigo Lagos Vial"),
    ("señora Lorena Castillo Méndez", "señora", "Lorena Castillo Méndez"),
    ("Dra. Rosaura Meléndez", "Dra.", "Rosaura Meléndez"),
    ("Ambassador Kalinda Mwape", "Ambassador", "Kalinda Mwape"),
    ("Dña. Elena Ruiz", "Dña.", "Elena Ruiz"),
    ("Mrs Ruth Baker", "Mrs", "Ruth Baker"),
    ("Margaret Otieno", "", "Margaret Otieno"),
    ("Mr.Smith", "", "Mr.Smith"),  # no space: not a form of address the reader can split
])
def test_honorifics_apart_from_the_name(text, honorific, name):
    """Forms of address are kept as printed, apart from the name."""
    assert split_honorific(text) == (honorific, name)


def test_a_talk_after_the_role():
    """A spaced dash after the role opens the title of the talk; the number goes."""
    p = parse_person("1. Sr. Andrés Figueroa Baeza, Jefe del Departamento, Chile – Regularización: "
                     "balance de tres años")
    assert (p.honorific, p.name, p.role, p.talk) == (
        "Sr.", "Andrés Figueroa Baeza", "Jefe del Departamento, Chile",
        "Regularización: balance de tres años")
    assert parse_person("Jean-Paul Ranaivo, Director – Legal Affairs").talk == "Legal Affairs"
    assert parse_person("Ana Costa – Lisbon").talk == ""  # no role: the dash is the name's


@pytest.mark.parametrize("text, lead, honorific, name, role", [
    ("Opening remarks by Helena Markovic, Deputy Director General, IOM",
     "Opening remarks by ", "", "Helena Markovic", "Deputy Director General, IOM"),
    ("Welcome by Ambassador Pieter van Dalen, Chair-in-Office of the Forum",
     "Welcome by ", "Ambassador", "Pieter van Dalen", "Chair-in-Office of the Forum"),
    ("Allocution d’ouverture de S.E. M. Levan Beridze, Vice-ministre de l’Intérieur, Géorgie",
     "Allocution d’ouverture de ", "S.E. M.", "Levan Beridze", "Vice-ministre de l’Intérieur, Géorgie"),
    ("Palabras del Excmo. Sr. Julián Arrieta Solís, Viceministro",
     "Palabras del ", "Excmo. Sr.", "Julián Arrieta Solís", "Viceministro"),
    ("Palabras de la Directora General de Migración, señora Lorena Castillo Méndez",
     "Palabras de la ", "señora", "Lorena Castillo Méndez", "Directora General de Migración"),
])
def test_lead_ins(text, lead, honorific, name, role):
    """A person introduced inside a line: the lead-in words, then the person."""
    found = lead_in(text)
    assert found is not None
    assert (found[0], found[1].honorific, found[1].name, found[1].role) == (lead, honorific, name, role)


@pytest.mark.parametrize("text", [
    "Statements by the President of the General Assembly, the Secretary-General and the Chair",
    "Closing remarks by the Director General",
    "Résumé des débats par le Président de l’Assemblée générale",
    "Summaries of the round tables by their co-chairs and closing statement by the President",
])
def test_no_lead_in_without_a_named_person(text):
    """An office named in a line is not a person."""
    assert lead_in(text) is None


@pytest.mark.parametrize("line, person", [
    ("H.E. Ms. Gunilla Aspelund, State Secretary for Migration, Sweden", True),
    ("Sra. Patricia Oyarzún", True),
    ("Yasmin Abdi Warsame, Head, Diaspora Affairs Unit, Somalia", True),
    ("Trafficking, Australia", False),
    ("Foreign Affairs, Indonesia", False),
    ("Migration Policy Institute, Washington", False),
    ("United Nations Office at Geneva, Chairperson of the IOM Council", False),
    ("The round table will consider how the contribution of migrants", False),
])
def test_a_line_that_starts_a_person(line, person):
    """An unbulleted person starts with a form of address, or a name and a comma."""
    assert starts_person(line) is person


@pytest.mark.parametrize("prev, line, numbered, goes_on", [
    ("H.E. Dr Ratna Sari Dewi, Director, Ministry of", "Foreign Affairs, Indonesia", False, True),
    ("Mr. Callum Fraser, Ambassador for People Smuggling and Human", "Trafficking, Australia", False, True),
    ("S.E. Mme Lindiwe Nkosi, Représentante permanente auprès de", "l’Organisation des Nations Unies", False, True),
    ("Sr. Mauricio Delgado Paz, Director General, Guatemala", "Sra. Patricia Oyarzún, Cónsul", False, False),
    ("1. Rashid Al-Mansouri, Director, Ministry of Foreign Affairs,", "2. Grace Otieno, Officer", True, False),
    ("Marisol Quintero Vega, Head, Ministry of Health,", "Costa Rica", False, True),
    ("Rapporteur: Nomvula Dlamini, Adviser, Lesotho",
     "Background paper prepared by the roundtable team with the support of the Unit", False, None),
])
def test_a_wrapped_role_goes_on(prev, line, numbered, goes_on):
    """A role wrapped onto the next line is the same person's; another person is not."""
    assert continues_person(prev, line, numbered) is goes_on


def test_a_paragraph_after_a_person():
    """Prose printed after an unbulleted person is told from the rest of the role by its
    sentence."""
    lines = ["H.E. Ms. Gunilla Aspelund, State Secretary for Migration, Sweden",
             "The round table will consider how the contribution of migrants to development could be",
             "reflected in the goals and targets of the future framework.",
             ]
    assert split_prose(lines) == (lines[:1], lines[1:])
    role = ["Carlos Segura, Minister Counsellor, Permanent",
            "Mission of the Dominican Republic to the United Nations and other international",
            "organizations in Geneva"]
    assert split_prose(role) == (role, [])


@pytest.mark.parametrize("label, many", [
    ("Co-chairs", True), ("Coprésidents", True), ("Co-presidentes", True), ("Panellists", True),
    ("Chair", False), ("Président", False), ("Moderador/a", False), ("Coordinator", False)])
def test_a_label_over_several_people(label, many):
    """Co- and plural labels are over several people."""
    assert plural_label(label) is many
