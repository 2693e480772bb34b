"""Writers: one module per format, each registered by name, all of one shape.

A writer is a function ``write(tree, dest, options) -> None`` that reads a validated
document tree and writes ``dest`` (through ``fsutil.atomic_write``). Writers never see
raw text. ``options`` carries cross-document facts (e.g. the other language versions).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from lxml import etree


@dataclass
class Options:
    """What a writer may need beyond the document itself."""

    #: Other language versions of the same document: lang -> path of that output.
    alternates: dict[str, str] = field(default_factory=dict)
    #: Free-form extras (e.g. {"css": "..."}), for writers that take settings.
    extra: dict[str, object] = field(default_factory=dict)


class WriteFunc(Protocol):
    """The one shape every writer has."""

    def __call__(self, tree: etree._ElementTree, dest: Path, options: Options) -> None: ...


@dataclass(frozen=True)
class WriterInfo:
    """A registered writer: format name, file extension, module that implements it."""

    name: str
    ext: str
    module: str


#: The registry: format name -> writer. Modules are imported on first use.
REGISTRY: dict[str, WriterInfo] = {
    "html": WriterInfo("html", "html", "pipeline.writers.html"),
    "epub": WriterInfo("epub", "epub", "pipeline.writers.epub"),
    "docx": WriterInfo("docx", "docx", "pipeline.writers.docx"),
    "odt": WriterInfo("odt", "odt", "pipeline.writers.odt"),
}


def get(name: str) -> Callable[[etree._ElementTree, Path, Options], None]:
    """The write function of a registered format."""
    info = REGISTRY[name]
    return importlib.import_module(info.module).write
