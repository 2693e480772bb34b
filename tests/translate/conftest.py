"""Fixtures for the translation tests: the seeds parsed once by the real ``pipeline parse``,
the OASIS XLIFF 1.2 schema, and the CLI."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from lxml import etree

from translate_support import HERE, SOURCES, pipeline


@pytest.fixture(scope="session")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """``seed(docid, lang)``: the XML of sources/<docid>.<lang>.txt, parsed once."""
    out = tmp_path_factory.mktemp("seeds")
    done: dict[tuple[str, str], Path] = {}

    def get(docid: str, lang: str) -> Path:
        """Parse one seed (once per session)."""
        if (docid, lang) not in done:
            dest = out / f"{docid}.{lang}.xml"
            pipeline("parse", str(SOURCES / f"{docid}.{lang}.txt"), "-o", str(dest))
            done[docid, lang] = dest
        return done[docid, lang]
    return get


class _LocalXmlXsd(etree.Resolver):
    """Resolve the XLIFF schema's import of the xml: schema to the copy beside it."""

    def resolve(self, url, pubid, context):
        """The local xml.xsd for W3C's URL; anything else is not resolved (no network)."""
        if url.endswith("/2001/xml.xsd"):
            return self.resolve_filename(str(HERE / "xml.xsd"), context)
        return None


@pytest.fixture(scope="session")
def xliff_schema() -> etree.XMLSchema:
    """The OASIS XLIFF 1.2 strict schema (tests/translate/SCHEMAS.md says where from)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(HERE / "xliff-core-1.2-strict.xsd"), parser))
