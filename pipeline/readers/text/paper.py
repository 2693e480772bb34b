"""Stage 3 for papers: lines to numbered paragraphs, lists and nested sections.

After ``build_body`` runs:
- each line ``N. text`` where N is the next paragraph number opened a <para n="N">;
  a number that skips or repeats is accepted with a warning and renumbered in sequence;
- lines ``(a)``, ``(i)``, ``1)``, ``•``, ``-``, ``–`` opened list items, a roman or bullet
  list inside a lettered one nests in its item;
- short isolated lines without final punctuation became section headings; a heading
  directly followed by another makes the second a subsection, ``I.`` headings are level 1;
- wrapped lines are joined (line-end hyphenation undone); a page break never splits a
  paragraph, and a blank line after a full stop starts a new <p>.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ...errors import Diagnostic
from .lexicon import TOP_HEADINGS_RE
from .footnotes import STAR_NOTE_RE
from .normalise import LINE_ATTR, Line
from .letters import (SALUTATION_RE, SIGNED_RE, annex_title, finished_letter_title, sender_follows,
                      signature_end, unfinished_letter_title)
from .nonheadings import (date_alone, names_person, never_heading, office_line, participants_list,
                          person_line)
from .text import is_caps, join_lines

PARA_RE = re.compile(r"^(?P<n>\d{1,4})\.[\s\u00a0]+(?P<text>\S.*)$")
ROMAN_HEAD_RE = re.compile(r"^(?P<n>[IVXLC]+)\.[\s\u00a0]+(?P<text>\S.*)$")
ALPHA_HEAD_RE = re.compile(r"^(?P<n>[A-H])\.[\s\u00a0]+(?P<text>\S.*)$")
#: "Chapter I" alone on its line, above the chapter's title (schema R6).
CHAPTER_RE = re.compile(r"^(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO)\s+(?P<n>[IVXLC]{1,6}|\d{1,2})$")
#: "Article I" alone on its line, above the article's title: a heading of its own.
ARTICLE_RE = re.compile(r"^(?:Article|Artículo|ARTICLE|ARTÍCULO)\s+(?:[IVXLC]{1,6}|\d{1,3}|premier|primero)$")
MARKER_RE = re.compile(
    r"^(?:\((?P<p>[a-z]{1,4}|\d{1,2})\)|(?P<b>[a-z]{1,4}|\d{1,2})\))[\s\u00a0]+(?P<text>\S.*)$")
BULLET_RE = re.compile(r"^(?P<bullet>[•·▪◦●‣■➢►*\-–—])[\s\u00a0]+(?P<text>\S.*)$")
#: What a match of MARKER_RE or BULLET_RE starts with, besides a small letter a-z or a digit.
_ITEM_FIRST = frozenset("(•·▪◦●‣■➢►*-–—")
MID_SENTENCE_RE = re.compile(r"(?:,|\b(?:of|and|the|in|see|de|la|le|et|du|des|y|del|en|voir|véase))$",
                             re.IGNORECASE)
#: Sentence-final punctuation, perhaps followed by a closing quote and a footnote marker.
TERMINAL_RE = re.compile(r"(?:[.!?…;:]['\"»”’)\]]*|(?:(?<!\d)|(?<=(?<!\d)(?:19|20)\d\d))[.!?…;:]['\"»”’)\]]*"
                         r"(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[.!?…;:]['\"»”’)\]]*\s?\*{1,4})$")
#: A sentence's end, then a footnote marker set apart by a space ("by Azerbaijan. 3", as
#: default pdftotext prints a superscript), not after an abbreviation ("para. 3", "No. 2").
_SPACED_MARKER_RE = re.compile(r"(?<!\w)(?P<w>\w+)['\"»”’)\]]*[.!?…]['\"»”’)\]]* \d{1,3}$")
_ABBREVIATIONS = frozenset({"para", "paras", "No", "no", "Nos", "p", "pp", "art", "Art", "vol",
                            "Vol", "Rev", "Add", "Corr", "op", "cit", "n", "núm", "párr", "chap"})


#: The characters a TERMINAL_RE match may end with ("\n": $ matches before a last one).
_LAST_CHARS = frozenset(".!?…;:'\"»”’)]*⁰¹²³⁴⁵⁶⁷⁸⁹\n")


def ends_sentence(text: str) -> bool:
    """True when text ends with sentence-final punctuation (a footnote marker may follow);
    only the last characters are looked at, this runs on every line (most end with a
    letter: no search then)."""
    last = text[-1:]
    if last not in _LAST_CHARS and not last.isdigit():
        return False
    tail = text[-24:]
    if TERMINAL_RE.search(tail[-12:]):
        return True
    m = _SPACED_MARKER_RE.search(tail) if tail[-1:].isdigit() else None
    return bool(m) and m.group("w") not in _ABBREVIATIONS


SPACES_RE = re.compile(r" {2,}")
#: A line that ends with a web address (or the end of one cut over two lines: "..._en.pdf").
_URL_END_RE = re.compile(r"(?:https?://|www\.)\S*$|\S\.(?:pdf|html?|aspx|docx?)$|/$")
#: The heading of a report's summary box.
SUMMARY_RE = re.compile(r"^(?:Summary|Executive summary|Résumé|Resumen|Resumen ejecutivo|"
                        r"SUMMARY|EXECUTIVE SUMMARY|RÉSUMÉ|RESUMEN)\s*:?$")
#: The line that opens an annex: "Annex", "Annex II", "Annex to the letter dated ...".
ANNEX_RE = re.compile(r"^(?:Annex|Annexe|Anexo|ANNEX|ANNEXE|ANEXO)(?:\s+(?P<n>[IVXLC]+|\d{1,2}))?"
                      r"(?P<rest>\s+(?:to|of|à|au|aux|de|al|del|a)\b.*)?$")
#: An appendix printed where an annex would be (the Council of Europe's "Appendix I"), with
#: ANNEX_RE's groups.
APPENDIX_RE = re.compile(r"^(?:Appendix|Appendice|Apéndice|APPENDIX|APPENDICE|APÉNDICE)"
                         r"(?:\s+(?P<n>[IVXLC]+|\d{1,2}|[A-H]))?(?P<rest>\s+(?:to|of|à|au|aux|de|al|del|a)\b.*)?$")
#: A letter's enclosure or an annex's appendix, alone on its line: a heading of its own,
#: its title (if any) under it.
ENCLOSURE_RE = re.compile(r"^(?:Enclosures?|Pièces? jointes?|Adjuntos?|Appendix|Appendice|Apéndice)"
                          r"(?:\s+(?:[IVXLC]+|\d{1,2}))?$")
#: How a letter's signature starts: an annex may follow it with no blank line.
SIGNED = ("(Signed)", "(Signé)", "(Firmado)")
#: Lines that start a block of their own: a signature, an annex.
#: A resolution's opening, a line of its own: "The General Assembly,", "Le Conseil économique et social,".
OPENING_RE = re.compile(r"^(?:The|Le|La|El|L[’'])\s*(?:General Assembly|Security Council|Economic and Social Council|"
                        r"Human Rights Council|Assemblée générale|Asamblea General|"
                        r"(?:Executive Board|Council|Commission|Committee|Conference|Conseil|Commission|Comité|"
                        r"Conférence|Consejo|Comisión|Conferencia|Junta Ejecutiva)\b[^,.;]{0,80}),$")
#: The first words of a paragraph of a resolution's preamble ("Recalling ...,", "Deeply concerned ...,").
PREAMBLE_RE = re.compile(
    r"^(?:[A-Z][a-z]+ing|Bearing|Deeply|Gravely|Mindful|Aware|Convinced|Concerned|Conscious|Alarmed|"
    r"Determined|Desirous|Guided|Cognizant|Encouraged|Affirming|Further|"
    r"[A-ZÉ][a-zéèê]+ant|Conscient|Convaincue?|Profondément|Préoccupée?|Résolue?|Sachant|"
    r"[A-Z][a-záéíóú]+(?:ando|iendo)|Consciente|Convencid[oa]|Profundamente|Preocupad[oa]|Decidid[oa])\b")
#: A resolution's closing: the meeting that adopted it ("52nd plenary meeting").
_MEETING = (r"\d{1,4}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting|\d{1,4}e\s+séance(?:\s+plénière)?|"
            r"\d{1,4}a\s+sesión(?:\s+plenaria)?")
MEETING_CLOSE_RE = re.compile(rf"^(?:{_MEETING})$")
BLOCK_START_RE = re.compile(r"^(?:\((?:Signed|Signé|Firmado)\)|(?:Annex|Annexe|Anexo|Enclosure|Pièce jointe)\b|"
                            rf"(?:{_MEETING})$)")
#: What a match of BLOCK_START_RE or STAR_NOTE_RE starts with, besides a digit.
_BLOCK_FIRST = frozenset("(AEP*")


def _may_start_block(text: str) -> bool:
    """False when neither BLOCK_START_RE nor STAR_NOTE_RE can match text (most lines)."""
    first = text[:1]
    return first in _BLOCK_FIRST or first.isdigit()


ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
          "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]


@dataclass
class Heading:
    """A heading found in the lines."""

    text: str
    n: str | None
    style: str  # roman | alpha | caps | plain | article


#: A heading has a word of two letters at least.
_HAS_WORD_RE = re.compile(r"[^\W\d_]{2}")


def heading_of(lines: list[Line], i: int, after_heading: bool = False,
               width: int = 80) -> tuple[Heading, int] | None:
    """The heading starting at lines[i] and the index after it, or None (after_heading:
    the line above was read as a heading, so this one continues no sentence; width: of
    the body's lines)."""
    line = lines[i]
    words = line.text.split()
    text = " ".join(words)
    if not text or len(words) > (40 if line.hint.startswith("heading") else 18) \
            or ends_sentence(text) or text.endswith(","):
        return None  # (a heading the layout sets as one may be long, on one line)
    decimal = _decimal_heading(lines, i, text, width)
    if decimal:
        return decimal
    if _caps_numbered_heading(lines, i, text):
        return Heading(text, None, "number"), i + 1
    if not _HAS_WORD_RE.search(text):
        return None  # "12 173.9", "(1.5)": a cell of a table of figures
    if PARA_RE.match(text) or MARKER_RE.match(text) or BULLET_RE.match(text):
        return None
    prev = _prev_text(lines, i)
    chapter = CHAPTER_RE.match(text)
    title = _next_text_index(lines, i + 1) if chapter else None
    if title is not None and not PARA_RE.match(lines[title].text.strip()):
        head = Heading(" ".join(lines[title].text.split()), chapter.group("n"), "roman")
        return _wrapped_heading(lines, title, head, width)
    numbered = _numbered_heading(text)
    if numbered and len(text.split()) <= 14 and not (prev and MID_SENTENCE_RE.search(prev.text)):
        return _wrapped_heading(lines, i, numbered, width)
    if ARTICLE_RE.match(text) and (prev is None or ends_sentence(prev.text) or after_heading
                                   or lines[i - 1].kind != "text"):
        return Heading(text, None, "article"), i + 1  # (a level of its own, over its title)
    after_blank = i == 0 or lines[i - 1].kind != "text" or after_heading
    if prev is not None and (not after_blank or line.page_start) and not ends_sentence(prev.text) \
            and not after_heading and not (is_caps(text, 2) and names_person(prev.text)):
        return None  # the line continues a sentence (across a wrap or a page break)
    if prev is not None and not after_heading and not numbered and MID_SENTENCE_RE.search(prev.text.rstrip()):
        return None  # "... the French Republic and the" / "" / "Kingdom of ...": pdfminer's blank
    j = i + 1
    parts = [text]
    while line.hint.startswith("heading") and j < len(lines) and len(parts) < 4 \
            and lines[j].kind == "text" and lines[j].hint == line.hint:
        parts.append(" ".join(lines[j].text.split()))  # the layout sets the lines alike
        j += 1
    # A heading wrapped on a second line that starts in lower case (after the blank line
    # pdfminer prints inside a heading, a last line with a blank line under it).
    k = j + 1 if j + 1 < len(lines) and lines[j].kind == "blank" else j
    if k < len(lines) and lines[k].kind == "text" and lines[k].text[:1].islower() \
            and not ends_sentence(lines[k].text) and len(lines[k].text.split()) <= 10 \
            and not lines[k].page_start and (k == j or k + 1 == len(lines) or lines[k + 1].kind != "text") \
            and not _cut_by_page(lines, k, width):
        parts.append(" ".join(lines[k].text.split()))
        j = k + 1
    while len(parts) < 4 and is_caps(text, 2) and j < len(lines) and lines[j].kind == "text" \
            and is_caps(lines[j].text, 2) and not ends_sentence(lines[j].text) \
            and (len(text) >= 45 or _OPEN_END_RE.search(parts[-1])):
        parts.append(" ".join(lines[j].text.split()))  # a heading in capitals, wrapped
        j += 1
    full = join_lines(parts)
    numbered = _numbered_heading(full)
    if numbered:
        return numbered, j
    if j == i + 1 and _lone_words(lines, i, full):
        return None  # "World" / "" / "Meteorological" / "" / "Organization": a cell's words
    if is_caps(full, 2) and (_person_below(lines, j) or len(parts) > 1 and len(full.split()) >= 6):
        return Heading(full, None, "caps"), j  # a group of a list of participants: "RAPPORTEUR"
    if (after_blank or prev is None) and not MID_SENTENCE_RE.search(full) and _person_below(lines, j):
        return Heading(full, None, "plain"), j  # "Draft report" / "Rapporteur: Ms. A B (Chile)"
    if not full[:1].isupper() and not full[:1].isdigit() or MID_SENTENCE_RE.search(full) \
            or _cut_by_blank(lines, j, full, width):
        return None  # (a line that ends on "the" or "of" is a sentence cut by a blank line)
    if not _isolated(lines, j, after_blank or prev is None) and not (
            j == i + 1 and whole_top_heading(full) and (after_blank or prev is None)):
        return None
    return Heading(full, None, "caps" if is_caps(full, 2) else "plain"), j


#: The last word of a line that a heading goes on from ("... including those submitted by").
_OPEN_END_RE = re.compile(r"(?:[,–-]|\b(?:of|and|the|in|on|for|to|by|from|at|with|its|their|de|la|"
                          r"le|les|et|du|des|sur|pour|à|au|aux|y|del|el|los|las|en|para|por|con|sobre))$",
                          re.IGNORECASE)


def _cut_by_page(lines: list[Line], k: int, width: int) -> bool:
    """True when lines[k] fills the body's width and the next text line starts a new page:
    the last line of a page's last paragraph, cut by the page's end (the PDF reader prints
    a blank line between two paragraphs and at the break), never the short last line of a
    heading wrapped in lower case."""
    nxt = _next_text_index(lines, k + 1)
    return len(" ".join(lines[k].text.split())) >= 0.9 * width and nxt is not None \
        and lines[nxt].page_start


def _wraps_onto(first: str, above: str, text: str, width: int) -> bool:
    """True when a heading whose first line is first goes on from the line above to text:
    text starts in lower case, or above ends on a word that needs more ("and", "by"), or the
    first line filled the heading's column (two fifths of the body's width at least: a
    short heading line is whole, and a line under it is a subheading, "II. Background" /
    "Origins of the programme")."""
    return text[:1].islower() or bool(_OPEN_END_RE.search(above)) or len(first) >= 0.4 * width


#: A heading's decimal number, alone on its line ("1.2") or before the title ("1.2 Title").
_DECIMAL_RE = re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})\.?(?:[\s\u00a0]+(?P<text>\S.*))?$")


