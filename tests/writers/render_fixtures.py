"""Documents made for the LibreOffice rendering checks: a long agenda and out-of-order notes.

``long_agenda`` has forty items of two-line titles and descriptions of varying length, so
that page breaks fall at many places in the rows, and one item longer than a page; ``notes_out_of_order`` references its
third note first (valid: the schema asks that each note be referenced once and numbered
1..n in the list, not that the references come in that order).
"""
from __future__ import annotations

from lxml import etree

from pipeline.validate import validate

FILLER = ("The working group will review the draft conclusions, hear the reports of the "
          "regional consultations and agree on the points to be carried to the plenary. ")
NOTES_PAPER = """<document id="notes-order" type="paper" xml:lang="en" version="1">
  <meta>
    <title>Notes referenced out of order</title>
    <symbol>TEST/NOTES/1</symbol>
    <source file="notes-order.en.txt" sha256="{sha}"/>
  </meta>
  <body>
    <para n="1"><p>The first reference in the text is to gammanote.<noteref to="fn3"/></p></para>
    <para n="2"><p>The second reference is to alphanote.<noteref to="fn1"/></p></para>
    <para n="3"><p>The third reference is to betanote.<noteref to="fn2"/></p></para>
  </body>
  <footnotes>
    <footnote id="fn1" n="1">Alphanote text, referenced second.</footnote>
    <footnote id="fn2" n="2">Betanote text, referenced third.</footnote>
    <footnote id="fn3" n="3">Gammanote text, referenced first.</footnote>
  </footnotes>
</document>
"""
#: Items of the long agenda; item k starts at 08:00 + 15 k minutes.
ITEMS = 40
#: The item whose description alone runs over more than a page.
LONG_ITEM = 25


def item_time(k: int) -> tuple[str, str]:
    """Start and end of item ``k`` (HH:MM)."""
    start, end = 8 * 60 + 15 * k, 8 * 60 + 15 * (k + 1)
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"


def item_title(k: int) -> str:
    """A title of two or three printed lines, starting Titlestart<k> and ending Titleend<k>."""
    words = " ".join(["consultation on return and reintegration"] * (2 + k % 3))
    return f"Titlestart{k} {words} Titleend{k}"


def long_agenda() -> etree._ElementTree:
    """A one-day agenda of ITEMS items whose rows have many different heights."""
    items = []
    for k in range(ITEMS):
        start, end = item_time(k)
        description = "".join(f"<p>{FILLER * (1 + (k * 7) % 5)}</p>" for _ in range(k % 3))
        if k == LONG_ITEM:  # a row taller than a page: it must still be printed whole
            description = f"<p>{FILLER * 60}</p>"
        items.append(f'<item start="{start}" end="{end}" kind="session">'
                     f"<title>{item_title(k)}</title>{description}</item>")
    text = ('<document id="long-agenda" type="agenda" xml:lang="en" version="1"><meta>'
            "<title>A long programme</title>"
            f'<source file="long-agenda.en.txt" sha256="{"0" * 64}"/></meta>'
            '<agenda><day date="2008-07-07"><heading>7 July 2008 Day One</heading>'
            + "".join(items) + "</day></agenda></document>")
    return checked(text, "long-agenda.en")


def notes_out_of_order() -> etree._ElementTree:
    """A paper whose notes are referenced 3, 1, 2."""
    return checked(NOTES_PAPER.format(sha="0" * 64), "notes-order.en")


def checked(text: str, name: str) -> etree._ElementTree:
    """The parsed document, asserted valid against the schema and its rules."""
    tree = etree.fromstring(text.encode()).getroottree()
    errors = validate(tree, name)
    assert not errors, f"{name} is invalid:\n" + "\n".join(map(str, errors))
    return tree


#: A UN paper with star notes (schema R17): "*" on the symbol, "**" on the agenda item line,
#: "***" at a paragraph's end, and two numbered notes after them.
STAR_PAPER = """<document id="star-notes" type="paper" xml:lang="en" version="2"><meta>
<title>Note verbale dated 1 June 2026 from the Permanent Mission of Norland</title>
<symbol note="fns1">A/81/300</symbol><organisation>United Nations, General Assembly</organisation>
<agenda-item>Item 120 (c) of the preliminary list<noteref to="fns2"/> Elections to the Committee</agenda-item>
<source file="star-notes.en.txt" sha256="{sha}"/></meta><body>
<p>The Mission refers to the candidature of Norland.<noteref to="fn1"/> It transmits the
pledges of its Government (see annex).<noteref to="fns3"/></p>
<p>The Mission recalls the earlier pledges.<noteref to="fn2"/></p></body><footnotes>
<footnote id="fns1" n="*">Reissued for technical reasons on 9 June 2026.</footnote>
<footnote id="fns2" n="**">Starnotetwo A/81/50.</footnote>
<footnote id="fns3" n="***">Starnotethree circulated in the language of submission only.</footnote>
<footnote id="fn1" n="1">Numberednoteone.</footnote>
<footnote id="fn2" n="2">Numberednotetwo.</footnote>
</footnotes></document>"""


def star_notes() -> etree._ElementTree:
    """A paper whose star notes (*, **, ***) come before its notes 1 and 2."""
    return checked(STAR_PAPER.format(sha="0" * 64), "star-notes.en")
