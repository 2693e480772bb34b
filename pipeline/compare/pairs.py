"""Refusing comparisons that make no sense, with a message that says why.

``check_versions`` (align, tmx): language versions of one document, each in its own language;
``check_revisions`` (diff): revisions of one document in one language. Both refuse documents
of different ids unless forced, and documents of different types (an agenda against a paper).
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, PipelineError
from .units import language


def _describe(path: Path, tree: etree._ElementTree) -> tuple[str, str, str]:
    """The id, type and language of a document."""
    root = tree.getroot()
    return root.get("id", ""), root.get("type", ""), language(tree)


def _a(kind: str) -> str:
    """'an agenda', 'a paper'."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _common(docs: list[tuple[Path, etree._ElementTree]], force: bool) -> list[Diagnostic]:
    """Different ids (unless force) and different types, against the first document."""
    (first, tree), problems = docs[0], []
    ident, kind, _ = _describe(first, tree)
    for path, other in docs[1:]:
        oid, okind, _ = _describe(path, other)
        if oid != ident and not force:
            problems.append(Diagnostic(str(path), None, f"is document {oid}, {first} is {ident}: "
                                       "not versions of one document (use --force to compare them anyway)"))
        if okind != kind:
            problems.append(Diagnostic(str(path), None, f"is {_a(okind)}, {first} is {_a(kind)}: "
                                       "they cannot be compared"))
    return problems


def check_versions(docs: list[tuple[Path, etree._ElementTree]], force: bool = False) -> None:
    """Refuse unless docs are language versions of one document, one per language."""
    problems = _common(docs, force)
    seen: dict[str, Path] = {}
    for path, tree in docs:
        lang = language(tree)
        if lang in seen:
            problems.append(Diagnostic(str(path), None, f"is in {lang}, as {seen[lang]} is: give "
                                       "one version per language (pipeline diff compares two revisions)"))
        seen.setdefault(lang, path)
    if problems:
        raise PipelineError(problems)


def check_revisions(old: tuple[Path, etree._ElementTree], new: tuple[Path, etree._ElementTree],
                    force: bool = False) -> None:
    """Refuse unless old and new are revisions of one document in one language."""
    problems = _common([old, new], force)
    if language(old[1]) != language(new[1]):
        problems.append(Diagnostic(str(new[0]), None, f"is in {language(new[1])}, {old[0]} in "
                                   f"{language(old[1])}: a redline compares two revisions in one "
                                   "language (pipeline align compares languages)"))
    if problems:
        raise PipelineError(problems)
