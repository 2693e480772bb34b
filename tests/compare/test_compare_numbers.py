"""Numbers written the usual way in each language count as the same value."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from pipeline.compare.numbers import numbers
from pipeline.writers.labels import format_date

#: (French, English, Spanish) ways of writing the same values; from the fixtures' NOTES.md.
SAME = [
    ("de 5 à 8\u00a0%", "by 5 to 8 per cent", "entre el 5 y el 8\u00a0%"),
    ("305 milliards de dollars E.-U.", "USD 305 billion", "305.000 millones de dólares EE.UU."),
    ("1\u00a0250 demandes", "1,250 requests", "1.250 solicitudes"),
    ("40\u00a0%", "40 per cent", "40\u00a0%"),
    ("le 12 mars 2009", "on 12 March 2009", "el 12 de marzo de 2009"),
    ("les 9 et 10 juin 2009", "on 9 and 10 June 2009", "los días 9 y 10 de junio de 2009"),
    ("20 avril 2009", "20 April 2009", "20 de abril de 2009"),
    ("mars 2009", "March 2009", "marzo de 2009"),
    ("de 10h00 à 10h30", "from 10:00 to 10:30", "de 10.00 a.m. a 10.30 a.m."),
    ("l’article 13(2)", "article 13(2)", "el artículo 13(2)"),
    ("un taux de 1,5\u00a0%", "a rate of 1.5 per cent", "una tasa del 1,5\u00a0%"),
    ("le 1er juillet 2008", "on 1 July 2008", "el 1º de julio de 2008"),
]


@pytest.mark.parametrize("fr, en, es", SAME)
def test_same_values_in_three_languages(fr: str, en: str, es: str) -> None:
    """Each row prints the same values: the multisets are equal."""
    assert numbers(fr, "fr") == numbers(en, "en") == numbers(es, "es")


def test_dates_become_iso_and_differences_show() -> None:
    """A changed day is a different value; words are not numbers."""
    assert numbers("le 12 mars 2009", "fr") == {"2009-03-12": 1}
    assert numbers("on 21 March 2009", "en") == {"2009-03-21": 1}
    assert numbers("six mois", "fr") == {}
    assert numbers("305 milliards", "fr") == {"305000000000": 1}
    assert numbers("2 billions d’euros", "fr") == numbers("2 trillion euros", "en")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_date_printed_in_each_language_is_the_same_iso(day: dt.date) -> None:
    """The writers' own date forms in en, fr, es all read back to the same ISO date."""
    iso = day.isoformat()
    for lang in ("en", "fr", "es"):
        assert numbers(f"le {format_date(iso, lang)}.", lang) == {iso: 1}


@given(st.integers(min_value=0, max_value=10**9))
def test_figures_with_thousands_separators(value: int) -> None:
    """1,234,567 (en), 1 234 567 (fr, no-break spaces), 1.234.567 (es) are one value."""
    en = f"{value:,}"
    fr = en.replace(",", "\u00a0")
    es = en.replace(",", ".")
    assert numbers(en, "en") == numbers(fr, "fr") == numbers(es, "es") == {str(value): 1}
