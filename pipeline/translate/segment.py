"""Sentences of English, French and Spanish prose, for a translation memory.

``sentences(text, lang)`` cuts after a full stop, question or exclamation mark (and any
closing quote or bracket after it) followed by a space and a capital, a digit or an
opening quote or bracket, as CAT tools' default rules do; and never after an abbreviation
of the language (``Mr.``, ``M.``, ``Sr.``, ``p.``, ``No.``...), an initial (``J. Smith``)
or a number's dot. The pieces joined with single spaces give the text back.
"""
from __future__ import annotations

import re

#: Abbreviations after which a stop ends no sentence, by language (lower-cased, no dot).
ABBREVIATIONS = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "h.e", "st", "no", "nos", "art", "arts", "para",
           "paras", "p", "pp", "vol", "fig", "e.g", "i.e", "cf", "vs", "approx", "dept",
           "co", "inc", "ltd", "jr", "sr", "rev", "gen", "gov", "amb", "a.m", "p.m", "u.s",
           "u.k", "u.n", "jan", "feb", "mar", "apr", "aug", "sept", "oct", "nov", "dec"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "s.e", "ll.ee", "me", "n°",
           "art", "al", "par", "p", "pp", "vol", "chap", "cf", "env", "ex", "av", "boul",
           "éd", "etc.)", "janv", "févr", "avr", "juill", "sept", "oct", "nov", "déc"},
    "es": {"sr", "sra", "sres", "srta", "dr", "dra", "d", "dña", "s.e", "ud", "uds", "núm",
           "n.º", "art", "arts", "párr", "pág", "págs", "p", "pp", "vol", "cap", "cf",
           "ej", "aprox", "av", "avda", "ene", "feb", "abr", "ago", "sept", "oct", "nov", "dic"},
}
#: Abbreviations that stop no sentence only before a number ("No. 5", but "said no.").
BEFORE_NUMBER = {"no", "nos", "n°", "núm", "n.º", "p", "pp", "para", "paras", "párr", "pág",
                 "págs", "art", "arts", "vol", "chap", "cap", "fig"}
#: A possible end: the stop, closing marks, the spaces, then what starts a sentence.
END = re.compile(r"[.?!…]+[\"'”’»)\]\ue000-\ue0ff]*(\s+)(?=[\"'“‘«(\[¿¡]*\s?[\dA-ZÀ-ÖØ-ÞĀ-Ž])")
WORD_BEFORE = re.compile(r"(\S+)$")


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of text (see the module docstring)."""
    known = ABBREVIATIONS.get(lang.split("-")[0], set()) | ABBREVIATIONS["en"]
    out, start = [], 0
    for m in END.finditer(text):
        if _no_break(text[start:m.start()], text[m.start():m.start(1)], known,
                     text[m.end():m.end() + 1].isdigit()):
            continue
        out.append(text[start:m.start(1)].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _no_break(before: str, stop: str, known: set[str], number_next: bool) -> bool:
    """True when the stop ends an abbreviation, an initial or a number, not a sentence."""
    if not stop.startswith("."):
        return False
    m = WORD_BEFORE.search(before)
    if not m:
        return True
    word = m.group(1).lstrip("(\"'“‘«[").casefold()
    if word in BEFORE_NUMBER:
        return number_next and stop == "."
    if stop.rstrip(".") != "" or len(stop) > 1:  # "word.)" or "word..": a real end
        return word in known and stop == "."
    return word in known or (len(word) == 1 and word.isalpha())
