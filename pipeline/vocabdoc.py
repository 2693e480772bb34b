"""The element reference of docs/vocabulary.md, generated from schemas/document.rng.

Every element of the grammar, with its documentation (``a:documentation``), where it may
appear, what it contains, and each attribute: required or optional, what it allows (the
values of a choice, a datatype, a pattern) and its documentation. The reference sits
between two markers in docs/vocabulary.md; ``python -m pipeline.vocabdoc docs/vocabulary.md``
rewrites it, ``--check`` says whether it is up to date (a test runs the check).
"""
from __future__ import annotations

import sys
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .schemamsg import DOC, RNG, spec_of
from .xmlio import SCHEMA_DIR

BEGIN = "<!-- BEGIN reference: generated from schemas/document.rng by python -m pipeline.vocabdoc -->"
END = "<!-- END reference -->"
OPTIONAL = {f"{RNG}{n}" for n in ("optional", "zeroOrMore", "choice")}


@dataclass
class Entry:
    """One element of the grammar as the reference shows it."""

    name: str
    doc: str
    attributes: list[tuple[str, bool, str]] = field(default_factory=list)
    children: list[tuple[str, str]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    text: bool = False


def _walk(node, defines, seen: frozenset, optional: bool, found: dict) -> None:
    """Collect the attributes (with whether optional), child elements and text of a
    content model, through refs, not into child elements."""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == f"{RNG}attribute":
            found["attributes"].append((child, optional))
        elif child.tag == f"{RNG}element":
            found["children"].append(key(child))
        elif child.tag == f"{RNG}text" or child.tag == f"{RNG}data":
            found["text"] = True
        elif child.tag == f"{RNG}ref" and child.get("name") not in seen:
            target = defines.get(child.get("name"))
            if target is not None:
                _walk(target, defines, seen | {child.get("name")}, optional, found)
        elif child.tag not in (f"{RNG}value", DOC):
            _walk(child, defines, seen, optional or child.tag in OPTIONAL, found)


def allowed(attribute, defines) -> str:
    """What an attribute allows, in Markdown."""
    spec = spec_of(attribute, defines)
    if spec.values:
        return "one of " + ", ".join(f"`{v}`" for v in spec.values)
    params = dict(spec.params)
    if "pattern" in params:
        return f"{spec.datatype}, pattern `{params['pattern']}`"
    return spec.datatype or "text"


def key(element) -> tuple[str, str]:
    """An element pattern's name and documentation: what tells two same-named apart."""
    return element.get("name"), " ".join((element.findtext(DOC) or "").split())


@lru_cache(maxsize=2)
def entries(rng_path: Path = SCHEMA_DIR / "document.rng") -> list[Entry]:
    """Every element of the grammar, in schema order, one entry per name and documentation."""
    rng = etree.parse(str(rng_path)).getroot()
    defines = {d.get("name"): d for d in rng.iter(f"{RNG}define")}
    out: dict[tuple[str, str], Entry] = {}
    for element in rng.iter(f"{RNG}element"):
        found: dict = {"attributes": [], "children": [], "text": False}
        _walk(element, defines, frozenset(), False, found)
        entry = out.setdefault(key(element), Entry(*key(element)))
        for attribute, optional in found["attributes"]:
            name = attribute.get("name")
            line = (name, optional, allowed(attribute, defines) + _doc_of(attribute))
            if line not in entry.attributes:
                entry.attributes.append(line)
        entry.children += [c for c in found["children"] if c not in entry.children]
        entry.text = entry.text or found["text"]
    for entry in out.values():
        for child in entry.children:
            if entry.name not in out[child].parents:
                out[child].parents.append(entry.name)
    return list(out.values())


def _doc_of(attribute) -> str:
    """': documentation' of an attribute, when it has one."""
    doc = " ".join((attribute.findtext(DOC) or "").split())
    return f" — {doc}" if doc else ""


def render(items: list[Entry]) -> str:
    """The reference as Markdown."""
    lines = [BEGIN, "", "## Element reference", "",
             "Generated from `schemas/document.rng`; do not edit by hand (run "
             "`python -m pipeline.vocabdoc docs/vocabulary.md`).", ""]
    for e in items:
        where = ", ".join(f"`{p}`" for p in e.parents) or "the root"
        lines += [f"### `{e.name}` (in {where})", "", e.doc or "(no documentation)", ""]
        names = list(dict.fromkeys(name for name, _ in e.children))
        contents = [f"`{c}`" for c in names] + (["text"] if e.text else [])
        lines.append(f"- contains: {', '.join(contents) if contents else 'nothing (empty)'}")
        for name, optional, text in e.attributes:
            lines.append(f"- `@{name}` ({'optional' if optional else 'required'}): {text}")
        lines.append("")
    return "\n".join(lines + [END])


def update(text: str) -> str:
    """text with the reference between the markers made afresh."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + render(entries()) + text[end:]


def main(argv: list[str]) -> int:
    """python -m pipeline.vocabdoc [--check] FILE.md: rewrite (or check) the reference."""
    check = "--check" in argv
    path = Path(next(a for a in argv if a != "--check"))
    text = path.read_text("utf-8")
    new = update(text)
    if check:
        if new != text:
            print(f"{path}: the element reference is out of date with schemas/document.rng "
                  f"(run: python -m pipeline.vocabdoc {path})", file=sys.stderr)
            return 1
        print(f"{path}: the element reference matches schemas/document.rng")
        return 0
    if new != text:
        path.write_text(new, "utf-8")
    print(f"{path}: element reference {'rewritten' if new != text else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
