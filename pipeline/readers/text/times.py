"""Times and dates as printed in three languages, to HH:MM and ISO 8601."""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTH_RE, MONTHS, WEEKDAYS

_AMPM = r"(?:\s?(?P<{0}ampm>[ap])\.?\s?m\.?)"
_TIME = (r"(?P<{0}h>\d{{1,2}})(?:\s?[h:.]\s?(?P<{0}m>\d{{2}})|\s?(?:heures?|h)(?!\w))?" + _AMPM + r"?"
         r"(?:\s?hrs?\.?(?!\w))?")
_SEP = r"\s*(?:–|—|-|‑|to|à|a|until|hasta|au)\s*"
TIME_RANGE_RE = re.compile(
    r"^(?:(?:from|de|desde)\s+)?(?P<range>" + _TIME.format("s") + r"(?:" + _SEP + _TIME.format("e") + r")?)"
    r"(?=[\s:]|$)\s*(?P<rest>.*)$", re.IGNORECASE)


def _to_hhmm(h: str, m: str | None, ampm: str | None) -> str | None:
    """Convert printed hours/minutes/am-pm to HH:MM, or None when impossible."""
    hour, minute = int(h), int(m or 0)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def match_time_range(line: str) -> tuple[str, str | None, str] | None:
    """Return (start, end or None, rest of line) when a line starts with a time or range."""
    if not line[:1].isdigit() and line[:1] not in "fFdD":
        return None  # (TIME_RANGE_RE starts with a digit, "from", "de" or "desde": most lines do not)
    m = TIME_RANGE_RE.match(line)
    if not m:
        return None
    # A bare number ("2008", "3 pays") is not a time: require minutes, an h, or am/pm (the
    # end's will do: "3–6 p.m.", as UN programmes of work print an afternoon meeting).
    raw_start = m.group("range")
    if not (m.group("sm") or m.group("sampm") or re.match(r"\d{1,2}\s?h", raw_start, re.I)
            or m.group("eh") and m.group("eampm")):
        return None
    s_ampm, e_ampm = m.group("sampm"), m.group("eampm")
    if m.group("eh") and e_ampm and not s_ampm:
        s_ampm = e_ampm if int(m.group("sh")) <= int(m.group("eh")) else None
    start = _to_hhmm(m.group("sh"), m.group("sm"), s_ampm)
    end = None
    if m.group("eh"):
        if not (m.group("em") or e_ampm or re.search(r"\d\s?h", raw_start[m.end("sh") - m.start():], re.I)):
            return None
        end = _to_hhmm(m.group("eh"), m.group("em"), e_ampm)
        if end is None:
            return None
    if start is None:
        return None
    return start, end, m.group("rest").strip().lstrip(":–—-").strip()


def second_range(rest: str) -> tuple[str, str, str] | None:
    """A second time range after the first on one line ("10 a.m. - 1 p.m. / 3 p.m. - 6
    p.m. Title": the rest after the first range is "/ 3 p.m. - 6 p.m. Title"), as (start,
    end, title); None when the rest is no such range."""
    if not rest.startswith("/"):
        return None
    second = match_time_range(rest[1:].strip())
    return second if second and second[1] and second[2] else None


_DAY = r"(?P<d{0}>\d{{1,2}})(?:er|st|nd|rd|th|º|°)?"
_MON = r"(?P<m{0}>" + MONTH_RE + r")\.?"
_YEAR = r"(?P<y{0}>\d{{4}})"
_WD = r"(?:(?:" + WEEKDAYS + r"),?\s+)?"
#: "7 juillet 2008", "7 de julio de 2008", "Monday, 7 July 2008", "July 7, 2008"
DATE_RE = re.compile(
    r"(?<!\w)" + _WD + r"(?:" + _DAY.format(1) + r"\s+(?:de\s+)?" + _MON.format(1)
    + r"(?:\s+(?:de\s+|del\s+)?|,\s*)" + _YEAR.format(1)
    + r"|" + _MON.format(2) + r"\s+" + _DAY.format(2) + r",?\s+" + _YEAR.format(2) + r")(?!\w)",
    re.IGNORECASE)
#: "7 – 8 juillet 2008", "7-8 July 2008", "7 y 8 de julio de 2008", "7 and 8 July 2008"
DATE_RANGE_RE = re.compile(
    r"(?<!\w)(?P<d1>\d{1,2})(?:er)?\s*(?:–|—|-|y|and|et|al|au|a|to)\s*(?P<d2>\d{1,2})\s+(?:de\s+)?"
    r"(?P<mon>" + MONTH_RE + r")\.?(?:\s+(?:de\s+)?|,\s*)(?P<y>\d{4})(?!\w)", re.IGNORECASE)


