"""Words the reader recognises, per language: labels, months, headings, stop words.

Adding a language means adding its words here (and nothing else in the reader).
"""
from __future__ import annotations

import re

MONTHS = {
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # fr
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
)

STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "for", "on", "that", "with", "are", "as",
           "be", "this", "by", "which", "their", "from", "an", "it"},
    "fr": {"le", "les", "des", "du", "et", "est", "pour", "dans", "une", "sur", "qui", "au",
           "aux", "par", "ces", "leur", "sont", "pas", "ou", "cette", "il"},
    "es": {"el", "los", "las", "del", "y", "para", "por", "con", "una", "se", "al", "su",
           "sus", "como", "es", "lo", "más", "este", "esta", "son"},
}

#: Labels introducing a moderator (label as printed is kept in @label).
MODERATOR = (r"moderators?|chairs?|chairperson|chairpersons|co-chairs?|facilitators?|"
             r"mod[ée]rat(?:eur|rice|eurs|rices)|pr[ée]sidente?s?|pr[ée]sidence|animat(?:eur|rice)|"
             r"moderador(?:a|as|es)?|presidente|presidenta|facilitador(?:a)?|"
             r"co-?pr[ée]sident(?:e|s|es)?|co-?president(?:e|es|a|as)|co-?moderators?|"
             r"co-?facilitators?|co-?moderador(?:a|as|es)?")
#: Labels introducing a rapporteur.
RAPPORTEUR = r"rapporteu(?:r|rs|se|ses)|relator(?:a|as|es)?"
#: Labels introducing speakers.
SPEAKERS = (r"speakers?|panell?ists?|presenters?|discussants?|respondents?|"
            r"orat(?:eur|rice)s?|intervenant(?:e|s|es)?|panélistes?|conférenci(?:er|ère)s?|"
            r"orador(?:a|as|es)?|ponentes?|panelistas?|expositor(?:a|es|as)?|conferenciantes?")
