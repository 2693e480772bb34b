"""No text lost: every word of the source is in the XML once and in order.

Words are runs of letters and digits, compared case-sensitively. Layout is not a word:
page numbers, running headers, bullets, paragraph numbers (which the reader renumbers in
sequence, with a warning, when the print skips or repeats one) and punctuation are left
out, hyphens are ignored (so line-end hyphenation and real hyphens compare alike), and
what the reader stores in attributes is put back in its printed place (note numbers, times as HHMM,
"Session" and "III" of a session title, the labels of moderators and speakers).
Footnotes sit at a page bottom in the source and at the end of the XML: a block of words
that moved as a whole is not a loss.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .errors import Diagnostic
from .readers.text.normalise import Line, normalise
from .readers.text.paper import PARA_RE
from .readers.text.times import match_time_range

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_HYPHEN_JOIN_RE = re.compile(r"[-‐]\s*\n\s*")
#: Attributes printed in the source, in the order they were printed, per element.
#: Paragraph numbers are not compared: the reader renumbers a skipped or repeated number
#: (with a warning), and the schema wants 1..n.
PRINTED_ATTRS = {
    "footnote": ("n",), "heading": ("n",), "moderator": ("label",),
    "speakers": ("label",), "item": ("start", "end", "label", "n"),
}
LIST_ITEM_ATTRS = ("n",)


@dataclass
class Words:
    """Words in order, each with the source line it came from (0 when unknown)."""

    texts: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def add(self, text: str, line: int = 0) -> None:
        """Append the words of a piece of text, hyphens ignored."""
        found = WORD_RE.findall(text.replace("-", "").replace("‐", ""))
        self.texts.extend(found)
        self.lines.extend([line] * len(found))

    def sub(self, start: int, stop: int | None = None) -> "Words":
        """A slice of these words."""
        return Words(self.texts[start:stop], self.lines[start:stop])


def source_words(data: bytes, filename: str, lines: list[Line] | None = None) -> Words:
    """The words of a raw text that are not layout debris, with their line numbers
    (``lines``: the text already normalised, to save doing it twice)."""
    lines = lines if lines is not None else normalise(data, filename).lines
    out = Words()
    pending = ""  # a word cut by a line-end hyphen waits for its second half
    for line in lines:
        if line.kind != "text":
            continue
        text = line.text.strip()
        times = match_time_range(text) if text[:1].isdigit() else None
        para = PARA_RE.match(text) if text[:1].isdigit() and not times else None
        if para:
            text = para.group("text")
        elif times:
            start, end, rest = times
            for t in (start, end):
                if t:
                    out.add(t.replace(":", ""), line.no)
            text = rest
        text = pending + text
        pending = ""
        if text.endswith(("-", "‐")):
            m = re.search(r"(\w+)[-‐]$", text)
            if m:
                pending, text = m.group(1), text[:m.start()]
        out.add(text, line.no)
    if pending:
        out.add(pending, lines[-1].no if lines else 0)
    return out


def xml_words(root: etree._Element) -> Words:
    """The words of a document in order: printed attributes, then text; meta skipped."""
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}
    out = Words()

    def walk(el: etree._Element) -> None:
        if el.tag == "meta" or not isinstance(el.tag, str):
            return
        if el.tag == "noteref":
            out.add(notes.get(el.get("to"), ""))
        in_list = el.tag == "item" and el.getparent() is not None and el.getparent().tag == "list"
        for attr in LIST_ITEM_ATTRS if in_list else PRINTED_ATTRS.get(el.tag, ()):
            if el.get(attr):
                out.add(el.get(attr).replace(":", ""))
        out.add(el.text or "")
        for child in el:
            walk(child)
            out.add(child.tail or "")

    walk(root)
    return out


def meta_words(root: etree._Element) -> Words:
    """The words of the title block (its order in print varies, so it is compared as a bag)."""
    out = Words()
    for el in root.iterfind("meta/*"):
        out.add(el.text or "")
    return out


def split_head(src: Words, body: Words) -> int:
    """Index in src where the body starts: the first place its first words are printed."""
    probe = body.texts[:4]
    texts = src.texts
    for i in range(len(texts) - len(probe) + 1):
        if texts[i:i + len(probe)] == probe:
            return i
    return 0


def compare_head(head: Words, meta: Words, filename: str) -> list[Diagnostic]:
    """The title block: the same words on both sides, in any order."""
    have = Counter(meta.texts)
    out = []
    for text, line in zip(head.texts, head.lines):
        if have[text]:
            have[text] -= 1
        else:
            out.append(Diagnostic(filename, line, f"word lost from the title block: {text!r}"))
    extra = [t for t, n in have.items() for _ in range(n)]
    if extra:
        out.append(Diagnostic(filename, None, f"word(s) in the title block but not in the source: "
                                              f"{' '.join(extra)[:200]!r}"))
    return out


def compare(src: Words, xml: Words, filename: str) -> list[Diagnostic]:
    """Diagnostics for words lost (in the source, not the XML) and words added."""
    a, b = src.texts, xml.texts
    if a == b:
        return []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    lost: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("delete", "replace"):
            lost.append((i1, i2))
        if tag in ("insert", "replace"):
            added.append((j1, j2))
    lost, added = _cancel_moves(a, b, lost, added)
    diags = [Diagnostic(filename, src.lines[i1], f"word(s) lost from the source: {' '.join(a[i1:i2])[:200]!r}")
             for i1, i2 in lost]
    diags += [Diagnostic(filename, None, f"word(s) in the XML but not in the source: {' '.join(b[j1:j2])[:200]!r}")
              for j1, j2 in added]
    return diags


def _cancel_moves(a, b, lost, added):
    """Drop pairs of lost/added spans that hold the same words (a moved block)."""
    remaining_added = list(added)
    kept_lost = []
    for i1, i2 in lost:
        seq = a[i1:i2]
        match = next((span for span in remaining_added if b[span[0]:span[1]] == seq), None)
        if match:
            remaining_added.remove(match)
        else:
            kept_lost.append((i1, i2))
    if kept_lost and remaining_added:
        # A moved block may be split differently on each side: compare the pooled words.
        pool_a = sorted(w for i1, i2 in kept_lost for w in a[i1:i2])
        pool_b = sorted(w for j1, j2 in remaining_added for w in b[j1:j2])
        if pool_a == pool_b:
            return [], []
    return kept_lost, remaining_added


def check_fidelity(data: bytes, filename: str, root: etree._Element,
                   lines: list[Line] | None = None) -> list[Diagnostic]:
    """Every source word that is not debris is in the XML once, in order."""
    src, body = source_words(data, filename, lines), xml_words(root)
    cut = split_head(src, body)
    return compare_head(src.sub(0, cut), meta_words(root), filename) + compare(src.sub(cut), body, filename)
