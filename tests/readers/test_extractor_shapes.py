"""Shapes that PDF extractors write, each read as make all reads a source (texts of our own,
in the shapes met in real extractions; see tests/accuracy for the whole documents)."""
from __future__ import annotations

from pipeline.documents import read_text_source


def read(text: str, name: str = "doc.en.txt"):
    """(root, warning messages) of a text read with every fallback."""
    tree, warnings = read_text_source(text.encode("utf-8"), name)
    return tree.getroot(), [str(w) for w in warnings]


def words(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


def test_notes_at_a_page_foot_with_no_rule_nor_blank_line() -> None:
    """pypdf: the notes follow the last body line directly, then the page ends."""
    root, warnings = read("Title of the paper\n\n1. Migrants send money home.1 It matters.\n"
                          "2. The cost of sending it is falling.2\n"
                          "1 World Bank, 2024.\n2 See the annex.\n\f3. Page two goes on.\n")
    assert [f.text for f in root.iterfind("footnotes/footnote")] == ["World Bank, 2024.", "See the annex."]
    assert root.find(".//para[@n='1']//noteref") is not None
    assert "World Bank" not in words(root.find("body")), warnings


def test_note_numbers_printed_after_their_texts() -> None:
    """pdftotext: the superscript numbers of a page's notes come after the notes' texts."""
    root, _ = read("Title of the paper\n\n1. Migrants send money home.1 It matters.2\n\n"
                   "First note text.\nSecond note text.\n1\n2\n\f2. Page two.\n")
    assert [(f.get("n"), f.text) for f in root.iterfind("footnotes/footnote")] == [
        ("1", "First note text."), ("2", "Second note text.")]


def test_a_marker_set_apart_by_a_space() -> None:
    """pdfminer: "the United Nations 2 and other bodies" -- found when no glued form exists."""
    root, _ = read("Title of the paper\n\n1. Talks went on with the United Nations 1 and other\n"
                   "bodies for years.\n\n__________\n1  See the record of the talks.\n")
    assert root.find(".//para[@n='1']//noteref[@to='fn1']") is not None
    assert "Nations and other" in words(root.find(".//para[@n='1']"))


def test_agenda_table_header_repeated_on_each_page_is_layout() -> None:
    """"Time | Programme" (one line, or a cell a line) is not text of the programme."""
    root, _ = read("WORKSHOP ON RETURN\n\n7 July 2008\n\nTime        Programme\n\n"
                   "09:00 - 10:00 Registration\n10:00 - 11:00 Opening remarks\n\f"
                   "Time\n\nProgramme\n\n11:00 - 12:00 Session I: Case studies\n")
    assert len(root.findall(".//item")) == 3
    assert "Programme" not in words(root.find("agenda"))


def test_a_person_printed_without_bullet_or_label() -> None:
    """A name, a comma and a role under an item's title is a speaker."""
    root, _ = read("WORKSHOP ON RETURN\n\n7 July 2008\n\n09:00 - 10:00 Registration\n"
                   "10:00 - 10:15 WELCOME REMARKS\nAna Lindqvist, Director General, IOM\n"
                   "10:15 - 11:00 SETTING THE SCENE\n")
    person = root.find(".//item[@start='10:00']//person")
    assert person is not None and person.findtext("name") == "Ana Lindqvist"


def test_a_dash_wrapped_to_a_line_start_is_not_a_bullet() -> None:
    """"conditions – social and economic" / "– in countries": one description."""
    root, _ = read("WORKSHOP ON RETURN\n\n7 July 2008\n\n09:00 - 10:00 Session I: Return\n"
                   "The potential depends on enabling conditions – social and economic\n"
                   "– in countries of origin and destination.\n10:00 - 11:00 Closing\n")
    item = root.find(".//item[@start='09:00']")
    assert item.find("speakers") is None
    assert "economic – in countries" in words(item.find("p"))


def test_a_numbered_heading_wrapped_onto_two_lines() -> None:
    """"V. Review of governance and" / "oversight" / "18. The President ...": 18 is a paragraph."""
    root, _ = read("Title of the paper\n\nI. Introduction\n1. First paragraph.\n"
                   "II. Review of governance and\noversight of the boards\n2. The President spoke.\n")
    heads = [words(h) for h in root.iter("heading")]
    assert heads == ["Introduction", "Review of governance and oversight of the boards"]
    assert [p.get("n") for p in root.iter("para")] == ["1", "2"]


def test_page_foot_fields_one_space_apart_and_reissued_job_numbers() -> None:
    """pypdf prints "25-00430 2/2" and "25-05275* (E) 280425" on one line: page furniture."""
    root, _ = read("United Nations  A/80/9\nGeneral Assembly\nDistr.: General\n3 May 2025\n"
                   "Original: English\n\nA note of the Secretariat\n\nThe Secretariat has the "
                   "honour to transmit the report.\n25-05275* (E) 280425\n*2505275*\n\f"
                   "A/80/9\nIt is annexed to this note.\n25-05275 2/2\n")
    body = words(root.find("body"))
    assert "25-05275" not in body and "2/2" not in body and "A/80/9" not in body
    assert "It is annexed to this note." in body


def test_an_annex_after_a_signature() -> None:
    """"(Signed) NAME" then "Annex to the letter ...": an annex, its paragraphs from 1."""
    root, _ = read("United Nations  A/80/9\nGeneral Assembly\nDistr.: General\n3 May 2025\n"
                   "Original: English\n\nLetter dated 2 May 2025 from the Permanent\n"
                   "Representative of Freedonia addressed to the Secretary-General\n\n"
                   "I have the honour to transmit the statement annexed.\n(Signed) Ana Lindqvist\n"
                   "Annex to the letter dated 2 May 2025 from the Permanent\n"
                   "Representative of Freedonia\n\n1. The statement begins here.\n"
                   "2. It ends here.\n")
    annex = root.find("body/annex")
    assert annex is not None
    assert words(annex.find("heading")).startswith("Annex to the letter dated 2 May 2025")
    assert [p.get("n") for p in annex.iter("para")] == ["1", "2"]


def test_a_column_of_paragraph_numbers_printed_before_the_paragraphs() -> None:
    """pdfminer: "1." / "2." first, then the title and the two paragraphs they number."""
    root, _ = read("PAPER ON RETURN\n\n1.\n\n2.\n\nReturn and development\n\n"
                   "The first paragraph is long enough to be a line of the body text of this paper,\n"
                   "and it goes on.\n\n"
                   "The second paragraph is long enough to be a line of the body text of this paper\n"
                   "as well, and it ends here.\n")
    assert [words(p) for p in root.iter("para")] == [
        "The first paragraph is long enough to be a line of the body text of this paper, and it goes on.",
        "The second paragraph is long enough to be a line of the body text of this paper as well, "
        "and it ends here."]


def test_times_on_a_12_hour_clock_without_am_pm() -> None:
    """"12:30 - 1:30 Lunch" then "2:00 - 3:30": afternoon times, with a warning; a time that
    truly runs backwards (10:00 then 09:00) stays an error (tests/test_inputs.py)."""
    root, warnings = read("WORKSHOP ON RETURN\n\n7 July 2008\n\n11:00 - 12:30 Session I: Return\n"
                          "12:30 - 1:30 Lunch\n2:00 - 3:30 Session II: Development\n")
    assert [(i.get("start"), i.get("end")) for i in root.iter("item")] == [
        ("11:00", "12:30"), ("12:30", "13:30"), ("14:00", "15:30")]
    assert any("12-hour clock" in w for w in warnings)


def test_a_time_range_with_a_colon_after_it() -> None:
    """"9.00 – 9.45: Opening" is the range 09:00-09:45 and the title "Opening"."""
    root, _ = read("WORKSHOP ON RETURN\n\n7 July 2008\n\n9.00 – 9.45: Opening\n9.45 – 10.30: Session I\n")
    assert [(i.get("start"), i.get("end"), i.findtext("title")) for i in root.iter("item")] == [
        ("09:00", "09:45", "Opening"), ("09:45", "10:30", "Session I")]


def test_a_time_column_printed_before_its_item_column() -> None:
    """pdftotext, pdfminer: a two-column table's times, then its items (timecolumn.py)."""
    root, warnings = read("Workshop on Coastal Erosion\n\nLomé, 2 June 2027\n\n"
                          "Time\n08:30 – 09:00\n09:00 – 10:30\n\n10:30 – 11:00\n\n"
                          "Programme\nRegistration\nSession 1: Mapping the coast\n"
                          "Moderator: Ms. Afi Mensah, Coastal\nAgency\nCoffee break\n")
    assert [(i.get("start"), i.findtext("title")) for i in root.iter("item")] == [
        ("08:30", "Registration"), ("09:00", "Mapping the coast"), ("10:30", "Coffee break")], warnings
    assert root.find(".//item[@start='09:00']/moderator/person/name").text == "Afi Mensah"


def test_a_time_column_is_not_cut_into_items_it_does_not_hold() -> None:
    """Fewer item starts than times, or item numbers after the times (a programme of work
    as pdfminer prints it): the lines stay in their order (timecolumn._zip)."""
    from pipeline.readers.text.normalise import normalise

    for text in ("Title\n\n10:00–13:00\n15:00–18:00\n10:00–13:00\n\n1\n\n2\n\n3\n",
                 "Title\n\n10:00–13:00\n15:00–18:00\n10:00–13:00\n\nOpening of the meeting,\n"
                 "general debate and\nadoption of the agenda\n"):
        lines = [ln.text for ln in normalise(text.encode(), "x.txt").lines if ln.kind == "text"]
        assert lines == [ln for ln in text.split("\n") if ln]


def test_a_row_set_by_tab_stops_printed_a_piece_a_line() -> None:
    """pdftotext: "09:00 –" / "09:30" / "Registration", blank lines between (timecolumn.py)."""
    root, warnings = read("WORKSHOP ON RETURN\n\n7 July 2008\n\n09:00 –\n\n09:30\n\nRegistration\n\n"
                          "09:30 –\n\n10:30\n\nOpening session\n10:30 –\n\n11:00\n\nCoffee break\n")
    assert [(i.get("start"), i.get("end"), i.findtext("title")) for i in root.iter("item")] == [
        ("09:00", "09:30", "Registration"), ("09:30", "10:30", "Opening session"),
        ("10:30", "11:00", "Coffee break")], warnings
