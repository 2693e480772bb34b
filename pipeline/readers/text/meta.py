"""The title block: series, meeting, title, subtitle, symbol, original language, dates."""
from __future__ import annotations

import re

from lxml import etree

from .lexicon import (AGENDA_HEADING_RE, ORIGINAL_RE, RESTRICTED_RE, STATUS_RE, SYMBOL_RE, TOP_HEADINGS_RE, WEEKDAYS,
                      NAMED_BODY_RE, governing_body_session)
from .normalise import Line
from .text import is_caps, join_lines
from .times import (CROSS_MONTH_RE, DATE_RANGE_RE, DATE_RE, as_of_date, find_date, find_date_range,
                    is_date_line, is_place_line, lone_date, match_time_range, numeric_date, place_and_dates)

META_ORDER = ["title", "subtitle", "series", "meeting", "symbol", "original-language",
              "organisation", "issued", "distribution", "session", "agenda-item", "dates",
              "status"]
#: The title-block elements that version 2 of the vocabulary added.
META_V2 = frozenset({"organisation", "issued", "distribution", "session", "agenda-item", "status"})
#: Every element version 2 added.
V2 = META_V2 | {"annex", "entry", "summary", "signature", "honorific", "talk", "rapporteur"}


def mark_version(root: etree._Element) -> None:
    """version="2" on a document that uses an element of version 2, else "1"."""
    root.set("version", "2" if any(el.tag in V2 for el in root.iter()) else "1")


def text_blocks(lines: list[Line]) -> list[list[Line]]:
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
    if doc_type == "agenda":
        found, heading, rest = agenda_lines(header, known or {})
    else:
        found, heading, rest = _special_lines(header, doc_type)
    found = {**(known or {}), **found}
    rest = _governing_body_session(rest, found)
    blocks = text_blocks(rest)
    if doc_type == "agenda":
        _agenda_title(blocks, found)
        return meta_element(found, source), heading, []
    if doc_type == "paper" and len(blocks) == 1 and "title" not in found:
        _one_block_paper(blocks, found)
    if doc_type == "paper" and "title" not in found:
        _split_series_line(blocks)
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


#: A specialized agency's agenda item line, its number alone ("Provisional agenda item
#: 9.2", "Item 5 of the provisional agenda", "Third item on the agenda", "Point 9.2 de
#: l’ordre du jour provisoire", "Punto 9.2 del orden del día provisional").
AGENCY_ITEM_RE = re.compile(
    r"^(?:(?:(?:Provisional|Preliminary)\s+)?agenda\s+item\s+\d+(?:\.\d+)*(?:\s*\([a-z]\))?(?:\s*:\s+\S.{2,150})?|"
    r"agenda\s+item\s*:\s*(?:[A-Z]{1,5}\s?)?\d+(?:\.\d+)*|"  # ICAO's "Agenda Item 20: ...", ITU's "Agenda item: PL 2.3"
    r"Item\s+\d+(?:\.\d+)*(?:\s*\([a-z]\))?\s+of\s+the\s+provisional\s+agenda|"
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\w+(?:th|st|nd|rd))\s+item\s+on\s+the\s+agenda|"
    r"(?:Point|Punto)\s+\d+(?:\.\d+)*(?:\s*\([a-z]\))?\s+(?:de\s+l[’']ordre\s+du\s+jour|del\s+orden\s+del\s+d[íi]a)"
    r"(?:\s+provisoire|\s+provisional)?)"
    r"(?:\s+\([A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/[A-Z0-9][A-Za-z0-9./-]*\))?$", re.I)  # "(GOV/2026/1)"


#: ICAO's name of a paper for a meeting, printed under the organisation.
_WORKING_PAPER_RE = re.compile(r"^(?:WORKING PAPER|INFORMATION PAPER|DOCUMENT DE TRAVAIL|NOTE DE TRAVAIL|"
                               r"NOTA DE ESTUDIO|NOTA DE INFORMACIÓN)$")
