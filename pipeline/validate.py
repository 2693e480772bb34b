"""Validation against schemas/: RELAX NG first, then Schematron; errors as file:line."""
from __future__ import annotations

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
    sch = schematron()
    if sch.validate(root):
        return []
    return _schematron_errors(sch.validation_report, root, filename)


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
