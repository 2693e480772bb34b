"""The redline DOCX: the new revision as the DOCX writer lays it out, with tracked changes.

Both revisions are written by the registered DOCX writer (house style, agenda tables,
Moderator and Speakers labels, real footnotes, the language), then ``tracked.track``
records in the new one every difference from the old one as a Word revision (``w:ins``,
``w:del``, inside footnotes too), each by one author on one date (given, else AUTHOR and
a fixed date). So Accept All in Word or LibreOffice gives the new document, Reject All the
old one. The summary of the edits (``diff.summary``) is the file's description; the last
author and the modification date are the changes'.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from lxml import etree

from .. import writers
from ..writers import package
from .diff import compare, summary
from .tracked import track
from .wordml import Marks

AUTHOR = "pipeline diff"
#: The date of the changes when none is given (fixed: same input, same bytes).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
CORE = "docProps/core.xml"
NS = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def stamp(when: dt.datetime) -> str:
    """A date as tracked changes carry it: ISO 8601 in UTC, to the second."""
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def redline(old: etree._ElementTree, new: etree._ElementTree, ui: str | None = None,
            author: str = AUTHOR, when: dt.datetime = FIXED_DATE,
            house: str | None = None) -> bytes:
    """The DOCX of revision ``new`` with its changes from ``old`` tracked (see the module
    docstring); ``house`` as the DOCX writer takes it (default: the document's own)."""
    rev = compare(old, new)
    data = track(render(old, house), render(new, house), Marks(author, stamp(when)))
    lines = summary(rev, ui or rev.lang)
    return properties(data, author, when, " ".join(lines))


def render(tree: etree._ElementTree, house: str | None = None) -> bytes:
    """The DOCX bytes the registered writer makes of tree."""
    options = writers.Options(extra={"house": house} if house else {})
    with tempfile.TemporaryDirectory(prefix="pipeline-redline-") as tmp:
        dest = Path(tmp) / "revision.docx"
        writers.get("docx")(tree, dest, options)
        return dest.read_bytes()


def properties(data: bytes, author: str, when: dt.datetime, description: str) -> bytes:
    """The package with its last author, modification date and description set."""
    parts = package.read(data)
    if CORE not in parts:
        return data
    root = etree.fromstring(parts[CORE])
    values = {"cp:lastModifiedBy": author, "dcterms:modified": stamp(when),
              "dc:description": description}
    for name, value in values.items():
        prefix, _, tag = name.partition(":")
        el = root.find(f"{{{NS[prefix]}}}{tag}")
        if el is None:
            el = etree.SubElement(root, f"{{{NS[prefix]}}}{tag}")
            if prefix == "dcterms":
                el.set(f"{{{NS['xsi']}}}type", "dcterms:W3CDTF")
        el.text = value
    parts[CORE] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return package.write(parts, first=["[Content_Types].xml"])
