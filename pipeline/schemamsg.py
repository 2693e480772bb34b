"""RELAX NG errors in words an officer can act on, each at its line.

libxml2 says ``Element item failed to validate attributes`` (often with no line),
``Type positiveInteger doesn't allow value '0'`` or ``IDREF attribute to references an
unknown ID "fn9"`` (no line). Here each is traced back to the element and attribute at
fault, and said with what the schema allows: the list of values for a choice, the
attribute's documentation (schemas/document.rng) for a pattern, "a whole number from 1".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lxml import etree

from .errors import Diagnostic
from .xmlio import SCHEMA_DIR

RNG = "{http://relaxng.org/ns/structure/1.0}"
DOC = "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"


@dataclass(frozen=True)
class Spec:
    """What one attribute of one element allows: a list of values, or a datatype."""

    values: tuple[str, ...] = ()
    datatype: str = ""
    params: tuple[tuple[str, str], ...] = ()
    doc: str = ""

    def allows(self, value: str) -> bool:
        """True when value is allowed."""
        if self.values:
            return value in self.values
        params = dict(self.params)
        if "pattern" in params and not re.fullmatch(params["pattern"], value):
            return False
        if "minLength" in params and len(value) < int(params["minLength"]):
            return False
        return TYPES.get(self.datatype, lambda v: True)(value)

    def expected(self, value: str) -> str:
        """What is allowed instead of value, in words."""
        if self.values:
            return "allowed values: " + ", ".join(self.values)
        words = WORDS.get(self.datatype, "")
        if self.datatype == "positiveInteger" and value.strip("0") == "":
            words += " (numbering starts at 1, not 0)"
        doc = re.sub(r"^R\d+\.\s*", "", self.doc).rstrip(".")
        doc = doc[:1].lower() + doc[1:]
        return " — ".join(w for w in (words and f"expected {words}", doc) if w) \
            or f"expected a value of type {self.datatype}"


def _iso_date(value: str) -> bool:
    """True for a real ISO 8601 date (YYYY-MM-DD)."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


