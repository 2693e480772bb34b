"""Zip packages (DOCX, ODT, EPUB) read into parts and written back deterministically.

The same parts always give the same bytes: entries in a fixed order (the named first
entries, then the rest sorted by name), one fixed timestamp, fixed permissions, no extra
fields, and a fixed compression level.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterable

#: Every entry gets this date (the earliest a zip can hold).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 6


def read(data: bytes) -> dict[str, bytes]:
    """The parts of a zip package, by entry name, in stored order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def write(parts: dict[str, bytes], first: Iterable[str] = (),
          stored: Iterable[str] = ()) -> bytes:
    """A zip of ``parts``: ``first`` entries first, the others by name; ``stored`` uncompressed."""
    first, stored = list(first), set(stored)
    names = [n for n in first if n in parts] + sorted(n for n in parts if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 0
            info.external_attr = 0o644 << 16
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
                zf.writestr(info, parts[name])
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, parts[name], compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def normalise(data: bytes, first: Iterable[str] = (), stored: Iterable[str] = ()) -> bytes:
    """Rewrite a zip package deterministically (see ``write``)."""
    return write(read(data), first, stored)
