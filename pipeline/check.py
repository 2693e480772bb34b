"""No text lost: every word of the source is in the XML once and in order.

Words are runs of letters and digits, compared case-sensitively. Layout is not a word:
page numbers, running headers, bullets and punctuation are left out, hyphens are ignored
(so line-end hyphenation and real hyphens compare alike), and what the reader stores in
attributes is put back in its printed place (paragraph and note numbers, times as HHMM,
"Session" and "III" of a session title, the labels of moderators and speakers).
Footnotes sit at a page bottom in the source and at the end of the XML: a block of words
that moved as a whole is not a loss.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from .errors import Diagnostic
from .readers.text.normalise import normalise
from .readers.text.times import match_time_range

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_HYPHEN_JOIN_RE = re.compile(r"[-‐]\s*\n\s*")
#: Attributes printed in the source, in the order they were printed, per element.
PRINTED_ATTRS = {
    "para": ("n",), "footnote": ("n",), "heading": ("n",), "moderator": ("label",),
    "speakers": ("label",), "item": ("start", "end", "label", "n"),
}
LIST_ITEM_ATTRS = ("n",)


@dataclass
class Word:
    """A word and the source line it came from (0 for XML words)."""

    text: str
    line: int = 0


def words_of(text: str, line: int = 0) -> list[Word]:
    """The words of a piece of text, hyphens ignored."""
    text = text.replace("-", "").replace("‐", "")
    return [Word(m.group(0), line) for m in WORD_RE.finditer(text)]


def source_words(data: bytes, filename: str) -> list[Word]:
    """The words of a raw text that are not layout debris, with their line numbers."""
    lines = normalise(data, filename).lines
    out: list[Word] = []
    pending = ""  # a word cut by a line-end hyphen waits for its second half
    for line in lines:
        if line.kind != "text":
            continue
        text = line.text.strip()
        times = match_time_range(text)
        if times:
            start, end, rest = times
            out.extend(Word(t.replace(":", ""), line.no) for t in (start, end) if t)
            text = rest
        text = pending + text
        pending = ""
        m = re.search(r"(\w+)[-‐]$", text)
        if m:
            pending, text = m.group(1), text[:m.start()]
        out.extend(words_of(text, line.no))
    if pending:
        out.extend(words_of(pending, lines[-1].no if lines else 0))
    return out


def xml_words(root: etree._Element) -> list[Word]:
    """The words of a document in order: printed attributes, then text; meta skipped."""
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}
    out: list[Word] = []

    def walk(el: etree._Element) -> None:
        if el.tag == "meta" or not isinstance(el.tag, str):
            return
        if el.tag == "noteref":
            out.append(Word(notes.get(el.get("to"), "")))
        in_list = el.tag == "item" and el.getparent() is not None and el.getparent().tag == "list"
        for attr in LIST_ITEM_ATTRS if in_list else PRINTED_ATTRS.get(el.tag, ()):
            if el.get(attr):
                out.extend(words_of(el.get(attr).replace(":", "")))
        out.extend(words_of(el.text or ""))
        for child in el:
            walk(child)
            out.extend(words_of(child.tail or ""))

    walk(root)
    return out


def meta_words(root: etree._Element) -> list[Word]:
    """The words of the title block (its order in print varies, so it is compared as a bag)."""
    meta = root.find("meta")
    return [] if meta is None else [w for el in meta for w in words_of(el.text or "")]


def split_head(src: list[Word], body: list[Word]) -> int:
    """Index in src where the body starts: the first place its first words are printed."""
    probe = [w.text for w in body[:4]]
    texts = [w.text for w in src]
    for i in range(len(texts) - len(probe) + 1):
        if texts[i:i + len(probe)] == probe:
            return i
    return 0


def compare_head(head: list[Word], meta: list[Word], filename: str) -> list[Diagnostic]:
    """The title block: the same words on both sides, in any order."""
    have = Counter(w.text for w in meta)
    out = []
    for w in head:
        if have[w.text]:
            have[w.text] -= 1
        else:
            out.append(Diagnostic(filename, w.line, f"word lost from the title block: {w.text!r}"))
    extra = [t for t, n in have.items() for _ in range(n)]
    if extra:
        out.append(Diagnostic(filename, None, f"word(s) in the title block but not in the source: "
                                              f"{' '.join(extra)[:200]!r}"))
    return out


def compare(src: list[Word], xml: list[Word], filename: str) -> list[Diagnostic]:
    """Diagnostics for words lost (in the source, not the XML) and words added."""
    a, b = [w.text for w in src], [w.text for w in xml]
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
    diags = [Diagnostic(filename, src[i1].line, f"word(s) lost from the source: {' '.join(a[i1:i2])[:200]!r}")
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


def check_fidelity(data: bytes, filename: str, root: etree._Element) -> list[Diagnostic]:
    """Every source word that is not debris is in the XML once, in order."""
    src, body = source_words(data, filename), xml_words(root)
    cut = split_head(src, body)
    return compare_head(src[:cut], meta_words(root), filename) + compare(src[cut:], body, filename)
