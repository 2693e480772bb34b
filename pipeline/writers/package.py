"""Zip packages (DOCX, ODT, EPUB) read into parts and written back deterministically.

The same parts always give the same bytes: entries in a fixed order (the named first
entries, then the rest sorted by name), one fixed timestamp, fixed permissions, no extra
fields, and a fixed compression level. A part may be given as a function that writes it
into its entry (``Stream``): a large part is then compressed as it is made, never held whole.
"""
from __future__ import annotations

import io
import zipfile
from typing import IO, Callable, Iterable, Mapping

#: A part written by a function into its open zip entry.
Stream = Callable[[IO[bytes]], None]

#: Every entry gets this date (the earliest a zip can hold).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 6


def read(data: bytes) -> dict[str, bytes]:
    """The parts of a zip package, by entry name, in stored order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def write(parts: Mapping[str, bytes | Stream], first: Iterable[str] = (),
          stored: Iterable[str] = ()) -> bytes:
    """A zip of ``parts``: ``first`` entries first, the others by name; ``stored`` uncompressed.
    Entries are written in that order, so a Stream may leave something for a later one."""
    first, stored = list(first), set(stored)
    names = [n for n in first if n in parts] + sorted(n for n in parts if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.create_system = 0
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            part = parts[name]
            if callable(part):
                info._compresslevel = COMPRESS_LEVEL  # what writestr sets; open() reads it
                with zf.open(info, "w") as entry:
                    part(entry)
            elif name in stored:
                zf.writestr(info, part)
            else:
                zf.writestr(info, part, compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def normalise(data: bytes, first: Iterable[str] = (), stored: Iterable[str] = ()) -> bytes:
    """Rewrite a zip package deterministically (see ``write``)."""
    return write(read(data), first, stored)
