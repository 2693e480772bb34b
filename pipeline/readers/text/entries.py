"""Stage 3 for provisional agendas: numbered items without times (R13).

Shapes read (the title block before them is the UN masthead's or the general one's):

    Provisional agenda and documentation            -> meta/title (read before this stage)
    1. Election of officers.                        -> entry @n="1" / title
    3. Effective governance ...:                    -> entry @n="3" / title
       (a) Building the capacity of ...;            -> entry @n="a" inside entry 3
    Documentation                                   -> documents @label
       Note by the Secretariat on ... (E/C.16/2028/2) -> doc @symbol, its lines joined
    prose under an item (an annotated agenda)       -> p in the entry

After ``build_entries`` runs, every text line after the title is in one entry (its title,
an annotation, a document); a line before the first item becomes a p of that item, so no
word is lost; an item title ends at its final full stop or colon, or after four lines.
"""
from __future__ import annotations

import re

from lxml import etree

from .lexicon import LINKING_WORDS
from .normalise import LINE_ATTR, Line
from .text import join_lines

#: The heading that makes a text a provisional agenda (its title, in the three languages).
PROVISIONAL_RE = re.compile(
    r"^(?:(?:Annotated\s+)?(?:Provisional|Preliminary|Draft|Revised)\s+(?:provisional\s+)?agenda|"
    r"Ordre du jour (?:provisoire|préliminaire)(?: annoté)?|Projet d[’']ordre du jour|"
    r"Programa (?:provisional|preliminar)(?: anotado)?|Proyecto de programa|"
    r"Agenda(?=\s+and\s+annotations)|Ordre du jour(?=\s+et\s+annotations)|Programa(?=\s+y\s+anotaciones))"
    r"(?:\s+(?:and|et|y)\s+(?:documentation|documentación|annotations|anotaciones|"
    r"(?:provisional\s+|proposed\s+)?programme of work|programme de travail|programa de trabajo))?"
    r"(?:\s+annoté|\s+anotado)?\s*\*?$", re.I)
#: The title of a session's agenda that names the session ("Provisional agenda of the
#: eighty-first regular session of the General Assembly, ..."), over one to three lines.
PROVISIONAL_OF_RE = re.compile(
    r"^(?:(?:Annotated\s+)?(?:Provisional|Preliminary|Supplementary)\s+(?:agenda|list(?:\s+of\s+items)?)\s+"
    r"(?:of|for)\s+the\b|Ordre du jour (?:provisoire|préliminaire)(?: annoté)? de la\b|"
    r"Programa (?:provisional|preliminar)(?: anotado)? del\b)", re.I)
ENTRY_RE = re.compile(r"^(?P<n>\d{1,3})\.(?:[\s\u00a0]+(?P<text>\S.*))?$")
SUB_RE = re.compile(r"^\(?(?P<n>[a-z])\)(?:[\s\u00a0]+(?P<text>\S.*))?$")
DOCS_RE = re.compile(r"^(?:Documentation|Documentación|Documents?|Documentos|DOCUMENTATION|DOCUMENTACIÓN)\s*:?$")
_BULLET_RE = re.compile(r"^[•·▪◦●‣■➢►–-]\s+")
#: A document's symbol in brackets at the end of its title: "(E/C.16/2028/CRP.1)".
DOC_SYMBOL_RE = re.compile(r"\((?P<symbol>[A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/[A-Za-z0-9./()-]*[A-Za-z0-9)])\)\s*$")
_ENDS_RE = re.compile(r"[.:;]['\"»”’)\]]*\*?\d{0,2}$")
#: A title line that needs the next, whatever comes between.
_RUNS_ON_RE = re.compile(rf"\b(?:{LINKING_WORDS})$|[,–—-]$", re.I)


#: A symbol in the column at the right of the items ("3.  Adoption of the agenda   C/118/1/Rev.2").
COLUMN_SYMBOL_RE = re.compile(r"[A-Z]{1,10}(?:[./-][A-Z0-9]+)*/[A-Za-z0-9./()-]*[A-Za-z0-9)]")
_COLUMN_RE = re.compile(r"^(?P<left>.*?\S)?\s{3,}(?P<symbol>\S+)$|^\s*(?P<alone>\S+)$")


#: A document printed as its symbol alone, in brackets, perhaps bulleted: "• (C/118/2)".
_SYMBOL_ALONE_RE = re.compile(r"^(?:[•·▪◦●‣■➢►–-]\s+)?(?:\((?P<symbol>[A-Z]{1,10}(?:[./-][A-Z0-9]+)*/"
                              r"[A-Za-z0-9./()-]*[A-Za-z0-9)])\)|\[(?P<square>[A-Z]{1,10}(?:[./-][A-Z0-9]+)*/"
                              r"[A-Za-z0-9./()-]*[A-Za-z0-9)])\])$")  # (the OECD's in square brackets)


