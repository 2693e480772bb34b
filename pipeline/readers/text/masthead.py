"""The title block of a document of the UN system: masthead, symbol block, session, item.

Shapes read (each extractor sets them its own way; fields split by runs of spaces are read
one by one, so ``United Nations        A/80/97`` from ``pdftotext -layout`` is two fields):

    United Nations / Nations Unies / Naciones Unidas       -> organisation
    General Assembly, Security Council, ...  (the organs)  -> organisation
    A/79/718-S/2025/21, E/CN.6/2025/4                       -> symbol
    Distr.: General / Distr. générale / Distr. general      -> distribution @level
    13 June 2025 (the date right under Distr.)              -> issued @date
    Original: English                                       -> original-language
    [organ] Seventy-ninth session / Eightieth year          -> session
    Item 116 (c) of the preliminary list*, its title lines  -> agenda-item
    then the document's own title (to a blank line, or a line as long as the body's), and
    its kind ("Report of the Secretary-General", "Note by the Secretariat") -> subtitle.

After ``read_masthead`` runs, when it found a masthead (two of organisation, symbol,
distribution, original language in the first lines), every line before ``end`` is in one
of the fields; the title follows (``read_title`` for a letter or note, the general rules
of meta.py when numbered paragraphs follow). Otherwise it returns None and the general
title-block rules apply to the whole block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .entries import PROVISIONAL_OF_RE, PROVISIONAL_RE
from .letters import LETTER_WORDS, addresses, finished_letter_title, unfinished_letter_title
from .lexicon import (CLASSIFIED_RE, NAMED_BODY_RE, ORIGINAL_RE, RECORDS_RE, RESTRICTED_RE, STATUS_RE, UN_NAME,
                      VERSION_ORIGINAL_RE, governing_body_session)
from .normalise import Line
from .paper import PARA_RE, ROMAN_HEAD_RE, ends_sentence
from .starnotes import star_attrs
from .text import is_caps, join_lines
from .times import (CROSS_MONTH_RE, DATE_RANGE_RE, find_date, find_date_range, is_date_line, is_place_line,
                    lone_date, match_time_range)
from .work import is_work_title

#: The African Union's name, in the languages its letterhead prints.
AU_NAME = r"(?:African Union|Union africaine|Uni[ãa]o Africana|Uni[óo]n Africana|الاتحاد\s?الأفريقي)"
ORG_RE = re.compile(rf"^(?:{UN_NAME}|{AU_NAME}|[\u0600-\u06ff]+\s[\u0600-\u06ff]+(?=,\s+{AU_NAME}))"
                    rf"(?:,\s+[^,]{{3,120}})*,?$", re.I)  # (pdfminer: the Arabic name, reversed, before the others)
#: Arabic letters only (with the marks of direction extractors add), two words at most.
_ARABIC_RE = re.compile(r"^[\u200e\u200f\u202a-\u202e]*[\u0600-\u06ff]+(?:\s[\u0600-\u06ff]+)?"
                        r"[\u200e\u200f\u202a-\u202e]*$")
ORGAN_RE = re.compile(
    r"^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    r"Trusteeship Council|International Court of Justice|"
    r"Assembl[ée]e g[ée]n[ée]rale|Conseil de s[ée]curit[ée]|Conseil [ée]conomique et social|"
    r"Conseil des droits de l[’']homme|Asamblea General|Consejo de Seguridad|"
    r"Consejo Econ[óo]mico y Social|Consejo de Derechos Humanos|"
    r"Executive Board of .{2,80}|Conseil d[’']administration .{2,80}|Junta Ejecutiva .{2,80}|"
    # the Council of Europe's
    r"Ministers[’'] Deputies|D[ée]l[ée]gu[ée]s des Ministres|Committee of Ministers|Comit[ée] des Ministres|"
    r"Parliamentary Assembly|Assembl[ée]e parlementaire|"
    # the UN's regional commissions, under "United Nations" (ECLAC's masthead)
    r"Economic(?: and Social)? Commission for (?:Africa|Europe|Latin America and the Caribbean|Asia and the "
    r"Pacific|Western Asia)|Comisi[óo]n Econ[óo]mica para Am[ée]rica Latina y el Caribe|"
    r"Commission [ée]conomique (?:et sociale )?pour (?:l[’']Afrique|l[’']Europe|l[’']Am[ée]rique latine et les "
    r"Cara[ïi]bes|l[’']Asie et le Pacifique|l[’']Asie occidentale)|"
    r"UN-Women|ONU-Femmes|ONU-Mujeres|"
    r"Conference of the Parties.{0,80}|Conf[ée]rence des Parties.{0,80}|"
    r"Convention on Biological Diversity|Convention sur la diversit[ée] biologique|"
    r"Convenio sobre la Diversidad Biol[óo]gica|"
    r"United Nations Environment Assembly(?: of the)?(?: United Nations Environment Programme)?|"
    r"Assembl[ée]e des Nations Unies pour l[’']environnement(?: du Programme des Nations Unies pour "
    r"l[’']environnement)?|"
    r"Asamblea de las Naciones Unidas sobre el Medio Ambiente(?: del Programa de las Naciones Unidas para "
    r"el Medio Ambiente)?|"
    # a human rights treaty, over its treaty body's documents (its name wraps over lines)
    r"(?:International\s+)?(?:Convention|Covenant)\s+(?:on|against|for)\s+the\s+.{3,120}|"
    r"Convention\s+(?:sur|relative|contre|internationale)\s+.{3,120}|Pacte\s+international\s+relatif\s+.{3,120}|"
    r"Convenci[óo]n\s+(?:sobre|contra|Internacional)\s+.{3,120}|Pacto\s+Internacional\s+de\s+.{3,120})$", re.I)
SYMBOL_RE = re.compile(r"^[A-Z]{1,10}(?:[./-][A-Za-z0-9]+)*/[A-Z0-9][A-Za-z0-9./()*-]*"
                       # "S/RES/2801 (2026)"
                       r"(?:\s\((?:\d{4}|Sect\.\s?\w{1,4}|Part\s+[IVX]{1,4}|Vol\.\s?[IVX]{1,4})\))?$"
                       # the Council of Europe's (and the OECD's) body, year and number: "CDDH(2026)R105", "CM(2026)45"
                       # the Parliamentary Assembly's "Doc. 16201"
                       r"|^Doc\.\s?\d{4,6}(?:\s(?:rev|Add\.|Addendum|corr)\s?\d{0,2})?$"
                       r"|^[A-Z][A-Z-]{0,11}\(\d{4}\)[A-Za-z]{0,6}\d{1,4}"
                       r"(?:[-_]?(?:rev|REV|final|prov|add|corr)\d{0,2})?$")
DISTR_RE = re.compile(r"^Distr\.?\s*:?$|"  # ("Distr." / "LIMITADA": its level on the next line, ECLAC's)
                      r"^Distr\.?\s*:?\s*(?P<level>general|générale|limited|limitée|limitada|"
                      r"restricted|restreinte|reservada|restringida)\.?$|" + RESTRICTED_RE.pattern
                      + "|" + CLASSIFIED_RE.pattern, re.I)
LEVELS = {"general": "general", "générale": "general", "limited": "limited",
          "limitée": "limited", "limitada": "limited", "restricted": "restricted",
          "restreinte": "restricted", "reservada": "restricted", "restringida": "restricted"}
SESSION_RE = re.compile(
    r"^(?:.{0,100}\b(?:session|year|sesi[óo]n|per[ií]odo (?:(?:extra)?ordinario )?de sesiones|ann[ée]e|a[ñn]o)"
    r"(?:\s+(?:sustantivo|extraordinario|ordinario|reanudado|de fond|extraordinaire|ordinaire|annuelle|anual))?"
    r"(?:\s+of\s+\d{4}|\s+de\s+\d{4}|\s+\d{4})?"
    r"(?:\s+(?:sustantivo|extraordinario|ordinario|reanudado|de fond|extraordinaire|ordinaire|annuelle|anual))?"
    r"|(?:Session|Sesi[óo]n)\s+\S+.{0,40}"
    # a treaty body's meeting, by its rank (the CBD's "Twenty-eighth meeting", "Seizième réunion")
    r"|(?:.{3,100},\s+)?(?!(?:Rapport|Report|Informe|Compte|Ordre|Orden|Agenda|Summary|Résumé|Resumen)\b)"
    r"[A-Z][\w-]*(?:\s[a-zé][\w-]*)?\s+(?:meeting|réunion|reunión)(?:\s+\(.{1,40}\))?"
    # the Council of Europe's committees' meetings by number ("105th meeting", "105e réunion")
    r"|\d{1,4}(?:st|nd|rd|th|e|ème|re|ª|a)\s+(?:plenary\s+|plénière\s+)?(?:meeting|réunion|reunión)"
    r"(?:\s+(?:plénière|plenaria))?(?:,\s+\d{1,2}(?:er)?\s+\w{3,9}\s+\d{4})?)$",  # ("1505th meeting, 2 April 2026")
    re.I)
ITEM_RE = re.compile(
    r"^(?:(?:Provisional\s+|Preliminary\s+)?(?:agenda\s+)?items?|points?|temas?|puntos?)\s+"
    r"\d+.{0,400}$", re.I)  # (two organs' items, as our writers print them on one line)
#: The kind of a document as the UN prints it under the title: what ends a title.
KIND_END_RE = re.compile(
    r"^(?:Report|Note|Rapport|Informe|Nota)\s+(?:of|by|du|de|de la|del)\s+(?:the\s+|l[’'])?"
    r"(?:Secretary-General|[Ss]ecretariat|Director-General|Executive Director|Administrator|"
    r"Co-Chairs?|Chair|President|Bureau|High Commissioner|Secrétaire général|[Ss]ecrétariat|"
    r"Directeur général|Directrice générale|Président|Présidente|Bureau|Secretario General|"
    r"[Ss]ecretaría|Director General|Directora General|Presidente|Presidenta|Mesa)\b.{0,60}$"
    # the Human Rights Council's special procedures: "Report of the Special Rapporteur on ..."
    r"|^(?:Report|Rapport|Informe)\s+(?:of\s+the|du|de\s+la|del|de\s+la)\s+(?:Special\s+Rapporteur|"
    r"Independent\s+Expert|Rapporteur\s+spécial|Rapporteuse\s+spéciale|Experte?\s+indépendante?|"
    r"Relatora?\s+Especial|Expert[oa]\s+Independiente)\b.{0,110}$"
    # the High Commissioner for Human Rights and the Office, the whole name on the line
    # ("Report of the Office of the United Nations High Commissioner for Human Rights*";
    # not "... High Commissioner for Refugees, questions relating to ...", an item's title)
    r"|^(?:Report|Rapport|Informe)\s+(?:of\s+the|du|de\s+la|del)\s+(?:Office\s+of\s+the\s+)?(?:United\s+Nations\s+)?"
    r"(?:High\s+Commissioner\s+for\s+Human\s+Rights|"
    r"Haut-Commissa(?:ire|riat)(?:\s+des\s+Nations\s+Unies)?\s+aux\s+droits\s+de\s+l[’']homme|"
    r"(?:Oficina\s+del\s+)?Alt[oa]\s+Comisionad[oa](?:\s+de\s+las\s+Naciones\s+Unidas)?"
    r"\s+para\s+los\s+Derechos\s+Humanos)\s*\**$")
KIND_RE = re.compile(
    r"^(?:(?:Report|Note|Letter|Memorandum|Statement|Proposal|(?:Revised\s+)?[Dd]raft\s+\w+)\s+"
    r"(?:submitted\s+)?(?:of|by)\s+the\s+.{3,80}|"
    r"(?:Projet|Proyecto)\s+de\s+\w+\s+(?:présentée?s?|presentados?|presentadas?)\s+par\s+.{3,80}|"
    r"(?:Rapport|Note|Lettre|D[ée]claration)\s+(?:du|de la|des|de l[’'])\s*.{3,80}|"
    r"(?:Informe|Nota|Carta|Declaraci[óo]n|Documento)\s+(?:del|de la|de los|de las)\s+.{3,80}|"
    r"Document\s+(?:du|de la)\s+Secr[ée]tariat|"
    # WTO's communications ("COMMUNICATION FROM THE DELEGATION OF ..."), WIPO's "Document
    # prepared by the Secretariat"
    r"(?:Communication|COMMUNICATION|Comunicación|COMUNICACIÓN)\s+(?:from|FROM|de|DE|del|DEL)\s+.{3,120}|"
    r"(?:Document|Documento)\s+(?:prepared\s+by|préparé\s+par|preparado\s+por)\s+(?:the|le|la)\s+.{3,60})$")
#: The kind of a report that one of a series of reports is, printed under the title over
#: two or three lines: "Fourteenth report of the Advisory Committee on Administrative /
#: and Budgetary Questions on ...".
ORDINAL_KIND_RE = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
    r"\w+teenth|\w+tieth|\w+-\w+(?:th|st|nd|rd))\s+report\s+of\s+the\s+\S|"
    r"^\w+(?:ième|er|ère)\s+rapport\s+(?:du|de la|de l[’'])\s*\S|"
    r"^(?:\w+(?:er|ero|o|a))\s+informe\s+(?:del|de la)\s+\S")
_FIELD_SPLIT_RE = re.compile(r"\s{2,}")
#: A line that ends on a word that needs the next line ("Executive Board of the").
_CONTINUES_RE = re.compile(r"\b(?:of|the|and|for|on|to|in|de|du|des|la|le|l’|del|y|et|para|sur|pour)$", re.I)
#: "English only": a document issued in one language, printed where "Original:" stands.
ONLY_RE = re.compile(r"^(?:English|French|Spanish|Anglais|Français|Espagnol|Inglés|Francés|Español)"
                     r"\s+(?:only|seulement|únicamente|solamente)$", re.I)
#: The language of this version, printed above "Original:" in translations.
VERSION_LANG_RE = re.compile(r"^(?:English|French|Spanish|Arabic|Chinese|Russian|Anglais|Français|"
                             r"Espagnol|Arabe|Chinois|Russe|Inglés|Francés|Español|Árabe|Chino|Ruso)$"
                             r"|^(?:ENGLISH|FRENCH|SPANISH|ANGLAIS|FRANÇAIS|ESPAGNOL|INGLÉS|FRANCÉS|ESPAÑOL)$")  # (ECLAC's)


@dataclass
class Masthead:
    """What read_masthead found: meta fields (name -> (text, attrs)), and where the body
    starts (an index into the lines)."""

    found: dict[str, tuple[str, dict]] = field(default_factory=dict)
    end: int = 0


#: A Main Committee of the General Assembly, printed under the session in the title block
#: of its documents ("Third Committee", "Troisième Commission", "Cuarta Comisión", the
#: Fourth's long name with the short one in brackets).
_COMMITTEE = (r"(?:[^,]{10,90}\()?(?:(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee|"
              r"(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+Commission|"
              r"(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta)\s+Comisión)\)?$")
COMMITTEE_RE = re.compile("^" + _COMMITTEE)
#: The session and the committee on one line, as our writers print meta/session (R11).
_SESSION_COMMITTEE_RE = re.compile(r",\s+" + _COMMITTEE)


def _kind(text: str) -> str | None:
    """Which masthead field a piece of text is, or None."""
    if ORG_RE.match(text) or _ARABIC_RE.match(text):
        return "org"  # (a name in Arabic alone: the African Union's letterhead prints its name so)
    if STATUS_RE.match(text):
        return "status"
    if _SERIES_RE.match(text):
        return "series"
    if ORGAN_RE.match(text):
        return "organ"
    if DISTR_RE.match(text):
        return "distribution"
    if ORIGINAL_RE.match(text) and len(text) < 40 or ONLY_RE.match(text) or VERSION_ORIGINAL_RE.match(text):
        return "original-language"
    lang, sep, original = text.partition("; ")  # "Español; Original: inglés", as we print it
    if sep and VERSION_LANG_RE.match(lang) and ORIGINAL_RE.match(original) and len(original) < 40:
        return "original-language"
    if VERSION_LANG_RE.match(text):
        return "version-language"
    if SYMBOL_RE.match(text) and any(c.isdigit() for c in text):
        return "symbol"
    if ITEM_RE.match(text):
        return "agenda-item"
    if SESSION_RE.match(text) and len(text) < 130 and not (_REPORT_RE.match(text) and _ITS_RE.search(text)):
        return "session"  # (not "Report of the Committee on its ninth session": a title)
    both = _SESSION_COMMITTEE_RE.search(text) if "Com" in text else None
    if both and SESSION_RE.match(text[:both.start()]):
        return "session"  # "Eighty-first session, Third Committee"
    if find_date(text) and len(text) < 40 and not re.search(r"\b(?:dated|en date du|de fecha)\b", text):
        return "date"
    if len(text) < 90 and is_date_line(text):
        return "date"  # "Nueva York, 27 de febrero a 2 de marzo de 2029": the session's place and dates
    if COMMITTEE_RE.match(text):
        return "committee"
    return None


def _fields(line: Line) -> list[tuple[str, str | None]]:
    """The fields of a header line with their kinds; a line split by runs of spaces only
    when every piece is a field of its own, and a line of single spaces into two fields of
    two columns (_glued_fields)."""
    text = " ".join(line.text.split()) if "  " not in line.text.strip() else line.text.strip()
    whole = " ".join(text.split())
    pieces = [p for p in _FIELD_SPLIT_RE.split(text) if p]
    if len(pieces) > 1:
        # (a name's comma moved by an extractor that reorders a right-to-left name: pypdf's
        # "AFRICAN UNION,  الاتحادالأفريقي  ,UNION AFRICAINE")
        fields = []
        for piece in pieces:
            bare = piece.strip(" ,")
            kind = _kind(bare)
            fields.append((bare, kind) if kind == "org" else (piece, kind if bare == piece else _kind(piece)))
        if any(kind for _, kind in fields):  # "United Nations Entity      23 April 2025": two fields
            return fields
    return _glued_fields(whole) or [(whole, _kind(whole))]


#: The organs printed side by side in a masthead, or beside the symbol block's date.
_SHORT_ORGAN = (r"(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
                r"Assembl[ée]e g[ée]n[ée]rale|Conseil de s[ée]curit[ée]|Conseil [ée]conomique et social|"
                r"Asamblea General|Consejo de Seguridad|Consejo Econ[óo]mico y Social)")
_GLUED_ORGAN_RE = re.compile(rf"^({_SHORT_ORGAN})\s+(\S.*)$")
_GLUED_ORG_RE = re.compile(rf"^({UN_NAME})\s+(\S+)$")
#: Two organs' sessions side by side ("Seventy-ninth session Eightieth year").
_GLUED_SESSION_RE = re.compile(r"^(\S+(?:\s+\S+)?\s+(?:session|year|année|período de sesiones|año))\s+(\S.+)$")


def _glued_fields(whole: str) -> list[tuple[str, str | None]] | None:
    """Two fields of two columns printed with one space between them, as pdfplumber prints
    the masthead of a document of two organs (and pdftotext -raw the organisation and the
    symbol, "United Nations A/79/729-S/2025/40"): "General Assembly Security Council",
    "Security Council 10 January 2025" (the second organ beside the date of issue),
    "Seventy-ninth session Eightieth year"; None for anything else."""
    m = _GLUED_ORG_RE.match(whole) if whole[:1] in "UN" else None
    if m and _kind(m.group(2)) == "symbol":  # "United Nations A/79/729-S/2025/40" (pdftotext -raw)
        return [(m.group(1), "org"), (m.group(2), "symbol")]
    m = _GLUED_ORGAN_RE.match(whole) if " " in whole and whole[:1] in "GSEAHCg" else None
    if m and (kind := _kind(m.group(2))) in ("organ", "date") and _kind(whole) != "organ":
        return [(m.group(1), "organ"), (m.group(2), kind)]
    m = _GLUED_SESSION_RE.match(whole) if whole.endswith(("year", "année", "año", "session", "sesiones")) else None
    if m and _kind(m.group(1)) == _kind(m.group(2)) == "session":
        return [(m.group(1), "session"), (m.group(2), "session")]
    return None


def _finish_line(head: list[tuple[int, str, str | None]], h: int, last: int,
                 found: dict[str, list[str]]) -> None:
    """The block ends at field h; the fields left on the line of the last field taken go
    with it (to the session, else the organisation), so that no line is cut in two."""
    if last < 0 or head[h][0] != head[last][0]:
        return
    rest = [text for i, text, _ in head[h:] if i == head[last][0]]
    found.setdefault("session" if "session" in found else "organisation", []).extend(rest)


def _organ_wraps(head: list[tuple[int, str, str | None]], h: int, org_line: int,
                 found: dict[str, list[str]]) -> bool:
    """True when head[h] is the next line of an organ's name wrapped over several short
    lines ("Executive Board of the" / "United Nations Development" / "Programme, the ..."):
    the first field of the line under the organ's last line (the symbol block's fields
    printed beside it, as -layout does, or after it)."""
    return (head[h][0] == org_line + 1 and (h == 0 or head[h - 1][0] != head[h][0])
            and len(head[h][1]) < 45 and _ORGAN_START_RE.match(found["organisation"][-1]) is not None)


#: An organisation's line this long was wrapped: the next line goes on with it (our writers
#: print "United Nations, Executive Board of the ... , the United" / "Nations Population Fund ...").
_WRAPPED_ORG = 70
#: An organ whose name runs over several lines.
_ORGAN_START_RE = re.compile(r"^(?:Executive Board|Conseil d[’']administration|Junta Ejecutiva|"
                             r"Conference of the Parties|Conf[ée]rence des Parties)\b", re.I)


#: "on its" / "at its" before a session: the session a report is of, in its title.
_ITS_RE = re.compile(r"\b(?:on|at) its\b|\bsur les travaux de sa\b|\bsobre (?:la labor de )?su\b", re.I)
#: A title, not a body's name, even with a session line under it ("Report of the
#: Committee on ..." / "2026 session", the cover of the Official Records).
_REPORT_RE = re.compile(r"^(?:Report|Rapport|Informe)\s+(?:of|on|du|de|sur|sobre)\b")


def _meeting_field(head: list[tuple[int, str, str | None]], h: int) -> bool:
    """True when head[h] is a treaty body's name set in the symbol block, as our writers
    print meta/meeting beside the symbol ("Committee on the Elimination of Discrimination
    against Women", under the symbol in default pdftotext, after "Distr." in pypdf): the
    name alone, no session under it (then it is the session's body, "Committee of Experts
    on ..., Twenty-seventh session") nor a date (a meeting's name with its dates is a list
    of participants' title)."""
    text = head[h][1]
    if not _BODY_NAME_RE.match(text) or text.endswith(",") or _CONTINUES_RE.search(text):
        return False  # (a name wrapped after "of the": the title block's rules read it)
    k = h + 1
    while k < len(head) and head[k][0] == head[k - 1][0] + 1 and head[k][2] is None \
            and head[k][1][:1].islower():
        k += 1  # (the name wrapped: "against Women")
    nxt = head[k] if k < len(head) else None
    return not _session_follows(head, k - 1) and not (nxt is not None and nxt[2] in ("date", "session"))


def _session_follows(head: list[tuple[int, str, str | None]], h: int) -> bool:
    """True when a session line comes within the next two fields after head[h]."""
    return any(k == "session" for _, _, k in head[h + 1:h + 3])


#: The fields of the symbol block a date of issue is printed between.
_SYMBOL_BLOCK_KINDS = ("original-language", "version-language", "distribution")


def _issue_before_range(head: list[tuple[int, str, str | None]], h: int) -> bool:
    """True when head[h], one day's date, comes before a range of days in the next fields:
    the date of issue, the range the meeting's ("105th meeting" / "Strasbourg, 19 June
    2026" / "Meeting report" / "Strasbourg, 10-12 June 2026", as pdftotext prints our
    writers' block of a Council of Europe report)."""
    span = find_date_range(head[h][1])
    if not span or span[0] != span[1]:
        return False
    for _, text, kind in head[h + 1:h + 4]:
        other = find_date_range(text) if kind == "date" else None
        if other and other[0] != other[1]:
            return True
    return False


def _issue_date_among_fields(head: list[tuple[int, str, str | None]], h: int) -> bool:
    """True when head[h], a date alone (one day, no place), stands on its own line right
    after the original language or right before "Distr.:": the date of issue inside the
    symbol block, even when the session was printed above the block ("Eighty-first session"
    / "Original: English" / "2 June 2026" / "Distr.: General", as default pdftotext and
    pdfminer print our writers' block); a session's dates have a place or a range."""
    i, text, _ = head[h]
    if not lone_date(text):
        return False
    before = head[h - 1] if h > 0 else None
    after = head[h + 1] if h + 1 < len(head) else None
    return (before is not None and before[0] == i - 1 and before[2] in _SYMBOL_BLOCK_KINDS
            or after is not None and after[0] == i + 1 and after[2] in _SYMBOL_BLOCK_KINDS)


#: The star of a note on the symbol ("A/79/843*-S/2025/201*": "Reissued for technical reasons").
_STAR_RE = re.compile(r"\*+(?=-|$)")


#: An item line without its title ("Agenda item 12", "Item 24 of the preliminary list*"):
#: the title follows, perhaps after a blank line (pdfminer).
_BARE_ITEM_RE = re.compile(
    r"^(?:(?:provisional\s+|preliminary\s+)?agenda\s+)?(?:items?|points?|temas?|puntos?|item)\s+"
    r"\d+(?:\s*\([a-z]{1,4}\)|\s+[a-z]{1,4}\))?(?:(?:\s*,\s*|\s+(?:and|et|y)\s+)\d+(?:\s*\([a-z]{1,4}\)|\s+[a-z]{1,4}\))?)*"
    r"(?:\s+(?:of\s+the\s+(?:provisional|preliminary|annotated)\s+(?:agenda|list)|"
    r"de\s+l[’']ordre\s+du\s+jour(?:\s+provisoire)?|de\s+la\s+liste\s+préliminaire|"
    r"del\s+programa(?:\s+provisional)?|de\s+la\s+lista\s+preliminar))?\W*$", re.I)


def _join_bracket_wraps(head: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """A field wrapped inside brackets ("..., Comisión Política Especial y de Descolonización
    (Cuarta" / "Comisión)") made one, at the second line's index, when the whole is a field
    and neither half was."""
    out: list[tuple[int, str, str | None]] = []
    for entry in head:
        if out and out[-1][2] is None and entry[2] is None and entry[0] == out[-1][0] + 1 \
                and out[-1][1].count("(") > out[-1][1].count(")") and ")" in entry[1]:
            text = f"{out[-1][1]} {entry[1]}"
            kind = _kind(text)
            if kind is not None:
                out[-1] = (entry[0], text, kind)
                continue
        out.append(entry)
    return out


def read_masthead(lines: list[Line]) -> Masthead | None:
    """The title block of a UN-system document at the start of lines (module docstring)."""
    head: list[tuple[int, str, str | None]] = []  # (line index, text, kind)
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        if len(head) > 40 or PARA_RE.match(line.text) or ROMAN_HEAD_RE.match(line.text):
            break
        head += [(i, text, kind) for text, kind in _fields(line)]
    head = _date_beside_organisation(_status_above(_join_bracket_wraps(_join_organ_wraps(
        _unstack_organs(lines, head)))))
    kinds = {k for _, _, k in head[:12]}
    dateline = len(head) > 1 and head[0][2] == "date" and head[1][2] == "symbol" and head[0][0] == head[1][0] \
        or len(head) > 1 and head[0][2] == "symbol" and head[0][1].startswith("Doc.") and head[1][2] == "date"
    unit_first = bool(head) and head[0][2] is None and _unit_line(head[0][1]) and "symbol" in kinds \
        or "series" in kinds and "symbol" in kinds  # ("Ministers' Deputies" / "CM Documents" / "CM(2026)45")
    if len(kinds & {"org", "symbol", "distribution", "original-language"}) < 2 and not (dateline or unit_first):
        return None  # (the Council of Europe prints only its dateline beside the symbol; our
        # writers print a body in capitals over the symbol)
    found: dict[str, list[str]] = {}
    attrs: dict[str, dict] = {}
    last = -1  # index (into head) of the last field taken
    item_open = False
    taken: set[str] = set()
    pending_organ: list[str] = []
    body_session = False
    item_of = 0  # how many session fields were read when the last agenda item was
    org_line = -2  # the line of the organisation's last part
    unit_line = -2  # the line of the last of the OECD's units in capitals (_unit_line)
    for h, (i, text, kind) in enumerate(head):
        # an organ's name printed twice, its logo's and the masthead's (UNEP's)
        twice = len(pending_organ) == 2 and pending_organ[0] == pending_organ[1]
        # the OECD's directorate and committee in capitals under the symbol block
        # ("ENVIRONMENT DIRECTORATE" / "ENVIRONMENT POLICY COMMITTEE"): the organisation
        # (not IOM's "COUNCIL" over its session: the session's body)
        unit = kind is None and "session" not in found and _unit_line(text) \
            and not (h + 1 < len(head) and head[h + 1][2] == "session") and (
                "organisation" not in found and ("issued" in found or "distribution" in found or h == 0)
                or unit_line >= 0 and i == unit_line + 1)  # (first, as our writers print them)
        if kind is None and "symbol" in found and "meeting" not in found and not unit and _meeting_field(head, h):
            kind = "meeting"
            head[h] = (i, text, kind)
        if kind is None and "symbol" in found and "organisation" not in found and h + 1 < len(head) \
                and head[h + 1][2] == "original-language" and NAMED_BODY_RE.match(text):
            kind = "organ"  # "General Council" over or beside "Original: English" (WTO)
        if kind == "status":
            found.setdefault("status", []).append(text)  # "Advance unedited version" (R18)
        elif kind == "series" and "series" not in found:
            found["series"] = [text]  # "CM Documents"
        elif kind is None and "series" in found and "session" in found and "agenda-item" not in found \
                and head[h - 1][2] == "session" and _CM_ITEM_RE.match(text):
            found["agenda-item"] = [text]  # "1505th meeting, 2 April 2026" / "10 Legal questions"
        elif kind == "org" or (kind == "organ" and "original-language" not in found):
            found.setdefault("organisation", []).append(text)
            org_line = i
        elif kind == "organ":
            pending_organ.append(text)  # the organ of the session line that follows
        elif kind == "symbol" and "symbol" not in found:
            value, attrs["symbol"] = _field_value("symbol", text)  # "A/79/843*": the * marks a note
            found["symbol"] = [value]
        elif kind == "distribution" and "distribution" not in found:
            found["distribution"] = [text]
            attrs["distribution"] = _field_value("distribution", text)[1]
        elif kind is None and "distribution" in found and head[h - 1][2] == "distribution" \
                and found["distribution"][-1].rstrip(".: ") == "Distr" and DISTR_RE.match(f"Distr. {text}"):
            found["distribution"] = [f"{found['distribution'][-1]} {text}"]  # "Distr." / "LIMITADA"
            attrs["distribution"] = _field_value("distribution", found["distribution"][0])[1]
        elif kind == "date" and "issued" not in found and (
                "session" not in found or body_session or _issue_date_among_fields(head, h)
                or _issue_before_range(head, h)) and (
                "distribution" in found or "symbol" in found or "organisation" in found
                or h == 0 and len(head) > 1 and head[1][0] == i and head[1][2] == "symbol"):
            # (the Council of Europe's "Strasbourg, 19 June 2026" beside its symbol)
            found["issued"] = [text]
            attrs["issued"] = _field_value("issued", text)[1]
        elif kind == "version-language" and "original-language" not in found:
            found["original-language"] = [text]  # "Français" then "Original : anglais" (R11)
        elif kind == "original-language" and "original" not in taken:
            found.setdefault("original-language", []).append(text)
            taken.add("original")
        elif kind == "session" and "session" not in found and governing_body_session([text], named=False):
            found["session"] = [text]  # "COUNCIL, Hundredth Session", as our writers print it
            body_session = True  # (the date of issue may follow it)
        elif kind in ("session", "agenda-item") and "organisation" not in found and not (kind == "session" and twice):
            break  # not the UN masthead (IOM prints the session above its title): meta.py's
        elif kind == "session" and len(pending_organ) > 1 and h + 1 < len(head) \
                and head[h + 1][0] == i and head[h + 1][2] == "session":
            # two organs side by side over their sessions side by side: each with its own
            found.setdefault("session", []).extend([pending_organ.pop(0), text])
        elif kind == "session":
            if twice and "organisation" not in found:
                found["organisation"] = [pending_organ.pop(0)]  # (the logo's is the organisation)
            found.setdefault("session", []).extend(pending_organ + [text])
            pending_organ = []
        elif kind is None and _session_wraps(head, h, found):
            found["session"][-1] += " " + text  # "..., Conseil d’administration, Session" / "annuelle de 2031"
        elif kind == "meeting" and "meeting" not in found and "symbol" in found:
            found["meeting"] = [text]  # printed beside the symbol, so inside the block
        elif kind is None and head[h - 1][2] == "meeting" and "meeting" in found \
                and head[h - 1][0] == i - 1 and text[:1].islower() and len(text) < 60:
            found["meeting"][-1] += " " + text  # "... Discrimination" / "against Women"
            head[h] = (i, text, "meeting")
        elif kind == "committee" and "session" in found:
            found["session"].append(text)  # "Eighty-first session" / "Third Committee" (R11)
        elif kind == "date" and "session" in found and "dates" not in found and find_date_range(text):
            found["dates"] = [text]  # the session's place and dates, as printed
            attrs["dates"] = dict(zip(("from", "to"), find_date_range(text)))
        elif kind is None and "dates" in found and head[h - 1][2] == "date" and head[h - 1][0] == i - 1 \
                and head[h - 1][1] == found["dates"][-1] and is_place_line(text):
            found["dates"].append(text)  # "12 - 13 February 2026" / "Addis Ababa, Ethiopia" (the AU's)
        elif kind == "date" and "session" in found:
            found["session"].append(text)
        elif kind == "agenda-item" and ("agenda-item" not in found or len(found.get("session", [])) > item_of):
            # the first organ's item, or the second organ's after its own session
            found.setdefault("agenda-item", []).append(text)
            item_of = len(found.get("session", []))
            item_open = True
            last = h
            continue
        elif (item_open and (head[h][0] == head[h - 1][0] + 1 or head[h][0] == head[h - 1][0] + 2
                             and head[h - 1][2] == "agenda-item" and _BARE_ITEM_RE.search(head[h - 1][1]))
              and kind is None
              and len(found["agenda-item"]) < 16 and (len(text) <= 75 or _item_wraps(found["agenda-item"][-1], text))
              and not LETTER_RE.match(text)
              and not _titled_item(found["agenda-item"], text)
              and not _repeats_item(found["agenda-item"], text)
              and not (KIND_RE.match(text) and not _CONTINUES_RE.search(text) and not _kind_below(head, h))
              and not RESOLUTION_KIND_RE.match(text) and not RESOLUTION_NUMBER_RE.match(text)):
            found["agenda-item"].append(text)  # the item's title, line after line
            last = h
            continue
        elif unit:
            found.setdefault("organisation", []).append(text)
            org_line = unit_line = i
        elif kind is None and unit_line >= 0 and i == unit_line + 1 and (_ACRONYM_RE.match(text) or (
                is_caps(text, 2) and len(text) <= 40 and len(found["organisation"][-1]) >= 40
                and not any(c.isdigit() for c in text))):
            # "STEERING COMMITTEE FOR HUMAN RIGHTS" / "(CDDH)"; a long unit's name wrapped
            # ("DIRECTION DE L'ENVIRONNEMENT, COMITÉ DES POLITIQUES" / "D'ENVIRONNEMENT")
            found["organisation"][-1] += " " + text
            org_line = unit_line = i
        elif kind is None and unit_line >= 0 and "meeting" not in found and "session" not in found \
                and _UNIT_BODY_RE.match(text):
            found["meeting"] = [text]  # "Working Party on ..." under them: the meeting
        elif kind in (None, "org") and pending_organ and head[h - 1][0] == i - 1 and (
                _CONTINUES_RE.search(pending_organ[-1]) or kind is None and len(text.split()) == 1
                and text[:1].isupper() and text.isalpha() or kind is None and text[:1].islower()):
            # "United Nations Environment Assembly of the" / "United Nations Environment" /
            # "Programme": an organ's name wrapped (UNEP's logo prints it beside its emblem)
            pending_organ[-1] += " " + text
        elif kind is None and "organisation" in found and "session" not in found and i == org_line + 1 \
                and len(text.split()) == 1 and text[:1].isupper() and text.isalpha() \
                and len(found["organisation"][-1].split()) <= 3:
            found["organisation"][-1] += " " + text  # a logo's name a word a line: "United Nations" / "Environment"
            org_line = i
        elif kind is None and "organisation" in found and "session" not in found \
                and (_CONTINUES_RE.search(found["organisation"][-1]) or text[:1].islower()
                     or _organ_wraps(head, h, org_line, found)
                     or i == org_line + 1 and len(found["organisation"][-1]) >= _WRAPPED_ORG):
            found["organisation"][-1] += " " + text  # "Executive Board of the" / "United Nations Entity"
            org_line = i
        elif kind is None and "organisation" in found and _session_follows(head, h) \
                and not _REPORT_RE.match(text) and not (h + 1 < len(head) and head[h + 1][2] == "organ") \
                and not PROVISIONAL_RE.match(text):  # ("Draft Agenda" over "41st meeting": the title)
            pending_organ.append(text)  # the body's name ("Commission on ...") above its session
        elif kind is None and "meeting" not in found and _body_inside_block(head, h, found):
            found["meeting"] = [text]  # "A/AC.340/2031/3" / "Groupe de travail sur ..." / "Original : anglais"
        else:  # unknown, or a second symbol or distribution: not the title block any more
            _finish_line(head, h, last, found)
            break
        item_open = False
        last = h
    if last < 0:
        return None
    if pending_organ:  # an organ line with no session under it: part of the masthead
        org = found.setdefault("organisation", [])
        org.extend(o for o in pending_organ if o not in org)
    end = max(i for i, _, _ in head[:last + 1]) + 1
    joiners = {"original-language": "; ", "status": "; "}
    return Masthead({name: (join_lines(parts) if name == "agenda-item"
                            else _join_fields(parts, joiners.get(name, ", ")),
                            attrs.get(name, {}))
                     for name, parts in found.items()}, end)


#: The words that name a unit of the OECD's secretariat or one of its committees, printed in
#: capitals under the symbol block of its covers.
_UNIT_WORD_RE = re.compile(r"\b(?:DIRECTORATE|DIRECTION|COMMITTEE|COMITÉ|CENTRE|AGENCY|AGENCE|FORUM|"
                           r"COUNCIL|CONSEIL|SECRETARIAT|SECRÉTARIAT|SECRETARY-GENERAL|SECRÉTAIRE GÉNÉRAL|"
                           r"BOARD|BUREAU|EXECUTIVE|EXÉCUTIF)\b")
#: A subsidiary body's name under the units (the meeting): "Working Party on ...".
_UNIT_BODY_RE = re.compile(r"^(?:Working Party|Working Group|Global Forum|Task Force|Expert Group|Group of Experts|"
                           r"Network|Joint Meeting|Steering Group|Sub-?Group|Committee|Groupe de travail|"
                           r"Forum mondial|Réseau|Groupe d[’']experts|Équipe spéciale|Réunion conjointe|"
                           r"Comité|Sous-groupe)\b[^.;:]{3,150}$")


def _unit_line(text: str) -> bool:
    """A unit's name in capitals (_UNIT_WORD_RE), letters and commas only: no date, no symbol."""
    return len(text) <= 90 and is_caps(text, 2) and not any(c.isdigit() for c in text) \
        and "/" not in text and bool(_UNIT_WORD_RE.search(text))


def _dates_then_venue(text: str) -> bool:
    """True for the meeting's dates, then its venue and city, on one line ("15-16 novembre
    2026, Centre de conférences de l'OCDE, Paris", as our writers print the OECD's two lines)."""
    m = re.match(r"^(.{6,40}?\d{4}),\s+(.+)$", text)
    return bool(m) and is_date_line(m.group(1)) and bool(_VENUE_RE.match(m.group(2)) or is_place_line(m.group(2)))


def _venue_under(lines: list[Line], k: int, dates: str, places: bool = True) -> str | None:
    """The venue on lines[k], right under the meeting's dates when they name no place yet
    (no comma): a venue and its city (_VENUE_RE), or with ``places`` any place line; None
    when there is none."""
    if k >= len(lines) or lines[k].kind != "text" or "," in dates:
        return None
    text = lines[k].text.strip()
    return " ".join(text.split()) if _VENUE_RE.match(text) or places and is_place_line(text) else None


def _meeting_and_dates(mast: Masthead, meeting: list[Line], dates: Line) -> None:
    """The meeting's name and its place and dates, read from the blocks above the title."""
    mast.found["meeting"] = (join_lines([ln.text for ln in meeting]), {})
    text = dates.text.strip()
    mast.found["dates"] = (text, dict(zip(("from", "to"), find_date_range(text))))


#: The series of a Council of Europe document, printed under its organ ("CM Documents").
_SERIES_RE = re.compile(r"^(?:CM Documents|Documents CM|CM Notes|Notes CM|CM Decisions|Décisions CM)$")
#: An item of the Committee of Ministers' agenda over a document's title ("10 Legal questions").
_CM_ITEM_RE = re.compile(r"^\d{1,2}\.?\s+[A-ZÀ-Ý][^\d.;:]{2,80}$")
#: The first word of a title in capitals that names a kind of document.
_KIND_WORD_RE = re.compile(r"^(?:REPORT|INFORME|RAPPORT|NOTE|NOTA|PROPOSAL|PROPUESTA|PROPOSITION|DRAFT|PROYECTO|"
                           r"PROJET|STUDY|ESTUDIO|ÉTUDE|REVIEW|EXAMEN|ANÁLISIS|ANALYSIS)\b")


def _caps_kind_title(block: list[Line]) -> bool:
    """True when a block of lines is a document's title in capitals that names its kind
    ("REPORT ON THE ACTIVITIES OF THE SECRETARIAT ..."; not a heading such as "LIST OF
    PARTICIPANTS")."""
    return bool(block) and is_caps(block[0].text, 4) and bool(_KIND_WORD_RE.match(block[0].text.strip()))
#: A word that names a body, in a title.
_BODY_WORD_RE = re.compile(r"\b(?:Committee|Commission|Council|Conference|Assembly|Board|Group|Forum|Panel|"
                           r"Comité|Conseil|Conférence|Assemblée|Groupe|Comisión|Consejo|Conferencia|Asamblea|"
                           r"Grupo|Junta)\b")
#: A body's acronym in brackets under its name ("(CDDH)").
_ACRONYM_RE = re.compile(r"^\([A-Z][A-Za-z0-9-]{1,14}\)$")
#: A venue and its city, under the meeting's dates ("Centre de conférences de l'OCDE, Paris").
_VENUE_RE = re.compile(r"^[A-Z][^.;:!?\d]{2,60},\s+[A-Z][\w’' -]{1,30}$")


def _join_organ_wraps(head: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """head with an organ's name wrapped over two lines, the first ending on a small word,
    made one field ("Convention on" / "Biological Diversity", the CBD's logo)."""
    out: list[tuple[int, str, str | None]] = []
    skip = False
    for h, (i, text, kind) in enumerate(head):
        if skip:
            skip = False
            continue
        nxt = head[h + 1] if h + 1 < len(head) else None
        if kind is None and nxt is not None and nxt[2] is None and nxt[0] == i + 1 and _CONTINUES_RE.search(text) \
                and ORGAN_RE.match(joined := f"{text} {nxt[1]}"):
            out.append((i, joined, "organ"))
            skip = True
        else:
            out.append((i, text, kind))
    return out


def _kind_below(head: list[tuple[int, str, str | None]], h: int) -> bool:
    """True when the document's own kind comes in the block after a blank line under
    field h ("Item 4 of the provisional agenda" / "Report of the Committee of Permanent
    Representatives" (the item's title) / blank / the title / "Note by the secretariat"):
    field h, which looks like a kind, is the item's title."""
    if h + 2 >= len(head) or head[h + 1][0] <= head[h][0] + 1 or KIND_END_RE.match(head[h + 1][1]):
        return False  # (the kind right after the blank: no title between, field h is the title)
    return any(KIND_END_RE.match(text) for _, text, _ in head[h + 2:h + 4])


def _kind_wraps(text: str, below: str) -> bool:
    """True when text, a kind of document that ends a title, is wrapped onto the line below
    ("Report of the Office of the United Nations High Commissioner for" / "Human Rights*")."""
    return bool(_CONTINUES_RE.search(text.rstrip()) and KIND_RE.match(text.strip())
                and KIND_END_RE.match(f"{text.strip()} {below.strip()}"))


def _kind_lines(lines: list[Line], j: int) -> tuple[str, int]:
    """The kind of document on lines[j] with the lines under it that go on with it (in
    lower case, or after a word that needs the next), three lines at most, to a blank; and
    the index after them. One line is kept as printed."""
    k = j + 1
    while k < len(lines) and k - j < 3 and lines[k].kind == "text" and not PARA_RE.match(lines[k].text) \
            and not ends_sentence(lines[k - 1].text.strip()) \
            and (lines[k].text.strip()[:1].islower() or _CONTINUES_RE.search(lines[k - 1].text.rstrip())):
        k += 1
    return (lines[j].text if k == j + 1 else join_lines([ln.text.strip() for ln in lines[j:k]])), k


#: Lines above the masthead that may be a status of their own form (R18): so many at most,
#: each of so many words at most.
_STATUS_LINES, _STATUS_WORDS = 2, 8


def _status_above(head: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """head with the short lines printed above the masthead marked as the status (R18):
    up to _STATUS_LINES lines of no known field, each a short phrase (no sentence, no
    digit), right above United Nations, an organ, the symbol or the distribution
    ("Advance copy" / "United Nations"). A line of a known form is a status already."""
    lead = 0
    while lead < min(len(head), _STATUS_LINES) and head[lead][2] is None \
            and _status_like(head[lead][1]) and (lead == 0 or head[lead][0] > head[lead - 1][0]):
        lead += 1
    if not lead or lead == len(head) or head[lead][2] not in ("org", "organ", "symbol", "distribution"):
        return head
    if lead == 1 and head[1][2] == "symbol" and NAMED_BODY_RE.match(head[0][1]) and not is_caps(head[0][1]):
        # a body's name right above the symbol ("Board of Governors" / "GOV/2026/12", as
        # our writers print the IAEA's block): the organisation, as an organ above it is
        return [(head[0][0], head[0][1], "organ")] + head[1:]
    return [(i, text, "status") for i, text, _ in head[:lead]] + head[lead:]


def _date_beside_organisation(head: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """head with the date of issue split from the organisation's line it is glued to with
    one space, as pdfplumber prints a governing body's name over lines beside the symbol
    block ("Executive Board of the" / "Distr.: General" / "United Nations Entity 23 April
    2025"): the first line of no known field that ends with a whole date, under the
    organisation and before any session or date, when no field is a date yet."""
    for h, (i, text, kind) in enumerate(head[:12]):
        if kind in ("session", "agenda-item", "date"):
            return head
        if kind is not None or h == 0 or not any(k == "org" for _, _, k in head[:h]):
            continue
        found = find_date(text)
        if found and found[1].end() == len(text) and found[1].start() > 0 \
                and _kind(text[found[1].start():]) == "date" and not find_date(text[:found[1].start()]):
            return head[:h] + [(i, text[:found[1].start()].rstrip(), None),
                               (i, text[found[1].start():], "date")] + head[h + 1:]
    return head


def _status_like(text: str) -> bool:
    """A short phrase that may qualify a version: a few words of letters only (no digit,
    no symbol's slash or dot, no sentence), the first in capitals."""
    return len(text.split()) <= _STATUS_WORDS and text[:1].isupper() and _PHRASE_RE.fullmatch(text) is not None


#: Words of letters, apart by spaces, hyphens or apostrophes.
_PHRASE_RE = re.compile(r"[^\W\d_]+(?:[\s'’-]+[^\W\d_]+)*")


#: An item's line this long was wrapped at the page's width (our writers print the item
#: and its title as one paragraph under the symbol block).
_WRAPPED_ITEM = 75


def _item_wraps(last: str, text: str) -> bool:
    """True when text, a line as long as the body's, goes on with the agenda item's line
    above it: that line is as long (the item's title wrapped at the page's width, as default
    pdftotext prints it) and text starts in lower case or the line above ends on a word that
    needs the next ("... human rights questions, including" / "alternative approaches ...")."""
    return len(last) > _WRAPPED_ITEM and (text[:1].islower() or bool(_CONTINUES_RE.search(last.rstrip())))


def _session_wraps(head: list[tuple[int, str, str | None]], h: int, found: dict[str, list[str]]) -> bool:
    """True when head[h], a short piece in lower case alone on its line, ends the session
    field on the line above, wrapped at the page's width ("Programme ..., Conseil
    d’administration, Session" / "annuelle de 2031", as pdftotext prints our writers' long
    meta/session)."""
    i, text, _ = head[h]
    return (h > 0 and head[h - 1][2] == "session" and head[h - 1][0] == i - 1
            and (h + 1 == len(head) or head[h + 1][0] != i) and text[:1].islower()
            and len(text.split()) <= 6 and bool(found.get("session")) and found["session"][-1] == head[h - 1][1]
            and SESSION_RE.match(f"{head[h - 1][1]} {text}") is not None)


def _body_inside_block(head: list[tuple[int, str, str | None]], h: int, found: dict[str, list[str]]) -> bool:
    """True when head[h], a body's name alone on its line ("Groupe de travail sur la gestion
    des bassins fluviaux partagés", no dates), stands inside the symbol block: right under
    the symbol, with the block's other fields, not yet read, after it (default pdftotext
    prints our writers' meeting line there when it is short): the meeting, not the title."""
    i, text, _ = head[h]
    nxt = head[h + 1] if h + 1 < len(head) else None
    return (h > 0 and head[h - 1][2] == "symbol" and head[h - 1][0] == i - 1
            and bool(_BODY_NAME_RE.match(text)) and nxt is not None and nxt[0] > i
            and nxt[2] in _SYMBOL_BLOCK_KINDS + ("date",)
            and _BLOCK_FIELDS.get(nxt[2] or "") not in found and nxt[2] not in found)


def _titled_item(parts: list[str], text: str) -> bool:
    """True when the item line already holds its title ("Item 1 of the provisional agenda
    Organizational matters") and text, in capitals after it with no blank line (pypdf),
    starts the document's own title, not the item's."""
    return (len(parts) == 1 and not _BARE_ITEM_RE.match(parts[0]) and text[:1].isupper()
            and not _CONTINUES_RE.search(parts[0]) and not parts[0].rstrip().endswith((",", ":", "-")))


def _repeats_item(parts: list[str], text: str) -> bool:
    """True when text, right under the agenda item's title with no blank line (pypdf,
    pdfplumber), starts as that title does: the document's own title, which often repeats
    the item's ("The situation in Afghanistan" / "The situation in Afghanistan and its
    implications for")."""
    last = " ".join(parts[-1].split()) if len(parts) > 1 else ""
    return len(last.split()) >= 3 and " ".join(text.split()).startswith(last)


#: pypdf starts a line of the right column alone with spaces ("  Implementation of and
#: follow-up to major", the right organ's item title after the left's has ended); the left
#: column's lines start at the margin (one space at most).
_PYPDF_RIGHT_INDENT = 2


def _unstack_organs(lines: list[Line], head: list[tuple[int, str, str | None]]
                    ) -> list[tuple[int, str, str | None]]:
    """The fields with two organs' blocks printed side by side ("General Assembly   Economic
    and Social Council" / "Eightieth session   2025 session" / items and their titles) put
    one after the other, as default pdftotext prints them: the left column's fields, then
    the right's. A line of one field goes to the right column, unless its indent says left;
    in pypdf's print (two spaces between the columns) to the left one, unless it starts with
    spaces, and the lines of one field right under such a line go with it."""
    at = next((h for h in range(len(head) - 1) if head[h][0] == head[h + 1][0]
               and head[h][2] == head[h + 1][2] == "organ"), None)
    if at is None or (at + 2 < len(head) and head[at + 2][0] == head[at][0]):
        return head
    i0 = head[at][0]
    text = lines[i0].text.rstrip()
    right_at = lines[i0].indent + text.rfind(head[at + 1][1])
    # two spaces between the organs: no layout (pypdf); the lines under them are the left
    # organ's, and the right's session comes after them, past a blank line
    between = text[text.find(head[at][1]) + len(head[at][1]):text.rfind(head[at + 1][1])]
    narrow = " " * 4 not in between
    # one space between them (pdfplumber): the columns' fields side by side, line by line,
    # then the lines under both, which the left column's fields do not take
    glued = "  " not in between
    left, right, k = [head[at]], [head[at + 1]], at + 2
    single_right = False  # the last line of one field went to the right column (pypdf)
    while k < len(head) and head[k][0] <= head[k - 1][0] + 1:
        same = [f for f in head[k:] if f[0] == head[k][0]]
        if glued and len(same) != 2:
            break
        if len(same) == 2:
            left.append(same[0])
            right.append(same[1])
            single_right = False
        elif len(same) == 1 and narrow and (lines[head[k][0]].indent >= _PYPDF_RIGHT_INDENT or single_right):
            right.append(same[0])  # "  Implementation of and follow-up to major" / "United Nations ..."
            single_right = True
        elif len(same) == 1 and (narrow or right_at >= 40 and 0 < lines[head[k][0]].indent < right_at - 4):
            left.append(same[0])
        elif len(same) == 1:
            right.append(same[0])
        else:
            break
        k += len(same)
    if narrow and len(right) == 1 and k < len(head) and head[k][2] == "session":
        right.append(head[k])
        k += 1
    return head[:at] + left + right + head[k:]


def _join_fields(parts: list[str], sep: str) -> str:
    """Fields joined by sep, except a line cut by a hyphen ("Quatre-vingt-" / "deuxième
    session"), which is joined to the next as a wrapped line is."""
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith(("-", "‐")):
            out[-1] = join_lines([out[-1], part])
        else:
            out.append(part)
    if sep == ", ":  # ("AFRICAN UNION," over the next name: one comma between them)
        out = [part[:-1] if part.endswith(",") and k < len(out) - 1 else part for k, part in enumerate(out)]
    return sep.join(out)


#: The heading of the Official Records' note on symbols, a word alone on its line under the
#: cover's title (pdftotext and pypdf print it with no blank line between): never the title's.
_NOTE_HEADING_RE = re.compile(r"^\s*(?:Note|Nota)\s*$")


#: The narrowest body a title is measured against: a text of short lines (a list of
#: participants, names one a line) has a usual line length that says nothing of a title's.
_MIN_BODY_WIDTH = 50


def _title_block(lines: list[Line], i: int, width: int) -> tuple[list[Line], int]:
    """The lines of a title from lines[i] (blank lines skipped), and the index after them:
    to a blank line, a paragraph, a line as long as the body's, a sentence's end or the
    kind of document; six lines at most."""
    while i < len(lines) and lines[i].kind != "text":
        i += 1
    width = max(width, _MIN_BODY_WIDTH)
    title: list[Line] = []
    while i < len(lines) and len(title) < 6:
        if lines[i].kind != "text":
            nxt = _skip_blank(lines, i)
            if not (title and nxt == i + 1 and nxt < len(lines) and not KIND_RE.match(lines[nxt].text.strip())
                    and (_CONTINUES_RE.search(title[-1].text.strip())
                         or lines[nxt].text.strip()[:1].islower() and not ends_sentence(title[-1].text.strip())
                         or _letter_title_runs_on(title, lines[nxt].text))):
                break
            i = nxt  # a blank line inside the title, after "during the" (pdfminer)
        text = lines[i].text
        if title and _NOTE_HEADING_RE.match(text):
            break  # "Report of the Committee on ..." / "Note" / "Symbols of United Nations documents ..."
        if title and ORDINAL_KIND_RE.match(text.strip()):
            break  # "Fourteenth report of the Advisory Committee ...": the kind, under the title
        if title and lines[i - 1].kind == "text" and _caps_under_title(title, text):
            break  # "Meeting of Experts on ..." / "LIST OF PARTICIPANTS": a heading (pdftotext, pypdf)
        if title and lines[i - 1].kind == "text" and _title_ends_on_dates(title, text):
            break  # "Committee on ... 2–6 March 2026" / "LIST OF PARTICIPANTS": a heading (pdftotext, pypdf)
        if title and is_caps(title[-1].text, 2) and not is_caps(text, 2) and not KIND_RE.match(
                text.strip()) and lines[i - 1].kind == "text":
            break  # a title in capitals, then a line in lower case with no blank line: a heading
        if title and i + 1 < len(lines) and RECORDS_RE.match(lines[i + 1].text.strip()):
            break  # the organ over "Official Records": the cover's series, under the title
        if title and PROVISIONAL_RE.match(join_lines([ln.text for ln in title])) \
                and PROVISIONAL_RE.match(" ".join(text.split())):
            break  # "Provisional agenda and annotations" / "Provisional agenda": the list's heading
        if title and _session_and_dates(lines, i) and not _CONTINUES_RE.search(title[-1].text.strip()):
            break  # "2025 substantive session" / "(New York, ...)": the session, under the title
        if title and find_date_range(text) and is_date_line(text.strip()) and len(text.split()) <= 8 \
                and not _CONTINUES_RE.search(title[-1].text.strip()) and not is_date_line(title[-1].text.strip()) \
                and not _BODY_WORD_RE.search(join_lines([ln.text for ln in title])):
            # "Meeting report" / "Strasbourg, 10-12 June 2026": the meeting's place and dates
            # (pypdf); a body's name with its dates is the title of a UN meeting's document
            break
        if title and _day_or_time(text) and not _CONTINUES_RE.search(title[-1].text.strip()):
            break  # "Provisional programme of work" / "9 April 2029" / "10:00–13:00 1 ...": its days (pypdf)
        goes_on = title and (LETTER_RE.match(title[0].text.strip()) and (
            text.strip()[:1].islower() or _letter_title_runs_on(title, text))
            or PROVISIONAL_OF_RE.match(title[0].text.strip()) and not ends_sentence(title[-1].text.strip()))
        if title and not goes_on and finished_letter_title(join_lines([ln.text for ln in title])):
            break  # "... addressed to the Secretary-General", then the letter, with no blank line
        if title and text.rstrip().endswith(",") and not _CONTINUES_RE.search(title[-1].text.strip()) \
                and not goes_on:
            break  # "The Economic and Social Council,": a resolution's opening, under its title
        if PARA_RE.match(text) or ROMAN_HEAD_RE.match(text.strip()) or (
                title and len(text) > 0.85 * width and not goes_on
                and not _CONTINUES_RE.search(title[-1].text.strip())
                and not title[-1].text.rstrip().endswith(("–", "—"))  # ("... (CDPC) –" / "Abridged report ...")
                and not (text.strip()[:1].islower() and not ends_sentence(title[-1].text.strip()))):
            break  # (a letter's title goes on in lower case, however long the line)
        title.append(lines[i])
        i += 1
        if KIND_END_RE.match(text) or len(title) == 1 and is_work_title(text):
            break  # "Report of the Secretary-General" ends the title, "Programme of work" is one
        if len(title) > 1 and i < len(lines) and lines[i].kind == "text" and _kind_wraps(text, lines[i].text):
            title.append(lines[i])  # "Report of the Office of the ... High Commissioner for" / "Human Rights*"
            i += 1
            break
        if text.rstrip().endswith((".", ":")):
            break
    return title, i


def _caps_under_title(title: list[Line], text: str) -> bool:
    """True when text, a line in capitals opening with a letter ("LIST OF PARTICIPANTS"),
    follows a title line in lower case with no blank line between: the body's first
    heading, which pdftotext and pypdf print right under our writers' title (a title in
    capitals goes on in capitals, and one in lower case never turns to capitals)."""
    nxt = text.strip()
    return nxt[:1].isalpha() and is_caps(nxt, 4) and not is_caps(title[-1].text, 2)


#: The most words a place printed before a meeting's days holds ("New York,", "Addis Ababa,").
_PLACE_WORDS = 2


def _title_ends_on_dates(title: list[Line], text: str) -> bool:
    """True when the title read so far ends on the meeting's range of days and text, the
    next line with no blank line between, opens the body: "Committee on ... 2–6 March 2026"
    (or "... New" / "York, 2–6 March 2026", or "... 2–6 March" / "2026": the last two lines
    read together) then "LIST OF PARTICIPANTS" or "Draft report",
    as pdftotext and pypdf print a body's name and dates run together over its first
    heading. Not when the title is only the dates, nor before the kind of document or a
    line in lower case (the title going on)."""
    last = " ".join(join_lines([ln.text for ln in title[-2:]]).split()).rstrip(".")
    nxt = text.strip()
    if not nxt[:1].isupper() or KIND_RE.match(nxt):
        return False
    whole = " ".join(join_lines([ln.text for ln in title]).split()).rstrip(".")
    days = [m for pattern in (CROSS_MONTH_RE, DATE_RANGE_RE) for m in pattern.finditer(last)
            if m.end() == len(last)]
    # more than a place before the days ("New York, 2–6 March 2026" alone is no title)
    return bool(days) and len(whole[:len(whole) - len(days[0].group(0))].split()) > _PLACE_WORDS


def _day_or_time(text: str) -> bool:
    """True when a line is one day's date alone or starts with a time ("9 de abril de 2029",
    "10:00–13:00 1 Elección de la Mesa"): a programme's first day and row, under its title
    with no blank line (pypdf), never part of the title. (A place and a range of dates
    under a body's name, "New York, 2–6 March 2026", stay with it.)"""
    text = " ".join(text.split())
    return lone_date(text) or match_time_range(text) is not None


def _letter_title_runs_on(title: list[Line], text: str) -> bool:
    """True when the letter's title read so far has not said to whom it is addressed and
    text goes on with it: in lower case, saying to whom, or after a word that needs the next
    line ("... from the Permanent" / "Representative of ... addressed to the")."""
    return (unfinished_letter_title(join_lines([ln.text for ln in title]))
            and (text.strip()[:1].islower() or addresses(text) or bool(_CONTINUES_RE.search(title[-1].text.strip()))))


#: The title of a letter or note verbale.
LETTER_RE = re.compile(rf"^{LETTER_WORDS}", re.I)


def _item_titles_block(lines: list[Line], mast: Masthead, width: int) -> None:
    """The titles of the agenda items printed as blocks of their own (after the sessions of
    two organs, one block or one a title), before a letter's title: they go with the agenda
    item. The second organ and its session may come among them (pdfminer prints them
    between two items' titles), or the second organ's session alone under the last title
    (pypdf, when the organs stand on one line)."""
    if "agenda-item" not in mast.found:
        return
    i, taken, organ = mast.end, [], None
    at_organ = None  # (titles taken, index) when the organ was met: kept if no letter follows
    for _ in range(12):
        while i < len(lines) and lines[i].kind != "text":
            i += 1
        if i >= len(lines) or len(taken) > 30:
            break
        if LETTER_RE.match(lines[i].text.strip()):
            at_organ = None
            break
        found = None if organ else _organ_session(lines, i)
        if found:  # the second organ and its session, after the first's items (pdfminer)
            organ, at_organ, i = found, (len(taken), found[1]), found[1]
            continue
        if PARA_RE.match(lines[i].text) or KIND_END_RE.match(lines[i].text):
            break
        while i < len(lines) and lines[i].kind == "text":
            text = " ".join(lines[i].text.split())
            found = None if organ or not taken else _organ_session(lines, i)
            if found:  # the organ and its session right under the last title (pypdf)
                organ, at_organ, i = found, (len(taken), found[1]), found[1]
                break
            missing = None if organ or not taken else _missing_organ(mast)
            if missing and len(text.split()) <= 3 and SESSION_RE.match(text):
                organ, at_organ = ([missing, text], i + 1), (len(taken), i + 1)
            else:
                taken.append(lines[i])
            i += 1
    else:
        i = None
    if at_organ is not None:
        del taken[at_organ[0]:]
        i = at_organ[1]
    elif i is None or i >= len(lines) or not LETTER_RE.match(lines[i].text.strip()):
        return  # no letter's title after the blocks: they are not the items' titles
    if taken:
        text, attrs = mast.found["agenda-item"]
        mast.found["agenda-item"] = (join_lines([text, *(ln.text for ln in taken)]), attrs)
    mast.end = i
    if organ:
        text, attrs = mast.found.get("session", ("", {}))
        mast.found["session"] = (", ".join(t for t in (text, *organ[0]) if t), attrs)


def _missing_organ(mast: Masthead) -> str | None:
    """The one organ the masthead names whose session is not yet read, if any, when it
    names two (a joint document; one organ's session does not name it)."""
    session = mast.found.get("session", ("", {}))[0]
    named = [o for o in mast.found.get("organisation", ("", {}))[0].split(", ") if ORGAN_RE.match(o)]
    organs = [o for o in named if o not in session]
    return organs[0] if len(named) > 1 and len(organs) == 1 else None


def _organ_session(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """(["Security Council", "Eightieth year"], the index after) when lines[i] is an organ's
    name with its session on the next text line; else None."""
    text = " ".join(lines[i].text.split())
    if not ORGAN_RE.match(text):
        return None
    k = _skip_blank(lines, i + 1)
    if k >= len(lines) or not SESSION_RE.match(" ".join(lines[k].text.split())):
        return None
    return [text, " ".join(lines[k].text.split())], k + 1


#: The kind of an adopted resolution or decision, printed above its number and title:
#: "Resolution adopted by the General Assembly" (then "on 18 December 2026" and "[on the
#: report of the Second Committee (A/81/440/Add.3, para. 12)]"), "Adopted by the Security
#: Council at its 9876th meeting, on 3 March 2026" under "Resolution 2801 (2026)".
RESOLUTION_KIND_RE = re.compile(
    r"^(?:(?:Resolution|Decision)\s+adopted\s+by\s+the\s+.{3,80}|"
    r"(?:Résolution|Décision)\s+adoptée\s+par\s+.{3,80}|(?:Resolución|Decisión)\s+aprobada\s+por\s+.{3,80}|"
    r"(?:Adopted\s+by|Adoptée\s+par|Aprobada\s+por)\s+(?:the|le|la|el)\s+.{3,120})$", re.I)
#: A resolution's number and title: "81/212.  Tidal energy ...", "Resolution 2801 (2026)".
RESOLUTION_NUMBER_RE = re.compile(r"^(?:\d{1,3}/\d{1,4}\.?(?:\s|$)|(?:Resolution|Résolution|Resolución)\s+\d{1,4}\s+\(\d{4}\)$)")
#: A draft's kind, printed above its title: "Draft resolution submitted by the President".
DRAFT_RE = re.compile(r"^(?:Revised\s+)?(?:Draft|Projet|Proyecto)\s+(?:de\s+)?(?:resolution|decision|"
                      r"résolution|décision|resolución|decisión)\b.{0,120}$", re.I)


#: The end of a draft's sponsors line: "Chile, Ghana and Norway: draft resolution",
#: "... : projet de résolution", "...: proyecto de resolución" (a revised draft too).
_SPONSORS_END_RE = re.compile(
    r":\s*(?:revised\s+draft|draft|projet\s+de|projet\s+révisé\s+de|proyecto\s+de|proyecto\s+revisado\s+de)"
    r"\s+(?:resolution|decision|résolution|décision|resolución|decisión)\*?$", re.I)


#: A committee report's rapporteur, on the line under its title ("Rapporteur: Ms. Ana Ruiz
#: (Chile)", "Rapporteuse : Mme ...", "Relator: Sr. ...").
_RAPPORTEUR_LINE_RE = re.compile(r"^(?:Rapporteur|Rapporteuse|Relator|Relatora)\s?:\s+\S.{2,120}$")


#: The name of a body alone over the title (a treaty body over its concluding observations,
#: "Committee on the Elimination of Discrimination against Women"): the meeting.
_BODY_NAME_RE = re.compile(
    r"^(?:Committee|Sub-?committee|Subcommittee|Comit[ée]|Sous-comit[ée]|Subcomit[ée]|Working Group|"
    r"Groupe de travail|Grupo de Trabajo)\s+(?:on|against|for|of|sur|contre|des|de|pour|para|contra|sobre|del?)\s"
    r"[^.;:\d]{3,150}$", re.I)  # (no dates: a body's name with its dates is a meeting's title)


def _body_over_title(title: list[Line]) -> bool:
    """True when the first line of a title block is a body's name alone, over the title and
    the kind with no blank line ("Committee on the Peaceful Uses of …" / "Public information
    on the work of the Committee …" / "Report of the Secretary-General", as pypdf prints
    it): that line is the meeting. The line under it starts a new line of its own (a capital,
    the body's line ending on no word that needs the next)."""
    if len(title) < 3 or not KIND_RE.match(title[-1].text.strip()):
        return False
    first, second = title[0].text.strip(), title[1].text.strip()
    return bool(_BODY_NAME_RE.match(first)) and second[:1].isupper() and not _CONTINUES_RE.search(first) \
        and not KIND_RE.match(second)


def _sponsors_at(lines: list[Line], first: int) -> tuple[int, int] | None:
    """(start, end) of a draft's sponsors line in the block at lines[first] (_sponsors_end):
    from the block's first line, or from a later one when the lines above it are no part of
    a list of names (no comma or colon in them, none ending "and", "et", "y": the title, printed above
    its sponsors with no blank line between); None when the block has none."""
    end = _sponsors_end(lines, first)
    if not end:
        return None
    start = first
    while start < end - 1 and not re.search(r"[,:]|\s(?:and|et|y)$", lines[start].text.strip()):
        start += 1
    return start, end


def _sponsors_end(lines: list[Line], first: int) -> int:
    """The index after a draft's sponsors line (over up to six lines, to the one that ends
    ": draft resolution") at lines[first]; 0 when the block there is no such line."""
    parts, k = [], first
    while k < len(lines) and lines[k].kind == "text" and k - first < 6:
        parts.append(lines[k].text.strip())
        if _SPONSORS_END_RE.search(" ".join(parts)):
            return k + 1
        if PARA_RE.match(parts[-1]) or ends_sentence(parts[-1]):
            return 0
        k += 1
    return 0


def read_title(lines: list[Line], mast: Masthead, width: int) -> None:
    """The title of the document after its masthead (_read_title); then the sessions of two
    organs put in the masthead's order of the organs (_organ_order)."""
    _read_title(lines, mast, width)
    if "session" in mast.found and "organisation" in mast.found:
        text, attrs = mast.found["session"]
        mast.found["session"] = (_organ_order(text, mast.found["organisation"][0]), attrs)


def _organ_order(session: str, organisation: str) -> str:
    """session with each organ's part ("Security Council, Eightieth year") in the order the
    masthead names the organs ("United Nations, General Assembly, Security Council"):
    pdfminer prints the right column's organ first. Unchanged unless session starts with an
    organ and every organ in it is named in organisation."""
    parts = session.split(", ")
    if not ORGAN_RE.match(parts[0]):
        return session
    groups: list[list[str]] = []
    for part in parts:
        if ORGAN_RE.match(part) and part in organisation:
            groups.append([part])
        elif ORGAN_RE.match(part):
            return session
        else:
            groups[-1].append(part)
    if len(groups) < 2:
        return session
    groups.sort(key=lambda g: organisation.find(g[0]))
    return ", ".join(part for g in groups for part in g)


def _read_title(lines: list[Line], mast: Masthead, width: int) -> None:
    """The title of a letter or note after the symbol block (its lines are shorter than the
    body's, which follows with no blank line in some extractions), and its kind under it;
    mast.end moves past them. A first block followed by a block that ends with the kind of
    document ("High-level Conference ..." then "New York Declaration ... / Note by the
    Co-Chairs") is the meeting, and the second block the title."""
    _item_titles_block(lines, mast, width)
    _meeting_session(lines, mast)
    _governing_body(lines, mast)
    _agenda_item_runs_to_title(lines, mast)
    _title_inside_item(lines, mast, width)
    _title_after_item(lines, mast)
    first = _skip_blank(lines, mast.end)
    if first < len(lines) and _resolution_kind(lines, first, mast):
        if "title" in mast.found:
            return  # "Resolution 2801 (2026)" over its kind: both read
        # (else the kind above the number and title; mast.end moved to them)
    elif first < len(lines) and DRAFT_RE.match(lines[first].text.strip()):
        # "Draft resolution submitted by the President": the kind, printed above the title
        mast.found["subtitle"] = (lines[first].text.strip(), {})
        mast.end = first + 1
    elif first < len(lines) and (found := _sponsors_at(lines, first)):
        # "Chile, Ghana and Norway: draft resolution" (its sponsors over lines): the kind
        start, end = found
        mast.found["subtitle"] = (join_lines([ln.text.strip() for ln in lines[start:end]]), {})
        mast.end = end
        if start > first:  # the title, then its sponsors (as our writers print a subtitle)
            mast.found["title"] = (join_lines([ln.text.strip() for ln in lines[first:start]]), {})
            return
    title, i = _title_block(lines, mast.end, width)
    if not title:
        return
    if len(title) > 1 and "dates" not in mast.found and "meeting" not in mast.found \
            and find_date_range(title[-1].text) and is_date_line(title[-1].text.strip()) \
            and _BODY_WORD_RE.search(join_lines([ln.text for ln in title[:-1]])):
        third, m = _title_block(lines, i, width)
        if _caps_kind_title(third):
            # the meeting's name and its place and dates, then the document's title in
            # capitals, a kind of document's (as pdftotext prints our writers' ECLAC block)
            _meeting_and_dates(mast, title[:-1], title[-1])
            title, i = third, m
    if not KIND_RE.match(title[-1].text) and "session" not in mast.found:
        second, k = _title_block(lines, i, width)
        after = _skip_blank(lines, k)
        kind_under = after < len(lines) and bool(KIND_END_RE.match(lines[after].text.strip()))
        body = len(title) <= 3 and bool(_BODY_NAME_RE.match(join_lines([ln.text for ln in title])))
        if second and (len(second) > 1 and KIND_RE.match(second[-1].text) or kind_under
                       and not KIND_RE.match(second[-1].text) or body) and i < len(lines) \
                and lines[i].kind != "text":
            mast.found["meeting"] = (join_lines([ln.text for ln in title]), {})
            title, i = second, k
        elif len(second) == 1 and "dates" not in mast.found and i < len(lines) and lines[i].kind != "text" \
                and k < len(lines) and lines[k].kind != "text" and find_date_range(second[0].text) \
                and is_date_line(second[0].text.strip()) and _BODY_WORD_RE.search(join_lines([ln.text for ln in title])):
            third, m = _title_block(lines, k, width)
            if _caps_kind_title(third) and not is_caps(title[0].text, 4):
                # the meeting's name, its place and dates, then the document's title in
                # capitals, each a block of its own (ECLAC's): meeting, dates, title
                _meeting_and_dates(mast, title, second[0])
                title, i = third, m
    if _body_over_title(title) and "meeting" not in mast.found:
        mast.found["meeting"] = (" ".join(title.pop(0).text.split()), {})
    if len(title) > 1 and _RAPPORTEUR_LINE_RE.match(title[-1].text.strip()) and "subtitle" not in mast.found \
            and KIND_RE.match(title[-2].text):
        mast.found["subtitle"] = (title.pop().text.strip(), {})  # "Report of the Third Committee" / "Rapporteur: ..."
    if len(title) > 2 and _kind_wraps(title[-2].text, title[-1].text) and "subtitle" not in mast.found:
        mast.found["subtitle"] = (join_lines([title[-2].text.strip(), title[-1].text.strip()]), {})
        del title[-2:]
    if len(title) > 1 and KIND_RE.match(title[-1].text) and "subtitle" not in mast.found:
        kind = title.pop()
        # (the kind going on under it: "... High Commissioner for" / "Human Rights*")
        text, i = _kind_lines(lines, i - 1) if kind is lines[i - 1] else (kind.text, i)
        mast.found["subtitle"] = (text, {})
    mast.found["title"] = (join_lines([ln.text for ln in title]), {})
    mast.end = i
    j = i
    while j < len(lines) and lines[j].kind != "text":
        j += 1
    if "subtitle" not in mast.found and j < len(lines) and ORDINAL_KIND_RE.match(lines[j].text.strip()):
        k = j + 1  # the kind of report over two or three lines, to a blank line
        while k < len(lines) and k - j < 3 and lines[k].kind == "text" and not PARA_RE.match(lines[k].text) \
                and not ROMAN_HEAD_RE.match(lines[k].text.strip()) and not ends_sentence(lines[k - 1].text.strip()):
            k += 1
        mast.found["subtitle"] = (join_lines([ln.text.strip() for ln in lines[j:k]]), {})
        mast.end = k
        j = _skip_blank(lines, k)
    elif "subtitle" not in mast.found and j < len(lines) and RESOLUTION_KIND_RE.match(lines[j].text.strip()):
        k = j + 1  # the kind under the number and title (as our writers print it), its origin in brackets
        parts = [lines[j].text.strip()]
        while k < len(lines) and lines[k].kind == "text" and (
                "".join(parts).count("[") > "".join(parts).count("]") or lines[k].text.strip().startswith("[")):
            parts.append(lines[k].text.strip())
            k += 1
        mast.found["subtitle"] = (join_lines(parts), {})
        mast.end = k
        j = _skip_blank(lines, k)
    elif "subtitle" not in mast.found and j < len(lines) and (end := _sponsors_end(lines, j)):
        # a draft's sponsors line under its title, as our writers print the subtitle
        mast.found["subtitle"] = (join_lines([ln.text.strip() for ln in lines[j:end]]), {})
        mast.end = end
        j = _skip_blank(lines, end)
    elif "subtitle" not in mast.found and j < len(lines) and _RAPPORTEUR_LINE_RE.match(lines[j].text.strip()) \
            and KIND_RE.match(mast.found["title"][0]):
        mast.found["subtitle"] = (lines[j].text.strip(), {})  # (as our writers print it)
        mast.end = j + 1
        j = _skip_blank(lines, j + 1)
    elif "subtitle" not in mast.found and j < len(lines) and KIND_RE.match(lines[j].text):
        kind, mast.end = _kind_lines(lines, j)  # "Report of the Special Rapporteur on ... to safe" / "drinking water ..."
        mast.found["subtitle"] = (kind, {})
        j = _skip_blank(lines, mast.end)
    got = _session_and_dates(lines, j) if "session" not in mast.found and "dates" not in mast.found else None
    if got:
        mast.found["session"] = (got[0], {})
        mast.found["dates"] = (got[1], dict(zip(("from", "to"), got[2])))
        mast.end = j + 2
        venue = _venue_under(lines, mast.end, got[1], places=False) \
            if lines[mast.end - 1].kind == "text" and lines[mast.end - 1].text.strip() == got[1] else None
        if venue:  # "41st meeting" / "15-16 November 2026" / "OECD Conference Centre, Paris"
            mast.found["dates"] = (f"{got[1]}, {venue}", mast.found["dates"][1])
            mast.end += 1
    elif "dates" not in mast.found and j < len(lines) and find_date_range(lines[j].text) \
            and (is_date_line(lines[j].text.strip()) or _dates_then_venue(lines[j].text.strip())):
        # the meeting's place and dates printed under the title (as our writers lay it out)
        dates, span = lines[j].text.strip(), dict(zip(("from", "to"), find_date_range(lines[j].text)))
        mast.end = j + 1
        venue = _venue_under(lines, j + 1, dates)
        if venue:
            dates, mast.end = f"{dates}, {venue}", j + 2  # the OECD's place under them
        mast.found["dates"] = (dates, span)
    _fields_under_title(lines, mast)
    _official_records(lines, mast)


#: A session line short enough to be printed alone under a title ("2025 substantive session",
#: "Resumed eightieth session", "Tercer período de sesiones").
_SHORT_SESSION_WORDS = 5


def _session_and_dates(lines: list[Line], j: int) -> tuple[str, str, tuple[str, str]] | None:
    """(session, place and dates, (from, to)) when lines[j] is a short session line and the
    next line its place and dates, perhaps in brackets ("2025 substantive session" /
    "(New York, 17 February–14 March 2025)", under the title of the Official Records' cover)."""
    if j + 1 >= len(lines) or lines[j].kind != "text" or lines[j + 1].kind != "text":
        return None
    text = " ".join(lines[j].text.split())
    if len(text.split()) > _SHORT_SESSION_WORDS or not text[:1].isupper() and not text[:1].isdigit() \
            or not SESSION_RE.match(text) or KIND_RE.match(text):
        return None
    dates = lines[j + 1].text.strip()
    if dates.startswith("(") and dates.endswith(")"):
        dates = dates[1:-1].strip()
    got = find_date_range(dates)
    return (text, dates, got) if got and is_date_line(dates) else None


def _resolution_kind(lines: list[Line], first: int, mast: Masthead) -> bool:
    """An adopted resolution's kind and the lines under it (its date, "[on the report of the
    ... Committee (...)]") to its number and title, or, for the Security Council, its number
    above the kind: the subtitle (and, for the Council, the title), and mast.end at the line
    after them; False, mast unchanged, for any other text."""
    text = " ".join(lines[first].text.split())
    if RESOLUTION_NUMBER_RE.match(text) and not text[:1].isdigit():  # "Resolution 2801 (2026)"
        k = _skip_blank(lines, first + 1)
        if k < len(lines) and RESOLUTION_KIND_RE.match(" ".join(lines[k].text.split())):
            mast.found["title"] = (text, {})
            mast.found["subtitle"] = (" ".join(lines[k].text.split()), {})
            mast.end = k + 1
            return True
        return False
    if not RESOLUTION_KIND_RE.match(text) or "subtitle" in mast.found:
        return False
    parts, k = [text], first + 1
    while k < len(lines) and len(parts) < 6:
        k = _skip_blank(lines, k)
        if k >= len(lines):
            return False
        t = " ".join(lines[k].text.split())
        if RESOLUTION_NUMBER_RE.match(t):
            break
        if PARA_RE.match(t) or len(t) > 120:
            return False
        parts.append(t)
        k += 1
    else:
        return False
    mast.found["subtitle"] = (join_lines(parts), {})
    mast.end = k
    return True


def _meeting_session(lines: list[Line], mast: Masthead) -> None:
    """The body that meets, its session and the session's place and dates, printed after a
    masthead that has no session ("Grupo de trabajo de composición abierta sobre ..." /
    "Octavo período de sesiones sustantivo" / "Nueva York, 8 a 12 de julio de 2024"), above
    the title: meta/session and meta/dates, never the title."""
    if "session" in mast.found or "dates" in mast.found:
        return
    first = _skip_blank(lines, mast.end)
    k = first
    while k < len(lines) and k - first < 6 and lines[k].kind == "text":
        text = " ".join(lines[k].text.split())
        own, _, last = text.rpartition(", ")  # "Grupo de trabajo ..., Tercer período ...",
        one_line = k == first and own and len(last.split()) <= 8 and SESSION_RE.match(last)  # as we print it
        alone = k == first and len(text.split()) <= 6 and SESSION_RE.match(text) and not _REPORT_RE.match(text)
        if (one_line or alone or k > first and len(text.split()) <= 8 and SESSION_RE.match(text)) \
                and not KIND_RE.match(text) and k + 1 < len(lines) and lines[k + 1].kind == "text":
            dates = lines[k + 1].text.strip()
            got = find_date_range(dates)
            if not got or not is_date_line(dates) or dates.startswith("("):
                return
            name = own if one_line else join_lines([" ".join(ln.text.split()) for ln in lines[first:k]])
            text = last if one_line else text
            if KIND_RE.match(name) or KIND_END_RE.match(name):
                return  # "Report of the Committee on its ... session": a title
            mast.found["session"] = (f"{name}, {text}" if name else text, {})
            mast.found["dates"] = (dates, dict(zip(("from", "to"), got)))
            mast.end = k + 2
            return
        k += 1


def _governing_body(lines: list[Line], mast: Masthead) -> None:
    """IOM's governing body over its session ("COUNCIL" / "Hundredth Session") after the
    symbol block: meta/session, as the UN's body and session are."""
    texts = [k for k in range(mast.end, min(mast.end + 8, len(lines))) if lines[k].kind == "text"][:2]
    got = governing_body_session([" ".join(lines[k].text.split()) for k in texts]) \
        if "session" not in mast.found else None
    if got is not None:
        mast.found["session"] = (got[0], {})
        mast.end = texts[got[1] - 1] + 1


def _agenda_item_runs_to_title(lines: list[Line], mast: Masthead) -> None:
    """When the layout marks the title (hints of a PDF or Word source) a few lines after an
    agenda item's line, the lines between are that item's, wrapped: mast.end moves to the title."""
    if not mast.found or list(mast.found)[-1] != "agenda-item":
        return
    k = next((k for k in range(mast.end, min(mast.end + 12, len(lines)))
              if lines[k].hint == "title"), None)
    between = [ln.text for ln in lines[mast.end:k] if ln.kind == "text"] if k else []
    if between and len(between) <= 4:
        text, attrs = mast.found["agenda-item"]
        mast.found["agenda-item"] = (join_lines([text, *between]), attrs)
        mast.end = k


#: A line this share of the body's width or longer is full: a wrapped line goes on under it.
_FULL_LINE = 0.85


def _title_inside_item(lines: list[Line], mast: Masthead, width: int) -> None:
    """The document's title taken in by the agenda item it follows with no blank line, when
    the kind of document stands right under them ("Item 3 (a) of the provisional agenda*
    Priority theme: ... in rural" / "areas" / "Social inclusion of older workers ..." /
    "Report of the Secretary-General", as pypdf prints our writers' block: the item's title
    at the page's width, wrapped), or a draft's sponsors ("Chile, Ghana ...: draft
    resolution"): the item ends at its first short line after a full one;
    the lines under it, up to the kind, are the title (mast.end moves back to them)."""
    if "title" in mast.found or "agenda-item" not in mast.found or list(mast.found)[-1] != "agenda-item" \
            or mast.end >= len(lines) or lines[mast.end].kind != "text" \
            or not (KIND_END_RE.match(lines[mast.end].text.strip())
                    or (_sponsors_at(lines, mast.end) or (None,))[0] == mast.end):
        return
    start = mast.end - 1
    while start > 0 and lines[start].kind == "text" and not ITEM_RE.match(lines[start].text.strip()):
        start -= 1
    item = lines[start:mast.end]
    if not ITEM_RE.match(item[0].text.strip()) or any(ln.kind != "text" for ln in item):
        return
    full = [len(ln.text.rstrip()) >= _FULL_LINE * width for ln in item]
    cut = next((k for k in range(1, len(item) - 1) if full[k - 1] and not full[k]), None)
    if cut is None or len(item) - cut - 1 > 3 or not item[cut + 1].text.strip()[:1].isupper() \
            or _CONTINUES_RE.search(item[cut].text.strip()):
        return
    attrs = mast.found["agenda-item"][1]
    mast.found["agenda-item"] = (join_lines([ln.text.strip() for ln in item[:cut + 1]]), attrs)
    mast.end = start + cut + 1


#: An item's title line this share of its block's longest line or longer is wrapped.
_ITEM_LINE_FULL = 0.8


def _title_after_item(lines: list[Line], mast: Masthead) -> None:
    """The document's title (and the kind under it) taken in by the agenda item's title with
    no blank line between, when the body's first heading or paragraph follows them ("Agenda
    item 139" / "Proposed programme budget for 2025" / "Third annual progress report on ..."
    / "I. Introduction", as pdfplumber prints the UN title block): without a cut no title
    is left and the document is read as plain paragraphs. The item ends after its first
    line that is not wrapped (shorter than the block's longest, not ending on 'for', a
    comma ...) when the next starts in capitals; the lines after it are the title's
    (mast.end moves back to them)."""
    if "title" in mast.found or "agenda-item" not in mast.found or list(mast.found)[-1] != "agenda-item":
        return
    nxt = _skip_blank(lines, mast.end)
    if nxt < len(lines) and not (PARA_RE.match(lines[nxt].text) or ROMAN_HEAD_RE.match(lines[nxt].text.strip())):
        return
    start = mast.end - 1
    while start > 0 and lines[start].kind == "text" and not ITEM_RE.match(lines[start].text.strip()):
        start -= 1
    item = lines[start:mast.end]
    if not item or not ITEM_RE.match(item[0].text.strip()) or any(ln.kind != "text" for ln in item):
        return
    texts = [" ".join(ln.text.split()) for ln in item]
    first = 2 if _BARE_ITEM_RE.match(texts[0]) else 1  # the first line that may start the title
    if len(texts) <= first:
        return  # no line under the item's own for a title
    longest = max(len(t) for t in texts[first - 1:])

    def ends_item(k: int) -> bool:
        above, text = texts[k - 1], texts[k]
        return (text[:1].isupper() and not _CONTINUES_RE.search(above)
                and not above.endswith((",", ":", ";", "-", "–")))

    cuts = [k for k in range(first, len(texts)) if ends_item(k)]
    if not cuts:
        return
    cut = next((k for k in cuts if len(texts[k - 1]) < _ITEM_LINE_FULL * longest), cuts[0])
    attrs = mast.found["agenda-item"][1]
    mast.found["agenda-item"] = (join_lines([ln.text.strip() for ln in item[:cut]]), attrs)
    mast.end = start + cut


#: The fields of the symbol block that may be printed under the title, and their meta names.
_BLOCK_FIELDS = {"symbol": "symbol", "original-language": "original-language",
                 "version-language": "original-language", "date": "issued", "distribution": "distribution"}


def _fields_under_title(lines: list[Line], mast: Masthead) -> None:
    """The rest of the symbol block printed as a block of its own under the title, when the
    title was printed inside the block ("A/AC.301/2026/INF/2" / "Committee on ... 2–6 March
    2026" / blank / "English only" / "12 March 2026" / "Distr.: General", as default
    pdftotext and pdfminer print our writers' block of a list of participants): a block of
    two fields or more, each a field the masthead has not read, and nothing else."""
    j = _skip_blank(lines, mast.end)
    k = j
    while k < len(lines) and lines[k].kind == "text" and k - j < 6:
        k += 1
    if k - j < 2 or (k < len(lines) and lines[k].kind == "text"):
        return
    fields = [f for ln in lines[j:k] for f in _fields(ln)]
    names = [_BLOCK_FIELDS.get(kind or "") for _, kind in fields]
    if None in names or len(set(names)) < len(names) or any(n in mast.found for n in names) \
            or any(n == "issued" and not lone_date(t) for (t, _), n in zip(fields, names)):
        return
    for (text, _), name in zip(fields, names):
        mast.found[name] = _field_value(name, text)
    mast.end = k


def _field_value(name: str, text: str) -> tuple[str, dict[str, str]]:
    """A symbol block's field as meta holds it, its text and attributes: the symbol without
    the star of its note (symbol/@note, starnotes.link_star_notes), the distribution's
    level, the date of issue as ISO."""
    if name == "symbol":
        return _STAR_RE.sub("", text), star_attrs(text)
    if name == "distribution":
        level = DISTR_RE.match(text).group("level")  # (none: a restriction alone, RESTRICTED_RE)
        if not level and re.match(r"(?:Unclassified|Non classifi)", text, re.I):
            level = "general"  # the OECD's "Unclassified" (CLASSIFIED_RE)
        return text, {"level": LEVELS.get(level.lower(), "general") if level else "restricted"}
    if name == "issued":
        return text, {"date": find_date(text)[0]}
    return text, {}


def _skip_blank(lines: list[Line], j: int) -> int:
    """The index of the first text line from j (len(lines) when none)."""
    while j < len(lines) and lines[j].kind != "text":
        j += 1
    return j


#: The last line of the Official Records' cover block (with RECORDS_RE, the series).
SUPPLEMENT_RE = re.compile(r"^(?:Supplement No\.|Supplément n[o°º]|Suplemento núm\.|Suplemento No\.)\s*\d+", re.I)


def _official_records(lines: list[Line], mast: Masthead) -> None:
    """The Official Records block after the title, if there is one, is the series."""
    j = mast.end
    while j < len(lines) and lines[j].kind != "text":
        j += 1
    block = []
    while j < len(lines) and lines[j].kind == "text" and len(block) < 5:
        block.append(lines[j].text.strip())
        j += 1
    if "series" in mast.found or len(block) < 3 or not any(RECORDS_RE.match(t) for t in block[:2]) \
            or not SUPPLEMENT_RE.match(block[-1]):
        return
    mast.found["series"] = (", ".join(block), {})
    mast.end = j
