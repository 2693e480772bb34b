"""Text-level variations of a raw text: years, days of the month, agenda times, names, symbols.

Each function returns the text unchanged when its variation cannot be applied safely (a
time printed in a form it cannot shift without changing its width, a day that would leave
the month, ...): the corpus must stay parseable, so a variation that might not is skipped.
The reader's own patterns (``pipeline.readers.text.times``) find what to change, so the
generator sees dates and times exactly as the reader will.
"""
from __future__ import annotations

import random
import re
from collections import Counter

from pipeline.readers.text.times import DATE_RANGE_RE, DATE_RE, TIME_RANGE_RE, match_time_range

YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
#: Names given to the people of an agenda; letters that cp1252 and latin-1 can encode.
NAMES = [
    "Amina Diallo", "Tomás Varela", "Ingrid Solberg", "Kwame Mensah", "Pierre-Yves Marchand",
    "Lucía Fernández Ortega", "Hannah Okafor", "Rafael Monteiro", "Sofía Castellanos",
    "Jean-Baptiste Nkurunziza", "Mariam Haddad", "Olivier Dufresne", "Elena Petrova",
    "Kenji Watanabe", "Fatou Ndiaye", "Andrés Quintero", "Claire Beaumont", "Yusuf Demir",
    "Beatriz Almeida", "Samuel Osei", "Ana María Restrepo", "Thomas Lindqvist",
    "Nadia Benali", "Marco Bianchi", "Grace Wanjiru", "Hélène Carpentier", "Diego Salazar",
    "Priya Raman", "Joaquín Herrera", "Agnès Moreau", "Peter Novak", "Zainab Yusuf",
    "Carlos Ibáñez", "Mette Sørensen", "Luis Alberto Paredes", "Chantal Mbeki",
    "Víctor Gutiérrez", "Rosa Delgado", "Martin Krüger", "Aïcha Traoré",
]


def shift_years(text: str, delta: int) -> str:
    """Move the document's years (the most printed one and its neighbours) by ``delta``."""
    years = Counter(int(y) for y in YEAR_RE.findall(text))
    if not years or not delta:
        return text
    main = years.most_common(1)[0][0]

    def repl(m: re.Match) -> str:
        year = int(m.group(1))
        return str(year + delta) if abs(year - main) <= 1 else m.group(1)

    return YEAR_RE.sub(repl, text)


def _day_spans(text: str) -> list[tuple[int, int]]:
    """Where the days of the month of every printed date and range of dates are."""
    spans = set()
    for m in DATE_RANGE_RE.finditer(text):
        spans.update((m.span("d1"), m.span("d2")))
    for m in DATE_RE.finditer(text):
        for group in ("d1", "d2"):
            if m.group(group):
                spans.add(m.span(group))
    return sorted(spans)


def shift_days(text: str, delta: int) -> str:
    """Move every printed day of the month by ``delta`` when all stay within 1..28 and none
    carries an ordinal suffix ("1er", "2nd") that would no longer fit."""
    spans = _day_spans(text)
    if not spans or not delta:
        return text
    days = [int(text[a:b]) for a, b in spans]
    if any(not 1 <= d + delta <= 28 for d in days) or any(text[b:b + 1].isalpha() for _, b in spans):
        return text
    out = text
    for (a, b), day in sorted(zip(spans, days), reverse=True):
        out = out[:a] + str(day + delta) + out[b:]
    return out


def _reader_text(line: str) -> str:
    """A line as the agenda reader matches it: tabs and form feeds out, spaces collapsed."""
    return re.sub(r" {2,}", " ", line.replace("\t", " ").replace("\f", "")).strip()


def _minutes(hhmm: str | None) -> int | None:
    """Minutes since midnight of "HH:MM"."""
    return None if hhmm is None else int(hhmm[:2]) * 60 + int(hhmm[3:])