def _symbol_column(line: Line) -> tuple[Line | None, str | None]:
    """(the line without its right-hand symbol, the symbol), or (line, None); (None,
    symbol) for a line that is a symbol alone."""
    m = _COLUMN_RE.match(line.text.rstrip())
    symbol = m and (m.group("symbol") or m.group("alone"))
    if not symbol or not COLUMN_SYMBOL_RE.fullmatch(symbol) or (m.group("alone") and line.indent < 20):
        return line, None
    if m.group("alone"):
        return None, symbol
    return Line(line.no, m.group("left"), line.kind, line.page_start, line.indent, line.hint), symbol


def is_provisional_agenda(lines: list[Line]) -> bool:
    """True when one of the first 60 text lines is a provisional agenda's heading and a
    numbered item follows it."""
    seen = 0
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        seen += 1
        if seen > 60:
            return False
        if PROVISIONAL_RE.match(re.sub(r"(?<=[^\W\d_])(?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})$", "",
                                       " ".join(line.text.split()))) or PROVISIONAL_OF_RE.match(line.text.strip()):
            return any(ln.kind == "text" and ENTRY_RE.match(ln.text.strip()) for ln in lines[i + 1:i + 40])
    return False


class EntryBuilder:
    """Feeds the lines after the title into <agenda> entries."""

    def __init__(self) -> None:
        self.agenda = etree.Element("agenda")
        self.entry: etree._Element | None = None  # the top-level entry open
        self.current: etree._Element | None = None  # the entry (or sub-entry) receiving lines
        self.part: list[Line] = []  # lines of the element being collected
        self.mode = "title"  # title | text | docs
        self.docs: etree._Element | None = None
        self.orphans: list[Line] = []  # lines before the first entry
        self.after_blank = False  # a blank line came before this line

    def run(self, lines: list[Line]) -> etree._Element:
        """Build the agenda from every line."""
        for line in lines:
            self.feed(line)
        self.flush()
        return self.agenda

    def feed(self, line: Line) -> None:
        """One line (a symbol printed in the right-hand column goes to the documents of
        the entry it stands beside)."""
        if line.kind != "text":
            if self.mode == "text":
                self.flush()
            self.after_blank = True
            return
        line, symbol = _symbol_column(line)
        if line is not None:
            self._feed_text(line)
        if symbol and self.current is not None:
            self._column_doc(symbol)
        elif symbol:
            self.orphans.append(Line(0, symbol))

    def _column_doc(self, symbol: str) -> None:
        """A document known by its symbol alone, in the open entry's documents."""
        docs = self.current.find("documents")
        if docs is None:
            docs = etree.SubElement(self.current, "documents")
        etree.SubElement(docs, "doc", symbol=symbol).text = ""

    def _feed_text(self, line: Line) -> None:
        """One line of text (no symbol column)."""
        text = " ".join(line.text.split())
        after_blank, self.after_blank = self.after_blank, False
        if line.hint == "annotation" and self.current is not None and self.mode != "docs" \
                and not DOCS_RE.match(text):
            # a line of an annotation (annotations.item_order): prose, never an item; a
            # numbered paragraph of the annotations ("1. The session will ...") starts a p
            if self.mode == "title" or ENTRY_RE.match(text):
                self.flush()
                self.mode = "text"
            self.part.append(line)
            return
        alone = _SYMBOL_ALONE_RE.match(text)
        if alone and self.current is not None and self.mode != "docs":
            self.flush()  # "• (C/118/2)": a document known by its symbol, as we print one
            self._column_doc(alone.group("symbol") or alone.group("square"))
            return
        m = ENTRY_RE.match(text)
        if m and self._next_number(m.group("n")):
            self.open(self.agenda, m.group("n"), m.group("text"), line)
            return
        s = SUB_RE.match(text)
        if s and self.entry is not None and self.mode != "docs" or s and self.mode == "docs" \
                and self._sub_expected(s.group("n")):
            self.open(self.entry, s.group("n"), s.group("text"), line)
            return
        if self.current is None:
            self.orphans.append(line)
            return
        if DOCS_RE.match(text) and not (self.mode == "docs" and self.part):
            self.flush()
            self.docs = self.current.find("documents")
            if self.docs is None:
                self.docs = etree.SubElement(self.current, "documents", label=text.rstrip(" :"))
            self.mode = "docs"
            return
        if self.mode == "docs" and _BULLET_RE.match(line.text.strip()):
            self.flush()  # a bullet starts a document of the list
            line = Line(line.no, _BULLET_RE.sub("", line.text.strip()), line.kind, line.page_start,
                        line.indent)
        if self.mode == "title" and self.part and (_ENDS_RE.search(self.part[-1].text.strip())
                                                   or len(self.part) >= 4 or after_blank and text[:1].isupper()
                                                   and not _RUNS_ON_RE.search(self.part[-1].text.strip())):
            # (a blank line, then a sentence: the annotation under the title, as the OECD prints it)
            self.flush()
            self.mode = "text"
        self.part.append(line)
        if self.mode == "docs" and DOC_SYMBOL_RE.search(text):
            self.flush()

    def _next_number(self, n: str) -> bool:
        """True when n is the next item's number (1 first)."""
        last = self.agenda.findall("entry")
        return int(n) == (int(last[-1].get("n")) + 1 if last else 1)

    def _sub_expected(self, n: str) -> bool:
        """True when n is the next letter of the open item's sub-items."""
        if self.entry is None:
            return False
        subs = self.entry.findall("entry")
        return n == (chr(ord(subs[-1].get("n")) + 1) if subs else "a")

    def open(self, parent: etree._Element, n: str, text: str | None, line: Line) -> None:
        """Open an entry numbered n under parent with the first line of its title."""
        self.flush()
        entry = etree.SubElement(parent, "entry", {"n": n, LINE_ATTR: str(line.no)})
        if parent is self.agenda:
            self.entry = entry
            if self.orphans:
                entry.append(self._p(self.orphans))
                self.orphans = []
        self.current, self.mode, self.docs = entry, "title", None
        if text:
            self.part = [Line(line.no, text)]

    def flush(self) -> None:
        """Write the lines collected into the element they belong to."""
        if not self.part or self.current is None:
            self.part = []
            return
        part, self.part = self.part, []
        if self.mode == "title" and self.current.find("title") is None:
            title = etree.Element("title")
            title.text = join_lines([ln.text for ln in part])
            self.current.insert(0, title)
        elif self.mode == "docs" and self.docs is not None:
            text = join_lines([ln.text for ln in part])
            doc = etree.SubElement(self.docs, "doc")
            m = DOC_SYMBOL_RE.search(text)
            if m:
                doc.set("symbol", m.group("symbol"))
                text = text[:m.start()].rstrip()
            doc.text = text
        else:
            self._place(self._p(part))

    def _place(self, p: etree._Element) -> None:
        """An annotation goes before the entry's documents and sub-entries."""
        assert self.current is not None
        before = next((c for c in self.current if c.tag in ("documents", "entry")), None)
        if before is not None:
            before.addprevious(p)
        else:
            self.current.append(p)

    @staticmethod
    def _p(lines: list[Line]) -> etree._Element:
        """A paragraph of the lines joined."""
        p = etree.Element("p", {LINE_ATTR: str(lines[0].no)})
        p.text = join_lines([ln.text for ln in lines])
        return p