def _date(y: str, m: str, d: str) -> str | None:
    """ISO date from printed parts, or None when the date does not exist."""
    try:
        return dt.date(int(y), MONTHS[m.lower().rstrip(".")], int(d)).isoformat()
    except (ValueError, KeyError):
        return None


#: A date of issue in figures, day first ("12/8/25", "12/08/2025", as ICAO prints it).
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def numeric_date(text: str) -> str | None:
    """The ISO date of a date printed in figures, day first (_NUMERIC_DATE_RE), or None."""
    m = _NUMERIC_DATE_RE.match(text)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return dt.date(year + 2000 if year < 100 else year, month, day).isoformat()
    except ValueError:
        return None


#: Four digits in a row: every date pattern below needs its year (a cheap test first).
_YEAR_DIGITS_RE = re.compile(r"\d{4}")


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first date printed in text, as (ISO date, match)."""
    if not _YEAR_DIGITS_RE.search(text):
        return None
    for m in DATE_RE.finditer(text):
        if m.group("d1"):
            iso = _date(m.group("y1"), m.group("m1"), m.group("d1"))
        else:
            iso = _date(m.group("y2"), m.group("m2"), m.group("d2"))
        if iso:
            return iso, m
    return None


#: A day line printed without its year: "Thursday, 1 December", "Mardi 24 mars",
#: "Martes 8 de julio", "Thursday, December 1".
NO_YEAR_DAY_RE = re.compile(
    r"^(?:" + WEEKDAYS + r"),?\s+(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th|º)?\s+(?:de\s+)?(?P<m1>"
    + MONTH_RE + r")|(?P<m2>" + MONTH_RE + r")\s+(?P<d2>\d{1,2}))\.?(?:\s*[–—:-]?\s*\S.{0,40})?$",
    re.IGNORECASE)


def undated_day(text: str, year: int) -> str | None:
    """The ISO date of a day line printed without a year, in the given year."""
    m = NO_YEAR_DAY_RE.match(text.strip())
    if not m or DATE_RE.search(text):
        return None
    return _date(str(year), m.group("m1") or m.group("m2"), m.group("d1") or m.group("d2"))


#: A range across two months: "27 February–2 March 2029", "27 de febrero a 2 de marzo de 2029".
CROSS_MONTH_RE = re.compile(
    r"(?<!\w)(?P<d1>\d{1,2})(?:er|º)?\s+(?:de\s+)?(?P<m1>" + MONTH_RE + r")\.?\s*(?:–|—|-|a|al|au|to)\s*"
    r"(?P<d2>\d{1,2})(?:er|º)?\s+(?:de\s+)?(?P<m2>" + MONTH_RE + r")\.?(?:\s+(?:de\s+)?|,\s*)(?P<y>\d{4})(?!\w)",
    re.IGNORECASE)
#: The same with the month first, as US English prints them (WIPO, the OAS): "July 7 to
#: 15, 2026", "July 7-15, 2026", "September 30 to October 9, 2019".
US_RANGE_RE = re.compile(
    r"(?<!\w)(?P<m1>" + MONTH_RE + r")\.?\s+(?P<d1>\d{1,2})\s*(?:–|—|-|to|and)\s*"
    r"(?:(?P<m2>" + MONTH_RE + r")\.?\s+)?(?P<d2>\d{1,2}),?\s+(?P<y>\d{4})(?!\w)", re.IGNORECASE)


def lone_date(text: str) -> bool:
    """True when text is one day's date and nothing else ("2 June 2026", "1 October
    2009."): no place, no range, no words after it (a date of issue alone on its line)."""
    found = find_date(text)
    return (found is not None and found[1].start() == 0 and not text[found[1].end():].strip(" .")
            and find_date_range(text) in (None, (found[0], found[0])))


def find_date_range(text: str) -> tuple[str, str] | None:
    """A printed range of days ("7 – 8 juillet 2008", "27 February–2 March 2029") as
    (from, to), or one date twice."""
    if not _YEAR_DIGITS_RE.search(text):
        return None
    for pattern, first, second in ((CROSS_MONTH_RE, "m1", "m2"), (DATE_RANGE_RE, "mon", "mon"),
                                   (US_RANGE_RE, "m1", "m2")):
        m = pattern.search(text)
        if m:
            a = _date(m.group("y"), m.group(first), m.group("d1"))
            b = _date(m.group("y"), m.group(second) or m.group(first), m.group("d2"))
            if a and b and a <= b:
                return a, b
    found = [iso for iso in (_iso_of(mm) for mm in DATE_RE.finditer(text)) if iso]
    if found:
        return found[0], found[-1]
    return None


