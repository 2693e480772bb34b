"""Fixtures for the comparison tests: raw texts parsed to XML by the real ``pipeline parse``."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

import pytest

from compare_support import NO_CHECK, ROOT, SOURCES, pipeline_command


@pytest.fixture(scope="session")
def parse(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """``parse(source)`` runs ``pipeline parse SOURCE -o tmp/NAME.xml`` once; returns the XML."""
    out_dir = tmp_path_factory.mktemp("xml")
    done: dict[Path, Path] = {}

    def run(source: Path) -> Path:
        """Parse one raw text (once per session)."""
        source = Path(source)
        if source not in done:
            out = out_dir / f"{source.parent.name}-{source.stem}.xml"
            cmd = pipeline_command() + ["parse", str(source), "-o", str(out)]
            if source.name in NO_CHECK:
                cmd.append("--no-check")
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
            assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stderr}"
            done[source] = out
        return done[source]
    return run


@pytest.fixture(scope="session")
def seed(parse: Callable[[Path], Path]) -> Callable[[str, str], Path]:
    """``seed(docid, lang)``: the XML of sources/<docid>.<lang>.txt."""
    return lambda docid, lang: parse(SOURCES / f"{docid}.{lang}.txt")
