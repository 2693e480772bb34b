"""XLIFF 1.2 out of a validated document, and a language version back out of an XLIFF.

``export(tree, target_lang)`` writes one ``<file>`` whose ``<skl><internal-file>`` holds the
source document (base64), and one ``<trans-unit>`` per leaf (leaves.py) with the leaf's id,
``translate="no"`` where the leaf is not to be translated, and its content as XLIFF inline
content (inline.py). ``merge(data, filename)`` reads an XLIFF made so (by us, then by any
tool that keeps ids and the header), checks that its units are the source's units -- none
missing, none unknown, the same source text, every inline code once in each target -- and
returns the source document with each target put in place, in the target language, or
raises a PipelineError naming every unit that does not match (file and line).
"""
from __future__ import annotations

import base64
import copy
import hashlib
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, PipelineError, error
from ..validate import validate
from ..xmlio import XML_NS, load, safe_parser, strip_layout
from .inline import Q, XLF, Codes, from_xliff, plain, protector, to_xliff
from .leaves import Leaf, leaves

XML_LANG = f"{{{XML_NS}}}lang"
#: Target states that say "not translated yet" (a target equal to its source in them is).
UNTRANSLATED = ("new", "needs-translation")


def _protect(root: etree._Element):
    """The protection pattern of a document: times, and the names of its persons."""
    return protector([" ".join("".join(n.itertext()).split()) for n in root.iter("name")])


def _source(leaf: Leaf, unit: etree._Element, protect) -> Codes:
    """Write the <source> of a leaf into unit; return its codes."""
    codes = Codes()
    source = etree.SubElement(unit, Q + "source")
    if leaf.attr:
        source.text = leaf.element.get(leaf.attr)
    else:
        to_xliff(leaf.element, source, protect if leaf.translate else None, codes)
    return codes


def export(tree: etree._ElementTree, target_lang: str, original: str,
           copy_source: bool = False, translation: etree._ElementTree | None = None) -> bytes:
    """The XLIFF 1.2 file of a validated document, for translation into target_lang;
    with copy_source, each target starts as a copy of its source marked
    state="needs-translation" (for tools that translate the target in place, as OmegaT 3);
    with translation (a language version of the same structure), a unit of the same id
    gets its text as target, state="translated"."""
    root = tree.getroot()
    done = {leaf.id: leaf for leaf in leaves(translation.getroot())} if translation else {}
    done_protect = _protect(translation.getroot()) if translation else None
    lang = root.get(XML_LANG)
    if target_lang == lang:
        raise PipelineError(Diagnostic(original, None,
                                       f"the document is in {lang} already: give another --target-lang"))
    xliff = etree.Element(Q + "xliff", nsmap={None: XLF}, version="1.2")
    file = etree.SubElement(xliff, Q + "file", original=original, datatype="xml")
    file.set("source-language", lang)
    file.set("target-language", target_lang)
    _header(file, etree.tostring(root, encoding="utf-8", xml_declaration=True))
    body = etree.SubElement(file, Q + "body")
    protect = _protect(root)
    for leaf in leaves(root):
        unit = etree.SubElement(body, Q + "trans-unit", id=leaf.id)
        unit.set("resname", leaf.kind)
        if not leaf.translate:
            unit.set("translate", "no")
        _source(leaf, unit, protect)
        if leaf.id in done:
            _source(done[leaf.id], unit, done_protect)
            unit[-1].tag, unit[-1].attrib["state"] = Q + "target", "translated"
        elif copy_source:
            target = copy.deepcopy(unit[0])
            target.tag, target.attrib["state"] = Q + "target", UNTRANSLATED[-1]
            unit.append(target)
    _layout(xliff)
    return etree.tostring(xliff, encoding="utf-8", xml_declaration=True)


