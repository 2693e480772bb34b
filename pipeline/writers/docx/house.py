"""The house style (pipeline/styles/house.toml), read once: styles, languages, page."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

HOUSE_TOML = Path(__file__).resolve().parents[2] / "styles" / "house.toml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@lru_cache(maxsize=1)
def house() -> dict[str, Any]:
    """The parsed house.toml."""
    with HOUSE_TOML.open("rb") as fh:
        return tomllib.load(fh)


def styles() -> dict[str, dict[str, Any]]:
    """Named styles -> properties, in file order (parents come before children)."""
    return house()["styles"]


def outline_level(name: str) -> int | None:
    """The outline level of a named style, its own or its parent's (None: body text)."""
    seen = set()
    while name and name not in seen:
        seen.add(name)
        props = styles().get(name, {})
        if props.get("outline_level"):
            return int(props["outline_level"])
        name = props.get("based_on", "")
    return None


def language_tag(lang: str) -> str:
    """The tag written on the styles: fr -> fr-FR (house.toml); fr-CH and unlisted ones as is."""
    return house()["languages"].get(lang.lower(), lang)


def document_tag(root: Any) -> str:
    """The language tag of a document element (its xml:lang, region added)."""
    return language_tag(root.get(XML_LANG, "en"))


def odt_name(name: str) -> str:
    """The ODT internal name of a style, encoded as LibreOffice does ("A B" -> "A_20_B")."""
    builtin = house()["odt_names"].get(name)
    if builtin:
        return builtin
    return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", name)
