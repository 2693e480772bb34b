"""Documents on disk: reading a source (raw text or XML master), validating, naming outputs."""
from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .check import check_fidelity
from .errors import Diagnostic, PipelineError, DocumentError
from .readers.text import read_plain_text, read_text
from .readers.text.normalise import normalised_once
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
    if path.suffix == ".xml":
        tree = load(path, data)
        errors = validate(tree, str(path))
        if errors:
            raise PipelineError(errors)
        from .mastercheck import master_warnings

        return with_metadata(tree, path), master_warnings(tree, str(path))
    reader = BINARY_READERS.get(path.suffix.lower(), read_text_source)
    tree, warnings = reader(data, str(path), doc_type, lang, check)
    return with_metadata(tree, path), warnings


def _read_pdf(data: bytes, filename: str, doc_type: str | None = None,
              lang: str | None = None, check: bool = True):
    """A PDF source (readers/pdf)."""
    from .readers.pdf import read_pdf_source

    return read_pdf_source(data, filename, doc_type, lang, check)


def _read_docx(data: bytes, filename: str, doc_type: str | None = None,
               lang: str | None = None, check: bool = True):
    """A Word source (readers/docx)."""
    from .readers.docx import read_docx_source

    return read_docx_source(data, filename, doc_type, lang, check)


#: The readers of the documents themselves, by extension; anything else is read as text.
BINARY_READERS = {".pdf": _read_pdf, ".docx": _read_docx}


def with_metadata(tree: etree._ElementTree, source: Path) -> etree._ElementTree:
    """The tree with the fields of the source's sources/<docid>.toml set (metadata.py),
    when there is one; still valid, or an error naming that file."""
    from . import metadata

    extra = metadata.sidecar(source)
    if not extra.exists() and not extra.is_symlink():
        return tree
    metadata.apply(tree, metadata.read(extra))
    errors = validate(tree, str(extra))
    if errors:
        raise PipelineError(errors)
    return tree


def read_text_source(data: bytes, filename: str, doc_type: str | None = None,
                     lang: str | None = None, check: bool = True,
                     hints: dict[int, str] | None = None
                     ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """Read raw text into a valid tree that holds every word. A text that cannot be read at
    all (empty, binary) is an error; a structure the reader cannot make out is a warning,
    and the text is read again with less structure, step by step: with the footnotes left
    where the page prints them, then as plain prose (readers/text/plain.py, the UN title
    block kept, then not), so that a readable text is never refused. hints: what a PDF or
    Word source's layout says of the text's lines (readers/text/normalise.py HINTS)."""
    with normalised_once():  # (a reading again with less structure starts from the same lines)
        return _read_text_source(data, filename, doc_type, lang, check, hints)


def _read_text_source(data: bytes, filename: str, doc_type: str | None, lang: str | None,
                      check: bool, hints: dict[int, str] | None
                      ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """read_text_source's attempts, one after the other."""
    result, problems = _attempt(lambda: read_text(data, filename, doc_type, lang, hints=hints),
                                data, filename, check)
    if not problems:
        return result.tree, result.warnings
    del result  # (its tree and lines are not needed any more: not kept while reading again)
    steps = [("the footnotes are left in the text, where the page prints them",
              lambda: read_text(data, filename, doc_type, lang, notes=False, hints=hints)),
             ("the text is kept whole as a paper of plain paragraphs",
              lambda: read_plain_text(data, filename, lang)),
             ("the text is kept whole as a paper of plain paragraphs",
              lambda: read_plain_text(data, filename, lang, masthead=False))]
    errors: list[Diagnostic] = []
    for what, step in steps:
        again, errors = _attempt(step, data, filename, check)
        if not errors:
            break
    if errors:  # a bug of the reader: say what the structured reading met, then this
        raise PipelineError(problems + errors)
    warnings = [Diagnostic(d.file, d.line, d.message, "warning", d.col) for d in problems]
    warnings.append(Diagnostic(filename, None, f"the structure could not be read without the "
                                               f"problems above: {what} (fix the text, or edit "
                                               "the XML as a master)", "warning"))
    return again.tree, again.warnings + warnings


def _attempt(read, data: bytes, filename: str, check: bool):
    """(result, problems) of one reading: a PipelineError, schema errors or lost words are
    its problems; a DocumentError (the text itself is wrong) goes up."""
    try:
        result = read()
    except DocumentError:
        raise
    except PipelineError as exc:
        return None, exc.diagnostics
    problems = validate(result.tree, filename)
    if problems:
        return result, [Diagnostic(d.file, None, f"the parsed XML is invalid: {d.message}")
                        for d in problems]
    if check:
        return result, check_fidelity(data, filename, result.tree.getroot(), result.lines)
    return result, []


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
