"""Stage 1, normalise: bytes to numbered lines, with page-layout debris taken out.

After ``normalise`` runs:
- the text is a str (UTF-8 with or without BOM, UTF-16 with BOM, cp1252 or latin-1);
- every line knows its 1-based line number in the source file (form feeds start a new
  line but keep the number of the line they stood on);
- line ends are gone, tabs are spaces, trailing spaces are gone; no-break spaces stay;
- page numbers, running headers and form feeds are removed (listed in ``debris``), and
  the first line of each new page has ``page_start`` set;
- blank lines stay (kind ``blank``), except one between a line that ends in a word cut by
  a hyphen and a line that goes on in lower case (pdfminer.six prints a blank line after
  each line of a heading: "Confidence-" / "" / "building Measures"); lines of only spaces
  or underscores that are long enough to be a footnote rule have kind ``sep``.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterator

from ...errors import Diagnostic, DocumentError
from .lexicon import DISCUSSION_RE, END_RE, LABEL_RE


@dataclass(slots=True)  # a text has a line object a line: no dict for each
class Line:
    """One line of the raw text after normalisation."""

    no: int
    text: str
    kind: str = "text"  # text | blank | sep
    page_start: bool = False
    indent: int = 0
    #: What the layout of a PDF or Word source says of the line (see HINTS); "" for text.
    hint: str = ""


#: The hints a reader of the documents themselves (readers/pdf, readers/docx) may give a
#: line: the document's title, a heading of level 1-3, a line set in bold or wholly in
#: italic, a line of a footnote area, a running header or footer. The builders may use
#: them; a text has none.
HINTS = ("title", "heading1", "heading2", "heading3", "bold", "italic", "note", "running")


@dataclass
class Normalised:
    """The result of stage 1."""

    lines: list[Line]
    debris: list[Line] = field(default_factory=list)
    encoding: str = "utf-8"
    warnings: list[Diagnostic] = field(default_factory=list)


PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|(?:page|página|pág\.|p\.):?\s*\d{1,4}"
    r"(?:\s*(?:of|de|sur|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$", re.IGNORECASE)
#: A running footer or header set apart from its page number by a run of spaces
#: ("Bali Process Workshop – Trafficking at Sea          Page 2").
PAGE_FIELD_RE = re.compile(r"^\s*(?:\S.{2,100}?\s{3,}(?:page|página|pág\.)\s*\d{1,4}|"
                           r"(?:page|página|pág\.)\s*\d{1,4}\s{3,}\S.{2,100}?)\s*$", re.IGNORECASE)
SEP_RE = re.compile(r"^(?:\s{10,}|\s*[_‗–—-]{5,}\s*)$")
#: Temporary attribute holding an element's source line while the tree is built.
LINE_ATTR = "_line"
SYMBOL_LIKE_RE = re.compile(r"^[A-Z]{1,10}(?:[./-][A-Z0-9]+)*/[A-Z0-9][A-Za-z0-9./()-]*$"
                            r"|^[A-Z][A-Z-]{0,11}\(\d{4}\)[A-Za-z]{0,6}\d{1,4}$")  # (the Council of Europe's)
_EOL_RE = re.compile(r"\r\n|\r|\n")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_XML_RE = re.compile("[\ufffe\uffff\ud800-\udfff]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f])


def decode(data: bytes, filename: str) -> tuple[str, str]:
    """Decode raw bytes, returning (text, encoding name); binary input is an error.
    Characters XML cannot hold (U+FFFE, U+FFFF, lone surrogates) are dropped."""
    text, enc = _decode(data, filename)
    # (only UTF-16 decodes a lone surrogate; a scan of the text for them costs more than
    # the decoding: asked only when one may be there)
    if enc == "utf-16" or "\ufffe" in text or "\uffff" in text:
        text = _NON_XML_RE.sub("", text)
    return text, enc


def _decode(data: bytes, filename: str) -> tuple[str, str]:
    """decode() before the characters XML cannot hold are dropped."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[3:]  # a BOM, then bytes of another encoding: decode as below
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16", errors="surrogatepass"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DocumentError(filename, 1, f"UTF-16 text with undecodable bytes ({exc.reason})") from None
    if b"\x00" in data[:4096]:
        raise DocumentError(filename, 1, "binary file (NUL bytes): expected plain text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1252", errors="replace"), "cp1252"
        if "\ufffd" in text:
            text, enc = data.decode("latin-1"), "latin-1"
    # (_CONTROL_RE's characters are the bytes of the same values in UTF-8, cp1252 and
    # latin-1, and no other byte decodes to one: counted in the bytes, eight times faster)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(text) // 200):
        raise DocumentError(filename, 1, f"binary file ({controls} control characters): expected plain text")
    return text, enc


def split_lines(text: str) -> list[Line]:
    """Split on any line end; a form feed starts a new page on the same source line."""
    text = _CONTROL_RE.sub("", text.replace("\t", " ").replace("\u200b", ""))
    out: list[Line] = []
    # (what _EOL_RE splits on, split by str methods: a regex split costs ten times as much)
    raws = (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).split("\n")
    for no, raw in enumerate(raws, start=1):
        for i, piece in enumerate(raw.split("\f") if "\f" in raw else (raw,)):
            stripped = piece.rstrip()
            line = Line(no, stripped, "text", i > 0)
            if not stripped:
                line.kind = "sep" if len(piece) >= 10 else "blank"
            else:
                line.indent = len(stripped) - len(stripped.lstrip())
                if stripped[line.indent] in "_‗–—-" and SEP_RE.match(piece):
                    line.kind = "sep"
            out.append(line)
    while out and out[-1].kind == "blank":
        out.pop()
    return out


def remove_page_numbers(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop lines that hold only a page number; the next text line starts a page."""
    kept, debris = [], []
    pending = False
    for i, line in enumerate(lines):
        if line.kind == "text" and (_page_number(line.text) or _page_field(line.text)) \
                and _isolated(lines, i) and not _number_above_page_number(lines, i) \
                and not _number_above_its_note(lines, i) and not _row_number(lines, i):
            debris.append(line)
            pending = True
            continue
        if pending and line.kind == "text":
            # unless a form feed comes a few lines on: then what is between is still the
            # page's foot (pdftotext prints "2/14" between a note's number and its text)
            line.page_start = not any(ln.page_start for ln in lines[i + 1:i + FOOT_AFTER_NUMBER])
            pending = False
        kept.append(line)
    return kept, debris


def _row_number(lines: list[Line], i: int) -> bool:
    """True when lines[i], a number alone, has a meeting's time alone above it (blank lines
    between): the item number of a programme of work's row, printed a cell a line with
    blank lines between ("10:00–13:00" / "" / "1" / "" / "Questions d’organisation"),
    as pdftotext prints the table of our writers, not a page number."""
    k = next((k for k in range(i - 1, max(i - 4, -1), -1) if lines[k].kind != "blank"), None)
    if k is None or lines[k].kind != "text" or lines[i].page_start:
        return False
    if _time_above(lines, k) or _in_number_column(lines, i):
        return True
    row = _number_above(lines, i)  # the next row's number, no time of its own beside it
    return row is not None and _time_above(lines, _prev_text_index(lines, row))


def _in_number_column(lines: list[Line], i: int) -> bool:
    """True when lines[i], a number alone, is one of three numbers alone or more in a run
    (only blank lines between, on one page), each the one above or a little more: a table's
    column of item numbers as pdfminer prints it ("1" / "3" / "3" / "4"), never page
    numbers, which a page's text keeps apart."""
    if not lines[i].text.strip().isdecimal():
        return False
    up = _numbers_run(lines, i, -1)
    down = _numbers_run(lines, i, 1)
    run = up[::-1] + [i] + down
    values = [int(lines[k].text.strip()) for k in run]
    steps = [b - a for a, b in zip(values, values[1:])]
    # three in a run, none going back nor skipping more than two items (an item with no
    # meeting of its own); two are enough under a time: "10:00–13:00" / "1" / "2" / "Election"
    return len(run) >= 3 and all(0 <= d <= 3 for d in steps) or len(run) == 2 and steps[0] in (0, 1) \
        and _time_above(lines, _prev_text_index(lines, run[0]))


