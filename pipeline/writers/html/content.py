"""Document XML -> HTML elements shared by the HTML and EPUB writers: title block, paper, notes."""
from __future__ import annotations

from lxml import etree

from .. import notes as note_order
from .tree import Child, Context, add, add_text, copy_translate, el, sub, text_of

#: Inline elements of the vocabulary and the HTML element each becomes.
INLINE_TAGS = {"emph": "em", "strong": "strong"}
#: List styles: HTML list element, CSS class, type attribute when items carry no number.
LIST_STYLES = {"bullet": ("ul", None), "alpha": ("ol", "a"), "roman": ("ol", "i"),
               "number": ("ol", "1")}
#: The deepest HTML heading; deeper sections keep h6.
MAX_HEADING = 6


def inline(ctx: Context, src: etree._Element, dest: etree._Element) -> etree._Element:
    """Copy the text and inline children of ``src`` (text, noteref, emph, strong) into dest."""
    add_text(dest, src.text)
    for child in src:
        if isinstance(child.tag, str):
            dest.append(inline_element(ctx, child))
        add_text(dest, child.tail)
    return dest


def inline_element(ctx: Context, src: etree._Element) -> etree._Element:
    """One inline element: a footnote reference, or emphasis."""
    if src.tag == "noteref":
        return noteref(ctx, src.get("to", ""), src)
    return inline(ctx, src, el(INLINE_TAGS.get(src.tag, "span")))


def noteref(ctx: Context, note_id: str, src: etree._Element) -> etree._Element:
    """A superscript link to a footnote, with its own id for the back link."""
    number = note_number(ctx, src, note_id)
    link = el("a", {"href": f"#{note_id}", "id": ctx.new_noteref(note_id),
                    "class": "noteref", "role": "doc-noteref",
                    "aria-label": f"{ctx.label('footnote')} {number}"}, number)
    ctx.epub_type(link, "noteref")
    return el("sup", None, link)


def note_number(ctx: Context, src: etree._Element, note_id: str) -> str:
    """The printed number of the footnote that ``note_id`` names (order of first reference)."""
    if ctx.note_numbers is None:
        ctx.note_numbers = note_order.numbers(src.getroottree().getroot())
    return ctx.note_numbers.get(note_id, note_id.removeprefix("fn"))


def title_block(ctx: Context, meta: etree._Element) -> etree._Element:
    """The title block: status (R18), organisation, symbol line, date of issue and
    distribution, series, meeting, session, agenda item, title (h1), subtitle, dates."""
    header = el("header", {"class": "title-block"})
    if meta.find("status") is not None:
        header.append(copy_translate(meta.find("status"), el(
            "p", {"class": "status"}, text_of(meta.find("status")))))
    if meta.find("organisation") is not None:
        header.append(copy_translate(meta.find("organisation"), el(
            "p", {"class": "organisation"}, text_of(meta.find("organisation")))))
    symbol, original = meta.find("symbol"), meta.find("original-language")
    if symbol is not None or original is not None:
        line = sub(header, "p", {"class": "doc-symbol"})
        if symbol is not None:
            sub(line, "span", {"class": "visually-hidden"}, ctx.colon(ctx.label("symbol")) + " ")
            add(line, copy_translate(symbol, el("span", {"class": "symbol", "translate": "no"},
                                                 text_of(symbol))))
            if symbol.get("note"):  # the mark of a star note printed on the symbol (R17)
                add(line, noteref(ctx, symbol.get("note"), symbol))
        if original is not None:
            add(line, " " if symbol is not None else None,
                copy_translate(original, el("span", {"class": "original"}, text_of(original))))
    for name in ("issued", "distribution", "series", "meeting", "session"):
        if meta.find(name) is not None:
            header.append(copy_translate(meta.find(name), el("p", {"class": name},
                                                              text_of(meta.find(name)))))
    if meta.find("agenda-item") is not None:  # (with a star note's reference, R17)
        header.append(copy_translate(meta.find("agenda-item"), inline(
            ctx, meta.find("agenda-item"), el("p", {"class": "agenda-item"}))))
    header.append(copy_translate(meta.find("title"), inline(ctx, meta.find("title"),
                                                            el("h1", {"id": "title"}))))
    if meta.find("subtitle") is not None:
        header.append(copy_translate(meta.find("subtitle"), inline(ctx, meta.find("subtitle"),
                                                                   el("p", {"class": "subtitle"}))))
    if meta.find("dates") is not None:
        header.append(copy_translate(meta.find("dates"), el("p", {"class": "dates"},
                                                            text_of(meta.find("dates")))))
    return header


def paper(ctx: Context, body: etree._Element) -> list[etree._Element]:
    """The text of a paper: its blocks and sections, as HTML elements."""
    return blocks(ctx, body, level=2, path="sec")


def blocks(ctx: Context, parent: etree._Element, level: int, path: str) -> list[etree._Element]:
    """Blocks of a body or section: paras, p, lists and nested sections."""
    out: list[etree._Element] = []
    count = 0
    for child in parent:
        if child.tag in ("section", "annex"):  # an annex is laid out as a top section
            count += 1
            out.append(section(ctx, child, level, f"{path}-{count}"))
        elif child.tag in ("para", "p", "list"):
            out.append(block(ctx, child))
        elif child.tag == "summary":
            out.append(summary(ctx, child, level))
        elif child.tag == "signature":
            out.append(copy_translate(child, inline(ctx, child, el("p", {"class": "signature"}))))
    return out


