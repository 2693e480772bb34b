"""A programme of work as every writer prints it: the entries that say when they meet, as a
table of days and meetings (R13).

Entries with @day or @start, one after the other, make one table; the others are printed
as a provisional agenda's items. The table has three columns, as the UN prints it::

    Date and time   Item   Subject            <- the header row (labels in the language)
    9 April 2029                              <- a day: a row across the table
    10:00–13:00     1      Election of ...    <- an entry: its meeting's time, number, title
    10:00–13:00     2      Adoption of ...    <- the same meeting
    15:00–18:00     3      General debate

The time is printed on every row, not only on a meeting's first: a row then reads alone
(our PDF reader read the rows of a meeting printed once as one row, and none of the
programme). ``segments`` cuts a run of sibling entries into tables and single entries;
``rows`` gives a table's rows and the day each one opens. Nothing here knows a format.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from . import labels

#: The header row's labels (labels.LABELS keys), in column order.
HEADER = ("work_when", "work_item", "work_subject")


@dataclass(frozen=True)
class Row:
    """One entry of a programme of work, with the day its row opens."""

    entry: etree._Element
    #: The ISO date of the day this row opens (a day row goes before it), else None.
    day: str | None
    #: The meeting's time as printed ("10:00–13:00"), else None.
    time: str | None


def timed(entry: etree._Element) -> bool:
    """True for an entry that says when it meets (@day or @start)."""
    return entry.get("day") is not None or entry.get("start") is not None


def segments(entries: list[etree._Element]) -> Iterator[list[etree._Element] | etree._Element]:
    """The entries in order: each run of timed entries as a list (one table), each other
    entry alone."""
    run: list[etree._Element] = []
    for entry in entries:
        if timed(entry):
            run.append(entry)
            continue
        if run:
            yield run
            run = []
        yield entry
    if run:
        yield run


def time_range(entry: etree._Element) -> str | None:
    """"10:00–13:00", "10:00" for a start alone, None without a time."""
    start, end = entry.get("start"), entry.get("end")
    if start is None:
        return None
    return f"{start}\u2013{end}" if end else start


def rows(entries: list[etree._Element]) -> list[Row]:
    """The rows of one table, a day opened where the day changes."""
    out: list[Row] = []
    day: str | None = None
    for entry in entries:
        opens = entry.get("day") if entry.get("day") not in (None, day) else None
        day = entry.get("day") or day
        out.append(Row(entry, opens, time_range(entry)))
    return out


def header(lang: str) -> list[str]:
    """The header row's labels in ``lang``."""
    return [labels.label(lang, key) for key in HEADER]


def day_label(iso: str, lang: str) -> str:
    """A day row's text: the date printed in ``lang``."""
    return labels.format_date(iso, lang)


def number(entry: etree._Element) -> str:
    """The item number as the table prints it: "1", "3(a)"."""
    return entry.get("n", "")
