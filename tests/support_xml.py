"""Helpers for comparing XML in tests: canonical form and a readable diff."""
from __future__ import annotations

import difflib

from lxml import etree


def canonical(data: bytes) -> str:
    """C14N 2.0 of an XML document, whitespace-only text between elements dropped."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    root = etree.fromstring(data, parser)
    return etree.tostring(root, method="c14n2", strip_text=False).decode()


def pretty(data: bytes) -> list[str]:
    """Lines of a pretty-printed canonical tree, for a diff a person can read."""
    root = etree.fromstring(canonical(data).encode())
    return etree.tostring(root, pretty_print=True, encoding="unicode").splitlines()


def xml_diff(expected: bytes, actual: bytes) -> str:
    """A unified diff of two documents after canonicalisation (empty when equal)."""
    if canonical(expected) == canonical(actual):
        return ""
    return "\n".join(difflib.unified_diff(pretty(expected), pretty(actual), "expected", "actual",
                                          lineterm="", n=2))
