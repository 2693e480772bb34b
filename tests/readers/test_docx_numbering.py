"""Word's automatic numbering as printed labels (pipeline/readers/docx/numbering.py), on
numbering and styles parts written as Word writes them."""
from __future__ import annotations

from lxml import etree

from pipeline.readers.docx.numbering import Numbering, W

NS = f'xmlns:w="{W}"'


def lvl(ilvl: int, fmt: str, text: str, start: int | str = 1, extra: str = "") -> str:
    """A w:lvl element."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def numbering(*abstracts: str, nums: str = "") -> etree._Element:
    """A numbering part: abstract lists (id 0, 1, ...) and, unless given, one w:num each
    (numId = abstract id + 1)."""
    body = "".join(f'<w:abstractNum w:abstractNumId="{k}">{a}</w:abstractNum>'
                   for k, a in enumerate(abstracts))
    body += nums or "".join(f'<w:num w:numId="{k + 1}"><w:abstractNumId w:val="{k}"/></w:num>'
                            for k in range(len(abstracts)))
    return etree.fromstring(f"<w:numbering {NS}>{body}</w:numbering>")


def para(num_id: str | None = None, ilvl: int | str | None = None, style: str | None = None):
    """A w:p numbered directly and/or through its style."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        ppr += "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + \
               f'<w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f"<w:p {NS}><w:pPr>{ppr}</w:pPr></w:p>")


def labels(n: Numbering, paras) -> list[str | None]:
    """The label of each paragraph in turn."""
    return [(n.label(p) or (None,))[0] for p in paras]


def test_levels_count_and_restart() -> None:
    """1., 2., then (a), (b) under 2., (a) again under 3.; roman and upper letters."""
    n = Numbering(numbering(lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "(%2)")
                            + lvl(2, "lowerRoman", "(%3)")), None)
    seq = [para("1", 0), para("1", 0), para("1", 1), para("1", 2), para("1", 1), para("1", 0),
           para("1", 1)]
    assert labels(n, seq) == ["1.", "2.", "(a)", "(i)", "(b)", "3.", "(a)"]


def test_counting_goes_on_across_other_paragraphs_and_lists() -> None:
    """Two list instances of one abstract list count on; a start override restarts."""
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    n = Numbering(numbering(lvl(0, "decimal", "%1."), nums=nums), None)
    seq = [para("1", 0), para(), para("2", 0), para("3", 0), para("1", 0), para("0", 0)]
    assert labels(n, seq) == ["1.", None, "2.", "1.", "2.", None]


def test_numbering_through_a_style() -> None:
    """Headings numbered by their style (based on another), the level from the style's
    link in the list; multi-level text "%1.%2"; legal numbering decimal."""
    styles = etree.fromstring(
        f'<w:styles {NS}><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/>'
        '</w:numPr></w:pPr></w:style><w:style w:styleId="Heading2"><w:basedOn w:val="Heading1"/>'
        '</w:style><w:style w:styleId="Chapter"><w:basedOn w:val="Heading1"/></w:style></w:styles>')
    abstract = (lvl(0, "upperRoman", "%1.", extra='<w:pStyle w:val="Heading1"/>')
                + lvl(1, "upperLetter", "%1.%2", extra='<w:pStyle w:val="Heading2"/><w:isLgl/>'))
    n = Numbering(numbering(abstract), styles)
    seq = [para(style="Heading1"), para(style="Heading2"), para(style="Heading2"),
           para(style="Heading1"), para(style="Chapter")]
    assert labels(n, seq) == ["I.", "1.1", "1.2", "II.", "III."]


def test_bullets_and_odd_values() -> None:
    """A Symbol-font bullet prints "•", a known one itself; a level without text, an
    unknown list or level, and values that are not numbers give no label or a number,
    never an error; a huge start prints as a number."""
    n = Numbering(numbering(lvl(0, "bullet", "\uf0b7") + lvl(1, "bullet", "–")
                            + lvl(2, "none", ""),
                            lvl(0, "lowerLetter", "%1)", start="99999999"),
                            lvl(0, "decimal", "%1.", start="x")), None)
    seq = [para("1", 0), para("1", 1), para("1", 2), para("9", 0), para("1", 7),
           para("2", 0), para("3", "x")]
    assert labels(n, seq) == ["•", "–", None, None, None, "99999999)", "1."]
