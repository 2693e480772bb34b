"""A TMX 1.4b translation memory from language versions that exist.

``memory(trees)`` aligns each version with the first (the pivot) piece by piece: the pieces
are the translatable leaves that an XLIFF has as units (leaves.py: each p, title, heading,
question, role, footnote, label), made compare.units.Unit so that compare.align pairs them
with its translation score (structural key, numbers, length, footnote references: a piece
left out of one version stands alone). Inside each pair, sentence by sentence
(segment.py): cut when both have as many sentences, each pair printing the same numbers
and of plausible lengths; otherwise the pair is kept whole. A footnote reference is an
empty ``<ph type="x-noteref"/>`` where it stands. ``write(tus, pivot)`` gives the file:
one ``<tu>`` per pivot segment, with a ``<tuv>`` for each language that has it, in a
stable order, with no dates (the file changes only when the texts do).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..compare.align import TranslationScore, align
from ..compare.numbers import numbers
from ..compare.units import Unit, language, segments_of
from .leaves import leaves
from ..xmlio import XML_NS
from .segment import sentences

#: A pair of sentences whose lengths differ more than this factor is not trusted.
RATIO = 2.5
LETTER = re.compile(r"[^\W\d_]")
#: Footnote n is chr(NOTE + n) inside the texts, a <ph> in the file.
NOTE = 0xE000
NOTES = re.compile("[\ue000-\ue0ff]")


@dataclass
class Tu:
    """One translation unit: the pivot's text and the other languages' texts."""

    tuid: str
    texts: dict[str, str] = field(default_factory=dict)


def _pairs(a: str, b: str, lang_a: str, lang_b: str) -> list[tuple[str, str]]:
    """The sentence pairs of two blocks, or the blocks whole when they do not match."""
    sa, sb = sentences(a, lang_a), sentences(b, lang_b)
    if len(sa) == len(sb) and all(_plausible(x, y, lang_a, lang_b) for x, y in zip(sa, sb)):
        return list(zip(sa, sb))
    return [(a, b)]


def _plausible(x: str, y: str, lang_x: str, lang_y: str) -> bool:
    """Same numbers printed, and lengths within RATIO of each other."""
    if numbers(x, lang_x) != numbers(y, lang_y):
        return False
    return max(len(x), len(y)) <= RATIO * max(1, min(len(x), len(y)))


def pieces(tree: etree._ElementTree) -> list[Unit]:
    """The translatable leaves of a document as comparable units, in order."""
    root = tree.getroot()
    notes = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}
    out = []
    for leaf in leaves(root):
        if not leaf.translate:
            continue
        segs = (("text", leaf.element.get(leaf.attr)),) if leaf.attr else \
            tuple(segments_of(leaf.element, notes))
        unit = Unit(leaf.kind, leaf.id, (leaf.id,), (leaf.kind,), segs)
        out.append(unit)
    return out


def marked(unit: Unit) -> str:
    """A unit's text with each footnote reference as one private-use character."""
    return "".join(v if k == "text" else chr(NOTE + int(v) if v.isdigit() else NOTE)
                   for k, v in unit.segments)


def _segments(a: Unit, b: Unit, lang_a: str, lang_b: str) -> list[tuple[str, str, str]]:
    """(position, pivot text, other text) for one pair of aligned pieces."""
    pairs = _pairs(marked(a), marked(b), lang_a, lang_b)
    return [(f"{j + 1}", s, t) for j, (s, t) in enumerate(pairs)
            if LETTER.search(s) and LETTER.search(t)]


def memory(trees: list[etree._ElementTree], docid: str) -> tuple[str, list[Tu]]:
    """The pivot language and the translation units of several language versions (the
    first is the pivot)."""
    pivot = language(trees[0])
    pivot_units = pieces(trees[0])
    found: dict[tuple[str, str], Tu] = {}
    for tree in trees[1:]:
        lang, other = language(tree), pieces(tree)
        for a, b in align(pivot_units, other, TranslationScore(pivot_units, other, pivot, lang)):
            if a is None or b is None:
                continue
            for pos, s, t in _segments(a, b, pivot, lang):
                key = (f"{docid}/{a.ref}/{pos}", s)
                tu = found.setdefault(key, Tu(key[0], {pivot: s}))
                tu.texts.setdefault(lang, t)
    return pivot, [tu for tu in found.values() if len(tu.texts) > 1]


def write(pivot: str, tus: list[Tu]) -> bytes:
    """The TMX 1.4b file of translation units."""
    from .. import __name__ as package

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": package, "creationtoolversion": _version(), "segtype": "sentence",
        "o-tmf": "pipeline-xml", "adminlang": "en", "srclang": pivot, "datatype": "plaintext"})
    body = etree.SubElement(root, "body")
    for tu in tus:
        el = etree.SubElement(body, "tu", tuid=tu.tuid)
        for lang in [pivot] + sorted(k for k in tu.texts if k != pivot):
            tuv = etree.SubElement(el, "tuv", {f"{{{XML_NS}}}lang": lang})
            _seg(etree.SubElement(tuv, "seg"), tu.texts[lang])
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _seg(seg: etree._Element, text: str) -> None:
    """Fill a <seg>: text, and an empty <ph x="k" type="x-noteref"/> for each footnote
    reference (a tool reading level-2 tags makes it a code of its own, OmegaT <x0/>, which
    matches the footnote code of our XLIFF)."""
    pieces = NOTES.split(text)
    seg.text = pieces[0]
    for k, tail in enumerate(pieces[1:], 1):
        etree.SubElement(seg, "ph", x=str(k), type="x-noteref").tail = tail


def _version() -> str:
    """The package's version (0 when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pipeline")
    except PackageNotFoundError:
        return "0"