#: A document symbol in brackets alone on its line.
_BRACKETED_SYMBOL_RE = re.compile(r"^\((?:[A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/[A-Z0-9][A-Za-z0-9./-]*)\)$")
#: The date of issue printed with its name ("Date: 4 October 2024", as the ILO prints it).
_DATE_FIELD_RE = re.compile(r"^(?:Date|Fecha)\s*:\s*(.{6,30})$")
#: Two fields of a title block printed on one line, far apart (pdftotext -layout:
#: "EXECUTIVE BOARD        EB160/12", "160th session        5 December 2026").
_FAR_APART_RE = re.compile(r"\s{3,}")


def _two_fields_apart(header: list[Line]) -> list[Line]:
    """header with each line whose last piece, after a run of spaces, is a symbol or a date
    alone printed as two lines (the piece on the left first)."""
    out: list[Line] = []
    for line in header:
        pieces = _FAR_APART_RE.split(line.text.strip()) if line.kind == "text" else []
        if len(pieces) == 2 and (SYMBOL_RE.match(pieces[1]) or lone_date(pieces[1])) \
                and not (SYMBOL_RE.match(pieces[0]) or lone_date(pieces[0])):
            out += [Line(line.no, pieces[0], indent=line.indent, hint=line.hint), Line(line.no, pieces[1])]
        else:
            out.append(line)
    return out


def _special_lines(header: list[Line], doc_type: str) -> tuple[Found, str | None, list[Line]]:
    """Pick out the lines recognised by their form: symbol, original, dates, agenda heading."""
    found: Found = {}
    heading = None
    rest: list[Line] = []
    above = None  # the field of the line right above (None after a blank or another line)
    for line in _two_fields_apart(header):
        text = " ".join(line.text.split())
        kind, above = above, None
        if line.kind != "text":
            rest.append(line)
        elif "symbol" not in found and (SYMBOL_RE.match(text) or text.count(" ") == 1 and all(
                SYMBOL_RE.match(part) and "/" in part for part in text.split(" "))):
            found["symbol"] = (text, {})  # (of two parts, as we print ICAO's: "A42-WP/123 EX/45")
            above = "symbol"
        elif kind == "symbol" and SYMBOL_RE.match(text) and len(text) <= 12 and text.count("/") == 1:
            # the committee's own number under a working paper's symbol ("A42-WP/123" /
            # "EX/45", ICAO's): one symbol, its parts one space apart, as the OAS's is
            found["symbol"] = (found["symbol"][0] + " " + text, {})
            above = "symbol"
        elif kind == "symbol" and "issued" not in found and lone_date(text):
            # (right under the symbol, a date alone is the date of issue: WHO's block)
            found["issued"] = (text, {"date": find_date(text)[0]})
        elif "symbol" in found and "issued" not in found and (iso := numeric_date(text)):
            found["issued"] = (text, {"date": iso})  # "12/8/25" under the symbols (ICAO's)
        elif "series" not in found and _WORKING_PAPER_RE.match(text):
            found["series"] = (text, {})  # "WORKING PAPER" (ICAO's)
        elif "issued" not in found and (m := _DATE_FIELD_RE.match(text)) and find_date(m.group(1)):
            found["issued"] = (text, {"date": find_date(m.group(1))[0]})  # "Date: 4 October 2024" (ILO)
        elif doc_type == "paper" and "agenda-item" not in found and AGENCY_ITEM_RE.match(text):
            found["agenda-item"] = (text, {})  # "Provisional agenda item 9.2" (WHO)
            above = "agenda-item"
        elif "distribution" not in found and RESTRICTED_RE.match(text):
            found["distribution"] = (text, {"level": "restricted"})  # "For official use only" (IAEA)
        elif kind == "agenda-item" and _BRACKETED_SYMBOL_RE.match(text):
            # the agenda the item is of, under it ("Item 4 of the provisional agenda" /
            # "(GOV/2026/1)", as the IAEA prints it)
            found["agenda-item"] = (found["agenda-item"][0] + " " + text, {})
        elif STATUS_RE.match(text):  # "Advance unedited version" (R18)
            found["status"] = ((found["status"][0] + "; " if "status" in found else "") + text, {})
        elif "original-language" not in found and ORIGINAL_RE.match(text) and len(text) < 40:
            found["original-language"] = (text, {})
            above = "original-language"
        elif kind == "original-language" and "issued" not in found and lone_date(text):
            # (under the original language, a date alone is the date of issue: an IOM
            # paper's block as pdftotext and pdfminer print it, not a meeting's dates)
            found["issued"] = (text, {"date": find_date(text)[0]})
        elif "dates" not in found and is_date_line(text):
            a, b = find_date_range(text)
            found["dates"] = (text, {"from": a, "to": b})
        elif doc_type == "agenda" and heading is None and AGENDA_HEADING_RE.match(text):
            heading = text
        else:
            rest.append(line)
    return found, heading, rest


