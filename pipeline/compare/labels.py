"""Interface strings of the comparison reports (en, fr, es; English when missing)."""
from __future__ import annotations

from ..writers import labels as writer_labels
from ..writers.labels import base_language, format_date

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "align_title": "Side by side: {a} / {b}", "align_h": "Side by side",
        "kind.missing": "missing units", "kind.number-mismatch": "numbers",
        "kind.footnote-count": "footnote references", "kind.name-mismatch": "names",
        "diff_title": "Changes: {title}",
        "skip": "Skip to content", "summary": "Summary", "unit": "Unit", "flags": "QA flags",
        "caption_align": "The two versions aligned unit by unit, with their QA flags",
        "caption_renum": "Renumbered units", "old": "Earlier version", "new": "This version",
        "units": "Units: {a} in {la}, {b} in {lb}; {m} aligned", "no_flag": "No flag.",
        "n_flags": "Flags: {n}", "footnote_total": "Footnotes: {a} in {la}, {b} in {lb}",
        "absent": "(not in this version)", "see": "see the flag on {unit}",
        "flag.missing": "Missing in {side}", "flag.number-mismatch": "Numbers differ",
        "flag.footnote-count": "Footnote references differ",
        "flag.name-mismatch": "Name differs", "ok": "OK",
        "kind.length": "lengths", "kind.untranslated": "untranslated", "kind.order": "order",
        "kind.accents": "accents", "flag.accents": "Capital without its accent",
        "accents": "{side}: {words}",
        "flag.length": "Length unexpected", "flag.untranslated": "Not translated",
        "flag.order": "Another order", "length": "{la}: {a} characters, {lb}: {b} (about {e} expected)",
        "order.questions": "questions in {lb}: {b}", "order.persons": "persons in {lb}: {b}",
        "flag_list": "Flagged rows", "view_flags": "Show the flagged rows only",
        "view_all": "Show all rows", "in_page": "in the {language} page",
        "only": "only in {language}: {values}", "count": "{la}: {a}, {lb}: {b}",
        "changes": "Changes", "no_change": "No change.", "inserted": "inserted:",
        "deleted": "deleted:",
        "text_with_changes": "Text with tracked changes",
        "edit.changed": "Changed", "edit.added": "Added", "edit.removed": "Removed",
        "edit.moved": "Moved", "edit.renumbered": "Renumbered", "and": "and",
        "were": "(formerly {old})",
        "para": "paragraph", "para+": "paragraphs", "footnote": "footnote",
        "footnote+": "footnotes", "heading": "heading", "heading+": "headings",
        "p": "unnumbered paragraph", "p+": "unnumbered paragraphs", "list": "list",
        "list+": "lists", "day": "day", "day+": "days", "end": "end of day",
        "end+": "ends of day", "item": "item", "item+": "items", "person": "person",
        "person+": "persons", "person_of": "person {k} of item {item}",
        "question": "question", "question+": "questions",
        "question_of": "question {k} of item {item}",
        "item_on": "{time} ({date})",
        "meta.title": "title", "meta.subtitle": "subtitle", "meta.series": "series",
        "meta.meeting": "meeting", "meta.symbol": "symbol",
        "meta.original-language": "original language", "meta.dates": "dates",
    },
    "fr": {
        "align_title": "Côte à côte\u00a0: {a} / {b}", "align_h": "Côte à côte",
        "kind.missing": "unités absentes", "kind.number-mismatch": "nombres",
        "kind.footnote-count": "appels de note", "kind.name-mismatch": "noms",
        "diff_title": "Modifications\u00a0: {title}",
        "skip": "Aller au contenu", "summary": "Résumé", "unit": "Unité",
        "flags": "Contrôles qualité",
        "caption_align": "Les deux versions alignées unité par unité, avec leurs signalements",
        "caption_renum": "Unités renumérotées", "old": "Version antérieure",
        "new": "Cette version",
        "units": "Unités\u00a0: {a} en {la}, {b} en {lb}\u00a0; {m} alignées",
        "no_flag": "Aucun signalement.", "n_flags": "Signalements\u00a0: {n}",
        "footnote_total": "Notes\u00a0: {a} en {la}, {b} en {lb}",
        "absent": "(absent de cette version)", "see": "voir le signalement sur {unit}",
        "flag.missing": "Absent en {side}", "flag.number-mismatch": "Nombres différents",
        "flag.footnote-count": "Appels de note différents",
        "flag.name-mismatch": "Nom différent", "ok": "OK",
        "kind.length": "longueurs", "kind.untranslated": "non traduit", "kind.order": "ordre",
        "kind.accents": "accents", "flag.accents": "Majuscule sans son accent",
        "accents": "{side}\u00a0: {words}",
        "flag.length": "Longueur inattendue", "flag.untranslated": "Non traduit",
        "flag.order": "Autre ordre", "length": "{la} : {a} caractères, {lb} : {b} (environ {e} attendus)",
        "order.questions": "questions en {lb} : {b}", "order.persons": "personnes en {lb} : {b}",
        "flag_list": "Lignes signalées", "view_flags": "N’afficher que les lignes signalées",
        "view_all": "Afficher toutes les lignes", "in_page": "dans la page en {language}",
        "only": "seulement en {language}\u00a0: {values}",
        "count": "{la}\u00a0: {a}, {lb}\u00a0: {b}",
        "changes": "Modifications", "no_change": "Aucune modification.",
        "inserted": "inséré\u00a0:", "deleted": "supprimé\u00a0:",
       
        "text_with_changes": "Texte avec marques de révision",
        "edit.changed": "Modifications", "edit.added": "Ajouts",
        "edit.removed": "Suppressions", "edit.moved": "Déplacements",
        "edit.renumbered": "Renumérotation", "and": "et", "were": "(anciennement {old})",
        "para": "paragraphe", "para+": "paragraphes", "footnote": "note",
        "footnote+": "notes", "heading": "titre", "heading+": "titres",
        "p": "paragraphe non numéroté", "p+": "paragraphes non numérotés", "list": "liste",
        "list+": "listes", "day": "journée", "day+": "journées", "end": "fin de journée",
        "end+": "fins de journée", "item": "point", "item+": "points",
        "person": "personne", "person+": "personnes",
        "person_of": "personne {k} du point {item}", "item_on": "{time} ({date})",
        "question": "question", "question+": "questions",
        "question_of": "question {k} du point {item}",
        "meta.title": "titre", "meta.subtitle": "sous-titre", "meta.series": "série",
        "meta.meeting": "réunion", "meta.symbol": "cote",
        "meta.original-language": "langue originale", "meta.dates": "dates",
    },
    "es": {
        "align_title": "En paralelo: {a} / {b}", "align_h": "En paralelo",
        "kind.missing": "unidades ausentes", "kind.number-mismatch": "cifras",
        "kind.footnote-count": "llamadas de nota", "kind.name-mismatch": "nombres",
        "diff_title": "Cambios: {title}",
        "skip": "Ir al contenido", "summary": "Resumen", "unit": "Unidad",
        "flags": "Controles de calidad",
        "caption_align": "Las dos versiones alineadas unidad por unidad, con sus avisos",
        "caption_renum": "Unidades con nueva numeración", "old": "Versión anterior",
        "new": "Esta versión",
        "units": "Unidades: {a} en {la}, {b} en {lb}; {m} alineadas",
        "no_flag": "Ningún aviso.", "n_flags": "Avisos: {n}",
        "footnote_total": "Notas: {a} en {la}, {b} en {lb}",
        "absent": "(no figura en esta versión)", "see": "véase el aviso en {unit}",
        "flag.missing": "Falta en {side}", "flag.number-mismatch": "Cifras distintas",
        "flag.footnote-count": "Llamadas de nota distintas",
        "flag.name-mismatch": "Nombre distinto", "ok": "OK",
        "kind.length": "longitudes", "kind.untranslated": "sin traducir", "kind.order": "orden",
        "kind.accents": "tildes", "flag.accents": "Mayúscula sin su tilde",
        "accents": "{side}: {words}",
        "flag.length": "Longitud inesperada", "flag.untranslated": "Sin traducir",
        "flag.order": "Otro orden", "length": "{la}: {a} caracteres, {lb}: {b} (unos {e} esperados)",
        "order.questions": "preguntas en {lb}: {b}", "order.persons": "personas en {lb}: {b}",
        "flag_list": "Filas señaladas", "view_flags": "Mostrar solo las filas señaladas",
        "view_all": "Mostrar todas las filas", "in_page": "en la página en {language}",
        "only": "solo en {language}: {values}", "count": "{la}: {a}, {lb}: {b}",
        "changes": "Cambios", "no_change": "Ningún cambio.", "inserted": "insertado:",
        "deleted": "suprimido:",
       
        "text_with_changes": "Texto con control de cambios",
        "edit.changed": "Cambios", "edit.added": "Añadidos", "edit.removed": "Supresiones",
        "edit.moved": "Desplazamientos", "edit.renumbered": "Nueva numeración", "and": "y",
        "were": "(antes {old})",
        "para": "párrafo", "para+": "párrafos", "footnote": "nota", "footnote+": "notas",
        "heading": "título", "heading+": "títulos", "p": "párrafo sin número",
        "p+": "párrafos sin número", "list": "lista", "list+": "listas", "day": "día",
        "day+": "días", "end": "fin del día", "end+": "fines del día", "item": "punto",
        "item+": "puntos", "person": "persona", "person+": "personas",
        "person_of": "persona {k} del punto {item}", "item_on": "{time} ({date})",
        "question": "pregunta", "question+": "preguntas",
        "question_of": "pregunta {k} del punto {item}",
        "meta.title": "título", "meta.subtitle": "subtítulo", "meta.series": "serie",
        "meta.meeting": "reunión", "meta.symbol": "signatura",
        "meta.original-language": "idioma original", "meta.dates": "fechas",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (English when missing), formatted with ``values``."""
    table = LABELS.get(base_language(lang), LABELS["en"])
    text = table.get(key, LABELS["en"][key])
    return text.format(**values) if values else text


def colon(lang: str, text: str) -> str:
    """``text`` followed by a colon and a space (French puts a no-break space before it)."""
    return text + ("\u00a0: " if base_language(lang) == "fr" else ": ")


def semicolon(lang: str) -> str:
    """The separator between list items that contain commas ("; ", French " ; ")."""
    return "\u00a0; " if base_language(lang) == "fr" else "; "


def join_words(items: list[str], lang: str) -> str:
    """"a, b and c" in ``lang``."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {label(lang, 'and')} " + items[-1]


def item_name(ref: str, lang: str) -> str:
    """An item reference "2008-07-07 10:00–10:15" as "10:00–10:15 (7 July 2008)"."""
    date, _, time = ref.partition(" ")
    return label(lang, "item_on", time=time, date=format_date(date, lang))


def unit_name(kind: str, ref: str, context: str, lang: str) -> str:
    """A unit named for a reader: "note 2", "point 10:00–10:15 (8 juillet 2008)"."""
    if kind == "meta":
        return label(lang, f"meta.{ref}")
    if kind in ("person", "question"):
        return label(lang, f"{kind}_of", k=ref, item=item_name(context.removeprefix("item "), lang))
    if kind == "item":
        return f"{label(lang, 'item')} {item_name(ref, lang)}"
    if kind in ("day", "end"):
        return f"{label(lang, kind)} {format_date(ref, lang)}"
    return f"{label(lang, kind)} {ref}"


def numbered_group(kind: str, refs: list[str], lang: str) -> str:
    """Several units of one kind named together: "paragraphs 3 and 7", "paragraphs 12–17"."""
    if len(refs) == 1:
        return f"{label(lang, kind)} {refs[0]}"
    return f"{label(lang, kind + '+')} {join_words(runs(refs), lang)}"


def runs(refs: list[str]) -> list[str]:
    """Consecutive numbers collapsed into ranges: 3, 12, 13, 14 -> "3", "12–14"."""
    if not all(r.isdigit() for r in refs):
        return refs
    out: list[str] = []
    nums = [int(r) for r in refs]
    start = prev = nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        if prev - start >= 2:
            out.append(f"{start}–{prev}")
        else:
            out += [str(k) for k in range(start, prev + 1)]
        if n is not None:
            start = prev = n
    return out


#: Language names in the interface language (others fall back to the name in that language).
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "fr": "French", "es": "Spanish"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol"},
    "es": {"en": "inglés", "fr": "francés", "es": "español"},
}


