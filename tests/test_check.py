"""The no-text-lost check finds what a reader (or a hand edit) lost, and nothing else."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from pipeline.check import check_fidelity
from pipeline.readers.text import read_text

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "sources/idm2008-return-migration-paper.fr.txt"


def parsed(path: Path = PAPER):
    """(bytes, root) of a source."""
    data = path.read_bytes()
    return data, read_text(data, path.name).tree.getroot()


def messages(data, root) -> list[str]:
    """The check's messages, without the file name."""
    return [str(d).split(": ", 1)[1] for d in check_fidelity(data, "x.txt", root)]


def test_footnotes_moved_to_the_end_are_not_a_loss():
    data, root = parsed()
    assert messages(data, root) == []


def test_a_word_lost_in_the_body_is_found_with_its_line():
    data, root = parsed()
    p = root.find(".//para[@n='4']/p")
    p.text = p.text.replace("spontanés, ", "")
    line = next(i for i, t in enumerate(PAPER.read_text("utf-8").splitlines(), 1) if "spontanés" in t)
    assert [str(d) for d in check_fidelity(data, "x.txt", root)] == [
        f"x.txt:{line}: error: word(s) lost from the source: 'spontanés'"]


def test_a_word_lost_in_a_footnote_is_found():
    data, root = parsed()
    fn = root.find(".//footnote[@n='2']")
    fn.text = fn.text.replace("universelle ", "")
    assert any("universelle" in m for m in messages(data, root))


def test_a_word_added_is_found():
    data, root = parsed()
    p = root.find(".//para[@n='17']/p")
    p.text += " Fin."
    assert messages(data, root) == ["error: word(s) in the XML but not in the source (near this "
                                    "line): 'Fin'"]
    diag = check_fidelity(data, "x.txt", root)[0]
    printed = PAPER.read_text("utf-8").splitlines()[diag.line - 1]
    assert diag.line and printed.strip(), "the added word is reported near a printed line"


def test_a_duplicated_paragraph_is_found():
    data, root = parsed()
    para = root.find(".//para[@n='5']")
    copy = para.find("p").text
    para.find("p").text = copy + " " + copy
    assert len(messages(data, root)) == 1


def test_a_footnote_that_lost_its_place_is_still_a_footnote():
    """A note whose words all survive, wherever they end up, is no loss."""
    data, root = parsed()
    notes = root.findall(".//footnote")
    assert len(notes) == 2 and messages(data, root) == []


AGENDA = """Workshop on consular protection

Monday, 9 March 2009

9:00 – 10:00   Opening

Palabras de la Directora General de Migración de Costa Rica,
señora Lorena Castillo Méndez

Palabras del Excmo. Sr. Julián Arrieta Solís, Viceministro de Relaciones Exteriores

10:00 – 12:00  Round table 1: Consular networks

Co-chairs:
H.E. Mr. Tevita Fonua, Minister for Foreign Affairs, Tonga
H.E. Ms. Gunilla Aspelund, State Secretary for Migration, Sweden

The round table will consider how consular networks protect migrants in transit and
which forms of cooperation between countries of origin have served them best.

General discussion
""".encode("utf-8")


def test_people_printed_where_the_schema_does_not_put_them_are_no_loss():
    """A person inside a sentence (role first), a label printed once over two moderators and
    a paragraph printed after them: every word is still found once."""
    root = read_text(AGENDA, "agenda.txt").tree.getroot()
    assert [m.findtext("person/name") for m in root.iter("moderator")] == [
        "Tevita Fonua", "Gunilla Aspelund"]
    assert root.find(".//speakers/person/role").text == "Directora General de Migración de Costa Rica"
    assert messages(AGENDA, root) == []


def test_a_word_lost_from_a_moved_person_is_found():
    """A moved block is forgiven only whole."""
    root = read_text(AGENDA, "agenda.txt").tree.getroot()
    role = root.findall(".//moderator")[1].find("person/role")
    role.text = role.text.replace("Sweden", "")
    assert any("Sweden" in m for m in messages(AGENDA, root))


#: A letter whose numbered note is on page 1 and whose star note (R17) is on page 2.
STAR_AFTER_NUMBERED = """United Nations

A/81/300

General Assembly

Distr.: General
2 March 2026

Original: English

Eighty-first session
Agenda item 40
Question of the Amber Straits

Letter dated 1 March 2026 from the Permanent Representative of Norland to the
United Nations addressed to the Secretary-General

I have the honour to transmit a letter from the authorities of the islands (see annex).1

__________________
1 The letter was received on 28 February 2026.
\fAnnex to the letter dated 1 March 2026 from the Permanent Representative of
Norland to the United Nations addressed to the Secretary-General

The authorities of the islands protest against the flights recorded in 2025.*

* Circulated in the language of submission only.
"""


def test_a_star_note_printed_after_numbered_notes_is_not_a_loss():
    """Star notes come first in the XML (R17) wherever the source prints them: one at the
    foot of page 2, under a numbered note of page 1, is a note, not words lost."""
    data = STAR_AFTER_NUMBERED.encode()
    root = read_text(data, "x.en.txt").tree.getroot()
    assert [fn.get("n") for fn in root.iter("footnote")] == ["*", "1"]
    assert messages(data, root) == []
    lost = [m for m in messages(data.replace(b"* Circulated", b"* Sent"), root) if "lost" in m]
    assert lost and "Sent" in lost[0]  # (the star note's own words are still compared)


def test_a_chapter_line_run_into_a_paragraph_is_no_word_added():
    """The source's "Chapter I" line counts as "I" (the heading's @n, schema R6); a reading
    that ran the line into a paragraph ("... 3/9 Chapter I Introduction ...", as a text with
    no blank lines may) keeps "Chapter" there, which is no word added. Another word added
    beside it still is."""
    data = ("A study of rivers\n\nThe rivers were studied.\n\nChapter I\n\nIntroduction\n\n"
            "1. The rivers run.\n").encode()
    root = etree.fromstring(
        '<document id="x" type="paper" xml:lang="en" version="1"><meta><title>A study of rivers</title>'
        '<source file="x.txt" sha256="0"/></meta><body><p>The rivers were studied. Chapter I Introduction</p>'
        '<para n="1"><p>The rivers run.</p></para></body></document>')
    assert messages(data, root) == []
    root.find("body/para/p").text += " Fast."
    assert messages(data, root) == ["error: word(s) in the XML but not in the source (near this "
                                    "line): 'Fast'"]
