"""An agenda's table printed a column after the other: the times, then the items.

A programme laid out as a Word table of two columns (the time, then the item with its
speakers and questions) comes out of default pdftotext and pdfminer as the whole time
column first, day rows among the times, and then the whole item column:

    Day 1 – Tuesday, 14 April 2026
    08:30 – 09:00
    09:00 – 09:45
    ...
    Registration of participants
    Opening session
    Welcome remarks: Ms. ... (wrapped over lines)

``zip_time_columns`` puts each time back before its item: the item column is cut into as
many items as the column has times. An item starts on a line in capitals that does not go
on with the line above: that line does not end on a word that needs the next ('of', a
comma) and is not wrapped, that is, the new line's first word would have fitted on it
with room to spare (the column's longest line gives its width, in characters), or it
opens as item titles do ('Session 2:', 'Coffee break', 'Clausura'). A line that would not have fitted ends an
item only after an item's own title (its speakers' names and bullets wrap), and only when
the clear cuts are one too few. A run that cannot be cut into exactly as many items as
times is left as it is (the reader then warns, as before).
"""
from __future__ import annotations

import re

from .lexicon import LINKING_WORDS
from .normalise import PROG_HEAD_RE, TIME_HEAD_RE, Line

#: Times alone on their lines, this many at least, make a time column; fewer
#: (MIN_HEADED_TIMES) under the column's heading ("Time") or after a column already put back.
MIN_TIMES = 3
MIN_HEADED_TIMES = 2
#: A label or a role over people or questions ("Moderator:", "Guiding questions:"); not
#: an item's own title ("Session 1: ...", "Panel 2: ...": a number before the colon).
_LABEL_RE = re.compile(r"^[^\W\d_][^:\d]{0,60}:(?:\s|$)")
#: A label that ends on a Roman numeral: a numbered session's, an item title.
_ROMAN_END_RE = re.compile(r"\s[IVXLC]{1,5}\s*:$")
#: The words an agenda item's title opens with, whatever the line above (a name wrapped in
#: the cell above it or not): sessions, breaks, openings and closings.
_ITEM_OPENING_RE = re.compile(
    r"^(?:Session|S[ée]ance|Sesi[óo]n|Panel|Round ?table|Table ronde|Mesa redonda|Segment|Part|Partie|Parte|"
    r"Opening|Closing|Cl[ôo]ture|Clausura|Cierre|Ouverture|Apertura|Welcome|Accueil|Bienvenida|"
    r"C[ée]r[ée]monie|Ceremonia|Keynote|Coffee|Lunch|Break|Pause|D[ée]jeuner|Almuerzo|Pausa|Receso|"
    r"Registration|Inscription|Inscripci[óo]n|Conclusions?|Conclusiones|"
    r"Adoption|Adopci[óo]n|Wrap-up|Working group|Groupe de travail|Grupo de trabajo)\b", re.I)
#: A line that needs the next: it ends on a preposition, an article, a conjunction, a comma
#: or an honorific (``Discours d'ouverture : Mme`` / ``Aminata Traoré, ...``: the name).
_NEEDS_NEXT_RE = re.compile(rf"(?:\b(?:{LINKING_WORDS})|[,:;–—-]|"
                            r"(?-i:\b(?:Mme|Mmes|Mlle|Mrs?|Ms|Dr|Drs|Prof|Sra?|Sres|Dra|H\.\s?E|S\.\s?E)\.?|\bM\.))$",
                            re.I)


#: Characters of room a line must leave for the next line's first word to be sure it was
#: not wrapped (letters differ in width: counting characters only guesses the column's).
_MIN_ROOM = 2


def _bare_time(text: str) -> bool:
    from .times import match_time_range

    found = match_time_range(text)
    return found is not None and not found[2].strip()


def _day(text: str) -> bool:
    from .agenda import is_day_line

    return bool(is_day_line(text))


#: A time and a dash alone on a line: the start of a range whose end tab stops put apart.
_OPEN_RANGE_RE = re.compile(r"^\d{1,2}(?:[:.h]\s?\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*[–—-]$", re.I)
#: Blank lines between the pieces of one row set by tab stops.
_ROW_BLANKS = 2


