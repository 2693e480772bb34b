"""The title block: series, meeting, title, subtitle, symbol, original language, dates."""
from __future__ import annotations

import re

from lxml import etree

from .lexicon import AGENDA_HEADING_RE, ORIGINAL_RE, SYMBOL_RE, TOP_HEADINGS_RE
from .normalise import Line
from .text import join_lines
from .times import find_date_range, is_date_line

META_ORDER = ["title", "subtitle", "series", "meeting", "symbol", "original-language", "dates"]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Group text lines into blocks separated by blank lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind == "text":
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _is_caps(text: str) -> bool:
    """True when the letters of text are all capitals."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def build_meta(header: list[Line], doc_type: str,
               source: etree._Element) -> tuple[etree._Element, str | None, list[Line]]:
    """Build <meta> from the header lines; return (meta, agenda heading or None, lines
    left over for the body, such as a heading printed before paragraph 1)."""
    found: dict[str, tuple[str, dict]] = {}
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
    blocks = _blocks(rest)
    if len(blocks) > 1 and _is_caps(blocks[0][0].text) and len(blocks[0]) <= 2:
        first = blocks.pop(0)
        found["series"] = (" ".join(first[0].text.split()), {})
        if len(first) == 2:
            found["meeting"] = (" ".join(first[1].text.split()), {})
    if "series" in found and "meeting" not in found and len(blocks) > 1 and _is_meeting(blocks[0]):
        found["meeting"] = (join_lines([ln.text for ln in blocks.pop(0)]), {})
    rest_lines = [ln for b in blocks for ln in b]
    if "meeting" in found and doc_type == "agenda" and _is_venue(rest_lines):
        # Series and title in capitals, then only a venue ("Palais des Nations, Geneva"):
        # the second capital line is the title, the venue is printed under it as subtitle.
        found["title"] = found.pop("meeting")
        found["subtitle"] = (join_lines([ln.text for ln in rest_lines]), {})
        blocks = []
    if "title" in found:
        title_lines = []
    elif doc_type == "agenda" or len(blocks) <= 1:
        title_lines = [ln for b in blocks for ln in b]
        blocks = []
    else:
        title_lines = blocks.pop(0)
        if blocks and not _looks_like_heading(blocks[0]):
            found["subtitle"] = (join_lines([ln.text for ln in blocks.pop(0)]), {})
    if "subtitle" not in found and len(title_lines) > 1 and _is_caps(title_lines[0].text):
        # A title in capitals with a line in lower case under it: that line is a subtitle.
        cut = next((k for k, ln in enumerate(title_lines) if not _is_caps(ln.text)), None)
        if cut and doc_type == "paper":
            found["subtitle"] = (join_lines([ln.text for ln in title_lines[cut:]]), {})
            title_lines = title_lines[:cut]
    if title_lines:
        found["title"] = (join_lines([ln.text for ln in title_lines]), {})
    elif "series" in found and "title" not in found:
        found["title"] = found.pop("series")
    meta = etree.Element("meta")
    for name in META_ORDER:
        if name in found:
            text, attrs = found[name]
            el = etree.SubElement(meta, name, attrs)
            el.text = text
    meta.append(source)
    leftover = [ln for b in blocks for ln in b]
    return meta, heading, leftover


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
    return "," in text and ":" not in text and len(text.split()) <= 8 and not _is_caps(text)


def _looks_like_heading(block: list[Line]) -> bool:
    """A block right after the title that is a section heading, not a subtitle."""
    text = " ".join(ln.text for ln in block)
    return bool(re.match(r"^[IVXLC]+\.\s", text) or _is_caps(text) or TOP_HEADINGS_RE.match(text))
