"""Quality checks on two aligned language versions: rows, flags and a summary.

``check(a_tree, b_tree)`` aligns the two documents (``align.TranslationScore``) and gives
each row the flags that apply to it:
- ``missing``: a unit is in one version only (``side`` names the version that lacks it); a
  footnote that only one version has is not flagged again when the unit that refers to it
  is already flagged;
- ``number-mismatch``: the values printed in the two units differ (figures, dates, times,
  article numbers, compared after normalisation: ``numbers.numbers``);
- ``footnote-count``: the two units refer to a different number of footnotes; or, when no
  unit explains it, the two documents have a different number of footnotes;
- ``name-mismatch``: a person's name differs;
- ``length``, ``untranslated``, ``order``: see qa.py (a unit too long or short for its
  counterpart, the same text in both versions, questions or persons in another order);
- ``accents``: a capital that lost its accent in a French or Spanish version (``Etat``
  for ``État``: accents.py); ``side`` names the version.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .accents import Spelling
from .align import TranslationScore, align, same_name
from . import qa
from .numbers import printed_numbers
from .units import Unit, language, units

FLAG_KINDS = ("missing", "number-mismatch", "footnote-count", "name-mismatch", "length",
              "untranslated", "order", "accents")


@dataclass(frozen=True)
class Flag:
    """One QA finding on one row."""

    kind: str
    #: The unit's label (A's when A has it): "para 2", "person 3 in item ...".
    unit: str
    #: For ``missing``: the version that lacks the unit ("a" or "b"); for ``accents``, the
    #: version that lost them.
    side: str | None = None
    #: Values for the message: a_only/b_only (printed numbers), a/b counts, names.
    args: tuple[tuple[str, str], ...] = ()

    def arg(self, name: str) -> str:
        """One message value ("" when absent)."""
        return dict(self.args).get(name, "")

    def as_dict(self) -> dict[str, str]:
        """The flag as plain data (for JSON and tests)."""
        out = {"kind": self.kind, "unit": self.unit}
        if self.side:
            out["side"] = self.side
        out.update(self.args)
        return out


@dataclass
class Row:
    """One line of the side-by-side view: a unit of A, its counterpart in B, the flags."""

    a: Unit | None
    b: Unit | None
    flags: list[Flag] = field(default_factory=list)
    #: The flagged unit that already accounts for this lone footnote.
    see: Unit | None = None


@dataclass
class Check:
    """The result of comparing two language versions."""

    lang_a: str
    lang_b: str
    title_a: str
    title_b: str
    rows: list[Row]
    flags: list[Flag]
    counts: dict[str, int]


def check(a_tree: etree._ElementTree, b_tree: etree._ElementTree) -> Check:
    """Align two language versions of one document and flag what a reviser must look at."""
    lang_a, lang_b = language(a_tree), language(b_tree)
    ua, ub = units(a_tree), units(b_tree)
    scorer = TranslationScore(ua, ub, lang_a, lang_b)
    ratio = qa.expected_ratio(lang_a, lang_b, scorer.ratio)
    rows = [Row(a, b) for a, b in align(ua, ub, scorer)]
    spelling = Spelling(ua, lang_a), Spelling(ub, lang_b)
    for row in rows:
        row.flags = _row_flags(row, lang_a, lang_b) + _qa_flags(row, lang_a, lang_b, ratio) \
            + _accent_flags(row, spelling)
    _person_order(rows)
    _lone_footnotes(rows)
    _overall_footnotes(rows, ua, ub)
    flags = [f for row in rows for f in row.flags]
    counts = {"units_a": len(ua), "units_b": len(ub), "rows": len(rows),
              "matched": sum(1 for r in rows if r.a and r.b),
              "footnotes_a": sum(1 for u in ua if u.kind == "footnote"),
              "footnotes_b": sum(1 for u in ub if u.kind == "footnote"),
              "flags": len(flags)}
    counts.update({kind: sum(1 for f in flags if f.kind == kind) for kind in FLAG_KINDS})
    return Check(lang_a, lang_b, _title(ua), _title(ub), rows, flags, counts)


def _title(found: list[Unit]) -> str:
    """The document title among the units."""
    return next((u.text for u in found if u.key == ("meta", "title")), "")


def _row_flags(row: Row, lang_a: str, lang_b: str) -> list[Flag]:
    """The flags of one row, footnotes that only one side has excepted (see below)."""
    a, b = row.a, row.b
    if a is None or b is None:
        if (a or b).kind == "footnote":
            return []
        return [Flag("missing", (a or b).label, "b" if b is None else "a")]
    flags = []
    na, nb = printed_numbers(a.text, lang_a), printed_numbers(b.text, lang_b)
    ca, cb = Counter(v for v, _ in na), Counter(v for v, _ in nb)
    if ca != cb:
        flags.append(Flag("number-mismatch", a.label, args=(
            ("a_only", _printed(ca - cb, na)), ("b_only", _printed(cb - ca, nb)))))
    if len(a.notes) != len(b.notes):
        flags.append(Flag("footnote-count", a.label, args=(
            ("a", str(len(a.notes))), ("b", str(len(b.notes))),
            ("a_notes", ", ".join(a.notes)), ("b_notes", ", ".join(b.notes)))))
    if a.kind == "person" and not same_name(a.name, b.name):
        flags.append(Flag("name-mismatch", a.label, args=(("a", a.name), ("b", b.name))))
    return flags


def _qa_flags(row: Row, lang_a: str, lang_b: str, ratio: float) -> list[Flag]:
    """Length, untranslated text and question order on one row of two units."""
    a, b = row.a, row.b
    if a is None or b is None:
        return []
    flags = []
    off = qa.length_off(a, b, ratio)
    if off is not None:
        flags.append(Flag("length", a.label, args=(("a", str(len(a.text))), ("b", str(len(b.text))),
                                                   ("expected", str(round(len(a.text) * ratio))))))
    if qa.untranslated(a, b):
        flags.append(Flag("untranslated", a.label))
    if a.kind == "item":
        order = qa.question_order(a.extra.get("questions", []), b.extra.get("questions", []),
                                  lang_a, lang_b, ratio)
        if order:
            flags.append(Flag("order", a.label, args=(("what", "questions"), (
                "b", ", ".join(str(j + 1) for j in order)))))
    return flags


def _accent_flags(row: Row, spelling: tuple[Spelling, Spelling]) -> list[Flag]:
    """One flag per version whose unit prints a capital without its accent."""
    flags = []
    for side, unit, spelt in (("a", row.a, spelling[0]), ("b", row.b, spelling[1])):
        lost = spelt.lost(unit) if unit is not None else []
        if lost:
            flags.append(Flag("accents", (row.a or row.b).label, side, args=(
                ("words", ", ".join(f"{w} → {e}" for w, e in lost)),)))
    return flags


def _person_order(rows: list[Row]) -> None:
    """The same persons in another order in an item: one order flag on the item's row
    instead of a name flag on each person."""
    items: dict[str, list[Row]] = {}
    for row in rows:
        if row.a and row.b and row.a.kind == "person":
            items.setdefault(row.a.context, []).append(row)
    for context, group in items.items():
        if not qa.names_reordered([r.a.name for r in group], [r.b.name for r in group]):
            continue
        for r in group:
            r.flags = [f for f in r.flags if f.kind != "name-mismatch"]
        owner = next((r for r in rows if r.a and f"item {r.a.ref}" == context), group[0])
        owner.flags.append(Flag("order", owner.a.label, args=(("what", "persons"), (
            "b", ", ".join(r.b.name for r in group)))))


def _printed(values: Counter, found: list[tuple[str, str]]) -> str:
    """The printed forms of some values, in text order ("12 mars 2009; 37")."""
    out, left = [], Counter(values)
    for value, printed in found:
        if left[value] > 0:
            left[value] -= 1
            out.append(printed)
    return "; ".join(dict.fromkeys(out))


def _lone_footnotes(rows: list[Row]) -> None:
    """A footnote in one version only: explained by its flagged referrer, else missing."""
    flagged: dict[tuple[str, str], Unit] = {}
    for row in rows:
        for side, unit in (("a", row.a), ("b", row.b)):
            if unit is not None and row.flags and unit.kind != "footnote":
                for n in unit.notes:
                    flagged[(side, n)] = unit
    for row in rows:
        unit = row.a or row.b
        if unit.kind != "footnote" or (row.a and row.b):
            continue
        side = "a" if row.a else "b"
        row.see = flagged.get((side, unit.ref))
        if not row.see:
            row.flags.append(Flag("missing", unit.label, "b" if side == "a" else "a"))


def _overall_footnotes(rows: list[Row], ua: list[Unit], ub: list[Unit]) -> None:
    """Different numbers of footnotes that no row's flag accounts for: one flag."""
    fa = sum(1 for u in ua if u.kind == "footnote")
    fb = sum(1 for u in ub if u.kind == "footnote")
    explained = any(f.kind == "footnote-count" or (f.kind == "missing" and f.unit.startswith(
        "footnote")) for row in rows for f in row.flags)
    if fa != fb and not explained:
        last = next((r for r in reversed(rows) if (r.a or r.b).kind == "footnote"), rows[-1])
        last.flags.append(Flag("footnote-count", "footnotes", args=(("a", str(fa)),
                                                                    ("b", str(fb)))))
