"""Loading XML safely and writing it in the canonical, diff-friendly layout."""
from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .errors import Diagnostic, PipelineError, error

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ITS_NS = "http://www.w3.org/2005/11/its"

#: Elements whose children are elements only: each child goes on its own line.
CONTAINERS = frozenset({
    "document", "meta", "agenda", "day", "item", "speakers", "questions",
    "body", "para", "section", "annex", "footnotes", "list", "summary", "entry", "documents",
})
#: Attribute order when written; anything else follows, sorted by name.
ATTR_ORDER = ["id", "type", f"{{{XML_NS}}}lang", "version", "date", "start", "end",
              "kind", "n", "label", "style", "from", "to", "file", "sha256"]
MAX_DEPTH = 200


def safe_parser() -> etree.XMLParser:
    """A parser that reads no DTD, expands no entity, touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


def load(path: Path | str, data: bytes | None = None) -> etree._ElementTree:
    """Parse an XML file; refuse DOCTYPEs, entities and XInclude with a file:line error."""
    path = str(path)
    if data is None:
        data = Path(path).read_bytes()
    try:
        tree = etree.fromstring(data, safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (exc.lineno, None))
        raise error(path, line, f"not well-formed XML: {exc.msg}", col) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise error(path, 1, "a DOCTYPE is not allowed in a document (no DTD, no entities)")
    root = tree.getroot()
    for el in root.iter(etree.Entity):
        raise error(path, el.sourceline, "entity references are not allowed")
    for el in root.iter("{http://www.w3.org/2001/XInclude}*"):
        raise error(path, el.sourceline, "XInclude is not allowed in a document")
    _check_depth(root, path)
    return tree


def _check_depth(root: etree._Element, path: str) -> None:
    """Refuse absurd nesting before any recursive code walks the tree."""
    for el in root.iter():
        depth = sum(1 for _ in el.iterancestors())
        if depth > MAX_DEPTH:
            raise error(path, el.sourceline, f"elements nested more than {MAX_DEPTH} deep")


def model_pis(dest: Path | str | None) -> list[str]:
    """The <?xml-model?> processing instructions pointing at the schemas, relative to dest."""
    base = Path(dest).resolve().parent if dest else Path.cwd()
    rng = os.path.relpath(SCHEMA_DIR / "document.rng", base)
    sch = os.path.relpath(SCHEMA_DIR / "document.sch", base)
    return [
        f'<?xml-model href="{rng}" type="application/xml" '
        f'schematypens="http://relaxng.org/ns/structure/1.0"?>',
        f'<?xml-model href="{sch}" type="application/xml" '
        f'schematypens="http://purl.oclc.org/dsdl/schematron"?>',
    ]


def _order_attributes(el: etree._Element) -> None:
    """Rewrite the attributes of el in ATTR_ORDER, then the rest by name."""
    items = list(el.attrib.items())
    rank = {name: i for i, name in enumerate(ATTR_ORDER)}
    items.sort(key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))
    el.attrib.clear()
    for k, v in items:
        el.set(k, v)


def _is_container(el: etree._Element) -> bool:
    """True for elements laid out one child per line. Never an element with text of its
    own (mixed content is left exactly as it is)."""
    if (el.text or "").strip() or any((c.tail or "").strip() for c in el):
        return False
    if el.tag == "item":  # an agenda item holds elements; a list item holds text or blocks
        parent = el.getparent()
        if parent is None or parent.tag != "list":
            return True
    elif el.tag in CONTAINERS:
        return True
    # A list item or footnote made of paragraphs is a container too.
    return (el.tag in ("item", "footnote") and len(el) > 0
            and all(isinstance(c.tag, str) and c.tag in ("p", "list") for c in el))


def canonical_layout(root: etree._Element, indent: str = "  ") -> None:
    """Lay out the tree in place: containers one child per line, text elements untouched."""
    stack = [(root, 0)]
    while stack:
        el, level = stack.pop()
        if isinstance(el.tag, str):
            _order_attributes(el)
        if not isinstance(el.tag, str) or not _is_container(el) or len(el) == 0:
            for child in el:
                if isinstance(child.tag, str):
                    _order_attributes_deep(child)
            continue
        pad = "\n" + indent * (level + 1)
        el.text = pad
        children = list(el)
        for i, child in enumerate(children):
            child.tail = pad if i < len(children) - 1 else "\n" + indent * level
            stack.append((child, level + 1))


def _order_attributes_deep(el: etree._Element) -> None:
    """Order attributes on el and its whole subtree."""
    for sub in el.iter():
        if isinstance(sub.tag, str):
            _order_attributes(sub)


def serialize(tree: etree._ElementTree | etree._Element, dest: Path | str | None = None) -> bytes:
    """The canonical bytes of a document: declaration, xml-model PIs, laid-out tree."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    canonical_layout(root)
    # UTF-8 bytes from lxml straight away (it writes no declaration for UTF-8): through a
    # str of the whole document, a 53 MB master took 305 MB beyond its tree, now 114 MB.
    body = etree.tostring(root, encoding="utf-8")
    head = ['<?xml version="1.0" encoding="UTF-8"?>', *model_pis(dest)]
    return b"".join([("\n".join(head) + "\n").encode("utf-8"), body, b"\n"])


def strip_layout(root: etree._Element) -> None:
    """Drop whitespace-only text inside containers (the inverse of canonical_layout)."""
    for el in root.iter():
        if isinstance(el.tag, str) and _is_container(el):
            if el.text is not None and not el.text.strip():
                el.text = None
            for child in el:
                if child.tail is not None and not child.tail.strip():
                    child.tail = None


def reformat(data: bytes, path: str, dest: Path | str | None = None) -> bytes:
    """Parse XML bytes and return them in the canonical layout (the `fmt` command)."""
    tree = load(path, data)
    root = tree.getroot()
    strip_layout(root)
    return serialize(root, dest or path)


def diagnostics_text(diags: list[Diagnostic]) -> str:
    """Join diagnostics one per line."""
    return "\n".join(str(d) for d in diags)


__all__ = ["load", "serialize", "reformat", "strip_layout", "PipelineError"]