def _numbers_run(lines: list[Line], i: int, step: int) -> list[int]:
    """The indexes of the numbers alone next to lines[i] going up (step -1) or down (+1),
    blank lines skipped, two at most, not across a page's start."""
    found: list[int] = []
    k = i + step
    while 0 <= k < len(lines) and len(found) < 2:
        line = lines[k]
        if line.kind == "text":
            below = k if step > 0 else (found[-1] if found else i)  # (a page starts at its line)
            if not line.text.strip().isdecimal() or lines[below].page_start:
                break
            found.append(k)
        k += step
    return found


def _time_above(lines: list[Line], k: int | None) -> bool:
    """True when lines[k] is a meeting's time alone."""
    from .times import match_time_range

    if k is None or lines[k].kind != "text":
        return False
    time = match_time_range(" ".join(lines[k].text.split()))
    return bool(time) and not time[2]


def _prev_text_index(lines: list[Line], i: int) -> int | None:
    """The index of the nearest text line above lines[i] (three lines up at most)."""
    return next((k for k in range(i - 1, max(i - 4, -1), -1) if lines[k].kind == "text"), None)


def _number_above(lines: list[Line], i: int) -> int | None:
    """The index of n - 1 alone a few lines above lines[i], a number n alone (six text lines
    at most, no page break between), or None: the previous row of a programme of work's
    table, printed a cell a line ("15:00–18:00" / "5" / "Consultas ..." / "6" / "Programa
    ...", the last row of a day without a time of its own)."""
    text = lines[i].text.strip()
    if not text.isdecimal():
        return None
    n, seen = int(text), 0
    for k in range(i - 1, -1, -1):
        line = lines[k]
        if line.kind != "text":
            continue
        if line.page_start or seen == 6:
            return None
        above = line.text.strip()
        if above.isdecimal():  # (a row's title between: a column of numbers is no table's rows)
            return k if int(above) == n - 1 and seen else None
        seen += 1
    return None


def _page_field(text: str) -> re.Match | None:
    """PAGE_FIELD_RE.match(text), tried only on a line with a page word, what every match
    holds ("pag" or "pág" in any case), as the pattern's lazy field backtracks over every
    line of prose. Looked for in text.lower() with str's search: an IGNORECASE re cannot
    skip ahead (and no character but P, A, G, Á lowers to one of its letters, nor does re
    match another to them)."""
    low = text.lower()
    return PAGE_FIELD_RE.match(text) if "pag" in low or "pág" in low else None


def _page_number(text: str) -> re.Match | None:
    """PAGE_NUMBER_RE.match(text), tried only when the line starts (after its spaces) as a
    page number may: a digit, a dash, "page", "página", "pág.", "p." (IGNORECASE: P or p)."""
    first = text.lstrip()[:1]
    return PAGE_NUMBER_RE.match(text) if first.isdigit() or first in _PAGE_NUMBER_FIRST else None


_PAGE_NUMBER_FIRST = frozenset("-–—Pp")


#: How many lines after a page number may still be the foot of its page.
FOOT_AFTER_NUMBER = 6


def _number_above_page_number(lines: list[Line], i: int) -> bool:
    """True when lines[i], a number alone, has the page's number under it (blank lines or a
    short note between, then the page's end): it is the number of a note pdftotext printed
    apart ("Note text." / "1" / "" / "1", or "2" / "" / "Note text." / "2", then a form
    feed), not a second page number."""
    if not lines[i].text.strip().isdecimal():
        return False
    texts = [k for k in range(i + 1, min(i + 7, len(lines))) if lines[k].kind == "text"][:3]
    k = next((k for k in texts if lines[k].text.strip().isdecimal()
              or "/" in lines[k].text and PAGE_NUMBER_RE.match(lines[k].text)), None)
    if k is None or any(lines[m].page_start for m in range(i + 1, k + 1)):
        return False
    after = next((m for m in range(k + 1, len(lines)) if lines[m].kind == "text"), None)
    # the page ends after the next text line, or a few lines on (a note's text and the job
    # number printed under the page number: "1" / "2/14" / "See ..." / "25-08097")
    return after is None or any(ln.page_start for ln in lines[k + 1:after + FOOT_AFTER_NUMBER])


#: How many lines a note printed under its number may run to, its page's foot aside.
NOTE_LINES = 6


def _number_above_its_note(lines: list[Line], i: int) -> bool:
    """True when lines[i], a number n alone inside a page, has a text under it (a blank
    line between, perhaps) that runs to the page's end, the UN page foot aside, and the
    page above prints marker n: note n as pdftotext prints it where no page number is
    printed under the notes (a UN document's first page: "... services.1" / "1" / "" /
    "The previous report ..." / "27-11205 (E)" / form feed), not a page number."""
    text = lines[i].text.strip()
    if not text.isdecimal() or lines[i].page_start:
        return False
    k = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].kind != "blank"), None)
    if k is None or lines[k].kind != "text" or lines[k].page_start \
            or not lines[k].text.strip()[:1].isupper():
        return False
    run = 0
    for line in lines[k + 1:]:
        if line.page_start:
            break
        if line.kind == "text" and not _debris_field(line.text.strip(), set()):
            run += 1
            if run > NOTE_LINES:
                return False
    from .footnotes import marker_above  # (footnotes reads this module's Line)

    return marker_above(lines, i, int(text), loose=True)


#: A page head as pypdf prints it, inline with no blank line around: "Page 2 GFMD 2011",
#: "Página 2 de 3", "Page 2 Programme provisoire – Audition".
INLINE_PAGE_RE = re.compile(r"^(?:page|página|pág\.)\s*(?P<n>\d{1,3})(?:\s*(?:of|de|sur|/)\s*\d{1,3})?"
                            r"(?:\s+(?P<rest>\S.{0,100}))?$", re.IGNORECASE)
#: What its match starts with (IGNORECASE matches nothing else to "p").
_PAGE_P = frozenset("pP")


