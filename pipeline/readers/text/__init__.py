"""The raw-text reader: a series of small stages from bytes to a validated tree.

normalise -> extract_notes -> classify -> build (meta, agenda or body, footnotes)
-> link_markers -> number. Each stage's module docstring says what holds after it.
"""
from __future__ import annotations

import hashlib
import heapq
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ...errors import Diagnostic, PipelineError, error
from .agenda import AgendaBuilder, is_day_line, is_day_rank
from .footnotes import TO_SUPERSCRIPT, Note, extract_notes
from .lexicon import MONTH_RE, STOPWORDS
from .annotations import item_order
from .masthead import LETTER_RE, read_masthead, read_title
from .entries import ENTRY_RE, PROVISIONAL_RE, build_entries, is_provisional_agenda
from .work import WORK_TITLE_RE, build_work, is_programme_of_work, split_programme
from .meta import after_heading, build_meta, mark_version, meta_element
from .normalise import LINE_ATTR, Line, normalise
from .paper import PARA_RE, ROMAN_HEAD_RE, BodyBuilder, whole_top_heading
from .plain import read_plain
from .starnotes import link_star_notes
from .text import VOCABULARY, Vocabulary
from .agenda_annex import build_annex, split_annexes
from .times import match_time_range

LANGS = tuple(STOPWORDS)


@dataclass
class ReadResult:
    """What the reader returns: the document and the warnings met on the way."""

    tree: etree._ElementTree
    warnings: list[Diagnostic] = field(default_factory=list)
    #: The normalised lines of the text (stage 1), for checks that read the text again.
    lines: list[Line] = field(default_factory=list)


#: The heading "Agenda" alone over the list of items, under a title that says what the
#: document is ("Agenda and annotations", as the Human Rights Council prints it).
_LIST_HEADING_RE = re.compile(r"^(?:[IVX]{1,4}\.\s+)?(?:Agenda|Ordre du jour|Programa)$")

