"""No text lost: every word of the source is in the XML once and in order.

Words are runs of letters and digits, compared case-sensitively. Layout is not a word:
page numbers, running headers, bullets, paragraph numbers (which the reader renumbers in
sequence, with a warning, when the print skips or repeats one; any number of up to four
digits with a dot, alone between spaces, counts as one, on both sides) and punctuation are
left out, hyphens are ignored (so line-end hyphenation and real hyphens compare alike), and
what the reader stores in attributes is put back in its printed place (note numbers, times as HHMM,
"Session" and "III" of a session title, the labels of moderators and speakers).
Footnotes sit at a page bottom in the source and at the end of the XML: a block of words
that moved as a whole is not a loss. Likewise the people of an agenda item: the schema puts
an item's description before its moderators, rapporteurs, speakers, questions and
discussion line, and a person's honorific, name, role and talk in that order, while
agendas print a paragraph after the people (or after the discussion line), a person inside
a sentence ("Palabras de la Directora …, señora NAME") or a label once over several
moderators; so each moderator, rapporteur, speakers label, speaker, questions and
discussion line is a block that may be found earlier in its item's source text, its words
in any order, and a label repeated on the moderators under it may be printed once.
"""
from __future__ import annotations

import bisect
import difflib
import re
import sys
from collections import Counter, deque
from dataclasses import dataclass, field

from lxml import etree

from .errors import Diagnostic
from .readers.text.normalise import Line, normalise
from .readers.text.paper import CHAPTER_RE, PARA_RE
from .readers.text.agenda import is_day_line
from .readers.text.times import match_time_range, second_range
from .readers.text.agenda_annex import ANNEX_LINE_RE
from .readers.text.work import HOURS_RE, ROW_RE, is_work_title

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
#: A run of WORD_RE's words with nothing between them ("A2", "abc"): found twice as fast,
#: and one word unless it holds both letters and digits (_words); \w+ finds the same runs
#: faster still in a text with no underscore.
_RUN_RE = re.compile(r"[^\W_]+")
_ALNUM_RE = re.compile(r"\w+")
#: A number with a dot, alone between spaces: a paragraph or item number, layout not words.
NUMBER_DOT_RE = re.compile(r"(?<![\w.,/:-])\d{1,4}\.(?=\s|$)")
_DIGIT_DOT_RE = re.compile(r"\.(?<=\d\.)")  # (\d\. written dot first: re skips to the dots)
#: Such a number before a note reference: the source prints it glued to the marker
#: ("2027.1", a word) or apart ("2025. 3", layout), so the XML's word is optional.
NUMBER_BEFORE_MARKER_RE = re.compile(r"(?<![\w.,/:-])\d{1,4}\.§$")
#: Put after a text that a note reference follows: "2027." then the marker is no number.
BEFORE_MARKER = "§"
#: A hyphen between numbers ("2-6", "2-\n6"): a range, not a word cut.
_RANGE_HYPHEN_RE = re.compile(r"(?<=\d)[-‐](?=\s*\d)")
_HYPHEN_JOIN_RE = re.compile(r"[-‐]\s*\n\s*")
#: A word (a hyphenated compound whole: "Under-Secretary-") cut by a hyphen at a line end.
_CUT_WORD_RE = re.compile(r"((?:\w+[-‐])*\w+)[-‐]$")
#: Attributes printed in the source, in the order they were printed, per element.
#: Superscript digits (footnote markers) compare as the digits they stand for.
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RE = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
#: "Chapter I" at the start of a text (paper.CHAPTER_RE reads it into heading/@n).
_CHAPTER_WORD_RE = re.compile(r"^\s*(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO)\s+(?:[IVXLC]{1,6}|\d{1,2})\b")
#: The same inside a text (a reading that joined the "Chapter I" line to the lines around it).
_CHAPTER_INSIDE_RE = re.compile(r"(?<!\w)(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO)\s+(?:[IVXLC]{1,6}|\d{1,2})\b")
#: Paragraph numbers are not compared: the reader renumbers a skipped or repeated number
#: (with a warning), and the schema wants 1..n.
PRINTED_ATTRS = {
    "footnote": ("n",), "heading": ("n",), "moderator": ("label",),
    "speakers": ("label",), "item": ("start", "end", "label", "n"), "rapporteur": ("label",),
    "documents": ("label",),
}
#: Attributes printed after the element's text: a document's symbol, in brackets.
PRINTED_AFTER = {"doc": ("symbol",)}
LIST_ITEM_ATTRS = ("n",)
#: Elements of an agenda item that may move as a whole (see the module docstring).
MOVABLE = ("moderator", "rapporteur", "questions", "discussion", "documents")