def zip_time_columns(lines: list[Line]) -> list[Line]:
    """lines with every time column followed by its item column put back row by row, and
    the pieces of a row set by tab stops joined (join_tabbed_rows)."""
    if sum(1 for ln in lines[:4000] if ln.kind == "text" and ln.text[:1].isdigit()) < MIN_TIMES:
        return lines
    lines = join_tabbed_rows(lines)
    if sum(1 for ln in lines if ln.kind == "text" and _bare_time(ln.text)) < MIN_HEADED_TIMES:
        return lines  # (no column of times: a paper's numbered paragraphs, not asked line by line)
    out: list[Line] = []
    i, zipped_one = 0, False
    while i < len(lines):
        run_end = _time_run(lines, i, MIN_HEADED_TIMES if zipped_one else MIN_TIMES)
        if run_end is None:
            out.append(lines[i])
            i += 1
            continue
        col_end = _item_column_end(lines, run_end)
        zipped = _zip(lines[i:run_end], lines[run_end:col_end])
        if zipped is None:
            out.extend(lines[i:run_end])
            i = run_end
            continue
        out.extend(zipped)
        i, zipped_one = col_end, True
    return out


def join_tabbed_rows(lines: list[Line]) -> list[Line]:
    """lines with a range's start and dash, its end and the item's title joined into one
    line when each was printed on a line of its own with blank lines between them, as
    default pdftotext prints a row set by tab stops ("09:00 –" / "" / "09:30" / "" /
    "Registration of participants")."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "text" and ln.text[:1].isdigit() and _OPEN_RANGE_RE.match(ln.text.strip()):
            end = _next_text(lines, i + 1)
            if end is not None and _bare_time(f"{ln.text.strip()} {lines[end].text.strip()}"):
                text, last = f"{ln.text.strip()} {lines[end].text.strip()}", end
                title = _next_text(lines, end + 1)
                if title is not None and not (_bare_time(lines[title].text) or _day(lines[title].text)
                                              or _OPEN_RANGE_RE.match(lines[title].text.strip())):
                    text, last = f"{text} {lines[title].text.strip()}", title
                out.append(Line(ln.no, text, page_start=ln.page_start, indent=ln.indent, hint=ln.hint))
                i = last + 1
                continue
        out.append(ln)
        i += 1
    return out


def _next_text(lines: list[Line], i: int) -> int | None:
    """The index of the next text line from i, past _ROW_BLANKS blank lines at most."""
    for k in range(i, min(i + _ROW_BLANKS + 1, len(lines))):
        if lines[k].kind == "text":
            return k
        if lines[k].kind != "blank":
            return None
    return None


def _time_run(lines: list[Line], i: int, least: int = MIN_TIMES) -> int | None:
    """The end of a time column starting at lines[i] (times, day lines, blank lines and a
    'Time' heading only, ``least`` times at least or MIN_HEADED_TIMES under the heading,
    starting on a time, a day or the heading), or None."""
    first = lines[i]
    if first.kind != "text" or not (_bare_time(first.text) or _day(first.text) or TIME_HEAD_RE.match(first.text)):
        return None
    times, k, end = 0, i, None
    while k < len(lines):
        ln = lines[k]
        if ln.kind == "text":
            if _bare_time(ln.text):
                times += 1
            elif TIME_HEAD_RE.match(ln.text):
                least = min(least, MIN_HEADED_TIMES)
            elif not _day(ln.text):
                break
            end = k + 1
        elif ln.kind != "blank":
            break
        k += 1
    return end if times >= least and end is not None and end < len(lines) else None


def _item_column_end(lines: list[Line], start: int) -> int:
    """The end of the item column after a time column: the next time or day line, a page
    break or the end."""
    k = start
    while k < len(lines):
        ln = lines[k]
        if ln.kind == "sep" or ln.kind == "text" and (_bare_time(ln.text) or _day(ln.text)):
            break
        k += 1
    while k > start and lines[k - 1].kind != "text":
        k -= 1
    return k


def _zip(run: list[Line], column: list[Line]) -> list[Line] | None:
    """The rows of a time column and its item column, or None when the column cannot be
    cut into as many items as there are times. The table's header row ("Time" in the
    time column, "Programme" or "Session" heading the item column, once a page or a day)
    is layout and left out, as remove_page_debris leaves it out when printed as a row."""
    times = [ln for ln in run if ln.kind == "text" and _bare_time(ln.text)]
    heads = sum(1 for ln in run if ln.kind == "text" and TIME_HEAD_RE.match(ln.text))
    dropped = [ln for ln in column if ln.kind == "text" and PROG_HEAD_RE.match(ln.text.strip())][:heads]
    column = [ln for ln in column if not any(ln is d for d in dropped)]
    texts = [ln for ln in column if ln.kind == "text"]
    if len(texts) < len(times):
        return None
    starts = _item_starts(column, texts, len(times))
    if starts is None:
        return None
    blocks = [texts[a:b] for a, b in zip(starts, starts[1:] + [len(texts)])]
    if not all(block[0].text.strip()[:1].isalpha() for block in blocks):
        return None  # item numbers after a programme of work's times (work.py reads those)
    out: list[Line] = []
    items = iter(blocks)
    for ln in run:
        if ln.kind != "text" or TIME_HEAD_RE.match(ln.text):
            continue
        if _bare_time(ln.text):
            block = next(items)
            out.append(Line(ln.no, f"{ln.text.strip()} {block[0].text.strip()}", page_start=ln.page_start,
                            indent=ln.indent, hint=block[0].hint))
            out.extend(block[1:])
        else:
            out.append(Line(ln.no, "", "blank"))
            out.append(ln)
            out.append(Line(ln.no, "", "blank"))
    return out


def _labelled(text: str) -> bool:
    """True for a line of people or questions: a label ("Welcome remarks: Ms. ..."), a
    bullet or a person's honorific; not an item's numbered title ("Session IV: ...")."""
    from .agenda import BULLET_RE  # (agenda.py reads normalise, which calls this module)
    from .people import HONORIFIC_RE

    label = _LABEL_RE.match(text)
    if label and _ROMAN_END_RE.search(label.group(0).rstrip()):
        return False  # "Session IV: The way forward"
    return bool(label or BULLET_RE.match(text) or HONORIFIC_RE.match(text))


def _item_starts(column: list[Line], texts: list[Line], n: int) -> list[int] | None:
    """The indexes into texts of the n items' first lines (0 first), or None."""
    width = max(len(ln.text.strip()) for ln in texts)
    after_blank = set()
    k = 0
    for ln in column:
        if ln.kind == "text":
            k += 1
        elif k:
            after_blank.add(k)
    sure, maybe = [], []
    in_people = False  # the line above is a label's, a bullet's or their wrapped lines
    for k in range(1, len(texts)):
        above, text = texts[k - 1].text.strip(), texts[k].text.strip()
        labelled = _labelled(text)
        in_people = _labelled(above) or in_people
        if labelled:
            in_people = True
            continue
        if k in after_blank:
            sure.append(k)
        elif text[:1].isupper() and not _NEEDS_NEXT_RE.search(above):
            room = width - len(above) - 1 - len(text.split()[0])
            roomy = room >= max(_MIN_ROOM, width // 10)
            if _ITEM_OPENING_RE.match(text) or roomy and not in_people:
                sure.append(k)
            else:
                if roomy or not in_people:
                    maybe.append((room, k))
                if in_people:  # under a speaker's line, room only guesses: a long name elsewhere
                    continue  # widens the column ("Salas, ..." under "...: Sr. Jorge" looks short)
        else:
            continue
        in_people = False
    if len(sure) > n - 1:
        return None
    need = n - 1 - len(sure)
    if need > len(maybe):
        return None
    chosen = sorted(sure + [k for _, k in sorted(maybe, reverse=True)[:need]])
    return [0] + chosen
