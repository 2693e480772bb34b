"""Seeds of the corpus: the real sources and the reader fixtures, decoded once and read once."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Seed:
    """One raw text to vary, with how it is encoded and how the reader reads it."""

    name: str          # "idm2008-ws2-agenda.en", "agenda-en-ampm-bom"
    family: str        # language versions of one document share it ("idm2008-ws2-agenda")
    lang: str
    path: Path
    text: str          # decoded, line ends as "\n"
    encoding: str      # codec to encode a variant back with (BOM included)
    crlf: bool
    doc_type: str      # agenda | paper, as the reader detected it
    tree: etree._ElementTree

    def encode(self, text: str) -> bytes:
        """A variant's text as bytes in this seed's encoding and line ends."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return text.encode(self.encoding)


def decode(data: bytes) -> tuple[str, str]:
    """(text, codec to write it back with): UTF-8 (BOM or not), UTF-16 with BOM, cp1252, latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def seed_paths(root: Path = ROOT) -> list[tuple[Path, str, str]]:
    """(path, name, family) of every seed: sources/*.txt, then tests/fixtures/reader/*/input.txt."""
    found = []
    for path in sorted((root / "sources").glob("*.txt")):
        name = path.name[:-len(".txt")]
        found.append((path, name, name.split(".")[0]))
    for path in sorted((root / "tests" / "fixtures" / "reader").glob("*/input.txt")):
        found.append((path, path.parent.name, path.parent.name))
    return found


def fixture_lang(path: Path) -> str | None:
    """The language a fixture's facts.json declares, if any."""
    facts = path.parent / "facts.json"
    try:
        return json.loads(facts.read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError, AttributeError):
        return None


def load_seeds(root: Path = ROOT) -> list[Seed]:
    """Every seed the reader reads today; a seed it rejects is skipped with a note on stderr
    (fixtures are being added and changed while the bench runs)."""
    from pipeline.documents import read_source
    from pipeline.errors import PipelineError

    seeds = []
    for path, name, family in seed_paths(root):
        try:
            tree, _ = read_source(path)
        except PipelineError as exc:
            first = exc.diagnostics[0] if exc.diagnostics else "?"
            print(f"bench: seed {path} skipped, the reader rejects it: {first}", file=sys.stderr)
            continue
        text, codec = decode(path.read_bytes())
        crlf = "\r\n" in text
        root_el = tree.getroot()
        lang = root_el.get("{http://www.w3.org/XML/1998/namespace}lang") or fixture_lang(path) or "en"
        seeds.append(Seed(name, family, lang, path, text.replace("\r\n", "\n"), codec, crlf,
                          root_el.get("type"), tree))
    if not seeds:
        raise SystemExit("bench: no seed text parses; nothing to build a corpus from")
    return seeds


def families(seeds: list[Seed]) -> list[list[Seed]]:
    """Seeds grouped by family (a family's members become language versions of one document)."""
    groups: dict[str, list[Seed]] = {}
    for seed in seeds:
        groups.setdefault(seed.family, []).append(seed)
    return list(groups.values())
