"""The checks the text reader makes that a schema cannot say as errors, made on XML masters
too: an agenda item that starts before the item above it ends is a warning, as in a text
(times out of order, an item ending before it starts and days out of order are errors of
the Schematron rules, in both)."""
from __future__ import annotations

from lxml import etree

from .errors import Diagnostic


def master_warnings(tree: etree._ElementTree | etree._Element, filename: str) -> list[Diagnostic]:
    """Warnings about a valid document: overlapping agenda items, at their lines."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    warnings = []
    for day in root.iter("day"):
        above = None
        for item in day.iterchildren("item"):
            start, end = item.get("start"), above.get("end") if above is not None else None
            if start and end and start < end:
                warnings.append(Diagnostic(filename, item.sourceline, f"item starts ({start}) "
                                           f"before the item above it ends ({end})", "warning"))
            above = item
    return warnings
