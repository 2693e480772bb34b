"""What the last build made from what: staleness by content, and one build at a time.

Every output the batch writes is recorded in ``build/.manifest.json`` with the digest of
its inputs (the bytes of the source or XML it was made from, the code that made it, the
other language versions it links to). An output is stale when it is missing or when the
digest of its inputs today differs from the recorded one. Modification times only serve
as a cache of file digests (as git's index does): a file whose size and time are those
recorded is not read again, unless it was recorded within a second of being written,
when its time cannot be trusted. So an edit saved while a build runs is built by the next.

``build/.lock`` is held for the whole run: a second build waits for the first.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .fsutil import atomic_write

PACKAGE = Path(__file__).resolve().parent
#: Bumped when the manifest's layout changes; an old manifest is then ignored.
FORMAT = 1


def sha(data: bytes) -> str:
    """Hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


def combine(*parts: str) -> str:
    """One digest of several strings (input digests, names)."""
    return sha("\0".join(parts).encode("utf-8"))


def code_files(*rels: str, exclude: tuple[str, ...] = ()) -> list[Path]:
    """The package's files under each rel (file or folder), sorted, without caches."""
    files: list[Path] = []
    for rel in rels:
        p = PACKAGE / rel
        found = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file()]
        files += [f for f in found if "__pycache__" not in f.parts
                  and not any(str(f.relative_to(PACKAGE)).startswith(x) for x in exclude)]
    return sorted(set(files))


def digest_files(paths: list[Path]) -> str:
    """One digest of the names and contents of paths."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def code_digests() -> dict[str, str]:
    """Digest of the code behind each kind of output: reader, writers, comparisons."""
    schemas = [PACKAGE.parent / "schemas" / n for n in ("document.rng", "document.sch")]
    schemas = [s for s in schemas if s.exists()]
    shared = code_files("fsutil.py", "xmlio.py")
    writer = digest_files(code_files("writers", "styles") + shared)
    reader = digest_files(code_files(".", exclude=("writers", "compare", "styles", "index.py",
                                                   "translate")) + schemas)
    compare = digest_files(code_files("compare", "index.py")) + writer
    translate = digest_files(code_files("translate", "compare"))
    return {"reader": reader, "writer": writer, "compare": combine(compare),
            "translate": translate}


class Manifest:
    """The recorded digests of outputs and the cache of file digests."""

    def __init__(self, path: Path):
        self.path = path
        self.outputs: dict[str, str] = {}
        self.files: dict[str, list] = {}
        #: The cache entries recorded since the last take_learnt() (what a job learnt).
        self.learnt: dict[str, list] = {}
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") == FORMAT:
                self.outputs, self.files = data["outputs"], data["files"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no manifest or a damaged one: everything is rebuilt

    def file_digest(self, path: Path) -> str | None:
        """Digest of a file's bytes (None when missing), from the cache when its stat is
        the recorded one and was safely recorded."""
        try:
            st = path.stat()
        except OSError:
            return None
        key = str(path)
        cached = self.files.get(key)
        if cached and cached[:2] == [st.st_mtime_ns, st.st_size]:
            return cached[2]
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest = sha(data)
        self.remember(path, st, digest)
        return digest

    def remember(self, path: Path, st: os.stat_result, digest: str) -> None:
        """Cache digest for path under the stat taken before it was read, unless the file
        changed within the last second (its time may not tell a later edit apart)."""
        if time.time_ns() - st.st_mtime_ns > 1_000_000_000:
            self.files[str(path)] = self.learnt[str(path)] = [st.st_mtime_ns, st.st_size, digest]
        else:
            self.files.pop(str(path), None)

    def take_learnt(self) -> dict[str, list]:
        """The cache entries recorded since the last call, and forget them."""
        learnt, self.learnt = self.learnt, {}
        return learnt

    def stale(self, dest: Path, inputs: str) -> bool:
        """True when dest is missing or was made from other inputs."""
        return self.outputs.get(str(dest)) != inputs or not dest.exists()

    def save(self) -> None:
        """Write the manifest (atomically), dropping entries of files that are gone."""
        self.outputs = {k: v for k, v in sorted(self.outputs.items()) if Path(k).exists()}
        self.files = {k: v for k, v in sorted(self.files.items()) if Path(k).exists()}
        data = {"format": FORMAT, "outputs": self.outputs, "files": self.files}
        atomic_write(self.path, json.dumps(data, indent=0, sort_keys=True))


@contextmanager
def build_lock(out: Path, report) -> Iterator[None]:
    """Hold out/.lock for the block; say so and wait while another build holds it."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            report(f"{out}: another build is running; waiting for it to finish", err=True)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