def remove_inline_page_heads(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop "Page N …" lines whose numbers run 2, 3, … in order through the text, each
    with the same short running title (or none): page heads set inline, as pypdf prints
    them; the next text line starts a page."""
    found = [(i, m) for i, ln in enumerate(lines) if ln.kind == "text" and ln.text.lstrip()[:1] in _PAGE_P
             for m in [INLINE_PAGE_RE.match(ln.text.strip())] if m]
    rests = {" ".join((m.group("rest") or "").split()) for _, m in found}
    if not found or len(rests) > 1 or [int(m.group("n")) for _, m in found] != list(
            range(2, len(found) + 2)) or re.search(r"[.;:,]$|^\W", rests.pop() or "x") \
            or any(len((m.group("rest") or "").split()) > 12 for _, m in found):
        return lines, []
    drop = {i for i, _ in found}
    for i in drop:
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].kind == "text"), None)
        if nxt is not None:
            lines[nxt].page_start = True
    return drop_lines(lines, drop)


def _isolated(lines: list[Line], i: int) -> bool:
    """A page number stands alone: blank, sep or page edge on at least one side. A number
    with a blank line above and text right under it, inside a page, is a note's number as
    pdftotext -layout prints it ("1" / "IOM's work ..."), not a page number."""
    before = lines[i - 1] if i > 0 else None
    after = lines[i + 1] if i + 1 < len(lines) else None
    here = lines[i].text.strip()
    if before is not None and before.kind == "sep" and here.isdecimal():
        return False  # right under the notes' rule: the first note's number
    if here.isdecimal() and (
            before is not None and before.kind == "text" and before.text.strip() == str(int(here) - 1)
            or after is not None and after.kind == "text" and after.text.strip() == str(int(here) + 1)):
        return False  # "1" / "2": the numbers of notes printed apart from their texts
    if (before is not None and before.kind in ("blank", "sep") and after is not None
            and after.kind == "text" and not lines[i].page_start and not after.page_start
            and lines[i].text.strip().isdecimal() and after.text.strip()[:1].isupper()):
        return False
    return (before is None or before.kind != "text" or after is None or after.kind != "text"
            or lines[i].page_start or (after is not None and after.page_start))


def remove_running_headers(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop a line repeated at page tops (every copy is among the first two lines of a
    page; the first copy may also be the first line of the text)."""
    top = _page_tops(lines)
    first = _first_text(lines)
    seen: dict[str, list[int]] = defaultdict(list)
    for i in sorted(top | {first}):
        if lines[i].kind == "text":
            seen[" ".join(lines[i].text.split())].append(i)
    drop: set[int] = set()
    # a header seen once only (page 2 of a two-page document) repeats a line of the first page
    early_lines = [" ".join(ln.text.split()).casefold() for ln in _first_lines(lines, 25)]
    early = " ".join(early_lines)
    for i in top:
        text = " ".join(lines[i].text.split())
        if (len(seen.get(text, ())) == 1 and lines[i].page_start
                and (len(text) >= 20 or SYMBOL_LIKE_RE.match(text) and any(c.isdigit() for c in text))
                and _repeats_from_a_line_start(text.casefold(), early_lines)
                and not lines[i].hint.startswith(("heading", "title")) and not _structural(text)):
            drop.add(i)  # (not a heading set large, nor words found inside a sentence of page 1)
    # with no page breaks (pypdf): a page number, then the first page's title again
    firsts = {id(ln) for ln in _first_lines(lines, 25)}
    paged = any(ln.page_start for ln in lines)  # page breaks known: no guessing them here
    for i in range(len(lines) - 1 if not paged else 0):
        a, b = lines[i], lines[i + 1]
        if (a.kind == "text" and b.kind == "text" and a.text.strip().isdecimal()
                and len(a.text.strip()) <= 4 and id(b) not in firsts):
            text = " ".join(b.text.split())
            if len(text) >= 20 and text.casefold() in early and not _structural(text):
                drop.update((i, i + 1))
                a.page_start = True  # a new page starts here (carried to the next kept line)
                c = lines[i + 2] if i + 2 < len(lines) else None
                if c is not None and c.kind == "text" and not _structural(c.text.strip()) and \
                        f"{text} {' '.join(c.text.split())}".casefold() in early:
                    drop.add(i + 2)  # the title wrapped over two lines in the header
    for text, idxs in seen.items():
        repeats = [i for i in idxs if i in top]
        if len(idxs) < 2 or len(text) > 120 or len(repeats) < len(idxs) - 1 or _structural(text):
            continue
        if any(_goes_on_from_above(lines, i, seen) for i in idxs):
            continue
        drop.update(idxs[1:])
        # The first copy is debris too, unless it is the symbol, which is also meta.
        if not SYMBOL_LIKE_RE.match(text):
            drop.add(idxs[0])
    return drop_lines(lines, drop)


def _goes_on_from_above(lines: list[Line], i: int, seen: dict[str, list[int]]) -> bool:
    """True when the page-top line lines[i] goes on from the line right above it, the
    page's first line, which is not repeated and ends on a word (four words at least): two
    annexes that each start a page, "Annex I to the letter dated ... from the Permanent" /
    "Representative of Norland to the United Nations addressed to the", print the same
    second line, which is the heading's, not a running header (a table's header row
    repeated on each page is, its first row repeated too)."""
    if lines[i].page_start or i == 0 or lines[i - 1].kind != "text":
        return False
    above = " ".join(lines[i - 1].text.split())
    return len(seen.get(above, ())) < 2 and above[-1:].isalpha() and len(above.split()) >= 4


def _repeats_from_a_line_start(text: str, early_lines: list[str]) -> bool:
    """True when text is printed among the first lines, from the start of one of them (the
    title, wrapped otherwise), not only from inside a sentence."""
    for k, line in enumerate(early_lines):
        if line and (text.startswith(line) or line.startswith(text)) and text in " ".join(early_lines[k:k + 6]):
            return True
    return False


def drop_lines(lines: list[Line], drop: set[int]) -> tuple[list[Line], list[Line]]:
    """(kept, debris): lines[i] for i in drop are debris; a page that started on a dropped
    line starts on the next text line kept."""
    if not drop:
        return list(lines), []
    kept, debris = [], []
    carry = False
    for i, line in enumerate(lines):
        if i in drop:
            debris.append(line)
            carry = carry or line.page_start
            continue
        if carry and line.kind == "text":
            line.page_start, carry = True, False
        kept.append(line)
    return kept, debris


def _structural(text: str) -> bool:
    """Lines that repeat by nature (a general-discussion line, a label, a heading's numeral
    alone: "B.") are never headers."""
    return bool(DISCUSSION_RE.match(text) or LABEL_RE.match(text) or END_RE.match(text)
                or LONE_MARKER_RE.match(text))


def _page_tops(lines: list[Line]) -> set[int]:
    """Indexes of the first two text lines of every page after the first."""
    tops: set[int] = set()
    count = 3
    for i, line in enumerate(lines):
        if line.page_start:
            count = 0
        if line.kind == "text" and count < 2:
            tops.add(i)
            count += 1
    return tops


def _first_lines(lines: list[Line], count: int) -> list[Line]:
    """The first count text lines of the first page."""
    out: list[Line] = []
    for line in lines:
        if line.page_start or len(out) >= count:
            break
        if line.kind == "text":
            out.append(line)
    return out


def _first_text(lines: list[Line]) -> int:
    """Index of the first text line."""
    return next((i for i, ln in enumerate(lines) if ln.kind == "text"), 0)


#: What the UN system prints at a page foot or top besides the page number: the job number
#: ("24-23868 (E)"; at Geneva and Vienna with the office's letters, "GE.25-01234(E)",
#: "V.25-01234 (E)", perhaps followed by two date codes), the date code ("301224"), the
#: barcode ("*2423868*"), the recycling line.
JOB_RE = re.compile(r"^(?:GE\.|V\.)?\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$|"
                    r"^\(\d{2}-\d{4,5}\)$|"  # (WTO's, in brackets: "(26-2871)")
                    r"^JT\d{8}$")  # (the OECD's: "JT03571234", its cover's foot)
BARCODE_RE = re.compile(r"^\*\d{6,9}\*$")
DATE_CODE_RE = re.compile(r"^\d{6}$")
RECYCLE_RE = re.compile(r"^(?:♲\s*)?(?:Please recycle|Merci de recycler|Sírvase reciclar)\s*♲?$|^♲$",
                        re.IGNORECASE)
_FIELDS_RE = re.compile(r"\s{3,}|\s+\|\s+")  # (and a bar: the OECD's "2 | ENV/EPOC(2026)7")
#: A document symbol inside a masthead line ("A/79/718-S/2025/21": both symbols; the
#: agencies' "A42-WP/123", "C 136/4"); not one
#: in brackets, which names another document ("Item 4 of the provisional agenda" /
#: "(GOV/2026/1)" above the IAEA's symbol).
_SYMBOL_IN_RE = re.compile(r"(?<!\()\b(?:[A-Z]{1,10}\d{0,4}(?:[-./][A-Z0-9]+)*|[A-Z]{1,5}\s\d{1,4})"
                           r"/[A-Z0-9][A-Za-z0-9./()]*")


#: Any of the furniture patterns of _debris_field (most fields match none: one test).
_FURNITURE_RE = re.compile("|".join(f"(?{'i' if rx.flags & re.IGNORECASE else ''}:{rx.pattern})"
                                    for rx in (JOB_RE, BARCODE_RE, DATE_CODE_RE, RECYCLE_RE, PAGE_NUMBER_RE)))


#: What a line must start with for its first field (or token) to be furniture: the same
#: patterns with no "$", which a prefix of the line matches when its first field does.
_FURNITURE_START_RE = re.compile("|".join(
    f"(?{'i' if rx.flags & re.IGNORECASE else ''}:{rx.pattern.replace('$', '')})"
    for rx in (JOB_RE, BARCODE_RE, DATE_CODE_RE, RECYCLE_RE, PAGE_NUMBER_RE)))


#: What a match of _FURNITURE_START_RE may start with, besides a digit: a WTO job number's
#: bracket, a barcode's star,
#: the recycling sign, a page number's dash, a Geneva or Vienna job number's G or V, the
#: OECD's J, and
#: the first letters of "Please recycle", "Merci de recycler", "Sírvase reciclar", "page",
#: "p." in any case (re's IGNORECASE matches "s" to the long s too). A new form of
#: furniture adds its first characters here (tests/readers/test_units.py tries one of each).
_FURNITURE_FIRST = frozenset("*♲-–—PpMmSsſGV(J")


def _may_be_furniture(text: str) -> bool:
    """_FURNITURE_START_RE.match(text) (text stripped), tried only when its first
    character may start a match: most lines start with none of them."""
    first = text[:1]
    return (first in _FURNITURE_FIRST or first.isdigit()) and bool(_FURNITURE_START_RE.match(text))


def _debris_field(text: str, symbols: set[str]) -> str | None:
    """The kind of page furniture a line field is (job, barcode, date code, recycling,
    page number, repeated symbol), or None."""
    if not _FURNITURE_RE.match(text):
        return "symbol" if text in symbols else None
    if JOB_RE.match(text):
        return "job"
    if BARCODE_RE.match(text):
        return "barcode"
    if DATE_CODE_RE.match(text):
        return "date code"
    if RECYCLE_RE.match(text):
        return "recycling"
    if PAGE_NUMBER_RE.match(text):
        return "page"
    if text in symbols:
        return "symbol"
    return None


def _unglued(tokens: list[str], symbols: set[str]) -> list[str]:
    """tokens with a masthead symbol glued to the page number or job number before it split
    off ("3/9A/79/19", "25-04603A/79/19": pdfplumber prints a page's header or foot so)."""
    out = []
    for token in tokens:
        cut = next((len(token) - len(s) for s in symbols if len(token) > len(s) and token.endswith(s)), 0)
        out += [token[:cut], token[cut:]] if cut else [token]
    return out


def _debris_fields(fields: list[str], symbols: set[str]) -> list[str] | None:
    """The kind of every field (_debris_field), or None as soon as one is not furniture."""
    kinds = []
    for text in fields:
        kind = _debris_field(text, symbols)
        if kind is None:
            return None
        kinds.append(kind)
    return kinds


class _FirstSymbol:
    """Where the first text line that prints a symbol is, looked for only as far as asked."""

    def __init__(self, lines: list[Line]):
        self.lines, self.scanned, self.found = lines, 0, None

    def before(self, i: int) -> bool:
        """True when a text line before lines[i] prints a symbol."""
        while self.found is None and self.scanned < i:
            line = self.lines[self.scanned]
            if line.kind == "text" and _SYMBOL_IN_RE.search(line.text):
                self.found = self.scanned
            self.scanned += 1
        return self.found is not None and self.found < i

    def right_above(self, i: int) -> bool:
        """True when the first line that prints a symbol is the text line right above
        lines[i] (a second symbol printed under the first, ICAO's "A42-WP/123" / "EX/45",
        is the title block's, not a symbol repeated as page furniture)."""
        k = self.found
        return k is not None and k < i and all(ln.kind == "blank" for ln in self.lines[k + 1:i]) \
            and i - k <= 2


#: A token of a short line: a run of non-spaces, with a "(E)" after it.
_TOKEN_RE = re.compile(r"\S+(?:\s\([A-Z]\))?")


def _masthead_symbols(lines: list[Line]) -> set[str]:
    """The document's symbols: those of the first line of the first 25 that prints one,
    and of the next text line if it prints a symbol too (a joint symbol over two lines);
    each part of a joint symbol too. (Symbols further down are the documents an agenda
    lists beside its items, not page furniture.)"""
    found: set[str] = set()
    count, taken = 0, 0
    for line in lines:
        if line.kind != "text":
            continue
        count += 1
        if count > 25 or taken == 1 and not _SYMBOL_IN_RE.search(line.text) or taken == 2:
            break
        for m in _SYMBOL_IN_RE.finditer(line.text):
            sym = m.group(0).rstrip(".")
            found.add(sym)
            found.update(part for part in re.split(r"-(?=[A-Z]+/)", sym))
        taken += bool(found)
    return found


#: The header row of an agenda printed as a table ("Time | Programme"), repeated on each
#: page: layout, not text. Extractors print it on one line or a cell a line.
TIME_HEAD_RE = re.compile(r"^(?:Time|Times|Hour|Heure|Heures|Horaire|Hora|Horas|Horario)$", re.I)
PROG_HEAD_RE = re.compile(r"^(?:Programme|Program|Agenda|Activity|Activities|Session|Item|Items|"
                          r"Activité|Activités|Ordre du jour|Programa|Actividad|Actividades|"
                          r"Tema|Sesión)$", re.I)


#: The header row of a programme of work's table.
WORK_HEAD_RE = re.compile(r"^(?:Fecha y hora|Date and time|Date et heure|Dates? et heures?)\s+"
                          r"(?:Tema|Temas|Item|Items|Point|Points)(?:\s+(?:Asunto|Subject|Sujet|Objet|Question|"
                          r"Title|Titre|Título))?$", re.I)
_CELLS_RE = re.compile(r"\s{2,}|\s*\|\s*")


#: The first cell of a programme of work's header printed a cell a line, and the others
#: (the time's cell, unless the first says it: "Date and time", as our writers print it).
WORK_CELL_RE = re.compile(r"^(?:Date|Fecha)(?P<time>\s+(?:and time|et heure|y hora))?$")
_WORK_CELLS = (re.compile(r"^(?:Heure|Hora|Time|Heures|Horas)$", re.I),
               re.compile(r"^(?:Point|Tema|Item|Points|Temas|Items)$", re.I),
               re.compile(r"^(?:Sujet|Asunto|Subject|Objet|Question|Title|Titre|Título)$", re.I))


def _cells_follow(lines: list[Line], i: int) -> list[int]:
    """The indices of a header printed a cell a line from lines[i] ("Date" / "Heure" /
    "Point" / "Sujet"), or [] when the cells after it are not the header's."""
    cells = _WORK_CELLS[1:] if WORK_CELL_RE.match(lines[i].text.strip()).group("time") else _WORK_CELLS
    texts = [k for k in range(i + 1, min(i + 8, len(lines))) if lines[k].kind == "text"][:len(cells)]
    if len(texts) < 2 or not all(rx.match(lines[k].text.strip()) for rx, k in zip(cells, texts)):
        return []
    ok = [k for rx, k in zip(cells, texts) if rx.match(lines[k].text.strip())]
    return [i] + ok


def _table_headers(lines: list[Line], kinds: list[list[str] | None]) -> None:
    """Mark the header rows of an agenda table as debris in kinds (in place)."""
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        words = line.text.split(None, 5)  # (enough to count to 5: a whole line's words cost)
        if words and words[0][:4].lower() in ("date", "fech") and WORK_HEAD_RE.match(" ".join(line.text.split())):
            kinds[i] = ["table header"]  # a programme of work's "Date and time  Item  Subject"
            continue
        if len(words) > 4 and "|" not in line.text:
            continue  # a header row of an agenda holds two cells of at most 1 and 3 words
            # (and WORK_CELL_RE's cell one to three)
        if WORK_CELL_RE.match(line.text.strip()) and _cells_follow(lines, i):
            for k in _cells_follow(lines, i):
                kinds[k] = ["table header"]  # the same, a cell a line: "Date" / "Heure" / ...
            continue
        fields = [f for f in _CELLS_RE.split(line.text.strip()) if f]
        if len(fields) == 2 and TIME_HEAD_RE.match(fields[0]) and PROG_HEAD_RE.match(fields[1]) \
                or len(words) == 2 and TIME_HEAD_RE.match(words[0]) and PROG_HEAD_RE.match(words[1]):
            kinds[i] = ["table header"]
        elif TIME_HEAD_RE.match(line.text.strip()):
            j = i + 1
            while j < len(lines) and lines[j].kind != "text" and j <= i + 2:
                j += 1
            if j < len(lines) and PROG_HEAD_RE.match(lines[j].text.strip()):
                kinds[i] = kinds[j] = ["table header"]
        elif PROG_HEAD_RE.match(line.text.strip()) and not line.text.strip().isupper() \
                and _near_page_top(lines, i) and not _on_first_page(lines, i):
            kinds[i] = ["table header"]  # its "Time" cell went as a running header


def _near_page_top(lines: list[Line], i: int) -> bool:
    """True when line i is among the first three text lines of its page."""
    count = 0
    for k in range(i, -1, -1):
        if lines[k].kind == "text":
            count += 1
        if lines[k].page_start:
            return count <= 3
        if count > 3:
            return False
    return False


def _on_first_page(lines: list[Line], i: int) -> bool:
    """True when no page starts before line i."""
    return not any(ln.page_start for ln in lines[:i + 1])


def _near(sorted_ints: list[int], i: int, distance: int) -> bool:
    """True when one of sorted_ints is within distance of i (a bisection, not a scan)."""
    k = bisect.bisect_left(sorted_ints, i - distance)
    return k < len(sorted_ints) and sorted_ints[k] <= i + distance


#: The labels of a letterhead's address line (the African Union's, at the top of its first
#: page): two of them make the line furniture.
_LETTERHEAD_RE = re.compile(r"\b(?:Telephone|Téléphone|Teléfono|Tel|Tél|Fax|Télécopie|P\.\s?O\.\s?Box|B\.\s?P\.|"
                            r"Website|Site web|Site internet|E-?mail|Courriel)\s*[.:]?\s*\S", re.I)
_WEBSITE_RE = re.compile(r"^(?:Website|Site web|Site internet|Web)\s*:\s*(?:https?://)?www\.\S+$", re.I)
#: The Parliamentary Assembly's symbol, first on its first page, and its page header.
_PACE_DOC_RE = re.compile(r"^Doc\.\s?(\d{4,6})$")
_PACE_HEADER_RE = re.compile(r"^Doc\.\s?(\d{4,6})\s+(?:Report|Rapport|Opinion|Avis|Addendum|Information report|"
                             r"Rapport d[’']information)$")
_PHONE_RE = re.compile(r"^(?:Tel|Tél|Phone|Téléphone|Fax)\b", re.I)
#: The code the OECD prints under the job number of a cover ("OFDE").
_CODE_UNDER_JOB_RE = re.compile(r"^[A-Z]{4}$")


def remove_page_debris(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop the page furniture of UN-system documents: a line whose every field (fields are
    split by runs of spaces, as ``pdftotext -layout`` sets them) is a job number, barcode,
    recycling line, page number or a symbol of the masthead repeated later; a six-digit
    date code counts only beside a job number or barcode; and the header row of an agenda
    table ("Time  Programme", or its two cells on lines of their own)."""
    symbols = _masthead_symbols(lines)
    starts = tuple(symbols)
    kinds: list[list[str] | None] = []
    first_symbol = _FirstSymbol(lines)  # the first line that prints a symbol is the title block's
    for i, line in enumerate(lines):
        found = None
        text = line.text.strip() if line.kind == "text" else None
        if text is not None and (_may_be_furniture(text) or text.startswith(starts)):  # (most lines: no)
            found = _debris_fields(_FIELDS_RE.split(text), symbols)
            if not found and len(line.text) <= 60:  # "25-00430 2/2": one space apart
                kinds_ = _debris_fields(_unglued(_TOKEN_RE.findall(text), symbols), symbols)
                if kinds_ and {"job", "barcode", "symbol"} & set(kinds_):
                    found = kinds_
            found = found if found and ("symbol" not in found or first_symbol.before(i)
                                        and not first_symbol.right_above(i)) else None
        kinds.append(found)
    _table_headers(lines, kinds)
    anchors = [i for i, k in enumerate(kinds) if k and ("job" in k or "barcode" in k)]
    for i in anchors:  # the OECD's document code under its job number ("JT03571234" / "OFDE")
        k = i + 1
        if lines[i].text.strip().startswith("JT") and k < len(lines) and lines[k].kind == "text" \
                and _CODE_UNDER_JOB_RE.match(lines[k].text.strip()):
            kinds[k] = ["job"]
    drop = set()
    for i, found in enumerate(kinds):
        if found and all(k == "date code" for k in found) and not _near(anchors, i, 6):
            found = None
        if found and all(k == "page" for k in found):
            found = None  # a page number alone is stage 1's to judge (remove_page_numbers)
        if found:
            drop.add(i)
    texts = [k for k, ln in enumerate(lines[:12]) if ln.kind == "text"][:4]
    for a, b in zip(texts, texts[1:]):
        letters, below = lines[a].text.strip(), lines[b].text.strip()
        if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper() and SYMBOL_LIKE_RE.match(below) \
                and letters in below.split("/")[0]:
            drop.add(a)  # the symbol's large letters over the symbol whole: UNEP's "EP" / "UNEP/EA.7/1"
    for k in [k for k, ln in enumerate(lines[:15]) if ln.kind == "text"][:8]:
        if len(_LETTERHEAD_RE.findall(lines[k].text)) >= 2 or _WEBSITE_RE.match(lines[k].text.strip()):
            drop.add(k)  # the letterhead's address: "Addis Ababa, ETHIOPIA  P. O. Box 3243  Telephone: ..."
    first = _first_text(lines)
    doc = _PACE_DOC_RE.match(lines[first].text.strip()) if lines and lines[first].kind == "text" else None
    for k, ln in enumerate(lines):
        if ln.kind != "text" or "|" not in ln.text and not (doc and ln.text.lstrip().startswith("Doc")):
            continue
        text = " ".join(ln.text.split())
        fields = text.split(" | ")
        if len(fields) >= 3 and any("@" in f for f in fields) and any(_PHONE_RE.match(f) for f in fields):
            drop.add(k)  # a page's foot of addresses: "F – 67075 Strasbourg Cedex | assembly@coe.int | Tel: ..."
        elif doc and k > first and (m := _PACE_HEADER_RE.match(text)) and m.group(1) == doc.group(1):
            drop.add(k)  # the page's header: "Doc. 16201 Report" (the Parliamentary Assembly's)
    if lines and lines[first].kind == "text" and lines[first].text.strip() in ("E", "F", "S") \
            and any(ln.kind == "text" for ln in lines[first + 1:first + 4]):
        drop.add(first)  # the version's letter over the title block, as WIPO and IMO print it ("E")
    for i in range(1, len(lines) - 1):  # IOM: "MC/INF/282" / "Annexe" / "Page 3" at a page top
        if (i - 1 in drop and i + 1 in drop or lines[i].page_start and _annex_line_follows(lines, i)) \
                and _ANNEX_HEADER_RE.match(lines[i].text.strip()):
            drop.add(i)
    return drop_lines(lines, drop)


#: The heading of a contents page.
CONTENTS_RE = re.compile(r"^(?:Contents|CONTENTS|Table of contents|TABLE OF CONTENTS|Índice|ÍNDICE|"
                         r"Table des matières|TABLE DES MATIÈRES|Sommaire|SOMMAIRE)$")
#: A contents line: leader dots, then perhaps the page number.
LEADER_RE = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,3}|[ivx]{1,5})?$|…{2,}\s*\d{0,3}$")


def _leaders(text: str) -> bool:
    """True when text ends with leader dots (LEADER_RE), which takes four dots or two
    ellipses: counted first, as most lines have fewer."""
    return (text.count(".") >= 4 or text.count("…") >= 2) and LEADER_RE.search(text) is not None


#: What else a contents page holds: its column header, numerals and page numbers alone.
_CONTENTS_BITS_RE = re.compile(r"^(?:Page|Pages|Página|Páginas|Paragraphs|Párrafos|Paragraphes|"
                               r"Chapter|Chapitre|Capítulo|Section|Sección|"
                               r"[IVXLC]{1,6}\.|[A-H]\.|\d{1,3}|[ivx]{1,5})$")
#: The label of a contents entry printed after it, at the page's end ("Composition of the
#: Committee . . . 9" / "Annex").
_CONTENTS_LABEL_RE = re.compile(r"^(?:Annex|Annexes|Annexe|Anexo|Anexos|Appendix|Appendices)"
                                r"(?:\s+[IVXLC]{1,6})?$")


def remove_contents(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Drop a contents page: a "Contents" heading (or three leader-dot lines in a row) and
    the lines of its table (leader dots, page numbers, numerals, the "Page" header, entries
    wrapped over two lines); the writers make their own."""
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        text = lines[i].text.strip() if lines[i].kind == "text" else ""
        headed = bool(CONTENTS_RE.match(text))
        if headed or (_leaders(text) and _leader_run(lines, i) >= 3):
            j = _contents_end(lines, i + 1 if headed else i)
            if any(_leaders(lines[k].text) for k in range(i, j) if lines[k].kind == "text"):
                drop.update(k for k in range(i, j) if lines[k].kind == "text")
                i = j
                continue
        i += 1
    return drop_lines(lines, drop) if drop else (lines, [])


def _leader_run(lines: list[Line], i: int) -> int:
    """How many of the next text lines from i (up to 3) end with leader dots."""
    texts = [ln.text for ln in lines[i:i + 8] if ln.kind == "text"][:3]
    return sum(1 for t in texts if _leaders(t))


def _contents_end(lines: list[Line], i: int) -> int:
    """The index after the contents' table, which starts at i."""
    j, last = i, i
    while j < len(lines):
        line = lines[j]
        if line.kind != "text":
            j += 1
            continue
        text = line.text.strip()
        if _leaders(text):
            last = j + 1
        elif not all(_CONTENTS_BITS_RE.match(f) for f in _FIELDS_RE.split(text)) \
                and not _wrapped_entry(lines, j):  # "Chapter   Page": a header of fields
            break
        j += 1
    # the page number pdftotext prints after the last entry; never a numeral of the body
    nxt = next((k for k in range(last, min(last + 3, len(lines))) if lines[k].kind == "text"), None)
    if nxt is not None and lines[nxt].text.strip().isdecimal():
        last = nxt + 1
    elif nxt is not None and _PAGE_COLUMN_RE.match(lines[nxt].text.strip()):
        last = _page_column_end(lines, nxt + 1)
    label = next((k for k in range(last, min(last + 3, len(lines))) if lines[k].kind == "text"), None)
    after = next((k for k in range(label + 1, len(lines)) if lines[k].kind == "text"), None) \
        if label is not None else None
    if label is not None and _CONTENTS_LABEL_RE.match(lines[label].text.strip()) and (
            after is None or lines[after].page_start):
        last = label + 1
    return last


#: The header of the column of page numbers that pdfminer prints after the entries.
_PAGE_COLUMN_RE = re.compile(r"^(?:Pages?|Páginas?)$")


def _page_column_end(lines: list[Line], i: int) -> int:
    """The index after the page numbers alone on their lines from i on (blank lines
    between them): the contents' column of pages, printed under its header after the
    entries ("Page" / "" / "2" / "" / "3")."""
    end = i
    for k in range(i, len(lines)):
        if lines[k].kind != "text":
            continue
        if not lines[k].text.strip().isdecimal() or lines[k].page_start:
            break
        end = k + 1
    return end


def _wrapped_entry(lines: list[Line], j: int) -> bool:
    """True when lines[j] is the first line of a contents entry wrapped over two lines: the
    next text line ends with leader dots."""
    nxt = next((ln for ln in lines[j + 1:j + 3] if ln.kind == "text"), None)
    return nxt is not None and bool(_leaders(nxt.text)) and not _leaders(lines[j].text)


def _annex_line_follows(lines: list[Line], i: int) -> bool:
    """True when the next text line after lines[i] is an annex line too (the page's running
    header "Annexe", then the annex's own "ANNEXE")."""
    nxt = next((ln for ln in lines[i + 1:i + 4] if ln.kind == "text"), None)
    return nxt is not None and bool(_ANNEX_HEADER_RE.match(nxt.text.strip()))


_ANNEX_HEADER_RE = re.compile(r"^(?:Annex|Annexe|Anexo|ANNEX|ANNEXE|ANEXO)(?:\s+(?:[IVXLC]+|\d{1,2}))?$")


#: A marker printed alone on its line before its text (pdftotext does this): a paragraph
#: number, a bullet, a list letter or numeral, a heading numeral.
LONE_MARKER_RE = re.compile(r"^(?:\d{1,3}\.|[•·▪◦●‣■➢►]|\(?[a-z]{1,4}\)|[IVXLC]{1,6}\.|[A-H]\.)$")
#: (The lone marks of this pattern, _PARA_NUMBER_RE's and _LONE_LABEL_RE's hold at most 7,
#: 5 and 4 characters, and $ a newline after them: a longer line is not matched at all.)


_PARA_NUMBER_RE = re.compile(r"^(\d{1,4})\.$")


def _number_runs(lines: list[Line]) -> list[Line]:
    """pdfminer prints a page's paragraph numbers as a column of their own ("1." / "2." and
    then the paragraphs): give each number of such a run (two or more, in sequence, blank
    lines between) to the next paragraph whose first line is as wide as the body's, in order."""
    if sum(1 for ln in lines if ln.kind == "text" and len(ln.text) <= 6 and _PARA_NUMBER_RE.match(ln.text)) < 2:
        return list(lines)  # no run of two numbers (most texts: one pass, not one a line)
    widths = sorted(len(ln.text) for ln in lines if ln.kind == "text")
    wide = 0.75 * widths[int(len(widths) * 0.9)] if widths else 60
    out, i = list(lines), 0
    while i < len(out):
        run, k = [], i
        while k < len(out) and (out[k].kind == "blank" or (
                out[k].kind == "text" and len(out[k].text) <= 6 and _PARA_NUMBER_RE.match(out[k].text)
                and (not run or int(out[k].text[:-1]) == int(run[-1].text[:-1]) + 1))):
            if out[k].kind == "text":
                run.append(out[k])
            k += 1
        if len(run) < 2:
            i += 1
            continue
        targets, m = [], k
        while m < min(len(out), k + 200) and len(targets) < len(run):
            line = out[m]
            if line.kind == "text" and (m == 0 or out[m - 1].kind != "text"):
                if LONE_MARKER_RE.match(line.text) or re.match(r"^\d{1,4}\.\s", line.text):
                    break
                if len(line.text) >= wide:
                    targets.append(m)
            m += 1
        if len(targets) != len(run):
            targets = _short_paragraphs_below(out, k, len(run)) or _paragraphs_above(out, i, len(run))
        if targets is None or len(targets) != len(run):
            i = k
            continue
        for num, t in zip(run, targets):
            out[t] = Line(out[t].no, f"{num.text} {out[t].text}", "text", out[t].page_start,
                          out[t].indent)
        dropped = {id(n) for n in run}
        out, _ = drop_lines(out, {k for k, ln in enumerate(out) if id(ln) in dropped})
        i = 0 if not out else i
    return out


#: A list's letter alone on its line ("b)", "(b)"), as pdfminer prints a column of them.
_LONE_LABEL_RE = re.compile(r"^(\(?)([a-z])\)$")
#: A block that opens with a marker of its own (a paragraph number, a list letter, a bullet).
_MARKED_START_RE = re.compile(r"^(?:\d{1,4}\.\s|\(?[a-z]{1,4}\)\s|[•·▪◦●‣■➢►]\s)")
#: The end of a list item: a full stop, colon or semicolon ("; and", "; ou", "; y" too),
#: perhaps a closing quote or bracket and a note number after it.
_ITEM_END_RE = re.compile(r"(?:[.;:]|;\s+(?:and|or|et|ou|y|o|e))['\"»”’)\]]*"
                          r"(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$")


def _label_runs(lines: list[Line]) -> list[Line]:
    """pdfminer prints a list's letters as a column of their own too ("b)" / "c)" / "d)",
    blank lines between, then the items' texts, a block each): give each letter of such a
    run (two or more, in sequence, of one style) to the blocks that follow, in order, when
    as many follow that each end an item (_ITEM_END_RE) and none opens with a marker of
    its own; otherwise the lines stay as they are."""
    if sum(1 for ln in lines if ln.kind == "text" and len(ln.text) <= 5 and _LONE_LABEL_RE.match(ln.text)) < 2:
        return lines  # (most texts: one pass, not one a line)
    out, i = list(lines), 0
    while i < len(out):
        run, k = [], i
        while k < len(out) and (out[k].kind == "blank" or out[k].kind == "text" and _next_label(run, out[k].text)):
            if out[k].kind == "text":
                run.append(out[k])
            k += 1
        if len(run) < 2:
            i += 1
            continue
        targets = _item_blocks(out, k, len(run))
        if targets is None:
            i = k
            continue
        for label, t in zip(run, targets):
            out[t] = Line(out[t].no, f"{label.text} {out[t].text}", "text", out[t].page_start,
                          out[t].indent)
        dropped = {id(ln) for ln in run}
        out, _ = drop_lines(out, {m for m, ln in enumerate(out) if id(ln) in dropped})
    return out


def _next_label(run: list[Line], text: str) -> bool:
    """True when text is a lone list letter that may go on the run: any letter to start it,
    then the next letter in the same style ("(b)" after "(a)", "c)" after "b)")."""
    m = _LONE_LABEL_RE.match(text)
    if not m or not run:
        return bool(m)
    prev = _LONE_LABEL_RE.match(run[-1].text)
    return m.group(1) == prev.group(1) and ord(m.group(2)) == ord(prev.group(2)) + 1


def _item_blocks(out: list[Line], k: int, count: int) -> list[int] | None:
    """The first lines of the count blocks from out[k] (text lines between blank lines),
    when each ends an item and none opens with a marker; None otherwise."""
    starts, m = [], k
    while len(starts) < count:
        while m < len(out) and out[m].kind != "text":
            m += 1
        if m >= len(out) or LONE_MARKER_RE.match(out[m].text) or _MARKED_START_RE.match(out[m].text):
            return None
        end = m
        while end + 1 < len(out) and out[end + 1].kind == "text" and not out[end + 1].page_start:
            end += 1
        if not _ITEM_END_RE.search(out[end].text.rstrip()):
            return None
        starts.append(m)
        m = end + 1
    return starts


def _short_paragraphs_below(out: list[Line], k: int, count: int) -> list[int] | None:
    """The first lines of the count blocks right after a column of numbers (from out[k]),
    when each is a paragraph of at most three lines that ends with a full stop, semicolon
    or colon (a resolution's operative paragraphs, too short to be as wide as the body's);
    None otherwise."""
    starts, m = [], k
    while m < len(out) and len(starts) < count:
        while m < len(out) and out[m].kind != "text":
            m += 1
        if m >= len(out) or LONE_MARKER_RE.match(out[m].text) or re.match(r"^\d{1,4}\.\s", out[m].text) \
                or (starts and out[m].page_start):
            return None
        end = m
        while end + 1 < len(out) and out[end + 1].kind == "text" and not out[end + 1].page_start:
            end += 1
        if end - m >= 3 or not re.search(r"[.;:]['\"»”’)\]]*$", out[end].text.rstrip()):
            return None
        starts.append(m)
        m = end + 1
    return starts if len(starts) == count else None


def _paragraphs_above(out: list[Line], i: int, count: int) -> list[int] | None:
    """The first lines of the count paragraphs just above line i on its page (blocks that
    end a sentence), in order, for a column of numbers pdfminer prints after its
    paragraphs; None when the page above has fewer, or has numbered paragraphs already."""
    starts, k = [], i - 1
    while k >= 0 and len(starts) < count:
        while k >= 0 and out[k].kind != "text":
            k -= 1
        end = k
        while k > 0 and out[k - 1].kind == "text" and not out[k].page_start:
            k -= 1
        if end < 0 or re.match(r"^\d{1,4}\.\s", out[k].text):
            return None
        if re.search(r"[.!?…]['\"»”’)\]]*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$", out[end].text):
            starts.append(k)
        if out[k].page_start:
            break
        k -= 1
    return sorted(starts) if len(starts) == count else None


_CUT_END_RE = re.compile(r"[^\W\d_][-‐]$")


def drop_blanks_in_cut_words(lines: list[Line]) -> list[Line]:
    """The lines without a blank line that stands inside a word cut at a line end."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        if (line.kind == "blank" and out and out[-1].kind == "text" and k + 1 < len(lines)
                and _CUT_END_RE.search(out[-1].text) and lines[k + 1].kind == "text"
                and lines[k + 1].text.lstrip()[:1].islower() and not lines[k + 1].page_start):
            continue
        out.append(line)
    return out


_LONE_PARA_RE = re.compile(r"^(\d{1,3})\.$")
_PARA_START_RE = re.compile(r"^(\d{1,3})\.(?:\s|$)")


#: A heading's roman numeral or capital letter before its title ("II. Organization of ...").
_NUMBERED_HEADING_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-H])\.\s")


def number_before_first_line(lines: list[Line]) -> list[Line]:
    """A paragraph's number printed alone under its first line (pdfminer.six takes a
    justified paragraph's first line before the number in the margin): the number goes
    back above that line. Only the number that follows the last one met ("8." after "7."),
    or "1.", under a first line as long as most, that follows a blank line and ends no
    sentence (a heading above a number is short, or starts with its numeral: "II. ...")."""
    lengths = sorted(len(ln.text.strip()) for ln in lines if ln.kind == "text")
    full = 0.7 * lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[Line] = []
    last = 0
    for k, line in enumerate(lines):
        if line.kind == "text" and line.text.lstrip()[:1].isdigit():  # (both patterns' start)
            m = _LONE_PARA_RE.match(line.text.strip())
            n = int(m.group(1)) if m else None
            if n is not None and n in (last + 1, 1) and len(out) > 1 and out[-1].kind == "text" \
                    and out[-2].kind == "blank" and not out[-1].text.strip()[:1].isdigit() \
                    and not _NUMBERED_HEADING_RE.match(out[-1].text.strip()) \
                    and len(out[-1].text.strip()) >= full and not _SENTENCE_END_RE.search(out[-1].text.strip()) \
                    and k + 1 < len(lines) and lines[k + 1].kind == "text" and not line.page_start:
                first = out.pop()
                out += [line, first]
                last = n
                continue
            m = _PARA_START_RE.match(line.text.strip())
            if m:
                last = int(m.group(1))
        out.append(line)
    return out


def join_lone_markers(lines: list[Line]) -> list[Line]:
    """Put a marker alone on its line ("1.", "•", "(a)") before the text of the next text
    line (across one blank line), as it is printed; a column of paragraph numbers printed
    before its paragraphs goes to them in order (_number_runs)."""
    lines = _label_runs(_number_runs(lines))
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "text" and len(line.text) <= 8 and LONE_MARKER_RE.match(line.text):
            j = i + 1
            if j < len(lines) and lines[j].kind == "blank":
                j += 1
            nxt = lines[j] if j < len(lines) else None
            moved = _note_numbers_after(lines, j) if _PARA_NUMBER_RE.match(line.text) else None
            if moved is not None:
                k, t, f = moved  # "3." / "1" (to k) / text (to f) / the notes' texts (from f)
                out.append(Line(line.no, f"{line.text} {lines[t].text}", "text",
                                line.page_start, line.indent))
                out.extend(lines[t + 1:f])
                out.extend((*lines[j:k], Line(lines[j].no, "", "blank")))
                i = f
                continue
            if nxt is not None and nxt.kind == "text" and not LONE_MARKER_RE.match(nxt.text) \
                    and not nxt.page_start:
                out.append(Line(line.no, f"{line.text} {nxt.text}", "text", line.page_start,
                                line.indent))
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


def _note_numbers_after(lines: list[Line], j: int) -> tuple[int, int, int] | None:
    """pdftotext may print the numbers of a page's notes between a paragraph's number and
    its text, the notes' texts after the paragraph's at the page's foot: "3." / "1" [/ "2"]
    / "" / the paragraph / "" / the notes / form feed. When lines[j:k] are such numbers (n,
    n + 1, ...; a blank line after, perhaps, then the paragraph; after a blank line, a last
    block that runs to the page's end in at most NOTE_LINES lines a note; every marker
    printed on the page above): (k, the paragraph's first line, the notes' first line);
    else None."""
    k = _mark_run_end(lines, j)
    t = k + (k < len(lines) and lines[k].kind == "blank")
    if k == j or t >= len(lines) or lines[t].kind != "text" or lines[t].page_start:
        return None
    e = t
    while e < len(lines) and lines[e].kind == "text" and not (lines[e].page_start and e > t):
        e += 1
    f = e
    while f < len(lines) and lines[f].kind != "text":
        f += 1
    if f == e or f >= len(lines) or lines[f].page_start:
        return None
    g = f
    while g < len(lines) and lines[g].kind == "text" and not (lines[g].page_start and g > f):
        g += 1
    rest = next((m for m in range(g, len(lines)) if lines[m].kind == "text"), len(lines))
    if g - f > NOTE_LINES * (k - j) or rest < len(lines) and not lines[rest].page_start:
        return None  # a long block, or more text after it on the page: not the notes
    from .footnotes import marker_above  # (footnotes reads this module's Line)

    from .starnotes import star_mark_above

    if all(star_mark_above(lines, j, len(lines[m].text.strip())) if lines[m].text.strip()[:1] == "*"
           else marker_above(lines, j, int(lines[m].text), loose=True) for m in range(j, k)):
        return k, t, f
    return None


def _next_in_run(prev: str | None, text: str) -> bool:
    """True when text goes on a run of notes' marks after prev (None: it opens one): star
    marks first (schema R17: "*", then "**"), then numbers n, n + 1, ..."""
    if prev is None:
        return text == "*" or text.isdecimal()
    if prev[:1] == "*":
        return text == prev + "*" and len(text) <= 3 or text.isdecimal()
    return text.isdecimal() and int(text) == int(prev) + 1


def _mark_run_end(lines: list[Line], j: int) -> int:
    """The index after the run of notes' marks that starts at lines[j] (j when none)."""
    k = j
    while k < len(lines) and lines[k].kind == "text" and not lines[k].page_start \
            and _next_in_run(lines[k - 1].text.strip() if k > j else None, lines[k].text.strip()):
        k += 1
    return k


_SENTENCE_END_RE = re.compile(r"[.!?…]['\"»”’)\]]*$")


def attach_trailing_note_numbers(lines: list[Line]) -> list[Line]:
    """pdftotext prints the superscript numbers of a page's notes after the notes' texts
    ("First note." / "Second note." / "1" / "2"): put each number before its note, two
    spaces apart, as a note is typed. Only when the run of numbers ends the page, follows
    the notes' block (after a blank line), and the block splits into as many notes as
    there are numbers, at sentence ends; or when a run of two or more numbers comes just
    before such a block at the page's end (the other order pdftotext uses)."""
    out = list(lines)
    i = 0
    while i < len(out):
        run_start = i
        while i < len(out) and out[i].kind == "text" and _next_in_run(
                out[i - 1].text.strip() if i > run_start else None, out[i].text.strip()):
            i += 1
        run = out[run_start:i]
        if not run:  # (neither case below: nothing to attach)
            i = run_start + 1
            continue
        k = i
        while k < len(out) and out[k].kind != "text":
            k += 1
        ends_page = k >= len(out) or out[k].page_start
        if run and ends_page:
            _attach(out, run_start, run)
        elif len(run) > 1:
            _attach_before(out, run_start, run)
        i = run_start + max(len(run), 1)
    return out


def _attach_before(out: list[Line], run_start: int, run: list[Line]) -> None:
    """The numbers printed before the notes' texts ("1" / "2" / "" / "See WHO." / "IOM."):
    when the block after them ends the page and splits into len(run) notes."""
    k = run_start + len(run)
    while k < len(out) and out[k].kind == "blank":
        k += 1
    end = k
    while end < len(out) and out[end].kind == "text" and not (out[end].page_start and end > k):
        end += 1
    if k == end or not (end >= len(out) or out[end].page_start or out[end].kind != "text"):
        return
    new = _numbered_notes(out[k:end], run, run[0].page_start)
    if new is not None:
        out[run_start:end] = new


def _attach(out: list[Line], run_start: int, run: list[Line]) -> None:
    """Rewrite out in place when the block above run splits into len(run) notes."""
    j = run_start - 1
    while j >= 0 and out[j].kind == "text" and not out[j].page_start:
        j -= 1
    block_start = j + 1
    if j < 0 or out[j].kind == "text" and not out[j].page_start or block_start >= run_start:
        return  # the notes' block must have air (or a rule) above it
    block = out[block_start:run_start]
    if any(ln.text.strip().isdecimal() for ln in block):
        return
    new = _numbered_notes(block, run, block[0].page_start)
    if new is not None:
        out[block_start:run_start + len(run)] = new


def _numbered_notes(block: list[Line], run: list[Line], page_start: bool) -> list[Line] | None:
    """The block's lines with the run's numbers put before its notes ("N  text"), or None
    when the block does not split into len(run) notes at sentence ends."""
    starts = [0] + [k for k in range(1, len(block))
                    if _SENTENCE_END_RE.search(block[k - 1].text) and block[k].text[:1].isupper()]
    if len(starts) != len(run):
        return None
    new: list[Line] = []
    for m, k in enumerate(starts):
        first = block[k]
        new.append(Line(first.no, f"{run[m].text.strip()}  {first.text}", "text",
                        page_start if m == 0 else first.page_start, first.indent))
        end = starts[m + 1] if m + 1 < len(starts) else len(block)
        new.extend(block[k + 1:end])
    return new


#: Inside normalised_once(): the texts normalised so far, (id of the bytes, file name,
#: hints) -> (the bytes, a snapshot of the result).
_ONCE: ContextVar[dict | None] = ContextVar("_ONCE", default=None)


@contextmanager
def normalised_once() -> Iterator[None]:
    """Within it, normalise() reads the same bytes (with the same name and hints) once: a
    text read again with less structure (documents.read_text_source) is not normalised
    again. Each call gets lines of its own, as the stages after this one change lines."""
    token = _ONCE.set({})
    try:
        yield
    finally:
        _ONCE.reset(token)


def normalise(data: bytes, filename: str, hints: dict[int, str] | None = None) -> Normalised:
    """Run stage 1 on raw bytes (see the module docstring for what holds after it); hints
    maps line numbers of the text to a hint of HINTS."""
    once = _ONCE.get()
    if once is None:
        return _normalise(data, filename, hints)
    key = (id(data), filename, tuple(sorted(hints.items())) if hints else None)
    done = once.get(key)
    if done is not None and done[0] is data:  # the lines again, as normalise left them
        lines, debris, encoding, warnings = done[1]
        return Normalised(_lines_of(lines), _lines_of(debris), encoding, list(warnings))
    norm = _normalise(data, filename, hints)
    once[key] = (data, (_columns(norm.lines), _columns(norm.debris), norm.encoding, tuple(norm.warnings)))
    return norm


def _columns(lines: list[Line]) -> list[list]:
    """The values of each field of the lines, a list a field (a list a line would cost twice
    the memory: a tuple each)."""
    return [[getattr(ln, f.name) for ln in lines] for f in dataclasses.fields(Line)]


def _lines_of(columns: list[list]) -> list[Line]:
    """New lines from _columns(lines)."""
    return [Line(*values) for values in zip(*columns)]


#: A symbol printed after its label ("Document C26/12-E", as ITU prints it).
_LABELLED_SYMBOL_RE = re.compile(r"^(?P<label>Document|Documento)\s+(?P<symbol>[A-Z]{1,10}\d{0,4}(?:[./-][A-Za-z0-9]+)*"
                                 r"/[A-Z0-9][A-Za-z0-9./()-]*)$")


def strip_symbol_label(lines: list[Line]) -> list[Line]:
    """The label of a symbol printed before it in the title block taken off its line (in
    place), as layout: the symbol alone is meta/symbol. Returns the label, as debris."""
    for line in _first_lines(lines, 15):
        m = _LABELLED_SYMBOL_RE.match(line.text.strip())
        if m and any(c.isdigit() for c in m.group("symbol")):
            line.text = m.group("symbol")
            return [Line(line.no, m.group("label"))]
    return []


def _normalise(data: bytes, filename: str, hints: dict[int, str] | None) -> Normalised:
    """normalise() itself."""
    text, enc = decode(data, filename)
    if not text.strip():
        raise DocumentError(filename, 1, "empty text: nothing to parse")
    from .splitsymbol import join_split_symbol  # (splitsymbol.py reads this module's Line)

    lines = join_split_symbol(split_lines(text))
    for line in lines if hints else ():
        line.hint = hints.get(line.no, "")
    lines, debris1 = remove_page_numbers(lines)
    if not any(line.kind == "text" for line in lines):
        raise DocumentError(filename, 1, "no text: only page numbers or layout")
    lines, debris_inline = remove_inline_page_heads(lines)
    lines, debris2 = remove_running_headers(lines)
    lines, debris3 = remove_page_debris(lines)
    lines, debris4 = remove_contents(lines)
    from .cover import remove_repeated_cover  # (cover.py reads this module's Line)

    lines, debris5 = remove_repeated_cover(lines)
    debris3 += debris4 + debris5 + strip_symbol_label(lines)
    for line in lines:
        if line.kind == "text":
            line.text = line.text.strip(" ")
    lines = drop_blanks_in_cut_words(lines)
    lines = number_before_first_line(lines)
    lines = join_lone_markers(lines)
    lines = attach_trailing_note_numbers(lines)
    from .timecolumn import zip_time_columns  # (timecolumn.py reads this module's Line)

    lines = zip_time_columns(lines)
    warnings = []
    if enc == "latin-1":
        warnings.append(Diagnostic(filename, 1, "neither UTF-8 nor cp1252: read as latin-1; "
                                                "check accented letters", "warning"))
    return Normalised(lines, debris1 + debris_inline + debris2 + debris3, enc, warnings)
