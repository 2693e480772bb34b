"""Capitals that lost their accents: ``Etat`` or ``ECONOMIQUE`` where the language writes
``État``, ``ÉCONOMIQUE`` (used by flags.check for French and Spanish versions).

``Spelling(units, lang)`` learns how one document spells its words; ``lost(unit)`` lists
each word of a unit whose accent is missing on a capital letter, with the spelling
expected: ``[("Etat", "État")]``. The spelling expected is the document's own (the word
seen elsewhere in it with its accent, in any case), else the word in ACCENTED; never for a
word the document also writes in small letters without the accent (fr ``a`` / ``à``, es
``el`` / ``él``), nor for the names of persons.

French typesetting long left capitals unaccented, and a house may still do so: a French
document is checked only when it accents a capital somewhere (its own rule, then broken).
Spanish accents its capitals always.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .units import Unit

WORD = re.compile(r"[^\W\d_]+")
#: Accented capitals of each language checked.
CAPITALS = {"fr": set("ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"), "es": set("ÁÉÍÓÚÑÜ")}
#: Languages whose capitals may go unaccented by a house's rule.
OPTIONAL = {"fr"}
#: Words whose capital often loses its accent in these documents (in small letters).
ACCENTED = {
    "fr": ("état", "états", "étude", "études", "économie", "économique", "économiques",
           "éducation", "égalité", "élection", "élections", "énergie", "évaluation",
           "également", "étranger", "étrangers", "étrangère", "étrangères", "équipe",
           "développement", "rôle", "réunion", "réunions", "séance", "débat", "intégration",
           "réintégration", "sécurité", "société", "stratégie", "ministère", "conférence",
           "comité", "première", "deuxième", "journée", "assemblée", "général", "générale",
           "européenne", "européen"),
    "es": ("migración", "diálogo", "reunión", "sesión", "día", "presentación", "política",
           "políticas", "económica", "económico", "público", "pública", "integración",
           "reintegración", "organización", "cooperación", "información", "educación",
           "población", "situación", "práctica", "prácticas", "relación", "gestión",
           "comisión", "países", "país", "también", "según", "análisis", "área", "áfrica",
           "américa", "méxico", "perú", "inauguración"),
}


def plain(word: str) -> str:
    """The word without its accents, letter for letter ("État" -> "Etat")."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in word)


def prose(unit: Unit) -> str:
    """The text of a unit that is the language's own (a person's name left out)."""
    text = unicodedata.normalize("NFC", unit.text)
    if unit.kind == "person" and text.startswith(unit.name):
        return text[len(unit.name):]
    return text


class Spelling:
    """How one language version spells its accented words."""

    def __init__(self, units: Iterable[Unit], lang: str) -> None:
        """Learn the accented words of a document in lang (fr-CH counts as fr)."""
        self.lang = lang.split("-")[0].lower()
        words = [w for u in units for w in WORD.findall(prose(u))]
        small = {w for w in words if w.islower()}
        forms: dict[str, set[str]] = {}
        for w in [w.lower() for w in words] + list(ACCENTED.get(self.lang, ())):
            if plain(w) != w:
                forms.setdefault(plain(w), set()).add(w)
        self.expected = {base: next(iter(f)) for base, f in forms.items()
                         if len(f) == 1 and base not in small}
        capitals = CAPITALS.get(self.lang, set())
        self.checked = bool(capitals) and (self.lang not in OPTIONAL or any(
            c in capitals for w in words for c in w))

    def lost(self, unit: Unit) -> list[tuple[str, str]]:
        """The words of unit printed without an accent its spelling has on a capital."""
        if not self.checked:
            return []
        out = []
        for word in WORD.findall(prose(unit)):
            expected = self.expected.get(plain(word.lower()))
            if word.islower() or expected is None or len(expected) != len(word):
                continue
            fixed = "".join(e.upper() if w.isupper() and w == plain(w) and e != plain(e)
                            else w for w, e in zip(word, expected))
            if fixed != word:
                out.append((word, fixed))
        return list(dict.fromkeys(out))