def build_entries(lines: list[Line]) -> etree._Element:
    """The <agenda> of a provisional agenda from the lines after its title, then its
    annexes (R16: agenda_annex.py); a programme of work printed after the items with no
    annex line gives more entries, with their days and times (work.py)."""
    from .agenda_annex import build_annex, split_annexes
    from .work import build_work, split_programme  # (work.py reads entries' neighbours)

    first = next((k for k, ln in enumerate(lines)
                  if ln.kind == "text" and ENTRY_RE.match(ln.text.strip())), None)
    cuts = split_annexes(lines, first) if first is not None else []
    if cuts:
        from . import text_width

        agenda = build_entries(lines[:cuts[0]])
        width = text_width(lines)
        for start, end in zip(cuts, cuts[1:] + [len(lines)]):
            agenda.extend(build_annex(lines[start:end], width))
        return agenda
    cut = split_programme(lines)
    if cut is not None and any(ln.kind == "text" and ENTRY_RE.match(ln.text.strip()) for ln in lines[:cut]):
        agenda = build_entries(lines[:cut])
        agenda.extend(build_work(lines[cut:]).findall("entry"))
        return agenda
    builder = EntryBuilder()
    agenda = builder.run(lines)
    if builder.orphans and len(agenda):
        last = agenda.findall("entry")[-1]
        last.append(EntryBuilder._p(builder.orphans))
    for entry in agenda.findall("entry"):
        subs = entry.findall("entry")
        if len(subs) > 1 and subs[-1].find("documents") is not None and all(
                sub.find("documents") is None for sub in subs[:-1]):
            entry.append(subs[-1].find("documents"))  # the item's list, printed after its sub-items
    for entry in agenda.iter("entry"):
        if entry.find("title") is None:
            etree.SubElement(entry, "title").text = ""
            entry.insert(0, entry[-1])
    return agenda
