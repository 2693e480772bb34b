"""Stage 1, the cover: a title block the document prints twice is read once.

The Official Records of the UN (and only they: nothing happens to a text without the
line "Official Records" near its top) print a cover ("General Assembly" / "Official Records" /
"Seventy-ninth Session" / "Supplement No. 19", the title) and then a title page with the
same lines, wrapped differently. After ``remove_repeated_cover`` runs, a block of text
lines (between blank lines) near the top whose words repeat an earlier block's, or those of
a run of its lines, word for word, is debris: the first copy is the one read (the symbol,
which the title page prints beside the organ in some extractions, "General Assembly   A/79/19",
is left out of the comparison); so are the imprint at the cover's foot, the ISSN line and the
symbol printed down the cover's spine, a letter a line (pdfminer: "A" / "/" / "7" / "9" ...).
"""
from __future__ import annotations

import re

from .lexicon import RECORDS_RE, UN_NAME
from .masthead import SYMBOL_RE  # (a word: the masthead's symbol, "A/79/19")
from .normalise import Line, drop_lines

#: The imprint at the foot of the cover: "United Nations • New York, 2025".
IMPRINT_RE = re.compile(rf"^{UN_NAME}\s*[•·–-]\s*"
                        r"(?:New York|Nueva York|Geneva|Genève|Ginebra),?\s+\d{4}$"
                        r"|^ISSN\s+\d{4}-\d{3}[\dX]$")

#: Where the body starts: the first numbered paragraph or chapter.
_BODY_RE = re.compile(r"^(?:\d{1,3}\.(?:\s|$)|Chapter\s|Chapitre\s|Capítulo\s)")
#: A line of the spine: one character of the symbol.
_SPINE_RE = re.compile(r"^[A-Z0-9./]$")
#: The fewest lines of one character that make a spine (with a "/" among them).
SPINE_LINES = 4
#: How many lines from the top a repeated cover is looked for.
COVER_LINES = 150
#: A block repeated must have this many words at least (a lone symbol is other debris).
MIN_WORDS = 4
#: The longest run of lines of a block compared with a later block.
MAX_RUN = 12


def _blocks(lines: list[Line], limit: int) -> list[tuple[int, int]]:
    """(start, end) of each run of text lines among lines[:limit]."""
    out, start = [], None
    for i, line in enumerate(lines[:limit]):
        if line.kind == "text" and start is None:
            start = i
        elif line.kind != "text" and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, min(limit, len(lines))))
    return out


def remove_repeated_cover(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(kept, debris): the later copies of a block printed twice near the top."""
    limit = min(COVER_LINES, len(lines))
    if not any(ln.kind == "text" and RECORDS_RE.match(ln.text.strip()) for ln in lines[:limit]):
        return lines, []  # only the Official Records print their cover twice
    limit = next((k for k in range(limit) if lines[k].kind == "text"
                  and _BODY_RE.match(lines[k].text.strip())), limit)
    seen: set[tuple[str, ...]] = set()
    drop: set[int] = set()
    for start, end in _blocks(lines, limit):
        drop.update(k for k in range(start, end) if IMPRINT_RE.match(lines[k].text.strip()))
        drop.update(_spine(lines, start, end))
        words = tuple(w for ln in lines[start:end] for w in ln.text.split() if not SYMBOL_RE.match(w))
        if len(words) < MIN_WORDS:
            continue
        if words in seen:
            drop.update(range(start, end))
        for a in range(start, end):  # every run of whole lines of the block, as printed
            for b in range(a + 1, min(end, a + MAX_RUN) + 1):
                seen.add(tuple(w for ln in lines[a:b] for w in ln.text.split() if not SYMBOL_RE.match(w)))
    return drop_lines(lines, drop) if drop else (lines, [])


def _spine(lines: list[Line], start: int, end: int) -> range:
    """The lines of the block lines[start:end] that print the symbol down the cover's spine,
    a character a line; an empty range when the block is something else."""
    k = start
    while k < end and _SPINE_RE.match(lines[k].text.strip()):
        k += 1
    run = [lines[j].text.strip() for j in range(start, k)]
    if len(run) >= SPINE_LINES and "/" in run and run[0].isalpha():
        return range(start, k)
    return range(0)
