"""The sources of a build: which files in sources/ are documents, and which names are safe.

A document's name (``<docid>.<lang>``) ends up in file names, in links between language
versions and in the index, so it must be a safe slug: a document id of letters, digits,
``-`` and ``_`` (starting with a letter or digit), then a language code of two or three
letters. A source is a regular file inside the folder: a symbolic link is refused, so that
nothing outside the tree is read and published. Every refusal is a diagnostic naming the
file; the other sources are still built.
"""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic

#: A document name: ``<docid>.<lang>``.
NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z]{2,3}")
#: A draft's name: ``<docid>.<lang>.<rev>``.
DRAFT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\.[A-Za-z]{2,3}\.[A-Za-z0-9_-]+")
#: The extensions the build reads, the one that wins first when a name has several: a
#: hand-edited master, then the documents themselves (Word, PDF), then an extracted text.
EXTENSIONS = (".xml", ".docx", ".pdf", ".txt")
#: The extensions of drafts: saved as XML (which wins), or raw texts.
DRAFT_EXTENSIONS = (".xml", ".txt")

NAME_RULE = ("a source is named <docid>.<lang>.txt, .pdf, .docx or .xml, the document id "
             "made of letters, "
             "digits, '-' and '_' (as in idm2008-agenda.fr.txt)")


def is_safe_name(name: str, draft: bool = False) -> bool:
    """True when name (without extension) is a safe document or draft name."""
    return bool((DRAFT_RE if draft else NAME_RE).fullmatch(name))


@dataclass
class Found:
    """What a sources folder holds: sources to build, drafts, and what was refused."""

    sources: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def check_source(path: Path, draft: bool = False) -> Diagnostic | None:
    """Why path cannot be a source (a diagnostic), or None when it can."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return Diagnostic(str(path), None, f"cannot read: {exc.strerror}")
    if stat.S_ISLNK(mode):
        return Diagnostic(str(path), None, "is a symbolic link: sources must be regular files "
                                           "inside sources/ (copy the file instead)")
    if not stat.S_ISREG(mode):
        return Diagnostic(str(path), None, "is not a regular file")
    name = path.name.rsplit(".", 1)[0]
    if not is_safe_name(name, draft):
        rule = NAME_RULE if not draft else NAME_RULE.replace("<lang>.txt, .pdf, .docx or .xml",
                                                             "<lang>.<rev>.txt or .xml")
        return Diagnostic(str(path), None, f"not built: unsafe name ({rule})")
    return None


def discover(folder: Path) -> Found:
    """The sources of folder (of several files of one name, the first in EXTENSIONS order:
    a master wins over the document, a document over its text) and the drafts of
    folder/drafts (raw texts or drafts saved as XML, the XML winning), with a diagnostic
    for every file that looks like a source but is refused."""
    found = Found()
    _choose(folder, EXTENSIONS, False, found.sources, found.problems)
    _choose(folder / "drafts", DRAFT_EXTENSIONS, True, found.drafts, found.problems)
    return found


def _choose(folder: Path, extensions: tuple[str, ...], draft: bool, chosen: list[Path],
            problems: list[Diagnostic]) -> None:
    """The files of folder with one of extensions, one per name (the first extension
    wins), into chosen; the others, and unsafe names, into problems."""
    entries = sorted(folder.iterdir()) if folder.is_dir() else []
    candidates = [p for p in entries if p.suffix in extensions]
    winners: dict[str, Path] = {}
    for path in sorted(candidates, key=lambda p: extensions.index(p.suffix)):
        winners.setdefault(path.stem, path)
    for path in candidates:
        problem = check_source(path, draft)
        if problem:
            problems.append(problem)
        elif winners[path.stem] != path:
            winner = winners[path.stem]
            what = "the master " if winner.suffix == ".xml" else ""
            problems.append(Diagnostic(str(path), None, f"not read: {what}{winner.name} "
                                       "of the same name is built instead", "warning"))
        else:
            chosen.append(path)
