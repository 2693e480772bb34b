"""The sentence segmenter: stops, abbreviations of each language, initials, quotes."""
from __future__ import annotations

import pytest

from pipeline.translate.segment import sentences

CASES = [
    ("en", "Mr. Smith met Dr. Jones at 10 a.m. on Monday. They spoke. See para. 4 and No. 5 below.",
     ["Mr. Smith met Dr. Jones at 10 a.m. on Monday.", "They spoke.",
      "See para. 4 and No. 5 below."]),
    ("en", "The answer was no. J. K. Rowling agreed, e.g. on the point (see p. 12). Why? “Because.” Fine!",
     ["The answer was no.", "J. K. Rowling agreed, e.g. on the point (see p. 12).", "Why?",
      "“Because.”", "Fine!"]),
    ("fr", "M. Dupont et Mme Durand sont arrivés. S.E. M. Diallo a parlé, cf. art. 3 du texte. Fin.",
     ["M. Dupont et Mme Durand sont arrivés.", "S.E. M. Diallo a parlé, cf. art. 3 du texte.", "Fin."]),
    ("fr", "Le débat est ouvert. « Qui parle ? » demande-t-il.",
     ["Le débat est ouvert.", "« Qui parle ? » demande-t-il."]),
    ("es", "El Sr. Pérez y la Sra. Gómez llegaron. ¿Quién habla? Nadie, según el párr. 5 del informe.",
     ["El Sr. Pérez y la Sra. Gómez llegaron.", "¿Quién habla?",
      "Nadie, según el párr. 5 del informe."]),
    ("es", "La respuesta fue no. Véanse las págs. 3 a 5. Fin.",
     ["La respuesta fue no.", "Véanse las págs. 3 a 5.", "Fin."]),
    ("en", "A year: 2008. Then more.", ["A year: 2008.", "Then more."]),
    ("en", "no stop at the end", ["no stop at the end"]),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_sentences(lang, text, expected):
    """Each case is cut where a reader would, and the pieces give the text back."""
    assert sentences(text, lang) == expected
    assert " ".join(expected) == text