def _governing_body_session(rest: list[Line], found: Found) -> list[Line]:
    """The session of a governing body ("COUNCIL" / "Hundredth Session") at the top of the
    title block goes to meta/session, as the UN's body and session do; the lines without it."""
    if "session" in found:
        return rest
    lines = [k for k, ln in enumerate(rest) if ln.kind == "text"][:3]
    for texts in (lines[:2], lines[1:3], lines[2:3]):  # (under the organisation's name: the ILO's block)
        got = governing_body_session([" ".join(rest[k].text.split()) for k in texts]) if texts else None
        if got:
            break
        if texts == lines[:2] and len(texts) == 2 and texts[1] == texts[0] + 1:
            # "Asamblea General de la OMPI, Quincuagésimo octavo período de sesiones (34.º" /
            # "período ordinario de sesiones)": the one line of body and session, wrapped
            got = governing_body_session([join_lines([rest[k].text for k in texts])])
            if got and "," in rest[texts[0]].text:
                got = (got[0], 2)
                break
    else:
        return _body_alone(rest, found)
    found["session"] = (got[0], {})
    taken = set(texts[:got[1]])
    after = next((k for k in range(max(taken) + 1, len(rest)) if rest[k].kind == "text"), None)
    if after is not None and _COMMITTEE_OF_SESSION_RE.match(" ".join(rest[after].text.split())):
        # the committee of the session under it ("ASSEMBLY — 42ND SESSION" / "EXECUTIVE
        # COMMITTEE", ICAO's), as the UN's "Third Committee" under its session
        found["session"] = (got[0] + ", " + " ".join(rest[after].text.split()), {})
        taken.add(after)
    if "dates" in found and "issued" not in found and found["dates"][1].get("from") == \
            found["dates"][1].get("to"):
        text, attrs = found.pop("dates")  # one day, by a governing body's session: the issue
        found["issued"] = (text, {"date": attrs["from"]})
    return [ln for k, ln in enumerate(rest) if k not in taken]


#: A committee or commission of a session, in capitals on its own line.
_COMMITTEE_OF_SESSION_RE = re.compile(r"^(?:[A-Z]+\s+)?(?:COMMITTEE|COMMISSION|COMITÉ|COMISIÓN)(?:\s+[A-Z]+)?$|"
                                      r"^(?:PLENARY|PLÉNIÈRE|PLENARIA)$")


def _body_alone(rest: list[Line], found: Found) -> list[Line]:
    """The body that issues the document named alone in a block of its own at the top
    of the title block, with no session under it (the IAEA's "Board of Governors" over
    the title): meta/organisation; the lines without it."""
    first = next((k for k, ln in enumerate(rest) if ln.kind == "text"), None)
    if first is None or "organisation" in found or first + 1 >= len(rest) or rest[first + 1].kind == "text":
        return rest
    text = " ".join(rest[first].text.split())
    if is_caps(text) or len(text.split()) > 8 or not NAMED_BODY_RE.match(text) \
            or re.search(r"\b(?:Conference|Conférence|Conferencia)\b", text) \
            or not any(ln.kind == "text" for ln in rest[first + 1:]):
        return rest  # (a conference's name is a meeting's title; the body's name alone is no organisation)
    found["organisation"] = (text, {})
    return rest[:first] + rest[first + 1:]


