"""Stage 2, footnotes: take footnote blocks out of the page flow.

After ``extract_notes`` runs:
- every footnote block (a rule line, or a page bottom, then lines ``N  text``) is gone
  from the lines and its notes are in ``notes`` in number order, with their text joined;
- a note wrapped over lines, or split by a blank line, is one note;
- the line where the text resumes after a block has ``page_start`` set, so the paragraph
  that the block interrupted continues.
Markers in the text are linked later, on the tree (``link_markers``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import Line
from .text import join_lines

NOTE_START_RE = re.compile(
    r"^(?P<n>\d{1,4}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?:[\s\u00a0]+|\.\s+|\)\s*)(?P<text>\S.*)$")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
TERMINAL_RE = re.compile(r"[.!?…]['\"»”’)\]]*$")


@dataclass
class Note:
    """One footnote as found at a page bottom."""

    n: int
    line: int
    lines: list[Line] = field(default_factory=list)
    #: A star note's mark as printed ("*", "**"; schema R17), its n 0; "" for a numbered note.
    mark: str = ""

    @property
    def text(self) -> str:
        """The note's text, lines joined and dehyphenated."""
        return join_lines([ln.text for ln in self.lines])


def _starts_note(line: Line, expected: int, after_rule: bool) -> re.Match | None:
    """Match a note's first line ``N  text`` when N is the next expected number."""
    if line.kind != "text":
        return None
    m = NOTE_START_RE.match(line.text)
    if not m or int(m.group("n").translate(SUPERSCRIPT_DIGITS)) != expected:
        return None
    if not after_rule and not re.match(r"^(?:\d{1,4}[\s\u00a0]{2,}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}\s)", line.text):
        return None
    return m


def join_bare_numbers(lines: list[Line]) -> list[Line]:
    """A note's number alone on its line before its text (how pdftotext prints a
    superscript note number) is put before the text, two spaces apart, as a note is typed;
    only for the numbers of the notes in sequence (1, 2, 3, ...), after a blank line, a rule,
    a note marked "*" or the note before."""
    out: list[Line] = []
    expected, i = 1, 0
    in_notes = False  # a note was joined on this page: the next number may follow its text
    while i < len(lines):
        line = lines[i]
        in_notes = in_notes and not line.page_start
        if line.kind != "text" or not line.text.lstrip()[:1].isdigit():
            out.append(line)  # (no number starts it: most lines, let go at once)
            i += 1
            continue
        step = 1
        while (step < 4 and i + step + 1 < len(lines) and lines[i + step].kind == "blank"
               and not lines[i + step].page_start):
            step += 1  # blank lines (perhaps left by a job number dropped) between
        prev = out[-1] if out else None
        after_rule = prev is not None and prev.kind == "sep"  # the number opens the notes
        if step > 1 and not (lines[i + step].kind == "text" and (
                after_rule or _ends_page_after(lines, i + step))):
            step = 1
        nxt = lines[i + step] if i + step < len(lines) else None  # one blank line may come between
        if line.kind == "text" and line.text.strip().isdecimal() and int(line.text) > expected:
            found = _scrambled_notes(out, lines, i, expected)
            if found is not None:
                block, i, expected = found
                out.extend(block)
                in_notes = True
                continue
        typed = NOTE_START_RE.match(line.text) if line.kind == "text" else None
        if typed and typed.group("n") == str(expected) and (in_notes or _prev_is_blank(out) or (
                out and re.match(r"^\*{1,3}\s", out[-1].text))) \
                and re.match(r"^\d{1,4}[\s\u00a0]{2,}", line.text):  # (under a star note too)
            expected += 1  # a note typed "N  text": the next bare number is N + 1
            in_notes = True
        if (line.kind == "text" and line.text.strip() == str(expected) and nxt is not None
                and nxt.kind == "text" and nxt.text.strip()[:1].isupper() and not nxt.page_start
                and _after_notes(in_notes, prev, lines, i, expected)):
            out.append(Line(line.no, f"{expected}  {nxt.text.strip()}", "text", line.page_start,
                            line.indent))
            expected += 1
            in_notes = True
            i += step + 1
            continue
        out.append(line)
        i += 1
    return out