def _header(file: etree._Element, skeleton: bytes) -> None:
    """The header: the source document (base64) as the skeleton, the tool, a note."""
    header = etree.SubElement(file, Q + "header")
    internal = etree.SubElement(etree.SubElement(header, Q + "skl"), Q + "internal-file",
                                form="base64", crc=str(int(hashlib.sha256(skeleton).hexdigest()[:8], 16)))
    internal.text = base64.b64encode(skeleton).decode("ascii")
    etree.SubElement(header, Q + "tool", {"tool-id": "pipeline", "tool-name": "pipeline"})
    etree.SubElement(header, Q + "note").text = (
        "The source document is the skeleton: translate the units, keep their ids, then run "
        "'pipeline xliff import' on this file.")


def _layout(el: etree._Element, level: int = 0) -> None:
    """One element per line down to the units; source and target are left as they are."""
    if el.tag in (Q + "source", Q + "target") or not len(el):
        return
    pad = "\n" + " " * (level + 1)
    el.text = pad
    for child in el:
        child.tail = pad
        _layout(child, level + 1)
    el[-1].tail = "\n" + " " * level


def _read(data: bytes, filename: str) -> tuple[etree._Element, etree._Element, etree._Element]:
    """The XLIFF's file element, the skeleton document's root, and the XLIFF root."""
    try:
        xliff = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise error(filename, exc.lineno, f"not well-formed XML: {exc.msg}") from None
    file = xliff.find(Q + "file")
    if xliff.tag != Q + "xliff" or xliff.get("version") != "1.2" or file is None:
        raise error(filename, xliff.sourceline, "not an XLIFF 1.2 file (xliff version=\"1.2\" with a file)")
    internal = file.find(f"{Q}header/{Q}skl/{Q}internal-file")
    if internal is None or internal.get("form") != "base64":
        raise error(filename, file.sourceline, "no source document inside (header/skl/internal-file "
                    "form=\"base64\", as 'pipeline xliff export' writes)")
    try:
        skeleton = base64.b64decode("".join((internal.text or "").split()), validate=True)
    except ValueError:
        raise error(filename, internal.sourceline, "the source document inside is not base64") from None
    doc = load(f"{filename} (skeleton)", skeleton).getroot()
    strip_layout(doc)
    return file, doc, xliff


def merge(data: bytes, filename: str, partial: bool = False) -> etree._ElementTree:
    """The translated document of an XLIFF (see the module docstring)."""
    file, doc, _ = _read(data, filename)
    units = {u.get("id"): u for u in file.iter(Q + "trans-unit")}
    protect = _protect(doc)
    problems: list[Diagnostic] = []
    expected = leaves(doc)
    known = {leaf.id for leaf in expected}
    for ident, unit in units.items():
        if ident not in known:
            problems.append(Diagnostic(filename, unit.sourceline, f"unit {ident}: not in the source document"))
    for leaf in expected:
        unit = units.get(leaf.id)
        if unit is None:
            problems.append(Diagnostic(filename, None, f"unit {leaf.id}: missing"))
            continue
        problems += [Diagnostic(filename, unit.sourceline, f"unit {leaf.id}: {p}")
                     for p in _put(leaf, unit, protect, partial)]
    if problems:
        raise PipelineError(problems)
    doc.set(XML_LANG, file.get("target-language") or "")
    src = doc.find("meta/source")
    src.set("file", Path(filename).name)
    src.set("sha256", hashlib.sha256(data).hexdigest())
    errors = validate(doc, filename)
    if errors:
        raise PipelineError(errors)
    return doc.getroottree()


def _put(leaf: Leaf, unit: etree._Element, protect, partial: bool) -> list[str]:
    """Put one unit's target in place; the problems found."""
    scratch = etree.Element("unit")
    codes = _source(leaf, scratch, protect)
    source = unit.find(Q + "source")
    if source is None or plain(source) != plain(scratch[0]):
        return ["its source text is not the source document's (was the source edited?)"]
    target = unit.find(Q + "target")
    if not leaf.translate:
        return []
    if target is None or not plain(target) or (
            target.get("state") in UNTRANSLATED and plain(target) == plain(source)):
        return [] if partial else ["no translation (use --partial to keep the source text)"]
    if leaf.attr:
        if len(target):
            return ["an attribute takes text only, no inline codes"]
        leaf.element.set(leaf.attr, plain(target))
        return []
    return from_xliff(target, leaf.element, codes)
