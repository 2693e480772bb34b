"""Word tables as lines: a table of times is an agenda in columns, any other table one line
per row.

A table of times is one whose column of times (a time or range alone in its cell, as
"09:00–10:00") holds the time of most rows. Each row with a time is written as the text
reader reads a programme set in columns: the time, a gap, the first line of the first other
cell, then every other line of the row's other cells (title, description, moderator,
speakers, in column order) indented to that text column. A row with an empty time cell
continues the item above; a row that holds one cell only (a day across the table, a break)
is a line of its own; a start and an end in two columns are one range. The header row of column labels ("Time", "Programme") is layout, not
text, and is left out.
"""
from __future__ import annotations

from .inlines import Node
from .lines import GAP, Out, blocks
from ..text.times import match_time_range

#: The indentation of an item's lines after its first, when no time fixes the column.
INDENT = 16


def table(c: list, out: Out) -> None:
    """Write a table (the content of a pandoc Table node)."""
    head_rows = c[3][1]
    body_rows = [row for body in c[4] for row in body[2] + body[3]] + c[5][1]
    rows = [_cells(row, out) for row in head_rows + body_rows]
    column = _time_column(rows)
    if column is None:
        for cells in rows:
            text = GAP.join(" ".join(t for t, _ in cell) for cell in cells if cell)
            out.para(text)
        return
    seen_time = False
    for k, cells in enumerate(rows):
        if k == 0 and not _is_time(cells[column]) and _all_short(cells):
            continue  # the header row of column labels
        seen_time = _timed_row(cells, column, out, seen_time) or seen_time


def _cells(row: list, out: Out) -> list[list[tuple[str, str]]]:
    """The lines of each cell of a row (pandoc's Row: attributes, cells)."""
    found = []
    for cell in row[1]:
        inner = Out(notes=out.notes, column=None)
        blocks(cell[4], inner)
        found.append([(text, hint) for text, hint in inner.lines if text])
    return found


def _is_time(cell: list[tuple[str, str]]) -> bool:
    """True when a cell holds a time or a range of times and nothing else."""
    text = " ".join(t for t, _ in cell)
    m = match_time_range(text.strip()) if text else None
    return bool(m) and not m[2]


def _time_column(rows: list[list[list[tuple[str, str]]]]) -> int | None:
    """The index of the column of times, when one holds the time of most rows."""
    width = max((len(r) for r in rows), default=0)
    if width < 2:
        return None
    for col in range(width):
        times = sum(1 for r in rows if col < len(r) and _is_time(r[col]))
        filled = sum(1 for r in rows if any(r))
        if times >= 2 and times * 2 >= filled - 1:
            return col
    return None


def _timed_row(cells: list[list[tuple[str, str]]], column: int, out: Out,
               seen_time: bool) -> bool:
    """Write one row of a table of times; True when it held a time."""
    time = " ".join(t for t, _ in cells[column]) if column < len(cells) else ""
    skip = {column}
    if column + 1 < len(cells) and _is_time(cells[column + 1]) and _is_time(cells[column]):
        time += " – " + " ".join(t for t, _ in cells[column + 1])  # start and end columns
        skip.add(column + 1)
    rest = [line for k, cell in enumerate(cells) if k not in skip for line in cell]
    if not _is_time(cells[column] if column < len(cells) else []):
        filled = [cell for cell in cells if cell]
        indent = 0 if len(filled) <= 1 or (time and not seen_time) else out.column or INDENT
        for text, hint in ([(time, "")] if time else []) + rest:
            out.para(text, hint, indent)
        return False
    out.column = len(time) + len(GAP)
    first, *others = rest or [("", "")]
    out.para(f"{time}{GAP}{first[0]}".rstrip(), first[1])
    for text, hint in others:
        out.para(text, hint, out.column)
    return True


def _all_short(cells: list[list[tuple[str, str]]]) -> bool:
    """True when every cell holds a few words at most (column labels: "Time", "Session /
    Topic")."""
    return all(len(" ".join(t for t, _ in cell).split()) <= 4 for cell in cells)
