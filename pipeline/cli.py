"""The command-line interface: ``pipeline parse|validate|fmt|renumber|promote|render|build``."""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from . import writers
from .documents import alternate_links, doc_name, is_master, load_valid, read_source
from .check import check_fidelity
from .errors import Diagnostic, PipelineError
from .fsutil import atomic_write
from .mastercheck import master_warnings
from .validate import validate
from .xmlio import load, reformat, serialize


def report(diags: list[Diagnostic]) -> None:
    """Print diagnostics to stderr, one per line."""
    for d in diags:
        click.echo(str(d), err=True)


def refuse_master(dest: Path, force: bool) -> None:
    """Stop before writing over a hand-edited master unless --force."""
    if is_master(dest) and os.path.lexists(dest) and not force:
        raise PipelineError(Diagnostic(str(dest), None,
                                       "is a hand-edited master: not overwritten (use --force)"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pipeline", prog_name="pipeline")
def cli() -> None:
    """Official documents: raw text to validated XML, then DOCX, ODT, EPUB and HTML.

    Exit status: 0 done (warnings may have been printed), 1 a problem with an input
    (printed as file:line: error: ...), 2 a usage error, 3 an internal error (a bug:
    please report it)."""


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the XML.")
@click.option("--type", "doc_type", type=click.Choice(["agenda", "paper"]), help="Skip detection.")
@click.option("--lang", help="Language code (en, fr, es, ...); detected when not given.")
@click.option("--force", is_flag=True, help="Overwrite a hand-edited master.")
@click.option("--no-check", is_flag=True, help="Skip the check that no word of the text is lost.")
def parse(source: Path, output: Path, doc_type: str | None, lang: str | None, force: bool,
          no_check: bool) -> None:
    """Read SOURCE (raw text, a PDF, or an XML master) into validated XML at OUTPUT."""
    refuse_master(output, force)
    tree, warnings = read_source(source, doc_type, lang, check=not no_check)
    report(warnings)
    atomic_write(output, serialize(tree, output))


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate_cmd(files: tuple[Path, ...]) -> None:
    """Check FILES against schemas/ (RELAX NG, then Schematron)."""
    failed = False
    for f in files:
        try:
            tree = load(f)
            errors = validate(tree, str(f))
        except PipelineError as exc:
            tree, errors = None, exc.diagnostics
        warnings = [] if errors else master_warnings(tree, str(f))
        report(errors or warnings)
        if not errors:
            click.echo(f"{f}: valid" + (f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})"
                                        if warnings else ""))
        failed = failed or bool(errors)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Only report files that are not in canonical layout.")
@click.option("--force", is_flag=True, help="Also rewrite hand-edited masters in sources/.")
def fmt(files: tuple[Path, ...], check: bool, force: bool) -> None:
    """Rewrite FILES in the canonical layout (one element per line, stable attributes)."""
    changed = []
    for f in files:
        data = f.read_bytes()
        new = reformat(data, str(f), f)
        if new == data:
            continue
        changed.append(f)
        if check:
            click.echo(f"{f}: not in canonical layout (run: pipeline fmt {f})", err=True)
        else:
            refuse_master(f, force)
            atomic_write(f, new)
    if check and changed:
        sys.exit(1)
    if check:
        click.echo(f"{len(files)} file{'s' if len(files) != 1 else ''} in canonical layout")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the renumbered XML here instead of in place.")
