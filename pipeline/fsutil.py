"""Atomic writes: no partial file is ever left where an output belongs."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(dest: Path | str, data: bytes | str) -> None:
    """Write ``data`` to a temporary file beside ``dest``, then rename it over ``dest``."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
