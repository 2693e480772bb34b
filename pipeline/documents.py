"""Documents on disk: reading a source (raw text or XML master), validating, naming outputs."""
from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .check import check_fidelity
from .errors import Diagnostic, PipelineError
from .readers.text import read_text
from .sources import is_safe_name
from .validate import validate
from .xmlio import load


def is_master(path: Path | str) -> bool:
    """True for a hand-edited XML master: an .xml file inside a sources/ folder, whether
    the path names it there or is a symbolic link to it."""
    candidates = (Path(os.path.abspath(path)), Path(path).resolve())
    return any(p.suffix == ".xml" and "sources" in p.parts[:-1] for p in candidates)


def read_source(path: Path | str, doc_type: str | None = None, lang: str | None = None,
                check: bool = True, data: bytes | None = None
                ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """Read a raw text or an XML master (its bytes, when already read) into a valid tree;
    raise PipelineError if invalid or (with ``check``) if a word of the text did not reach
    the XML."""
    path = Path(path)
    try:
        data = path.read_bytes() if data is None else data
    except OSError as exc:
        raise PipelineError(Diagnostic(str(path), None, f"cannot read: {exc.strerror}")) from None
    lines = None
    if path.suffix == ".xml":
        tree, warnings = load(path, data), []
    else:
        result = read_text(data, str(path), doc_type, lang)
        tree, warnings, lines = result.tree, result.warnings, result.lines
    errors = validate(tree, str(path))
    if errors:
        if path.suffix != ".xml":
            errors = [Diagnostic(d.file, None, f"the parsed XML is invalid: {d.message}")
                      for d in errors]
        raise PipelineError(errors)
    if check and path.suffix != ".xml":
        lost = check_fidelity(data, str(path), tree.getroot(), lines)
        if lost:
            raise PipelineError(lost)
    return tree, warnings


def load_valid(path: Path | str) -> etree._ElementTree:
    """Load an XML document and validate it; raise PipelineError listing every error."""
    tree = load(path)
    errors = validate(tree, str(path))
    if errors:
        raise PipelineError(errors)
    return tree


def doc_name(path: Path | str) -> str:
    """The output name of a source or XML file: its file name without the extension."""
    return Path(path).name.rsplit(".", 1)[0]


def language_versions(name: str, paths) -> dict[str, Path]:
    """The language versions of document ``name`` (``<docid>.<lang>``) among ``paths``
    (sources or XML files): lang -> path, by language."""
    docid = name.split(".")[0]
    found: dict[str, Path] = {}
    for path in paths:
        parts = doc_name(path).split(".")
        if len(parts) == 2 and parts[0] == docid:
            found[parts[1]] = Path(path)
    return dict(sorted(found.items()))


def alternate_links(name: str, paths, ext: str) -> dict[str, str]:
    """The other language versions of ``name`` among ``paths``, as file names of the same
    format in the same folder: lang -> "<docid>.<lang>.<ext>"."""
    return {lang: f"{doc_name(path)}.{ext}" for lang, path in language_versions(name, paths).items()
            if doc_name(path) != name and is_safe_name(doc_name(path))}