#: The number set apart from the title by a tab's gap (pdftotext -layout): "1.2   Title".
_DECIMAL_GAP_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s{3,}\S")


def _decimal_heading(lines: list[Line], i: int, text: str, width: int) -> tuple[Heading, int] | None:
    """A heading numbered "1.2", its number kept in its text: the title (fourteen words at
    most, in capitals first, ending no sentence) on the next line (pdftotext prints the
    number alone, a blank line under it) or after a tab's gap (-layout), and a full line of
    prose under it (a table's "1.5" / "Total" is none; "3.1 Expanding ...", one space
    apart, is a paragraph numbered so)."""
    m = _DECIMAL_RE.match(text)
    if not m or m.group("text") and not _DECIMAL_GAP_RE.match(lines[i].text.strip()) \
            and not _short_decimal_line(lines, i, text, width):
        return None  # ("3.1 Expanding ...", a single space: a paragraph numbered so)
    title, end = m.group("text"), i + 1
    if title is None:
        k = _next_text_index(lines, i + 1)
        if k is None or k > i + 2 or lines[k].page_start:
            return None
        title, end = " ".join(lines[k].text.split()), k + 1
    below = _next_text_index(lines, end)
    if (not title[:1].isupper() or ends_sentence(title) or len(title.split()) > 14 or below is None
            or below > end + 1 or len(lines[below].text.strip()) < 0.6 * width):
        return None
    return Heading(f"{m.group('n')} {title}", None, "plain"), end