def _shift_token(m: re.Match, side: str, target: int) -> list[tuple[int, int, str]] | None:
    """Edits that print the time of ``side`` ("s" or "e") as ``target`` minutes, same width."""
    hour, minute = divmod(target, 60)
    edits = []
    ampm = m.group(side + "ampm")
    printed_h = m.group(side + "h")
    if ampm:
        h12 = hour % 12 or 12
        letter = ("a" if hour < 12 else "p")
        letter = letter.upper() if ampm.isupper() else letter
        edits.append((*m.span(side + "ampm"), letter))
        new_h = str(h12)
    else:
        new_h = str(hour)
    if len(printed_h) == 2 and printed_h[0] == "0":
        new_h = new_h.rjust(2, "0")
    if len(new_h) != len(printed_h):
        return None
    edits.append((*m.span(side + "h"), new_h))
    if m.group(side + "m") is not None:
        edits.append((*m.span(side + "m"), f"{minute:02d}"))
    elif minute:
        return None
    return edits


def _shift_line(line: str, delta: int) -> str | None:
    """The line with its leading time range moved by ``delta`` minutes, or None if the reader
    would then read anything else than the same range moved by ``delta``."""
    lead = len(line) - len(line.lstrip(" \t\f\u00a0"))
    rest = line[lead:]
    m = TIME_RANGE_RE.match(rest)
    found = match_time_range(rest)
    if not m or not found:
        return None
    start, end = _minutes(found[0]), _minutes(found[1])
    if start + delta < 0 or (end if end is not None else start) + delta >= 24 * 60:
        return None
    edits = _shift_token(m, "s", start + delta)
    if end is not None and edits is not None:
        more = _shift_token(m, "e", end + delta)
        edits = None if more is None else edits + more
    if edits is None:
        return None
    for a, b, new in sorted(edits, reverse=True):
        rest = rest[:a] + new + rest[b:]
    after = match_time_range(rest)
    want = tuple(None if t is None else f"{(_minutes(t) + delta) // 60:02d}:{(_minutes(t) + delta) % 60:02d}"
                 for t in found[:2])
    if not after or after[:2] != want or after[2] != found[2]:
        return None
    return line[:lead] + rest


def shift_times(text: str, rng: random.Random) -> str:
    """Move every agenda time by one constant (a few minutes, an hour or both), keeping each
    printed time's width; unchanged when no candidate shift fits every timed line."""
    lines = text.split("\n")
    timed = [i for i, ln in enumerate(lines) if match_time_range(_reader_text(ln))]
    if not timed:
        return text
    candidates = [h * 60 + m for h in (-1, 0, 1) for m in (-10, -5, 0, 5, 10, 15) if h or m]
    rng.shuffle(candidates)
    for delta in candidates:
        shifted = [_shift_line(lines[i], delta) for i in timed]
        if all(s is not None for s in shifted):
            for i, new in zip(timed, shifted):
                lines[i] = new
            return "\n".join(lines)
    return text


def people(tree) -> list[str]:
    """Names of the people of an agenda, as the reader stored them (two words or more)."""
    names = {" ".join(n.text.split()) for n in tree.getroot().iter("name") if n.text}
    return sorted(n for n in names if len(n.split()) >= 2 and len(n) >= 6)


def rename_people(text: str, mapping: dict[str, str], codec: str) -> str:
    """Replace each old name printed whole on one line by its new name (when encodable)."""
    for old, new in sorted(mapping.items(), key=lambda kv: -len(kv[0])):
        try:
            new.encode(codec)
        except UnicodeEncodeError:
            continue
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


def name_mapping(names: list[str], rng: random.Random) -> dict[str, str]:
    """A new name for each name, all different."""
    pool = rng.sample(NAMES, min(len(NAMES), len(names)))
    return dict(zip(names, pool))


def renumber_symbol(text: str, tree, rng: random.Random) -> str:
    """Give the document symbol (``MC/INF/293``) another number of the same width."""
    symbol = tree.getroot().findtext("meta/symbol")
    m = re.search(r"\d+$", symbol or "")
    if not m:
        return text
    width = len(m.group())
    new = symbol[:m.start()] + str(rng.randrange(10 ** (width - 1), 10 ** width))
    return text.replace(symbol, new)
