"""Structural variations of a raw text: paragraphs of a paper, bullets of an agenda.

Papers: the numbered paragraphs between two headings are shuffled and some are duplicated,
then every paragraph is renumbered 1..n. A paragraph that holds a page break, a footnote
block or a footnote marker is pinned: it keeps its place, so notes stay in order and page
bottoms stay where they were. Agendas: the speakers of an item, and its guiding questions,
are shuffled (and a question is sometimes repeated). Bullets are found by comparing the raw
lines with what the reader made of them (letters and digits only), so a bullet is moved
only when the generator knows exactly which lines it spans.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

PARA_START_RE = re.compile(r"^(?P<lead>[ \t\f\u00a0]*)(?P<n>\d{1,4})\.(?=[\s\u00a0]+\S)")
SEP_RE = re.compile(r"^(?:\s{10,}|\s*[_‗–—-]{5,}\s*)$")
PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|(?:page|página|pág\.|p\.)\s*\d{1,4}"
    r"(?:\s*(?:of|de|sur|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$", re.IGNORECASE)
#: A footnote marker glued to a word or punctuation, or a superscript digit.
MARKER_RE = re.compile(r"(?:[^\W\d_]|[,.;:!?”’»\"')\]])\d{1,3}(?!\d)(?=[\s,.;:)\]]|$)"
                       r"|[⁰¹²³⁴⁵⁶⁷⁸⁹]")
AGENDA_BULLET_RE = re.compile(r"^[ \t\f\u00a0]*[•·▪◦●○‣■□➢►*\-–—]\s+")


def _norm(line: str) -> str:
    """A line with its whitespace collapsed."""
    return " ".join(line.replace("\f", " ").split())


def _key(text: str) -> str:
    """Letters and digits only: how raw lines and the reader's text are compared."""
    return "".join(ch for ch in text if ch.isalnum())


# -- papers ---------------------------------------------------------------------------------
@dataclass
class Unit:
    """A run of raw lines: a numbered paragraph (``n``) or fixed text (``n`` is None)."""

    lines: list[str]
    n: int | None = None
    pinned: bool = True


def _para_starts(lines: list[str]) -> list[int]:
    """Indices of the lines that open numbered paragraphs 1, 2, ... (a skip of up to 3 is
    taken after a blank line, as the reader does)."""
    starts, last = [], 0
    for i, line in enumerate(lines):
        m = PARA_START_RE.match(line)
        if not m:
            continue
        n = int(m.group("n"))
        after_blank = i == 0 or not lines[i - 1].strip()
        if n == last + 1 or (last and last < n <= last + 3 and after_blank):
            starts.append(i)
            last = n
    return starts


def _heading_lines(lines: list[str], tree) -> set[int]:
    """Indices of raw lines that print a section heading of the reader's tree."""
    wanted = set()
    for h in tree.getroot().iter("heading"):
        text = _key(h.text or "")
        if text:
            wanted.update({text, _key(h.get("n", "")) + text})
    found = set()
    for i, line in enumerate(lines):
        key = _key(line)
        if key and key in wanted:
            found.add(i)
        elif key and i + 1 < len(lines) and key + _key(lines[i + 1]) in wanted:
            found.update({i, i + 1})
    return found


def _is_pinned(lines: list[str], noted: bool) -> bool:
    """A unit stays in place when it holds page layout or a footnote (block or marker)."""
    for line in lines:
        if "\f" in line or SEP_RE.match(line) or PAGE_NUMBER_RE.match(line):
            return True
        if re.match(r"^ \S", line):  # the seeds mark a page start with one leading space
            return True
    return noted or any(MARKER_RE.search(line) for line in lines)


def paper_units(text: str, tree) -> list[Unit]:
    """The raw lines cut into fixed text and numbered paragraphs (see the module docstring)."""
    lines = text.split("\n")
    starts = _para_starts(lines)
    if not starts:
        return [Unit(lines)]
    headings = _heading_lines(lines, tree)
    noted = {int(p.get("n")) for p in tree.getroot().iter("para") if p.find(".//noteref") is not None}
    cuts = sorted(set(starts) | headings)
    number = {start: k + 1 for k, start in enumerate(starts)}
    units = [Unit(lines[:starts[0]])]
    for k, start in enumerate(cuts):
        if start < starts[0]:
            continue
        end = next((c for c in cuts[k + 1:] if c > start), len(lines))
        chunk = lines[start:end]
        if start in number:
            n = number[start]
            units.append(Unit(chunk, n, _is_pinned(chunk, n in noted)))
        else:
            units.append(Unit(chunk))
    return units


def _ending_blank(lines: list[str]) -> list[str]:
    """A paragraph's lines ending with a blank line, so that it can be moved anywhere."""
    return lines if lines and not lines[-1].strip() else lines + [""]


