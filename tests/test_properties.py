"""Properties over generated input (hypothesis): the reader never crashes, fmt is stable,
and every writer handles any valid document without losing words."""
from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.errors import PipelineError
from pipeline.readers.text import read_text
from pipeline.validate import validate
from pipeline.xmlio import reformat, serialize

WORDS = st.sampled_from(["return", "migration", "Session", "retour", "développement", "I.",
                         "(a)", "Modérateur:", "Speakers:", "•", "–", "2008", "13(2)", "home.1",
                         "<script>", "&amp;", "“quoted”", "main-", "d’œuvre", "Débat général",
                         "Questions to guide the discussion:", "Fin de la journée", ":", "?"])
LINE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=12).map(" ".join),
    st.builds(lambda h, m, t: f"{h:02d}h{m:02d} – {h + 1:02d}h{m:02d} {t}",
              st.integers(0, 22), st.sampled_from([0, 15, 30]), st.sampled_from(["Session II: Tools", "Pause", "Enregistrement"])),
    st.builds(lambda n, t: f"{n}. {t}", st.integers(1, 6), st.sampled_from(["Return is planned.", "Le retour"])),
    st.sampled_from(["", " ", "7 juillet 2008   Première journée", "- 2 -", "\f", " " * 40,
                     "1  A footnote text.", "MC/INF/293", "ORDRE DU JOUR", "I. INTRODUCTION"]),
    st.text(max_size=40),
)
TEXT = st.lists(LINE, max_size=40).map("\n".join)


def texts(root: etree._Element) -> list[str]:
    """Every text node that is not layout whitespace, in document order."""
    return [t for t in root.itertext() if t.strip()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_reader_returns_valid_xml_or_the_documented_error(text: str) -> None:
    """For any text: a valid document, or a PipelineError with file:line messages."""
    try:
        result = read_text(text.encode("utf-8"), "gen.en.txt")
    except PipelineError as exc:
        assert all(str(d).startswith("gen.en.txt") for d in exc.diagnostics)
        return
    assert [str(d) for d in validate(result.tree, "gen.en.txt")] == []


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_fmt_is_idempotent_and_keeps_text(text: str) -> None:
    """fmt(fmt(x)) == fmt(x), and the text content is unchanged."""
    try:
        result = read_text(text.encode("utf-8"), "gen.en.txt")
    except PipelineError:
        return
    root = result.tree.getroot()
    before = texts(root)
    once = serialize(copy.deepcopy(root), "gen.xml")
    assert texts(etree.fromstring(once)) == before
    twice = reformat(once, "gen.xml")
    assert twice == once
    messy = etree.tostring(root, encoding="utf-8")
    assert reformat(messy, "gen.xml") == once
    assert texts(etree.fromstring(once)) == before
