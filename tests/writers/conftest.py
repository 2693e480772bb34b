"""Fixtures for the writer tests: every source parsed and built once per session by the CLI."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from lxml import etree

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
if str(TESTS) not in sys.path:  # tests/ has no __init__.py: make `support` importable
    sys.path.insert(0, str(TESTS))

from pipeline.writers import labels  # noqa: E402

SOURCES = sorted((REPO / "sources").glob("*.txt"))
#: Output names of the documents (sources/<name>.txt), one test case each.
NAMES = [src.stem for src in SOURCES]
WORD = re.compile(r"\w+")
#: The title block's order on the page (the XML keeps R1's order): the writers' own list.
from pipeline.writers.docx.body import PRINTED_ORDER as META_ORDER  # noqa: E402


@dataclass(frozen=True)
class Built:
    """One build of every source: out/xml/*.xml, out/html, out/epub, out/index.html."""

    out: Path

    def xml(self, name: str) -> Path:
        """The parsed XML."""
        return self.out / "xml" / f"{name}.xml"

    def html(self, name: str) -> Path:
        """The HTML page."""
        return self.out / "html" / f"{name}.html"

    def epub(self, name: str) -> Path:
        """The EPUB file."""
        return self.out / "epub" / f"{name}.epub"

    def unpacked(self, name: str) -> Path:
        """The EPUB, unzipped."""
        return self.out / "unpacked" / name

    @property
    def index(self) -> Path:
        """The landing page."""
        return self.out / "index.html"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``built_name`` runs once per source document."""
    if "built_name" in metafunc.fixturenames:
        metafunc.parametrize("built_name", NAMES)


def run_cli(*args: object) -> None:
    """Run ``pipeline ARGS`` as a user would; fail the test with its stderr if it fails."""
    cmd = [sys.executable, "-m", "pipeline", *map(str, args)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}", pytrace=False)


def build_all(out: Path) -> Built:
    """Parse every source, build HTML and EPUB with the CLI, write the index, unpack the EPUBs."""
    from pipeline import writers
    from pipeline.index import write_index

    xml_paths = [out / "xml" / f"{src.stem}.xml" for src in SOURCES]
    for src, xml_path in zip(SOURCES, xml_paths):
        run_cli("parse", src, "-o", xml_path)
    run_cli("build", *xml_paths, "--out", out, "--to", "html,epub")
    write_index(xml_paths, out / "index.html", list(writers.REGISTRY))
    built = Built(out)
    for name in NAMES:
        with zipfile.ZipFile(built.epub(name)) as archive:
            archive.extractall(built.unpacked(name))
    return built


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Every source, built once for the session."""
    return build_all(tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory: pytest.TempPathFactory, built: Built) -> Built:
    """The same sources built a second time, into another directory."""
    return build_all(tmp_path_factory.mktemp("rebuild"))


@pytest.fixture(scope="session")
def axe_results(built: Built) -> dict[Path, list[dict]]:
    """axe-core violations of every HTML page, EPUB XHTML file and the index (one browser)."""
    from support.tools import axe_violations

    pages = [built.html(n) for n in NAMES] + [built.index]
    pages += [built.unpacked(n) / "EPUB" / f for n in NAMES for f in ("text.xhtml", "nav.xhtml")]
    return axe_violations(pages)


@pytest.fixture(scope="session")
def vnu_results(built: Built) -> list:
    """Nu HTML Checker errors for every HTML page and the index (one run)."""
    from support.tools import vnu_errors

    return vnu_errors([built.html(n) for n in NAMES] + [built.index])


def xml_words(doc: etree._Element) -> list[str]:
    """The words of a document in reading order: title block, text, footnotes last (in the
    order of their first reference)."""
    meta = doc.find("meta")
    words = [w for tag in META_ORDER for w in words_of(meta.find(tag))]
    for part in doc:
        if part.tag not in ("meta", "footnotes"):
            words += words_of(part)
    from pipeline.writers.notes import ordered  # every format lists notes as referenced

    return words + [w for note in ordered(doc) for w in words_of(note)]


def words_of(element: etree._Element | None) -> list[str]:
    """Words of every text node under an XML element, node by node, in document order."""
    return [] if element is None else text_words(element, frozenset())


def text_words(element: etree._Element, skip: frozenset[str]) -> list[str]:
    """Words of the text nodes under ``element``, leaving out subtrees whose tag is in skip."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        """Collect the words of ``node`` and of its children, skipping the named subtrees."""
        out.extend(WORD.findall(node.text or ""))
        for child in node:
            if isinstance(child.tag, str) and etree.QName(child).localname not in skip:
                walk(child)
            out.extend(WORD.findall(child.tail or ""))

    walk(element)
    return out


def allowed_extras(doc: etree._Element) -> set[str]:
    """Words a writer may add: its interface labels, language and month names, attribute
    values, the job number the office formats print at the page foot (R15)."""
    texts = [t for table in labels.LABELS.values() for t in table.values()]
    texts += [doc.findtext("meta/job") or ""]
    texts += list(labels.LANGUAGE_NAMES.values())
    texts += [m for months in labels.MONTHS.values() for m in months]
    texts += [value for el in doc.iter() for value in el.attrib.values()]
    return {w for t in texts for w in WORD.findall(t)}


def check_words(doc: etree._Element, output: list[str]) -> list[str]:
    """Problems when the XML's words are not a subsequence of the output, each used once."""
    expected = xml_words(doc)
    allowed = allowed_extras(doc)
    i, extras = 0, []
    for word in output:
        if i < len(expected) and word == expected[i]:
            i += 1
        elif not word.isdigit() and word not in allowed:
            extras.append(word)
    problems = []
    if i < len(expected):
        context = " ".join(expected[max(0, i - 8):i + 8])
        problems.append(f"XML word {i} {expected[i]!r} lost or out of order (around: {context})")
    if extras:
        problems.append(f"words not in the XML (duplicated?): {extras[:20]}")
    return problems


@pytest.fixture(scope="session")
def words_check() -> Callable[[etree._Element, list[str]], list[str]]:
    """The word-sequence check: XML words in order, once each, only labels added."""
    return check_words


@pytest.fixture(scope="session")
def page_words() -> Callable[[etree._Element, frozenset[str]], list[str]]:
    """Words of an output tree, node by node, leaving out the named subtrees."""
    return text_words


FEATURE_PAPER = """<document id="feature-paper" type="paper" xml:lang="en" version="1"
    xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
  <meta>
    <title>Tags like &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;</title>
    <subtitle>A <emph>test</emph> subtitle</subtitle>
    <series>Test series</series>
    <meeting>Test meeting</meeting>
    <symbol its:translate="no">MC/INF/293</symbol>
    <original-language>Original: English</original-language>
    <dates from="2008-07-07" to="2008-07-07">7 July 2008</dates>
    <source file="feature-paper.en.txt" sha256="{sha}"/>
  </meta>
  <body>
    <p>An opening paragraph with <strong>strong</strong> text &amp; an ampersand.</p>
    <para n="1">
      <p>First numbered paragraph.<noteref to="fn1"/></p>
      <list style="alpha">
        <item n="a">Alpha item</item>
        <item n="b"><p>Item with a paragraph</p><list style="bullet"><item>Nested bullet</item></list></item>
      </list>
    </para>
    <section>
      <heading n="I">Heading one</heading>
      <para n="2"><p>Second paragraph, with note two.<noteref to="fn2"/></p></para>
      <section>
        <heading>Sub heading</heading>
        <para n="3"><p>Third paragraph.</p></para>
        <section>
          <heading>Sub sub heading</heading>
          <p>Deep text.</p>
          <list style="roman"><item n="i">Roman one</item><item n="ii">Roman two</item></list>
          <list style="number"><item>Number without label</item></list>
        </section>
      </section>
    </section>
    <section>
      <heading n="II">Heading two</heading>
      <para n="4"><p>Fourth paragraph.</p></para>
    </section>
  </body>
  <footnotes>
    <footnote id="fn1" n="1">A note with <emph>emphasis</emph>.</footnote>
    <footnote id="fn2" n="2"><p>First note paragraph.</p><p>Second note paragraph.</p></footnote>
  </footnotes>
</document>
"""

FEATURE_AGENDA = """<document id="feature-agenda" type="agenda" xml:lang="es" version="1">
  <meta>
    <title>Programa de prueba</title>
    <dates from="2008-07-07" to="2008-07-08">7 y 8 de julio de 2008</dates>
    <source file="feature-agenda.es.txt" sha256="{sha}"/>
  </meta>
  <agenda>
    <day date="2008-07-07">
      <heading>7 de julio de 2008 Primer día</heading>
      <item start="09:00" kind="registration"><title>Inscripción</title></item>
      <item start="10:00" end="11:30" kind="session" n="II" label="Sesión">
        <title>Título de la sesión</title>
        <p>Descripción de la sesión.</p>
        <moderator label="Moderadora"><person><name>Ana Pérez</name><role>Directora, OIM</role></person></moderator>
        <moderator><person><name>Luis Gómez</name></person></moderator>
        <speakers label="Ponentes">
          <person><name>Marta Ruiz</name><role>Ministra</role></person>
          <person><name>Juan Soto</name></person>
        </speakers>
        <questions><question>¿Qué hacer?</question><question>¿Cómo?</question></questions>
        <discussion>Debate general</discussion>
      </item>
      <item start="11:30" end="12:00" kind="other" n="3"><title>Sin etiqueta</title></item>
      <end>Fin del primer día</end>
    </day>
    <day date="2008-07-08">
      <heading>8 de julio de 2008 Segundo día</heading>
      <item start="09:30" kind="closing"><title>Clausura</title></item>
    </day>
  </agenda>
</document>
"""


@pytest.fixture(scope="session")
def feature_docs() -> dict[str, etree._ElementTree]:
    """Valid documents with what the seeds lack (lists, deep sections, notes, markup-like
    text, a programme of work with a job number)."""
    from pipeline.validate import validate

    from office_fixtures import FEATURE_WORK

    docs = {}
    for name, text in (("feature-paper.en", FEATURE_PAPER), ("feature-agenda.es", FEATURE_AGENDA),
                       ("feature-work.fr", FEATURE_WORK)):
        tree = etree.fromstring(text.replace("{sha}", "0" * 64).encode()).getroottree()
        assert validate(tree, name) == [], f"fixture {name} is not a valid document"
        docs[name] = tree
    headless = etree.fromstring(etree.tostring(docs["feature-agenda.es"])).getroottree()
    day = headless.getroot().find("agenda/day[2]")
    day.remove(day.find("heading"))
    assert validate(headless, "feature-headless-day.es") == []
    docs["feature-headless-day.es"] = headless
    return docs
