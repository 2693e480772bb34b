"""The checks a reviser makes beyond numbers and names (used by flags.check):

- ``length``: a unit much longer or shorter than its counterpart should be, given the ratio
  of lengths measured for the language pair on the seeds (RATIOS, or the two documents'
  own ratio for another pair): two swapped paragraphs are both flagged;
- ``untranslated``: a unit of prose whose text is the same in both versions;
- ``order``: the questions of an item, or its persons, in another order (the same names in
  another sequence; questions whose lengths and numbers fit better in another order).
"""
from __future__ import annotations

import math
import re
from itertools import permutations

from .numbers import numbers
from .units import Unit

#: Length of a version in the second language over the first, measured on the seeds
#: (units of 80 characters or more): en->fr 1.127 (sd 0.074), en->es 1.105 (sd 0.067),
#: es->fr 1.020 (sd 0.040).
RATIOS = {("en", "fr"): 1.127, ("en", "es"): 1.105, ("es", "fr"): 1.020}
#: How far a unit's ratio may stray from the expected one (the seeds stay within 1.17).
TOLERANCE = 1.25
#: Units shorter than this (in the shorter version) vary too much to judge by length.
MIN_LENGTH = 80
WORDS = re.compile(r"[^\W\d_]{2,}")


def expected_ratio(lang_a: str, lang_b: str, fallback: float) -> float:
    """The expected length ratio of B over A for the pair (fallback when not measured)."""
    a, b = lang_a.split("-")[0], lang_b.split("-")[0]
    if (a, b) in RATIOS:
        return RATIOS[a, b]
    if (b, a) in RATIOS:
        return 1 / RATIOS[b, a]
    return fallback


def length_off(a: Unit, b: Unit, ratio: float) -> float | None:
    """B's length over what A's length predicts, when it strays beyond TOLERANCE."""
    la, lb = len(a.text), len(b.text)
    if min(la, lb) < MIN_LENGTH or a.kind == "meta":
        return None
    off = lb / (la * ratio)
    return off if abs(math.log(off)) > math.log(TOLERANCE) else None


def untranslated(a: Unit, b: Unit) -> bool:
    """True when a unit of prose (three words or more) reads the same in both versions."""
    if a.kind in ("person", "meta") or len(WORDS.findall(a.text)) < 3:
        return False
    return " ".join(a.text.split()) == " ".join(b.text.split())


def question_order(qa: list[str], qb: list[str], lang_a: str, lang_b: str,
                   ratio: float) -> tuple[int, ...] | None:
    """The order of B's questions that fits A's much better than their own, or None."""
    if len(qa) != len(qb) or not 1 < len(qa) <= 7:
        return None

    num_a = [numbers(q, lang_a) for q in qa]
    num_b = [numbers(q, lang_b) for q in qb]
    misfit = [[abs(math.log(max(1, len(y)) / (max(1, len(x)) * ratio)))
               + (0 if num_a[i] == num_b[j] else 1.0) for j, y in enumerate(qb)]
              for i, x in enumerate(qa)]

    def cost(order: tuple[int, ...]) -> float:
        """Misfit of pairing A's question i with B's question order[i]."""
        return sum(misfit[i][j] for i, j in enumerate(order))

    same = tuple(range(len(qa)))
    best = min(permutations(same), key=cost)
    if best != same and cost(best) + math.log(TOLERANCE) < cost(same) * 0.5:
        return best
    return None


def names_reordered(names_a: list[str], names_b: list[str]) -> bool:
    """True when the same names are printed in another order."""
    norm = [[" ".join(n.casefold().split()) for n in names] for names in (names_a, names_b)]
    return norm[0] != norm[1] and sorted(norm[0]) == sorted(norm[1])
