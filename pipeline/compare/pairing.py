"""Pairing the blocks of two revisions' DOCX (paragraphs, tables, rows), in order.

``pair(olds, news, key)`` aligns two lists of blocks: blocks of equal keys pair first
(``difflib``); in each stretch between them, blocks of one kind pair where their words are
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
    """The two lists aligned in order: equal blocks, then the most similar of the rest."""
    a, b = [key(x) for x in olds], [key(y) for y in news]
    out: list[tuple[etree._Element | None, etree._Element | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += list(zip(olds[i1:i2], news[j1:j2]))
        else:
            out += _similar(olds[i1:i2], news[j1:j2], a[i1:i2], b[j1:j2])
    return out


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
