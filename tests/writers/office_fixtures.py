"""Shared fixtures and helpers of the DOCX and ODT writer tests (real pandoc, no mocks).

``office_documents`` parses every ``sources/*.txt`` with the real CLI into a temporary
folder and adds two hand-written feature documents (lists, nested sections, notes with
paragraphs, an agenda without heading, items without end time, unlabelled people) and the
reader's checked goldens (tests/fixtures/reader/*/expected.xml).
What each output must contain is computed from the XML here, once for both formats; the
word-order check is conftest's ``words_check``, shared with the HTML and EPUB tests.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

import pytest
from lxml import etree

from pipeline.validate import validate
from pipeline.writers.docx.house import document_tag

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p.stem for p in (ROOT / "sources").glob("*.txt"))
#: The reader's checked goldens (tests/fixtures/reader/<case>/expected.xml): more variants.
GOLDENS = {f"golden-{p.parent.name}": p
           for p in sorted((ROOT / "tests" / "fixtures" / "reader").glob("*/expected.xml"))}
WORD = re.compile(r"\w+")

#: Every style the issue names, which every reference document must define.
REQUIRED_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Footnote Text",
                   "List Bullet", "Agenda Time", "Item Title", "Person", "Question",
                   "Numbered Paragraph", "Day Heading", "Discussion")

FEATURE_PAPER = """<document id="features-paper" type="paper" xml:lang="en" version="1">
  <meta>
    <title>Features <emph>of</emph> a paper</title>
    <subtitle>Lists, sections and notes</subtitle>
    <series>TEST SERIES</series>
    <meeting>TEST MEETING</meeting>
    <symbol>MC/INF/999</symbol>
    <original-language>Original: English</original-language>
    <dates from="2009-03-02" to="2009-03-03">2 – 3 March 2009</dates>
    <source file="features.txt" sha256="{sha}"/>
  </meta>
  <body>
    <p>An unnumbered opening paragraph with <strong>strong</strong> words.</p>
    <para n="1">
      <p>First numbered paragraph, with a note.<noteref to="fn1"/></p>
      <list style="alpha">
        <item n="a">alpha item one;</item>
        <item n="b"><p>alpha item two, first p;</p><p>alpha item two, second p.</p>
          <list style="roman"><item n="i">roman nested</item><item n="ii">roman two</item></list>
        </item>
      </list>
      <p>Continuation of the first paragraph.</p>
    </para>
    <section>
      <heading n="I">Level one heading</heading>
      <para n="2"><p>Second paragraph, second note.<noteref to="fn2"/></p>
        <list style="bullet"><item>bullet one</item>
          <item><p>bullet two</p><list style="bullet"><item>bullet nested</item></list></item>
        </list>
      </para>
      <section>
        <heading>Level two heading</heading>
        <list style="number"><item n="1">number one</item><item n="7">number seven</item></list>
        <section>
          <heading n="A">Level three heading</heading>
          <para n="3"><p>Third paragraph, deep inside.</p></para>
        </section>
      </section>
    </section>
  </body>
  <footnotes>
    <footnote id="fn1" n="1">A plain note with <emph>emphasis</emph>.</footnote>
    <footnote id="fn2" n="2"><p>A note with two paragraphs, first.</p><p>And second.</p></footnote>
  </footnotes>
</document>
"""

FEATURE_AGENDA = """<document id="features-agenda" type="agenda" xml:lang="es" version="1">
  <meta>
    <title>Programa de prueba</title>
    <source file="features.txt" sha256="{sha}"/>
  </meta>
  <agenda>
    <day date="2009-03-02">
      <heading>2 de marzo de 2009 Primer día</heading>
      <item start="09:00" kind="registration"><title>Inscripción</title></item>
      <item start="10:00" end="11:00" kind="session" n="1">
        <title>Sesión sin etiqueta</title>
        <p>Descripción con nota.<noteref to="fn1"/></p>
        <moderator><person><name>Ana Pérez</name></person></moderator>
        <moderator label="Copresidenta">
          <person><name>Eva Ruiz</name><role>Directora</role></person></moderator>
        <speakers><person><name>Luis Gil</name><role>Ministro, País</role></person></speakers>
        <questions><question>¿Primera pregunta?</question><question>¿Segunda?</question></questions>
      </item>
      <item start="11:00" end="12:00" kind="session" n="II" label="Sesión">
        <title>Con etiqueta</title>
        <speakers label="Ponentes"><person><name>Rosa Díaz</name></person></speakers>
        <questions><lead>Preguntas:</lead><question>¿Tercera?</question></questions>
        <discussion>Debate general</discussion>
      </item>
    </day>
    <day date="2009-03-03">
      <heading>3 de marzo de 2009 Segundo día</heading>
      <item start="09:30" kind="closing"><title>Clausura</title></item>
      <end>Fin del taller</end>
    </day>
  </agenda>
  <footnotes>
    <footnote id="fn1" n="1"><p>Nota del programa.</p></footnote>
  </footnotes>
