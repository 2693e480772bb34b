"""Pairing the units of two documents: one monotone alignment, two ways of scoring.

``align(a, b, score)`` pairs units in document order so that the sum of the pair scores is
the largest; a unit that pairs with nothing stands alone (a row with one side empty). Pairs
never cross: what comes before in A pairs with what comes before in B.

- ``TranslationScore`` (two languages): the structural key first (day and item by date and
  time, para by number, heading by position, footnote by number, person by position), with
  the numbers printed in both units, their length and their footnote references as
  evidence, so that a paragraph left out of a translation that renumbered the rest is found.
- ``RevisionScore`` (two revisions in one language): the similarity of the words first, the
  key as a tie-breaker, so that a renumbered but unchanged paragraph pairs with itself.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Callable, Optional

from .numbers import numbers
from .units import Unit

Pair = tuple[Optional[Unit], Optional[Unit]]
Score = Callable[[Unit, Unit], Optional[float]]


def align(a: list[Unit], b: list[Unit], score: Score) -> list[Pair]:
    """The best monotone pairing of ``a`` with ``b``; lone units keep their place."""
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        move[i][0] = "a"
    for j in range(1, m + 1):
        move[0][j] = "b"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j], move[i][j] = best[i - 1][j], "a"
            if best[i][j - 1] > best[i][j]:
                best[i][j], move[i][j] = best[i][j - 1], "b"
            s = score(a[i - 1], b[j - 1])
            if s is not None and best[i - 1][j - 1] + s >= best[i][j]:
                best[i][j], move[i][j] = best[i - 1][j - 1] + s, "pair"
    return _trace(a, b, move)


def _trace(a: list[Unit], b: list[Unit], move: list[list[str]]) -> list[Pair]:
    """Read the pairs back from the move table; lone A units come before lone B units."""
    pairs: list[Pair] = []
    i, j = len(a), len(b)
    while i or j:
        step = move[i][j]
        if step == "pair":
            pairs.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif step == "a":
            pairs.append((a[i - 1], None))
            i -= 1
        else:
            pairs.append((None, b[j - 1]))
            j -= 1
    pairs.reverse()
    return _lone_a_first(pairs)


def _lone_a_first(pairs: list[Pair]) -> list[Pair]:
    """Within each run of lone units, put A's before B's (stable)."""
    out: list[Pair] = []
    run: list[Pair] = []
    for pair in pairs + [(None, None)]:
        if pair[0] is not None and pair[1] is not None or pair == (None, None):
            out += [p for p in run if p[0] is not None] + [p for p in run if p[0] is None]
            run = []
            if pair != (None, None):
                out.append(pair)
        else:
            run.append(pair)
    return out


def same_name(a: str, b: str) -> bool:
    """True when two printed names are the same (Unicode form, spaces and case aside)."""
    def norm(s: str) -> str:
        """NFC, case-folded, single-spaced."""
        return " ".join(unicodedata.normalize("NFC", s).casefold().split())
    return norm(a) == norm(b)


def number_similarity(x: Counter, y: Counter) -> float:
    """Shared values over all values (multisets); 0.5 when neither unit has a number."""
    if not x and not y:
        return 0.5
    return sum((x & y).values()) / sum((x | y).values())


class TranslationScore:
    """Scores for pairing two language versions (see the module docstring)."""

    def __init__(self, a: list[Unit], b: list[Unit], lang_a: str, lang_b: str) -> None:
        """Read the numbers of every unit and the length ratio of the two versions."""
        self.numbers = {id(u): numbers(u.text, lang_a) for u in a}
        self.numbers.update({id(u): numbers(u.text, lang_b) for u in b})
        size_a = sum(len(u.text) for u in a) or 1
        self.ratio = (sum(len(u.text) for u in b) or 1) / size_a

    def __call__(self, a: Unit, b: Unit) -> float | None:
        """The score of pairing ``a`` with ``b``, or None when they cannot pair."""
        if a.kind != b.kind or a.kind == "meta" and a.key != b.key:
            return None
        s = 1.5 + (1.0 if a.key == b.key else 0.5 if a.loose == b.loose else 0.0)
        s += 2.0 * number_similarity(self.numbers[id(a)], self.numbers[id(b)])
        if a.kind == "person" and same_name(a.name, b.name):
            s += 2.0
        expected = len(a.text) * self.ratio
        if expected and b.text:
            s += min(expected, len(b.text)) / max(expected, len(b.text))
        return s + (0.5 if len(a.notes) == len(b.notes) else 0.0)

    def of(self, unit: Unit) -> Counter:
        """The numbers of a unit (computed once)."""
        return self.numbers[id(unit)]


def words(text: str) -> Counter:
    """The words of a text, lower-cased, as a multiset."""
    return Counter(re.findall(r"\w+", text.casefold()))


def similarity(x: Counter, y: Counter) -> float:
    """Dice coefficient of two word multisets (1.0 when both are empty)."""
    total = sum(x.values()) + sum(y.values())
    return 2 * sum((x & y).values()) / total if total else 1.0


class RevisionScore:
    """Scores for pairing two revisions of one document (see the module docstring)."""

    #: Below this similarity, units pair only when their structural keys agree.
    SIMILAR = 0.5

    def __init__(self, old: list[Unit], new: list[Unit]) -> None:
        """Count the words of every unit once."""
        self.words = {id(u): words(_full_text(u)) for u in old + new}

    def sim(self, a: Unit, b: Unit) -> float:
        """Word similarity of two units."""
        return similarity(self.words[id(a)], self.words[id(b)])

    def __call__(self, a: Unit, b: Unit) -> float | None:
        """The score of pairing ``a`` with ``b``, or None when they cannot pair."""
        if a.kind != b.kind or a.kind == "meta" and a.key != b.key:
            return None
        sim = self.sim(a, b)
        if a.key == b.key:
            return sim + 0.3
        if len(a.loose) > 1 and a.loose == b.loose and sim >= 0.2:
            return sim + 0.1
        return sim if sim >= self.SIMILAR else None


def _full_text(unit: Unit) -> str:
    """Text and note markers, for similarity."""
    return " ".join(value for _, value in unit.segments)