def section(ctx: Context, src: etree._Element, level: int, sec_id: str) -> etree._Element:
    """A section: its heading at ``level`` (nesting gives the level), then its content."""
    out = el("section", {"class": f"{src.tag} level-{level}"})
    out.append(heading(ctx, src.find("heading"), level, sec_id))
    for k, title in enumerate(src.findall("heading")[1:], start=2):  # an annex's own title
        out.append(heading(ctx, title, min(level + 1, MAX_HEADING), f"{sec_id}-title-{k}"))
    add(out, *blocks(ctx, src, level + 1, sec_id))
    return out


def summary(ctx: Context, src: etree._Element, level: int) -> etree._Element:
    """The summary of a report (R14): a box with its printed heading and paragraphs."""
    out = el("section", {"class": "summary", "id": "summary"})
    if src.find("heading") is not None:
        out.append(heading(ctx, src.find("heading"), level, "summary-heading"))
    else:
        out.set("aria-label", "Summary")
    for p in src.iterfind("p"):
        out.append(block(ctx, p))
    return out


def heading(ctx: Context, src: etree._Element, level: int, hid: str) -> etree._Element:
    """A section heading; a printed number (@n) goes in front of the text."""
    h = el(f"h{min(level, MAX_HEADING)}", {"id": hid})
    if src.get("n"):
        add(h, el("span", {"class": "sec-num"}, f"{src.get('n')}."), " ")
    return copy_translate(src, inline(ctx, src, h))


def block(ctx: Context, src: etree._Element) -> etree._Element:
    """One block: a numbered paragraph, a paragraph or a list."""
    if src.tag == "para":
        return para(ctx, src)
    if src.tag == "list":
        return html_list(ctx, src)
    return copy_translate(src, inline(ctx, src, el("p")))


def para(ctx: Context, src: etree._Element) -> etree._Element:
    """A numbered paragraph; its number hangs in the margin as a citable self-link."""
    n = src.get("n", "")
    anchor = f"para-{n}"
    out = el("div", {"class": "para", "id": anchor})
    sub(out, "a", {"class": "para-num", "href": f"#{anchor}",
                   "aria-label": f"{ctx.label('paragraph')} {n}"}, f"{n}.")
    add(out, *(block(ctx, child) for child in src if child.tag in ("p", "list")))
    return out


def html_list(ctx: Context, src: etree._Element) -> etree._Element:
    """A list; printed item labels (@n) are kept as visible markers."""
    tag, kind = LIST_STYLES.get(src.get("style", "bullet"), ("ul", None))
    items = src.findall("item")
    marked = tag == "ol" and all(item.get("n") for item in items)
    classes = f"list list-{src.get('style', 'bullet')}" + (" marked" if marked else "")
    out = el(tag, {"class": classes, "type": None if marked else kind})
    for item in items:
        li = copy_translate(item, sub(out, "li"))
        if marked:
            sub(li, "span", {"class": "marker"}, f"({item.get('n')})")
            add_text(li, " ")
        list_item_content(ctx, item, li)
    return out


def list_item_content(ctx: Context, item: etree._Element, li: etree._Element) -> None:
    """The content of a list item: inline text, or paragraphs and lists."""
    if any(child.tag in ("p", "list") for child in item):
        add(li, *(block(ctx, child) for child in item if child.tag in ("p", "list")))
    else:
        inline(ctx, item, li)


def footnotes(ctx: Context, notes: etree._Element | None) -> etree._Element | None:
    """The footnotes: an endnotes section (HTML) or asides (EPUB), each with back links."""
    if notes is None:
        return None
    out = el("section", {"class": "footnotes", "aria-labelledby": "footnotes"})
    sub(out, "h2", {"id": "footnotes"}, ctx.label("footnotes"))
    listed = note_order.ordered(notes.getroottree().getroot())
    if ctx.epub:
        add(out, *(footnote(ctx, note, "aside") for note in listed))
        return out
    out.set("role", "doc-endnotes")
    listing = sub(out, "ol", {"class": "notes"})
    add(listing, *(footnote(ctx, note, "li") for note in listed))
    return out


def footnote(ctx: Context, note: etree._Element, tag: str) -> etree._Element:
    """One footnote: number, text (or paragraphs) and a back link to each reference."""
    note_id = note.get("id", "")
    n = note_number(ctx, note, note_id)
    out = copy_translate(note, el(tag, {"id": note_id, "class": "footnote"}))
    if tag == "aside":
        out.set("role", "doc-footnote")
        ctx.epub_type(out, "footnote")
    elif not note_order.is_star(note):  # (a star note's mark is no list number, R17)
        out.set("value", n)
    paras = [child for child in note if child.tag == "p"]
    targets = [copy_translate(p, inline(ctx, p, el("p"))) for p in paras] if paras else \
        [inline(ctx, note, el("p"))]
    targets[0].insert(0, el("span", {"class": "fn-num"}, n if note_order.is_star(note) else f"{n}."))
    targets[0][0].tail = " " + (targets[0].text or "")
    targets[0].text = None
    add(targets[-1], *backlinks(ctx, note_id, n))
    add(out, *targets)
    return out


def backlinks(ctx: Context, note_id: str, n: str) -> list[Child]:
    """Back links from a footnote to each place that refers to it."""
    out: list[Child] = []
    for ref_id in ctx.noterefs.get(note_id, []):
        link = el("a", {"href": f"#{ref_id}", "class": "backlink", "role": "doc-backlink",
                        "aria-label": ctx.label("back_n", n=n)}, "↩")
        out += [" ", link]
    return out
