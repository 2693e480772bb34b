"""Letters and notes in papers: the signature, and the annex's own title (R12, R14).

    (Signed) Tomasz Erdal          -> signature, with the short role lines under it
    Ambassador
    Permanent Representative
    Annex to the identical letters ... -> annex/heading (read by paper.py)
    Joint communiqué of the Ministers  -> annex/heading[2]: short lines that end no
    of the Amber Coast                    sentence, right under the annex line
"""
from __future__ import annotations

import re

from .normalise import Line
from .text import is_caps, join_lines

SIGNED_RE = re.compile(r"^\((?:Signed|Signé|Firmado|Signée)\)\s*\S")
#: A line that cannot be a role line under a signature.
_NOT_ROLE_RE = re.compile(r"^(?:Annex|Annexe|Anexo|ANNEX|ANNEXE|ANEXO|\((?:Signed|Signé|Firmado)\))\b"
                          r"|^[A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/\S*\d")
#: A letter's salutation, a paragraph of its own: "Señor Secretario General:", "Sir,".
SALUTATION_RE = re.compile(r"^(?:Sir|Madam|Mr\.? President|Madam President|Excellency|Dear\b.{1,40}|"
                           r"Monsieur|Madame|Señor|Señora|Excelentísim[oa]|Excelencia)\b.{0,50}[:,]$")
_TERMINAL_RE = re.compile(r"[.!?…;:]['\"»”’)\]]*(?:\s?\*{1,3})?$")


#: How the title of a letter or note verbale starts (masthead.LETTER_RE).
LETTER_WORDS = (r"(?:(?:Identical\s+)?letters?|Note\s+verbale|(?:Lettres?\s+identiques|Lettres?)|"
                r"(?:Cartas?\s+idénticas|Cartas?)|Nota\s+verbal)\s+(?:dated|datées?|de\s+fecha)\b")
#: The start of a letter's title, or of its annex's ("Annex II to the letter dated"): it runs
#: on to whom it is addressed.
_LETTER_TITLE_RE = re.compile(
    rf"^(?:(?:Annex|Annexe|Anexo)(?:\s+(?:[IVXLC]{{1,6}}|\d{{1,2}}))?\s+(?:to|à|aux?|de|al)\s+(?:the\s+|la\s+|las\s+|les\s+)?)?{LETTER_WORDS}", re.I)
_ADDRESSED_RE = re.compile(r"\b(?:addressed|adressées?|dirigidas?)\b", re.I)


#: A title's line that needs the next one ("Report of the port authority on the").
_RUNS_ON_RE = re.compile(r"\b(?:of|the|and|on|for|to|in|de|du|des|la|le|et|del|y|en|sur|pour|para|"
                         r"sobre|con|with|by|from|at)$", re.I)


#: Who a letter is addressed to, at the end of its title: where the title ends; or who sent
#: it, after the addressee, as French and Spanish titles end ("... adressées au Président du
#: Conseil par le Représentant permanent de ... auprès de l'Organisation des Nations Unies",
#: "... dirigida al Secretario General por el Representante Permanente de ... ante las
#: Naciones Unidas").
_ADDRESSEE_END_RE = re.compile(r"\b(?:addressed|adressées?|dirigidas?)\b.*(?:\b(?:Secretary-General|"
                               r"Secrétaire général|Secretario General|Council|Assembly|Conseil de sécurité|"
                               r"Assemblée générale|Consejo de Seguridad|Asamblea General|Committee|"
                               r"Comité|Comisión|Commission)|\b(?:by|par|por)\b.*\b(?:United Nations|"
                               r"Nations Unies|Naciones Unidas))\W*$", re.I)


def finished_letter_title(text: str) -> bool:
    """True when a letter's title has said to whom it is addressed ("... addressed to the
    Secretary-General"): what follows is another block (the annex's own title)."""
    return bool(_LETTER_TITLE_RE.match(text)) and bool(_ADDRESSEE_END_RE.search(text))


#: The start of the line that names the sender after the addressee ("par le Représentant
#: permanent ...", "por el Representante Permanente ...", "by the Permanent Representatives").
_SENDER_RE = re.compile(r"^(?:par|por|by)\s+(?:le|la|les|el|los|las|the)\s", re.I)


def sender_follows(text: str) -> bool:
    """True when text, the line under a letter's title that has named its addressee, names
    the sender ("par le Représentant permanent de ... auprès de l'Organisation des Nations
    Unies"): the title goes on, as French and Spanish titles do."""
    return bool(_SENDER_RE.match(" ".join(text.split())))


def unfinished_letter_title(text: str) -> bool:
    """True when text starts a letter's title ("Letter dated 7 January 2025 from the
    Western Azerbaijan") and has not yet said to whom it is addressed: it goes on, across a
    blank line that pdfminer puts inside it."""
    return bool(_LETTER_TITLE_RE.match(text)) and not _ADDRESSED_RE.search(text)


def addresses(text: str) -> bool:
    """True when text says to whom a letter is addressed ("... addressed to the")."""
    return bool(_ADDRESSED_RE.search(text))


