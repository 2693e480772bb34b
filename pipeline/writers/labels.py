"""Localized interface strings for the writers (en, fr, es), with English as the fallback."""
from __future__ import annotations

import datetime as dt
import re

#: Interface strings by language; a missing language or key falls back to English.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "skip": "Skip to content",
        "contents": "Contents",
        "footnotes": "Footnotes",
        "footnote": "Footnote",
        "back": "Back to text",
        "back_n": "Back to reference {n} in the text",
        "moderator": "Moderator",
        "speakers": "Speakers",
        "session": "Session",
        "paragraph": "Paragraph",
        "landmarks": "Landmarks",
        "languages": "Other languages",
        "symbol": "Document symbol",
        "source": "Source text",
        "programme": "Programme",
        "time": "Time",
        "start": "Start",
        "work_when": "Date and time",
        "work_item": "Item",
        "work_subject": "Subject",
        "title_page": "Title page",
        "documents": "Documents",
        "document": "Document",
        "formats": "Formats",
        "language": "Language",
        "index_title": "Published documents",
        "index_intro": "Every document in every language, in each published format.",
        "more": "Comparisons and redlines",
        "a11y_summary": ("This publication meets WCAG 2.1 Level AA: it has a table of contents, "
                         "headings in order, a logical reading order, linked footnotes and "
                         "text only, with no images."),
    },
    "fr": {
        "skip": "Aller au contenu",
        "contents": "Sommaire",
        "footnotes": "Notes",
        "footnote": "Note",
        "back": "Retour au texte",
        "back_n": "Retour à l’appel de note {n} dans le texte",
        "moderator": "Modérateur",
        "speakers": "Orateurs",
        "session": "Séance",
        "paragraph": "Paragraphe",
        "landmarks": "Repères",
        "languages": "Autres langues",
        "symbol": "Cote du document",
        "source": "Texte source",
        "programme": "Programme",
        "time": "Heure",
        "start": "Début",
        "work_when": "Date et heure",
        "work_item": "Point",
        "work_subject": "Sujet",
        "title_page": "Page de titre",
        "documents": "Documents",
        "document": "Document",
        "formats": "Formats",
        "language": "Langue",
        "index_title": "Documents publiés",
        "index_intro": "Chaque document, dans chaque langue et chaque format publié.",
        "more": "Comparaisons et versions annotées",
        "a11y_summary": ("Cette publication satisfait au niveau AA des WCAG 2.1 : table des "
                         "matières, titres dans l’ordre, ordre de lecture logique, notes liées "
                         "et texte seul, sans image."),
    },
    "es": {
        "skip": "Ir al contenido",
        "contents": "Índice",
        "footnotes": "Notas",
        "footnote": "Nota",
        "back": "Volver al texto",
        "back_n": "Volver a la llamada {n} en el texto",
        "moderator": "Moderador",
        "speakers": "Oradores",
        "session": "Sesión",
        "paragraph": "Párrafo",
        "landmarks": "Puntos de referencia",
        "languages": "Otros idiomas",
        "symbol": "Signatura del documento",
        "source": "Texto fuente",
        "programme": "Programa",
        "time": "Hora",
        "start": "Inicio",
        "work_when": "Fecha y hora",
        "work_item": "Tema",
        "work_subject": "Asunto",
        "title_page": "Portada",
        "documents": "Documentos",
        "document": "Documento",
        "formats": "Formatos",
        "language": "Idioma",
        "index_title": "Documentos publicados",
        "index_intro": "Cada documento, en cada idioma y en cada formato publicado.",
        "more": "Comparaciones y versiones con cambios",
        "a11y_summary": ("Esta publicación cumple el nivel AA de las WCAG 2.1: índice, títulos "
                         "en orden, orden de lectura lógico, notas enlazadas y solo texto, sin "
                         "imágenes."),
    },
}

#: Each language's name in that language, for language switchers.
LANGUAGE_NAMES: dict[str, str] = {
    "ar": "العربية", "de": "Deutsch", "en": "English", "es": "Español", "fr": "Français",
    "it": "Italiano", "pt": "Português", "ru": "Русский", "zh": "中文",
}

