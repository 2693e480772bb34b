"""The reader's small pieces, one variation each (times, dates, labels, people, hyphens)."""
from __future__ import annotations

import pytest

from pipeline.errors import PipelineError
from pipeline.readers.text import read_text
from pipeline.readers.text.agenda import is_day_line, item_kind
from pipeline.readers.text.people import make_person, split_people
from pipeline.readers.text.lexicon import DISCUSSION_RE, END_RE, LABEL_RE, MODERATOR_RE
from pipeline.readers.text.normalise import decode
from pipeline.readers.text.text import VOCABULARY, join_lines
from pipeline.readers.text.times import find_date, find_date_range, match_time_range


@pytest.mark.parametrize("line,start,end,rest", [
    ("09h00 – 10h00 Enregistrement", "09:00", "10:00", "Enregistrement"),
    ("9 h 00 à 10 h 30 Accueil", "09:00", "10:30", "Accueil"),
    ("09:00-10:00 Registration", "09:00", "10:00", "Registration"),
    ("9.00 — 10.00 Opening", "09:00", "10:00", "Opening"),
    ("9:00 a.m. to 10:30 a.m. Welcome", "09:00", "10:30", "Welcome"),
    ("2:30 p.m. – 4 p.m. Panel", "14:30", "16:00", "Panel"),
    ("12:30 p.m. - 2 p.m. Lunch", "12:30", "14:00", "Lunch"),
    ("9:00 a 10:00 Inscripción", "09:00", "10:00", "Inscripción"),
    ("15h00 Pause", "15:00", None, "Pause"),
    ("14h – 15h30 Débat", "14:00", "15:30", "Débat"),
    ("De 9h00 à 10h00 Accueil", "09:00", "10:00", "Accueil"),
    ("From 9:00 to 10:00 Opening", "09:00", "10:00", "Opening"),
    ("10:00 hrs – 11:00 hrs Opening", "10:00", "11:00", "Opening"),
    ("09h30-10h00 : Ouverture", "09:30", "10:00", "Ouverture"),
    ("11.30 am - 1.00 pm Lunch", "11:30", "13:00", "Lunch"),
])
def test_time_ranges(line, start, end, rest):
    """Every printed time form becomes HH:MM on the 24-hour clock."""
    assert match_time_range(line) == (start, end, rest)


@pytest.mark.parametrize("line", ["2008 was a good year", "3 pays", "1. Introduction", "9 to 10 people"])
def test_not_times(line):
    """A number that is not a time does not open an item."""
    assert match_time_range(line) is None


@pytest.mark.parametrize("text,iso", [
    ("7 juillet 2008   Première journée", "2008-07-07"),
    ("Monday, 7 July 2008", "2008-07-07"),
    ("Martes 8 de julio de 2008", "2008-07-08"),
    ("July 9, 2008 – Day Three", "2008-07-09"),
    ("1er août 2009", "2009-08-01"),
    ("Day One – 7 July 2008", "2008-07-07"),
])
def test_day_lines(text, iso):
    """Day lines in three languages give their ISO date."""
    assert is_day_line(text) == iso


def test_date_range_is_not_a_day():
    """A meeting's range of dates is meta, not a day line."""
    assert is_day_line("7 – 8 juillet 2008") is None
    assert find_date_range("7 – 8 juillet 2008") == ("2008-07-07", "2008-07-08")
    assert find_date_range("7 y 8 de julio de 2008") == ("2008-07-07", "2008-07-08")
    assert find_date_range("7-8 July 2008") == ("2008-07-07", "2008-07-08")


def test_impossible_date_is_not_a_date():
    """31 February is no date."""
    assert find_date("31 February 2009") is None


@pytest.mark.parametrize("label", ["Moderator", "Chair", "Modérateur", "Modératrice",
                                   "Moderador", "Moderadora", "Chairperson", "Moderador/a",
                                   "Modérateur/Modératrice", "Chair/Moderator", "Moderadores"])
def test_moderator_labels(label):
    """Moderator labels in three languages and both genders."""
    m = LABEL_RE.match(f"{label}: Jane Doe, Director")
    assert m and MODERATOR_RE.match(m.group("label"))


