"""Stage 3 for agendas: lines to days, timed items and their parts.

After ``build_agenda`` runs:
- every day line ("7 juillet 2008   Première journée") opened a <day> with an ISO @date;
- every line starting with a time or time range opened an <item> with @start (and @end),
  a @kind from its title, and @label/@n when the title reads "Session I: ...";
- wrapped titles, descriptions, people and questions are joined into single elements;
- people (people.py) are split into honorific, name (before the first comma), role and
  talk, two on a line at " / "; a label alone on its line ("Co-chairs:") is over one
  moderator per person; a person introduced in a line ("Opening remarks by NAME, role")
  leaves the lead-in words in the title or a description paragraph;
- nothing of the input is dropped: an unrecognised line becomes description text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from ...errors import Diagnostic, DocumentError, error
from .lexicon import (DAY_RANK_RE, DISCUSSION_RE, END_RE, KINDS, LABEL_RE, MODERATOR_RE,
                      QUESTIONS_LEAD_RE, RAPPORTEUR_RE, SESSION_RE)
from .normalise import LINE_ATTR, Line
from .people import (NUMBERED_RE, continues_person, lead_in, people_elements, plural_label,
                     split_honorific, starts_person)
from .text import is_caps, join_lines
from .times import (DATE_RANGE_RE, as_of_date, find_date, match_time_range, second_range,
                    twelve_hours_later, undated_day)

BULLET_RE = re.compile(r"^[•·▪◦●○‣■□➢►*\-–—]\s+(?P<text>.*)$")
CONNECTOR_END_RE = re.compile(
    r"(?:[–—:,/-]|\b(?:de|du|des|la|le|les|of|and|the|for|on|in|to|et|y|del|los|las|el|en|"
    r"dans|pour|para|sur|à|a|con|with|au|aux|entre|between|an|its|their|sus|su))$", re.IGNORECASE)


def is_day_line(text: str, year: int | None = None) -> str | None:
    """The ISO date of a day line ("Monday, 7 July 2008", "7 juillet 2008 Première journée");
    a day line without a year ("Thursday, 1 December") is in the year given (2000 when
    none is: enough to tell a day line)."""
    if len(text.split()) > 12 or match_time_range(text) or text.rstrip().endswith(".") \
            or as_of_date(text):
        return None  # "(as of 10 July 2013)" dates the agenda, not a day
    undated = undated_day(text, year or 2000)
    if undated:
        return undated
    found = find_date(text)
    if not found or DATE_RANGE_RE.search(text):
        return None
    iso, m = found
    before = text[:m.start()].strip(" –—-:,")
    return iso if len(before.split()) <= 4 else None


def is_day_rank(text: str) -> bool:
    """A day line with no date, named by its rank ("DAY TWO", "Deuxième journée")."""
    return (len(text.split()) <= 8 and not match_time_range(text)
            and not text.rstrip().endswith(".") and bool(DAY_RANK_RE.match(text)))


def item_kind(title: str) -> str:
    """The @kind of an item, from keywords of its title."""
    low = title.lower()
    for kind, pattern in KINDS:
        if re.search(pattern, low):
            return kind
    return "other"


def title_continues(prev: str, line: str) -> bool:
    """True when line continues a wrapped item title rather than starting the description."""
    if line[:1].islower():
        return True
    if is_caps(prev) and is_caps(line):
        return True
    return bool(CONNECTOR_END_RE.search(prev.rstrip()))


@dataclass
class ItemBuilder:
    """Collects the lines of one item, then emits its element."""

    start: str
    end: str | None
    line: int
    title: list[str] = field(default_factory=list)
    desc: list[list[str]] = field(default_factory=list)
    moderators: list[tuple[str | None, list[str]]] = field(default_factory=list)
    rapporteurs: list[tuple[str | None, list[str]]] = field(default_factory=list)
    speakers_label: str | None = None
    speakers: list[list[str]] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    questions: list[list[str]] = field(default_factory=list)
    discussion: str | None = None
    state: str = "title"
    bulleted: bool = False
    many: bool = False  # the moderator (rapporteur) label is over several people
    numbered: bool = False  # speakers numbered "1. NAME, role – Talk"
    gap: bool = False  # a blank line before the line being read

    def element(self) -> etree._Element:
        """The <item> element."""
        item = etree.Element("item", {LINE_ATTR: str(self.line)}, start=self.start)
        if self.end:
            item.set("end", self.end)
        title = join_lines(self.title)
        m = SESSION_RE.match(title)
        numbered = bool(m and m.group("title").strip())
        # "Session II: Conclusions" is a session, whatever its title says.
        item.set("kind", "session" if numbered and item_kind(m.group("label")) == "session"
                 else item_kind(title))
        if numbered:
            item.set("n", m.group("n"))
            item.set("label", m.group("label"))
            title = m.group("title").strip()
        etree.SubElement(item, "title").text = title
        paras, people = people_elements(self.desc, self.moderators, self.rapporteurs,
                                        self.speakers, self.speakers_label, self.numbered)
        orphan_lead = [join_lines(self.lead)] if self.lead and not self.questions else []
        for text in paras + orphan_lead:
            etree.SubElement(item, "p").text = text
        item.extend(people)
        if self.questions:
            qs = etree.SubElement(item, "questions")
            if self.lead:
                etree.SubElement(qs, "lead").text = join_lines(self.lead)
            for q in self.questions:
                etree.SubElement(qs, "question").text = join_lines(q)
        if self.discussion:
            etree.SubElement(item, "discussion").text = self.discussion
        return item


class AgendaBuilder:
    """Feeds agenda lines one by one into days and items."""

    def __init__(self, filename: str, width: int, default_date: str | None):
        self.filename = filename
        self.width = width
        self.default_date = default_date
        self.agenda = etree.Element("agenda")
        self.day: etree._Element | None = None
        self.item: ItemBuilder | None = None
        self.last_item: etree._Element | None = None  # the day's last item, once emitted
        self.orphans: list[str] = []
        self.blank = False  # a blank line since the last text line
        self.spacing = (0, 0)  # text lines read, and how many of them after a blank line
        self.warnings: list[Diagnostic] = []

    def warn(self, line: Line, message: str) -> None:
        """Record a warning at a source line."""
        self.warnings.append(Diagnostic(self.filename, line.no, message, "warning"))

    def flush(self) -> None:
        """Emit the item being built into the current day."""
        if self.day is not None:
            self.flush_orphans()
        if self.item is not None:
            if not "".join(self.item.title).strip():
                raise error(self.filename, self.item.line, "a timed item without a title: "
                                                           "write the title after the time")
            self.last_item = self.item.element()
            self.day.append(self.last_item)
            self.item = None

    def open_day(self, iso: str, heading: str | None, line: Line) -> None:
        """Start a new day (the day before it must have had a timed item)."""
        self.flush()
        self.check_day_done()
        if self.day is not None and iso <= self.day.get("date"):
            raise error(self.filename, line.no, f"day {iso} comes after day {self.day.get('date')}: "
                                                "days must be in date order")
        self.day = etree.SubElement(self.agenda, "day", {LINE_ATTR: str(line.no)}, date=iso)
        self.last_item = None
        if heading:
            etree.SubElement(self.day, "heading").text = heading

    def feed(self, line: Line) -> None:
        """Route one line to the structure it belongs to."""
        text = " ".join(line.text.split(" ")).strip()
        text = re.sub(r" {2,}", " ", text)
        if line.kind != "text" or not text:
            self.blank = self.blank or line.kind == "blank"
            return
        self.spacing = (self.spacing[0] + 1, self.spacing[1] + self.blank)
        if self.item is not None:  # a blank line tells nothing where one follows every line
            self.item.gap = self.blank and self.spacing[1] < 0.6 * self.spacing[0]
        self.blank = False
        times = match_time_range(text)
        if times:
            return self.open_item(times, line)
        if self.starts_day(text):
            year = int(self.default_date[:4]) if self.default_date else None
            iso = (is_day_line(text, year) if year or not undated_day(text, 2000) else None) \
                or self.next_date(line)
            if iso:
                return self.open_day(iso, text, line)
        if self.item is None:
            return self.orphan(line, text)
        if END_RE.match(text) and len(text.split()) <= 8 and not text.endswith("?"):
            self.flush()
            etree.SubElement(self.day, "end").text = text
            return
        self.feed_item(line, text)

    def starts_day(self, text: str) -> bool:
        """A day line, unless it can only be the rest of an item's wrapped title."""
        if not (is_day_line(text) or is_day_rank(text)):
            return False
        it = self.item
        return it is None or it.state != "title" or (bool(it.title) and not title_continues(it.title[-1], text))

    def next_date(self, line: Line) -> str | None:
        """The date of a day printed without one: the day after the previous day, or the
        meeting's first day (a warning says so)."""
        if self.day is not None:
            iso = (dt.date.fromisoformat(self.day.get("date")) + dt.timedelta(days=1)).isoformat()
        else:
            iso = self.default_date
        if iso:
            self.warn(line, f"a day line without a date: taken as {iso}")
        return iso

    def open_item(self, times: tuple[str, str | None, str], line: Line) -> None:
        """Start a timed item."""
        if self.day is None:
            if not self.default_date:
                self.warn(line, "a timed item before any day line and no meeting date: "
                                "assuming 1970-01-01; add a day line such as '7 July 2008'")
            self.open_day(self.default_date or "1970-01-01", None, line)
        self.flush()
        if self.day.find("end") is not None:
            self.warn(line, "a timed item after the end-of-day line")
            self.day.remove(self.day.find("end"))
        start, end, rest = times
        twin = second_range(rest) if end else None
        if twin:  # "10 a.m. - 1 p.m. / 3 p.m. - 6 p.m. Title": two items of one title
            start, end = self.check_times(start, end, line)
            self.item = ItemBuilder(start, end, line.no, title=[twin[2]])
            self.flush()
            start, end, rest = twin
        start, end = self.check_times(start, end, line)
        self.item = ItemBuilder(start, end, line.no)
        if rest:
            self.first_title_line(rest)

    def check_times(self, start: str, end: str | None, line: Line) -> tuple[str, str | None]:
        """Times run forward: an item ending before it starts, or starting before the item
        above it, is an error, unless the times were printed on a 12-hour clock with no
        a.m./p.m. ("12:30 - 1:30", "1:00 - 2:00" after "11:00"): they are read as afternoon
        times, with a warning. An item that overlaps the item above it is a warning.
        Return the times as read."""
        if end and end <= start and (later := twelve_hours_later(end)) and later > start:
            self.warn(line, f"'{end}' after '{start}' read as {later} (a 12-hour clock)")
            end = later
        if end and end <= start:
            raise DocumentError(self.filename, line.no, f"item ends ({end}) before or when it starts ({start})")
        prev = self.last_item  # not day.findall("item"), which is quadratic over a long day
        if prev is None:
            return start, end
        p_start, p_end = prev.get("start"), prev.get("end")
        later = twelve_hours_later(start) if start < p_start else None
        if later and later >= p_start and (not end or twelve_hours_later(end)):
            self.warn(line, f"'{start}' after the item above it ({p_start}) read as {later} "
                            "(a 12-hour clock)")
            start, end = later, twelve_hours_later(end) if end else None
        if start < p_start:
            raise DocumentError(self.filename, line.no, f"item starts ({start}) before the item above it "
                                                f"({p_start}): times must be in order within a day")
        if p_end and start < p_end:
            self.warn(line, f"item starts ({start}) before the item above it ends ({p_end})")
        return start, end

    def orphan(self, line: Line, text: str) -> None:
        """A line between a day heading and its first item (joined to the heading when the
        day's first item opens: appending to an lxml text one line at a time is quadratic)."""
        self.warn(line, f"text before the first timed item of the day is kept as the day heading: {text[:60]!r}")
        if self.day is not None and self.day.find("heading") is not None:
            self.orphans.append(text)

    def flush_orphans(self) -> None:
        """Join the lines kept for the day heading to it."""
        if self.orphans:
            heading = self.day.find("heading")
            heading.text = " ".join([heading.text, *self.orphans])
            self.orphans = []

    def first_title_line(self, text: str) -> None:
        """The first line of an item's title; a person it introduces ("Opening remarks by
        NAME, role") opens the speakers, the lead-in words stay the title."""
        it = self.item
        found = lead_in(text)
        if found and not starts_person(text):
            it.title.append(found[0].strip())
            it.speakers.append([text[len(found[0]):]])
            it.state = "speakers"
        else:
            it.title.append(text)

    def feed_item(self, line: Line, text: str) -> None:
        """Route a line inside an item."""
        it = self.item
        bullet = BULLET_RE.match(text)
        label = LABEL_RE.match(text)
        if it.state == "title" and not it.title:
            return self.first_title_line(text)
        if DISCUSSION_RE.match(text):
            it.discussion, it.state = text, "after"
            return
        if label:
            return self.open_label(label)
        if QUESTIONS_LEAD_RE.search(text) and not bullet and it.state != "questions-lead":
            it.lead, it.state = [text], "questions-lead"
            return
        if bullet and text[0] in "-–—" and it.state == "desc" and it.desc and it.desc[-1] \
                and not re.search(r"[.!?:;]['\"»”’)]*$", it.desc[-1][-1]):
            bullet = None  # a dash that wrapped onto the line ("economic" / "– in countries")
        if bullet:
            return self.feed_bullet(bullet.group("text"))
        if it.state in ("title", "desc") and starts_person(text) and not self.in_sentence(text):
            return self.feed_bullet(text, False)  # "Brunson McKinley, Director General, IOM"
        self.feed_text(text)

    def in_sentence(self, text: str) -> bool:
        """True when a person-like line goes on with the title or the description above
        it (a wrapped line: "Palabras de la Directora …," / "señora NAME"), not a person
        printed with no bullet."""
        it = self.item
        last = it.title[-1] if it.state == "title" else it.desc[-1][-1] if it.desc and it.desc[-1] else ""
        if not last or it.gap:
            return it.state == "title" and not last
        if re.search(r"[,;]$", last) or CONNECTOR_END_RE.search(last):
            return True
        fragment = it.state == "desc" and len(it.desc[-1]) == 1 and len(last.split()) <= 3
        return it.state == "desc" and not re.search(r"[.!?]['\"»”’)]*$", last) \
            and not split_honorific(text)[0] and not fragment

    def open_label(self, label: re.Match) -> None:
        """A "Moderator:", "Rapporteur:" or "Speakers:" line."""
        it = self.item
        name, rest = label.group("label"), label.group("rest").strip()
        if MODERATOR_RE.match(name) or RAPPORTEUR_RE.match(name):
            entries = it.moderators if MODERATOR_RE.match(name) else it.rapporteurs
            entries.append((name, [rest] if rest else []))
            it.state = "moderator" if entries is it.moderators else "rapporteur"
            it.many = not rest or plural_label(name)
        else:
            it.speakers_label = name
            if rest:
                it.speakers.append([rest])
            it.state = "speakers"
            it.bulleted = False

    def entries(self) -> list[tuple[str | None, list[str]]]:
        """The moderators or rapporteurs being read."""
        return self.item.moderators if self.item.state == "moderator" else self.item.rapporteurs

    def feed_bullet(self, text: str, bulleted: bool = True) -> None:
        """A bulleted line (or a person printed with no bullet): a question, a moderator,
        or a speaker."""
        it = self.item
        if it.state in ("questions-lead", "questions"):
            it.questions.append([text])
            it.state = "questions"
        elif it.state in ("moderator", "rapporteur") and (not self.entries()[-1][1] or it.many):
            label, lines = self.entries()[-1]
            if lines:
                self.entries().append((label, [text]))
            else:
                lines.append(text)
        else:
            it.state = "speakers"
            it.speakers.append([text])
            it.bulleted = bulleted

    def feed_text(self, text: str) -> None:
        """A plain line: continuation of whatever is open, or description."""
        it = self.item
        if it.state in ("moderator", "rapporteur", "speakers"):
            return self.feed_person_text(text)
        if it.state == "title":
            if title_continues(it.title[-1], text):
                it.title.append(text)
                return
            it.state = "desc"
            it.desc.append([])
        if it.state == "desc":
            if it.desc[-1] and lead_in(text) and not title_continues(it.desc[-1][-1], text):
                it.desc.append([])  # "Palabras del Sr. NAME, role" after another paragraph
            it.desc[-1].append(text)
            if re.search(r"[.!?]['\"»”’)]*$", text) and len(text) < 0.7 * self.width:
                it.desc.append([])
        elif it.state == "questions-lead":
            it.lead.append(text)
        elif it.state == "questions":
            it.questions[-1].append(text)
        else:
            self.warn(Line(it.line, text), f"text after the general discussion line is kept as description: {text[:60]!r}")
            it.desc.append([text])

    def feed_person_text(self, text: str) -> None:
        """An unbulleted line under a moderator, rapporteur or speakers label: the rest of
        the last person (a wrapped role or talk), another person, or description."""
        it = self.item
        entries = it.speakers if it.state == "speakers" else [lines for _, lines in self.entries()]
        last = entries[-1] if entries else None
        if it.state == "speakers" and NUMBERED_RE.match(text):
            it.numbered = True
        if last is not None and not last:
            last.append(text)
        elif last is None:
            it.speakers.append([text])
        elif it.bulleted and it.state == "speakers" or self.continues(last, text) is not False:
            last.append(text)  # split_prose tells a description after it at the end
        elif starts_person(text) or it.numbered and NUMBERED_RE.match(text):
            if it.state == "speakers":
                it.speakers.append([text])
            elif it.many:
                self.entries().append((self.entries()[-1][0], [text]))
            else:
                it.state = "speakers"
                it.speakers.append([text])
        else:
            it.state = "desc"
            it.desc.append([text])

    def continues(self, last: list[str], text: str) -> bool | None:
        """Whether text goes on with the person whose lines are last (None: unsure)."""
        it = self.item
        talk = it.numbered or " – " in " ".join(last)
        if talk and not it.gap and not starts_person(text) \
                and not (it.numbered and NUMBERED_RE.match(text)):
            return not re.search(r"[.!?]['\"»”’)]*$", last[-1])
        return continues_person(last[-1], text, it.numbered, it.gap)

    def check_day_done(self) -> None:
        """A day needs at least one timed item."""
        if self.day is not None and self.day.find("item") is None:
            raise error(self.filename, int(self.day.get(LINE_ATTR)) or None,
                        f"day {self.day.get('date')} has no timed item (a line starting with a time)")

    def finish(self) -> etree._Element:
        """Close the last item and day, and return <agenda>."""
        self.flush()
        self.check_day_done()
        return self.agenda
