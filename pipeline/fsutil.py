"""Atomic writes: no partial file is ever left where an output belongs."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Callable

#: What writes a file's content into it (a large output never held whole in memory).
Writer = Callable[[IO[bytes]], None]


def atomic_write(dest: Path | str, data: bytes | str | Writer) -> None:
    """Write ``data`` (or what the function ``data`` writes into the open file) to a
    temporary file beside ``dest``, then rename it over ``dest``."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