@dataclass
class Block:
    """Words of the XML (start:end) that may be printed earlier in their item (item_start
    on), in any order; the words at ``optional`` may be missing from the source."""

    start: int
    end: int
    item_start: int
    optional: frozenset[int] = frozenset()

    def bags(self, texts: list[str]) -> list[Counter]:
        """The words the source may print for this block: without, then with the optional ones."""
        words = texts[self.start:self.end]
        kept = Counter(w for k, w in enumerate(words, self.start) if k not in self.optional)
        return [kept, Counter(words)] if self.optional else [kept]


@dataclass
class Words:
    """Words in order, each with the source line it came from (0 when unknown)."""

    texts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    #: Words of the XML that the source may not print: the number of a note reference that
    #: the reader placed where no marker was printed (readers/text link_markers).
    optional: set[int] = field(default_factory=set)
    #: The line of the words from starts[k] on is nos[k]: one entry a piece of text added,
    #: not one a word (a list of a line a word took as much memory as the words).
    starts: list[int] = field(default_factory=list)
    nos: list[int] = field(default_factory=list)

    def line_at(self, k: int) -> int:
        """The source line of word k."""
        return self.nos[bisect.bisect_right(self.starts, k) - 1]

    def add(self, text: str, line: int = 0) -> None:
        """Append the words of a piece of text, hyphens ignored, and numbers printed as
        paragraph numbers ("12. ") too, wherever they stand: the reader makes some of them
        para/@n and leaves others in the text (a list numbered inside a paragraph)."""
        if not text:
            return
        maybe = text.endswith(".§") and NUMBER_BEFORE_MARKER_RE.search(text)
        if "." in text and _DIGIT_DOT_RE.search(text):  # what NUMBER_DOT_RE needs, found fast
            text = NUMBER_DOT_RE.sub(" ", text)
        if "-" in text or "‐" in text:
            text = _RANGE_HYPHEN_RE.sub(" ", text)  # "2-6 March": two numbers, wherever it wraps
            text = text.replace("-", "").replace("‐", "")
        if not text.isascii() and _has_superscript(text):
            # a marker glued to a number ("$2.35²") is a word of its own
            text = _SUPERSCRIPT_RE.sub(lambda m: " " + m.group(0).translate(SUPERSCRIPTS), text)
        found = _words(text)
        if found and _CHAPTER_WORD_RE.match(text):  # the source's "Chapter I" counts as "I"
            self.optional.add(len(self.texts))  # (a reading that keeps it as text has it too)
        elif found and ("hap" in text or "HAP" in text or "apítulo" in text or "APÍTULO" in text):
            for m in _CHAPTER_INSIDE_RE.finditer(text):  # ("... 3/9 Chapter I Introduction ...":
                self.optional.add(len(self.texts) + len(_words(text[:m.start()])))  # a wrapped page top)
        if found and (not self.nos or self.nos[-1] != line):
            self.starts.append(len(self.texts))
            self.nos.append(line)
        self.texts.extend(map(sys.intern, found))  # one object a distinct word, not one a word
        if maybe:
            self.optional.add(len(self.texts) - 1)

    def sub(self, start: int, stop: int) -> "Words":
        """A slice of these words (0 <= start <= stop)."""
        lo = max(bisect.bisect_right(self.starts, start) - 1, 0)
        hi = bisect.bisect_left(self.starts, stop)
        return Words(self.texts[start:stop], starts=[max(k - start, 0) for k in self.starts[lo:hi]],
                     nos=self.nos[lo:hi])

    def drop_head(self, cut: int) -> None:
        """Become sub(cut, len(texts)) in place: no copy of a whole text's words."""
        lo = max(bisect.bisect_right(self.starts, cut) - 1, 0)
        del self.texts[:cut]
        self.starts = [max(k - cut, 0) for k in self.starts[lo:]]
        self.nos = self.nos[lo:]
        self.blocks, self.optional = [], set()


