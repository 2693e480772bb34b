"""Paths and helpers shared by the comparison tests (imported as ``compare_support``)."""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = ROOT / "sources"
DOCS = ("idm2008-return-migration-paper", "idm2008-ws2-agenda")
#: Raw texts the reader must be told not to check word for word: b.en.txt prints "6." after
#: "4." (a paragraph left out), and the reader renumbers it 5 (with a warning), as the
#: schema wants paragraphs numbered 1..n; so the word "6" is not in the XML.
NO_CHECK: set[str] = set()  # every fixture parses with the no-text-lost check on


def pipeline_command() -> list[str]:
    """The installed ``pipeline`` script, or ``python -m pipeline`` when there is none."""
    script = ROOT / ".venv" / "bin" / "pipeline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_part(data: bytes, name: str = "word/document.xml") -> etree._Element:
    """One XML part of a DOCX, parsed with lxml."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def resolve_changes(data: bytes, accept: bool) -> list[str]:
    """The paragraphs' text (the body's and its tables', or a footnote's) after Accept All
    (or Reject All), as Word does it, footnote references as "[n]" in order.

    Accept: w:del and its content go, w:ins is unwrapped; a paragraph whose mark is deleted
    joins the next one. Reject: the reverse (deleted text comes back from w:delText).
    Paragraphs empty after this are dropped.
    """
    return _resolve(docx_part(data).find(f"{W}body"), accept)


def resolve_footnotes(data: bytes, accept: bool) -> list[str]:
    """The text of each footnote whose reference survives Accept All (or Reject All), in
    the order of the references."""
    doc = docx_part(data)
    drop = "del" if accept else "ins"
    refs = [r.get(f"{W}id") for r in doc.iter(f"{W}footnoteReference")
            if not any(a.tag == f"{W}{drop}" for a in r.iterancestors())]
    notes = {fn.get(f"{W}id"): fn for fn in docx_part(data, "word/footnotes.xml")}
    return [" ".join(_resolve(notes[n], accept)).strip() for n in refs]


def _resolve(container: etree._Element, accept: bool) -> list[str]:
    """The paragraphs inside container after Accept All (or Reject All)."""
    drop = "del" if accept else "ins"
    out, carry, n = [], "", 0
    for p in container.iter(f"{W}p"):
        joins = p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None
        text = ""
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}br", f"{W}tab", f"{W}footnoteReference"):
            if any(a.tag == f"{W}{drop}" for a in el.iterancestors()):
                continue
            if el.tag == f"{W}footnoteReference":
                n += 1
                text += f"[{n}]"
            else:
                text += {f"{W}br": "\n", f"{W}tab": "\t"}.get(el.tag, el.text or "")
        if joins:
            carry += text
            continue
        if carry + text:
            out.append(carry + text)
        carry = ""
    if carry:
        out.append(carry)
    return out


def paper_text(xml_path: Path) -> list[str]:
    """A paper's paragraphs as the redline prints them, read straight from the XML:
    meta fields, headings ("I. " when numbered), "n. " + paragraph (its p and list items
    on separate lines), "n " + footnote; note references as their number."""
    root = etree.parse(str(xml_path)).getroot()
    numbers = {fn.get("id"): fn.get("n") for fn in root.iter("footnote")}

    def text(el: etree._Element) -> str:
        """The collapsed text of el, note references as their numbers."""
        parts = [el.text or ""]
        for child in el:
            parts.append(numbers[child.get("to")] if child.tag == "noteref" else text(child))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    out = []
    for name in ("title", "subtitle", "series", "meeting", "symbol", "original-language",
                 "dates"):
        if root.find(f"meta/{name}") is not None:
            out.append(text(root.find(f"meta/{name}")))
    for el in root.find("body").iter("heading", "para"):
        if el.tag == "heading":
            out.append((f"{el.get('n')}. " if el.get("n") else "") + text(el))
        else:
            out.append(f"{el.get('n')}. " + "\n".join(text(p) for p in el.iter("p")))
    for fn in root.iter("footnote"):
        out.append(f"{fn.get('n')} " + text(fn))
    return out


def remove_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent, prev = el.getparent(), el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + (el.tail or "")
    else:
        parent.text = (parent.text or "") + (el.tail or "")
    parent.remove(el)
