"""Per-document metadata: ``sources/<docid>.toml`` sets title-block fields for every version.

What the officer knows that the text does not say (the symbol, the date of issue, the
distribution, the session, the organisation), written once for all language versions::

    symbol = "MC/INF/293"
    issued = 2008-11-03              # a date: printed in each version's language
    distribution = "general"         # general | limited | restricted: "Distr.: General", ...
    original-language = "en"         # "Original: English", "Original : anglais", ...
    organisation = "International Organization for Migration"   # the same in every version
    [job]                            # the UN job number of each version (R15): printed at
    en = "24-23868 (E)"              # the page foot with the date code and the barcode
    [session]                        # or one text per language
    en = "Ninety-sixth session"
    fr = "Quatre-vingt-seizième session"
    [status]                         # printed above the title block (R18)
    en = "Advance unedited version"
    fr = "Version préliminaire non éditée"

A value set here replaces what the reader found. The file is read with tomllib and checked
before anything is built: an unknown field, a wrong type or an unknown language is an
error naming ``file:line``. The organisation chooses the house style (writers/docx/house.py).
"""
from __future__ import annotations

import datetime as dt
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from lxml import etree

from .errors import Diagnostic, PipelineError
from .writers import labels

#: meta's children in the schema's order (document.rng), before source.
META_ORDER = ("title", "subtitle", "series", "meeting", "symbol", "original-language",
              "organisation", "issued", "distribution", "session", "agenda-item", "dates", "job",
              "status")
#: Fields of the file: those of text, then those the writers print from a value.
TEXT_FIELDS = ("symbol", "organisation", "session", "agenda-item", "job", "status")
VALUE_FIELDS = ("issued", "distribution", "original-language")
VERSION_2 = ("organisation", "issued", "distribution", "session", "agenda-item", "job", "status")
#: Fields never translated: marked its:translate="no".
UNTRANSLATED = ("symbol", "job")
LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
#: A UN job number as printed (R15): "24-23868 (E)".
JOB = re.compile(r"\d{2}-\d{5}\*?( \([A-Z]\))?")
#: "Distr.: General" in each language, by level.
DISTRIBUTION = {
    "en": {"general": "Distr.: General", "limited": "Distr.: Limited",
           "restricted": "Distr.: Restricted"},
    "fr": {"general": "Distr. générale", "limited": "Distr. limitée",
           "restricted": "Distr. restreinte"},
    "es": {"general": "Distr. general", "limited": "Distr. limitada",
           "restricted": "Distr. reservada"},
}
#: "Original: English": the pattern, and each language's name, in each language.
ORIGINAL = {"en": "Original: {}", "fr": "Original : {}", "es": "Original: {}"}
LANGUAGE_IN = {
    "en": {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese",
           "ru": "Russian"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol", "ar": "arabe", "zh": "chinois",
           "ru": "russe"},
    "es": {"en": "inglés", "fr": "francés", "es": "español", "ar": "árabe", "zh": "chino",
           "ru": "ruso"},
}

Metadata = dict[str, Any]


def sidecar(source: Path) -> Path:
    """The metadata file of a source: sources/<docid>.toml beside sources/<docid>.<lang>.txt
    (and above the drafts in sources/drafts/, so that a redline compares like with like)."""
    folder = source.parent.parent if source.parent.name == "drafts" else source.parent
    return folder / f"{source.name.split('.')[0]}.toml"


def key_line(text: str, key: str) -> int | None:
    """The line where ``key`` is set: ``key = ...``, ``key.fr = ...`` or ``[key]``."""
    pattern = re.compile(rf'^[ \t]*(\[[ \t]*)?("?){re.escape(key)}\2\s*(=|\.|\])', re.M)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def read(path: Path) -> Metadata:
    """The checked fields of a metadata file; PipelineError naming file:line otherwise."""
    name = str(path)
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
        raise PipelineError(Diagnostic(name, None, "is not a regular file (a symbolic link?): "
                                                   "metadata files are regular files"))
    text = path.read_bytes().decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, col = (int(where[1]), int(where[2])) if where else (None, None)
        raise PipelineError(Diagnostic(name, line, f"not TOML: {message}", col=col)) from None
    errors = [Diagnostic(name, key_line(text, key), problem)
              for key, value in data.items() if (problem := check(key, value))]
    if errors:
        raise PipelineError(errors)
    return data


