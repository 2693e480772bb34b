"""Aligning language versions: correct translations raise no flag, known faults exactly theirs."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from compare_support import DOCS, FIXTURES, remove_keep_tail
from pipeline.compare.flags import check
from pipeline.documents import load_valid

ALIGN = FIXTURES / "align"
PAIRS = [("fr", "en"), ("fr", "es"), ("en", "es")]


def flag_keys(result) -> list[tuple[str, str, str | None]]:
    """The flags as (kind, unit, side), sorted."""
    return sorted((f.kind, f.unit, f.side) for f in result.flags)


@pytest.mark.parametrize("docid", DOCS)
@pytest.mark.parametrize("la, lb", PAIRS)
def test_seed_translations_raise_no_flag(seed, docid: str, la: str, lb: str) -> None:
    """The published language versions of both seeds align unit for unit, without a flag."""
    result = check(load_valid(seed(docid, la)), load_valid(seed(docid, lb)))
    assert flag_keys(result) == []
    assert result.counts["matched"] == result.counts["units_a"] == result.counts["units_b"]
    assert all(r.a.key == r.b.key for r in result.rows)


def test_faulty_translation_raises_exactly_the_three_known_flags(parse) -> None:
    """a.fr / b.en: one changed date, one missing paragraph, one extra footnote; nothing else."""
    expected = json.loads((ALIGN / "expected.json").read_text("utf-8"))
    result = check(load_valid(parse(ALIGN / expected["a"])),
                   load_valid(parse(ALIGN / expected["b"])))
    want = sorted((f["kind"], f["unit"], f.get("side")) for f in expected["flags"])
    assert flag_keys(result) == want
    by_kind = {f.kind: f for f in result.flags}
    assert by_kind["number-mismatch"].arg("a_only") == "12 mars 2009"
    assert by_kind["number-mismatch"].arg("b_only") == "21 March 2009"
    assert (by_kind["footnote-count"].arg("a"), by_kind["footnote-count"].arg("b")) == ("0", "1")
    # b renumbered its para 6 as 5: the alignment pairs it with a's para 6 by content
    last = [r for r in result.rows if r.a is not None and r.a.label == "para 6"][0]
    assert last.b is not None and last.b.label == "para 5" and not last.flags
    # b's extra footnote 3 is shown alone, explained by the flag on para 4
    lone = [r for r in result.rows if r.a is None][0]
    assert lone.b.label == "footnote 3" and lone.see.label == "para 4" and not lone.flags


def test_good_translation_raises_no_flag(parse) -> None:
    """good.fr / good.en: the correct translation of the same text."""
    expected = json.loads((ALIGN / "expected-good.json").read_text("utf-8"))
    result = check(load_valid(parse(ALIGN / expected["a"])),
                   load_valid(parse(ALIGN / expected["b"])))
    assert [f.as_dict() for f in result.flags] == expected["flags"] == []


def edited(path: Path, xpath: str, change) -> etree._ElementTree:
    """A copy of a document with ``change`` applied to the first element ``xpath`` selects."""
    tree = copy.deepcopy(load_valid(path))
    change(tree.xpath(xpath)[0])
    return tree


def test_changed_name_is_flagged(seed) -> None:
    """A person whose name differs in the translation: one name-mismatch flag."""
    en = seed("idm2008-ws2-agenda", "en")
    fr = load_valid(seed("idm2008-ws2-agenda", "fr"))
    wrong = edited(en, "//item[@n='II']//person[3]/name",
                   lambda el: setattr(el, "text", "Andrew Lockhart"))
    result = check(fr, wrong)
    assert flag_keys(result) == [
        ("name-mismatch", "person 4 in item 2008-07-07 15:00–18:00", None)]


def test_changed_item_time_is_a_number_mismatch_on_that_item(seed) -> None:
    """An item printed at another time still aligns (by position) and is flagged once."""
    en = seed("idm2008-ws2-agenda", "en")
    fr = load_valid(seed("idm2008-ws2-agenda", "fr"))
    wrong = edited(en, "//day[2]/item[1]", lambda el: el.set("start", "09:30"))
    result = check(fr, wrong)
    assert flag_keys(result) == [("number-mismatch", "item 2008-07-08 10:00–10:30", None)]
    flag = result.flags[0]
    assert flag.arg("a_only") == "10:00" and flag.arg("b_only") == "09:30"


def test_missing_speaker_is_one_missing_flag(seed) -> None:
    """A speaker left out of one version: only that person is flagged, the others align."""
    en = seed("idm2008-ws2-agenda", "en")
    fr = load_valid(seed("idm2008-ws2-agenda", "fr"))
    wrong = edited(en, "//item[@n='III']//speakers/person[2]",
                   lambda el: el.getparent().remove(el))
    result = check(fr, wrong)
    assert flag_keys(result) == [("missing", "person 3 in item 2008-07-08 10:30–13:00", "b")]


def test_left_out_footnote_is_one_flag_on_its_paragraph(seed) -> None:
    """A footnote left out with its reference: one footnote-count flag, where it was called."""
    en = load_valid(seed("idm2008-return-migration-paper", "en"))
    fr = seed("idm2008-return-migration-paper", "fr")

    def drop_note(fn: etree._Element) -> None:
        """Remove the footnote element."""
        fn.getparent().remove(fn)
    short = edited(fr, "//footnote[@n='2']", drop_note)
    for ref in short.xpath("//noteref[@to='fn2']"):
        remove_keep_tail(ref)
    result = check(short, en)
    assert flag_keys(result) == [("footnote-count", "para 3", None)]
    lone = [r for r in result.rows if r.a is None]
    assert [r.b.label for r in lone] == ["footnote 2"] and lone[0].see.label == "para 3"