</document>
"""
#: A UN provisional agenda with its programme of work in an annex (R16: entries that say
#: when they meet, one meeting an item at two rows, a note and documents in a row, a note
#: above the table), a second annex in prose, a job number (R15) and a status (R18).
FEATURE_WORK = """<document id="features-work" type="agenda" xml:lang="fr" version="2">
  <meta>
    <title>Ordre du jour provisoire et programme de travail</title>
    <symbol>E/TEST/2029/L.1</symbol>
    <original-language>Original : anglais</original-language>
    <organisation>Nations Unies, Conseil économique et social</organisation>
    <issued date="2029-03-30">30 mars 2029</issued>
    <distribution level="limited">Distr. limitée</distribution>
    <session>Commission d’essai, Première session</session>
    <job>29-05123 (F)</job>
    <status>Version préliminaire non éditée</status>
    <source file="features.txt" sha256="{sha}"/>
  </meta>
  <agenda>
    <entry n="1"><title>Questions d’organisation :</title>
      <entry n="a"><title>Élection du Bureau ;</title></entry>
      <entry n="b"><title>Adoption de l’ordre du jour.</title></entry>
      <documents label="Documentation"><doc symbol="E/TEST/2029/1">Ordre du jour provisoire</doc></documents>
    </entry>
    <entry n="2"><title>Débat général.</title><p>La Commission tiendra un débat général.</p></entry>
    <annex n="I"><heading>Annexe I</heading><heading>Projet de programme de travail</heading>
    <p>Le programme pourra être modifié par le Bureau.</p>
    <entry n="1" day="2029-04-09" start="10:00" end="13:00"><title>Questions d’organisation</title></entry>
    <entry n="2" day="2029-04-09" start="10:00" end="13:00"><title>Débat général</title>
      <p>Séance de haut niveau.<noteref to="fn1"/></p></entry>
    <entry n="2" day="2029-04-09" start="15:00" end="18:00"><title>Débat général (suite)</title></entry>
    <entry n="3(a)" day="2029-04-10" start="10:00"><title>Rapport sur les travaux</title>
      <documents><doc symbol="E/TEST/2029/2">Rapport du Secrétaire général</doc></documents></entry>
    </annex>
    <annex n="II"><heading>Annexe II</heading><heading>Organisation des travaux</heading>
      <para n="1"><p>La Commission disposera de quatre séances.</p>
        <list style="alpha"><item n="a">Le lundi : points 1 et 2 ;</item><item n="b">Le mardi : point 3.</item></list></para>
      <para n="2"><p>Les séances se tiendront en salle de conférence 4.</p></para>
    </annex>
  </agenda>
  <footnotes><footnote id="fn1" n="1">Avec la participation des ministres.</footnote></footnotes>
