"""Joining wrapped lines into running text, with line-end hyphenation undone."""
from __future__ import annotations

import re
from contextvars import ContextVar

from .lexicon import COMPOUND_PREFIXES

#: Lower-cased words of the document being read, to decide line-end hyphens.
VOCABULARY: ContextVar["frozenset[str] | Vocabulary"] = ContextVar("VOCABULARY", default=frozenset())

_HYPHEN_END_RE = re.compile(r"(\w+)[-‐]$")
_SPACES_RE = re.compile(r" {2,}")
_WORD_START_RE = re.compile(r"^(\w+)")
_ELISION_RE = re.compile(r"^\w{1,2}['’]")
WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")


def is_caps(text: str, min_letters: int = 1) -> bool:
    """True when text has at least ``min_letters`` letters and all of them are capitals."""
    if not text.isupper():  # (a cased letter in lower case, or none: most lines, at C speed)
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= min_letters and all(c.isupper() for c in letters)


def document_vocabulary(lines: list[str]) -> frozenset[str]:
    """Every word of the text, lower-cased, hyphenated compounds both whole and split."""
    words: set[str] = set()
    for k in range(0, len(lines), 512):  # by chunks: never a list of every word of the text
        words.update(WORD_RE.findall("\n".join(lines[k:k + 512]).lower()))
    for w in [w for w in words if "-" in w or "‐" in w]:
        words.update(w.replace("‐", "-").split("-"))
    return frozenset(words)


class Vocabulary:
    """The document_vocabulary of a text's lines, gathered at the first look-up (most
    texts have no line-end hyphen before a lower-case word, and never look one up)."""

    __slots__ = ("_texts", "_words")

    def __init__(self, texts: list[str]):
        self._texts: list[str] | None = texts
        self._words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words, self._texts = document_vocabulary(self._texts or []), None
        return word in self._words


def keeps_hyphen(left: str, right: str) -> bool:
    """Decide whether ``left-`` at a line end and ``right`` on the next line is one
    hyphenated word (True) or one word broken by hyphenation (False)."""
    if not right or not right[0].islower():
        return True  # "Sho-" + "Sawyer", "ex-" + "Yugoslavia", "COVID-" + "19"
    if _ELISION_RE.match(right):
        return True  # "main-" + "d’œuvre"
    vocab = VOCABULARY.get()
    whole = (left + _WORD_START_RE.match(right).group(1)).lower() if _WORD_START_RE.match(right) else ""
    hyphenated = f"{left}-{right.split()[0]}".lower().rstrip(".,;:!?)")
    if hyphenated in vocab:
        return True
    if whole and whole in vocab:
        return False
    return left.lower() in COMPOUND_PREFIXES


def _in_url(text: str) -> bool:
    """True when the last token of text is (part of) a web address."""
    token = text[text.rfind(" ") + 1:]
    return "://" in token or token.startswith("www.") or token.count("/") >= 2


#: A paragraph's number at the start of a line ("7.  Discussing"): never the end of a cut word.
_PARA_NUMBER_RE = re.compile(r"^\d{1,3}\.\s")


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines with one space, undoing hyphenation at line ends."""
    parts: list[str] = []
    for raw in texts:
        piece = raw.strip()
        if "  " in piece:
            piece = _SPACES_RE.sub(" ", piece)
        if not piece:
            continue
        if not parts:
            parts.append(piece)
            continue
        last = parts[-1]
        m = _HYPHEN_END_RE.search(last[-80:]) if last[-1] in "-‐" else None
        if m and _in_url(last):
            parts.append(piece)  # a web address cut at its own hyphen: "…/rural-" + "employment"
        elif m and _PARA_NUMBER_RE.match(piece):
            parts.append(" " + piece)  # "Under-Secretary-" + "7.  Discussing": pdfminer's order
        elif m:
            if keeps_hyphen(m.group(1), piece):
                parts.append(piece)
            else:
                parts[-1] = last[:-1]
                parts.append(piece)
        elif last.endswith("/") and not last.endswith(" /"):
            parts.append(piece)
        else:
            parts.append(" " + piece)
    return "".join(parts)