def _after_notes(in_notes: bool, prev: Line | None, lines: list[Line], i: int,
                 expected: int) -> bool:
    """True when a bare number at lines[i] may start a note: after a note, at the start,
    after a blank line or rule, a note marked "*", or a sentence with its marker above.
    (Asked only of a line that is the expected number: it costs two searches.)"""
    return in_notes or prev is None or prev.kind != "text" or bool(
        re.match(r"^\*{1,3}\s", prev.text)) or (
        bool(TERMINAL_RE.search(prev.text)) and marker_above(lines, i, expected, loose=True))


def _ends_page_after(lines: list[Line], k: int) -> bool:
    """True when the page ends within three text lines after lines[k] (a note's short
    text), blank lines not counted."""
    seen = 0
    for ln in lines[k + 1:k + 12]:
        if ln.page_start:
            return True
        seen += ln.kind == "text"
        if seen >= 3:
            return False
    return k + 12 >= len(lines) or seen == 0


def _scrambled_notes(out: list[Line], lines: list[Line], i: int,
                     expected: int) -> tuple[list[Line], int, int] | None:
    """pdftotext's order for a page foot whose first notes' numbers it prints late:
    ``First note.`` / ``2`` / ``Second note.`` [/ ``1``] at the page's end, the first
    numbers after the block or lost among the page numbers. Line i is the first number
    printed (d > expected). When the lines kept above since the last blank line split into
    d - expected notes at sentence ends, each with its marker on the page above, and the
    page ends with notes d, d + 1, ... each after its number (then, perhaps, the late
    numbers expected .. d - 1): (the block typed "N  text", the index after it, the next
    expected number); else None. The kept lines are taken off out."""
    start = len(out)
    while start > 0 and out[start - 1].kind == "text" and not out[start].page_start \
            if start < len(out) else start > 0 and out[start - 1].kind == "text":
        start -= 1
    head = out[start:]
    if not head or start == 0 or any(ln.text.strip().isdecimal() for ln in head) \
            or any(ln.page_start for ln in head[1:]):
        return None
    pieces = [0] + [k for k in range(1, len(head))
                    if TERMINAL_RE.search(head[k - 1].text) and head[k].text[:1].isupper()]
    first = int(lines[i].text)
    if first - expected == 1 and len(pieces) > 1 and any(
            ln.kind == "sep" for ln in out[max(0, start - 2):start]):
        pieces = [0]  # one note under the rule, however many sentences it has
    top = _index_before(lines, i, head[0])
    stars = _late_stars(lines, i, top, len(pieces) - (first - expected))
    if len(pieces) != first - expected + len(stars) or top is None or not all(
            marker_above(lines, top, n, loose=True, word=True) for n in range(expected, first)):
        return None
    block: list[Line] = []
    for m, k in enumerate(pieces):
        end = pieces[m + 1] if m + 1 < len(pieces) else len(head)
        mark = stars[m] if m < len(stars) else f"{expected + m - len(stars)} "
        block.append(Line(head[k].no, f"{mark} {head[k].text}", "text",
                          head[k].page_start, head[k].indent))
        block.extend(head[k + 1:end])
    n, k = first, i
    late = list(range(expected, first))
    while k < len(lines) and not (lines[k].page_start and k > i):
        line = lines[k]
        digit = line.kind == "text" and line.text.strip().isdecimal()
        if digit and int(line.text) == n and k + 1 < len(lines) and lines[k + 1].kind == "text" \
                and not lines[k + 1].text.strip().isdecimal() and not lines[k + 1].page_start:
            block.append(Line(line.no, f"{n}  {lines[k + 1].text.strip()}", "text",
                              line.page_start, line.indent))
            n, k = n + 1, k + 2
        elif stars and line.kind == "text" and line.text.strip() == stars[0]:
            stars = stars[1:]  # a star note's mark printed late, after the notes
            k += 1
        elif digit and late and int(line.text) == late[0]:
            late.pop(0)
            k += 1
        elif digit or n == first:
            return None
        else:
            block.append(line)
            k += 1
    del out[start:]
    return block, k, n


def _late_stars(lines: list[Line], i: int, top: int | None, count: int) -> list[str]:
    """The marks of the star notes that open a scrambled page foot (_scrambled_notes) when
    pdftotext prints them late, alone on their lines after the notes with the first
    numbers ("*" / "1" at the page's end): count marks "*", "**", ... each alone on a line
    between lines[i] and the page's end and printed on the page above line top; else []."""
    from .starnotes import star_mark_above

    if count <= 0 or count > 3 or top is None:
        return []
    marks = ["*" * (m + 1) for m in range(count)]
    alone = {ln.text.strip() for ln in _to_page_end(lines, i) if ln.kind == "text"}
    if not all(mark in alone and star_mark_above(lines, top, m + 1) for m, mark in enumerate(marks)):
        return []
    return marks