def _one_block_paper(blocks: list[list[Line]], found: Found) -> None:
    """A paper's title block printed as one block (pypdf), capitals, then lower case, then
    capitals: the series, a subtitle line, the title ("FORO MUNDIAL …" / "Mesa redonda 2.2 –
    Nota de antecedentes" / "LA MIGRACIÓN CIRCULAR …"); or the series and the title in
    capitals, then the subtitle."""
    runs = _runs(blocks)
    if len(runs) == 3 and is_caps(runs[0][0].text) and is_caps(runs[2][0].text) \
            and len(runs[0]) <= 2 and len(runs[1]) <= 2:
        found["series"] = (join_lines([ln.text for ln in runs[0]]), {})
        found["subtitle"] = (join_lines([ln.text for ln in runs[1]]), {})
        found["title"] = (join_lines([ln.text for ln in runs[2]]), {})
        blocks.clear()
    elif len(runs) == 2 and is_caps(runs[0][0].text) and len(runs[1]) <= 2 \
            and "session" not in found and len(logical := _logical_lines(runs[0])) == 2:
        # the order our own writers print: series, title, then the subtitle in lower case
        found["series"] = (join_lines([ln.text for ln in logical[0]]), {})
        found["title"] = (join_lines([ln.text for ln in logical[1]]), {})
        found["subtitle"] = (join_lines([ln.text for ln in runs[1]]), {})
        blocks.clear()


#: A series of yearly meetings in capitals, its year last ("INTERNATIONAL DIALOGUE ON
#: MIGRATION 2008", "DIALOGUE INTERNATIONAL SUR LA MIGRATION 2014").
_YEARLY_SERIES_RE = re.compile(r"^[^a-z]{8,100}\s(?:19|20)\d\d$")


def _split_series_line(blocks: list[list[Line]]) -> None:
    """The first line of a paper's first block, in capitals, that is a yearly series (its
    year last) or names a session ("NINETY-EIGHTH SESSION"), and that does not run on into
    the line under it, made a block of its own: pypdf prints no blank line between the
    series and the title ("INTERNATIONAL DIALOGUE ON MIGRATION 2008" / "Return Migration:
    ..."), and the title must not take the series in."""
    if not blocks or len(blocks[0]) < 2:
        return
    first, second = blocks[0][0], blocks[0][1]
    text = " ".join(first.text.split())
    if is_caps(text) and (_YEARLY_SERIES_RE.match(text) or _is_meeting([first])) \
            and not _joins(text, second.text):
        blocks[0:1] = [[first], blocks[0][1:]]


#: An organisation's name in capitals alone on the first line of a title block.
_AGENCY_NAME_RE = re.compile(r"^(?:[A-ZÀ-Ý’'-]+\s+){1,8}(?:ORGANIZATION|ORGANISATION|ORGANIZACIÓN|OFFICE|BUREAU|"
                             r"OFICINA|UNION|UNIÓN|FUND|FONDS|FONDO|PROGRAMME|PROGRAMA)"
                             r"(?:\s+OF\s+THE\s+UNITED\s+NATIONS)?$|"
                             # in lower case, as ICAO, ITU and IMO print theirs
                             r"^(?:International|World|Universal)(?:\s+[A-Z][a-z]+){1,4}\s+(?:Organization|Union)$|"
                             r"^(?:Organisation|Organización|Union|Unión)\s+(?:de|du|des|mondiale|postale|"
                             r"internationale|internacional|mundial|postal)\b(?:\s+[\w’'-]+){0,6}$")


def _symbol_section(block: list[Line], found: Found) -> bool:
    """True for a block that ends with a part of the symbol in capitals after the section's
    name ("Institutional Section" / "INS" over GB.352/INS/3, as the ILO prints the series
    of a Governing Body document; on one line as our writers print meta/series)."""
    words = block[-1].text.split() if block else []
    last = words[-1] if words else ""
    parts = re.split(r"[./ ]", found.get("symbol", ("", {}))[0])
    return len(block) <= 2 and len(words) <= 5 and 2 <= len(last) <= 6 and last.isupper() and last.isalpha() \
        and last in parts