@click.option("--check", is_flag=True, help="Only say whether FILE needs renumbering.")
@click.option("--force", is_flag=True, help="Rewrite a hand-edited master in sources/.")
def renumber(file: Path, output: Path | None, check: bool, force: bool) -> None:
    """Renumber paragraphs, footnotes (in order of first reference: n, id, references) and
    sessions of an XML FILE after an edit; nothing else of the file changes."""
    from .renumber import renumber_bytes

    new, changes = renumber_bytes(file.read_bytes(), str(file))
    dest = output or file
    if check:
        click.echo(f"{file}: {changes.describe() if changes else 'numbered in order'}",
                   err=bool(changes))
        sys.exit(1 if changes else 0)
    if output is not None or changes:
        refuse_master(dest, force)
        atomic_write(dest, new)
    click.echo(f"{dest}: {changes.describe() if changes else 'already numbered in order'}")
    errors = validate(load(dest), str(dest))
    report(errors)
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("name")
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"))
@click.option("--sources", type=click.Path(file_okay=False, path_type=Path), default=Path("sources"))
@click.option("--force", is_flag=True, help="Overwrite an existing master.")
def promote(name: str, build_dir: Path, sources: Path, force: bool) -> None:
    """Copy build/xml/NAME.xml to sources/NAME.xml, a master to edit by hand."""
    name = Path(name).name.removesuffix(".xml").removesuffix(".txt")
    src, dest = build_dir / "xml" / f"{name}.xml", sources / f"{name}.xml"
    if not src.exists():
        raise PipelineError(Diagnostic(str(src), None, "no parsed XML to promote (run make all first)"))
    refuse_master(dest, force)
    tree = load_valid(src)
    atomic_write(dest, serialize(tree, dest))
    click.echo(f"{dest}: master created; edit it by hand, make all now builds from it")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt_name", type=click.Choice(sorted(writers.REGISTRY)), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def render(file: Path, fmt_name: str, output: Path) -> None:
    """Write one validated XML FILE in one format."""
    tree = load_valid(file)
    writers.get(fmt_name)(tree, output, options_for(file, fmt_name, output))


def options_for(xml_path: Path, fmt_name: str, output: Path) -> writers.Options:
    """Writer options: the other language versions, by file name beside the output."""
    me = doc_name(xml_path)
    siblings = xml_path.parent.glob(f"{me.split('.')[0]}.*.xml")
    return writers.Options(alternates=alternate_links(me, siblings, writers.REGISTRY[fmt_name].ext))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"))
@click.option("--to", "formats", default=",".join(writers.REGISTRY), show_default=True,
              help="Comma-separated formats.")
def build(files: tuple[Path, ...], out_dir: Path, formats: str) -> None:
    """Write every format of each validated XML file into OUT/<format>/<name>.<ext>."""
    failed = False
    for f in files:
        try:
            tree = load_valid(f)
            for name in formats.split(","):
                info = writers.REGISTRY[name]
                dest = out_dir / info.name / f"{doc_name(f)}.{info.ext}"
                writers.get(name)(tree, dest, options_for(f, name, dest))
        except PipelineError as exc:
            report(exc.diagnostics)
            failed = True
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("xml", type=click.Path(dir_okay=False, path_type=Path), required=False)
def check(source: Path, xml: Path | None) -> None:
    """Check that every word of raw-text SOURCE is in its XML once and in order
    (the XML is parsed afresh when not given)."""
    data = source.read_bytes()
    if xml is None:
        tree, _ = read_source(source, check=False)
    else:
        tree = load_valid(xml)
    if source.suffix.lower() == ".docx":  # the words of the Word file's text
        from .readers.docx import check_docx

        lost = check_docx(data, str(source), tree.getroot())
    else:
        lost = check_fidelity(data, str(source), tree.getroot())
    report(lost)
    if lost:
        sys.exit(1)
    click.echo(f"{source}: every word is in the XML, once and in order")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--extra", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="A comparison or redline page to link under its document (repeatable).")
def index(files: tuple[Path, ...], output: Path, extra: tuple[Path, ...]) -> None:
    """Write the landing page that links every document in every format."""
    from .index import extra_link, href, write_index

    links: dict[str, list[tuple[str, str]]] = {}
    for path in extra:
        docid, label = extra_link(path)
        links.setdefault(docid, []).append((label, href(path, output.parent)))
    write_index(list(files), output, list(writers.REGISTRY), extra_links=links)


from .compare.commands import align_cmd, diff_cmd  # noqa: E402 - registered after the core commands

cli.add_command(align_cmd, "align")
cli.add_command(diff_cmd, "diff")

from .translate.commands import tmx_cmd, xliff_cmd  # noqa: E402