def _has_superscript(text: str) -> bool:
    """Whether a text has a superscript digit: str.translate walks a text char by char (ten
    times a search), a search of re for one of ten chars is twice as slow as ten of str's."""
    return ("¹" in text or "²" in text or "³" in text or "⁰" in text or "⁴" in text or "⁵" in text
            or "⁶" in text or "⁷" in text or "⁸" in text or "⁹" in text)


def _words(text: str) -> list[str]:
    """WORD_RE.findall(text): the runs of letters and digits, a run that holds both split."""
    found = (_ALNUM_RE if "_" not in text else _RUN_RE).findall(text)
    if "".join(found).isalpha():  # (the common case: no digit at all)
        return found
    out: list[str] = []
    for run in found:
        if run.isalpha() or run.isdecimal():  # (re's \d is a decimal digit)
            out.append(run)
        else:
            out.extend(WORD_RE.findall(run))
    return out


def _clock12(hhmm: str) -> str:
    """A time as a word the check compares, on a 12-hour clock ("13:30" and "01:30" are
    "130"): the reader reads a time printed with no a.m./p.m. as the afternoon's when the
    times around it say so."""
    hour, _, minute = hhmm.partition(":")
    return f"{(int(hour) - 1) % 12 + 1}{minute}" if hour.isdigit() else hhmm.replace(":", "")


def source_words(data: bytes, filename: str, lines: list[Line] | None = None,
                 agenda: bool = True, work: bool = False) -> Words:
    """The words of a raw text that are not layout debris, with their line numbers
    (``lines``: the text already normalised, to save doing it twice; ``agenda``: times at a
    line start are an item's, stored as attributes; ``work``: a programme of work, whose
    day lines, meeting times and item numbers are its entries' attributes)."""
    lines = lines if lines is not None else normalise(data, filename).lines
    out = Words()
    pending = ""  # a word cut by a line-end hyphen waits for its second half
    table = False  # past a programme of work's title: its table
    for line in lines:
        if line.kind != "text":
            continue
        text = line.text.strip()
        if work and table:
            text = _work_row(text)
            if not text:
                continue
        # (a programme of work appended to an agenda starts at its annex line: R16)
        table = table or work and (is_work_title(text) or bool(ANNEX_LINE_RE.match(text)))
        times = match_time_range(text) if agenda and text[:1].isdigit() else None
        para = PARA_RE.match(text) if text[:1].isdigit() and not times else None
        chapter = CHAPTER_RE.match(text) if text[:1] in "CcC" else None
        if chapter:  # "Chapter I": the heading's @n (schema R6)
            text = chapter.group("n")
        if para:
            text = para.group("text")
            if pending:  # a new paragraph: the cut word had no second half here
                out.add(pending, line.no)
                pending = ""
        elif times:
            start, end, rest = times
            for t in (start, end):
                if t:
                    out.add(_clock12(t), line.no)
            twin = second_range(rest) if end else None
            if twin:  # two ranges on one line: the reader makes two items of one title
                out.add(twin[2], line.no)
                out.add(_clock12(twin[0]) + " " + _clock12(twin[1]), line.no)
                rest = twin[2]
            text = rest
        text = pending + text
        pending = ""
        if text.endswith(("-", "‐")) and not text[-2:-1].isdigit():  # "2-" / "6 March": a range
            m = _CUT_WORD_RE.search(text)
            if m:
                pending, text = m.group(1), text[:m.start()]
        elif text.endswith(("-", "‐")) and " " in text:
            # a range cut at its hyphen ("for 2026-" / "2027."): joined as the reader joins it,
            # so that "2027." is not taken for a paragraph's number (NUMBER_DOT_RE)
            cut = text.rindex(" ") + 1
            pending, text = text[cut:], text[:cut]
        out.add(text, line.no)
    if pending:
        out.add(pending, lines[-1].no if lines else 0)
    return out


def _work_row(text: str) -> str:
    """A line of a programme of work without what its entries hold as attributes: the
    day line, the meeting's times ("10.00 a 13.00 horas"), the item's number."""
    if is_day_line(" ".join(text.split())):
        return ""
    times = match_time_range(text) if text[:1].isdigit() else None
    if times:
        text = HOURS_RE.sub("", times[2]).strip()
        return ROW_RE.sub(r"\g<text>", text, count=1)
    return _ROW_GAP_RE.sub("", text, count=1)


