"""Many documents in one process: what ``make all`` runs.

Make decides that something may be out of date (a file under sources/ or the code is newer
than the last successful build, or an output was deleted); this module decides what, by
content (pipeline/state.py): an output is rebuilt when it is missing or when its inputs
differ from those it was made from. The inputs are the source's bytes, the code that makes
the output, the XML a comparison reads, and, for an HTML page, the names of the other
language versions it links to. Everything that reads what the batch writes (comparisons,
redlines, the index) is built here too.

Each document is one job: a bad document, or an internal or OS error met while building
it, is that document's failure; the others are built, and the run fails at the end.
``jobs`` processes run at once (Make's -j); when there are several, one of them is
LibreOffice printing the PDFs of the documents already built (writers/pdf.py).
One build runs at a time (``build/.lock``).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import Callable

from lxml import etree

from . import writers
from .documents import alternate_links, doc_name, language_versions, load_valid, read_source
from .errors import PipelineError
from .fsutil import atomic_write
from .metadata import sidecar
from .progress import Progress
from .report import index_marks, report_rows, summary, write_reports
from .state import Manifest, build_lock, code_digests, combine, sha
from .xmlio import serialize


@dataclass(frozen=True)
class Plan:
    """What to build, where, and from which code."""

    out: Path
    sources: tuple[Path, ...]
    drafts: tuple[Path, ...] = ()
    formats: tuple[str, ...] = tuple(writers.REGISTRY)
    check: bool = True
    #: What the search for sources refused or left out (file: severity: why), for the report.
    ignored: tuple[str, ...] = ()
    #: Digest of the code behind each kind of output (state.code_digests()).
    code: tuple[tuple[str, str], ...] = ()

    def code_of(self, kind: str) -> str:
        """The digest of the code that makes outputs of kind (reader, writer, compare)."""
        return dict(self.code).get(kind, "")

    @cached_property
    def by_docid(self) -> dict[str, list[Path]]:
        """The sources of each docid (its language versions), so that no job scans them all."""
        found: dict[str, list[Path]] = {}
        for source in self.sources:
            found.setdefault(doc_name(source).split(".")[0], []).append(source)
        return found

    def versions(self, name: str) -> list[Path]:
        """The sources of the docid of name (<docid>.<lang>)."""
        return self.by_docid.get(name.split(".")[0], [])


@dataclass
class Outcome:
    """What one job did: files written with the digest of their inputs, messages, success."""

    built: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    ok: bool = True
    outputs: dict[str, str] = field(default_factory=dict)
    files: dict[str, list] = field(default_factory=dict)
    label: str = ""
    seconds: float = 0.0

    def wrote(self, dest: Path, inputs: str) -> None:
        """Record that dest was written from inputs."""
        self.built.append(dest)
        self.outputs[str(dest)] = inputs


#: The manifest of the run, set before the pool forks so that every worker reads it.
_MANIFEST = Manifest(Path("/nonexistent/.manifest.json"))


def options(name: str, fmt: str, plan: Plan) -> writers.Options:
    """Writer options: the other language versions, linked by relative path."""
    return writers.Options(alternates=alternate_links(name, plan.versions(name),
                                                      writers.REGISTRY[fmt].ext))


def guarded(label: str, job: Callable[[Outcome], None]) -> Outcome:
    """Run a job; a PipelineError becomes its messages, an OS or internal error a message
    naming label (the document) and the file; either way a failed outcome."""
    outcome = Outcome(label=label)
    _MANIFEST.take_learnt()  # what earlier jobs learnt is theirs
    clock = time.monotonic()
    try:
        job(outcome)
    except PipelineError as exc:
        outcome.messages += [str(d) for d in exc.diagnostics]
        outcome.ok = False
    except OSError as exc:
        where = exc.filename or label
        outcome.messages.append(f"{where}: error: cannot write {label}'s outputs: "
                                f"{exc.strerror or exc}")
        outcome.ok = False
    except Exception as exc:  # noqa: BLE001 - one document's bug must not stop the batch
        if os.environ.get("PIPELINE_DEBUG"):
            traceback.print_exc()
        outcome.messages.append(f"{label}: error: internal error ({type(exc).__name__}: {exc}); "
                                "set PIPELINE_DEBUG=1 for details and report it")
        outcome.ok = False
    outcome.files = _MANIFEST.take_learnt()
    outcome.seconds = round(time.monotonic() - clock, 3)
    return outcome


def build_document(source: Path, plan: Plan, folder: str = "xml", formats: bool = True) -> Outcome:
    """Read one source if its XML is stale, then write each stale format."""
    name = doc_name(source)
    xml = plan.out / folder / f"{name}.xml"
    manifest = _MANIFEST

    def job(outcome: Outcome) -> None:
        tree, xml_digest = None, None
        source_digest = manifest.file_digest(source)
        extra = str(manifest.file_digest(sidecar(source)))  # sources/<docid>.toml, if any
        if manifest.stale(xml, combine(plan.code_of("reader"), str(source_digest), extra)):
            tree, xml_digest = read_to_xml(source, xml, plan, outcome, extra)
        xml_digest = xml_digest or manifest.file_digest(xml)
        for fmt in plan.formats if formats else ():
            info = writers.REGISTRY[fmt]
            dest = plan.out / info.name / f"{name}.{info.ext}"
            opts = options(name, fmt, plan)
            inputs = combine(plan.code_of("writer"), fmt, str(xml_digest),
                             *sorted(f"{k}={v}" for k, v in opts.alternates.items()))
            if manifest.stale(dest, inputs):
                tree = tree if tree is not None else load_valid(xml)
                writers.get(fmt)(tree, dest, opts)
                outcome.wrote(dest, inputs)

    return guarded(str(source), job)


def read_to_xml(source: Path, xml: Path, plan: Plan, outcome: Outcome,
                extra: str) -> tuple[etree._ElementTree, str]:
    """Read source into its XML master at xml (recorded in outcome); the tree and the
    digest of the bytes written. Neither the source's bytes nor the master's outlive
    this function: the writers that follow hold only the tree."""
    st = source.stat()
    data = source.read_bytes()  # the bytes read are the bytes recorded
    digest = sha(data)
    _MANIFEST.remember(source, st, digest)
    tree, warnings = read_source(source, check=plan.check, data=data)
    del data
    outcome.messages += [str(w) for w in warnings]
    out = serialize(tree, xml)
    atomic_write(xml, out)
    outcome.wrote(xml, combine(plan.code_of("reader"), digest, extra))
    return tree, sha(out)


def build_draft(source: Path, plan: Plan) -> Outcome:
    """Read an earlier draft into build/drafts/ (no formats)."""
    return build_document(source, plan, "drafts", formats=False)


def comparisons(plan: Plan) -> list[tuple[str, Path, Path, Path]]:
    """Every comparison to make: (kind, first XML, second XML, output)."""
    xml = plan.out / "xml"
    jobs = []
    for docid in sorted(plan.by_docid):
        langs = list(language_versions(docid, plan.by_docid[docid]))
        for a, b in combinations(langs, 2):
            jobs.append(("align", xml / f"{docid}.{a}.xml", xml / f"{docid}.{b}.xml",
                         plan.out / "compare" / f"{docid}.{a}-{b}.html"))
    for draft in plan.drafts:
        name = doc_name(draft)
        current = xml / f"{name.rsplit('.', 1)[0]}.xml"
        for ext in ("html", "docx"):
            jobs.append(("diff", plan.out / "drafts" / f"{name}.xml", current,
                         plan.out / "diff" / f"{name}-current.{ext}"))
    return jobs


def build_comparison(spec: tuple[str, Path, Path, Path], plan: Plan) -> Outcome:
    """Write one side-by-side page or redline when it is stale and both XML exist."""
    kind, first, second, dest = spec

    def job(outcome: Outcome) -> None:
        if not (first.exists() and second.exists()):
            return  # the document failed; its own error is already reported
        inputs = combine(plan.code_of("compare"), str(_MANIFEST.file_digest(first)),
                         str(_MANIFEST.file_digest(second)))
        if _MANIFEST.stale(dest, inputs):
            from .compare.commands import write_align, write_diff

            (write_align if kind == "align" else write_diff)(first, second, dest)
            outcome.wrote(dest, inputs)

    return guarded(str(dest), job)


def index_formats(plan: Plan) -> list[str]:
    """The formats the index links: the plan's, and the PDF when it can be made."""
    from .writers import pdf

    return list(plan.formats) + (["pdf"] if "odt" in plan.formats and pdf.available() else [])


