"""Roman numerals, as paragraphs, sections and lists print them (one table for every module)."""
from __future__ import annotations

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """A positive number in upper-case roman numerals (12 -> "XII"); "" for 0 or less."""
    out = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value) if number > 0 else (0, 0)
        out += letters * count
    return out