@pytest.mark.parametrize("label", ["Speakers", "Panellists", "Panelists", "Orateurs",
                                   "Intervenants", "Intervenantes", "Oradores", "Ponentes",
                                   "Panelistas", "Oradores/as", "Intervenant(e)s"])
def test_speaker_labels(label):
    """Speaker labels in three languages."""
    m = LABEL_RE.match(f"{label} :")
    assert m and not MODERATOR_RE.match(m.group("label"))


@pytest.mark.parametrize("line", ["General discussion", "Débat général", "Debate general",
                                  "Discusión general", "Open floor discussion", "Débat interactif"])
def test_discussion_lines(line):
    """The general-discussion line in three languages."""
    assert DISCUSSION_RE.match(line)


@pytest.mark.parametrize("line", ["End of Day One", "Fin de la première journée",
                                  "Fin del primer día", "End of workshop", "Fin de l’atelier"])
def test_end_lines(line):
    """End-of-day lines in three languages."""
    assert END_RE.match(line)


@pytest.mark.parametrize("title,kind", [
    ("Enregistrement", "registration"), ("Welcome remarks", "opening"),
    ("Session I: Case studies", "session"), ("Pause de l’après-midi", "break"),
    ("Synthèse et remarques de clôture", "closing"), ("Setting the scene", "keynote"),
    ("THE MIGRANTS’ PERSPECTIVE", "statement"), ("Almuerzo", "break"), ("Visit", "other"),
])
def test_item_kinds(title, kind):
    """An item's kind comes from its title."""
    assert item_kind(title) == kind


def test_person_split():
    """A person is the name before the first comma, then the role."""
    p = make_person("Meera Sethi, Conseillère régionale, OIM")
    assert p.findtext("name") == "Meera Sethi"
    assert p.findtext("role") == "Conseillère régionale, OIM"


def test_two_people_on_one_line():
    """Two people joined by ' / ' are two people; 'public/privé' is not split."""
    assert split_people("A B, Minister, Moldova / C D, Coordinator, IOM") == [
        "A B, Minister, Moldova", "C D, Coordinator, IOM"]
    assert split_people("E F, projet (IRI)/OIM, OIM Bagdad") == ["E F, projet (IRI)/OIM, OIM Bagdad"]
    assert split_people("A B, Minister; C D, Director, IOM") == ["A B, Minister", "C D, Director, IOM"]
    assert split_people("A B, Director of Policy; Research and Communication") == [
        "A B, Director of Policy; Research and Communication"]


@pytest.mark.parametrize("lines,joined,vocab", [
    (["las comu-", "nidades de origen"], "las comunidades de origen", set()),
    (["de main-", "d’œuvre temporaire"], "de main-d’œuvre temporaire", set()),
    (["factores socio-", "económicos"], "factores socio-económicos", set()),
    (["Michel Sho-", "Sawyer"], "Michel Sho-Sawyer", set()),
    (["the well-", "being of migrants"], "the well-being of migrants", {"well-being"}),
    (["the inter-", "national community"], "the international community", {"international"}),
])
def test_hyphenation(lines, joined, vocab):
    """Line-end hyphenation is undone; real hyphens stay."""
    token = VOCABULARY.set(frozenset(vocab))
    try:
        assert join_lines(lines) == joined
    finally:
        VOCABULARY.reset(token)


@pytest.mark.parametrize("data,text", [
    ("Modérateur : Jean".encode("utf-8"), "Modérateur : Jean"),
    (b"\xef\xbb\xbf" + "Modérateur".encode("utf-8"), "Modérateur"),
    ("Modérateur – “x”".encode("cp1252"), "Modérateur – “x”"),
    ("Modérateur".encode("utf-16"), "Modérateur"),
    ("Déjà".encode("latin-1"), "Déjà"),
])
def test_encodings(data, text):
    """UTF-8 with or without BOM, UTF-16 with BOM, cp1252 and latin-1 are read."""
    assert decode(data, "x.txt")[0] == text