_ROW_GAP_RE = re.compile(r"^\d{1,2}(?:\s?\([a-z]\)|\s[a-z]\))?(?:\s{2,}(?=\S)|$)")


def xml_words(root: etree._Element) -> tuple[Words, list[Words]]:
    """The words of a document in order (printed attributes, then text; meta skipped), and
    the words of each footnote (its number first), which the source prints elsewhere."""
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}

    item_start = [0]

    def walk(el: etree._Element, out: Words) -> None:
        if el.tag in ("meta", "footnotes") or not isinstance(el.tag, str):
            return
        if el.tag == "noteref" and (notes.get(el.get("to")) or "").isdigit():
            out.optional.add(len(out.texts))  # (a star note's mark, R17, is no word)
            out.add(notes.get(el.get("to"), ""))
        parent = el.getparent()
        in_list = el.tag == "item" and parent is not None and parent.tag == "list"
        start = len(out.texts)
        if el.tag == "item" and parent is not None and parent.tag == "day" or el.tag == "entry":
            item_start[0] = start  # (an entry's documents may stand in a column beside it)
        if el.tag == "entry" and not el.get("n", "").isdigit() and el.get("start") is None:
            out.add(el.get("n"))  # "(a)" stays a word; "1." is layout, as in the source
        for attr in LIST_ITEM_ATTRS if in_list else PRINTED_ATTRS.get(el.tag, ()):
            if el.get(attr):
                value = el.get(attr)
                if in_list and attr == "n" and parent.get("style") == "number" and value.isdigit():
                    out.optional.add(len(out.texts))  # "1." is layout in the source, "1)" a word
                out.add(_clock12(value) if el.tag == "item" and attr in ("start", "end") else
                        value.replace(":", ""))
        if el.tag == "speakers" and len(out.texts) > start:
            out.blocks.append(Block(start, len(out.texts), item_start[0]))
        text = el.text or ""
        if el.tag == "p" and parent is not None and parent.tag != "para" and text[:1].isdigit():
            m = PARA_RE.match(text)  # a number printed at a paragraph's start is layout, as
            text = m.group("text") if m else text  # in the source (source_words)
        children = list(el)
        out.add(text + (BEFORE_MARKER if children and children[0].tag == "noteref" else ""))
        for k, child in enumerate(children):
            walk(child, out)
            follows = k + 1 < len(children) and children[k + 1].tag == "noteref"
            out.add((child.tail or "") + (BEFORE_MARKER if follows else ""))
        for attr in PRINTED_AFTER.get(el.tag, ()):
            out.add(el.get(attr, ""))
        if el.tag in MOVABLE or el.tag == "person" and parent is not None and parent.tag == "speakers" \
                or el.tag == "p" and parent is not None and parent.get("start") and parent.tag == "entry":
            # (a programme of work's row: the lines printed above it are a p after its title)
            out.blocks.append(Block(start, len(out.texts), item_start[0], _repeated_label(el, start, out)))

    body = Words()
    walk(root, body)
    footnotes = []
    for fn in root.iterfind("footnotes/footnote"):
        words = Words()
        words.add(fn.get("n", ""))
        words.add(fn.text or "")
        for child in fn:
            walk(child, words)
            words.add(child.tail or "")
        footnotes.append(words)
    return body, footnotes


def _repeated_label(el: etree._Element, start: int, out: Words) -> frozenset[int]:
    """The indices of a moderator's (or rapporteur's) label words when the one before it
    has the same label: a label printed once over several people."""
    prev = el.getprevious()
    label = el.get("label")
    if not label or prev is None or prev.tag != el.tag or prev.get("label") != label:
        return frozenset()
    return frozenset(range(start, start + len(WORD_RE.findall(label.replace("-", "")))))


def meta_words(root: etree._Element) -> Words:
    """The words of the title block (its order in print varies, so it is compared as a bag)."""
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}
    out = Words()
    for el in root.iterfind("meta/*"):
        out.add(el.text or "")
        for child in el:  # a note on the title: its number, where the source prints it
            out.add(notes.get(child.get("to"), "") if child.tag == "noteref" else "")
            out.add(child.tail or "")
    return out