def _to_page_end(lines: list[Line], i: int) -> list[Line]:
    """The lines from lines[i] to the page's end (the next page start, or the text's end)."""
    end = next((k for k in range(i + 1, len(lines)) if lines[k].page_start), len(lines))
    return lines[i:end]


def _index_before(lines: list[Line], i: int, line: Line) -> int | None:
    """The index of the line object before lines[i] (by identity, looked for from i
    upwards: it is near), or None when it is a line made since (a joined note)."""
    return next((k for k in range(i - 1, -1, -1) if lines[k] is line), None)


#: A note's first line as extractors print it at a page foot: the number, one space, text.
_FOOT_NOTE_RE = re.compile(r"^(?P<n>\d{1,4})[\s\u00a0]+(?P<text>\S.*)$")


def _turns_page(lines: list[Line], k: int, turns: frozenset[int]) -> bool:
    """True when a new page starts at lines[k]: a form feed, or, in a text with none
    (pypdf), a line after lines taken out (a page foot's job number, the next page's
    header): turns holds their numbers (extract_notes)."""
    return lines[k].page_start or lines[k].no in turns


def _ends_page_as_notes(lines: list[Line], j: int, expected: int,
                        turns: frozenset[int] = frozenset()) -> bool:
    """True when the lines from j to the end of the page (a form feed, a page number taken
    out, or the end of the text) are notes expected, expected + 1, ..., each "N text" with
    at most six continuation lines, no rule among them, and the page above them prints the
    marker of the first: a block of notes printed with no rule and no blank line above."""
    m = _FOOT_NOTE_RE.match(lines[j].text.strip()) if lines[j].kind == "text" else None
    if not m or int(m.group("n")) != expected or not marker_above(lines, j, expected, loose=True):
        return False
    n, k, run = expected + 1, j + 1, 0
    while k < len(lines) and not _turns_page(lines, k, turns):
        line = lines[k]
        if line.kind == "sep" and line.text.strip():
            return False  # the notes start under the rule below: line j is the text's
        if line.kind == "text":
            m = _FOOT_NOTE_RE.match(line.text.strip())
            if m and int(m.group("n")) == n:
                n, run = n + 1, 0
            else:
                run += 1
                if run > 6:
                    return False
        k += 1
    return True


def marker_above(lines: list[Line], j: int, n: int, loose: bool = False, word: bool = False) -> bool:
    """True when a text line of the page above line j holds marker n glued to a word or a
    mark ("programmes,1", "destination.2") or in superscript; loose: also one space after
    a mark ("change. 1 This"); word: also between a word and a word in lower case, a space
    either side ("the United Nations 2 and other"), for a page foot whose shape says already
    that it holds notes."""
    spaced = rf"|[,.;:!?”’\")\]]\s{n}(?![\d.])" if loose else ""
    spaced += rf"|[^\W\d_]\s{n}\s(?=[a-z])" if word else ""
    # a year with the marker glued to it ("10 to 11 February 20251"), as extractors print a
    # superscript after a date
    spaced += rf"|(?<!\d)(?:19|20)\d\d{n}(?!\d)" if loose and n < 10 else ""
    glued = re.compile(rf"(?:[^\W\d_]|[,.;:!?”’\")\]]){n}(?!\d){spaced}|{str(n).translate(TO_SUPERSCRIPT)}")
    for k in range(j - 1, -1, -1):
        if lines[k].kind == "text" and glued.search(lines[k].text):
            return True
        if lines[k].page_start:
            return False
    return False


#: Digits to superscript digits (the reverse of SUPERSCRIPT_DIGITS).
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


#: A star note's mark of two or three asterisks printed twice ("****", "******"): glued to
#: the text it marks, or opening its note's line (alone, or before the note's text).
_DOUBLED_MARK_RE = re.compile(r"(?:(?<=[^\s*])|(?<=[.)”’\"] ))(\*{4}|\*{6})(?!\*)|^(\*{4}|\*{6})(?=\s|$)")


