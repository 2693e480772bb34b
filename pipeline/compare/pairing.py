"""Pairing the blocks of two revisions' DOCX (paragraphs, tables, rows), in order.

``pair(olds, news, key)`` aligns two lists of blocks: blocks of equal keys pair first
(``difflib``), then, in each stretch between them, blocks of the same words numbers aside
(a renumbered paragraph); in what is left, blocks of one kind pair where their words are
similar enough (SIMILAR), the pairing of the highest total similarity winning; a stretch
of equal length pairs in place what is not similar (a paragraph rewritten where it was).
A key is a block's tag, then its tokens' keys (``wordml.Token.key``) or its paragraphs'.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Callable

from lxml import etree

from .wordml import local

#: Blocks less similar than this (share of words in common) are not one block changed.
SIMILAR = 0.4
#: Past this many pairs to score, a changed stretch is paired in order.
MAX_SCORED = 10_000


def pair(olds: list[etree._Element], news: list[etree._Element],
         key: Callable[[etree._Element], tuple]
         ) -> list[tuple[etree._Element | None, etree._Element | None]]:
    """The two lists aligned in order: equal blocks, then blocks of equal words (numbers
    aside: a renumbered paragraph), then the most similar of the rest."""
    return _by(olds, news, [key(x) for x in olds], [key(y) for y in news], [_exact, _loose])


def _by(olds, news, a, b, levels):
    """Blocks whose keys are equal at the first level pair; each stretch between them is
    paired by the next level, and after the last by similarity."""
    if not levels or not olds or not news:
        return _similar(olds, news, a, b)
    ka, kb = interned([levels[0](k) for k in a], [levels[0](k) for k in b])
    out: list[tuple[etree._Element | None, etree._Element | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            out += list(zip(olds[i1:i2], news[j1:j2]))
        else:
            out += _by(olds[i1:i2], news[j1:j2], a[i1:i2], b[j1:j2], levels[1:])
    return out


def interned(*lists: list) -> list[list[int]]:
    """Keys as small numbers, equal keys equal numbers (difflib hashes them many times)."""
    ids: dict = {}
    return [[ids.setdefault(k, len(ids)) for k in keys] for keys in lists]


def _exact(key: tuple) -> tuple:
    """A block's whole key."""
    return key


def _loose(key: tuple) -> tuple:
    """A block's kind and words, without numbers or formatting."""
    return (key[0],) + tuple(w for w in _words(key) if not any(c.isdigit() for c in w))


def _words(key: tuple) -> list[str]:
    """The words of a block's key, for similarity."""
    if key and key[0] in ("p",):
        return [k[1] for k in key[1:] if k[0] == "t" and k[1].strip()]
    return [word for sub in key[1:] for word in _words(sub)]


def _similar(olds, news, a, b):
    """A changed stretch: blocks paired where similar enough (or, in a stretch of equal
    length, in place), in order, the others alone; the most similar pairing wins."""
    n, m = len(olds), len(news)
    if n * m > MAX_SCORED or n == 0 or m == 0:
        k = min(n, m) if all(local(x) == local(y) for x, y in zip(olds, news)) else 0
        return list(zip(olds[:k], news[:k])) + [(x, None) for x in olds[k:]] + \
            [(None, y) for y in news[k:]]
    wa, wb = [_words(k) for k in a], [_words(k) for k in b]

    def score(i: int, j: int) -> float | None:
        """How much pairing old i with new j is worth (None: not a pair)."""
        if local(olds[i]) != local(news[j]):
            return None
        sim = SequenceMatcher(None, wa[i], wb[j], autojunk=False).ratio() if wa[i] or wb[j] \
            else 1.0
        if sim >= SIMILAR:
            return sim
        return 0.01 if n == m and i == j else None
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + s if s is not None else -1.0)
    out, i, j = [], 0, 0
    while i < n or j < m:
        s = score(i, j) if i < n and j < m else None
        if s is not None and best[i][j] == best[i + 1][j + 1] + s:
            out.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            out.append((olds[i], None))
            i += 1
        else:
            out.append((None, news[j]))
            j += 1
    return out
