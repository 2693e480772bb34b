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


@dataclass(frozen=True)
class JobFoot:
    """What a UN document prints at its page foot when it carries a job number (R15)."""

    #: The job number as printed on the first page: "24-23868 (E)".
    job: str
    #: The date code beside it, the date of issue as DDMMYY ("301224"); "" without one.
    date_code: str

    @property
    def number(self) -> str:
        """The job number without the language letter, as later pages print it."""
        return self.job.split(" ")[0]

    @property
    def barcode(self) -> str:
        """The barcode's text, as extractors give it: the number's digits between
        asterisks ("*2423868*"; a barcode font draws it in print)."""
        return f"*{''.join(c for c in self.number if c.isdigit())}*"


def job_foot(root: etree._Element) -> JobFoot | None:
    """The page foot of a document whose meta has a job number, else None."""
    job = " ".join((root.findtext("meta/job") or "").split())
    if not job:
        return None
    issued = root.find("meta/issued")
    date_code = dt.date.fromisoformat(issued.get("date")).strftime("%d%m%y") \
        if issued is not None else ""
    return JobFoot(job, date_code)
