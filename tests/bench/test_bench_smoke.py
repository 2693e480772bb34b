"""Smoke test of the bench's corpus generator: three texts, each read by `pipeline parse`.

No timing here: the bench prints figures, tests never judge them.
"""
from __future__ import annotations

from pathlib import Path

from bench.corpus import generate, verify_cli
from bench.masters import grow
from bench.seeds import load_seeds

from pipeline.documents import load_valid


def test_generated_texts_parse(tmp_path: Path) -> None:
    seeds = load_seeds()
    docs = generate(tmp_path / "sources", 3, rand_seed=7, seeds=seeds)
    assert len({d.path.name for d in docs}) == 3
    originals = {s.path.read_bytes() for s in seeds}
    assert all(d.path.read_bytes() not in originals for d in docs), "a text was copied, not varied"
    problems = verify_cli(docs, tmp_path / "xml")
    assert not problems, "generator bug (every generated text must parse):\n" + "\n".join(problems)


def test_grown_master_is_valid(tmp_path: Path) -> None:
    """The bench's large masters (masters.py) are valid documents: a small one here."""
    master = tmp_path / "grown.en.xml"
    master.write_bytes(grow(60_000))
    root = load_valid(master).getroot()
    assert [p.get("n") for p in root.iter("para")] == [str(k) for k in range(1, len(root.findall(".//para")) + 1)]
    assert len(root.findall("footnotes/footnote")) > 6  # the seeds' notes, copied