def split_head(src: Words, body: Words, meta: Words | None = None) -> int:
    """Index in src where the body starts: a place its first words are printed, the one
    that leaves before it the words of the title block (meta) best, when they are printed
    more than once (a cover page, then the title page)."""
    probe = body.texts[:4]
    texts = src.texts
    places = _places(texts, probe, min(len(texts) - len(probe) + 1, HEAD_SEARCH))
    if len(places) < 2 or meta is None:
        return places[0] if places else 0
    want = Counter(meta.texts)

    def misfit(i: int) -> int:
        have = Counter(texts[:i])
        return sum((have - want).values()) + sum((want - have).values())

    return min(places[:MAX_PLACES], key=misfit)


def _places(texts: list[str], probe: list[str], limit: int) -> list[int]:
    """Every i < limit where texts[i:] starts with probe (list.index skips to its first word)."""
    if not probe:
        return list(range(max(limit, 0)))
    places, i = [], 0
    while True:
        try:
            i = texts.index(probe[0], i, limit)
        except ValueError:
            return places
        if texts[i:i + len(probe)] == probe:
            places.append(i)
        i += 1


#: How far into the source the body's first words are looked for, and how many places
#: are weighed (the title block is short: this keeps the check linear).
HEAD_SEARCH, MAX_PLACES = 20000, 8


#: A year with a footnote's number glued to it, as extractors print a superscript.
_YEAR_MARKER_RE = re.compile(r"^(?:19|20)\d\d\d{1,2}$")


def compare_head(head: Words, meta: Words, filename: str) -> list[Diagnostic]:
    """The title block: the same words on both sides, in any order."""
    have = Counter(meta.texts)
    out = []
    for k, text in enumerate(head.texts):
        if have[text]:
            have[text] -= 1
        elif _YEAR_MARKER_RE.match(text) and have[text[:4]] and have[text[4:]]:
            have[text[:4]] -= 1  # "20251": a year and a note's marker glued (its noteref)
            have[text[4:]] -= 1
        else:
            out.append(Diagnostic(filename, head.line_at(k), f"word lost from the title block: {text!r}"))
    extra = [t for t, n in have.items() for _ in range(n)]
    if extra:
        out.append(Diagnostic(filename, None, f"word(s) in the title block but not in the source: "
                                              f"{' '.join(extra)[:200]!r}"))
    return out


def compare(src: Words, body: Words, notes: list[Words], filename: str,
            stars: int = 0) -> list[Diagnostic]:
    """Walk the source and the XML body side by side; a footnote block met in the source
    is skipped as a whole (the first ``stars`` notes, star notes, wherever the source prints
    them: a page's star note may come after numbered notes of pages before); elsewhere a
    difference is resynchronised in a small window, so the cost stays linear in the length
    of the text."""
    a, b = src.texts, body.texts
    floating = [n.texts for n in notes[:stars] if n.texts]
    queue = deque(n.texts for n in notes[stars:])
    lost: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    moved: dict[int, int] = {}  # blocks found earlier in the source: start -> end
    optional = {k for block in body.blocks for k in block.optional} | body.optional
    starts = [block.start for block in body.blocks]
    special = sorted(optional.union(starts))  # where a word may be skipped or a block moved
    i = j = 0
    while i < len(a) and j < len(b):
        if j in moved:
            j = moved.pop(j)
        elif a[i] == b[j]:
            k = bisect.bisect_right(special, j)
            run = _equal_run(a, i, b, j, special[k] if k < len(special) else len(b))
            i, j = i + run, j + run
        elif j in optional:
            j += 1
        elif queue and a[i:i + len(queue[0])] == queue[0]:
            i += len(queue.popleft())
        elif floating and (k := next((k for k, n in enumerate(floating)
                                      if a[i:i + len(n)] == n), None)) is not None:
            i += len(floating.pop(k))
        elif (found := _moved_block(a, i, body, j, moved, starts)) is not None:
            block, size = found
            i += size
            if block.start == j:
                j = block.end
            else:
                moved[block.start] = block.end
        else:
            di, dj = _resync(a, i, b, j)
            if di:
                lost.append((i, i + di))
            if dj:
                added.append((j, j + dj, src.line_at(min(i, len(a) - 1))))
            i, j = i + di, j + dj
    while i < len(a):  # the notes printed after the text's last word
        if queue and a[i:i + len(queue[0])] == queue[0]:
            i += len(queue.popleft())
        elif (k := next((k for k, n in enumerate(floating) if a[i:i + len(n)] == n), None)) is not None:
            i += len(floating.pop(k))
        else:
            break
    queue.extend(floating)  # (a star note never met is reported as a note left over)
    while j in moved or j in optional:
        j = moved.pop(j) if j in moved else j + 1
    if i < len(a):
        lost.append((i, len(a)))
    if j < len(b):
        added.append((j, len(b), src.line_at(len(a) - 1) if a else 0))
    return _report(src, body, lost, added, queue, filename)


