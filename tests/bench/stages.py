"""Time each stage of ``read_source`` by wrapping the reader's own stage functions.

The wrappers replace module attributes only while ``instrumented()`` is active, so the
code path is exactly the one ``pipeline parse`` runs. A stage whose function is renamed
or removed is reported as missing and its time shows up under "other".

    .venv/bin/python -m tests.bench.stages TEXT   # one JSON line per pass: check off, then on
"""
from __future__ import annotations

import importlib
import json
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

#: (stage, module, function): where read_source and read_text look each stage up.
HOOKS = [
    ("normalise", "pipeline.readers.text", "normalise"),
    ("footnotes", "pipeline.readers.text", "extract_notes"),
    ("classify", "pipeline.readers.text", "detect_type"),
    ("classify", "pipeline.readers.text", "detect_language"),
    ("build", "pipeline.readers.text", "_build"),
    ("read_text", "pipeline.documents", "read_text"),
    ("validate", "pipeline.documents", "validate"),
    ("fidelity check", "pipeline.documents", "check_fidelity"),
]
#: Stages as reported, in order; "other" is what read_source spends outside them.
REPORTED = ["normalise", "footnotes", "classify", "build", "validate", "fidelity check", "other"]


@contextmanager
def instrumented() -> Iterator[tuple[dict[str, float], list[str]]]:
    """Wrap the stage functions; yield (seconds per stage, missing hooks)."""
    totals: dict[str, float] = defaultdict(float)
    missing, saved = [], []
    for stage, module_name, attr in HOOKS:
        module = importlib.import_module(module_name)
        fn = getattr(module, attr, None)
        if not callable(fn):
            missing.append(f"{module_name}.{attr}")
            continue

        def wrapper(*args, _fn=fn, _stage=stage, **kwargs):
            start = time.perf_counter()
            try:
                return _fn(*args, **kwargs)
            finally:
                totals[_stage] += time.perf_counter() - start

        saved.append((module, attr, fn))
        setattr(module, attr, wrapper)
    try:
        yield totals, missing
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def split(totals: dict[str, float], whole: float) -> dict[str, float]:
    """Seconds per reported stage; "other" = whole minus the named stages."""
    out = {s: totals.get(s, 0.0) for s in REPORTED if s != "other"}
    out["other"] = max(0.0, whole - sum(out.values()))
    return out


def timed_read(path: Path, check: bool = True) -> tuple[float, dict[str, float], list[str]]:
    """(wall seconds, seconds per stage, missing hooks) of one read_source call."""
    from pipeline.documents import read_source

    with instrumented() as (totals, missing):
        start = time.perf_counter()
        read_source(path, check=check)
        whole = time.perf_counter() - start
    return whole, split(totals, whole), missing


def warm_up() -> None:
    """Compile the schemas (once per process, as in any run) before anything is timed."""
    try:
        from pipeline.validate import relaxng, schematron

        relaxng(), schematron()
    except ImportError:
        pass


def main(argv: list[str] | None = None) -> int:
    """Read one text twice (fidelity check off, then on) and print a JSON line after each."""
    path = Path((argv or sys.argv[1:])[0])
    warm_up()
    for check in (False, True):
        whole, stages, missing = timed_read(path, check)
        print(json.dumps({"check": check, "seconds": whole, "stages": stages, "missing": missing}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
