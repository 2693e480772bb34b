"""The fuzz test of make test: a few hundred mutated inputs (tests/fuzz.py), each read as
make all reads it: valid XML with every word, or an error naming file and line; never an
internal error, never a hang. ``make fuzz`` runs thousands."""
from __future__ import annotations

from fuzz import fuzz


def test_mutated_inputs_never_crash_or_hang() -> None:
    """368 inputs (every seed through every mutation, twice): 0 internal errors, 0 hangs,
    every error with file:line."""
    tally = fuzz(368, seed=3)
    assert tally.internal == [] and tally.hangs == [] and tally.bad_errors == [], (
        tally.internal[:5], tally.hangs[:5], tally.bad_errors[:5])
    assert tally.ok > tally.errors  # the fallback reads almost everything


def test_a_ten_megabyte_line_gives_xml_that_other_commands_read(tmp_path) -> None:
    """A 10 MB line: the XML written is read back by the loader every command uses."""
    from pipeline.documents import read_text_source
    from pipeline.xmlio import load, serialize

    data = b"Title\n\n1. " + b"word " * 2_200_000 + b"end.\n"
    tree, _ = read_text_source(data, "big.en.txt", check=False)
    out = tmp_path / "big.xml"
    out.write_bytes(serialize(tree.getroot(), out))
    assert load(out).getroot().get("type") == "paper"
