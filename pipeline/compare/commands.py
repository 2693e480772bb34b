"""The click commands ``align`` and ``diff`` (registered on the main group by cli.py)."""
from __future__ import annotations

from pathlib import Path

import click

from ..documents import load_valid
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
def align_cmd(a: Path, b: Path, output: Path, ui_lang: str | None) -> None:
    """Show two language versions A and B side by side, with QA flags."""
    click.echo(write_align(a, b, output, ui_lang))


def write_align(a: Path, b: Path, output: Path, ui_lang: str | None = None) -> str:
    """Write the side-by-side page or table of A and B; return a one-line summary."""
    from .flags import check

    suffix = _check_output(output)
    result = check(load_valid(a), load_valid(b))
    ui = ui_lang or result.lang_a
    if suffix == ".html":
        from .html import align_page

        atomic_write(output, align_page(result, ui).encode("utf-8"))
    else:
        from .docx import bilingual

        atomic_write(output, bilingual(result, ui))
    c = result.counts
    return f"{output}: {c['rows']} rows, {c['matched']} aligned, {c['flags']} flag(s)"


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="OUT.html (page) or OUT.docx (redline with tracked changes).")
@click.option("--ui-lang", help="Language of the report's labels (default: the document's).")
def diff_cmd(old: Path, new: Path, output: Path, ui_lang: str | None) -> None:
    """Show what changed from revision OLD to revision NEW of one document."""
    click.echo(write_diff(old, new, output, ui_lang))


def write_diff(old: Path, new: Path, output: Path, ui_lang: str | None = None) -> str:
    """Write the redline of OLD against NEW; return a one-line summary."""
    from .diff import compare, summary

    suffix = _check_output(output)
    rev = compare(load_valid(old), load_valid(new))
    ui = ui_lang or rev.lang
    if suffix == ".html":
        from .html import diff_page

        atomic_write(output, diff_page(rev, ui).encode("utf-8"))
    else:
        from .redline import redline

        atomic_write(output, redline(rev, ui))
    lines = summary(rev, ui)
    return f"{output}: " + (" ".join(lines) if lines else "no change")