def _series_and_meeting(blocks: list[list[Line]], found: Found, doc_type: str) -> None:
    """A first block in capitals is the series (and the meeting on its second line);
    a short block naming a session after it is the meeting; a venue alone makes the
    meeting line the title. A block the layout sets as the title (hint) is the title."""
    if blocks and _hinted_title(blocks[0]):
        return
    if blocks and (len(blocks) > 1 or len(blocks[0]) > 1) and "organisation" not in found \
            and _AGENCY_NAME_RE.match(" ".join(blocks[0][0].text.split())):
        found["organisation"] = (" ".join(blocks[0].pop(0).text.split()), {})  # "INTERNATIONAL LABOUR OFFICE"
        if not blocks[0]:
            blocks.pop(0)
    section = next((k for k, b in enumerate(blocks[:3]) if _symbol_section(b, found)), None)
    if section is not None and len(blocks) > section + 1 and "series" not in found:
        found["series"] = (join_lines([ln.text for ln in blocks.pop(section)]), {})
    if len(blocks) > 1 and _is_meeting(blocks[0]) and is_caps(blocks[0][0].text):
        found["meeting"] = (" ".join(blocks.pop(0)[0].text.split()), {})
    elif len(blocks) > 1 and is_caps(blocks[0][0].text) and len(blocks[0]) <= 2 \
            and "session" not in found:  # (a governing body's session: the title follows)
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
    from .masthead import KIND_END_RE  # (masthead.py reads this module's neighbours)

    title_lines: list[Line] = []
    if "title" not in found:
        if doc_type == "agenda" or len(blocks) <= 1:
            title_lines = [ln for b in blocks for ln in b]
            blocks = []
        else:
            title_lines = blocks.pop(0)
            if len(title_lines) == 1 and blocks and len(blocks[0]) <= 3 and is_caps(blocks[0][0].text) \
                    and KIND_END_RE.match(" ".join(title_lines[0].text.split())):
                # the kind printed above the title in capitals ("Report by the Secretary-
                # General" / "REPORT ON ...", as ITU prints them): the subtitle
                found["subtitle"] = (" ".join(title_lines[0].text.split()), {})
                title_lines = blocks.pop(0)
            if blocks and not _looks_like_heading(blocks[0]):
                found["subtitle"] = (join_lines([ln.text for ln in blocks.pop(0)]), {})
    kind = next((k for k, ln in enumerate(title_lines) if k and KIND_END_RE.match(" ".join(ln.text.split()))), None)
    if doc_type == "paper" and "subtitle" not in found and kind is not None:
        # "Health workforce migration: ..." / "Report by the Director-General", no blank
        # line between (a specialized agency's title block as pypdf prints it): the kind
        # ends the title; what follows it is the body's
        found["subtitle"] = (" ".join(title_lines[kind].text.split()), {})
        if kind + 1 < len(title_lines):
            blocks.insert(0, title_lines[kind + 1:])
        title_lines = title_lines[:kind]
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
#: The bodies an agenda's meeting line may name instead ("COMISIÓN ESPECIAL DE …").
BODY_RE = re.compile(r"\b(commission|comisi[óo]n|committee|comit[ée])\b", re.I)


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


def after_heading(lines: list[Line], i: int) -> int:
    """Where an agenda's title block ends when its first day line (at i) comes before the
    agenda's heading and the first timed line: after the heading (a date above the
    heading dates the meeting, or is the date of issue: not a day). Else i."""
    for j in range(i, len(lines)):
        text = " ".join(lines[j].text.split()) if lines[j].kind == "text" else ""
        if match_time_range(text):
            return i
        if AGENDA_HEADING_RE.match(text):
            below = lines[j + 1] if j + 1 < len(lines) else None
            prepared = below is not None and below.kind == "text" and PREPARED_RE.match(below.text.strip())
            return j + 2 if prepared else j + 1
    return i


#: Who prepared an agenda, printed under its heading ("PROVISIONAL PROGRAM" / "prepared by
#: the International Bureau", as WIPO prints it): the heading's second line.
PREPARED_RE = re.compile(r"^(?:prepared|préparé|établi|preparado|elaborado)\s+(?:by|par|por)\s+\S.{2,80}$", re.I)


#: An agenda's symbol, which may have lower-case letters ("OEA/Ser.G").
AGENDA_SYMBOL_RE = re.compile(r"^[A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/[A-Z0-9][A-Za-z0-9./()-]*$")
#: An office line in an agenda's title block ("Office of the Director General").
OFFICE_RE = re.compile(r"^(?:[\w’'-]+\s+){0,3}(?:office|bureau|oficina|secretariat|secr[ée]tariat|"
                       r"secretar[íi]a|cabinet|despacho)\b[^,:;]*$", re.IGNORECASE)
