"""Word's automatic numbering as printed labels: "1.", "(a)", "II.", "•".

pandoc keeps a numbered list's start but drops the number of a numbered heading and the
label's own text ("(a)", "Article 3."); the text reader reads a label typed before the
text. So each numbered paragraph's label is worked out here as Word prints it (counters per
abstract list, levels restarted under a higher one, start overrides, numbering through a
paragraph style) and typed into the paragraph; the numbering is then taken off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ...numerals import roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Bullet characters the text reader knows; any other (a Symbol-font glyph) prints "•".
KNOWN_BULLETS = "•·▪◦●○‣■□➢►*-–—"


def w(tag: str) -> str:
    """A name in the WordprocessingML namespace."""
    return f"{{{W}}}{tag}"


def val(el: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    """The w:val of el's child tag (default when absent)."""
    child = el.find(w(tag)) if el is not None else None
    return child.get(w("val"), default) if child is not None else default


@dataclass
class Level:
    """One level of an abstract list."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None  # restart after this level (1-based); None: after any higher
    legal: bool = False


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word's letter numbering)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """One counter in a level's format (decimal past 9999: no list is that long, and a
    letter label of a huge start would be megabytes)."""
    if not 0 < n <= 9999:
        return str(n) if fmt != "none" else ""
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return "" if fmt == "none" else str(n)


def number(value: str | None, default: int | None = 0) -> int | None:
    """A whole number of an attribute (default when absent or not a number)."""
    return int(value) if value and value.strip().lstrip("-").isdigit() else default


def _level(lvl: etree._Element) -> Level:
    """A Level from a w:lvl element."""
    restart = val(lvl, "lvlRestart")
    return Level(start=number(val(lvl, "start"), 1), fmt=val(lvl, "numFmt", "decimal") or "decimal",
                 text=val(lvl, "lvlText", "") or "", suffix=val(lvl, "suff", "tab") or "tab",
                 restart=number(restart, None),
                 legal=lvl.find(w("isLgl")) is not None)


class Numbering:
    """The numbering of one document: its lists, and the counters as paragraphs go by."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        """The lists of numbering.xml and the numbered styles of styles.xml."""
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # style name -> abstract that defines it
        self.links: dict[str, str] = {}  # abstract -> style whose numbering it follows
        self.level_styles: dict[tuple[str, str], int] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles = _style_numbering(styles)
        if numbering is not None:
            self._read(numbering)

    def _read(self, numbering: etree._Element) -> None:
        """Abstract lists, their levels, and the list instances (w:num)."""
        for ab in numbering.iter(w("abstractNum")):
            key = ab.get(w("abstractNumId"), "")
            self.abstract[key] = {number(lvl.get(w("ilvl"))): _level(lvl)
                                  for lvl in ab.iter(w("lvl"))}
            for lvl in ab.iter(w("lvl")):
                if val(lvl, "pStyle"):
                    self.level_styles[(key, val(lvl, "pStyle"))] = number(lvl.get(w("ilvl")))
            if val(ab, "styleLink"):
                self.style_link[val(ab, "styleLink")] = key
            if val(ab, "numStyleLink"):
                self.links[key] = val(ab, "numStyleLink")
        for num in numbering.iter(w("num")):
            starts = {}
            for over in num.iter(w("lvlOverride")):
                if val(over, "startOverride"):
                    starts[number(over.get(w("ilvl")))] = number(val(over, "startOverride"), 1)
            self.nums[num.get(w("numId"), "")] = (val(num, "abstractNumId", "") or "", starts)

    def _abstract_of(self, num_id: str) -> str | None:
        """The abstract list a list instance counts in; one that only names a numbering
        style (numStyleLink) counts in the list that defines that style."""
        key = self.nums.get(num_id, ("", {}))[0]
        if key in self.links:
            style = self.links[key]
            linked = self.styles.get(style, (None, None))[0]
            key = self.style_link.get(style) or self.nums.get(linked or "", (key, {}))[0]
        return key if key in self.abstract else None

    def label(self, p: etree._Element) -> tuple[str, str] | None:
        """(label, suffix) Word prints before paragraph p, counting it; None when p is not
        numbered (or numbered with an empty label)."""
        ppr = p.find(w("pPr"))
        style = val(ppr, "pStyle")
        num_id, ilvl = self.styles.get(style, (None, None)) if style else (None, None)
        own = ppr.find(w("numPr")) if ppr is not None else None
        if own is not None:
            num_id = val(own, "numId", num_id)
            ilvl = number(val(own, "ilvl"), ilvl)
        if not num_id or num_id == "0":
            return None
        key = self._abstract_of(num_id)
        if key is None:
            return None
        if ilvl is None:
            ilvl = self.level_styles.get((key, style or ""), 0)
        levels = self.abstract[key]
        if ilvl not in levels:
            return None
        counts = self._count(key, num_id, ilvl, levels)
        level = levels[ilvl]
        if level.fmt == "bullet":
            text = level.text if level.text and level.text[0] in KNOWN_BULLETS else "•"
        else:
            text = re.sub(r"%([1-9])", lambda m: self._printed(m, counts, levels, level.legal),
                          level.text)
        return (text, level.suffix) if text.strip() else None

    def _printed(self, m: re.Match, counts: dict[int, int], levels: dict[int, Level],
                 legal: bool) -> str:
        """The counter a %N of a level's text stands for."""
        k = int(m.group(1)) - 1
        lvl = levels.get(k, Level())
        return format_number(counts.get(k, lvl.start), "decimal" if legal else lvl.fmt)

    def _count(self, key: str, num_id: str, ilvl: int, levels: dict[int, Level]) -> dict[int, int]:
        """Count one paragraph at level ilvl of abstract list key; the counters after it."""
        counts = self.counters.setdefault(key, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.nums.get(num_id, ("", {}))[1].items():
                counts[lvl] = start - 1
        start = levels[ilvl].start
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels.get(deeper, Level()).restart  # 1-based; 0: never
            if restart is None or (restart and ilvl < restart):
                del counts[deeper]
        return counts


def _style_numbering(styles: etree._Element | None) -> dict[str, tuple[str | None, int | None]]:
    """styleId -> (numId, ilvl or None) of every paragraph style numbered itself or
    through the style it is based on."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(w("style")):
        sid = style.get(w("styleId"), "")
        numpr = style.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is not None:
            ilvl = val(numpr, "ilvl")
            own[sid] = (val(numpr, "numId"), number(ilvl, None))
        if val(style, "basedOn"):
            based[sid] = val(style, "basedOn")
    out = {}
    for sid in {*own, *based}:
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur)
        if cur in own:
            out[sid] = own[cur]
    return out
