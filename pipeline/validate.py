"""Validation against schemas/: RELAX NG first, then Schematron; errors as file:line."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree, isoschematron

from .errors import Diagnostic
from .xmlio import SCHEMA_DIR


@lru_cache(maxsize=1)
def relaxng() -> etree.RelaxNG:
    """The compiled RELAX NG grammar, once per process."""
    return etree.RelaxNG(etree.parse(str(SCHEMA_DIR / "document.rng")))


@lru_cache(maxsize=1)
def schematron() -> isoschematron.Schematron:
    """The compiled Schematron rules, once per process."""
    return isoschematron.Schematron(etree.parse(str(SCHEMA_DIR / "document.sch")),
                                    store_report=True)


def validate(tree: etree._ElementTree | etree._Element, filename: str) -> list[Diagnostic]:
    """All errors of a document: grammar errors, then (if none) rule violations."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    rng = relaxng()
    if not rng.validate(root):
        from .schemamsg import explain

        return explain(rng.error_log, root, filename)
    if _rules_hold(root):
        return []
    sch = schematron()
    if sch.validate(root):
        return []
    return _schematron_errors(sch.validation_report, root, filename)


#: A number as the rules compare it, when it is plainly one (digits only: XPath's number()
#: of it is exact); anything else is left to the Schematron itself.
_DIGITS_RE = re.compile(r"[0-9]{1,15}")
#: Elements whose text must not be empty (document.sch, patterns "text" and "text-p").
_TEXT_TAGS = ("title", "heading", "name", "question", "discussion", "end", "p")
_STRING = etree.XPath("string()")
#: What normalize-space() strips.
_XPATH_SPACE = " \t\r\n"
#: A run of what normalize-space() collapses (XML spaces only, not every Unicode space).
_XML_SPACES_RE = re.compile("[ \t\r\n]+")


def _has_text(el: etree._Element) -> bool:
    """normalize-space(el) != '' (el's own text first: its string value starts with it)."""
    return bool(el.text and el.text.strip(_XPATH_SPACE) or _STRING(el).strip(_XPATH_SPACE))


def _number(value: str | None, drop: str = "") -> int | None:
    """number(translate(value, drop, '')) of a rule when value is plainly digits, else None."""
    if value is None:
        return None
    if drop:
        value = value.replace(drop, "")
    return int(value) if _DIGITS_RE.fullmatch(value) else None


def _previous(el: etree._Element, tag: str | None = None) -> etree._Element | None:
    """preceding-sibling::*[1] (tag None) or preceding-sibling::tag[1] of el."""
    for sib in el.itersiblings(preceding=True):
        if isinstance(sib.tag, str) and (tag is None or sib.tag == tag):
            return sib
    return None


def _nearest_annex(el: etree._Element) -> etree._Element | None:
    """ancestor::annex[1] of el."""
    return next(el.iterancestors("annex"), None)


#: The marks of star notes (schema R17).
STAR_MARKS = ("*", "**", "***")


