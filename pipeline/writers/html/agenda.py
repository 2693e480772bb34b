"""Agenda XML -> HTML: a timed programme, day by day, with a time column beside each item;
or a provisional agenda's entries, a programme of work's meetings as a table (work.py);
then the agenda's annexes (R16), each a top section: its headings, then its programme of
work or its prose, as a paper's annex is laid out."""
from __future__ import annotations

from typing import Callable

from lxml import etree

from .. import labels, work
from .content import MAX_HEADING, block, blocks, heading, inline
from .tree import Context, add, copy_translate, el, sub, text_of
from .work import documents, work_table


def programme(ctx: Context, agenda: etree._Element) -> list[etree._Element]:
    """The programme: its printed heading, then one section per day, or its entries."""
    out: list[etree._Element] = []
    heading = agenda.find("heading")
    if heading is not None:
        out.append(copy_translate(heading, el("p", {"class": "agenda-heading"}, text_of(heading))))
    out += [day(ctx, d, i) for i, d in enumerate(agenda.findall("day"), start=1)]
    seen: dict[str, int] = {}

    def entry_id(src: etree._Element) -> str:
        """entry-N, entry-N-2 for the second meeting of item N (a programme of work lists
        an item at each meeting)."""
        n = src.get("n", "")
        seen[n] = seen.get(n, 0) + 1
        return f"entry-{n}" + (f"-{seen[n]}" if seen[n] > 1 else "")

    out += entries(ctx, agenda.findall("entry"), 2, entry_id)
    out += [annex(ctx, a, f"annex-{k}", entry_id)
            for k, a in enumerate(agenda.findall("annex"), start=1)]
    return out


def annex(ctx: Context, src: etree._Element, annex_id: str,
          entry_id: Callable[[etree._Element], str]) -> etree._Element:
    """An annex of the agenda (R16): its heading (h2), its title (h3), then the rows of its
    programme of work (a note above them first), or its prose."""
    out = el("section", {"class": "annex level-2", "id": annex_id})
    out.append(heading(ctx, src.find("heading"), 2, f"{annex_id}-heading"))
    for k, title in enumerate(src.findall("heading")[1:], start=2):
        out.append(heading(ctx, title, min(3, MAX_HEADING), f"{annex_id}-title-{k}"))
    if src.find("entry") is not None:
        add(out, *(block(ctx, p) for p in src.iterfind("p")))
        add(out, *entries(ctx, src.findall("entry"), 3, entry_id))
    else:
        add(out, *blocks(ctx, src, 3, annex_id))
    return out


def entries(ctx: Context, found: list[etree._Element], level: int,
            entry_id: Callable[[etree._Element], str]) -> list[etree._Element]:
    """Sibling entries in order: each run that says when it meets as a table (work.py),
    the others as sections with a heading at ``level``."""
    out = []
    for part in work.segments(found):
        if isinstance(part, list):
            out.append(work_table(ctx, part, entry_id))
        else:
            out.append(entry(ctx, part, level, entry_id(part)))
    return out


def entry(ctx: Context, src: etree._Element, level: int, entry_id: str) -> etree._Element:
    """A numbered item of a provisional agenda (R13): "1." and its title as a heading, its
    annotations, its documents (title, then the symbol), its sub-items."""
    out = el("section", {"class": "entry", "id": entry_id})
    n = src.get("n", "")
    h = el(f"h{min(level, 6)}", {"class": "entry-title"},
           el("span", {"class": "entry-num"}, f"{n}." if n[:1].isdigit() else f"({n})"), " ")
    out.append(copy_translate(src.find("title"), inline(ctx, src.find("title"), h)))
    for child in src:
        if child.tag == "p":
            out.append(copy_translate(child, inline(ctx, child, el("p", {"class": "annotation"}))))
        elif child.tag == "documents":
            add(out, *documents(ctx, child))
        elif child.tag == "entry" and child.getprevious().tag != "entry":  # the first of them
            add(out, *entries(ctx, src.findall("entry"), level + 1,
                              lambda sub_entry: f"{entry_id}-{sub_entry.get('n')}"))
    return out


def day_title(ctx: Context, src: etree._Element) -> str:
    """The day's heading as printed, or its date printed in the document's language."""
    printed = text_of(src.find("heading"))
    return printed or labels.format_date(src.get("date", ""), ctx.lang)


def day(ctx: Context, src: etree._Element, number: int) -> etree._Element:
    """One day: heading (h2), its items in order, and the end-of-day line."""
    day_id = f"day-{number}"
    out = el("section", {"class": "day", "id": day_id})
    h2 = sub(out, "h2", {"class": "day-heading"})
    parts = labels.day_heading_parts(day_title(ctx, src), src.get("date", ""))
    if parts is None:
        add(h2, day_title(ctx, src))
    else:  # the date and the day's name apart, as printed (and as the DOCX and ODT set them)
        add(h2, *(piece if is_date is None else day_part(piece, is_date, src.get("date", ""))
                  for piece, is_date in parts))
    if src.find("heading") is not None:
        copy_translate(src.find("heading"), h2)
    items = sub(out, "div", {"class": "programme"})
    for i, item_src in enumerate(src.findall("item"), start=1):
        items.append(item(ctx, item_src, src.get("date", ""), f"{day_id}-item-{i}"))
    if src.find("end") is not None:
        out.append(copy_translate(src.find("end"),
                                  el("p", {"class": "day-end"}, text_of(src.find("end")))))
    return out