def build_index(plan: Plan, marks: dict | None = None) -> Outcome:
    """Write build/index.html when what it lists changed: the documents' XML (titles,
    languages), the pages it links to, the marks of the last build (failed, stale,
    warnings), or the code that writes it."""
    from .index import extra_link, href, write_index

    dest = plan.out / "index.html"
    xml = [plan.out / "xml" / f"{doc_name(s)}.xml" for s in plan.sources]
    xml = [x for x in xml if x.exists()]
    pages = [page for *_, page in comparisons(plan) if page.exists()]
    marks = marks or {}

    def job(outcome: Outcome) -> None:
        inputs = combine(plan.code_of("compare"), ",".join(index_formats(plan)),
                         *(f"{x}={_MANIFEST.file_digest(x)}" for x in xml), *map(str, pages),
                         *(f"{k}={v}" for k, v in sorted(marks.items())))
        if _MANIFEST.stale(dest, inputs):
            links: dict[str, list[tuple[str, str]]] = {}
            for *_, page in comparisons(plan):
                docid, label = extra_link(page)
                links.setdefault(docid, []).append((label, href(page, dest.parent)))
            write_index(xml, dest, index_formats(plan), extra_links=links, marks=marks,
                        report="report.html")
            outcome.wrote(dest, inputs)

    return guarded(str(dest), job)