@pytest.mark.parametrize("data,message", [
    (b"", "empty"), (b"  \n \n", "empty"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
])
def test_unreadable_inputs(data, message):
    """Empty and binary texts give a file:line error, not a traceback."""
    with pytest.raises(PipelineError) as exc:
        read_text(data, "bad.txt")
    assert message in str(exc.value) and str(exc.value).startswith("bad.txt:")


def test_shapeless_prose_is_a_paper_of_plain_paragraphs():
    """A text with no timed item and no numbered paragraph is not refused: it is a paper
    whose title is its first line and whose prose is unnumbered paragraphs."""
    from pipeline.documents import read_text_source

    data = b"A short note\n\nJust a sentence.\nAnd another one.\n\nA second para-\ngraph here.\n"
    tree, warnings = read_text_source(data, "note.en.txt")
    root = tree.getroot()
    assert root.get("type") == "paper"
    assert root.findtext("meta/title") == "A short note"
    assert root.findtext("body/p") == "A second paragraph here."
    assert "Just a sentence. And another one." in " ".join(root.itertext())


def test_a_note_whose_marker_is_nowhere_stays_a_note_referenced_where_it_is_printed():
    """A footnote whose marker cannot be found (lost by the extractor, or glued to a figure)
    once sent the whole text back with every note left in the body: now that note alone is
    referenced at the end of the text printed before it, with a warning naming its line."""
    from pipeline.documents import read_text_source

    data = ("Title of the paper\n\n1. The first paragraph has no marker at all.\n\n"
            "2. The second neither.\n\n__________\n1 A note that nothing calls.\n").encode()
    tree, warnings = read_text_source(data, "p.en.txt")
    messages = [str(w) for w in warnings]
    assert any(m.startswith("p.en.txt:8: warning: footnote 1: no marker found") for m in messages), messages
    assert not any("could not be read" in m for m in messages), messages
    root = tree.getroot()
    assert root.findtext("footnotes/footnote") == "A note that nothing calls."
    assert root.find("body/para[@n='2']/p/noteref").get("to") == "fn1"


def test_a_marker_set_apart_after_a_figure_is_found():
    """'$2.35 2 billion': the note's number alone between spaces after a figure, before its
    own note, is taken as its marker (with a warning to check it), and nothing is lost."""
    from pipeline.documents import read_text_source

    data = ("Title of the paper\n\n1. The plan asks for $1.62 billion of the overall $2.35 2 billion\n"
            "required this year.\n\n__________\n2 The total excludes aviation.\n").encode()
    data = data.replace(b"1. The plan", b"1. A first note here.1 The plan").replace(
        b"__________\n", b"__________\n1 The first note.\n")
    tree, warnings = read_text_source(data, "p.en.txt")
    messages = [str(w) for w in warnings]
    assert any("footnote 2: its marker is taken to be the '2' set apart" in m for m in messages), messages
    para = tree.getroot().find("body/para[@n='1']/p")
    assert [r.get("to") for r in para.iter("noteref")] == ["fn1", "fn2"]
    assert "$2.35" in "".join(para.itertext()) and "billion required" in " ".join(para.itertext())


def test_a_blank_line_inside_a_cut_word_is_no_paragraph_break():
    """pdfminer.six prints a blank line after each line of a heading: 'Confidence-', '',
    'building Measures' is one heading with one word, and nothing is lost."""
    from pipeline.documents import read_text_source

    data = ("Title of the paper\n\nI. Achievements of the Conference on Interaction and Confidence-\n\n"
            "building Measures in Asia\n\n1. The Conference on Confidence-building Measures met twice.\n").encode()
    tree, warnings = read_text_source(data, "p.en.txt")
    assert not warnings, [str(w) for w in warnings]
    heading = tree.getroot().find("body/section/heading")
    assert heading.text == "Achievements of the Conference on Interaction and Confidence-building Measures in Asia"


def test_a_letter_whose_enclosure_is_a_table_of_times_is_a_paper():
    """A letter (its title 'Letter dated ...' under the masthead) stays a paper when its
    enclosure lists dates and times; its title goes on in lower case on a long line."""
    from pipeline.documents import read_text_source

    rows = "".join(f"March {d}, 2024\n{9 + d % 5:02d}:{d:02d}\n18,500\nC-130\n" for d in range(3, 9))
    data = ("A/79/900-S/2025/300\n\nUnited Nations\n\nGeneral Assembly\nSecurity Council\n\n"
            "Distr.: General\n4 March 2025\nOriginal: English\n\n"
            "Letter dated 3 March 2025 from the Permanent Representative\n"
            "of Freedonia to the United Nations addressed to the Secretary-General of the Organization\n"
            "I have the honour to transmit herewith the list of the flights observed over our territory.\n"
            "(Signed) Ana Ruiz\nPermanent Representative\n\nEnclosure\n\nDate\nLocal time\nAltitude\nType\n"
            + rows).encode()
    tree, warnings = read_text_source(data, "l.en.txt")
    root = tree.getroot()
    assert root.get("type") == "paper", [str(w) for w in warnings]
    assert root.findtext("meta/title").endswith("addressed to the Secretary-General of the Organization")
    assert not any("could not be read" in str(w) for w in warnings), [str(w) for w in warnings]


def test_a_title_block_printed_twice_is_compared_once():
    """A cover page, then the title page with the same words: the no-text-lost check finds
    where the body starts from what the title block holds, and the body's copy is kept."""
    from pipeline.check import Words, split_head

    src, body, meta = Words(), Words(), Words()
    src.add("Official Records Supplement No. 42 Report for 2025 Official Records Supplement No. 42 Report for 2025 1. Text")
    body.add("Official Records Supplement No. 42 Report for 2025 Text")
    meta.add("Official Records Supplement No. 42 Report for 2025")
    assert split_head(src, body, meta) == 8


def test_a_cell_of_figures_is_no_heading_and_an_annex_title_stops_at_its_subheading():
    """'12 173.9' alone between blank lines (a table of figures, one cell a line) stays
    text; an annex's title ends where its first subheading 'A. ...' begins."""
    from pipeline.documents import read_text_source

    data = ("Title of the paper\n\n1. The costs of the projects of the period under review are shown below,\n"
            "by section of the budget and by year, in thousands of United States dollars.\n\nTotal\n\n12 173.9\n\n5 893.1\n\n"
            "2. The balance is small.\n\nAnnex\n\nEvolution of the functions of the team\n"
            "A. From the 1990s to the early 2000s\n\nThe team was small at first, and it grew with every construction project\n"
            "that the Secretariat took on in the decades that followed its creation in Nairobi.\n").encode()
    root = read_text_source(data, "p.en.txt")[0].getroot()
    headings = [h.text for h in root.iter("heading")]
    assert "12 173.9" not in headings and "5 893.1" not in headings, headings
    assert root.find("body/annex/heading[2]").text == "Evolution of the functions of the team"
    assert root.find("body/annex/section/heading").text == "From the 1990s to the early 2000s"


@pytest.mark.parametrize("line,foot", [
    ("24-23868 (E) 301224", True),
    ("*2423868*", True),
    ("2/3   25-00746", True),
    ("25-00746 3/3", True),
    ("25-05275* (E) 280425", True),
    ("24-07658 (S) 100524 240524", True),
    ("27-08973 2", True),
    ("Please recycle", True),
    ("301224", False),  # a date code alone may be a figure: a job number or barcode is needed
    ("2/3", False),
    ("See A/79/150 (2024), 25-00746.", False),
    ("1 May 2025, 24-23868 (E)", False),
])
def test_un_page_foot_lines(line, foot):
    """The PDF reader's UN page foot: a line of job numbers, language letters, date codes,
    barcodes' texts and page numbers only, with a job number or a barcode; or the
    recycling line."""
    from pipeline.readers.pdf.furniture import is_page_foot

    assert is_page_foot(line) is foot


@pytest.mark.parametrize("line", [
    "24-23868 (E)", "24-23868*", "GE.27-00412 (E)", "GE.27-00412(F) 130127 140127", "V.25-01234 (E)",
    "*2423868*", "301224", "Please recycle", "♲ Merci de recycler", "Sírvase reciclar ♲",
    "2/9", "- 3 -", "– 4 –", "Page 5", "page 6 of 9", "p. 7", "(26-2871)", "Page: 1/3"])
def test_page_furniture_is_tried(line):
    """Every form of page furniture gets past the first-character guard of the debris pass
    (a form added to the patterns without its first character in _FURNITURE_FIRST would
    silently stay in the text)."""
    from pipeline.readers.text.normalise import _FURNITURE_START_RE, _may_be_furniture

    assert _FURNITURE_START_RE.match(line), line
    assert _may_be_furniture(line)