def name_hints(filename: str) -> tuple[str, str | None]:
    """(docid, language or None) from a file name such as ``idm2008-agenda.fr.txt``."""
    parts = Path(filename).name.split(".")
    if len(parts) > 1:
        parts = parts[:-1]
    lang = next((p.lower() for p in parts[1:] if re.fullmatch(r"[a-zA-Z]{2,3}", p)), None)
    docid = re.sub(r"[^a-z0-9]+", "-", parts[0].lower()).strip("-") or "document"
    if not docid[0].isalnum():
        docid = "d" + docid
    return docid, lang


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def detect_language(lines: list[Line]) -> str | None:
    """The language whose stop words are most frequent in the first 20,000 characters."""
    sample, size = [], 0
    for line in lines:  # about 3,000 words are enough
        sample.append(line.text)
        size += len(line.text)
        if size > 20000:
            break
    words = Counter(_LETTERS_RE.findall("\n".join(sample).lower()))
    counts = {lang: sum(words[w] for w in stops) for lang, stops in STOPWORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 3 else None


#: How many lines from the top a letter's title is looked for.
LETTER_HEAD = 80


def detect_type(lines: list[Line]) -> str | None:
    """agenda when several lines start with a time, or a provisional agenda's heading comes
    before numbered items; paper when paragraphs are numbered."""
    head = [ln.text.strip() for ln in lines[:LETTER_HEAD] if ln.kind == "text"]
    if any(LETTER_RE.match(text) for text in head):
        return "paper"  # a letter, whatever tables of times its annexes hold
    timed = sum(1 for ln in lines if ln.kind == "text" and match_time_range(ln.text))
    if (timed < 2 or split_programme(lines) is not None) and is_provisional_agenda(lines):
        return "agenda"  # (its times, if any, those of the programme of work in its annex)
    numbers = {int(m.group("n")) for ln in lines if ln.kind == "text" and ln.text.lstrip()[:1].isdigit()
               for m in [PARA_RE.match(ln.text.strip())] if m}  # (PARA_RE's number first)
    if timed >= 2 and timed >= len(numbers):
        return "agenda"
    if 1 in numbers:
        return "paper"
    if timed >= 1:
        return "agenda"
    return None


def split_header(lines: list[Line], doc_type: str, entries: bool = False) -> int:
    """Index of the first line after the title block (entries: a provisional agenda's,
    which ends at its first numbered item)."""
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        text = line.text.strip()
        if entries:
            if ENTRY_RE.match(text) and text.startswith("1.") or i and WORK_TITLE_RE.match(
                    " ".join(lines[i - 1].text.split()) if lines[i - 1].kind == "text" else ""):
                return i  # (a programme of work's table starts under its title)
            continue
        if doc_type == "agenda" and match_time_range(text):
            return i
        if doc_type == "agenda" and (is_day_line(text) or is_day_rank(text)):
            return after_heading(lines, i)
        if doc_type == "paper" and (PARA_RE.match(text) or ROMAN_HEAD_RE.match(text)):
            return i
        if doc_type == "paper" and i > _first_text_index(lines) and whole_top_heading(text):
            return i  # "SUMMARY" or "Introduction" on its own line opens the body
    return len(lines)


def _first_text_index(lines: list[Line]) -> int:
    """Index of the first text line (0 when none)."""
    return next((i for i, ln in enumerate(lines) if ln.kind == "text"), 0)


def text_width(lines: list[Line]) -> int:
    """The usual length of a full line (90th percentile), to spot short last lines; rows
    of a table (fields apart by runs of spaces, as -layout and the PDF reader set them)
    count only when every line is one."""
    text = [ln.text for ln in lines if ln.kind == "text"]
    prose = [t for t in text if "   " not in t.strip()]  # (pdfminer justifies with two)
    lengths = sorted(map(len, prose if len(prose) >= len(text) // 2 else text))
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def read_plain_text(data: bytes, filename: str, lang: str | None = None,
                    docid: str | None = None, masthead: bool = True) -> ReadResult:
    """Read raw text bytes as plain prose (plain.py): the reader's last resort (with the UN
    title block read, unless ``masthead`` is False)."""
    norm = normalise(data, filename)
    name_id, name_lang = name_hints(filename)
    lang = lang or detect_language(norm.lines) or name_lang or "en"
    token = VOCABULARY.set(Vocabulary([ln.text for ln in norm.lines]))
    try:
        tree = read_plain(norm.lines, data, filename, lang, docid or name_id,
                          text_width(norm.lines), masthead)
    finally:
        VOCABULARY.reset(token)
    warnings = list(norm.warnings)
    split_long_paragraphs(tree.getroot(), filename, warnings)
    return ReadResult(tree, warnings, norm.lines)


def read_text(data: bytes, filename: str, doc_type: str | None = None,
              lang: str | None = None, docid: str | None = None,
              notes: bool = True, hints: dict[int, str] | None = None) -> ReadResult:
    """Read raw text bytes into a document tree (not yet validated); with ``notes`` False,
    footnote texts are left where the page prints them, as text; hints (line number ->
    a hint of normalise.HINTS) come from a PDF or Word source's layout."""
    norm = normalise(data, filename, hints)
    lines, notes = extract_notes(norm.lines) if notes else (list(norm.lines), [])
    name_id, name_lang = name_hints(filename)
    doc_type = doc_type or detect_type(lines) or "paper"  # prose: a paper of unnumbered paragraphs
    lang = lang or detect_language(lines) or name_lang or "en"
    token = VOCABULARY.set(Vocabulary([ln.text for ln in lines]))
    try:
        result = _build(data, filename, lines, notes, doc_type, lang, docid or name_id, norm.warnings)
        result.lines = norm.lines
        return result
    finally:
        VOCABULARY.reset(token)


def _build(data: bytes, filename: str, lines: list[Line], notes: list[Note], doc_type: str,
           lang: str, docid: str, warnings: list[Diagnostic]) -> ReadResult:
    """Stages build, link and number: the tree from classified lines."""
    root = etree.Element("document", id=docid, type=doc_type, version="1")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    source = etree.Element("source", file=Path(filename).name,
                           sha256=hashlib.sha256(data).hexdigest())
    mast = read_masthead(lines)
    entries = doc_type == "agenda" and is_provisional_agenda(lines)
    work = doc_type == "agenda" and not entries and is_programme_of_work(lines)
    entries = entries or work
    cut = split_header(lines, doc_type, entries) if mast else 0
    if mast and ("organisation" in mast.found or not mast.end < cut < len(lines)):
        # the UN layout, or a letter or note: the title after the symbol block, then the body
        read_title(lines, mast, text_width(lines))
        cut, heading, leftover = mast.end, None, []
        first = next((k for k in range(cut, len(lines)) if lines[k].kind == "text"), None)
        if entries and first is not None and (PROVISIONAL_RE.match(
                re.sub(r"^[IVX]{1,4}\.\s+", "", " ".join(lines[first].text.split())))
                or _LIST_HEADING_RE.match(lines[first].text.strip()) and "title" in mast.found
                and PROVISIONAL_RE.match(mast.found["title"][0])):
            heading, cut = " ".join(lines[first].text.split()), first + 1  # the list's heading
        meta = meta_element(mast.found, source)
    elif mast:  # the symbol block, then the title block's general rules up to paragraph 1
        meta, heading, leftover = build_meta(lines[mast.end:cut], doc_type, source, mast.found)
    else:
        cut = split_header(lines, doc_type, entries)
        meta, heading, leftover = build_meta(lines[:cut], doc_type, source)
    if meta.find("title") is None:
        raise error(filename, lines[cut].no if cut < len(lines) else 1,
                    "no title found: the document must start with its title")
    root.append(meta)
    if entries:
        part = build_work(leftover + lines[cut:]) if work else build_entries(item_order(leftover + lines[cut:]))
        builder = None
    elif doc_type == "agenda":
        default = meta.find("dates").get("from") if meta.find("dates") is not None else None
        builder = AgendaBuilder(filename, text_width(lines), default)
        first_timed = next((k for k in range(cut, len(lines)) if lines[k].kind == "text"
                            and match_time_range(" ".join(lines[k].text.split()))), None)
        annexes = split_annexes(lines, first_timed) if first_timed is not None else []
        stop = annexes[0] if annexes else len(lines)
        for line in lines[cut:stop]:
            builder.feed(line)
        part = builder.finish()
        if not len(part.findall("day")):
            raise error(filename, lines[cut].no if cut < len(lines) else 1, "no timed item found in the agenda")
        for start, end in zip(annexes, annexes[1:] + [len(lines)]):
            part.extend(build_annex(lines[start:end], text_width(lines)))  # R16: after the days
    else:
        builder = BodyBuilder(filename, text_width(lines))
        part = builder.run(leftover + lines[cut:])
    if heading and part.tag == "agenda":  # the programme's heading, before days or entries
        h = etree.Element("heading")
        h.text = heading
        part.insert(0, h)
    root.append(part)
    warnings = warnings + (builder.warnings if builder is not None else [])
    if notes:
        root.append(footnotes_element(notes))
    stars = [note for note in notes if note.mark]
    link_markers(root, notes[len(stars):], filename, warnings)
    # (the text slots are needed only to place a star note: not gathered for none)
    link_star_notes(root, stars, list(_text_slots(root)) if stars else [], filename, warnings)
    split_long_paragraphs(root, filename, warnings)
    for el in root.iter():
        el.attrib.pop(LINE_ATTR, None)
    mark_version(root)
    return ReadResult(root.getroottree(), warnings)


#: The longest text a paragraph may hold: libxml2 refuses a text node over 10,000,000 bytes
#: (every command reads the XML with it), so a longer one is split, at a space.
MAX_TEXT = 1_000_000


def split_long_paragraphs(root: etree._Element, filename: str, warnings: list[Diagnostic]) -> None:
    """Split the text of a p longer than MAX_TEXT characters into successive p elements."""
    for p in [p for p in root.iter("p") if p.text and len(p.text) > MAX_TEXT and not len(p)]:
        text, pieces = p.text, []
        while len(text) > MAX_TEXT:
            cut = text.rfind(" ", 0, MAX_TEXT)
            cut = cut if cut > 0 else MAX_TEXT
            pieces.append(text[:cut])
            text = text[cut:].lstrip(" ")
        pieces.append(text)
        p.text = pieces[0]
        for piece in reversed(pieces[1:]):
            new = etree.Element("p")
            new.text = piece
            p.addnext(new)
        warnings.append(Diagnostic(filename, source_line(p), f"a paragraph of {len(p.text) + sum(map(len, pieces[1:]))} "
                                   f"characters is split into {len(pieces)} paragraphs (at most "
                                   f"{MAX_TEXT:,} each, which every XML tool reads)", "warning"))


def source_line(el: etree._Element) -> int | None:
    """The source line recorded on el or its nearest ancestor during the build."""
    for node in (el, *el.iterancestors()):
        if node.get(LINE_ATTR):
            return int(node.get(LINE_ATTR)) or None
    return None


def footnotes_element(notes: list[Note]) -> etree._Element:
    """<footnotes> with one <footnote id="fnN" n="N"> per note (a star note's
    id="fns1" n="*", R17)."""
    fns = etree.Element("footnotes")
    for note in notes:
        fn = etree.SubElement(fns, "footnote", id=f"fns{len(note.mark)}", n=note.mark) \
            if note.mark else etree.SubElement(fns, "footnote", id=f"fn{note.n}", n=str(note.n))
        fn.text = note.text
    return fns


def _may_hold(text: str, n: int) -> bool:
    """Cheap test before the marker search: the number, plain or superscript, is in text."""
    return str(n) in text or _superscript(n) in text


def _occurrences(text: str, sub: str, start: int):
    """Every index of sub in text from start on, overlapping ones too ("11" in "111")."""
    k = text.find(sub, start)
    while k >= 0:
        yield k
        k = text.find(sub, k + 1)


def _search_marker(pattern: re.Pattern, text: str, offset: int, n: int) -> re.Match | None:
    """pattern.search(text, offset) for a marker pattern of note n (_marker_re,
    _loose_marker_re), tried only where one of its matches can start: one or two
    characters before the number, or at its superscript."""
    # The patterns start with character classes, which the engine tries at every character
    # of a text (a whole page's paragraph, for each note); str.find skips to the number.
    starts = heapq.merge((s for c in _occurrences(text, str(n), offset + 1) for s in (c - 2, c - 1)),
                         _occurrences(text, _superscript(n), offset))
    tried = offset - 1
    for start in starts:
        if start > tried:
            tried = start
            m = pattern.match(text, start)
            if m:
                return m
    return None


def _superscript(n: int) -> str:
    """n in superscript digits."""
    return str(n).translate(TO_SUPERSCRIPT)


#: Not after these before a full stop: the parts of a document symbol, and "No.".
_SYMBOL_PART = "".join(rf"(?<!{re.escape(w)})" for w in ("Rev", "Add", "Corr", "Amend", "Suppl", "/L", " L", "(L", "No", "no"))


@lru_cache(maxsize=256)
def _marker_re(n: int) -> re.Pattern:
    """A footnote marker n glued to a word or punctuation (group "n"), or as a superscript.
    The character before the marker is matched, not looked behind, for speed."""
    sup = _superscript(n)
    # after a year's full stop too ("en 2027.1"), as pypdf glues a marker to a date
    # never after a symbol's part ("UNW/2025/L.1/Rev.1)", "A/79/L.3", "Add.2", "No. 4")
    return re.compile(rf"(?:[^\W\d_]|(?:(?<!\d){_SYMBOL_PART}|(?<=(?<!\d)(?:19|20)\d\d))[,.]|[;:!?”’»\"')\]])"
                      rf"(?P<n>{n})(?!\d)(?=[\s,.;:)\]]|$)"
                      rf"|(?P<sup>{sup})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
                      # set apart by a space after a closing mark, before a new sentence or
                      # the end (how pdfminer and pypdf print a superscript after ")" or ".")
                      rf"|[)”’\".;](?P<sp> {n})(?=\s+[A-Z“(]|\s*$)")


#: How many text slots after the previous marker the loose form of a marker is looked for.
LOOSE_WINDOW = 200


@lru_cache(maxsize=256)
def _loose_marker_re(n: int) -> re.Pattern:
    """Marker n set apart by spaces after a word ("the United Nations 2 and other"), as
    extractors print a superscript: only looked for when the strict form is nowhere after
    the previous marker."""
    return re.compile(rf"(?:[^\W\d_]|[,.;:)”’\"])(?P<sp> {n})(?=\s|$)(?P<n>)(?P<sup>)"
                      # glued after a symbol's number at a sentence end: "77/109.6 The"
                      rf"|(?<=/\d)\.(?P<n2>{n})(?=\s+[A-Z“(]|\s*$)"
                      rf"|(?<=/\d\d)\.(?P<n3>{n})(?=\s+[A-Z“(]|\s*$)"
                      rf"|(?<=/\d\d\d)\.(?P<n4>{n})(?=\s+[A-Z“(]|\s*$)"
                      # glued to a year that ends a title or paragraph: "11 February 20251"
                      rf"|(?<=\b(?:19|20)\d)\d(?P<n5>{n})\s*$")


#: Elements whose text may hold a footnote reference (the schema's inline content).
INLINE_HOSTS = frozenset({"title", "p", "lead", "question", "role", "emph", "strong"})


def _holds_inlines(el: etree._Element) -> bool:
    """True when the schema lets el hold a noteref: prose, a list item, a section heading."""
    parent = el.getparent()
    if el.tag == "item":
        return parent is not None and parent.tag == "list" and not any(
            isinstance(c.tag, str) and c.tag in ("p", "list") for c in el)
    if el.tag == "heading":
        return parent is not None and parent.tag == "section"
    return el.tag in INLINE_HOSTS


def _text_slots(root: etree._Element):
    """Yield (element, attr) for each text or tail of the title, the subtitle and agenda/body
    that may hold a noteref, in document order."""
    for title in (root.find("meta/title"), root.find("meta/subtitle")):
        if title is not None:  # "REVISED PROVISIONAL AGENDA1": a note on the title
            yield title, "text"  # ("Report of the Office of the ... for Human Rights*": on the kind)
            for child in title:
                yield child, "tail"
    for part in root:
        if part.tag not in ("agenda", "body"):
            continue
        for el in part.iter():
            if not isinstance(el.tag, str) or el.tag == "noteref":
                continue
            if _holds_inlines(el):
                yield el, "text"
                for child in el:
                    yield child, "tail"


#: A day's number before its month ("dated 1 April"), never a footnote marker.
_MONTH_AFTER_RE = re.compile(rf"\s+(?:de\s+)?(?:{MONTH_RE})\b", re.IGNORECASE)
#: Words a number set apart by spaces belongs to ("item 1", "resolution 2", "para. 3").
_NUMBERED_WORD_RE = re.compile(r"(?:\b(?:items?|paragraphs?|paras?\.?|resolutions?|decisions?|No\.|"
                               r"nos?\.|pages?|p\.|pp\.|chapters?|annex|articles?|art\.|rules?|"
                               r"points?|puntos?|párrafos?|dated|de fecha|en date du|du|del|of|on|"
                               r"le|el|the)|[$€£%])$", re.IGNORECASE)


def _a_number_in_prose(text: str, start: int, end: int) -> bool:
    """True when the number set apart at text[start:end] reads as a number of the prose:
    a day before its month, or the number of an item, paragraph or resolution."""
    return bool(_MONTH_AFTER_RE.match(text, end) or _NUMBERED_WORD_RE.search(text[max(0, start - 16):start]))


def _lone_marker(slots: list, start: int, note: Note) -> tuple[int, re.Match] | None:
    """The last resort for a note whose marker has neither form: its number alone between
    spaces, after a figure or a word ('$2.35 2 billion', as extractors print a superscript
    after a number), in the text from slot start up to the note's own line."""
    pattern = re.compile(rf"(?<=[^\s\d])(?P<sp> {note.n})(?=\s)(?P<n>)(?P<sup>)"
                         rf"|(?<=\d)(?P<sp2> {note.n})(?= [^\W\d])")
    for j in range(start, len(slots)):
        el, attr = slots[j]
        line = source_line(el)
        if line is not None and line > note.line:
            break
        m = pattern.search(getattr(el, attr) or "")
        if m:
            return j, m
    return None


def _place_unmarked(root: etree._Element, unplaced: list[Note], filename: str,
                    warnings: list[Diagnostic]) -> None:
    """Reference each note whose marker is nowhere (lost by the extractor, or glued to a
    figure: '$2.352 billion') at the end of the last text printed before the note, or just
    before the first reference to a later note that comes earlier; with a warning."""
    for note in unplaced:
        slots = _slots_before(root, note.line)
        if not slots:
            raise error(filename, note.line, f"footnote {note.n} has no marker in the text, "
                                             "and no text comes before it")
        el, attr = slots[-1]
        ref = etree.Element("noteref", to=f"fn{note.n}")
        setattr(el, attr, (getattr(el, attr) or "").rstrip())
        el.insert(0, ref) if attr == "text" else el.addnext(ref)
        for other in root.iter("noteref"):
            if other is ref:
                break
            if int(other.get("to")[2:]) > note.n:  # a later note's reference comes first
                ref.getparent().remove(ref)  # (it has no tail: nothing else moves)
                other.addprevious(ref)
                break
        warnings.append(Diagnostic(filename, note.line, f"footnote {note.n}: no marker found "
                                   "in the text; it is referenced near where it is printed "
                                   "(check where it belongs)", "warning"))


def _slots_before(root: etree._Element, line: int) -> list:
    """The text slots printed before source line ``line`` (a slot with no line of its own
    goes with the one before it)."""
    out = []
    for slot in _text_slots(root):
        known = source_line(slot[0])
        if known is not None and known > line:
            break
        out.append(slot)
    return out


def _insert_ref(slots: list, idx: int, text: str, start: int, end: int, k: int) -> None:
    """Put <noteref to="fnk"/> in place of text[start:end] of slot idx, which it becomes."""
    el, attr = slots[idx]
    ref = etree.Element("noteref", to=f"fn{k}")
    ref.tail = text[end:]
    setattr(el, attr, text[:start])
    if attr == "text":
        el.insert(0, ref)
    else:
        el.addnext(ref)
    slots[idx] = (ref, "tail")


def link_markers(root: etree._Element, notes: list[Note], filename: str,
                 warnings: list[Diagnostic]) -> None:
    """Replace the marker of note k (k = 1..n, in order) with <noteref to="fnk"/>."""
    slots = list(_text_slots(root))
    k, idx, offset = 1, 0, 0
    since = (0, 0)  # where the search for note k began
    loose = False  # searching again with the loose form of the marker
    unplaced: list[Note] = []
    while k <= len(notes) and idx <= len(slots):
        if idx == len(slots) or (loose and idx > since[0] + LOOSE_WINDOW):
            if not loose:
                (idx, offset), loose = since, True  # not found: look again, less strictly
                continue
            found = _lone_marker(slots, since[0], notes[k - 1])
            if found is None:  # placed once every other note is: search k + 1 from since
                unplaced.append(notes[k - 1])
                (idx, offset), loose, k = since, False, k + 1
                continue
            idx, m = found
            text = getattr(*slots[idx]) or ""
            start = m.start("sp") if m.group("sp") else m.start("sp2")
            warnings.append(Diagnostic(filename, source_line(slots[idx][0]), f"footnote {k}: "
                                       f"its marker is taken to be the '{k}' set apart in "
                                       f"{text[max(0, start - 20):start + 12]!r} (check it)",
                                       "warning"))
            _insert_ref(slots, idx, text, start, m.end(), k)
            offset, since, loose, k = 0, (idx, 0), False, k + 1
            continue
        el, attr = slots[idx]
        text = getattr(el, attr) or ""
        pattern = _loose_marker_re(k) if loose else _marker_re(k)
        m = _search_marker(pattern, text, offset, k) if _may_hold(text, k) else None
        while m and loose and m.group("sp") and _a_number_in_prose(text, m.start("sp"), m.end()):
            m = _search_marker(pattern, text, m.end(), k)
        if not m:
            idx, offset = idx + 1, 0
            continue
        start = next(m.start(g) for g in ("n", "sup", "sp", "n2", "n3", "n4", "n5") if m.groupdict().get(g))
        loose = False
        _insert_ref(slots, idx, text, start, m.end(), k)
        offset = 0
        since = (idx, 0)
        k += 1
    _place_unmarked(root, unplaced, filename, warnings)
    orphan = _marker_re(len(notes) + 1)
    for el, attr in _text_slots(root):
        text = getattr(el, attr) or ""
        m = _search_marker(orphan, text, 0, len(notes) + 1) \
            if _may_hold(text, len(notes) + 1) else None
        if m and k > len(notes):
            warnings.append(Diagnostic(filename, source_line(el), f"'{len(notes) + 1}' after "
                                       f"{text[max(0, m.start() - 29):m.start() + 1]!r} looks like a "
                                       "footnote marker, but there is no footnote text for it; kept as text",
                                       "warning"))
            break