#: The next star note's mark inside a star note's line, after a sentence's end: "* A/82/50.
#: **** The present report ...", two notes set on one line (our PDF reader's composition).
_NEXT_STAR_RE = re.compile(r"(?<=[.!?…]) +(?=(?:\*{2,3}|\*{4}|\*{6}) +\S)")


def split_star_lines(lines: list[Line]) -> list[Line]:
    """A line that opens with a star note's mark and holds the next star note's mark after
    a sentence's end is two lines, one a note (the same line number for both)."""
    from .starnotes import STAR_START_RE

    if not any(ln.kind == "text" and ln.text.startswith("*") and ". *" in ln.text for ln in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        m = _NEXT_STAR_RE.search(line.text) if line.kind == "text" and line.text[:1] == "*" \
            and STAR_START_RE.match(line.text) else None
        if m is None:
            out.append(line)
            continue
        out.append(Line(line.no, line.text[:m.start()], "text", line.page_start, line.indent))
        out.append(Line(line.no, line.text[m.end():], "text", False, line.indent))
    return out


def halve_doubled_marks(lines: list[Line]) -> list[Line]:
    """A "**" or "***" mark that the PDF prints twice ("session.****" in the text, "****
    The report …" at the page foot: LibreOffice prints a Word custom footnote mark of two
    or three characters so) is read as printed once, when the text holds it both glued to a
    word and opening a line; the asterisks are no words, so no word changes."""
    if not any("****" in ln.text for ln in lines if ln.kind == "text"):
        return lines
    texts = [ln.text.strip() for ln in lines if ln.kind == "text" and "****" in ln.text]
    glued = any(m.group(1) for t in texts for m in _DOUBLED_MARK_RE.finditer(t))
    opening = any(m.group(2) for t in texts for m in [_DOUBLED_MARK_RE.match(t)] if m)
    if not (glued and opening):
        return lines
    for line in lines:
        if line.kind == "text" and "****" in line.text:
            line.text = _DOUBLED_MARK_RE.sub(lambda m: (m.group(1) or m.group(2))[:len(m.group(0)) // 2],
                                             line.text)
    return lines


#: A star note's mark alone on its line, its text on the next (pdftotext): under a table's
#: last cell it follows no blank line and no sentence's end, and is still no body text.
_STARS_ALONE_RE = re.compile(r"^\*{1,3}\s*$")


def extract_notes(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """Remove footnote blocks from lines; return (remaining lines, notes): the star notes
    (starnotes.py) first, then the numbered notes in number order."""
    from .starnotes import STAR_START_RE, take_star_notes

    # a text with no form feeds (pypdf): a page turns where lines were taken out
    paged = any(ln.page_start for ln in lines)
    turns = frozenset() if paged else frozenset(
        lines[k].no for k in range(1, len(lines)) if lines[k].no > lines[k - 1].no + 1)
    lines = join_bare_numbers(halve_doubled_marks(split_star_lines(lines)))
    out: list[Line] = []
    notes: list[Note] = []
    stars: list[Note] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "text" and line.text[:1] != "*" and not line.text.lstrip()[:1].isdigit():
            out.append(line)  # neither a note's number nor a star starts it: body text
            i += 1
            continue
        after_rule = line.kind == "sep"
        j = i + 1 if after_rule else i
        while after_rule and j < len(lines) and lines[j].kind == "blank":
            j += 1
        end = take_star_notes(lines, j, stars, lambda ln: bool(_starts_note(
            ln, len(notes) + 1, True)), turns) if j < len(lines) and lines[j].text[:1] == "*" and (
            after_rule or _prev_is_blank(out) or _prev_ends_sentence(out)
            or _STARS_ALONE_RE.match(lines[j].text) or not paged and STAR_START_RE.match(lines[j].text)) else None
        if end is not None:  # the star notes, then perhaps the numbered notes under them
            i = _consume_block(lines, end, notes, turns) if end < len(lines) and _starts_note(
                lines[end], len(notes) + 1, True) else end
            while out and out[-1].kind == "blank":
                out.pop()
            if i < len(lines):
                lines[i].page_start = True
            continue
        if j < len(lines) and (_starts_note(lines[j], len(notes) + 1, after_rule) and (
                after_rule or _prev_is_blank(out) or _prev_is_star_note(out))
                or _ends_page_as_notes(lines, j, len(notes) + 1, turns)) and not _numbered_heading_under(lines, j):
            i = _consume_block(lines, j, notes, turns)
            while out and out[-1].kind == "blank":
                out.pop()
            if i < len(lines):
                lines[i].page_start = True
            continue
        if line.kind == "sep":
            line.kind = "blank"
        out.append(line)
        i += 1
    return out, stars + notes


#: A heading numbered as WTO and others number them, in capitals ("1 INTRODUCTION").
_CAPS_HEADING_RE = re.compile(r"^(?P<n>\d{1,2})[\s\u00a0]+(?P<text>[^a-z]{3,120})$")


def _numbered_heading_under(lines: list[Line], j: int) -> bool:
    """True when lines[j], under a rule, is a numbered heading in capitals over its first
    paragraph numbered under it ("1 INTRODUCTION" / "1.1. Members agreed ...": a WTO
    document's rule under the circulation note), not note 1."""
    m = _CAPS_HEADING_RE.match(lines[j].text.strip())
    if not m or not re.search(r"[A-Z]{3}", m.group("text")) or TERMINAL_RE.search(m.group("text")):
        return False
    k = next((k for k in range(j + 1, min(j + 4, len(lines))) if lines[k].kind == "text"), None)
    return k is not None and lines[k].text.lstrip().startswith(m.group("n") + ".1")


def _prev_is_star_note(out: list[Line]) -> bool:
    """True when the previous kept line is a note marked by an asterisk ("* A/80/50."),
    which the UN prints above the numbered notes."""
    return bool(out) and out[-1].kind == "text" and bool(STAR_NOTE_RE.match(out[-1].text))


#: A note marked by an asterisk, as the UN prints them: a symbol ("* A/80/50.") or a
#: reissue notice.
STAR_NOTE_RE = re.compile(r"^\*{1,3}\s+(?:[A-Z]{1,10}(?:[./][A-Za-z0-9]+)*/\S+|Reissued|Publié|"
                          r"Reeditado|The present|Le présent|El presente)")


def _prev_ends_sentence(out: list[Line]) -> bool:
    """True when the previous kept line is text that ends a sentence (pdftotext may print a
    page's star note right under the last line of its text)."""
    return bool(out) and out[-1].kind == "text" and bool(_ENDS_SENTENCE_RE.search(out[-1].text.strip()))


#: A sentence's end, perhaps with a note's marker after it ("qualifications.2").
_ENDS_SENTENCE_RE = re.compile(r"[.!?…]['\"»”’)\]]*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})?$")


def _prev_is_blank(out: list[Line]) -> bool:
    """True when the previous kept line is blank (a block without rule needs air above)."""
    return bool(out) and out[-1].kind == "blank"


#: The abbreviations a note's line may end with, its sentence going on ("European Court of
#: Human Rights, App." / "No. 40984/07, Judgment of ...").
_ABBREVIATION_END_RE = re.compile(
    r"(?:^|[\s(])(?:App|Apps|No|Nos|para|paras|p|pp|vol|vols|Vol|ed|eds|al|art|arts|Art|Corr|Rev|Add|"
    r"Sect|Suppl|cf|Cf|e\.g|i\.e|op|cit|loc|chap|Chap|sess|Ser|fig|Fig|n°|núm|párr|párrs|vol|t|éd|"
    r"Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Co)\.$")


def _consume_block(lines: list[Line], i: int, notes: list[Note],
                   turns: frozenset[int] = frozenset()) -> int:
    """Read notes from line i; return the index of the first line after the block."""
    current: Note | None = None
    first = i
    while i < len(lines):
        line = lines[i]
        if i > first and _turns_page(lines, i, turns):
            break  # a new page ends the block: its "N." is a paragraph, not note N
        m = _starts_note(line, len(notes) + 1, True)
        if m:
            current = Note(int(m.group("n").translate(SUPERSCRIPT_DIGITS)), line.no,
                           [Line(line.no, m.group("text"))])
            notes.append(current)
        elif line.kind in ("blank", "sep"):
            pass
        elif current and (not TERMINAL_RE.search(current.lines[-1].text)
                          or _ABBREVIATION_END_RE.search(current.lines[-1].text)):
            current.lines.append(line)  # (a note's line that ends "App." or "pp." goes on)
        else:
            break
        i += 1
    return i
