"""Document properties both office formats carry, derived from meta (no clock, no randomness)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from ..html.tree import text_of

#: The date of a document without meeting dates (fixed, for reproducible files).
DEFAULT_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class Properties:
    """Title, subject, keywords, running head and the fixed created/modified date."""

    title: str
    subject: str
    keywords: tuple[str, ...]
    identifier: str
    running_head: str
    date: dt.date


#: The longest text a core property of a .docx may hold (python-docx refuses more).
PROPERTY_MAX = 255


def clip(text: str) -> str:
    """text cut at a word to fit a core property, "…" marking the cut."""
    if len(text) <= PROPERTY_MAX:
        return text
    return text[:PROPERTY_MAX - 1].rsplit(" ", 1)[0] + "…"


def properties(root: etree._Element) -> Properties:
    """The properties of a document: subject = series – meeting, date = first meeting day."""
    meta = root.find("meta")
    symbol = meta.findtext("symbol")
    title = text_of(meta.find("title"))
    dates = meta.find("dates")
    return Properties(
        title=clip(title),
        subject=clip(" – ".join(t for t in (text_of(meta.find("series")),
                                            text_of(meta.find("meeting"))) if t)),
        keywords=tuple(k for k in (root.get("id"), root.get("type"), symbol) if k),
        identifier=symbol or root.get("id", ""),
        running_head=symbol or title,
        date=dt.date.fromisoformat(dates.get("from")) if dates is not None else DEFAULT_DATE)
