"""Many documents in one process: what ``make all`` runs.

Make decides that something is out of date (build/.documents is older than a source or
the code); this module decides what, by Make's own rule: an output is rebuilt when it is
missing or older than one of its inputs. The inputs are the source, the code that makes
the output (passed by Make as ``--reader-dep``, ``--writer-dep``, ``--compare-dep``), the
XML a comparison reads, and, for an HTML page, the sources of the other language versions
it links to. Everything that reads what the batch writes (comparisons, redlines, the index)
is built here too, so Make never acts on a stale modification time.

Each document is one job: a bad document is reported, the others are built, and the run
fails at the end. ``jobs`` processes run at once (Make's -j).
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations, repeat
from pathlib import Path
from typing import Callable

from . import writers
from .documents import alternate_links, doc_name, language_versions, load_valid, read_source
from .errors import PipelineError
from .fsutil import atomic_write
from .xmlio import serialize


@dataclass(frozen=True)
class Plan:
    """What to build, where, and from which code."""

    out: Path
    sources: tuple[Path, ...]
    drafts: tuple[Path, ...] = ()
    formats: tuple[str, ...] = tuple(writers.REGISTRY)
    reader_deps: tuple[Path, ...] = ()
    writer_deps: tuple[Path, ...] = ()
    compare_deps: tuple[Path, ...] = ()
    check: bool = True


@dataclass
class Outcome:
    """What one job did: files written, messages, success."""

    built: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    ok: bool = True


def mtime(path: Path) -> float:
    """Modification time of path; 0 when it does not exist."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def stale(dest: Path, *inputs: float) -> bool:
    """True when dest is missing or older than the newest input time."""
    return not dest.exists() or mtime(dest) < max(inputs, default=0.0)


def newest(paths: tuple[Path, ...]) -> float:
    """The newest modification time among paths."""
    return max(map(mtime, paths), default=0.0)


def options(name: str, fmt: str, plan: Plan) -> writers.Options:
    """Writer options: the other language versions, linked by relative path."""
    return writers.Options(alternates=alternate_links(name, plan.sources, writers.REGISTRY[fmt].ext))


def guarded(job: Callable[[Outcome], None]) -> Outcome:
    """Run a job; a PipelineError becomes its messages and a failed outcome."""
    outcome = Outcome()
    try:
        job(outcome)
    except PipelineError as exc:
        outcome.messages += [str(d) for d in exc.diagnostics]
        outcome.ok = False
    return outcome


def build_document(source: Path, plan: Plan, folder: str = "xml", formats: bool = True) -> Outcome:
    """Read one source if its XML is stale, then write each stale format."""
    name = doc_name(source)
    xml = plan.out / folder / f"{name}.xml"

    def job(outcome: Outcome) -> None:
        tree = None
        if stale(xml, mtime(source), newest(plan.reader_deps)):
            tree, warnings = read_source(source, check=plan.check)
            outcome.messages += [str(w) for w in warnings]
            atomic_write(xml, serialize(tree, xml))
            outcome.built.append(xml)
        code = newest(plan.writer_deps)
        siblings = [mtime(s) for s in language_versions(name, plan.sources).values()]
        for fmt in plan.formats if formats else ():
            info = writers.REGISTRY[fmt]
            dest = plan.out / info.name / f"{name}.{info.ext}"
            if stale(dest, mtime(xml), code, *(siblings if fmt == "html" else ())):
                tree = tree if tree is not None else load_valid(xml)
                writers.get(fmt)(tree, dest, options(name, fmt, plan))
                outcome.built.append(dest)

    return guarded(job)


def build_draft(source: Path, plan: Plan) -> Outcome:
    """Read an earlier draft into build/drafts/ (no formats)."""
    return build_document(source, plan, "drafts", formats=False)


def comparisons(plan: Plan) -> list[tuple[str, Path, Path, Path]]:
    """Every comparison to make: (kind, first XML, second XML, output)."""
    xml = plan.out / "xml"
    jobs = []
    docids = sorted({doc_name(s).split(".")[0] for s in plan.sources})
    for docid in docids:
        langs = list(language_versions(docid, plan.sources))
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
        if stale(dest, mtime(first), mtime(second), newest(plan.compare_deps)):
            from .compare.commands import write_align, write_diff

            (write_align if kind == "align" else write_diff)(first, second, dest)
            outcome.built.append(dest)

    return guarded(job)


def build_index(plan: Plan, changed: bool) -> Outcome:
    """Write build/index.html when a document was read again (titles, languages) or the
    page is older than what it lists."""
    from .index import extra_link, href, write_index

    dest = plan.out / "index.html"
    xml = [plan.out / "xml" / f"{doc_name(s)}.xml" for s in plan.sources]
    xml = [x for x in xml if x.exists()]

    def job(outcome: Outcome) -> None:
        if changed or stale(dest, *map(mtime, xml), newest(plan.compare_deps), newest(plan.writer_deps)):
            links: dict[str, list[tuple[str, str]]] = {}
            for *_, page in comparisons(plan):
                docid, label = extra_link(page)
                links.setdefault(docid, []).append((label, href(page, dest.parent)))
            write_index(xml, dest, list(plan.formats), extra_links=links)
            outcome.built.append(dest)

    return guarded(job)


def _all_jobs(plan: Plan, mapper) -> list[Outcome]:
    """Documents, then drafts, then comparisons (which read what the first two wrote)."""
    outcomes = list(mapper(build_document, plan.sources, repeat(plan)))
    outcomes += list(mapper(build_draft, plan.drafts, repeat(plan)))
    outcomes += list(mapper(build_comparison, comparisons(plan), repeat(plan)))
    return outcomes


def run(plan: Plan, jobs: int = 1, report: Callable[..., None] = print) -> bool:
    """Build everything of the plan with ``jobs`` processes; True when all succeeded."""
    if jobs > 1:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            outcomes = _all_jobs(plan, pool.map)
    else:  # one job at a time: no second process
        outcomes = _all_jobs(plan, map)
    read = any(p.parent.name == "xml" for o in outcomes for p in o.built)
    outcomes.append(build_index(plan, read))
    for outcome in outcomes:
        for message in outcome.messages:
            report(message, err=True)
        for path in outcome.built:
            report(str(path))
    return all(o.ok for o in outcomes)
