"""The title block: series, meeting, title, subtitle, symbol, original language, dates."""
from __future__ import annotations

import re

from lxml import etree

from .lexicon import AGENDA_HEADING_RE, ORIGINAL_RE, SYMBOL_RE, TOP_HEADINGS_RE
from .normalise import Line
from .text import is_caps, join_lines
from .times import find_date_range, is_date_line

META_ORDER = ["title", "subtitle", "series", "meeting", "symbol", "original-language",
              "organisation", "issued", "distribution", "session", "agenda-item", "dates"]
#: The title-block elements that version 2 of the vocabulary added.
META_V2 = frozenset({"organisation", "issued", "distribution", "session", "agenda-item"})
#: Every element version 2 added.
V2 = META_V2 | {"annex", "entry", "summary", "signature", "honorific", "talk", "rapporteur"}


def mark_version(root: etree._Element) -> None:
    """version="2" on a document that uses an element of version 2, else "1"."""
    root.set("version", "2" if any(el.tag in V2 for el in root.iter()) else "1")


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Group text lines into blocks separated by blank lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind == "text":
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


Found = dict[str, tuple[str, dict]]


def build_meta(header: list[Line], doc_type: str, source: etree._Element,
               known: Found | None = None) -> tuple[etree._Element, str | None, list[Line]]:
    """Build <meta> from the header lines (and the fields already ``known``, from a
    masthead); return (meta, agenda heading or None, lines left over for the body, such as
    a heading printed before paragraph 1)."""
    found, heading, rest = _special_lines(header, doc_type)
    found = {**(known or {}), **found}
    blocks = _blocks(rest)
    _series_and_meeting(blocks, found, doc_type)
    left = _title_and_subtitle(blocks, found, doc_type)
    # What is left goes to the body as printed, blank lines included (they mark headings).
    leftover = rest[rest.index(left[0]):] if left else []
    return meta_element(found, source), heading, leftover


def meta_element(found: Found, source: etree._Element) -> etree._Element:
    """<meta> with the fields found, in the schema's order (R1), then the source."""
    meta = etree.Element("meta")
    for name in META_ORDER:
        if name in found:
            text, attrs = found[name]
            etree.SubElement(meta, name, attrs).text = text
    meta.append(source)
    return meta


def _special_lines(header: list[Line], doc_type: str) -> tuple[Found, str | None, list[Line]]:
    """Pick out the lines recognised by their form: symbol, original, dates, agenda heading."""
    found: Found = {}
    heading = None
    rest: list[Line] = []
    for line in header:
        text = " ".join(line.text.split())
        if line.kind != "text":
            rest.append(line)
        elif "symbol" not in found and SYMBOL_RE.match(text):
            found["symbol"] = (text, {})
        elif "original-language" not in found and ORIGINAL_RE.match(text) and len(text) < 40:
            found["original-language"] = (text, {})
        elif "dates" not in found and is_date_line(text):
            a, b = find_date_range(text)
            found["dates"] = (text, {"from": a, "to": b})
        elif doc_type == "agenda" and heading is None and AGENDA_HEADING_RE.match(text):
            heading = text
        else:
            rest.append(line)
    return found, heading, rest


def _series_and_meeting(blocks: list[list[Line]], found: Found, doc_type: str) -> None:
    """A first block in capitals is the series (and the meeting on its second line);
    a short block naming a session after it is the meeting; a venue alone makes the
    meeting line the title."""
    if len(blocks) > 1 and _is_meeting(blocks[0]) and is_caps(blocks[0][0].text):
        found["meeting"] = (" ".join(blocks.pop(0)[0].text.split()), {})
    elif len(blocks) > 1 and is_caps(blocks[0][0].text) and len(blocks[0]) <= 2:
        first = blocks.pop(0)
        found["series"] = (" ".join(first[0].text.split()), {})
        if len(first) == 2:
            found["meeting"] = (" ".join(first[1].text.split()), {})
    if "meeting" not in found and len(blocks) > 1 and _is_meeting(blocks[0]):
        found["meeting"] = (join_lines([ln.text for ln in blocks.pop(0)]), {})
    rest_lines = [ln for b in blocks for ln in b]
    if "meeting" in found and doc_type == "agenda" and _is_venue(rest_lines):
        found["title"] = found.pop("meeting")
        found["subtitle"] = (join_lines([ln.text for ln in rest_lines]), {})
        blocks.clear()


def _title_and_subtitle(blocks: list[list[Line]], found: Found, doc_type: str) -> list[Line]:
    """Title from the next block (all blocks for an agenda), a subtitle under it; return
    the blocks left for the body."""
    title_lines: list[Line] = []
    if "title" not in found:
        if doc_type == "agenda" or len(blocks) <= 1:
            title_lines = [ln for b in blocks for ln in b]
            blocks = []
        else:
            title_lines = blocks.pop(0)
            if blocks and not _looks_like_heading(blocks[0]):
                found["subtitle"] = (join_lines([ln.text for ln in blocks.pop(0)]), {})
    if doc_type == "paper" and "subtitle" not in found and len(title_lines) > 1 \
            and is_caps(title_lines[0].text):
        # A title in capitals with a line in lower case under it: that line is a subtitle.
        cut = next((k for k, ln in enumerate(title_lines) if not is_caps(ln.text)), None)
        if cut:
            found["subtitle"] = (join_lines([ln.text for ln in title_lines[cut:]]), {})
            title_lines = title_lines[:cut]
    if title_lines:
        found["title"] = (join_lines([ln.text for ln in title_lines]), {})
    elif "series" in found and "title" not in found:
        found["title"] = found.pop("series")
    return [ln for b in blocks for ln in b]


MEETING_RE = re.compile(r"\b(session|sesi[óo]n|r[ée]union|reuni[óo]n|meeting|workshop|atelier|taller|"
                        r"conference|conf[ée]rence|conferencia|seminar|s[ée]minaire|seminario)\b", re.I)


def _is_meeting(block: list[Line]) -> bool:
    """A short block naming a meeting or session ("Sixth Session"), not a title."""
    text = " ".join(ln.text for ln in block)
    return len(block) == 1 and len(text.split()) <= 6 and bool(MEETING_RE.search(text))


def _is_venue(lines: list[Line]) -> bool:
    """One short line in lower case with a comma and no colon: a venue, not a title."""
    if len(lines) != 1:
        return False
    text = lines[0].text
    return "," in text and ":" not in text and len(text.split()) <= 8 and not is_caps(text)


def _looks_like_heading(block: list[Line]) -> bool:
    """A block right after the title that is a section heading, not a subtitle."""
    text = " ".join(ln.text for ln in block)
    return bool(re.match(r"^[IVXLC]+\.\s", text) or is_caps(text) or TOP_HEADINGS_RE.match(text))