def _rules_hold(root: etree._Element) -> bool:
    """True when every rule of schemas/document.sch holds, checked in one cheap pass a rule
    (the Schematron, run as XSLT, walks the tree once a pattern); False when one fails or
    when a value is not plainly a number, and the Schematron itself then judges and words
    the errors. Only ever True when the Schematron would find nothing: it decides nothing
    the Schematron would not (tests/test_schema.py mutates documents to hold it to that)."""
    if root.getparent() is not None or root.tag != "document":
        return False
    kind = root.get("type")
    if kind == "agenda" and root.find("agenda") is None or kind == "paper" and root.find("body") is None:
        return False
    ids: set[str] = set()
    refs: dict[str, int] = {}
    for ref in root.iter("noteref"):
        to = ref.get("to")
        if to is None:
            return False
        refs[to] = refs.get(to, 0) + 1
    symbols = [el for el in root.iter("symbol") if el.get("note") is not None]
    for symbol in symbols:  # R17: the symbol's star note, referenced by meta/symbol/@note
        parent = symbol.getparent()
        if parent is not None and parent.tag == "meta" and parent.getparent() is root:
            refs[symbol.get("note")] = refs.get(symbol.get("note"), 0) + 1
    for fn in root.iter("footnote"):
        mark, fid = fn.get("n") or "", fn.get("id")
        before = fn.itersiblings("footnote", preceding=True)  # (walked only as far as needed)
        if mark in STAR_MARKS:  # R17: *, **, *** before the numbered notes
            if fid != f"fns{len(mark)}" or refs.get(fid) != 1 or len(mark) != sum(1 for _ in before) + 1:
                return False
            ids.add(fid)
            continue
        prev = next((sib for sib in before if not (sib.get("n") or "").startswith("*")), None)
        n, last = _number(mark), _number(prev.get("n")) if prev is not None else 0
        if n is None or last is None or fid is None or refs.get(fid) != 1 or fid != "fn" + mark \
                or n != last + 1:
            return False
        ids.add(fid)
    if not refs.keys() <= ids or any(not el.get("note").startswith("fns") or el.get("note") not in ids
                                     for el in symbols):
        return False
    before = None  # preceding::para[1], paras not nested
    for para in root.iter("para"):
        n = _number(para.get("n"))
        if n is None or next(para.iterancestors("para"), None) is not None:
            return False
        sib = _previous(para)
        if sib is not None and sib.tag == "para":
            expected = _number(sib.get("n"))
        elif _nearest_annex(before) is not _nearest_annex(para) if before is not None \
                else _nearest_annex(para) is not None:
            expected = 0
        else:
            expected = _number(before.get("n")) if before is not None else 0
        if expected is None or n != expected + 1:
            return False
        before = para
    for annex in root.iter("annex"):
        n, heading = annex.get("n"), annex.find("heading")
        if n is None:
            continue
        printed = _XML_SPACES_RE.sub(" ", _STRING(heading).strip(_XPATH_SPACE)) if heading is not None else ""
        if f" {n} " not in f" {printed} ":
            return False
    for item in root.iter("item"):
        start, end = item.get("start"), item.get("end")
        if start is not None and end is not None:
            s, e = _number(start, ":"), _number(end, ":")
            if s is None or e is None or not e > s:
                return False
        parent = item.getparent()
        prev = _previous(item, "item") if parent is not None and parent.tag == "day" else None
        if prev is not None:
            s, p = _number(start, ":"), _number(prev.get("start"), ":")
            if s is None or p is None or not s >= p:
                return False
    for day in root.iter("day"):
        prev = _previous(day, "day")
        if prev is not None:
            d, p = _number(day.get("date"), "-"), _number(prev.get("date"), "-")
            if d is None or p is None or not d > p:
                return False
    for dates in root.iter("dates"):
        parent = dates.getparent()
        if parent is not None and parent.tag == "meta":
            a, b = _number(dates.get("from"), "-"), _number(dates.get("to"), "-")
            if a is None or b is None or not b >= a:
                return False
    return all(_has_text(el) or el.tag == "p" and el.find("noteref") is not None
               for el in root.iter(_TEXT_TAGS))


def _clean(message: str) -> str:
    """Strip libxml2's 'Relax-NG validity error' prefixes."""
    return message.replace("Relax-NG validity error : ", "").strip()


def _schematron_errors(report, root, filename: str) -> list[Diagnostic]:
    """Turn an SVRL report into diagnostics with the line of the failing element."""
    svrl = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    out = []
    for failed in report.xpath("//svrl:failed-assert", namespaces=svrl):
        text = " ".join(failed.findtext("svrl:text", namespaces=svrl).split())
        line = None
        try:
            hits = root.getroottree().xpath(_svrl_location(failed.get("location")))
            if hits and hasattr(hits[0], "sourceline"):
                line = hits[0].sourceline
        except etree.XPathError:
            pass
        out.append(Diagnostic(filename, line, text))
    return out


def _svrl_location(location: str) -> str:
    """Make an SVRL location (with *:name[namespace-uri()=''] steps) usable on our tree."""
    import re

    return re.sub(r"\*:([\w-]+)\[namespace-uri\(\)=''\]", r"\1", location)