def vary_sections(units: list[Unit], rng: random.Random, dup_rate: float) -> list[Unit]:
    """Shuffle the free paragraphs of each section among their places; add duplicates."""
    out: list[Unit] = []
    section: list[Unit] = []

    def close() -> None:
        free = [u for u in section if not u.pinned]
        copies = [Unit(_ending_blank(list(u.lines)), u.n, False)
                  for u in free for _ in range(_copies(rng, dup_rate))]
        shuffled = [Unit(_ending_blank(u.lines), u.n, False) for u in free] + copies
        rng.shuffle(shuffled)
        slots = [u for u in section]
        placed: list[Unit] = []
        for u in slots:
            if u.pinned:
                placed.append(u)
            elif shuffled:
                placed.append(shuffled.pop())
        for extra in shuffled:  # duplicates go to random places among the free ones
            placed.insert(_free_place(placed, rng), extra)
        out.extend(placed)
        section.clear()

    for unit in units:
        if unit.n is None:
            close()
            out.append(unit)
        else:
            section.append(unit)
    close()
    return out


def _copies(rng: random.Random, rate: float) -> int:
    """How many copies of a paragraph to add: ``rate`` on average."""
    whole, frac = divmod(rate, 1)
    return int(whole) + (rng.random() < frac)


def _free_place(placed: list[Unit], rng: random.Random) -> int:
    """An index where a duplicate may go: just after any paragraph that is not pinned."""
    spots = [i + 1 for i, u in enumerate(placed) if not u.pinned]
    return rng.choice(spots) if spots else len(placed)


def renumber(units: list[Unit]) -> str:
    """The text with paragraphs numbered 1..n in their new order."""
    out, n = [], 0
    for unit in units:
        lines = list(unit.lines)
        if unit.n is not None:
            n += 1
            lines[0] = PARA_START_RE.sub(lambda m: f"{m.group('lead')}{n}.", lines[0], count=1)
        out.extend(lines)
    return "\n".join(out)


def vary_paper(text: str, tree, rng: random.Random, dup_rate: float = 0.0) -> str:
    """A paper with its paragraphs shuffled within sections, some duplicated, renumbered."""
    return renumber(vary_sections(paper_units(text, tree), rng, dup_rate))


# -- agendas --------------------------------------------------------------------------------
def _bullet_span(lines: list[str], i: int, targets: list[str]) -> tuple[int, int] | None:
    """(index, entries) when the bullet at line i spans exactly lines i..index and prints the
    first ``entries`` (1 or 2, for "A, role / B, role") of ``targets``; blank lines skipped."""
    wants = [targets[0]] + ([targets[0] + targets[1]] if len(targets) > 1 else [])
    got = _key(AGENDA_BULLET_RE.sub("", lines[i], count=1))
    j = i
    while True:
        for k, want in enumerate(wants):
            if got == want:
                return j, k + 1
        if not any(w.startswith(got) for w in wants):
            return None
        j += 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or AGENDA_BULLET_RE.match(lines[j]):
            return None
        got += _key(lines[j])


def _groups(tree) -> list[list[str]]:
    """Keys of the entries of each bullet group: speakers of an item, questions of an item."""
    groups = []
    for sp in tree.getroot().iter("speakers"):
        groups.append([_key(" ".join(p.itertext())) for p in sp.iter("person")])
    for qs in tree.getroot().iter("questions"):
        groups.append([_key(" ".join(q.itertext())) for q in qs.iter("question")])
    return [g for g in groups if len(g) >= 2]


def bullet_runs(lines: list[str], tree) -> list[list[tuple[int, int]]]:
    """For each group of two or more bullets found in the raw lines: their (first, last) lines."""
    runs = []
    bullets = [i for i, ln in enumerate(lines) if AGENDA_BULLET_RE.match(ln)]
    for entries in _groups(tree):
        for b in bullets:
            spans, i, rest = [], b, list(entries)
            while rest:
                found = _bullet_span(lines, i, rest) if AGENDA_BULLET_RE.match(lines[i]) else None
                if not found:
                    break
                spans.append((i, found[0]))
                rest = rest[found[1]:]
                i = found[0] + 1
                while rest and i < len(lines) and not lines[i].strip():
                    i += 1
                if rest and i >= len(lines):
                    break
            if not rest and len(spans) >= 2:
                runs.append(spans)
                break
    return runs


def vary_agenda(text: str, tree, rng: random.Random, repeat: float = 0.2) -> str:
    """An agenda with the speakers and questions of each item in another order."""
    lines = text.split("\n")
    for spans in sorted(bullet_runs(lines, tree), reverse=True):
        if any("\f" in ln or PAGE_NUMBER_RE.match(ln) for a, b in spans for ln in lines[a:b + 1]):
            continue
        blocks = [lines[a:b + 1] for a, b in spans]
        gaps = [lines[b + 1:a2] for (_, b), (a2, _) in zip(spans, spans[1:])]
        rng.shuffle(blocks)
        if rng.random() < repeat:
            blocks.insert(rng.randrange(len(blocks) + 1), list(rng.choice(blocks)))
            gaps.insert(0, list(gaps[0]) if gaps else [])
        merged = []
        for k, block in enumerate(blocks):
            merged.extend(block)
            if k < len(gaps):
                merged.extend(gaps[k])
        lines[spans[0][0]:spans[-1][1] + 1] = merged
    return "\n".join(lines)
