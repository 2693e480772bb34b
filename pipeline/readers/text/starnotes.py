"""Star notes (schema R17): the notes a UN document marks with "*", "**" or "***".

The mark is printed on the agenda item line ("Item 116 (c) of the preliminary list*"), on
the symbol ("A/79/843*"), at the end of the title or of a paragraph ("(see annex).*"); the
note at the foot of that page, above the numbered notes: "* A/80/50.", "* Circulated in
the language of submission only.".

After ``take_star_notes`` (called by footnotes.extract_notes at a page foot) a star note's
lines are gone from the page and it is a Note with its ``mark``. After ``link_star_notes``
(on the tree, after the numbered notes are linked) each star note is referenced once: a
noteref in place of its mark (in meta/agenda-item, meta/title, the programme or the body),
or symbol/@note when the symbol printed it; the symbol holds no asterisk.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ...errors import Diagnostic
from .footnotes import TERMINAL_RE, Note
from .normalise import Line

#: A star note's first line: the mark, space, then its text (never a row of asterisks).
STAR_START_RE = re.compile(r"^(?P<mark>\*{1,3})[\s\u00a0]+(?P<text>[^\s*].*)$")
#: The attribute the masthead leaves on meta/symbol: the marks printed on it ("*").
SYMBOL_MARK_ATTR = "_star"


def mark_re(k: int) -> re.Pattern:
    """Exactly k asterisks glued to a word or a mark ("list*", "annex).*", "A/79/843*"), or
    one space after a closing mark ("(see enclosure). *"); never a line of its own."""
    return re.compile(rf"(?<=[^\s*])\*{{{k}}}(?!\*)|(?<=[.)”’\"]) \*{{{k}}}(?![*\w])")


def star_mark_above(lines: list[Line], j: int, k: int, whole: bool = False) -> bool:
    """True when a text line of the page above line j prints mark k (the title block
    counts: it is the first page's); ``whole``: of any page above (a note printed at the
    end of the text, after the last item)."""
    pattern = mark_re(k)
    for i in range(j - 1, -1, -1):
        line = lines[i]
        if line.kind == "text" and "*" in line.text and not STAR_START_RE.match(line.text) \
                and pattern.search(line.text):
            return True
        if line.page_start and not whole:
            return False
    return False


def _note_end(lines: list[Line], j: int) -> int:
    """The index after the note that starts at line j: its wrapped lines go on while the
    last does not end a sentence."""
    i = j + 1
    while i < len(lines) and not TERMINAL_RE.search(lines[i - 1].text.strip()) \
            and lines[i].kind == "text" and not lines[i].page_start \
            and not STAR_START_RE.match(lines[i].text) and not lines[i].text[:1].isdigit():
        i += 1
    return i


def _star_start(lines: list[Line], i: int, k: int) -> tuple[str, int] | None:
    """(the text, the index of its line) of star note k's first line at line i: "* text",
    or the mark alone with the text on the next line, perhaps after a blank one (pdftotext);
    else None."""
    line = lines[i]
    m = STAR_START_RE.match(line.text) if line.kind == "text" else None
    if m:
        return (m.group("text"), i) if len(m.group("mark")) == k else None
    t = i + 1 + (i + 2 < len(lines) and lines[i + 1].kind == "blank")  # (one blank between)
    if line.kind == "text" and line.text.strip() == "*" * k and t < len(lines):
        nxt = lines[t]
        if nxt.kind == "text" and not nxt.page_start and nxt.text.strip()[:1] not in ("*", ""):
            return nxt.text.strip(), t
    return None


def take_star_notes(lines: list[Line], j: int, stars: list[Note],
                    starts_numbered: Callable[[Line], bool],
                    turns: frozenset[int] = frozenset()) -> int | None:
    """Read the star notes from line j (after a rule or a blank line), each the next mark
    (*, then **) printed on its page above; return the index after them, or None when line
    j starts none. What follows a note must be air, a rule, a page's end, the next star
    note or a numbered note (``starts_numbered``): a bullet "* text" of a list is no note.
    turns: the numbers of the lines that start a page in a text without form feeds (pypdf:
    where the page foot's job number was taken out), a page's end as good as a form feed."""
    i, found = j, []
    while i < len(lines):
        k = len(stars) + len(found) + 1
        start = _star_start(lines, i, k) if k <= 3 and not (i > j and lines[i].page_start) else None
        if start is None:
            break
        text, i = start
        end = _note_end(lines, i)
        last = all(ln.kind != "text" for ln in lines[end:])  # (the text's end: any page above)
        if not star_mark_above(lines, j, k, whole=last):
            break
        nxt = lines[end] if end < len(lines) else None
        if nxt is not None and nxt.kind == "text" and not nxt.page_start and nxt.no not in turns and not (
                STAR_START_RE.match(nxt.text) and not nxt.text.startswith("*" * k + " ")
                or nxt.text.strip() == "*" * (k + 1) or starts_numbered(nxt)):
            break
        found.append(Note(0, lines[i].no, [Line(lines[i].no, text)] + lines[i + 1:end], "*" * k))
        i = end
        while end < len(lines) and end < i + 3 and lines[end].kind == "blank":
            end += 1  # a blank line between two star notes (pdfminer)
        if end < len(lines) and (lines[end].text.startswith("*" * (k + 1) + " ")
                                 or lines[end].text.strip() == "*" * (k + 1)):
            i = end  # the next star note (its mark alone on its line: pdftotext)
    if not found:
        return None
    stars.extend(found)
    return i


def link_star_notes(root: etree._Element, stars: list[Note], slots: list,
                    filename: str, warnings: list[Diagnostic]) -> None:
    """Reference each star note where its mark stands: symbol/@note, else the first text
    slot (meta/agenda-item, then the title, the programme or body: ``slots``) that prints
    it; a note whose mark is nowhere is referenced at the end of the title, with a warning.
    The symbol's marks are taken off it in any case."""
    symbol = root.find("meta/symbol")
    on_symbol = symbol.attrib.pop(SYMBOL_MARK_ATTR, "") if symbol is not None else ""
    item = root.find("meta/agenda-item")
    places = ([(item, "text")] if item is not None else []) + list(slots)
    for note in stars:
        ident, k = f"fns{len(note.mark)}", len(note.mark)
        if len(on_symbol) == k and symbol.get("note") is None:
            symbol.set("note", ident)
            continue
        if not _replace_mark(places, mark_re(k), ident):
            title = root.find("meta/title")
            title.append(etree.Element("noteref", to=ident))
            warnings.append(Diagnostic(filename, note.line, f"star note {note.mark}: its mark is "
                                       "found nowhere in the text; it is referenced at the end "
                                       "of the title (check where it belongs)", "warning"))


def _replace_mark(places: list, pattern: re.Pattern, ident: str) -> bool:
    """Put <noteref to="ident"/> in place of the first match of pattern in the text slots
    (element, "text" or "tail"); True when one was found."""
    for idx, (el, attr) in enumerate(places):
        text = getattr(el, attr) or ""
        m = pattern.search(text) if "*" in text else None
        if not m:
            continue
        ref = etree.Element("noteref", to=ident)
        ref.tail = text[m.end():]
        setattr(el, attr, text[:m.start()])
        if attr == "text":
            el.insert(0, ref)
        else:
            el.addnext(ref)
        places[idx] = (ref, "tail")
        return True
    return False


def star_attrs(text: str) -> dict[str, str]:
    """The private attribute the masthead puts on a symbol printed with marks."""
    marks = re.findall(r"\*+(?=-|$)", text)
    return {SYMBOL_MARK_ATTR: marks[0]} if marks else {}

