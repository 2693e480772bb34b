"""Generate the office writers' reference documents from house.toml.

    .venv/bin/python -m pipeline.styles.make_reference          # rewrite both
    .venv/bin/python -m pipeline.styles.make_reference --check  # exit 1 if out of date

Starts from pandoc's own default reference.docx / reference.odt (printed by the pandoc in
pypandoc-binary), restyles every style named in house.toml, and writes
pipeline/writers/docx/reference.docx and pipeline/writers/odt/reference.odt. The output is
deterministic: the same house.toml and pandoc give byte-identical files.
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

WRITERS = Path(__file__).resolve().parent.parent / "writers"
TARGETS = {
    "docx": (WRITERS / "docx" / "reference.docx", docx_reference.build),
    "odt": (WRITERS / "odt" / "reference.odt", odt_reference.build),
}


def default_reference(fmt: str) -> bytes:
    """pandoc's built-in reference document for ``fmt`` (docx or odt)."""
    proc = subprocess.run([pandoc.pandoc_path(), "--print-default-data-file",
                           f"reference.{fmt}"], capture_output=True, check=True, timeout=60)
    return proc.stdout


def generate() -> dict[Path, bytes]:
    """The bytes of every reference document, by destination."""
    spec = house.house()
    return {dest: build(default_reference(fmt), spec) for fmt, (dest, build) in TARGETS.items()}


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the reference documents; 1 when --check fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report reference documents that differ from house.toml")
    args = parser.parse_args(argv)
    stale = []
    for dest, data in generate().items():
        if dest.exists() and dest.read_bytes() == data:
            continue
        stale.append(dest)
        if not args.check:
            atomic_write(dest, data)
            print(f"{dest}: written from {house.HOUSE_TOML.name}")
    if args.check and stale:
        for dest in stale:
            print(f"{dest}: out of date (run: python -m pipeline.styles.make_reference)",
                  file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