def day_part(text: str, is_date: bool, iso: str) -> etree._Element:
    """The date of a day heading (a machine-readable time) or the day's name."""
    if is_date:
        return el("time", {"class": "day-date", "datetime": iso}, text)
    return el("span", {"class": "day-name"}, text)


def item(ctx: Context, src: etree._Element, date: str, item_id: str) -> etree._Element:
    """One programme item: the time column, then title, description, people, questions."""
    out = el("div", {"class": f"item kind-{src.get('kind', 'other')}", "id": item_id})
    out.append(times(date, src.get("start", ""), src.get("end")))
    what = sub(out, "div", {"class": "what"})
    what.append(item_title(ctx, src))
    for child in src:
        part = item_part(ctx, child)
        if part is not None:
            what.append(part)
    return out


def times(date: str, start: str, end: str | None) -> etree._Element:
    """The time column: start and end as machine-readable <time> elements."""
    out = el("p", {"class": "when"},
             el("time", {"datetime": f"{date}T{start}" if date else start}, start))
    if end:
        add(out, el("span", {"class": "dash"}, "–"),
            el("time", {"datetime": f"{date}T{end}" if date else end}, end))
    return out


def item_title(ctx: Context, src: etree._Element) -> etree._Element:
    """The item's heading (h3); a numbered session reads "Session I: title"."""
    h3 = el("h3", {"class": "item-title"})
    if src.get("n"):
        word = src.get("label") or ctx.label("session")
        add(h3, el("span", {"class": "item-label"}, ctx.colon(f"{word} {src.get('n')}")), " ")
    return copy_translate(src.find("title"), inline(ctx, src.find("title"), h3))


def item_part(ctx: Context, src: etree._Element) -> etree._Element | None:
    """A description paragraph, moderator, speakers, questions or discussion line."""
    if src.tag == "p":
        return copy_translate(src, inline(ctx, src, el("p", {"class": "description"})))
    if src.tag == "rapporteur":
        label = el("span", {"class": "people-label"}, ctx.colon(src.get("label") or "Rapporteur"))
        return add(el("p", {"class": "rapporteur"}, label, " "), *person(ctx, src.find("person")))
    if src.tag == "moderator":
        word = src.get("label") or ctx.label("moderator")
        label = el("span", {"class": "people-label"}, ctx.colon(word))
        return add(el("p", {"class": "moderator"}, label, " "), *person(ctx, src.find("person")))
    if src.tag == "speakers":
        return speakers(ctx, src)
    if src.tag == "questions":
        return questions(ctx, src)
    if src.tag == "discussion":
        return copy_translate(src, el("p", {"class": "discussion"}, text_of(src)))
    return None


def person(ctx: Context, src: etree._Element | None) -> list[etree._Element | str]:
    """A person's name (bold) and role, separated by a comma."""
    if src is None:
        return []
    name_src = src.find("name")
    name = copy_translate(name_src, el("span", {"class": "name"}, text_of(name_src)))
    out: list[etree._Element | str] = []
    if src.find("honorific") is not None:
        hon = src.find("honorific")
        out += [copy_translate(hon, el("span", {"class": "honorific"}, text_of(hon))), " "]
    out.append(name)
    role = src.find("role")
    if role is not None:
        out += [", ", copy_translate(role, inline(ctx, role, el("span", {"class": "role"})))]
    talk = src.find("talk")
    if talk is not None:
        out += [" \u2013 ", copy_translate(talk, inline(ctx, talk, el("span", {"class": "talk"})))]
    return out


def speakers(ctx: Context, src: etree._Element) -> etree._Element:
    """The speakers: the printed label when there is one, then one person per line."""
    out = el("div", {"class": "speakers"})
    listing = el("ul", {"class": "people"})
    if src.get("label"):
        sub(out, "p", {"class": "people-label"}, ctx.colon(src.get("label", "")))
    else:  # not printed: named for screen readers only
        sub(out, "p", {"class": "visually-hidden"}, ctx.colon(ctx.label("speakers")))
    for p in src.findall("person"):
        add(sub(listing, "li"), *person(ctx, p))
    out.append(listing)
    return out


def questions(ctx: Context, src: etree._Element) -> etree._Element:
    """The guiding questions: the lead-in sentence, then the questions as a list."""
    out = el("div", {"class": "questions"})
    if src.find("lead") is not None:
        out.append(copy_translate(src.find("lead"), inline(ctx, src.find("lead"),
                                                           el("p", {"class": "lead"}))))
    listing = sub(out, "ul")
    for q in src.findall("question"):
        listing.append(copy_translate(q, inline(ctx, q, el("li"))))
    return out