cli.add_command(xliff_cmd, "xliff")
cli.add_command(tmx_cmd, "tmx")


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sources-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Build every source of this folder (and the drafts of its drafts/ folder).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"))
@click.option("--draft", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="An earlier draft <docid>.<lang>.<rev>.txt (or .xml) to redline against the current text.")
@click.option("--to", "formats", default=",".join(writers.REGISTRY), show_default=True)
@click.option("--jobs", "-j", type=int, default=1, show_default=True,
              help="Jobs run at once (with --scheduler: the LibreOffice runs that print the PDFs "
                   "here at once, once the documents are built).")
@click.option("--scheduler", metavar="dask://HOST:PORT",
              help="Run the jobs on the workers of this Dask scheduler instead (sources and OUT "
                   "on a file system they share, at the same path; see the README).")
@click.option("--stamp", type=click.Path(dir_okay=False, path_type=Path),
              help="On success, give this file the time the run started (what make compares).")
@click.option("--no-check", is_flag=True, help="Skip the check that no word of a text is lost.")
@click.option("-v", "--verbose", is_flag=True, help="Also print every file written.")
def batch(sources: tuple[Path, ...], sources_dir: Path | None, out_dir: Path,
          draft: tuple[Path, ...], formats: str, jobs: int, scheduler: str | None,
          stamp: Path | None, no_check: bool, verbose: bool) -> None:
    """Build everything out of date in one process (what make all runs): the XML and
    formats of SOURCES (or of every source in --sources-dir), the comparisons, the redlines
    of each draft, and the index. Prints a line per document built or failed as it
    finishes (a progress bar too when stderr is a terminal), every warning and error, and a
    summary; build/report.html and report.json say what each document did.
    A source with an unsafe name or that is a symbolic link is refused, naming it; the
    others are built."""
    from .batch import Plan, run
    from .sources import Found, check_source, discover

    found = discover(sources_dir) if sources_dir else Found()
    for path, is_draft in [(s, False) for s in sources] + [(d, True) for d in draft]:
        problem = check_source(path, is_draft)
        if problem:
            found.problems.append(problem)
        else:
            (found.drafts if is_draft else found.sources).append(path)
    if not found.sources and not found.problems:
        raise click.UsageError("no sources: give SOURCES or --sources-dir")
    if scheduler:
        from .cluster import address

        address(scheduler)  # a malformed address is said before anything is done
    report(found.problems)
    plan = Plan(out_dir, tuple(found.sources), tuple(found.drafts), tuple(formats.split(",")),
                not no_check, ignored=tuple(map(str, found.problems)))
    refused = any(d.severity == "error" for d in found.problems)
    ok = run(plan, jobs, click.echo, stamp=None if refused else stamp, verbose=verbose,
             scheduler=scheduler)
    if not ok or refused:
        sys.exit(1)


@cli.command()
@click.option("--port", type=int, default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port, printed).")
@click.option("--sources-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("sources"))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"))
def serve(port: int, sources_dir: Path, out_dir: Path) -> None:
    """Live preview: build, serve OUT on http://127.0.0.1:PORT/, rebuild when a source or
    master is saved and reload the open pages; a failed document shows its errors (with
    the source lines around each) at the top of its page."""
    from .batch import Plan, run
    from .serve import Preview, serve as serve_forever
    from .sources import discover

    def build() -> bool:
        found = discover(sources_dir)
        report(found.problems)
        return run(Plan(out_dir, tuple(found.sources), tuple(found.drafts),
                        ignored=tuple(map(str, found.problems))), 1, click.echo)

    serve_forever(Preview(sources_dir, out_dir, build), port, click.echo)


def main() -> None:
    """Entry point: run the CLI; user errors exit 1 with file:line messages, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except PipelineError as exc:
        report(exc.diagnostics)
        sys.exit(1)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except OSError as exc:
        where = exc.filename if exc.filename and ".tmp" not in str(exc.filename) else "pipeline"
        click.echo(f"{where}: error: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - last resort: a message, not a traceback
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
        click.echo(f"pipeline: error: internal error ({type(exc).__name__}: {exc}); "
                   "set PIPELINE_DEBUG=1 for details and report it", err=True)
        sys.exit(3)
