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
    """The body paragraphs' text after Accept All (or Reject All), as Word does it.

    Accept: w:del and its content go, w:ins is unwrapped; a paragraph whose mark is deleted
    joins the next one. Reject: the reverse (deleted text comes back from w:delText).
    Paragraphs empty after this are dropped.
    """
    body = docx_part(data).find(f"{W}body")
    drop, keep = ("del", "ins") if accept else ("ins", "del")
    out, carry = [], ""
    for p in body.iterchildren(f"{W}p"):
        joins = p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None
        for el in list(p.iterchildren(f"{W}{drop}")):
            p.remove(el)
        text = ""
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}br"):
            text += "\n" if el.tag == f"{W}br" else (el.text or "")
        if joins:
            carry += text
            continue
        if carry + text:
            out.append(carry + text)
        carry = ""
    if carry:
        out.append(carry)
    return out


def after_heading(paragraphs: list[str], heading: str) -> list[str]:
    """The paragraphs that follow the one equal to ``heading``."""
    return paragraphs[paragraphs.index(heading) + 1:]


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
