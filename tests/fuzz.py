"""Mutation fuzzing of the reader: every input gives valid XML holding every word (exit 0)
or an error naming the file and a line (exit 1); never an internal error, never a hang.

Mutations of every reader fixture and source: byte flips, line deletions and duplications,
other encodings, non-characters, a huge line, impossible dates, a BOM before bytes that
are not UTF-8. ``tests/test_fuzz.py`` runs a few hundred in ``make test``; ``make fuzz``
runs thousands: ``python -m tests.fuzz N [SEED]`` prints a summary, its last line
``fuzz: N inputs, E errors (exit 1), 0 internal errors, 0 hangs``.
"""
from __future__ import annotations

import random
import re
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Seconds one input may take before it counts as a hang.
HANG = 20


def seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) of every reader fixture's text and every source text."""
    out = []
    for folder in sorted((ROOT / "tests/fixtures/reader").iterdir()):
        own = folder / "input.txt"
        path = own if own.exists() else ROOT / "sources" / f"{folder.name}.txt"
        if path.exists():
            out.append((folder.name, path.read_bytes()))
    return out


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def flip(data: bytes, rng: random.Random) -> bytes:
    """A few random bytes changed."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    """A run of lines deleted."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    del lines[i:i + rng.randint(1, 12)]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    """A run of lines printed twice (or elsewhere)."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    run = lines[i:i + rng.randint(1, 8)]
    j = rng.randrange(len(lines))
    return b"\n".join(lines[:j] + run + lines[j:])


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The text in another encoding (or with a BOM before latin-1 bytes)."""
    text = data.decode("utf-8", errors="replace")
    choice = rng.choice(["utf-16", "cp1252", "latin-1", "bom-latin1"])
    if choice == "bom-latin1":
        return b"\xef\xbb\xbf" + text.encode("latin-1", errors="replace")
    return text.encode(choice, errors="replace")


def nonchars(data: bytes, rng: random.Random) -> bytes:
    """U+FFFE, U+FFFF, controls or a lone surrogate's bytes put into the text."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        piece = rng.choice(["\ufffe".encode(), "\uffff".encode(), b"\x0b", b"\x1b", b"\xed\xa0\x80",
                            "\u200b".encode(), "\u00ad".encode(), b"\r", b"\f"])
        i = rng.randrange(len(b) + 1)
        b[i:i] = piece
    return bytes(b)


def huge_line(data: bytes, rng: random.Random) -> bytes:
    """One very long line (no line end for 200,000 characters)."""
    lines = _lines(data)
    word = rng.choice([b"migration ", b"a", b"-", b"1. ", b"\xc2\xa0"])
    lines.insert(rng.randrange(len(lines) + 1), word * (200_000 // len(word)))
    return b"\n".join(lines)


def bad_dates(data: bytes, rng: random.Random) -> bytes:
    """Dates that do not exist, in the three languages."""
    bad = rng.choice([b"31 February 2024", b"0 March 0000", b"32 juillet 2008", b"30 de febrero de 2009",
                      b"29 February 2023", b"99 July 2008"])
    lines = _lines(data)
    i = rng.randrange(len(lines) + 1)
    lines.insert(i, bad)
    return re.sub(rb"\b\d{1,2} (July|juillet|julio|de julio)", bad, b"\n".join(lines), count=1)


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    """Two lines swapped (times and paragraphs out of order)."""
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


MUTATIONS = [flip, delete_lines, duplicate_lines, reencode, nonchars, huge_line, bad_dates,
             shuffle_lines]


@dataclass
class Tally:
    """What a run met."""

    ok: int = 0
    errors: int = 0
    internal: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    bad_errors: list[str] = field(default_factory=list)


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


def run_one(name: str, data: bytes, tally: Tally) -> None:
    """Read one mutated input as ``make all`` does; record what happened."""
    from lxml import etree

    from pipeline.documents import read_text_source
    from pipeline.errors import PipelineError
    from pipeline.validate import validate
    from pipeline.xmlio import serialize

    filename = f"{name}.txt"
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG)
    try:
        tree, _ = read_text_source(data, filename)
        out = serialize(tree.getroot(), "x.xml")
        back = etree.fromstring(out, etree.XMLParser(huge_tree=False))
        assert validate(back, filename) == [], "written XML does not validate when read back"
        tally.ok += 1
    except PipelineError as exc:
        first = str(exc.diagnostics[0]) if exc.diagnostics else ""
        if not re.match(rf"{re.escape(filename)}(:\d+)?: error: ", first):
            tally.bad_errors.append(f"{name}: {first[:160]}")
        tally.errors += 1
    except _Hang:
        tally.hangs.append(name)
    except Exception as exc:  # noqa: BLE001 - what the fuzzer hunts
        tally.internal.append(f"{name}: {type(exc).__name__}: {str(exc)[:160]}")
    finally:
        signal.alarm(0)


def fuzz(count: int, seed: int = 0) -> Tally:
    """Run count mutated inputs, cycling over seeds and mutations."""
    rng = random.Random(seed)
    base = seeds()
    tally = Tally()
    for k in range(count):
        name, data = base[k % len(base)]
        mutation = MUTATIONS[(k // len(base)) % len(MUTATIONS)]
        mutated = mutation(data, rng)
        run_one(f"{name}.{mutation.__name__}{k}.en", mutated, tally)
    return tally


def main() -> None:
    """python -m tests.fuzz [COUNT] [SEED]"""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start = time.monotonic()
    t = fuzz(count, seed)
    for line in t.internal + [f"hang: {h}" for h in t.hangs] + t.bad_errors:
        print(line)
    print(f"{time.monotonic() - start:.0f} s")
    print(f"fuzz: {count} inputs, {t.errors} errors (exit 1), {len(t.internal)} internal errors, "
          f"{len(t.hangs)} hangs, {len(t.bad_errors)} errors without file:line")
    sys.exit(1 if t.internal or t.hangs or t.bad_errors else 0)


if __name__ == "__main__":
    main()
