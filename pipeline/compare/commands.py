"""The click commands ``align`` and ``diff`` (registered on the main group by cli.py)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..documents import doc_name, load_valid
from ..errors import Diagnostic, PipelineError
from ..fsutil import atomic_write

FORMATS = (".html", ".docx")


def _check_output(output: Path) -> str:
    """The output format from the file name; a clear error for anything else."""
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise PipelineError(Diagnostic(str(output), None,
                                       "the output must end in .html or .docx"))
    return suffix


@click.command("align")
@click.argument("a", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("b", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="OUT.html (page) or OUT.docx (bilingual table).")
@click.option("--ui-lang", help="Language of the report's labels (default: A's language).")
@click.option("--force", is_flag=True, help="Compare documents of different ids anyway.")
def align_cmd(a: Path, b: Path, output: Path, ui_lang: str | None, force: bool) -> None:
    """Show two language versions A and B side by side, with QA flags. Refuses versions
    of different documents (unless --force), of different types, or in one language."""
    click.echo(write_align(a, b, output, ui_lang, force))


def write_align(a: Path, b: Path, output: Path, ui_lang: str | None = None,
                force: bool = False) -> str:
    """Write the side-by-side page or table of A and B; return a one-line summary."""
    from .flags import check
    from .pairs import check_versions

    suffix = _check_output(output)
    trees = load_valid(a), load_valid(b)
    check_versions(list(zip((a, b), trees)), force)
    result = check(*trees)
    ui = ui_lang or result.lang_a
    if suffix == ".html":
        from .html import align_page

        atomic_write(output, align_page(result, ui, _pages(output, a, b)).encode("utf-8"))
    else:
        from .docx import bilingual

        atomic_write(output, bilingual(result, ui))
    c = result.counts
    return f"{output}: {c['rows']} rows, {c['matched']} aligned, {c['flags']} flag(s)"


def _pages(output: Path, *docs: Path) -> tuple[str | None, ...]:
    """The documents' HTML pages relative to output, in the batch's layout (build/compare/
    beside build/html/); none elsewhere."""
    import os

    html = output.parent.parent / "html"
    if output.parent.name != "compare" or not html.is_dir():
        return tuple(None for _ in docs)
    return tuple(os.path.relpath(html / f"{doc_name(d)}.html", output.parent) for d in docs)


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="OUT.html (page) or OUT.docx (redline with tracked changes).")
@click.option("--ui-lang", help="Language of the report's labels (default: the document's).")
@click.option("--force", is_flag=True, help="Compare documents of different ids anyway.")
@click.option("--author", help="Author of the tracked changes (default: $PIPELINE_AUTHOR, "
              "else 'pipeline diff').")
@click.option("--date", "when", help="Date of the changes, ISO 8601 (default: $SOURCE_DATE_EPOCH, "
              "else the time NEW was last modified).")
def diff_cmd(old: Path, new: Path, output: Path, ui_lang: str | None, force: bool,
             author: str | None, when: str | None) -> None:
    """Show what changed from revision OLD to revision NEW of one document. Refuses
    documents of different ids (unless --force), types or languages."""
    click.echo(write_diff(old, new, output, ui_lang, force, author, when))


def change_stamp(new: Path, author: str | None, when: str | None) -> tuple[str, dt.datetime]:
    """Who made the changes and when: the options, else the environment, else the file."""
    import os

    author = author or os.environ.get("PIPELINE_AUTHOR") or "pipeline diff"
    try:
        if when:
            stamp = dt.datetime.fromisoformat(when)
        elif os.environ.get("SOURCE_DATE_EPOCH"):
            stamp = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
        else:
            stamp = dt.datetime.fromtimestamp(int(new.stat().st_mtime), dt.timezone.utc)
    except ValueError:
        raise PipelineError(Diagnostic(str(new), None, f"not a date: {when or os.environ.get('SOURCE_DATE_EPOCH')} "
                                       "(give --date 2026-12-01T10:00 or SOURCE_DATE_EPOCH seconds)")) from None
    return author, stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def write_diff(old: Path, new: Path, output: Path, ui_lang: str | None = None,
               force: bool = False, author: str | None = None, when: str | None = None) -> str:
    """Write the redline of OLD against NEW; return a one-line summary."""
    from .diff import compare, summary
    from .pairs import check_revisions

    suffix = _check_output(output)
    trees = load_valid(old), load_valid(new)
    check_revisions((old, trees[0]), (new, trees[1]), force)
    rev = compare(*trees)
    ui = ui_lang or rev.lang
    if suffix == ".html":
        from .html import diff_page

        atomic_write(output, diff_page(rev, ui).encode("utf-8"))
    else:
        from .redline import redline

        atomic_write(output, redline(*trees, ui, *change_stamp(new, author, when)))
    lines = summary(rev, ui)
    return f"{output}: " + (" ".join(lines) if lines else "no change")