#: A heading numbered with a whole number ("1 INTRODUCTION", as WTO prints them;
#: "1. INTRODUCTION", ICAO's; "1 Introduction", ITU's), and the paragraphs numbered under
#: it ("1.1. Members ...", "1.1 The Council ...").
CAPS_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})\.?[\s\u00a0]+(?P<text>[A-ZÀ-Ý][^.;:!?]{2,100})$")
DECIMAL_PARA_RE = re.compile(r"^\d{1,2}\.\d{1,2}(?:\.[\s\u00a0]+\S|[\s\u00a0]+[A-ZÀ-Ý])")


#: A row of a summary set as a table, its label then its value ("Action to be taken:
#: Paragraph 4", "Related documents: C 134/4").
_LABEL_VALUE_RE = re.compile(r"^[A-Z][\w ,’'()-]{2,50}:\s+\S")


_BARE_NUMBER_RE = re.compile(r"^(\d{1,3})[\s\u00a0]+[A-ZÀ-Ý][a-zà-ÿ]")


def _bare_number(text: str) -> int | None:
    """The number of a paragraph numbered with no dot ("3 The review found ...", as IMO
    numbers them), or None."""
    m = _BARE_NUMBER_RE.match(text)
    return int(m.group(1)) if m else None


def _caps_numbered_heading(lines: list[Line], i: int, text: str) -> bool:
    """True when "1 INTRODUCTION" heads paragraphs numbered under its number: the next
    text line starts "1.1." (a figure's "2 000" or a table's row has none under it)."""
    m = CAPS_NUMBERED_RE.match(text)
    if not m or len(m.group("text").split()) > 12 or ends_sentence(text):
        return False
    k = _next_text_index(lines, i + 1)
    return k is not None and k <= i + 2 and bool(DECIMAL_PARA_RE.match(lines[k].text.lstrip())) \
        and lines[k].text.lstrip().startswith(m.group("n") + ".1")


