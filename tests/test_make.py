"""Make drives the build: parallel-safe, incremental, and idle when nothing changed.

Each test works in a copy of the repository (modification times kept) that shares .venv.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tracked_files() -> list[str]:
    """Files of the work tree that git tracks or would track."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines() if (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the repository with its own build/, built once with make -j2 xml."""
    dest = tmp_path_factory.mktemp("repo")
    for rel in tracked_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    os.symlink(ROOT / ".venv", dest / ".venv")
    r = make(dest, "-j2", "xml")
    assert r.returncode == 0, r.stdout + r.stderr
    return dest


def make(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """Run make in cwd."""
    return subprocess.run(["make", *args], cwd=cwd, capture_output=True, text=True, timeout=900)


def planned(cwd: Path, target: str = "xml") -> list[str]:
    """The commands make would run now (dry run)."""
    out = make(cwd, "-n", target).stdout
    return [ln for ln in out.splitlines() if "pipeline" in ln]


def bump(path: Path) -> None:
    """Make path newer than everything built so far (and not in the future)."""
    time.sleep(0.05)
    os.utime(path)


def test_parallel_build_made_every_xml(repo: Path) -> None:
    """make -j2 xml leaves one valid XML per source and no temporary file."""
    sources = {p.name.rsplit(".", 1)[0] for p in (repo / "sources").glob("*.txt")}
    built = {p.stem for p in (repo / "build/xml").glob("*.xml")}
    assert built == sources
    assert not list((repo / "build").rglob("*.tmp"))
    r = subprocess.run([str(repo / ".venv/bin/pipeline"), "validate", *sorted(map(str, (repo / "build/xml").glob("*.xml")))],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_nothing_to_do_when_nothing_changed(repo: Path) -> None:
    """A second make does nothing."""
    assert make(repo, "-q", "xml").returncode == 0
    assert planned(repo) == []


def test_touching_one_source_rebuilds_only_it(repo: Path) -> None:
    """Touching one source plans only its own parse."""
    bump(repo / "sources/idm2008-ws2-agenda.fr.txt")
    plan = planned(repo)
    assert len(plan) == 1 and "idm2008-ws2-agenda.fr" in plan[0]
    assert make(repo, "xml").returncode == 0
    assert planned(repo) == []


def test_reader_change_rebuilds_everything(repo: Path) -> None:
    """A change to the reader's code plans every parse again."""
    bump(repo / "pipeline/readers/text/agenda.py")
    assert len(planned(repo)) == len(list((repo / "sources").glob("*.txt")))
    assert make(repo, "-j2", "xml").returncode == 0


def test_master_wins_over_text(repo: Path) -> None:
    """A hand-edited master in sources/ is what the XML is built from, and is never written."""
    name = "idm2008-return-migration-paper.fr"
    master = repo / "sources" / f"{name}.xml"
    shutil.copy2(repo / "build/xml" / f"{name}.xml", master)
    master.write_text(master.read_text("utf-8").replace("Conclusion", "Conclusions"), "utf-8")
    before = master.read_bytes()
    bump(master)
    assert make(repo, "xml").returncode == 0
    assert b"Conclusions" in (repo / "build/xml" / f"{name}.xml").read_bytes()
    assert master.read_bytes() == before
    master.unlink()


def test_failed_document_fails_alone(repo: Path) -> None:
    """A bad source fails its own target; make -k builds the rest; nothing partial is left."""
    bad = repo / "sources/broken.en.txt"
    bad.write_text("Nothing here looks like an agenda or a paper.\n", "utf-8")
    try:
        bump(repo / "sources/idm2008-ws2-agenda.es.txt")
        r = make(repo, "-k", "xml")
        assert r.returncode != 0
        assert "sources/broken.en.txt:1: error:" in r.stderr
        assert not (repo / "build/xml/broken.en.xml").exists()
        assert planned(repo) == [ln for ln in planned(repo) if "broken" in ln]
    finally:
        bad.unlink()