def build_translation(spec: tuple, plan: Plan) -> Outcome:
    """Write one memory or XLIFF file (translate/build.py) when it is stale."""
    from .translate.build import write_translation

    def job(outcome: Outcome) -> None:
        inputs = combine(plan.code_of("translate"), *(str(_MANIFEST.file_digest(p))
                                                      for p in spec[2] if p.exists()))
        if _MANIFEST.stale(spec[3], inputs):
            write_translation(spec)
            outcome.wrote(spec[3], inputs)

    return guarded(str(spec[3]), job)


def pdf_job(plan: Plan, name: str) -> tuple[Path, Path, str] | None:
    """(ODT, PDF, inputs) of name's PDF when its ODT exists and the PDF is stale, else None."""
    odt, dest = plan.out / "odt" / f"{name}.odt", plan.out / "pdf" / f"{name}.pdf"
    inputs = combine(plan.code_of("writer"), "pdf", str(_MANIFEST.file_digest(odt)))
    return (odt, dest, inputs) if odt.exists() and _MANIFEST.stale(dest, inputs) else None


class Printing:
    """The PDFs of a run (writers/pdf.Printer). With ``early`` (more than one job), each
    document's PDF is queued as soon as its ODT is written, and printed by one LibreOffice
    beside the documents still being built; ``build_pdfs`` queues the rest, printed by up
    to ``processes`` LibreOffice runs at once (the jobs that built the documents are done)."""

    def __init__(self, early: bool, processes: int = 1):
        from .writers import pdf

        self.printer = pdf.Printer(background=early, processes=processes)
        self.early = early
        self.queued: dict[Path, str] = {}  # PDF destination -> inputs

    def queue(self, jobs: list[tuple[Path, Path, str]]) -> None:
        """Queue (ODT, PDF, inputs) jobs not queued yet."""
        jobs = [j for j in jobs if j[1] not in self.queued]
        self.queued.update({dest: inputs for _, dest, inputs in jobs})
        self.printer.add([(odt, dest) for odt, dest, _ in jobs])

    def document(self, plan: Plan, outcome: Outcome) -> None:
        """A document's job finished: queue its PDF (early printing only)."""
        if self.early and outcome.ok and plan.out / "odt" in {p.parent for p in outcome.built}:
            _MANIFEST.files.update(outcome.files)  # the ODT's digest, as its job learnt it
            job = pdf_job(plan, doc_name(Path(outcome.label)))
            self.queue([job] if job else [])


def build_pdfs(plan: Plan, printing: Printing) -> Outcome:
    """Print every stale build/pdf/<name>.pdf from its ODT (those not queued yet), wait for
    the printer; without LibreOffice, one warning and no PDF."""

    def job(outcome: Outcome) -> None:
        stale = (pdf_job(plan, name) for name in sorted(doc_name(s) for s in plan.sources))
        printing.queue([j for j in stale if j])
        problems = printing.printer.finish()
        outcome.messages += [str(p) for p in problems]
        outcome.ok = not any(p.severity == "error" for p in problems)
        for _, dest in printing.printer.printed:
            outcome.wrote(dest, printing.queued[dest])

    return guarded(str(plan.out / "pdf"), job)


def _merge(manifest: Manifest, outcomes: list[Outcome]) -> list[Outcome]:
    """Record what the jobs wrote and the file digests they learnt; return outcomes."""
    for o in outcomes:
        manifest.files.update(o.files)
        manifest.outputs.update(o.outputs)
    return outcomes


def _each(pool, job: Callable[..., Outcome], items, plan: Plan,
          done: Callable[[Outcome], None]) -> list[Outcome]:
    """Run job on every item (in pool, or here when None), calling done as each finishes;
    the outcomes in the order of items."""
    if pool is None:
        return [_called(done, job(item, plan)) for item in items]
    futures = {pool.submit(job, item, plan): i for i, item in enumerate(items)}
    outcomes: list[Outcome | None] = [None] * len(futures)
    for future in as_completed(futures):
        outcomes[futures[future]] = _called(done, _result(future, items[futures[future]]))
    return outcomes  # type: ignore[return-value]