TYPES = {
    "positiveInteger": lambda v: v.isdigit() and int(v) > 0,
    "nonNegativeInteger": lambda v: v.isdigit(),
    "date": _iso_date,
    "ID": lambda v: bool(re.fullmatch(r"[A-Za-z_][\w.\-]*", v)),
    "IDREF": lambda v: bool(re.fullmatch(r"[A-Za-z_][\w.\-]*", v)),
    "language": lambda v: bool(re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", v)),
}
WORDS = {
    "positiveInteger": "a whole number from 1 up",
    "nonNegativeInteger": "a whole number (0, 1, 2, ...)",
    "date": "a date written YYYY-MM-DD (ISO 8601), e.g. 2008-03-25",
    "ID": "a name starting with a letter (e.g. fn1)",
    "IDREF": "the id of an element of the document (e.g. fn1)",
    "language": "a language code such as en, fr or es",
}


@lru_cache(maxsize=1)
def attribute_specs() -> dict[str, dict[str, list[Spec]]]:
    """element name -> attribute name -> what each of its definitions in the schema allows."""
    rng = etree.parse(str(SCHEMA_DIR / "document.rng")).getroot()
    defines = {d.get("name"): d for d in rng.iter(f"{RNG}define")}
    specs: dict[str, dict[str, list[Spec]]] = {}
    for element in rng.iter(f"{RNG}element"):
        for attribute in _attributes(element, defines, set()):
            name = attribute.get("name", "").replace("xml:", XML_NS)
            specs.setdefault(element.get("name"), {}).setdefault(name, []).append(
                spec_of(attribute, defines))
    return specs


def _attributes(node, defines, seen: set) -> list:
    """The attribute patterns of an element pattern (through refs, not into child elements)."""
    found = []
    for child in node:
        if child.tag == f"{RNG}attribute":
            found.append(child)
        elif child.tag == f"{RNG}ref" and child.get("name") not in seen:
            target = defines.get(child.get("name"))
            if target is not None:
                found += _attributes(target, defines, seen | {child.get("name")})
        elif child.tag != f"{RNG}element" and isinstance(child.tag, str):
            found += _attributes(child, defines, seen)
    return found


def spec_of(attribute, defines) -> Spec:
    """What one attribute pattern allows (its first ref followed)."""
    doc = " ".join((attribute.findtext(DOC) or "").split())
    node = attribute
    ref = attribute.find(f"{RNG}ref")
    if ref is not None and ref.get("name") in defines:
        node = defines[ref.get("name")]
    values = tuple(v.text or "" for v in node.iter(f"{RNG}value"))
    data = node.find(f".//{RNG}data")
    params = tuple((p.get("name"), p.text or "") for p in data.iter(f"{RNG}param")) if data is not None else ()
    return Spec(values, data.get("type", "") if data is not None else "", params, doc)


def attribute_problems(element: etree._Element, only: str | None = None) -> list[str]:
    """What is wrong with the attributes of element (or only the one named), in words."""
    allowed = attribute_specs().get(element.tag, {})
    problems = []
    for name, value in element.attrib.items():
        if only and name != only:
            continue
        shown = name.replace(XML_NS, "xml:")
        specs = allowed.get(name)
        if specs is None and not name.startswith("{"):
            names = ", ".join(sorted(a.replace(XML_NS, "xml:") for a in allowed)) or "none"
            problems.append(f"{element.tag}: attribute {shown} is not allowed here "
                            f"(allowed attributes: {names})")
        elif specs and not any(s.allows(value) for s in specs):
            problems.append(f"{element.tag} {shown}=\"{value}\" is not allowed: {specs[0].expected(value)}")
    return problems


def _at(root: etree._Element, tag: str | None, line: int | None) -> list[etree._Element]:
    """The elements named tag (any, when None) that start at line (all of them, when None)."""
    return [e for e in root.iter(tag or etree.Element) if line is None or e.sourceline == line]


def _with_value(root: etree._Element, value: str, line: int | None = None):
    """(element, attribute) pairs whose value is value (at line, when given)."""
    return [(e, k) for e in _at(root, None, line) for k, v in e.attrib.items() if v == value]


def _explain_one(line: int | None, message: str, root: etree._Element
                 ) -> list[tuple[int | None, str]]:
    """One libxml2 message as (line, text) pairs naming the element and what is allowed."""
    found: list[tuple[int | None, str]] = []
    if m := re.fullmatch(r"Invalid attribute (\S+) for element (\S+)", message):
        for e in _at(root, m[2], line):
            found += [(e.sourceline, p) for p in attribute_problems(e, _qualified(m[1]))]
    elif m := re.fullmatch(r"Element (\S+) failed to validate attributes", message):
        for e in _at(root, m[1], line):
            found += [(e.sourceline, p) for p in attribute_problems(e)]
    elif m := re.fullmatch(r"Type (\S+) doesn't allow value '(.*)'", message):
        for e, name in _with_value(root, m[2], line):
            found += [(e.sourceline, p) for p in attribute_problems(e, name)]
    elif m := re.fullmatch(r'IDREF attribute (\S+) references an unknown ID "(.*)"', message):
        ids = ", ".join(e.get("id", "") for e in root.iter("footnote")) or "none"
        for e, name in _with_value(root, m[2], line):
            if name == m[1]:
                found.append((e.sourceline, f"{e.tag} {name}=\"{m[2]}\": there is no footnote "
                                            f"with id \"{m[2]}\" (the footnotes: {ids})"))
    elif m := re.fullmatch(r"Did not expect element (\S+) there", message):
        for e in _at(root, m[1], line):
            parent = e.getparent()
            if parent is not None:
                above = parent.getparent()
                allowed = allowed_children(parent.tag, above.tag if above is not None else None)
                found.append((e.sourceline, f"{message} (in {parent.tag}: {allowed})"))
    elif m := re.fullmatch(r"ID (\S+) redefined", message):
        lines = [str(e.sourceline) for e, name in _with_value(root, m[1]) if name == "id"]
        found.append((line, f"id \"{m[1]}\" is used more than once (lines {', '.join(lines)}): "
                            "each footnote needs an id of its own (pipeline renumber fixes ids)"))
    return found or [(line, message)]


def allowed_children(tag: str, parent: str | None) -> str:
    """The elements the schema allows inside tag (the definitions of tag allowed inside
    parent, when any is), in words."""
    from .vocabdoc import entries

    defined = [e for e in entries() if e.name == tag]
    defined = [e for e in defined if parent in e.parents] or defined
    names = [n for e in defined for n, _ in e.children]
    names = list(dict.fromkeys(names))
    return "allowed elements: " + ", ".join(names) if names else "no element is allowed here"


def _qualified(name: str) -> str:
    """xml:lang as lxml names it."""
    return name.replace("xml:", XML_NS)


def explain(log, root: etree._Element, filename: str) -> list[Diagnostic]:
    """The RELAX NG error log as diagnostics, each traced to its line, without repeats."""
    seen: dict[tuple[int | None, str], None] = {}
    for entry in log:
        message = entry.message.replace("Relax-NG validity error : ", "").strip()
        for key in _explain_one(entry.line or None, message, root):
            seen.setdefault(key, None)
    lines = {line for line, text in seen if not GENERIC.fullmatch(text)}
    return [Diagnostic(filename, line, text) for line, text in seen
            if not (GENERIC.fullmatch(text) and (line in lines or (line is None and lines)))]


#: libxml2's summary of errors it reports in detail too.
GENERIC = re.compile(r"Element \S+ failed to validate (attributes|content)")