def signature_end(lines: list[Line], i: int) -> int:
    """The index after the signature that starts at lines[i]: the signed line and up to
    four short role lines under it ("Ambassador", "Permanent Representative")."""
    j = i + 1
    while j < len(lines) and j - i <= 4:
        line = lines[j]
        text = " ".join(line.text.split())
        if (line.kind != "text" or line.page_start or not text or len(text.split()) > 8
                or _TERMINAL_RE.search(text) or _NOT_ROLE_RE.match(text) or not text[:1].isupper()):
            break
        j += 1
    return j


def _prose(first: Line, second: Line, parts: list[str], width: int) -> bool:
    """True when the first two lines taken for a title are a paragraph's: its first line
    indented and the next a full line, or the next in lower case and much longer."""
    indented, full = first.indent > second.indent, len(parts[1]) >= 0.8 * width
    return indented and full or (indented or full) and parts[1][:1].islower() \
        and len(parts[1]) > len(parts[0]) + 8


#: A numbered heading: "A. From the 1990s", "II. Background".
_SUBHEADING_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.\s+\S")


#: A title's end on a year or a term of years ("2027", "2024–2025", "2026-28").
_YEARS_END_RE = re.compile(r"\b(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?$")


def _comma_wraps(lines: list[Line], k: int, text: str) -> bool:
    """True when a title's line that ends on a comma goes on under it: five words at least,
    not a salutation, and a line of text right under it on the same page ("Candidature
    of Norland to the Council on Oceans," / "2027-2029"; "... the theme "Coasts for all",
    held in Tarn," / "Republic of Norland")."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return len(text.split()) >= 5 and not SALUTATION_RE.match(text) and nxt is not None \
        and nxt.kind == "text" and not nxt.page_start


def _title_ended(parts: list[str], text: str) -> bool:
    """True when the title read so far ended on a short last line (under three fifths of
    its widest, on a word that needs none after it) and text starts in capitals: default
    pdftotext prints an annex's title and the subtitle under it with no blank line between
    ("Candidature of Norland to the Council on" / "Oceans, 2027-2029" / "Pledges made under
    resolution 12/34"), and the subtitle is a heading of its own, not the title's end; a
    title line that ends on a year or a term of years ("..., 2027-2029", "... in 2024-2025")
    ends the title too, however long (our writer prints a title on one line); so does a
    one-line title well short of the line under it ("Chair's summary" / "Report of the
    fifth Forum on ...": no title wraps so early)."""
    if not parts or not text[:1].isupper() or _RUNS_ON_RE.search(parts[-1]):
        return False
    return bool(_YEARS_END_RE.search(parts[-1])) \
        or len(parts[-1]) < 0.6 * max(len(text), *map(len, parts))


def annex_title(lines: list[Line], j: int, width: int, para_re: re.Pattern) -> tuple[str, int] | None:
    """The annex's own title under its heading, from lines[j] (blank lines skipped): one to
    four lines, each shorter than a body line, none ending a sentence, the first in capitals
    or title case, a fourth one never running on to the next line ("... resolution 80/311"
    ends a title of two parts, "... against the Crime of" starts the body); then a blank
    line or a body line. Returns (the lines, the index after)."""
    while j < len(lines) and lines[j].kind != "text":
        j += 1
    parts: list[str] = []
    k = j
    while k < len(lines) and len(parts) < 4 and not (lines[k].page_start and parts):
        if lines[k].kind != "text":
            if not parts or k + 1 >= len(lines) or lines[k + 1].kind != "text" or not (
                    unfinished_letter_title(join_lines(parts))
                    or _RUNS_ON_RE.search(parts[-1]) and lines[k + 1].text.strip()[:1].islower()):
                break
            k += 1  # a blank line inside a letter's title (pdfminer)
            continue
        text = " ".join(lines[k].text.split())
        if len(text) >= 0.9 * width or para_re.match(text) or parts and _SUBHEADING_RE.match(text):
            break  # (the annex's first subheading, "A. From the 1990s to ...", under its title)
        if _TERMINAL_RE.search(text) or text.endswith(",") and not _comma_wraps(lines, k, text):
            if parts and text[:1].isupper():
                break  # the annex's body, printed with no blank line under its title
            return None
        if parts and is_caps(text, 4) and not is_caps(parts[-1], 2):
            break  # "List of participants" / "MEMBER STATES": a heading under the title (pdftotext, pypdf)
        if len(parts) == 3 and _RUNS_ON_RE.search(text):
            break  # a fourth line that runs on ("... against the Crime of"): the body's first
        if _title_ended(parts, text):
            break  # the title's short last line came: a subtitle or heading starts under it
        parts.append(text)
        k += 1
    if not parts or not parts[0][:1].isupper() or k >= len(lines):
        return None
    if len(parts) > 1 and _prose(lines[j], lines[j + 1], parts, width):
        return None  # a paragraph's indented first line and the full line it wraps onto
    after = lines[k]
    if after.kind == "text" and not after.text.strip()[:1].isupper() and not para_re.match(after.text.strip()):
        return None
    return join_lines(parts), k