def _result(future, item) -> Outcome:
    """The future's outcome; a job that could not run (its worker died, or could not take
    it) is a failure of the document, named."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - one lost worker must not stop the batch
        label = str(item[3]) if isinstance(item, tuple) else str(item)
        return Outcome(label=label, ok=False, messages=[
            f"{label}: error: the worker building it failed ({type(exc).__name__}: {exc}); "
            "the other documents were built"])


def _called(done: Callable[[Outcome], None], outcome: Outcome) -> Outcome:
    """done(outcome), then outcome."""
    done(outcome)
    return outcome


def _all_jobs(plan: Plan, pool, manifest: Manifest, progress: Progress,
              printing: Printing | None = None) -> list[Outcome]:
    """Documents, then drafts, then comparisons (which read what the first two wrote);
    each document's PDF queued to printing as the document is done."""
    def document(o: Outcome) -> None:
        progress.document(doc_name(o.label), o.built, o.ok, o.messages)
        if printing is not None:
            printing.document(plan, o)

    pages = comparisons(plan)

    def other(o: Outcome) -> None:
        progress.extra(o.built, o.messages, "comparisons and redlines", len(pages))

    outcomes = _merge(manifest, _each(pool, build_document, plan.sources, plan, document))
    outcomes += _merge(manifest, _each(pool, build_draft, plan.drafts, plan, document))
    outcomes += _merge(manifest, _each(pool, build_comparison, pages, plan, other))
    progress.extras_done("comparison and redline page")
    from .translate.build import translations

    memories = translations(plan.out, plan.sources)

    def translated(o: Outcome) -> None:
        progress.extra(o.built, o.messages, "translation files", len(memories))

    outcomes += _merge(manifest, _each(pool, build_translation, memories, plan, translated))
    progress.extras_done("translation file")
    return outcomes


def _printing(plan: Plan, jobs: int, scheduler: str | None) -> tuple[Printing | None, int]:
    """How the PDFs of a run are printed, and how many processes build the documents.
    LibreOffice's printing is the longest chain of work (about 40 ms a small document
    against 20 ms for everything else), so with more than one job one LibreOffice is one of
    them: it prints beside jobs - 1 document processes (-j2: this process builds the
    documents, no worker at all), as their ODTs come; once the documents are built, what is
    left is printed by as many LibreOffice runs at once as there are jobs (on a cluster,
    the jobs are this machine's to print with)."""
    from .writers import pdf

    if "odt" not in plan.formats:
        return None, jobs
    early = (bool(scheduler) or jobs > 1) and pdf.available()
    return Printing(early, jobs), (jobs - 1 if early and not scheduler else jobs)


def echo(message: str, err: bool = False) -> None:
    """Print message to stdout, or to stderr when err (click.echo's signature)."""
    print(message, file=sys.stderr if err else sys.stdout, flush=True)


def run(plan: Plan, jobs: int = 1, report: Callable[..., None] = echo,
        stamp: Path | None = None, verbose: bool = False, scheduler: str | None = None) -> bool:
    """Build everything of the plan with ``jobs`` processes, or on the workers of a Dask
    ``scheduler`` (cluster.py); True when all succeeded.
    Prints a line per document as it finishes (every file written when verbose), then the
    reports (report.py) and a summary. On success, ``stamp`` gets the time the run started
    (so that an edit made meanwhile is newer) and ``stamp.end`` the time it ended (so that
    a deleted output is newer)."""
    global _MANIFEST
    with build_lock(plan.out, report):
        started = time.time()
        manifest = _MANIFEST = Manifest(plan.out / ".manifest.json")
        if not plan.code:
            plan = replace(plan, code=tuple(sorted(code_digests().items())))
        progress = Progress(len(plan.sources) + len(plan.drafts), report, verbose)
        progress.draw()
        printing, workers = _printing(plan, jobs, scheduler)
        try:
            if scheduler:
                from . import cluster

                with cluster.pool(scheduler, plan, manifest) as pool:
                    outcomes = _all_jobs(plan, pool, manifest, progress, printing)
            elif workers > 1:
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(workers, mp_context=context) as pool:
                    outcomes = _all_jobs(plan, pool, manifest, progress, printing)
            else:  # one job at a time: no second process
                outcomes = _all_jobs(plan, None, manifest, progress, printing)
            if printing is not None:
                pdfs = build_pdfs(plan, printing)
                outcomes += _merge(manifest, [pdfs])
                progress.job(pdfs.built, pdfs.messages)
            rows = report_rows(plan, outcomes[:len(plan.sources) + len(plan.drafts)])
            write_reports(plan.out, rows, list(plan.ignored))
            index = build_index(plan, index_marks(rows[:len(plan.sources)]))
            outcomes += _merge(manifest, [index])
            progress.job(index.built, index.messages)
        finally:
            if printing is not None:
                printing.printer.abort()  # after finish, nothing; if interrupted, LibreOffice stopped
            progress.clear()
            manifest.save()
        report(summary(rows, plan.out / "report.html"))
        ok = all(o.ok for o in outcomes)
        if ok and stamp is not None:
            for path, when in ((stamp, started), (Path(f"{stamp}.end"), time.time())):
                path.touch()
                os.utime(path, (when, when))
        return ok
