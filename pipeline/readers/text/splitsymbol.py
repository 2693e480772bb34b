"""A UN document's symbol printed apart from its large first letters, put back together.

The masthead prints the first letter of each symbol larger than the rest ("A/79/718-S/2025/21":
the A and the S), on a baseline of their own. An extractor that groups characters into
lines by their height (pdfplumber's ``extract_text``) prints those letters as a line of their
own above the rest of the symbol, which goes with "United Nations" on the next line::

    A S                                       A/79/718-S/2025/21
    United Nations /79/718- /2025/21    ->    United Nations
    General Assembly                          General Assembly

and a symbol whose letters all stand on the masthead's line loses only the rest of it to
the next line ("United Nations UNW" / "/2025/1"). Only the first text lines are looked at.
"""
from __future__ import annotations

import re

from .lexicon import UN_NAME
from .normalise import Line

#: The letters alone: one to four capitals or runs of capitals ("A S", "A E", "E").
_LETTERS_RE = re.compile(r"^[A-Z]{1,5}(?: [A-Z]{1,5}){0,3}$")
#: The rest of a symbol, from its first slash ("/79/718-", "/2025/201*", "/AC.109/2025/18").
_PIECE_RE = re.compile(r"(?<!\S)/[A-Z0-9][A-Za-z0-9./()*]*-?(?!\S)")
#: A masthead line that ends with a symbol's letters ("United Nations UNW").
_ENDS_IN_LETTERS_RE = re.compile(rf"^{UN_NAME}\s+([A-Z]{{1,10}})$")
#: The United Nations' name printed a word a line.
_STACKED_NAME = {("UNITED", "NATIONS"), ("NATIONS", "UNIES"), ("NACIONES", "UNIDAS")}
#: How many of the first text lines are looked at.
_HEAD = 4


def join_split_symbol(lines: list[Line]) -> list[Line]:
    """lines with a symbol split from its first letters put back together (module
    docstring); the same lines otherwise."""
    head = [i for i, ln in enumerate(lines[:40]) if ln.kind == "text"][:_HEAD]
    if len(head) > 1 and (lines[head[0]].text.strip(), lines[head[1]].text.strip()) in _STACKED_NAME:
        # the organisation's name a word a line, as UNEP's logo prints it ("UNITED" / "NATIONS")
        lines[head[0]].text = f"{lines[head[0]].text.strip()} {lines[head[1]].text.strip()}"
        return join_split_symbol(lines[:head[1]] + lines[head[1] + 1:])
    for a, b in zip(head, head[1:]):
        upper, lower = lines[a].text.strip(), lines[b].text
        if _LETTERS_RE.match(upper):
            pieces = list(_PIECE_RE.finditer(lower))
            if pieces and len(pieces) == len(upper.split()):
                # the symbol whole on the letters' line, above the rest (as pdftotext prints it)
                lines[a].text = _with_letters(pieces, upper.split())
                lines[b].text = " ".join(_PIECE_RE.sub(" ", lower).split())
                return lines if lines[b].text else lines[:b] + lines[b + 1:]
        ends = _ENDS_IN_LETTERS_RE.match(upper)
        first = _PIECE_RE.match(lower.strip())
        if ends and first and first.end() == len(lower.strip()):
            lines[a].text = f"{upper}{first.group(0)}"  # "United Nations UNW" + "/2025/1"
            return lines[:b] + lines[b + 1:]
    return lines


def _with_letters(pieces: list[re.Match], letters: list[str]) -> str:
    """The symbols, each letter before its piece, the pieces of a joint symbol ("A/79/718-"
    then "S/2025/21") joined, others apart by a space."""
    out = ""
    for k, (m, letter) in enumerate(zip(pieces, letters)):
        glue = "" if not k or pieces[k - 1].group(0).endswith("-") else " "
        out += glue + letter + m.group(0)
    return out
