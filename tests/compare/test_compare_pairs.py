"""align and diff refuse pairs that make no sense, saying why, and write nothing."""
from __future__ import annotations

from pathlib import Path

import subprocess

import pytest

from compare_support import ROOT, pipeline_command

PAPER, AGENDA = "idm2008-return-migration-paper", "idm2008-ws2-agenda"


def run(*args) -> subprocess.CompletedProcess:
    """The pipeline CLI."""
    return subprocess.run(pipeline_command() + list(map(str, args)), capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("command,first,second,message", [
    ("align", (PAPER, "en"), (AGENDA, "fr"), f"is document {AGENDA}"),
    ("align", (PAPER, "en"), (AGENDA, "fr"), "is an agenda"),
    ("align", (PAPER, "fr"), (PAPER, "fr"), "is in fr, as"),
    ("diff", (PAPER, "en"), (PAPER, "fr"), "a redline compares two revisions in one language"),
    ("diff", (AGENDA, "en"), (PAPER, "en"), "is a paper"),
])
def test_nonsense_pairs_are_refused(seed, tmp_path, command, first, second, message):
    """Another document, another type, one language twice (align), two languages (diff)."""
    out = tmp_path / "out.html"
    proc = run(command, seed(*first), seed(*second), "-o", out)
    assert proc.returncode == 1 and message in proc.stderr, proc.stderr
    assert not out.exists()


def test_force_accepts_another_id(seed, tmp_path):
    """--force compares two documents of different ids (of one type)."""
    other = tmp_path / "other.en.xml"
    other.write_text(Path(seed(PAPER, "en")).read_text("utf-8").replace(
        f'id="{PAPER}"', 'id="another-paper"'), "utf-8")
    out = tmp_path / "out.html"
    assert run("align", seed(PAPER, "fr"), other, "-o", out).returncode == 1
    proc = run("align", seed(PAPER, "fr"), other, "-o", out, "--force")
    assert proc.returncode == 0 and out.exists(), proc.stderr