def check(key: str, value: Any) -> str | None:
    """What is wrong with one field, or None."""
    if key == "job":
        return check_text(key, value) or check_job(value)
    if key in TEXT_FIELDS:
        return check_text(key, value)
    if key == "issued":
        return None if isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
            else "issued must be a date without quotes (issued = 2008-11-03)"
    if key == "distribution":
        return None if value in DISTRIBUTION["en"] else \
            f"distribution must be one of {', '.join(DISTRIBUTION['en'])} (found {value!r})"
    if key == "original-language":
        return None if isinstance(value, str) and LANG.fullmatch(value) else \
            f"original-language must be a language code such as \"en\" (found {value!r})"
    return f"unknown field {key!r}; the fields are {', '.join(TEXT_FIELDS + VALUE_FIELDS)}"


def check_text(key: str, value: Any) -> str | None:
    """A text field: a non-empty string, or a table of language -> non-empty string."""
    if isinstance(value, str):
        return None if value.strip() else f"{key} is empty"
    if not isinstance(value, dict):
        return f"{key} must be a text or a table of texts by language (found {value!r})"
    for lang, text in value.items():
        if not LANG.fullmatch(lang):
            return f"{key}: {lang!r} is not a language code (en, fr, es, ...)"
        if not isinstance(text, str) or not text.strip():
            return f"{key}.{lang} must be a non-empty text"
    return None


def check_job(value: str | dict[str, str]) -> str | None:
    """A job number, or one per language, as the UN prints it."""
    for text in value.values() if isinstance(value, dict) else [value]:
        if not JOB.fullmatch(" ".join(text.split())):
            return f"job must be a job number such as \"24-23868 (E)\" (found {text!r})"
    return None


def apply(tree: etree._ElementTree, data: Metadata) -> None:
    """Set each field of ``data`` in the document's meta, for the document's language."""
    root = tree.getroot()
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang", "en")
    meta = root.find("meta")
    for key, value in data.items():
        printed = printed_value(key, value, lang)
        if printed is None:
            continue  # a text given for other languages only
        text, attrs = printed
        el = meta.find(key)
        if el is None:
            el = etree.Element(key)
            place(meta, el)
        el.clear(keep_tail=True)
        el.text = text
        for name, attr in attrs.items():
            el.set(name, attr)
        if key in UNTRANSLATED:
            el.set("{http://www.w3.org/2005/11/its}translate", "no")
    if any(meta.find(k) is not None for k in VERSION_2):
        root.set("version", "2")


def printed_value(key: str, value: Any, lang: str) -> tuple[str, dict[str, str]] | None:
    """The text (and attributes) of a field as the version in ``lang`` prints it."""
    base = labels.base_language(lang)
    if key == "issued":
        return labels.format_date(value.isoformat(), lang), {"date": value.isoformat()}
    if key == "distribution":
        return DISTRIBUTION.get(base, DISTRIBUTION["en"])[value], {"level": value}
    if key == "original-language":
        names = LANGUAGE_IN.get(base, LANGUAGE_IN["en"])
        return ORIGINAL.get(base, ORIGINAL["en"]).format(names.get(value, value)), {}
    if isinstance(value, dict):
        text = value.get(lang, value.get(base))
        return None if text is None else (" ".join(text.split()), {})
    return " ".join(value.split()), {}


def place(meta: etree._Element, el: etree._Element) -> None:
    """Insert a new meta child where the schema wants it."""
    rank = META_ORDER.index(el.tag)
    for child in meta:
        if child.tag == "source" or (child.tag in META_ORDER
                                     and META_ORDER.index(child.tag) > rank):
            child.addprevious(el)
            return
    meta.append(el)
