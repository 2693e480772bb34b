"""The house style (pipeline/styles/house.toml), read once: styles, languages, page."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

HOUSE_TOML = Path(__file__).resolve().parents[2] / "styles" / "house.toml"
#: Used when neither the document nor house.toml gives a region.
FALLBACK_LANGUAGE = "en-GB"


@lru_cache(maxsize=1)
def house() -> dict[str, Any]:
    """The parsed house.toml."""
    with HOUSE_TOML.open("rb") as fh:
        return tomllib.load(fh)


def styles() -> dict[str, dict[str, Any]]:
    """Named styles -> properties, in file order (parents come before children)."""
    return house()["styles"]


def language_tag(lang: str) -> str:
    """The region-qualified tag for a document language: fr -> fr-FR; fr-CH stays fr-CH."""
    if "-" in lang:
        return lang
    return house()["languages"].get(lang.lower(), f"{lang.lower()}-{lang.upper()}"
                                    if len(lang) == 2 else FALLBACK_LANGUAGE)


def split_tag(tag: str) -> tuple[str, str]:
    """A language tag as (language, country): "fr-FR" -> ("fr", "FR")."""
    lang, _, country = tag.partition("-")
    return lang.lower(), country.upper()


def odt_name(name: str) -> str:
    """The ODT internal name of a style, encoded as LibreOffice does ("A B" -> "A_20_B")."""
    builtin = house()["odt_names"].get(name)
    if builtin:
        return builtin
    return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", name)
