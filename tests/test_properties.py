"""Properties over generated input (hypothesis): the reader never crashes, fmt is stable,
and every writer handles any valid document without losing words."""
from __future__ import annotations

import copy
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import writers
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

SENTENCE = st.lists(WORDS, min_size=1, max_size=15).map(" ".join).map(lambda s: s + ".")


@st.composite
def document_text(draw) -> str:
    """A raw text that reads as a paper or an agenda, with arbitrary words inside."""
    title = draw(st.lists(WORDS, min_size=1, max_size=6).map(" ".join))
    if draw(st.booleans()):
        paras = draw(st.lists(SENTENCE, min_size=1, max_size=6))
        body = "\n\n".join(f"{n}. {p}" for n, p in enumerate(paras, 1))
        return f"TITLE {title}\n\n{body}\n"
    items = draw(st.lists(st.tuples(SENTENCE, st.lists(SENTENCE, max_size=2)), min_size=1, max_size=5))
    lines = [f"{9 + k:02d}:00 – {9 + k:02d}:45 Item {title}\n" + "\n".join(desc)
             for k, (_, desc) in enumerate(items)]
    return f"TITLE {title}\n\n7 July 2008\n\n" + "\n\n".join(lines) + "\n"


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


def words(text: str) -> Counter:
    """Words (letters and digits) with their counts."""
    return Counter(re.findall(r"[^\W_]+", text))


@pytest.mark.parametrize("fmt,examples", [("html", 40), ("epub", 25), ("docx", 8), ("odt", 8)])
def test_every_writer_handles_any_valid_document(fmt: str, examples: int, tmp_path_factory) -> None:
    """For documents read from generated text, each writer succeeds and its output holds
    every word of the document (as many times at least)."""
    from test_markup_escaped import visible_text

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(document_text())
    def check(text: str) -> None:
        try:
            tree = read_text(text.encode("utf-8"), "gen.en.txt").tree
        except PipelineError:
            return
        assert validate(tree, "gen") == []
        reached.append(text)
        dest = tmp_path_factory.mktemp(fmt) / f"gen.{writers.REGISTRY[fmt].ext}"
        writers.get(fmt)(tree, dest, writers.Options())
        shown, _ = visible_text(fmt, dest)
        root = tree.getroot()
        expected = words(" ".join(t for el in root if el.tag != "meta" for t in el.itertext()))
        expected += words(" ".join(el.text or "" for el in root.iterfind("meta/*")))
        missing = expected - words(shown)
        assert not missing, f"{fmt} lost {dict(missing)}"

    reached: list[str] = []
    check()
    assert len(reached) >= examples // 2, "too few generated texts read as documents"