#: A room line ("Conference Room XVIII, Palais des Nations", "Salle du Conseil de tutelle").
ROOM_RE = re.compile(r"^(?:(?:conference|meeting|plenary)\s+)?(?:room|hall|salle|sala|sal[óo]n|"
                     r"auditorium|auditorio|palais|palacio|si[èe]ge|headquarters)\b", re.IGNORECASE)
#: A line naming the organ a meeting belongs to ("Assemblée générale des Nations Unies").
ORGAN_LINE_RE = re.compile(r"\b(?:United Nations|Nations Unies|Naciones Unidas|General Assembly|"
                           r"Assembl[ée]e g[ée]n[ée]rale|Asamblea General)\b", re.IGNORECASE)
_COLUMNS_RE = re.compile(r" {6,}")
_JOINS_RE = re.compile(r"^(?:and|of|on|for|in|et|de|du|des|y|del|en)\b|"
                       r"(?:\b(?:and|of|on|for|in|the|et|de|du|des|la|le|les|y|del|las|los|el)|[,–—-])$",
                       re.IGNORECASE)


def _columns(header: list[Line]) -> list[tuple[Line, bool]]:
    """Split the lines of a title block set in columns (``pdftotext -layout``: the
    masthead beside the symbol, the date of issue, the original language) into one line
    per field; each with whether it was a field of such a line."""
    out: list[tuple[Line, bool]] = []
    for line in header:
        fields = _COLUMNS_RE.split(line.text.strip()) if line.kind == "text" else []
        if len(fields) > 1 and any(_field_kind(f) for f in fields[1:]):
            out.extend((Line(line.no, f, "text"), True) for f in fields)
        else:
            out.append((line, False))
    return out


def _field_kind(text: str) -> str | None:
    """What a field of a right column is: a symbol, the original language, a date."""
    if all(AGENDA_SYMBOL_RE.match(part) for part in text.split(" ")) and text.count(" ") <= 1:
        return "symbol"  # "OEA/Ser.G CE/AM-151/13": a symbol of two parts on one line
    if ORIGINAL_RE.match(text) and len(text) < 40:
        return "original-language"
    found = find_date(text)
    if found and not re.search(r"\w", text.replace(found[1].group(0), "")):
        return "issued"
    return None


def _line_kind(text: str, in_column: bool, last: bool) -> str | None:
    """The title-block field a line of an agenda fills by its form alone, or None."""
    kind = _field_kind(text)
    if kind in ("symbol", "original-language") or kind == "issued" and in_column:
        return kind  # a date in a column beside the symbol is the date of issue
    if as_of_date(text):
        return "as-of"
    if place_and_dates(text):
        return "dates"
    if last and AGENDA_HEADING_RE.match(text):
        return "heading"  # the agenda's heading ends the title block
    if OFFICE_RE.match(text) and len(text.split()) <= 10:
        return "organisation"
    if ROOM_RE.match(text) and len(text.split()) <= 12 and not text.endswith("."):
        return "venue"
    return None


#: A room or a building, printed above the meeting's place and dates.
_ROOM_RE = re.compile(r"\d|\b(?:Room|Salle|Sala|Hall|Building|Bâtiment|Edificio|Palais|Palacio|Centre|Center|"
                      r"Centro|Headquarters|Siège|Sede|Auditorium|Floor|Étage|Piso)\b", re.I)


_WEEKDAY_RE = re.compile(rf"\b(?:{WEEKDAYS})\b", re.I)


def _title_over_place(lines: list, kinds: list, k: int) -> bool:
    """True when line k, right above the meeting's place and dates ("Early Warning Systems"
    / "Nairobi, Kenya, 14–15 April 2026"), goes on with a title line right above it (no blank
    line between, as pdftotext prints a title of two lines) while the dates' line names its
    own place: the title's last line, not a place, unless it names a room or building."""
    dates = " ".join(lines[k + 1][0].text.split())
    rest = DATE_RE.sub("", DATE_RANGE_RE.sub("", CROSS_MONTH_RE.sub("", dates)))
    own_place = re.sub(r"[\W\d_]+", "", _WEEKDAY_RE.sub("", rest))
    return (k > 0 and kinds[k - 1] is None and lines[k - 1][0].kind == "text" and len(own_place) >= 3
            and not _ROOM_RE.search(lines[k][0].text))


