"""Generate the office writers' reference documents from each pipeline/styles/<house>.toml.

    .venv/bin/python -m pipeline.styles.make_reference          # rewrite both
    .venv/bin/python -m pipeline.styles.make_reference --check  # exit 1 if out of date

Starts from pandoc's own default reference.docx / reference.odt (printed by the pandoc in
pypandoc-binary), restyles every style a house names, and writes
pipeline/writers/docx/reference.docx and pipeline/writers/odt/reference.odt for the default
house, reference-<house>.docx/.odt for the others. The output is deterministic: the same
house files and pandoc give byte-identical files.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from pipeline.fsutil import atomic_write
from pipeline.writers.docx import house, pandoc
from pipeline.writers.docx import reference as docx_reference
from pipeline.writers.odt import reference as odt_reference

BUILDERS = {"docx": docx_reference.build, "odt": odt_reference.build}


def default_reference(fmt: str) -> bytes:
    """pandoc's built-in reference document for ``fmt`` (docx or odt)."""
    proc = subprocess.run([pandoc.pandoc_path(), "--print-default-data-file",
                           f"reference.{fmt}"], capture_output=True, check=True, timeout=60)
    return proc.stdout


def generate() -> dict[Path, bytes]:
    """The bytes of every house's reference documents, by destination."""
    defaults = {fmt: default_reference(fmt) for fmt in BUILDERS}
    out = {}
    for name in house.names():
        with house.using(name):  # odt_name and the style helpers read the house in use
            for fmt, build in BUILDERS.items():
                out[house.reference(fmt, name)] = build(defaults[fmt], house.load(name))
    return out


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the reference documents; 1 when --check fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report reference documents that differ from the house files")
    args = parser.parse_args(argv)
    stale = []
    for dest, data in generate().items():
        if dest.exists() and dest.read_bytes() == data:
            continue
        stale.append(dest)
        if not args.check:
            atomic_write(dest, data)
            print(f"{dest}: written from pipeline/styles/*.toml")
    if args.check and stale:
        for dest in stale:
            print(f"{dest}: out of date (run: python -m pipeline.styles.make_reference)",
                  file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
