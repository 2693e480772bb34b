"""Every ODT's XML parts against the OASIS ODF 1.3 RELAX NG schema, with jing (Debian).

What shared/validators/odf.sh does (content, styles, meta and settings against schema.rng,
the manifest against manifest-schema.rng, ``jing -i``), for many packages in two jing runs.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "odf" / "1.3"
PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")
ERROR = re.compile(r"^(?P<file>/.+?):(?P<line>\d+):(?P<col>\d+): (?:error|fatal): (?P<msg>.*)$")


def jing() -> str | None:
    """The jing command, or None."""
    return shutil.which("jing")


def errors(packages: list[Path], work: Path) -> dict[Path, list[str]]:
    """Schema errors of each ODT package (unpacked under ``work``): package -> messages."""
    unpacked: dict[Path, Path] = {}
    for i, package in enumerate(packages):
        folder = work / f"{i}-{package.stem}"
        with zipfile.ZipFile(package) as zf:
            zf.extractall(folder)
        unpacked[folder] = package
    found: dict[Path, list[str]] = {p: [] for p in packages}
    runs = [("schema.rng", [f / p for f in unpacked for p in PARTS if (f / p).exists()]),
            ("manifest-schema.rng", [f / "META-INF" / "manifest.xml" for f in unpacked])]
    for schema, files in runs:
        proc = subprocess.run([jing(), "-i", str(SCHEMAS / schema), *map(str, files)],
                              capture_output=True, text=True, timeout=600)
        for line in proc.stdout.splitlines() + proc.stderr.splitlines():
            match = ERROR.match(line)
            if match:
                part = Path(match["file"])
                folder = next(f for f in unpacked if f in part.parents)
                where = part.relative_to(folder)
                found[unpacked[folder]].append(f"{where}:{match['line']}: {match['msg']}")
    return found