#: A label word, then perhaps a gender ending ("Moderador/a", "Intervenant(e)s") or a
#: second label ("Chair/Moderator", "Modérateur/Modératrice").
_LABEL_WORD = rf"(?:{MODERATOR}|{RAPPORTEUR}|{SPEAKERS})"
_LABEL = rf"{_LABEL_WORD}(?:\([a-z]{{1,3}}\)[a-z]{{0,2}})?(?:\s*/\s*(?:{_LABEL_WORD}|[a-z]{{1,3}}))*"
LABEL_RE = re.compile(rf"^(?P<label>{_LABEL})\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
#: A label that names moderators (tested on its first word).
MODERATOR_RE = re.compile(rf"^(?:{MODERATOR})(?![a-z])", re.IGNORECASE)
#: A label that names rapporteurs.
RAPPORTEUR_RE = re.compile(rf"^(?:{RAPPORTEUR})(?![a-z])", re.IGNORECASE)

#: A line introducing guiding questions.
QUESTIONS_LEAD_RE = re.compile(
    r"(question|pregunta|interrogante)s?\b.*:\s*$|^(guiding|key|discussion)\s+questions?\s*:?\s*$",
    re.IGNORECASE)

#: The general-discussion line.
DISCUSSION_RE = re.compile(
    r"^(general discussion|open discussion|discussion|plenary discussion|questions and answers|"
    r"q\s*&\s*a|d[ée]bat g[ée]n[ée]ral|d[ée]bat|discussion g[ée]n[ée]rale|"
    r"debate general|debate|discusi[óo]n general|debate abierto|(?:open )?floor discussion|"
    r"open floor|interactive discussion|d[ée]bat interactif|discussion ouverte|"
    r"debate interactivo|discusi[óo]n abierta|"
    r"(?:(?:interactive|open|general) )?(?:discussion|dialogue|exchange)s? with (?:the )?"
    r"(?:member states|delegations|participants|the floor)|"
    r"(?:d[ée]bat|dialogue|[ée]change)s?(?: interactif)? avec les (?:[ée]tats membres|d[ée]l[ée]gations|participants)|"
    r"(?:di[áa]logo|intercambio|debate)s? (?:con|entre) (?:las |los )?(?:delegaciones|estados miembros|participantes))"
    r"\s*\.?$",
    re.IGNORECASE)

#: The end-of-day line.
END_RE = re.compile(
    r"^(end of|close of|fin de|fin del|fin de la|clôture de la journée|cierre de la jornada|"
    r"clausura de la jornada)\b", re.IGNORECASE)

#: Headings of the programme itself.
AGENDA_HEADING_RE = re.compile(
    r"^((provisional |draft |annotated |revised )?(agenda|programme|program)"
    r"( provisoire| provisionnel| anotad[ao]| provisional| of the \w+(?: \w+){0,4})?|"
    r"(projet d['’] ?|projet de )?(ordre du jour|programme)( provisoire| annoté)?|"
    r"(proyecto de )?(programa|orden del d[íi]a)( provisional| anotad[ao])?|"
    r"(provisional )?programme of work)"
    # who prepared it, on the heading's line or under it ("prepared by the International Bureau")
    r"(\s+(prepared|préparé|établi|preparado|elaborado)\s+(by|par|por)\s+\S.{2,80})?\s*$", re.IGNORECASE)

#: Words that make an item title a numbered session: "Session I: ...".
SESSION_RE = re.compile(
    r"^(?P<label>session|s[ée]ance|sesi[óo]n|panel|table ronde|round ?table|mesa redonda|"
    r"segment|segmento|atelier|workshop|taller|module|m[óo]dulo|part|partie|parte)"
    r"\s+(?P<n>[IVXLC]+|\d+)(?!\.\d)\s*[:.–—-]\s*(?P<title>.*)$", re.IGNORECASE)

#: Item kinds by keyword, checked in order on the lower-cased title.
KINDS = [
    ("registration", r"registration|enregistrement|inscription|inscripci[óo]n|registro|accueil des participants"),
    ("break", r"\bbreak\b|lunch|coffee|\bpause\b|d[ée]jeuner|caf[ée]|almuerzo|receso|pausa|recess"),
    ("closing", r"closing|clôture|cl[ôo]ture|clausura|\bcierre\b|concluding|conclusions?\b|wrap-up|synth[èe]se|s[íi]ntesis|final remarks"),
    ("opening", r"opening|welcom|bienvenue|ouverture|apertura|bienvenida|inaugura"),
    ("session", r"\bsession\b|\bs[ée]ance\b|sesi[óo]n|\bpanel\b|table ronde|round ?table|mesa redonda"),
    ("keynote", r"keynote|setting the scene|mise en situation|discours liminaire|discours-programme|"
                r"ponencia principal|discurso principal|contexto general|presentaci[óo]n del tema|introductory|introduction g[ée]n[ée]rale"),
    ("statement", r"point de vue|perspective|perspectiva|testimon|témoignage|statement|d[ée]claraci[óo]n|d[ée]claration|punto de vista"),
]

#: Section headings that stand at the top level whatever their typography.
TOP_HEADINGS_RE = re.compile(
    r"^(introduction|introducci[óo]n|conclusions?|conclusi[óo]n(es)?|background|contexte|"
    r"antecedentes|recommendations?|recommandations?|recomendaciones|annex(e)?|anexo|"
    r"summary|r[ée]sum[ée]|resumen|executive summary|purpose of the document|objet du document|"
    r"finalidad del documento|action required|action requested|suite à donner|acción solicitada|"
    r"acción requerida)\b", re.IGNORECASE)

#: Prefixes whose line-end hyphen is part of the word ("socio-" + "economic").
COMPOUND_PREFIXES = {
    "socio", "vice", "ex", "non", "self", "well", "semi", "quasi", "demi", "mi", "anti",
    "post", "pre", "pré", "pro", "politico", "co", "sous", "auto", "multi", "cross",
    "long", "short", "follow", "intra", "bien", "medio", "ad",
}

ORIGINAL_RE = re.compile(r"^(original|original\s*:|originale?)\s*:?\s*\S+", re.IGNORECASE)
#: The symbols of the specialized agencies' governing bodies, unlike the UN's: WHO's
#: ("EB160/12", "A79/5", "EB160/INF./1"), UNESCO's ("221 EX/5", "43 C/5") and FAO's
#: ("CL 178/3", "C 2027/12", "FC 201/4"), ICAO's working papers ("A42-WP/123", "C-WP/15321").
AGENCY_SYMBOL = (r"(?:[A-Z]{1,8}\d{1,4}(?:/[A-Z0-9][A-Za-z0-9.()-]*)+|[A-Z]{1,2}\d{0,3}-WP/\d{1,6}(?:/[A-Za-z0-9.]+)*|"
                 r"\d{1,3}\s(?:EX|C)/[A-Z0-9][A-Za-z0-9.()-]*|"
                 r"(?:CL|C|FC|PC|COAG|COFI|COFO|CCP|CFS|JM)\s\d{2,4}/[A-Z0-9][A-Za-z0-9.()-]*)"
                 r"(?:\s(?:Add|Rev|Corr)\.\s?\d{1,2})*")
SYMBOL_RE = re.compile(rf"^(?:[A-Z]{{1,10}}(?:[./-][A-Z0-9]+)*/[A-Z0-9][A-Za-z0-9./()-]*|{AGENCY_SYMBOL})$")

#: A day named by its rank, with no date printed ("Day One", "Deuxième journée", "Día 2").
DAY_RANK_RE = re.compile(
    r"^(?:day\s+(?:one|two|three|four|five|\d)|(?:first|second|third|fourth|fifth)\s+day|"
    r"(?:premi[èe]re|deuxi[èe]me|troisi[èe]me|quatri[èe]me|cinqui[èe]me)\s+journ[ée]e|"
    r"jour\s+\d|(?:primer|segundo|tercer|cuarto|quinto)\s+d[íi]a|"
    r"(?:primera|segunda|tercera|cuarta|quinta)\s+jornada|d[íi]a\s+\d)\b", re.IGNORECASE)


#: A governing body printed in capitals over its session, as IOM prints them ("COUNCIL" /
#: "Hundredth Session", "CONSEJO" / "Centésima decimoctava reunión").
GOVERNING_BODY_RE = re.compile(
    r"^(?:COUNCIL|CONSEJO|CONSEIL|ASSEMBLY|ASSEMBLÉE|ASAMBLEA|EXECUTIVE COMMITTEE|COMITÉ EJECUTIVO|COMITÉ EXÉCUTIF|"
    r"EXECUTIVE BOARD|CONSEIL EXÉCUTIF|CONSEJO EJECUTIVO|GOVERNING BODY|CONSEIL D[’']ADMINISTRATION|"
    r"CONSEJO DE ADMINISTRACIÓN|GENERAL CONFERENCE|CONFÉRENCE GÉNÉRALE|CONFERENCIA GENERAL|"
    r"CONFERENCE|CONFÉRENCE|CONFERENCIA|PROGRAMME COMMITTEE|FINANCE COMMITTEE|COMITÉ DU PROGRAMME|"
    r"COMITÉ FINANCIER|COMITÉ DEL PROGRAMA|COMITÉ DE FINANZAS|"
    r"STANDING COMMITTEE ON PROGRAMMES AND FINANCE|COMITÉ PERMANENTE DE PROGRAMAS Y FINANZAS|"
    r"COMITÉ PERMANENT DES PROGRAMMES ET DES FINANCES)$")
#: A governing body printed in lower case over its session (UNESCO's "Executive Board" /
#: "Two hundred and twenty-first session", the ILO's "Governing Body" / "352nd Session, ...").
_TITLED_BODY_RE = re.compile(r"^(?:Executive Board|Conseil exécutif|Consejo Ejecutivo|Governing Body|"
                             r"Conseil d[’']administration|Consejo de Administración|General Conference|"
                             r"Conférence générale|Conferencia General|Council|Conseil|Consejo)$")
SESSION_LINE_RE = re.compile(r"^\S.{0,60}\b(?:[Ss]ession|sesión|reunión|[Rr]éunion|"
                             r"período de sesiones|[Ss]eries of [Mm]eetings|série de réunions|"
                             r"serie de reuniones)(?:\s+\(.{1,40}\)|(?:,\s+[^,]{2,30}){1,2})?$")
#: A session of the World Health Assembly, printed in capitals on a line of its own.
HEALTH_ASSEMBLY_RE = re.compile(r"^\S+(?:\s\S+)?\s+(?:WORLD HEALTH ASSEMBLY|ASSEMBLÉE MONDIALE DE LA SANTÉ|"
                                r"ASAMBLEA MUNDIAL DE LA SALUD)$")


#: Any other body's name, over its session on the next line (WIPO's "WIPO General
#: Assembly" / "Fifty-Eighth (34th Ordinary) Session", "Program and Budget Committee",
#: "Assemblée générale de l’OMPI", the IAEA's "Board of Governors"): a few capitalised
#: words (an acronym first, perhaps) ending on the body, or the body first in French and
#: Spanish; never a title ("Report of the Committee ...").
NAMED_BODY_RE = re.compile(
    r"^(?!(?:Report|Rapport|Informe|Draft|Projet|Proyecto|Note|Nota)\b)(?:"
    r"(?:[A-Z]{2,8}\s+)?(?:(?:[A-Z][\w’'-]*|of|the|and|on|for)\s+){0,6}"
    r"(?:Assembly|Assemblies|Council|Committee|Board|Conference|Commission)"
    r"(?:\s+(?:of|on|for)\s+[\w’' ,()-]{3,80})?|"
    r"(?:Assemblée|Assemblées|Conseil|Comité|Commission|Conférence|Asamblea|Asambleas|Consejo|"
    r"Comisión|Conferencia|Junta)\b[\w’' ,()-]{0,100})$")


#: A body and its session on one line, a dash between, as ICAO prints them.
_DASHED_SESSION_RE = re.compile(r"^(\S.{2,60}?)\s+[—–-]\s+(\S+\s+(?:SESSION|[Ss]ession|PERÍODO DE SESIONES))"
                                r"(?:,\s+[A-ZÀ-Ý ]{4,60})?$")  # (", EXECUTIVE COMMITTEE", as we print it)
#: A governing body's yearly session named by its year alone ("Council 2026", ITU's).
YEARLY_SESSION_RE = re.compile(r"^(?:Council|Conseil|Consejo)\s+(?:19|20)\d\d$")


def _is_body(text: str) -> bool:
    """A governing body's name, in capitals (GOVERNING_BODY_RE) or not (_TITLED_BODY_RE)."""
    return bool(GOVERNING_BODY_RE.match(text) or _TITLED_BODY_RE.match(text))


def _any_body(text: str) -> bool:
    """A governing body's name (_is_body) or any other body's (NAMED_BODY_RE)."""
    return _is_body(text) or bool(NAMED_BODY_RE.match(text))


def governing_body_session(texts: list[str], named: bool = True) -> tuple[str, int] | None:
    """(meta/session, lines it takes) when texts start with a governing body and its
    session, on two lines as IOM prints them or on one ("COUNCIL, Hundredth Session", as
    our writers print meta/session); else None. With ``named`` False, the one-line form
    takes a governing body's name only, not any body's (NAMED_BODY_RE): the UN masthead's
    "Commission on Population and Development, Sixty-third session" is an organ's session,
    which it reads as such."""
    if len(texts) >= 2 and _any_body(texts[0]) and SESSION_LINE_RE.match(texts[1]):
        return f"{texts[0]}, {texts[1]}", 2
    if texts and HEALTH_ASSEMBLY_RE.match(texts[0]):
        return texts[0], 1  # "SEVENTY-NINTH WORLD HEALTH ASSEMBLY"
    m = _DASHED_SESSION_RE.match(texts[0]) if texts else None
    if m and _any_body(m.group(1)):
        return texts[0], 1  # "ASSEMBLY — 42ND SESSION", "COUNCIL — 230TH SESSION" (ICAO)
    if texts and YEARLY_SESSION_RE.match(texts[0]):
        return texts[0], 1  # "Council 2026" (ITU's)
    body, comma, session = texts[0].partition(", ") if texts else ("", "", "")
    if comma and (_any_body(body) if named else _is_body(body)) and SESSION_LINE_RE.match(session):
        return texts[0], 1
    return None


#: The line of the Official Records' cover under the organ ("General Assembly" / "Official
#: Records" / "Seventy-ninth Session" / "Supplement No. 19").
RECORDS_RE = re.compile(r"^(?:Official Records|Documents officiels|Documentos Oficiales)$", re.I)
#: The small words a wrapped line ends on when it needs the next (prepositions, articles,
#: conjunctions), in the three languages: a pattern's alternatives, to put in a group.
LINKING_WORDS = (r"of|the|and|for|on|to|in|at|with|by|a|an|de|du|des|la|le|les|et|pour|sur|en|del|el|los|las|y|"
                 r"para|por|con")
#: The organisation's name as its mastheads and covers print it, in the three languages.
UN_NAME = r"(?:United Nations|Nations Unies|Naciones Unidas)"
#: A restriction printed alone at the top of a document, without "Distr.": WTO's
#: "RESTRICTED", the IAEA's "For official use only" (meta/distribution, level restricted).
RESTRICTED_RE = re.compile(
    r"^(?:RESTRICTED|Restricted|RESTREINT|Restreint|RESTRINGIDO|Restringido|"
    r"Restricted distribution|Distribution restreinte|Distribución restringida|"
    r"For official use only|Pour usage officiel seulement|Para uso oficial exclusivamente)$")
#: The OECD's classification, printed alone at the top of its covers (meta/distribution):
#: "Unclassified" / "Non classifié" (level general), "For Official Use" / "À usage officiel",
#: "Confidential" / "Confidentiel" (level restricted).
CLASSIFIED_RE = re.compile(r"^(?:Unclassified|Non classifi[ée]|For Official Use|[ÀA] usage officiel|"
                           r"Confidential|Confidentiel)$", re.I)
#: The language of this version and of the original on one line, as the OECD prints it
#: ("English - Or. English", "Français - Or. anglais"): meta/original-language.
VERSION_ORIGINAL_RE = re.compile(r"^(?:English|French|Spanish|Anglais|Français|Espagnol|Inglés|Francés|Español)"
                                 r"\s*[-–]\s*Or\.\s*[^\W\d_]{4,12}$", re.I)
#: A line printed above the title block that qualifies this version or its circulation
#: (R18: meta/status), in capitals or not.
STATUS_RE = re.compile(
    r"^(?:advance\s+(?:unedited\s+|edited\s+)?version|unedited\s+version|"
    r"(?:unofficial|provisional)\s+translation|for\s+participants\s+only|"
    r"check\s+against\s+delivery|pre-session\s+public\s+release\s*:.{0,3}|"
    r"version\s+(?:préliminaire|avancée|anticipée)(?:\s+non\s+(?:éditée|revue))?|"
    r"version\s+non\s+(?:éditée|revue)|traduction\s+non\s+officielle|"
    r"(?:réservé|distribution\s+réservée)\s+aux\s+participants|seul\s+le\s+texte\s+prononcé\s+fait\s+foi|"
    r"versi[oó]n\s+(?:avanzada|anticipada|preliminar)(?:\s+(?:sin\s+editar|no\s+editada))?|"
    r"versi[oó]n\s+(?:sin\s+editar|no\s+editada)|traducci[oó]n\s+no\s+oficial|"
    r"s[oó]lo\s+para\s+(?:los\s+)?participantes|cotejar\s+con\s+el\s+discurso\s+pronunciado)"
    r"\s*[*]{0,3}$", re.IGNORECASE)