def agenda_lines(header: list[Line], known: Found) -> tuple[Found, str | None, list[Line]]:
    """Pick out an agenda's title-block lines recognised by their form: the symbol (over
    one or two lines), the original language, the date of issue (a date in the right
    column, or "(as of …)"), the meeting's dates (with the place or room printed next to
    them), an office line, a room line, and the agenda's heading; return the other lines."""
    lines = _columns(header)
    last = max((k for k, (ln, _) in enumerate(lines) if ln.kind == "text"), default=-1)
    prepared = None
    if last > 0 and PREPARED_RE.match(lines[last][0].text.strip()):
        prepared, lines = " ".join(lines[last][0].text.split()), lines[:last]
        last = max((k for k, (ln, _) in enumerate(lines) if ln.kind == "text"), default=-1)
    kinds = [_line_kind(" ".join(ln.text.split()), col, k == last) if ln.kind == "text" else "blank"
             for k, (ln, col) in enumerate(lines)]
    for k, kind in enumerate(kinds):  # a bare date under the symbol block: the date of issue
        above = next((kinds[j] for j in range(k - 1, -1, -1) if kinds[j] != "blank"), None)
        if kind == "dates" and above in ("symbol", "original-language") \
                and _field_kind(" ".join(lines[k][0].text.split())) == "issued":
            kinds[k] = "issued"
    d = next((k for k, kind in enumerate(kinds) if kind == "dates"), None)
    if d is not None:  # a place printed right above or under the dates belongs with them
        for k in (d - 1, d + 1):
            if 0 <= k < len(lines) and kinds[k] is None and not is_caps(lines[k][0].text) and (
                    is_place_line(lines[k][0].text) or k > d and _continues(lines[k][0].text)) \
                    and not (k < d and _title_over_place(lines, kinds, k)):
                kinds[k] = "venue"
    found: Found = {}
    heading, rest, venue, dates = None, [], [], []
    for k, ((line, _), kind) in enumerate(zip(lines, kinds)):
        text = " ".join(line.text.split())
        if kind == "symbol" and ("symbol" not in found or kinds[k - 1] == "symbol"):
            found["symbol"] = ((found.get("symbol", ("", {}))[0] + " " + text).strip(), {})
        elif kind == "original-language" and kind not in found:
            found[kind] = (text, {})
        elif kind in ("issued", "as-of") and "issued" not in found:
            found["issued"] = (text, {"date": as_of_date(text) or find_date(text)[0]})
        elif kind == "dates" and "dates" not in found and "dates" not in known:
            found["dates"] = (text, dict(zip(("from", "to"), place_and_dates(text))))
            dates.append(text)
        elif kind == "venue" and d is not None and abs(k - d) == 1:
            dates.append(text) if k > d else dates.insert(0, text)
        elif kind == "heading" and heading is None:
            heading = text
        elif kind == "organisation":
            found[kind] = ((found.get(kind, ("", {}))[0] + ", " + text).strip(", "), {})
        elif kind == "venue":
            venue.append(text)
        else:
            rest.append(line)
    if "dates" in found:
        found["dates"] = (" ".join(dates), found["dates"][1])
    if prepared and heading:
        heading += " " + prepared  # (the heading's second line, in the order printed)
    elif prepared:
        rest.append(Line(0, prepared))
    if venue:
        found["venue"] = (" ".join(venue), {})
    return found, heading, rest


def _runs(blocks: list[list[Line]]) -> list[list[Line]]:
    """The blocks cut where lines in capitals meet lines in lower case (pypdf prints no
    blank lines: "SERIES" / "Title" / "An introduction." / "TITLE" come as one block)."""
    runs: list[list[Line]] = []
    for block in blocks:
        for k, line in enumerate(block):
            if k and is_caps(line.text) == is_caps(block[k - 1].text):
                runs[-1].append(line)
            else:
                runs.append([line])
    return runs