def _iso_of(m: re.Match) -> str | None:
    """ISO date of a DATE_RE match."""
    if m.group("d1"):
        return _date(m.group("y1"), m.group("m1"), m.group("d1"))
    return _date(m.group("y2"), m.group("m2"), m.group("d2"))


#: The place before a date ("Paris, le 3 mars 2025", "Geneva, July 7 to 15, 2026"): words
#: without digits ("July 7-15, 2026" is a date of its own).
_PLACE_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[’'. -]){0,38},\s*(?:le\s+|el\s+)?"
                       r"(?=\d|(?:" + MONTH_RE + r")\.?\s+\d)", re.I)


def is_date_line(text: str) -> bool:
    """True when a line is only a date or a range of dates (with punctuation around),
    perhaps after the place of the meeting ("Genève, 14 et 15 octobre 2009")."""
    if not _YEAR_DIGITS_RE.search(text):
        return False
    text = _PLACE_RE.sub("", text)
    stripped = US_RANGE_RE.sub("", DATE_RANGE_RE.sub("", CROSS_MONTH_RE.sub("", text)))
    stripped = DATE_RE.sub("", stripped)
    # "31 February" has the form of a date but is none: not a date line, only text
    return stripped != text and not re.search(r"\w", stripped) and find_date_range(text) is not None


def twelve_hours_later(hhmm: str) -> str | None:
    """HH:MM twelve hours later, for an afternoon time printed on a 12-hour clock with no
    a.m./p.m. ("12:30 - 1:30"): only from 1 to 7 o'clock (a meeting's afternoon); None for
    any other time."""
    hour, minute = map(int, hhmm.split(":"))
    return f"{hour + 12:02d}:{minute:02d}" if 1 <= hour <= 7 else None


#: A version date printed in a title block: "(as of 10 July 2013)", "(état au 10 juillet
#: 2013)", "(al 10 de julio de 2013)", "as at 3 May 2016", "Updated: 3 May 2016".
AS_OF_RE = re.compile(
    r"^\(?\s*(?:as\s+(?:of|at)|updated(?:\s+on)?|revised(?:\s+on)?|version\s+of|"
    r"[ée]tat\s+au|mis[ea]\s+à\s+jour\s+(?:le|du|au)|version\s+du|al|actualizad[oa]\s+al|"
    r"versi[óo]n\s+del?)\s*:?\s*(?P<date>[^()]+?)\s*\)?\s*$", re.IGNORECASE)


def as_of_date(text: str) -> str | None:
    """The ISO date of a version line ("(as of 10 July 2013)"), else None."""
    m = AS_OF_RE.match(text.strip())
    if not m:
        return None
    found = find_date(m.group("date"))
    return found[0] if found and not re.search(r"\w", DATE_RE.sub("", m.group("date"))) else None


_PLACE_PART_RE = re.compile(r"^[^\W\d_][\w’'.()&/ -]*$")
#: The small words a place name holds in lower case ("Palais des Nations", "Salle du Conseil").
_PLACE_SMALL = frozenset("de des du la le les l d of the and y del et en".split())


def _is_place(part: str) -> bool:
    """A place or room name: capitalised words, numbers and small linking words, the
    country in brackets after the city as the UN prints it ("Lima (Perú)", "Ouagadougou
    (Burkina Faso)")."""
    words = [w.lstrip("(").rstrip(")") for w in part.split()]
    return bool(_PLACE_PART_RE.match(part)) and len(words) <= 8 and part.count("(") == part.count(")") and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _PLACE_SMALL
        or re.split(r"[’']", w)[0].lower() in _PLACE_SMALL for w in words)


def is_place_line(text: str) -> bool:
    """A line that is only a place or room ("United Nations Headquarters, New York")."""
    parts = [p.strip() for p in " ".join(text.split()).split(",")]
    return len(" ".join(parts).split()) <= 12 and all(p and _is_place(p) for p in parts)


def place_and_dates(text: str) -> tuple[str, str] | None:
    """(from, to) of a title-block line that gives the meeting's dates, perhaps with its
    place or room before or after them ("San José, Costa Rica, 12 y 13 de junio de 2014",
    "8–9 October 2018, Geneva", "Tuesday, 24 November 2015, Conference Room 2, Geneva");
    None for any other line (a version date, a sentence, a title with a date in it)."""
    text = " ".join(text.split())
    if as_of_date(text) or len(text.split()) > 22 or re.search(r"[^\W\d_]{3}\.$|:$", text):
        return None
    dates = find_date_range(text)
    if not dates:
        return None
    rest = DATE_RE.sub(",", US_RANGE_RE.sub(",", DATE_RANGE_RE.sub(",", CROSS_MONTH_RE.sub(",", text))))
    parts = [p.strip(" –—-") for p in rest.split(",")]
    if not all(not p or _is_place(p) for p in parts):
        return None
    return dates
