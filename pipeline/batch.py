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
``jobs`` processes run at once (Make's -j). One build runs at a time (``build/.lock``).
"""
from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations, repeat
from pathlib import Path
from typing import Callable

from . import writers
from .documents import alternate_links, doc_name, language_versions, load_valid, read_source
from .errors import Diagnostic, PipelineError
from .fsutil import atomic_write
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
    #: Digest of the code behind each kind of output (state.code_digests()).
    code: tuple[tuple[str, str], ...] = ()

    def code_of(self, kind: str) -> str:
        """The digest of the code that makes outputs of kind (reader, writer, compare)."""
        return dict(self.code).get(kind, "")


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
    return writers.Options(alternates=alternate_links(name, plan.sources, writers.REGISTRY[fmt].ext))


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
        if manifest.stale(xml, combine(plan.code_of("reader"), str(source_digest))):
            st = source.stat()
            data = source.read_bytes()  # the bytes read are the bytes recorded
            manifest.remember(source, st, sha(data))
            tree, warnings = read_source(source, check=plan.check, data=data)
            outcome.messages += [str(w) for w in warnings]
            out = serialize(tree, xml)
            atomic_write(xml, out)
            outcome.wrote(xml, combine(plan.code_of("reader"), sha(data)))
            xml_digest = sha(out)
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
        inputs = combine(plan.code_of("compare"), str(_MANIFEST.file_digest(first)),
                         str(_MANIFEST.file_digest(second)))
        if _MANIFEST.stale(dest, inputs):
            from .compare.commands import write_align, write_diff

            (write_align if kind == "align" else write_diff)(first, second, dest)
            outcome.wrote(dest, inputs)

    return guarded(str(dest), job)


def build_index(plan: Plan) -> Outcome:
    """Write build/index.html when what it lists changed: the documents' XML (titles,
    languages), the pages it links to, or the code that writes it."""
    from .index import extra_link, href, write_index

    dest = plan.out / "index.html"
    xml = [plan.out / "xml" / f"{doc_name(s)}.xml" for s in plan.sources]
    xml = [x for x in xml if x.exists()]
    pages = [page for *_, page in comparisons(plan) if page.exists()]

    def job(outcome: Outcome) -> None:
        inputs = combine(plan.code_of("compare"), ",".join(plan.formats),
                         *(f"{x}={_MANIFEST.file_digest(x)}" for x in xml), *map(str, pages))
        if _MANIFEST.stale(dest, inputs):
            links: dict[str, list[tuple[str, str]]] = {}
            for *_, page in comparisons(plan):
                docid, label = extra_link(page)
                links.setdefault(docid, []).append((label, href(page, dest.parent)))
            write_index(xml, dest, list(plan.formats), extra_links=links)
            outcome.wrote(dest, inputs)

    return guarded(str(dest), job)


def _merge(manifest: Manifest, outcomes: list[Outcome]) -> list[Outcome]:
    """Record what the jobs wrote and the file digests they learnt; return outcomes."""
    for o in outcomes:
        manifest.files.update(o.files)
        manifest.outputs.update(o.outputs)
    return outcomes


def _all_jobs(plan: Plan, mapper, manifest: Manifest) -> list[Outcome]:
    """Documents, then drafts, then comparisons (which read what the first two wrote)."""
    outcomes = _merge(manifest, list(mapper(build_document, plan.sources, repeat(plan))))
    outcomes += _merge(manifest, list(mapper(build_draft, plan.drafts, repeat(plan))))
    outcomes += _merge(manifest, list(mapper(build_comparison, comparisons(plan), repeat(plan))))
    return outcomes


def run(plan: Plan, jobs: int = 1, report: Callable[..., None] = print,
        stamp: Path | None = None) -> bool:
    """Build everything of the plan with ``jobs`` processes; True when all succeeded.
    On success, ``stamp`` gets the time the run started (so that an edit made meanwhile
    is newer) and ``stamp.end`` the time it ended (so that a deleted output is newer)."""
    global _MANIFEST
    with build_lock(plan.out, report):
        started = time.time()
        manifest = _MANIFEST = Manifest(plan.out / ".manifest.json")
        if not plan.code:
            plan = Plan(**{**plan.__dict__, "code": tuple(sorted(code_digests().items()))})
        try:
            if jobs > 1:
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                    outcomes = _all_jobs(plan, pool.map, manifest)
            else:  # one job at a time: no second process
                outcomes = _all_jobs(plan, map, manifest)
            outcomes += _merge(manifest, [build_index(plan)])
        finally:
            manifest.save()
        for outcome in outcomes:
            for message in outcome.messages:
                report(message, err=True)
            for path in outcome.built:
                report(str(path))
        documents = outcomes[:len(plan.sources) + len(plan.drafts)]
        write_report(plan.out, documents)
        report(summary(documents, plan.out / "report.json"))
        ok = all(o.ok for o in outcomes)
        if ok and stamp is not None:
            for path, when in ((stamp, started), (Path(f"{stamp}.end"), time.time())):
                path.touch()
                os.utime(path, (when, when))
        return ok


def state_of(outcome: Outcome) -> str:
    """failed, built or up to date."""
    return "failed" if not outcome.ok else "built" if outcome.built else "up to date"


def write_report(out: Path, documents: list[Outcome]) -> None:
    """build/report.json: per document its state, warnings and errors (file:line: ...), and
    the seconds it took."""
    import json

    try:  # a document up to date keeps the warnings of the build that made it
        before = {r["source"]: r for r in json.loads((out / "report.json").read_text("utf-8"))["documents"]}
    except (OSError, ValueError, KeyError, TypeError):
        before = {}
    rows = []
    for o in documents:
        row = {"source": o.label, "state": state_of(o), "seconds": o.seconds,
               "warnings": [m for m in o.messages if ": warning: " in m],
               "errors": [m for m in o.messages if ": warning: " not in m],
               "outputs": sorted(map(str, o.built))}
        if row["state"] == "up to date" and o.label in before:
            row["warnings"] = before[o.label].get("warnings", [])
        rows.append(row)
    atomic_write(out / "report.json", json.dumps({"documents": rows}, indent=1, ensure_ascii=False))


def summary(documents: list[Outcome], where: Path) -> str:
    """The closing line: documents built, up to date and failed, and the warnings."""
    states = [state_of(o) for o in documents]
    warnings = sum(": warning: " in m for o in documents for m in o.messages)
    return (f"pipeline: {len(documents)} documents: {states.count('built')} built, "
            f"{states.count('up to date')} up to date, {states.count('failed')} failed; "
            f"{warnings} warning{'s' if warnings != 1 else ''} (details: {where})")
