"""An annotated agenda printed in two parts: the list of items, then the annotations.

The UN's provisional agendas "and annotations" print the items once as a list
("Provisional agenda" / "1. Election of officers." / ... / "6. Adoption of the report ..."),
then a heading ("Annotations", "II. Annotations to the provisional agenda") and each item
again, its number and title over its annotation and its documentation. The vocabulary has one
entry an item, its annotations and documents inside it (R13), so ``item_order`` puts the
lines in that order before the entries are built: after each item's (or sub-item's) lines of
the list come the lines of its annotation. The heading "Annotations" and the number and title
printed again over an annotation are layout, left out, when the title repeats the list's word
for word; a title that says something else stays, as the annotation's first lines.

The no-text-lost check reads the same lines in the same order (check.check_fidelity), so it
compares the XML with the text as the entries hold it. Nothing changes unless the text has
that heading between two runs of items that both start at 1.
"""
from __future__ import annotations

import dataclasses
import re

from .entries import ENTRY_RE, SUB_RE
from .normalise import Line

#: The heading between the list and the annotations, in the three languages.
ANNOTATIONS_RE = re.compile(
    r"^(?:[IVX]{1,4}\.\s+)?(?:Annotations|Annotations to the (?:provisional|draft) agenda|"
    r"Annotations (?:à|de) l[’']ordre du jour(?: provisoire)?|"
    r"Anotaciones|Anotaciones al programa(?: provisional)?)\s*$", re.I)
_WORD_RE = re.compile(r"[^\W_]+")

Key = tuple[str, str]  # (item number, sub-item letter or "")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _segments(lines: list[Line], start: int, stop: int,
              titles: dict[Key, list[str]] | None = None) -> list[tuple[Key, int, int]] | None:
    """(key, first, end) of each item and sub-item from lines[start] (an item line) to stop;
    None when the numbers do not run 1, 2, 3 ... with sub-items a, b, c ... under them.
    With titles (the list's), an item's number counts only over its title printed again,
    not a numbered paragraph of the annotations ("1. The session will be opened ...")."""
    out: list[tuple[Key, int, int]] = []
    top, sub = 0, ""
    for k in range(start, stop):
        if lines[k].kind != "text":
            continue
        text = " ".join(lines[k].text.split())
        m = ENTRY_RE.match(text)
        if m and int(m.group("n")) == top + 1 and (
                titles is None or _restates(lines, k, titles.get((str(top + 1), "")))):
            top, sub = top + 1, ""
        else:
            s = SUB_RE.match(text)
            if not (s and top and s.group("n") == (chr(ord(sub) + 1) if sub else "a")) or (
                    titles is not None and not _restates(lines, k, titles.get((str(top), s.group("n"))))):
                continue
            sub = s.group("n")
        if out:
            out[-1] = (out[-1][0], out[-1][1], k)
        out.append(((str(top), sub), k, stop))
    return out if out and out[0][0] == ("1", "") else None


def _restates(lines: list[Line], k: int, title: list[str] | None) -> bool:
    """True when the item or sub-item line lines[k] and the lines under it print title (the
    list's words) again."""
    if not title:
        return False
    _, rest = _strip_number(lines[k])
    got = _words(rest or "")
    j = k + 1
    while len(got) < len(title) and j < len(lines) and j - k <= 8:
        if lines[j].kind == "text":
            got += _words(lines[j].text)
        j += 1
    return got[:len(title)] == title


def _strip_number(line: Line) -> tuple[str, str | None]:
    """(the number as printed, the rest of the line or None) of an item or sub-item line."""
    text = " ".join(line.text.split())
    m = ENTRY_RE.match(text) or SUB_RE.match(text)
    return m.group("n"), m.group("text")


def _title_words(lines: list[Line], first: int, end: int) -> list[str]:
    """The words of the title of the segment lines[first:end] of the list (to its end)."""
    _, rest = _strip_number(lines[first])
    texts = ([rest] if rest else []) + [ln.text for ln in lines[first + 1:end] if ln.kind == "text"]
    return _words(" ".join(texts))


def _annotation(lines: list[Line], first: int, end: int, title: list[str]) -> list[Line]:
    """The lines of an annotation segment without its number and, when they repeat the
    list's title word for word, the title's lines."""
    _, rest = _strip_number(lines[first])
    body = ([dataclasses.replace(lines[first], text=rest)] if rest else []) + lines[first + 1:end]
    got: list[str] = []
    for k, line in enumerate(body):
        if line.kind != "text":
            continue
        got += _words(line.text)
        if got == title:
            return body[k + 1:]
        if got != title[:len(got)]:
            break
    return body


def _annotation_lines(body: list[Line]) -> list[Line]:
    """An annotation's lines marked as such (hint "annotation": prose for the entries'
    builder, never an item), a blank line before each of its numbered paragraphs ("1. The
    session will ...") and before a short heading over one ("Election of the Bureau"), which
    pdftotext prints with no blank line."""
    texts = [k for k, ln in enumerate(body) if ln.kind == "text"]
    numbered = {k for k in texts if ENTRY_RE.match(" ".join(body[k].text.split()))}
    out: list[Line] = []
    for n, k in enumerate(texts):
        line = body[k]
        nxt = texts[n + 1] if n + 1 < len(texts) else None
        prev = body[texts[n - 1]].text.rstrip() if n else ""
        if n and (k in numbered or nxt in numbered and not _ENDS_RE.search(line.text.rstrip())
                  and _ENDS_RE.search(prev)):
            out.append(Line(line.no, "", "blank"))
        out.extend(body[texts[n - 1] + 1:k] if n else body[:k])
        out.append(dataclasses.replace(line, hint="annotation"))
    return out + (body[texts[-1] + 1:] if texts else body)


#: The end of a sentence (or of a list's lead-in) at a line's end.
_ENDS_RE = re.compile(r"[.;:!?]['\"»”’)\]]*$")


def item_order(lines: list[Line]) -> list[Line]:
    """lines with each annotation after its item of the list (module docstring)."""
    label = next((k for k, ln in enumerate(lines) if ln.kind == "text"
                  and ANNOTATIONS_RE.match(" ".join(ln.text.split()))), None)
    if label is None:
        return lines
    first = next((k for k in range(label) if lines[k].kind == "text"
                  and (m := ENTRY_RE.match(" ".join(lines[k].text.split()))) and m.group("n") == "1"), None)
    after = next((k for k in range(label + 1, len(lines)) if lines[k].kind == "text"), None)
    if first is None or after is None:
        return lines
    listed = _segments(lines, first, label)
    if not listed:
        return lines
    titles = {key: _title_words(lines, a, b) for key, a, b in listed}
    keys = {key for key, _, _ in listed}
    notes = _segments(lines, after, len(lines), titles)
    if not notes or {key for key, _, _ in notes} != keys or notes[0][1] != after:
        notes = _segments(lines, after, len(lines))  # (titles printed otherwise over their notes)
    if not notes or notes[0][1] != after:
        return lines  # text between the heading and the first annotation: leave all as printed
    by_key = {key: (a, b) for key, a, b in notes}
    out = lines[:first]
    for key, a, b in listed:
        out += lines[a:b]
        if key in by_key:
            out += _annotation_lines(_annotation(lines, *by_key[key], titles[key]))
    for key, a, b in notes:
        if key not in keys:
            out += lines[a:b]  # an item the list does not name: after the others, as printed
    return out