def _agenda_title(blocks: list[list[Line]], found: Found) -> None:
    """An agenda's series, meeting, title and subtitle from the blocks left: the series
    first (lines in capitals, or the organ's name, above the title), then a meeting line,
    the title, and under it a subtitle, a place, or an introduction (the meeting's own
    paragraph, kept in meeting: never in the title)."""
    venue = found.pop("venue", ("", {}))[0]
    runs = _runs(blocks)
    if runs and len(runs[0]) > 2 and is_caps(runs[0][0].text) and (
            len(blocks[0]) > len(runs[0]) or all(_is_prose(r) for r in runs[1:])):
        runs[0:1] = _logical_lines(runs[0])  # pypdf: series, meeting and title in capitals
    first = runs[0] if runs else []
    if first and ORGAN_LINE_RE.search(first[0].text) and len(first[0].text.split()) <= 8 \
            and not is_caps(first[0].text) and (len(first) > 1 or len(runs) > 1):
        found["series"] = (" ".join(first[0].text.split()), {})  # "Assemblée générale …"
        runs[0] = first[1:]
    elif first and is_caps(first[0].text) and len(first) <= 2 and (len(runs) > 1 or len(first) == 2) \
            and not _hinted_title(first):
        two = len(first) == 2 and not _joins(first[0].text, first[1].text)
        found["series"] = (" ".join(first[0].text.split()) if two else join_lines([ln.text for ln in first]), {})
        runs[0] = []
        if two and len(runs) > 1:
            found["meeting"] = (" ".join(first[1].text.split()), {})
        elif two:
            runs[0] = first[1:]  # a series above the title, and nothing else
    runs = [r for r in runs if r]
    if "meeting" not in found and len(runs) > 1 and len(runs[0]) == 1 and (
            _is_meeting(runs[0]) or BODY_RE.search(runs[0][0].text)
            and len(runs[0][0].text.split()) <= 8):
        found["meeting"] = (join_lines([ln.text for ln in runs.pop(0)]), {})
    title, under, intro = None, [], []
    for run in runs:
        text = join_lines([ln.text for ln in run])
        if _is_prose(run):
            intro.append(text)
        elif title is None:
            title = text
        elif not under and is_caps(title) and is_caps(text):
            title = join_lines([title, text])  # a title in capitals broken by a blank line
        else:
            under.append(text)
    if title is not None:
        found["title"] = (title, {})
    subtitle = [t for t in under + [venue] if t]
    if subtitle:
        found["subtitle"] = (" ".join(subtitle), {})
    if intro:
        old = found.get("meeting", ("", {}))[0]
        found["meeting"] = (" ".join([old, *intro]).strip(), {})
    _fallback_title(found)


def _hinted_title(lines: list[Line]) -> bool:
    """True when the layout of a PDF or Word source sets all these lines as the title."""
    return all(ln.hint == "title" for ln in lines)


def _fallback_title(found: Found) -> None:
    """A title block with no title line: the meeting (or the series) is the title."""
    for name in ("meeting", "series", "subtitle"):
        if "title" not in found and name in found and not (name == "meeting" and len(found[name][0]) > 200):
            found["title"] = found.pop(name)


def _logical_lines(run: list[Line]) -> list[list[Line]]:
    """A run of lines in capitals cut where a line does not run on into the next."""
    out = [[run[0]]]
    for line in run[1:]:
        if _joins(out[-1][-1].text, line.text):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _continues(text: str) -> bool:
    """A short line in lower case that ends the line above it ("de tutelle")."""
    return text[:1].islower() and len(text.split()) <= 6 and not re.search(r"[.:;]$", text)


def _joins(first: str, second: str) -> bool:
    """True when the second line of a block in capitals continues the first: a word that
    needs the next ends the first, one starts the second, or the second is one word left
    over from a wrapped title ("REGIONAL CONSULTATION ON LABOUR" / "MOBILITY")."""
    return bool(_JOINS_RE.search(first.rstrip()) or _JOINS_RE.match(second.strip())
                or len(second.split()) == 1 and len(first.split()) >= 3 and second.strip().isalpha()
                and not MEETING_RE.search(second) and not first.rstrip().endswith((".", ":", ",")))


def _is_prose(block: list[Line]) -> bool:
    """A paragraph of running text (an introduction), not a title: sentences."""
    text = join_lines([ln.text for ln in block])
    return len(text.split()) > 25 and bool(re.search(r"[.!?]\s+[A-Z]|[.!?]$", text))