</document>
"""
FEATURES = {"features-paper.en": FEATURE_PAPER, "features-agenda.es": FEATURE_AGENDA,
            "features-work.fr": FEATURE_WORK}
NAMES = SOURCES + sorted(FEATURES) + sorted(GOLDENS)
#: The feature documents of tests/writers/conftest.py (fixture ``feature_docs``).
FEATURE_DOCS = ("feature-paper.en", "feature-agenda.es", "feature-headless-day.es",
                "feature-work.fr")
#: conftest's ``words_check``: (XML root, output words) -> problems.
WordsCheck = Callable[[etree._Element, list[str]], list[str]]


def pipeline_command() -> list[str]:
    """The installed ``pipeline`` console script beside this Python, else ``python -m``."""
    script = Path(sys.executable).parent / "pipeline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]


@pytest.fixture(scope="session")
def office_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every source parsed by the real CLI, plus the feature documents: name -> XML path."""
    folder = tmp_path_factory.mktemp("office-xml")
    found = {}
    for name in SOURCES:
        dest = folder / f"{name}.xml"
        proc = subprocess.run(pipeline_command() + ["parse", str(ROOT / "sources" / f"{name}.txt"),
                                                    "-o", str(dest)],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert proc.returncode == 0, f"pipeline parse {name}.txt failed:\n{proc.stderr}"
        found[name] = dest
    texts = {name: text.format(sha="0" * 64) for name, text in FEATURES.items()}
    texts.update({name: path.read_text(encoding="utf-8") for name, path in GOLDENS.items()})
    for name, text in texts.items():
        dest = folder / f"{name}.xml"
        dest.write_text(text, encoding="utf-8")
        errors = validate(etree.parse(str(dest)), str(dest))
        assert not errors, f"{name} is invalid:\n" + "\n".join(map(str, errors))
        found[name] = dest
    return found


# ------------------------------------------------------------------ reading the XML

def load(path: Path) -> etree._Element:
    """The root of an XML document."""
    return etree.parse(str(path)).getroot()


def norm(text: str) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return " ".join(text.split())


def text_of(el: etree._Element | None) -> str:
    """The normalised text of an element (empty for None)."""
    return norm("".join(el.itertext())) if el is not None else ""


def expected_tag(root: etree._Element) -> str:
    """The language tag the writers must put on the styles."""
    return document_tag(root)


def expected_styles(root: etree._Element) -> Counter[str]:
    """How many paragraphs each named style must hold, from the XML alone."""
    c: Counter[str] = Counter()
    meta = root.find("meta")
    from pipeline.writers.docx.body import TITLE_BLOCK

    for tag, style in TITLE_BLOCK:
        if style != "Original Language":  # not counted: the symbol line's companion
            c[style] += meta.find(tag) is not None
    c["Numbered Paragraph"] = len(root.findall(".//para"))
    for section in root.iter("section", "annex"):
        depth = sum(1 for a in section.iterancestors() if a.tag in ("section", "annex")) + 1
        c[f"Heading {min(depth, 6)}"] += 1
        c[f"Heading {min(depth + 1, 6)}"] += len(section.findall("heading")[1:])  # an annex's title
    c["Heading 1"] += len(root.findall("body/summary/heading"))
    for entry in root.iter("entry"):  # provisional agendas: each item a heading
        if in_work_table(entry):  # in a programme of work's table: a title in a cell
            c["Item Title"] += 1
            c["Item Description"] += len(entry.findall("p"))
        else:
            c[f"Heading {min(sum(1 for a in entry.iterancestors('entry')) + 2, 6)}"] += 1
    for entry, before in work_rows(root):  # its number and time; its day when it changes
        c["Agenda Time"] += 1 + bool(entry.get("start"))
        c["Programme Day"] += bool(entry.get("day") and (
            before is None or before.get("day") != entry.get("day")))
    c["List Bullet"] += len(root.findall(".//documents/doc"))
    for item in root.iterfind(".//list/item"):
        depth = sum(1 for a in item.iterancestors() if a.tag == "list")
        kind = "List Bullet" if item.getparent().get("style") == "bullet" else "List Number"
        c[kind + ("" if depth == 1 else " 2")] += 1
    c["Day Heading"] = len(root.findall(".//day"))
    c["Agenda Time"] += len(root.findall(".//day/item"))
    c["Item Title"] += len(root.findall(".//day/item"))
    c["Person"] = len(root.findall(".//moderator")) + len(root.findall(".//speakers/person")) \
        + len(root.findall(".//rapporteur"))
    c["Question"] = len(root.findall(".//question"))
    c["Question Lead"] = len(root.findall(".//questions/lead"))
    c["Discussion"] = len(root.findall(".//discussion"))
    c["Day End"] = len(root.findall(".//day/end"))
    return +c


def timed(entry: etree._Element) -> bool:
    """True for an entry that says when it meets."""
    return bool(entry.get("day") or entry.get("start"))


def in_work_table(entry: etree._Element) -> bool:
    """True for an entry printed in a programme of work's table: it, or an entry above it,
    says when it meets."""
    return any(timed(e) for e in (entry, *entry.iterancestors("entry")))


def work_rows(root: etree._Element) -> list[tuple[etree._Element, etree._Element | None]]:
    """Each entry that says when it meets (a row of a programme of work's table), with the
    row above it in the same table (None for a table's first row)."""
    found = []
    for entry in root.iter("entry"):
        if timed(entry):
            before = entry.getprevious()
            found.append((entry, before if before is not None and before.tag == "entry"
                          and timed(before) else None))
    return found


def work_tables(root: etree._Element) -> int:
    """How many programme-of-work tables the office writers print: one per run of sibling
    entries that say when they meet."""
    return sum(1 for entry, before in work_rows(root) if before is None)


def job_date_code(root: etree._Element) -> str:
    """The date code a UN page foot prints: the date of issue as DDMMYY (R15)."""
    year, month, day = root.find("meta/issued").get("date").split("-")
    return f"{day}{month}{year[2:]}"


def footnote_texts(root: etree._Element) -> list[str]:
    """The footnotes' texts in order (paragraphs joined by a space)."""
    return [" ".join(text_of(p) for p in fn.findall("p")) or text_of(fn)
            for fn in root.iterfind("footnotes/footnote")]


def words(text: str) -> list[str]:
    """The words of an output text, split as conftest's ``words_check`` splits the XML."""
    return WORD.findall(text)