def _short_decimal_line(lines: list[Line], i: int, text: str, width: int) -> bool:
    """True when "1.2 Title", one space apart (as pdftotext, pypdf print a heading whose
    number and title a tab set apart), is a heading and not a paragraph numbered so: the
    line is well short of the body's width (three fifths at most) and a full line of prose
    that starts in capitals lies right under it, no blank line between (a paragraph
    "3.1 Joining the Forum ..." fills its first line)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if len(text) > 0.6 * width or nxt is None or nxt.kind != "text" or nxt.page_start:
        return False
    body = nxt.text.strip()
    return body[:1].isupper() and len(body) >= 0.6 * width


def _person_below(lines: list[Line], j: int) -> bool:
    """True when the next text line from j (a blank line between or not) names a person."""
    k = _next_text_index(lines, j)
    return k is not None and k <= j + 1 and not lines[k].page_start and person_line(lines[k].text)


def _cut_by_blank(lines: list[Line], j: int, text: str, width: int) -> bool:
    """True when text, a long line (three fifths of the body's width at least), is followed
    by blank lines and a line that goes on in lower case: a sentence that pdfminer cut with
    a blank line ("I have the honour to transmit herewith the report of the" / "" /
    "regional forum ..."), never a heading."""
    k = _next_text_index(lines, j)
    if k is None or k == j or len(text) < 0.6 * width:
        return False
    nxt = lines[k].text.strip()
    return nxt[:1].islower() and not (MARKER_RE.match(nxt) or BULLET_RE.match(nxt))


def _wrapped_heading(lines: list[Line], i: int, heading: Heading, width: int = 80) -> tuple[Heading, int]:
    """A numbered heading and the lines it wraps onto ("V. Joint Inspection Unit review of
    governance and" / "oversight of the Executive Boards"): up to three short lines that
    end no sentence (_wraps_onto, or set with the first line's heading hint), when a
    paragraph, a blank line or a new page follows them; one blank line may come between
    two of them (pdfminer prints one after each)."""
    j, parts = i + 1, []
    first = " ".join(lines[i].text.split())
    while j < len(lines) and len(parts) < 3 and not lines[j].page_start:
        if lines[j].kind != "text":
            if j + 1 < len(lines) and lines[j + 1].kind == "text" and not lines[j + 1].page_start \
                    and _wraps_onto(first, parts[-1] if parts else first, lines[j + 1].text.strip(), width):
                j += 1
                continue
            break
        text = " ".join(lines[j].text.split())
        same_hint = lines[i].hint.startswith("heading") and lines[j].hint == lines[i].hint
        if (ends_sentence(text) or len(text.split()) > 14 or PARA_RE.match(text)
                or is_caps(heading.text, 2) and not is_caps(text, 2)  # a subheading under it
                or MARKER_RE.match(text) or BULLET_RE.match(text) or _numbered_heading(text)
                or not same_hint and not _wraps_onto(first, parts[-1] if parts else first, text, width)):
            break
        parts.append(text)
        j += 1
    while parts and lines[j - 1].kind != "text":
        j -= 1  # (a blank line crossed, then no line of the heading under it)
    after = lines[j] if j < len(lines) else None
    if not parts or not (after is None or after.kind != "text" or after.page_start
                         or PARA_RE.match(after.text.strip())):
        return heading, i + 1
    return Heading(join_lines([heading.text, *parts]), heading.n, heading.style), j


def compact_heading(lines: list[Line], i: int, width: int) -> tuple[Heading, int] | None:
    """An unnumbered heading with no blank line under it (pypdf prints no blank lines at
    all; pdftotext none between a heading and its text): a short line (eight words at most,
    well short of the body's width) that starts in capitals and ends no sentence, after a
    blank line or a sentence's end, with a full line of prose under it."""
    text = " ".join(lines[i].text.split())
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if len(text) > 0.6 * width:
        return _compact_two_lines(lines, i, text, width)
    if (not text[:1].isupper() or len(text.split()) > 8
            or text.endswith((".", ",", ";", ":", "!", "?", "-")) or not _HAS_WORD_RE.search(text)
            or MID_SENTENCE_RE.search(text)
            or PARA_RE.match(text) or MARKER_RE.match(text) or BULLET_RE.match(text)
            or nxt is None or nxt.kind != "text"):
        return None
    body = " ".join(nxt.text.split())
    if date_alone(body) and not date_alone(text):
        body = _prose_under_dateline(lines, i + 1)
    if not (body[:1].isupper() or _bare_number(body) is not None or PARA_RE.match(body)) \
            or len(body) < 0.6 * width and not whole_top_heading(text) or BULLET_RE.match(body):
        return None  # (prose under it, perhaps numbered: "1. The ...", IMO's "1 At its ..."; a
        # short line under a heading's usual words: "Action required" / "The Council is ...")
    return Heading(text, None, "caps" if is_caps(text, 2) else "plain"), i + 1


def _prose_under_dateline(lines: list[Line], k: int) -> str:
    """The line right under the dateline lines[k] ("March 4, 2026", no blank line between),
    or "": a statement's title, its dateline, then its prose, as pdftotext and pypdf print
    an annex that holds two statements (the title is a heading, the date its first p)."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None or nxt.kind != "text" or nxt.page_start:
        return ""
    return " ".join(nxt.text.split())


_NO_END = (".", ",", ";", ":", "!", "?", "-", "–")


def _compact_two_lines(lines: list[Line], i: int, text: str, width: int) -> tuple[Heading, int] | None:
    """An unnumbered heading wrapped over two lines, with no blank line under it or one
    (pdftotext, pypdf, pdfminer print a letter's heading so): a full first line that starts
    in capitals, a short second line (eight words at most), eighteen words in all, neither
    line ending a sentence nor a clause, and under them (a blank line between or not) a full
    line of prose that starts in capitals. A paragraph's last lines end a sentence."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (nxt is None or nxt.kind != "text" or nxt.page_start or not text[:1].isupper()
            or text.endswith(_NO_END) or ". " in text or not _HAS_WORD_RE.search(text)
            or PARA_RE.match(text) or MARKER_RE.match(text) or BULLET_RE.match(text)):
        return None
    second = " ".join(nxt.text.split())
    if (len(second) > 0.6 * width or len(second.split()) > 8 or second.endswith(_NO_END)
            or ". " in second or len(text.split()) + len(second.split()) > 18
            or MID_SENTENCE_RE.search(second) or PARA_RE.match(second) or MARKER_RE.match(second)
            or BULLET_RE.match(second) or _URL_END_RE.search(second) or _URL_END_RE.search(text)):
        return None
    k = _next_text_index(lines, i + 2)
    if k is None or k > i + 3 or lines[k].page_start:
        return None
    body = " ".join(lines[k].text.split())
    if not body[:1].isupper() or len(body) < 0.6 * width or BULLET_RE.match(body) or person_line(body):
        return None
    full = join_lines([text, second])
    return Heading(full, None, "caps" if is_caps(full, 2) else "plain"), i + 2


#: A table's cells, one per line as extractors print them: a run of this many short lines
#: at least, each of a few words and ending no sentence, is a table, never headings.
CELL_RUN = 6


def _cell_like(text: str) -> bool:
    """A line that could be one cell of a table: at most five words and forty characters,
    no sentence's end, no paragraph or heading number, not a caps heading of two words."""
    words = text.split(None, 5)
    if len(words) > 5:
        return False  # (most lines: not split whole)
    text = " ".join(words)
    return (0 < len(text) <= 40 and len(text.split()) <= 5 and not ends_sentence(text)
            and not (PARA_RE.match(text) or ROMAN_HEAD_RE.match(text) or ALPHA_HEAD_RE.match(text)
                     or ANNEX_RE.match(text) or CHAPTER_RE.match(text))
            and not (is_caps(text, 2) and len(text.split()) >= 2))


def cell_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines in runs of CELL_RUN or more cell-like text lines (blank lines
    between them allowed): a table printed one cell per line, as in a letter's enclosure."""
    cells: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        if _cell_like(line.text):
            run.append(i)
            continue
        if len(run) >= CELL_RUN:
            cells.update(run)
        run = []
    if len(run) >= CELL_RUN:
        cells.update(run)
    return cells


#: Two spaces or more between words: the gap between two columns in ``pdftotext -layout``.
_COLUMN_GAP_RE = re.compile(r"\S {2,}(?=\S)")


def table_row(text: str) -> bool:
    """True when the line is a row of three columns or more, as ``pdftotext -layout`` sets a
    table ("Date    Local time    Altitude (feet)"): never a heading."""
    return "  " in text and len(_COLUMN_GAP_RE.findall(text.strip())) >= 2  # (a gap: two spaces)


#: The languages a transmitted report was submitted in, printed under its title.
_SUBMITTED_RE = re.compile(r"^\[(?:Original|Originale?|Original)\s?:\s?[^\]]{3,120}\]$")


def _transmitted_title(lines: list[Line], i: int) -> tuple[str, int] | None:
    """(title, index after it) when lines[i] starts one to three lines of a title, none
    ending a sentence, that "[Original: English, French and Spanish]" follows (a blank line
    between or not): the title of the report a note transmits, printed on the page after
    the note."""
    parts, k = [], i
    while k < len(lines) and lines[k].kind == "text" and len(parts) < 3:
        text = " ".join(lines[k].text.split())
        if _SUBMITTED_RE.match(text) or PARA_RE.match(text) or len(text.split()) > 16:
            break
        if ends_sentence(text):
            return None  # prose above the title (pypdf prints no blank line between)
        parts.append(text)
        k += 1
    j = k
    while j < len(lines) and lines[j].kind != "text":
        j += 1
    if not parts or j >= len(lines) or not _SUBMITTED_RE.match(" ".join(lines[j].text.split())):
        return None
    return join_lines(parts), k


def _numbered_heading(text: str) -> Heading | None:
    """A heading printed with a roman numeral or a capital letter: "II. BACKGROUND"."""
    m = ROMAN_HEAD_RE.match(text)
    if m and m.group("n") != "C":  # (a "C." is the third letter, never chapter 100)
        return Heading(m.group("text"), m.group("n"), "roman")
    m = ALPHA_HEAD_RE.match(text)
    return Heading(m.group("text"), m.group("n"), "alpha") if m else None


def _next_letter(stack: list[tuple[str | None, etree._Element]], n: str | None) -> bool:
    """True when n, one letter, follows the letter of the innermost open lettered section
    ("C" under "B", "I" under "H")."""
    if not n or len(n) != 1:
        return False
    for style, section in reversed(stack):
        if style == "alpha":
            last = section.find("heading").get("n") or ""
            return len(last) == 1 and ord(n) == ord(last) + 1
    return False


def _isolated(lines: list[Line], j: int, air_above: bool) -> bool:
    """A plain heading stands apart: a blank line or a paragraph or heading follows it,
    and, without a blank line above it, a paragraph or heading must follow; with air above
    it (a blank line, a heading), a bulleted list may follow it directly."""
    nxt = _next_text_index(lines, j)
    if nxt is None:
        return False
    next_is_structure = bool(PARA_RE.match(lines[nxt].text)) or heading_like(lines[nxt].text) \
        or _heading_above_para(lines, nxt)
    blank_after = j < len(lines) and lines[j].kind != "text"
    bullets = air_above and nxt == j and bool(BULLET_RE.match(lines[nxt].text.strip()))
    return (blank_after or next_is_structure or bullets) and (air_above or next_is_structure)


def _lone_word(lines: list[Line], k: int) -> bool:
    """True when lines[k] is one word alone, a blank line above and under it."""
    if k <= 0 or k + 1 >= len(lines) or lines[k].kind != "text" or lines[k - 1].kind == "text" \
            or lines[k + 1].kind == "text":
        return False
    text = lines[k].text.strip()
    return bool(text) and " " not in text and _HAS_WORD_RE.search(text) is not None \
        and not ends_sentence(text) and not whole_top_heading(text)


def _lone_words(lines: list[Line], i: int, text: str) -> bool:
    """True when lines[i] is one word alone (blank lines around it) in a run of three such
    lines at least: the words of a table's cell that pdftotext prints one a line, blank
    lines between ("World" / "Meteorological" / "Organization" / "Representative"), never
    headings; a top heading word ("Introduction") is never counted, and two lone words
    ("Name" / "Composition") are left as they were."""
    if " " in text or not _lone_word(lines, i):
        return False
    run, k = 1, i - 2
    while k > 0 and run < 3 and _lone_word(lines, k):
        run, k = run + 1, k - 2
    k = i + 2
    while k < len(lines) and run < 3 and _lone_word(lines, k):
        run, k = run + 1, k + 2
    return run >= 3


def whole_top_heading(text: str) -> bool:
    """True when the whole line is a top heading word ("Introduction", "RÉSUMÉ"), not a
    line that starts with one ("Background paper")."""
    m = TOP_HEADINGS_RE.match(text)
    return bool(m) and m.end() == len(text.rstrip(" :"))


def _heading_above_para(lines: list[Line], k: int) -> bool:
    """True when lines[k] is a short line that ends no sentence, right above a numbered
    paragraph: a subheading, as in "BACKGROUND" / "The digital era" / "2. New ..."."""
    text = " ".join(lines[k].text.split())
    if not text[:1].isupper() or len(text.split()) > 12 or ends_sentence(text) or text.endswith(","):
        return False
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return nxt is not None and nxt.kind == "text" and bool(PARA_RE.match(nxt.text.strip()))


def heading_like(text: str) -> bool:
    """Cheap look-ahead test: could this line be a heading?"""
    text = " ".join(text.split())
    return (bool(ROMAN_HEAD_RE.match(text)) or (is_caps(text, 2) and len(text.split()) <= 18)) \
        and not ends_sentence(text)


def _prev_text(lines: list[Line], i: int) -> Line | None:
    """The nearest text line before i."""
    for j in range(i - 1, -1, -1):
        if lines[j].kind == "text":
            return lines[j]
    return None


def _next_text_index(lines: list[Line], i: int) -> int | None:
    """Index of the nearest text line at or after i."""
    for j in range(i, len(lines)):
        if lines[j].kind == "text":
            return j
    return None


def list_style(marker: str, open_style: str | None, last_n: str | None) -> str:
    """bullet | alpha | roman | number for a marker, given the list that is open."""
    if marker.isdigit():
        return "number"
    if marker in ROMANS:
        # "(i)" after "(h)" continues a lettered list; otherwise it is roman.
        if open_style == "alpha" and last_n and len(last_n) == 1 and ord(marker[0]) == ord(last_n) + 1:
            return "alpha"
        if open_style == "roman" or marker == "i" or (len(marker) > 1 and set(marker) <= set("ivx")):
            return "roman"
    return "alpha"


def _printed_again(lines: list[Line], i: int, n: int) -> bool:
    """True when a line below lines[i] (within sixty lines) starts with the number n again
    ("6."): the first n is then a list's item, the second the paragraph's."""
    return any(lines[k].kind == "text" and (m := PARA_RE.match(lines[k].text.strip()))
               and int(m.group("n")) == n for k in range(i + 1, min(len(lines), i + 60)))


class BodyBuilder:
    """Feeds paper lines into <body>: paragraphs, lists, sections."""

    def __init__(self, filename: str, width: int = 80):
        self.filename = filename
        self.width = width
        self.compact = False  # a text with no blank lines (set by run)
        self.body = etree.Element("body")
        self.sections: list[tuple[str | None, etree._Element]] = [(None, self.body)]
        self.para: etree._Element | None = None
        self.lists: list[etree._Element] = []
        self.target: etree._Element | None = None
        self.lines: list[str] = []
        self._ends_for: str | None = None  # (the line _prev_ends_sentence last judged)
        self._ends = False
        self.expected = 1
        self.printed = 0
        self.blank = False
        self.after_heading = False
        self.resolution = False  # past a resolution's opening ("The General Assembly,")
        self.bare = 0  # the number of the last p opened by a number with no dot ("2 The ...", IMO's)
        self.appendices = False  # the annexes are appendices ("Appendix I", with no "Annex" before)
        self.prev_indent = 0
        self.warnings: list[Diagnostic] = []

    # -- text -------------------------------------------------------------------------
    def flush(self) -> None:
        """Write the collected lines into the element that receives them."""
        if self.target is not None and self.lines:
            self.target.text = join_lines(self.lines)
        self.target, self.lines = None, []

    def close_lists(self) -> None:
        """Close every open list."""
        self.flush()
        self.lists = []

    def container(self) -> etree._Element:
        """Where a new block goes: the open para, else the innermost section or body."""
        return self.para if self.para is not None else self.sections[-1][1]

    def _open_text(self, parent: etree._Element, tag: str, text: str, line: int = 0) -> etree._Element:
        """Start a new element that receives text lines."""
        self.flush()
        el = etree.SubElement(parent, tag, {LINE_ATTR: str(line)})
        self.target, self.lines = el, [text]
        return el

    def _prev_ends_sentence(self) -> bool:
        """True when the text collected so far ends a sentence (or nothing is open); asked
        several times a line, so the answer for the last line is kept."""
        if not self.lines:
            return True
        last = self.lines[-1]
        if last is not self._ends_for:
            self._ends_for, self._ends = last, bool(ends_sentence(last))
        return self._ends

    # -- lines ------------------------------------------------------------------------
    def run(self, lines: list[Line]) -> etree._Element:
        """Build the body from all lines (a line that only its air makes a heading is
        one only if its layout says so, when the source has a layout: hints)."""
        # pypdf prints no blank lines: a heading is then known by its shape alone
        self.compact = sum(ln.kind == "blank" for ln in lines) <= len(lines) // 50
        layout = any(ln.hint for ln in lines)
        cells = cell_lines(lines)
        participants = None  # a list of participants? asked at the first plain heading
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.kind != "text":
                self.blank = True
                i += 1
                continue
            text = line.text.strip()
            if "  " in text:
                text = SPACES_RE.sub(" ", text)
            at_start = self.blank or self._prev_ends_sentence() or line.page_start or (
                bool(self.lines) and self.lines[0].startswith(SIGNED))
            annex = ANNEX_RE.match(text) if at_start else None
            if annex is None and at_start and text[:2] in ("Ap", "AP") and (
                    self.appendices or self.body.find("annex") is None):
                # the Council of Europe's "Appendix I" with no annex before it: an annex
                # (under an annex, an appendix is the annex's: ENCLOSURE_RE below)
                annex = APPENDIX_RE.match(text)
                self.appendices = self.appendices or bool(annex)
            if annex:
                i = self.open_annex(lines, i, annex)
                self.blank = False
                continue
            got = _transmitted_title(lines, i) if at_start and (
                self.blank or line.page_start or self.compact) else None
            if got:  # a transmitted report's own title over "[Original: ...]" (pypdf: no blank above)
                self.open_section(got[0], None, "plain")
                i, self.blank = got[1], False
                continue
            if at_start and ENCLOSURE_RE.match(text):
                i = self.open_enclosure(lines, i, cells)
                continue
            if SIGNED_RE.match(text) and not self.para_open_mid_sentence():
                i = self.add_signature(lines, i)
                continue
            if self.sections[-1][0] == "summary" and self.lines and _LABEL_VALUE_RE.match(text) and (
                    self.blank or self.compact and (self._prev_ends_sentence()
                                                    or _LABEL_VALUE_RE.match(self.lines[0]))):
                self.flush()  # "Action to be taken: Paragraph 4": a row of the summary's table (IMO's)
                self._open_text(self.sections[-1][1], "p", text, line.no)
                self.blank = False
                i += 1
                continue
            if text[:1].isdigit() and (self.blank or self._prev_ends_sentence() or not self.lines) \
                    and _caps_numbered_heading(lines, i, text):
                self.open_section(text, None, "number")  # "1. INTRODUCTION" over "1.1 ...": no paragraph 1
                i, self.blank = i + 1, False
                continue
            if text[:1].isdigit() and (self.blank or self._prev_ends_sentence() or not self.lines) \
                    and self._number_heading(lines, i, text):
                self.open_section(text, None, "number")  # "1. Introduction" over paragraph 1 (the OECD's)
                i, self.blank = i + 1, False
                continue
            if self.try_number_list(lines, i, text) or self.try_para(line, text) or self.try_item(line, text):
                pass
            else:
                heads = bool(self.blank or self._prev_ends_sentence() or self._heads_next_para(lines, i, text)
                             or self.lines and (person_line(self.lines[-1])
                                                or is_caps(text, 2) and names_person(self.lines[-1])))
                row = self.sections[-1][0] == "summary" and bool(self.lines) \
                    and bool(_LABEL_VALUE_RE.match(self.lines[0]))
                heads = heads or row  # (a row of a summary's table ends with no full stop: "Related documents: ...")
                compact = self.blank or self.compact and (self._prev_ends_sentence() or not self.lines or row) \
                    or self._at_body_start()
                # a table cell, a person or a date is never a heading (asked only of a
                # line that may head a section)
                cell = (heads or compact) and (
                    i in cells and not (is_caps(text, 2) and _person_below(lines, i + 1))
                    or never_heading(text) and not self._next_lettered(text) or table_row(line.text))
                found = heading_of(lines, i, self.after_heading, self.width) \
                    if heads and not cell else None
                if found is None and not cell and compact:
                    found = compact_heading(lines, i, self.width)
                if found and layout and found[0].style == "plain" and not line.hint:
                    found = None  # a PDF or Word source sets the line as body text
                if found and found[0].style == "plain":
                    if participants is None:
                        participants = participants_list(lines)
                    if participants:
                        found = None  # a country or a name of a list of participants
                if found:
                    self.open_section(*found[0].__dict__.values())
                    i = found[1]
                    self.blank = False
                    continue
                self.add_text(line, text)
            self.after_heading = False
            self.blank = False
            self.prev_indent = line.indent
            i += 1
        self.leave_summary()
        self.flush()
        return self.body

    def _number_heading(self, lines: list[Line], i: int, text: str) -> bool:
        """True when a line numbered as a paragraph is a heading numbered in a series of its
        own ("1. Introduction", "2. A method of ...", as the OECD numbers its chapters): a
        short title alone on its line, ending on no punctuation, right above the next
        numbered paragraph, which carries the number this line would take (paragraph 1
        under heading 1, paragraph 3 under heading 2)."""
        m = PARA_RE.match(text)
        if not m or m.group("text")[:1].islower() or len(m.group("text").split()) > 12 \
                or text.rstrip()[-1:] in ".:;,?!" or self.para is not None and self.lines \
                and self.lines[-1].rstrip().endswith(":"):
            return False
        k = _next_text_index(lines, i + 1)
        if k is None or any(ln.kind != "blank" for ln in lines[i + 1:k]):
            return False  # (blank lines between: pdfminer prints a column of numbers apart)
        below = PARA_RE.match(lines[k].text.strip())
        return bool(below) and int(below.group("n")) == self.printed + 1 \
            and (int(m.group("n")) != self.printed + 1 or int(below.group("n")) == int(m.group("n")))

    def _next_lettered(self, text: str) -> bool:
        """True when text opens with the letter after an open section's ("B. Explanatory
        memorandum by Ms Maria Silva, rapporteur" after "A. Draft resolution"): a heading,
        though it names a person."""
        m = ALPHA_HEAD_RE.match(text)
        if not m or m.group("n") == "A":
            return False
        before = chr(ord(m.group("n")) - 1)
        return any(section.find("heading") is not None and section.find("heading").get("n") == before
                   for _, section in self.sections[1:])

    def _at_body_start(self) -> bool:
        """True when nothing is in the body yet: its first line comes right under the
        title, as default pdftotext prints a heading with no blank line above it or under
        it ("MIGRATION AND DEVELOPMENT" / "Purpose of this paper" / a full line of prose);
        compact_heading may then read it as if a blank line came before it."""
        return self.target is None and not len(self.body)

    def _heads_next_para(self, lines: list[Line], i: int, text: str) -> bool:
        """True when the line is a numbered heading ("I. Introduction") right above the
        next numbered paragraph: a heading even when the lines above end no sentence (the
        unpunctuated titles of an annex, with no blank line under them, as pdftotext
        prints them)."""
        if not _numbered_heading(text):
            return False
        k = _next_text_index(lines, i + 1)
        m = PARA_RE.match(lines[k].text.strip()) if k is not None else None
        return bool(m) and int(m.group("n")) == self.printed + 1

    def try_number_list(self, lines: list[Line], i: int, text: str) -> bool:
        """A list numbered "1.", "2." ... inside a numbered paragraph, after its lead-in
        ("The agenda read as follows:"): an item of a list of style number, not a paragraph
        (paragraph 5 holds the items 1 to 7, then comes paragraph 6). An item whose number is
        the next paragraph's too is the list's when that number is printed again below it
        (the paragraph's own)."""
        m = PARA_RE.match(text) if text[:1].isdigit() else None
        if not m or self.para is None:
            return False
        n = int(m.group("n"))
        lst = self._number_list()
        if lst is None:
            if n != 1 or self.printed < 1 or not self.lines or not self.lines[-1].rstrip().endswith(":"):
                return False
        elif n != int(lst[-1].get("n")) + 1:
            return False
        elif n == self.printed + 1 and not _printed_again(lines, i, n):
            return False
        self.flush()
        if lst is None:
            self.lists = []
            lst = etree.SubElement(self.para, "list", style="number")
            self.lists.append(lst)
        item = etree.SubElement(lst, "item", {"n": str(n), LINE_ATTR: str(lines[i].no)})
        self.target, self.lines = item, [m.group("text")]
        return True

    def _number_list(self) -> etree._Element | None:
        """The list numbered "1.", "2." that try_number_list opened in the open paragraph and
        that is still open, or None."""
        if not self.lists or self.lists[-1].get("style") != "number" or self.lists[-1].getparent() is not self.para:
            return None
        lst = self.lists[-1]
        return lst if len(lst) and self.target is not None and self.target.getparent() is lst else None

    def try_para(self, line: Line, text: str) -> bool:
        """Open a numbered paragraph when the line starts with the next number; a number
        that repeats or skips (at a paragraph boundary) is accepted with a warning."""
        m = PARA_RE.match(text) if text[:1].isdigit() else None
        if not m:
            return False
        n, last = int(m.group("n")), self.printed
        boundary = self.blank or self._prev_ends_sentence() or line.page_start
        if n != last + 1:
            if not boundary or not (last <= n <= last + 3) or last == 0:
                return False
            what = "repeats" if n == last else f"skips {last + 1}"
            self.warnings.append(Diagnostic(
                self.filename, line.no, f"paragraph number {n} {what}; "
                f"numbered {self.expected} in the XML", "warning"))
        elif not boundary and n > 1 and not (self.lines and _URL_END_RE.search(self.lines[-1][-200:])):
            return False  # (the next number after a line that ends with a web address opens it)
        self.leave_summary()
        self.close_lists()
        self.para = etree.SubElement(self.sections[-1][1], "para", n=str(self.expected))
        self.expected += 1
        self.printed = n
        self._open_text(self.para, "p", m.group("text"), line.no)
        return True

    def try_item(self, line: Line, text: str) -> bool:
        """Open a list item for ``(a)``, ``(i)``, ``1)`` or a bullet."""
        first = text[:1]
        if not ("a" <= first <= "z" or first.isdigit() or first in _ITEM_FIRST):
            return False  # (neither MARKER_RE nor BULLET_RE can match: a capital, most lines)
        m = MARKER_RE.match(text)
        b = BULLET_RE.match(text) if not m else None
        if not (m or b) or (b and STAR_NOTE_RE.match(text)):
            return False  # "* A/80/50." is the note of a "*" mark, not a bullet
        if b and text.rstrip().endswith(b.group("bullet")) and len(text) > 2:
            return False  # "— END —", "- 2 -": a line set between dashes, no bullet
        if not (self.blank or self._prev_ends_sentence() or self.lists):
            return False
        if b:
            style, n, body = "bullet", None, b.group("text")
        else:
            n = m.group("p") or m.group("b")
            last = self.lists[-1] if self.lists else None
            last_n = last[-1].get("n") if last is not None and len(last) else None
            style = list_style(n, last.get("style") if last is not None else None, last_n)
            body = m.group("text")
        self.leave_summary()
        self.flush()
        lst = self._list_for(style)
        item = etree.SubElement(lst, "item", {LINE_ATTR: str(line.no)})
        if n:
            item.set("n", n)
        self.target, self.lines = item, [body]
        return True

    def _list_for(self, style: str) -> etree._Element:
        """The open list of this style, or a new one (nested inside a lettered item)."""
        for depth in range(len(self.lists) - 1, -1, -1):
            if self.lists[depth].get("style") == style:
                del self.lists[depth + 1:]
                return self.lists[depth]
        if self.lists and self.lists[-1].get("style") in ("alpha", "number") and len(self.lists[-1]):
            parent_item = self.lists[-1][-1]
            if len(parent_item) == 0:  # text-only item becomes p + list
                p = etree.SubElement(parent_item, "p")
                p.text, parent_item.text = parent_item.text, None
            lst = etree.SubElement(parent_item, "list", style=style)
        else:
            self.lists = []
            lst = etree.SubElement(self.container(), "list", style=style)
        self.lists.append(lst)
        return lst

    def add_text(self, line: Line, text: str) -> None:
        """A plain line: continues the open text, or starts a new p (after a blank line;
        after a sentence's end when the line is indented deeper than the one above, as
        ``pdftotext -layout`` prints a first line, or opens a signature or an annex; after
        a dateline, which is a p of its own)."""
        new_block = self.target is None or (
            self.blank and self._prev_ends_sentence() and not line.page_start
            and not self._officers_go_on(text))
        in_p = not new_block and self.target.tag == "p"  # (lxml makes a new str each .tag)
        starts_block = _may_start_block(text) and (BLOCK_START_RE.match(text) or STAR_NOTE_RE.match(text))
        if not new_block and (
                starts_block and (self._prev_ends_sentence() or line.page_start)
                or in_p and self._prev_ends_sentence()
                and line.indent >= self.prev_indent + 3
                or self._short_last_line(text)
                or in_p and len(self.lines) == 1 and SALUTATION_RE.match(self.lines[0])
                or in_p and STAR_NOTE_RE.match(self.lines[0])  # (its own block)
                or in_p and len(self.lines) == 1 and date_alone(self.lines[0])
                or self._after_last_item(text)
                or DECIMAL_PARA_RE.match(text) and self._prev_ends_sentence()
                or self.bare and self._prev_ends_sentence() and _bare_number(text) == self.bare + 1):
            new_block = True  # (a paragraph numbered "1.2." after the end of one, WTO's; "3 The ...", IMO's)
        if not new_block and in_p and (
                len(self.lines) == 1 and OPENING_RE.match(self.lines[0])
                or self.resolution and self.lines[-1].rstrip().endswith((",", ";")) and PREAMBLE_RE.match(text)):
            new_block = True  # a resolution's opening, then each paragraph of its preamble
        if not new_block:
            self.lines.append(text)
            return
        self.close_lists()
        n = _bare_number(text)
        if n is not None and (n == 1 or n == self.bare + 1):
            self.bare = n
        if MEETING_CLOSE_RE.match(text):
            self.para = None  # a resolution's closing belongs to no paragraph
        self._open_text(self.container(), "p", text, line.no)
        self.resolution = self.resolution or bool(OPENING_RE.match(text))

    def _officers_go_on(self, text: str) -> bool:
        """True when the open p is a list of officers (each of its lines an office,
        "Vice-Chairs:", or a person, "Ana Ruiz (Chile)") and the line is one too: the list
        is one p, blank lines between its lines or not (pdfminer prints them)."""
        if self.target is None or self.target.tag != "p" or not self.lines:
            return False
        return all(office_line(t) or person_line(t) for t in (*self.lines, text))

    def _after_last_item(self, text: str) -> bool:
        """In a text with no blank lines, a capital after a list item that ends a sentence
        where the items before it did not ("...; " / "... outcomes." / "These ...") starts
        the prose after the list."""
        if not self.compact or self.target is None or self.target.tag != "item" \
                or not text[:1].isupper() or not self._prev_ends_sentence():
            return False
        items = self.target.getparent().findall("item")
        return len(items) > 1 and all((it.text or "").rstrip()[-1:] in ";," for it in items[:-1])

    def para_open_mid_sentence(self) -> bool:
        """True when the text collected so far stops mid-sentence."""
        return bool(self.lines) and not self._prev_ends_sentence()

    def add_signature(self, lines: list[Line], i: int) -> int:
        """A letter's closing (R14): the signed line and its role lines, in the section (never
        inside a numbered paragraph). Return the index after it."""
        self.close_lists()
        self.para = None
        end = signature_end(lines, i)
        sig = etree.SubElement(self.sections[-1][1], "signature", {LINE_ATTR: str(lines[i].no)})
        sig.text = join_lines([" ".join(ln.text.split()) for ln in lines[i:end]])
        self.blank = False
        return end

    def _short_last_line(self, text: str) -> bool:
        """True when the prose above ended a sentence on a line well short of the text's
        width and this line starts a new sentence: a paragraph break printed without a
        blank line or an indent (letters, as default pdftotext and pypdf give them); only
        for unnumbered prose."""
        if self.target is None or self.target.tag != "p" or self.para is not None or not self.lines:
            return False
        last = self.lines[-1]
        return ((len(last) < 0.8 * self.width or len(last) + 1 + len(text.split()[0]) < 0.9 * self.width)
                and self._prev_ends_sentence() and text[:1].isupper() and len(self.lines) > 1)

    def open_annex(self, lines: list[Line], i: int, m: re.Match) -> int:
        """Open an annex at lines[i] (R12): its heading is the annex line and the lines it
        wraps onto (to a blank line, a sentence's end, a paragraph or four lines); its
        paragraphs are numbered from 1. Return the index after the heading."""
        self.leave_summary()
        self.close_lists()
        self.para = None
        annex = etree.SubElement(self.body, "annex", {LINE_ATTR: str(lines[i].no)})
        if m.group("n"):
            annex.set("n", m.group("n"))
        parts, j = [" ".join(lines[i].text.split())], i + 1
        while (j < len(lines) and len(parts) < 4 and (lines[j].kind == "text" or (
                unfinished_letter_title(join_lines(parts)) and j + 1 < len(lines)
                and lines[j + 1].kind == "text" and not lines[j + 1].page_start))
               and not lines[j].page_start and m.group("rest") and not ends_sentence(parts[-1])
               and not (finished_letter_title(join_lines(parts)) and not sender_follows(lines[j].text))
               and not PARA_RE.match(lines[j].text.strip())):
            if lines[j].kind != "text":
                j += 1  # a blank line inside the annex's letter title (pdfminer)
                continue
            nxt = " ".join(lines[j].text.split())
            widest = max(map(len, parts))
            if not sender_follows(nxt) and (
                    len(nxt) >= 0.92 * self.width or (len(parts) > 1 and len(parts[-1]) < 0.6 * widest)):
                break  # a body line (wider than the heading's), or the heading's short last line came
            parts.append(nxt)
            j += 1
        etree.SubElement(annex, "heading").text = join_lines(parts)
        title = annex_title(lines, j, self.width, PARA_RE)
        if title:
            etree.SubElement(annex, "heading").text, j = title
        self.sections = [(None, annex)]
        self.expected, self.printed = 1, 0
        self.after_heading = True
        return j

    def open_enclosure(self, lines: list[Line], i: int, cells: set[int]) -> int:
        """Open the section of an enclosure at lines[i] ("Enclosure"), with its title as
        a subsection's heading: the next line, short and ending no sentence, with the lines
        in lower case it wraps onto (never a table's first cell). Return the index after."""
        self.open_section(" ".join(lines[i].text.split()), None, "plain")
        self.blank = False
        j = _next_text_index(lines, i + 1)
        if j is None or j in cells:
            return i + 1
        parts = [" ".join(lines[j].text.split())]
        while j + len(parts) < len(lines) and len(parts) < 3:
            nxt = lines[j + len(parts)]
            if nxt.kind != "text" or j + len(parts) in cells or not nxt.text.strip()[:1].islower():
                break
            parts.append(" ".join(nxt.text.split()))
        title = join_lines(parts)
        if ends_sentence(title) or not title[:1].isupper() or len(title.split()) > 24:
            return i + 1
        self.open_section(title, None, "plain")
        return j + len(parts)

    def open_summary(self, text: str) -> None:
        """Open the summary of a report (R14): its heading, then the paragraphs that follow
        up to the first numbered paragraph, list or heading."""
        self.close_lists()
        summary = etree.SubElement(self.body, "summary")
        etree.SubElement(summary, "heading").text = text
        self.sections.append(("summary", summary))
        self.after_heading = True

    def leave_summary(self) -> None:
        """Close the summary (a summary with no paragraph is a section)."""
        if self.sections[-1][0] != "summary":
            return
        self.flush()
        _, summary = self.sections.pop()
        if summary.find("p") is None:
            summary.tag = "section"

    def open_section(self, text: str, n: str | None, style: str) -> None:
        """Open a section at the level its heading implies."""
        self.leave_summary()
        if style in ("plain", "caps") and SUMMARY_RE.match(text) and not len(self.body):
            self.open_summary(text)
            return
        self.close_lists()
        self.para = None
        stack = self.sections
        if style == "roman" and _next_letter(stack, n):
            style = "alpha"  # "C." after "B.": a letter, not the roman hundred
        same_numbered = style in ("roman", "alpha") and stack[-1][0] == style
        if self.after_heading and len(stack) > 1 and not same_numbered:
            pass  # a heading directly under a heading is its subsection
        elif style in ("plain", "caps") and TOP_HEADINGS_RE.match(text):
            del stack[1:]
        elif any(s == style for s, _ in stack[1:]):
            depth = max(k for k, (s, _) in enumerate(stack) if s == style)
            del stack[depth:]
        elif style in ("roman", "number"):
            del stack[1:]  # (a heading numbered "1" over paragraphs "1.1", "1.2": the top level)
        section = etree.SubElement(stack[-1][1], "section")
        heading = etree.SubElement(section, "heading")
        if n:
            heading.set("n", n)
        heading.text = text
        stack.append((style, section))
        self.after_heading = True
