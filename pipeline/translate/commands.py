"""The click commands ``xliff export``, ``xliff import`` and ``tmx`` (registered by cli.py)."""
from __future__ import annotations

from pathlib import Path

import click

from ..documents import doc_name, load_valid
from ..fsutil import atomic_write
from ..xmlio import serialize


@click.group("xliff")
def xliff_cmd() -> None:
    """XLIFF 1.2 for translators' tools (OmegaT, Trados, memoQ): export, then import."""


@xliff_cmd.command("export")
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--target-lang", required=True, help="The language to translate into (es, fr, ...).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the XLIFF (DOC.es.xlf).")
@click.option("--copy-source", is_flag=True,
              help="Start each target as a copy of its source (OmegaT 3 translates targets).")
@click.option("--translation", type=click.Path(dir_okay=False, path_type=Path),
              help="A language version of the same structure whose text fills the targets.")
def export_cmd(document: Path, target_lang: str, output: Path, copy_source: bool,
               translation: Path | None) -> None:
    """Write one translation unit per paragraph, title, heading, question, role, footnote
    and label of the validated XML DOCUMENT; the document itself travels inside."""
    from .xliff import export

    done = load_valid(translation) if translation else None
    data = export(load_valid(document), target_lang, document.name, copy_source, done)
    atomic_write(output, data)
    click.echo(f"{output}: {data.count(b'<trans-unit ')} units, {document.name} into {target_lang}")


@xliff_cmd.command("import")
@click.argument("xliff", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the translated XML (DOC.es.xml).")
@click.option("--partial", is_flag=True, help="Keep the source text of units not translated.")
@click.option("--force", is_flag=True, help="Overwrite a hand-edited master.")
def import_cmd(xliff: Path, output: Path, partial: bool, force: bool) -> None:
    """Write the language version in XLIFF's targets, with the source's structure; refuse
    (naming them) units missing, unknown, untranslated or with inline codes lost."""
    from ..cli import refuse_master
    from .xliff import merge

    refuse_master(output, force)
    tree = merge(xliff.read_bytes(), str(xliff), partial)
    atomic_write(output, serialize(tree, output))
    click.echo(f"{output}: valid, {doc_name(output)} from {xliff.name}")


@click.command("tmx")
@click.argument("documents", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the memory (M.tmx).")
@click.option("--force", is_flag=True, help="Accept documents of different ids.")
def tmx_cmd(documents: tuple[Path, ...], output: Path, force: bool) -> None:
    """Write a TMX 1.4b memory of two or more language versions of one document, aligned
    sentence by sentence (the first is the source language)."""
    from ..compare.pairs import check_versions
    from .tmx import memory, write

    if len(documents) < 2:
        raise click.UsageError("give two language versions or more")
    trees = [load_valid(d) for d in documents]
    check_versions(list(zip(documents, trees)), force)
    pivot, tus = memory(trees, trees[0].getroot().get("id"))
    atomic_write(output, write(pivot, tus))
    click.echo(f"{output}: {len(tus)} translation units, {pivot} into "
               f"{', '.join(t.getroot().get('{http://www.w3.org/XML/1998/namespace}lang') for t in trees[1:])}")