def language_in(lang: str, ui: str) -> str:
    """The name of ``lang`` in the interface language ``ui``."""
    names = LANGUAGE_NAMES.get(base_language(ui), LANGUAGE_NAMES["en"])
    return names.get(base_language(lang)) or writer_labels.language_name(lang)


def flag_text(flag, lang_a: str, lang_b: str, ui: str) -> tuple[str, str]:
    """A QA flag as (what, details) in the interface language."""
    la, lb = language_in(lang_a, ui), language_in(lang_b, ui)
    kind = flag.kind
    if kind == "missing":
        side = la if flag.side == "a" else lb
        return label(ui, "flag.missing", side=side), ""
    if kind == "number-mismatch":
        parts = [label(ui, "only", language=name, values=flag.arg(key))
                 for name, key in ((la, "a_only"), (lb, "b_only")) if flag.arg(key)]
        return label(ui, "flag.number-mismatch"), semicolon(ui).join(parts)
    if kind == "footnote-count":
        return label(ui, "flag.footnote-count"), label(ui, "count", la=la, lb=lb,
                                                       a=flag.arg("a"), b=flag.arg("b"))
    if kind == "length":
        return label(ui, "flag.length"), label(ui, "length", la=la, lb=lb, a=flag.arg("a"),
                                               b=flag.arg("b"), e=flag.arg("expected"))
    if kind == "untranslated":
        return label(ui, "flag.untranslated"), ""
    if kind == "accents":
        side = la if flag.side == "a" else lb
        return label(ui, "flag.accents"), label(ui, "accents", side=side, words=flag.arg("words"))
    if kind == "order":
        return label(ui, "flag.order"), label(ui, "order." + flag.arg("what"), lb=lb, b=flag.arg("b"))
    return label(ui, "flag.name-mismatch"), f"{flag.arg('a')} ≠ {flag.arg('b')}"


def check_summary(counts: dict[str, int], lang_a: str, lang_b: str, ui: str) -> list[str]:
    """The summary of a side-by-side comparison: units, footnotes, flags by kind."""
    c = counts
    la, lb = language_in(lang_a, ui), language_in(lang_b, ui)
    kinds = [colon(ui, label(ui, "kind." + k)) + str(c[k])
             for k in ("missing", "number-mismatch", "footnote-count", "name-mismatch", "length",
                       "untranslated", "order", "accents") if c.get(k)]
    flags = (label(ui, "n_flags", n=c["flags"]) + f" ({semicolon(ui).join(kinds)})"
             if c["flags"] else label(ui, "no_flag"))
    return [label(ui, "units", a=c["units_a"], b=c["units_b"], la=la, lb=lb, m=c["matched"]),
            label(ui, "footnote_total", a=c["footnotes_a"], b=c["footnotes_b"], la=la, lb=lb),
            flags]
