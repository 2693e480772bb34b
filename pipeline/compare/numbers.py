"""Numbers in a unit's text, normalised so that two languages can be compared.

``numbers(text, lang)`` returns the multiset of values printed in ``text``, each written one
way whatever the language:
- dates in words become ISO ("12 mars 2009", "12 March 2009", "12 de marzo de 2009" ->
  ``2009-03-12``; "9 et 10 juin 2009" -> two dates); a month and year becomes ``2009-03``;
- times become ``T10:00`` ("10h00", "10:00", "10 a.m.");
- article numbers stay whole (``13(2)``, ``13(2)(a)``);
- figures lose their thousands separators and use a dot for decimals, read the way the
  language writes them ("1 250" and "1,250" -> ``1250``; "1,5" in French -> ``1.5``);
- a scale word multiplies the figure, as each language means it ("305 milliards",
  "USD 305 billion", "305.000 millones" -> ``305000000000``; a French "billion" is 10^12);
- ordinal endings are dropped ("1er", "21st" -> ``1``, ``21``).
Words for numbers ("six mois") are not numbers; footnote markers are not in the text at all.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ..readers.text.lexicon import MONTH_RE
from ..readers.text.times import DATE_RANGE_RE, DATE_RE, _date, _iso_of

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
MONTH_YEAR_RE = re.compile(
    r"(?<!\w)(?P<m>" + MONTH_RE + r")\.?\s+(?:de\s+|del\s+)?(?P<y>\d{4})(?!\w)", re.IGNORECASE)
TIME_RES = (
    re.compile(r"(?<![\w.,])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s?(?P<ap>[ap])\.?\s?m\.?(?!\w)",
               re.IGNORECASE),
    re.compile(r"(?<![\w.,])(?P<h>\d{1,2})\s?(?:h|:)\s?(?P<m>\d{2})(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![\w.,])(?P<h>\d{1,2})\s?h(?!\w)", re.IGNORECASE),
)
ARTICLE_RE = re.compile(r"(?<!\d)\d+(?:\.\d+)*(?:\([0-9a-z]{1,4}\))+", re.IGNORECASE)
ORDINAL = r"(?:ère|re|er|ème|e|st|nd|rd|th|º|ª|°|o|a)?"
#: Figures per language: (pattern, thousands separators, decimal mark).
FIGURES = {
    "en": (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", ",", "."),
    "fr": (r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?", " ", ","),
    "es": (r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?", ". ", ","),
}

#: Scale words after a figure, per language (longest first), and what they multiply by.
SCALES = {
    "en": {"trillion": 12, "billion": 9, "bn": 9, "million": 6},
    "fr": {"milliards": 9, "milliard": 9, "billions": 12, "billion": 12, "millions": 6,
           "million": 6},
    "es": {"mil millones": 9, "millardos": 9, "millardo": 9, "billones": 12, "billón": 12,
           "millones": 6, "millón": 6},
}


def numbers(text: str, lang: str) -> Counter[str]:
    """The multiset of normalised values printed in ``text`` (see the module docstring)."""
    return Counter(value for value, _ in printed_numbers(text, lang))


def printed_numbers(text: str, lang: str) -> list[tuple[str, str]]:
    """Each value in ``text`` as (normalised value, as printed), in order of extraction."""
    text = text.translate(SPACES)
    found: list[tuple[str, str]] = []
    for finder in (_date_ranges, _dates, _month_years, _times, _articles):
        text = finder(text, found)
    _figures(text, lang, found)
    return found


def _blank(text: str, match: re.Match) -> str:
    """``text`` with the span of ``match`` replaced by spaces (offsets stay valid)."""
    return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def _date_ranges(text: str, found: list[tuple[str, str]]) -> str:
    """Take out "7 – 8 juillet 2008": two ISO dates."""
    for m in list(DATE_RANGE_RE.finditer(text)):
        a = _date(m.group("y"), m.group("mon"), m.group("d1"))
        b = _date(m.group("y"), m.group("mon"), m.group("d2"))
        if a and b:
            found += [(a, m.group()), (b, m.group())]
            text = _blank(text, m)
    return text


def _dates(text: str, found: list[tuple[str, str]]) -> str:
    """Take out dates in words: one ISO date each."""
    for m in list(DATE_RE.finditer(text)):
        iso = _iso_of(m)
        if iso:
            found.append((iso, m.group().strip()))
            text = _blank(text, m)
    return text


def _month_years(text: str, found: list[tuple[str, str]]) -> str:
    """Take out "mars 2009", "March 2009", "marzo de 2009": YYYY-MM."""
    for m in list(MONTH_YEAR_RE.finditer(text)):
        iso = _date(m.group("y"), m.group("m"), "1")
        if iso:
            found.append((iso[:7], m.group()))
            text = _blank(text, m)
    return text


def _times(text: str, found: list[tuple[str, str]]) -> str:
    """Take out times of day: THH:MM."""
    for pattern in TIME_RES:
        for m in list(pattern.finditer(text)):
            parts = m.groupdict()
            hour, minute, ampm = int(parts["h"]), int(parts.get("m") or 0), parts.get("ap")
            if ampm:
                hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
            if hour <= 23 and minute <= 59:
                found.append((f"T{hour:02d}:{minute:02d}", m.group()))
                text = _blank(text, m)
    return text


def _articles(text: str, found: list[tuple[str, str]]) -> str:
    """Take out article numbers such as 13(2)(a), kept whole."""
    for m in list(ARTICLE_RE.finditer(text)):
        found.append((m.group().lower(), m.group()))
        text = _blank(text, m)
    return text


def _figures(text: str, lang: str, found: list[tuple[str, str]]) -> None:
    """Add the remaining figures, read with the language's separators."""
    base = lang.split("-")[0].lower()
    pattern, thousands, decimal = FIGURES.get(base, FIGURES["en"])
    regex = re.compile(r"(?<!\d)(?P<fig>" + pattern + r")" + ORDINAL + r"(?![\d])")
    scales = SCALES.get(base, SCALES["en"])
    scale_re = re.compile(r"\s+(?P<w>" + "|".join(scales) + r")(?!\w)", re.IGNORECASE)
    for m in regex.finditer(text):
        value = m.group("fig")
        for sep in thousands:
            value = value.replace(sep, "")
        number, printed = Decimal(value.replace(decimal, ".")), m.group()
        scale = scale_re.match(text, m.end())
        if scale:
            number = number.scaleb(scales[scale.group("w").lower()])
            printed += scale.group()
        found.append((_canonical(number), printed))


def _canonical(number: Decimal) -> str:
    """A figure in plain notation, without leading or trailing zeros ("07" -> "7")."""
    text = format(number.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")
