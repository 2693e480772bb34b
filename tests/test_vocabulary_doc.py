"""docs/vocabulary.md: its element reference is the schema's (generated, and checked here
against schemas/document.rng read independently), its annotated examples are what the
reader really makes of them, and the README links it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs/vocabulary.md"
RNG = {"r": "http://relaxng.org/ns/structure/1.0"}


def example(kind: str) -> str:
    """The fenced block after the '<!-- example: KIND -->' marker."""
    text = DOC.read_text("utf-8")
    m = re.search(rf"<!-- example: {kind}\b[^>]*-->\n```\w+\n(.*?)\n```", text, re.S)
    assert m, kind
    return m.group(1)


def test_reference_is_up_to_date_with_the_schema() -> None:
    r = subprocess.run([sys.executable, "-m", "pipeline.vocabdoc", "--check", str(DOC)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_every_element_attribute_and_value_of_the_schema_is_documented() -> None:
    rng = etree.parse(str(ROOT / "schemas/document.rng"))
    text = DOC.read_text("utf-8")
    reference = text[text.index("## Element reference"):]
    headings = set(re.findall(r"^### `([\w:-]+)`", reference, re.M))
    assert headings == set(rng.xpath("//r:element/@name", namespaces=RNG))
    for name in set(rng.xpath("//r:attribute/@name", namespaces=RNG)):
        assert f"`@{name}`" in reference, name
    for value in set(rng.xpath("//r:attribute//r:value/text()", namespaces=RNG)):
        assert f"`{value}`" in reference, value


def test_annotated_examples_are_what_the_reader_makes(tmp_path: Path) -> None:
    """Each example text, parsed by pipeline parse, gives exactly the XML shown after it."""
    for kind, doc_type in (("agenda", "agenda"), ("paper", "paper")):
        source = tmp_path / f"example-{kind}.en.txt"
        source.write_text(example(f"{kind} text") + "\n", "utf-8")
        out = tmp_path / f"example-{kind}.en.xml"
        r = subprocess.run([sys.executable, "-m", "pipeline", "parse", str(source), "-o", str(out)],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.returncode == 0 and not r.stderr, r.stderr
        made = "\n".join(ln for ln in out.read_text("utf-8").splitlines() if not ln.startswith("<?"))
        assert made == example(f"{kind} xml"), kind
        assert etree.fromstring(made.encode()).get("type") == doc_type


def test_readme_links_the_vocabulary() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "](docs/vocabulary.md)" in readme
    for target in re.findall(r"\]\(([^)#:]+)\)", readme):
        assert (ROOT / target).exists(), target