def _equal_run(a: list[str], i: int, b: list[str], j: int, limit: int) -> int:
    """How many words are equal from a[i] and b[j] on (a[i] == b[j]), b's not past limit:
    compared by slices of growing size, so that a long run costs little Python."""
    n, step = 1, 8
    while step:
        if j + n + step <= limit and a[i + n:i + n + step] == b[j + n:j + n + step]:
            n, step = n + step, step * 2
        else:
            step //= 2
    return n


def _moved_block(a: list[str], i: int, body: Words, j: int, moved: dict[int, int],
                 starts: list[int]) -> tuple[Block, int] | None:
    """(the block, how many source words it takes) of the item at XML position j whose
    words the source prints from position i, in any order."""
    for k in range(bisect.bisect_left(starts, j), len(starts)):
        block = body.blocks[k]
        if block.item_start > j:
            break
        if block.start in moved:
            continue
        for bag in block.bags(body.texts):
            size = sum(bag.values())
            if size and Counter(a[i:i + size]) == bag:
                return block, size
    return None


def _resync(a: list[str], i: int, b: list[str], j: int, window: int = 400) -> tuple[int, int]:
    """How many words to skip on each side to reach the nearest run of 4 equal words."""
    wa, wb = a[i:i + window], b[j:j + window]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    runs = [m for m in sm.get_matching_blocks() if m.size >= min(4, len(wa) - m.a, len(wb) - m.b) and m.size]
    if not runs:
        return len(wa), len(wb)
    best = min(runs, key=lambda m: m.a + m.b)
    return best.a, best.b


def _report(src: Words, body: Words, lost, added, notes_left, filename) -> list[Diagnostic]:
    """Diagnostics for what is left over, once a footnote split or moved otherwise (lost
    and unmatched words equal as a bag) is forgiven."""
    a, b = src.texts, body.texts
    # A note's number is layout: pdftotext may print it apart from its note or not at all.
    numbers = Counter(note[0] for note in notes_left if note)
    pool_lost = Counter(w for i1, i2 in lost for w in a[i1:i2])
    pool_notes = Counter(w for note in notes_left for w in note)
    if not added and not pool_lost - pool_notes and not (pool_notes - pool_lost) - numbers:
        return []
    diags = [Diagnostic(filename, src.line_at(i1), f"word(s) lost from the source: {' '.join(a[i1:i2])[:200]!r}")
             for i1, i2 in lost]
    diags += [Diagnostic(filename, line or None, f"word(s) in the XML but not in the source (near "
                                                 f"this line): {' '.join(b[j1:j2])[:200]!r}")
              for j1, j2, line in added]
    diags += [Diagnostic(filename, None, f"footnote not found in the source: {' '.join(n)[:200]!r}")
              for n in notes_left]
    return diags


def check_fidelity(data: bytes, filename: str, root: etree._Element,
                   lines: list[Line] | None = None) -> list[Diagnostic]:
    """Every source word that is not debris is in the XML once, in order."""
    agenda = root.get("type") == "agenda"
    work = any(root.find(path) is not None for path in ("agenda/entry[@start]", "agenda/annex/entry[@start]"))
    if agenda and not work and root.find("agenda/entry") is not None:
        from .readers.text.annotations import item_order  # the entries' order of the lines

        lines = item_order(lines if lines is not None else normalise(data, filename).lines)
    src, (body, notes) = source_words(data, filename, lines, agenda, work), xml_words(root)
    meta = meta_words(root)
    cut = split_head(src, body, meta)
    head = src.sub(0, cut)
    src.drop_head(cut)
    stars = sum(1 for fn in root.iterfind("footnotes/footnote") if fn.get("n", "")[:1] == "*")
    return compare_head(head, meta, filename) + compare(src, body, notes, filename, stars)
