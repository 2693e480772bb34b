"""A Markdown rendering of a document's XML, for the pandoc-alone baseline.

What a user converting by hand would feed pandoc: the title as ``#``, the title block as
lines, headings, numbered paragraphs as text that starts with the number, footnotes as
pandoc ``[^n]`` notes, agenda days and items as headings with paragraphs and lists.
"""
from __future__ import annotations

import json
import re

from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ESCAPE_RE = re.compile(r"([\\`*_\[\]<>$^~@|#])")
#: A list marker that would open a list at the start of a block: "1.", "a)", "IV.", "(ii)".
_MARKER_RE = re.compile(r"^(\(?)([0-9]+|[a-zA-Z]{1,4})([.)])(?=\s|$)")
LIST_MARKERS = {"bullet": lambda k, n: "-", "number": lambda k, n: f"{n or k}.",
                "alpha": lambda k, n: f"({n or chr(96 + k)})", "roman": lambda k, n: f"({n or 'i'})"}


def escape(text: str) -> str:
    """Text as literal Markdown on one line (runs of white space become one space)."""
    return _ESCAPE_RE.sub(r"\\\1", re.sub(r"\s+", " ", text))


def block(text: str) -> str:
    """Escaped text that starts a block: a leading list or quote marker stays literal."""
    text = text.strip()
    m = _MARKER_RE.match(text)
    if m:
        return ("\\(" if m.group(1) else "") + m.group(2) + "\\" + text[m.end(2):]
    return "\\" + text if text[:1] in "-+*>:%=|" else text


def inline(el: etree._Element, notes: dict[str, str]) -> str:
    """An element's text with its inline children (noteref, emph, strong)."""
    parts = [escape(el.text or "")]
    for child in el:
        if child.tag == "noteref":
            parts.append(f"[^{notes.get(child.get('to'), child.get('to'))}]")
        elif child.tag == "emph":
            parts.append(f"*{inline(child, notes)}*")
        elif child.tag == "strong":
            parts.append(f"**{inline(child, notes)}**")
        else:
            parts.append(inline(child, notes))
        parts.append(escape(child.tail or ""))
    return "".join(p for p in parts).strip()


def _meta(doc: etree._Element) -> list[str]:
    """The YAML block (page title and language) and the title block."""
    meta = doc.find("meta")
    title = " ".join((meta.findtext("title") or "").split())
    out = ["---", f"pagetitle: {json.dumps(title, ensure_ascii=False)}",
           f"lang: {doc.get(XML_LANG, 'en')}", "---", "", f"# {escape(title)}", ""]
    for tag in ("subtitle", "series", "meeting", "symbol", "original-language", "dates"):
        text = meta.findtext(tag)
        if text:
            out += [block(escape(text)), ""]
    return out


def _list(lst: etree._Element, notes: dict[str, str], indent: str = "") -> list[str]:
    """A list, nested lists indented under their item."""
    out = []
    marker = LIST_MARKERS.get(lst.get("style"), LIST_MARKERS["bullet"])
    for k, item in enumerate(lst.findall("item"), start=1):
        mark = marker(k, item.get("n"))
        pad = indent + " " * (len(mark) + 1)
        blocks = [c for c in item if c.tag in ("p", "list")]
        if not blocks:
            out += [f"{indent}{mark} {block(inline(item, notes))}", ""]
            continue
        first = True
        for child in blocks:
            if child.tag == "p":
                out += [f"{indent + mark + ' ' if first else pad}{block(inline(child, notes))}", ""]
            else:
                if first:
                    out += [f"{indent}{mark} {block(escape(item.text or ''))}", ""]
                out += _list(child, notes, pad)
            first = False
    return out


def _body(part: etree._Element, notes: dict[str, str], level: int) -> list[str]:
    """Paragraphs, lists and sections of a paper."""
    out = []
    for el in part:
        if el.tag == "heading":
            n = f"{el.get('n')}. " if el.get("n") else ""
            out += [f"{'#' * min(level, 6)} {escape(n + (el.text or ''))}", ""]
        elif el.tag == "section":
            out += _body(el, notes, level + 1)
        elif el.tag == "para":
            first = True
            for child in el:
                if child.tag == "p" and first:
                    out += [f"{el.get('n')}\\. {inline(child, notes)}", ""]
                elif child.tag == "p":
                    out += [block(inline(child, notes)), ""]
                elif child.tag == "list":
                    out += _list(child, notes)
                first = False
        elif el.tag == "p":
            out += [block(inline(el, notes)), ""]
        elif el.tag == "list":
            out += _list(el, notes)
    return out


def _person(person: etree._Element) -> str:
    """"Name, role"."""
    role = person.findtext("role")
    return block(escape(person.findtext("name") or "") + (f", {escape(role)}" if role else ""))


def _item(item: etree._Element, notes: dict[str, str]) -> list[str]:
    """One programme item: its time and title as a heading, then its parts."""
    when = item.get("start") + (f"–{item.get('end')}" if item.get("end") else "")
    label = f"{item.get('label')} {item.get('n')}: " if item.get("n") else ""
    out = [f"### {when} {escape(label)}{inline(item.find('title'), notes)}", ""]
    for el in item:
        if el.tag == "p":
            out += [block(inline(el, notes)), ""]
        elif el.tag == "moderator":
            out += [f"**{escape(el.get('label') or 'Moderator')}:** {_person(el.find('person'))}", ""]
        elif el.tag == "speakers":
            if el.get("label"):
                out += [f"**{escape(el.get('label'))}:**", ""]
            out += [f"- {_person(p)}" for p in el.findall("person")] + [""]
        elif el.tag == "questions":
            if el.findtext("lead"):
                out += [block(escape(el.findtext("lead"))), ""]
            out += [f"- {block(inline(q, notes))}" for q in el.findall("question")] + [""]
        elif el.tag == "discussion":
            out += [f"*{escape(el.text or '').strip()}*", ""]
    return out


def _agenda(agenda: etree._Element, notes: dict[str, str]) -> list[str]:
    """Days as ``##`` headings, items as ``###`` headings with their parts."""
    out = []
    for el in agenda:
        if el.tag == "heading":
            out += [f"## {escape(el.text or '')}", ""]
        elif el.tag == "day":
            out += [f"## {escape(el.findtext('heading') or el.get('date'))}", ""]
            for child in el:
                if child.tag == "item":
                    out += _item(child, notes)
                elif child.tag == "end":
                    out += [f"*{escape(child.text or '').strip()}*", ""]
    return out


def _footnotes(doc: etree._Element, notes: dict[str, str]) -> list[str]:
    """``[^n]: text`` for every footnote, further paragraphs indented."""
    out = []
    for fn in doc.iterfind("footnotes/footnote"):
        paras = fn.findall("p") or [fn]
        out.append(f"[^{fn.get('n')}]: {inline(paras[0], notes)}")
        out += [f"\n    {block(inline(p, notes))}" for p in paras[1:]]
        out.append("")
    return out


def to_markdown(tree: etree._ElementTree | etree._Element) -> str:
    """The whole document as pandoc Markdown."""
    doc = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    notes = {fn.get("id"): fn.get("n") for fn in doc.iter("footnote")}
    out = _meta(doc)
    if doc.find("agenda") is not None:
        out += _agenda(doc.find("agenda"), notes)
    if doc.find("body") is not None:
        out += _body(doc.find("body"), notes, 1)
    out += _footnotes(doc, notes)
    return "\n".join(out) + "\n"