#: Month names for dates the writers print themselves (a day without a heading).
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}

DATE_PATTERNS: dict[str, str] = {"en": "{d} {m} {y}", "fr": "{d} {m} {y}",
                                 "es": "{d} de {m} de {y}"}

RTL_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ps", "ur", "yi"})


def base_language(lang: str) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased ("fr-CH" -> "fr")."""
    return lang.split("-")[0].lower()


def label(lang: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` (English when missing), formatted with values."""
    table = LABELS.get(base_language(lang), LABELS["en"])
    text = table.get(key, LABELS["en"][key])
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    """The name of ``lang`` in that language, or the tag itself when unknown."""
    return LANGUAGE_NAMES.get(base_language(lang), lang)


def direction(lang: str) -> str:
    """Writing direction of ``lang``: "rtl" or "ltr"."""
    return "rtl" if base_language(lang) in RTL_LANGUAGES else "ltr"


def format_date(iso: str, lang: str) -> str:
    """An ISO date printed in ``lang`` ("2008-07-07" -> "7 juillet 2008")."""
    day = dt.date.fromisoformat(iso)
    base = base_language(lang)
    months = MONTHS.get(base, MONTHS["en"])
    pattern = DATE_PATTERNS.get(base, DATE_PATTERNS["en"])
    return pattern.format(d=day.day, m=months[day.month - 1], y=day.year)


#: Week-day names that may lead a printed date ("Monday, 7 July 2008").
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}


def _alternatives(names: dict[str, tuple[str, ...]]) -> str:
    """A regex alternation of every name of every language, longest first."""
    return "|".join(sorted({re.escape(n) for ns in names.values() for n in ns}, key=len,
                           reverse=True))


_MONTH = _alternatives(MONTHS)
_WEEKDAY = rf"(?:(?:{_alternatives(WEEKDAYS)}),?\s+)?"
#: A printed date: "7 July 2008", "1er juillet 2008", "7 de julio de 2008", "July 7, 2008",
#: with an optional week day before it.
PRINTED_DATE = re.compile(
    rf"{_WEEKDAY}(?:(?P<d>\d{{1,2}})(?:er|º|°)?\s+(?:de\s+)?(?P<m>{_MONTH})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?)(?:\s+(?:de\s+)?(?P<y>\d{{4}}))?",
    re.IGNORECASE)
#: What may separate a date from the day's name on the printed line.
SEPARATOR = " \t,;:–—-"


def day_heading_parts(printed: str, iso: str) -> list[tuple[str, bool | None]] | None:
    """A day heading cut into its date and its name, in printed order, as (text, is_date),
    the separator as printed between them (is_date None): "7 July 2008 Day One" ->
    [("7 July 2008", True), (" ", None), ("Day One", False)]. None when the heading does not
    begin or end with the day's own date, or is nothing but the date."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    printed = " ".join(printed.split())
    for match in PRINTED_DATE.finditer(printed):
        before, after = printed[:match.start()], printed[match.end():]
        if not (before.strip(SEPARATOR) == "" or after.strip(SEPARATOR) == "") \
                or not _same_day(match, day):
            continue
        name = before if before.strip(SEPARATOR) else after
        core = name.strip(SEPARATOR)
        if not core:
            return None
        at = name.index(core)
        if name is before:
            return [(core, False), (before[at + len(core):], None), (match.group(), True)]
        return [(match.group(), True), (after[:at], None), (core, False)]
    return None


def _same_day(match: re.Match[str], day: dt.date) -> bool:
    """Whether a PRINTED_DATE match names ``day`` (day and month; the year when printed)."""
    number = int(match.group("d") or match.group("d2"))
    month = (match.group("m") or match.group("m2")).lower()
    months = [i for names in MONTHS.values() for i, n in enumerate(names, 1)
              if n.lower() == month]
    year = match.group("y")
    return number == day.day and day.month in months and (not year or int(year) == day.year)
