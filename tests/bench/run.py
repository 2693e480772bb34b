"""The bench: a generated corpus, the pipeline timed on it, pandoc alone as the baseline.

    .venv/bin/python -m tests.bench.run [--docs N] [--quick] [--keep] [--profile]

In one run: a work folder laid out like the repository with a corpus generated from the
sources and fixtures (``corpus.py``); parse throughput in-process; time per stage and per
format, in-process and as CLI processes; ``make all`` clean with -j1 and -j2, and no-op;
peak memory; pandoc alone on a Markdown rendering of the same documents; the parse time of
a 2 MB paper. Prints a table whose last line is the ratio. Figures are reported against
the targets as PASS/MISS; nothing here fails on a figure. Exit status 1 only when a
generated text does not parse (a generator bug) or make fails.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from . import corpus, measure, memory, report, scale, stages
from .markdown import to_markdown
from .seeds import ROOT, load_seeds

T0 = time.perf_counter()
OUT = Path(__file__).resolve().parent / "out"


def log(message: str) -> None:
    """Progress on stderr (stdout is the table)."""
    print(f"[{time.perf_counter() - T0:7.1f}s] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Options; --quick lowers the defaults for a smoke run."""
    p = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, help="documents in the corpus (default 200; --quick: 20)")
    p.add_argument("--quick", action="store_true", help="a smoke run: 20 documents, small samples")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--profile", action="store_true",
                   help="cProfile an in-process parse + all formats of the sample; top 25 and a .prof")
    p.add_argument("--seed", type=int, default=1, help="random seed of the corpus (default 1)")
    p.add_argument("--sample", type=int,
                   help="documents timed one by one per format (default 20; --quick: 5)")
    p.add_argument("--big-mb", type=float, default=2.0, help="size of the big paper in MB (default 2)")
    p.add_argument("--big-timeout", type=float, help="seconds allowed to parse the big paper "
                                                     "(default 120; --quick: 20)")
    p.add_argument("--max-mb", type=float, help="largest text of the cost-against-size table "
                                                "(default 50; --quick: 5)")
    p.add_argument("--noop-docs", type=int, default=1000,
                   help="documents of the no-op make all (default 1000)")
    p.add_argument("--out", type=Path, default=OUT, help=f"where results go (default {OUT})")
    p.add_argument("--table-from", type=Path, metavar="JSON",
                   help="only print the table of a saved run (OUT/results.json)")
    args = p.parse_args(argv)
    args.docs = args.docs or (20 if args.quick else 200)
    args.sample = min(args.docs, args.sample or (5 if args.quick else 20))
    args.big_timeout = args.big_timeout or (20.0 if args.quick else 120.0)
    args.max_mb = args.max_mb or (5.0 if args.quick else 50.0)
    return args


def sample_of(docs: list[corpus.Doc], k: int) -> list[corpus.Doc]:
    """k documents spread over the corpus (so every seed kind is likely in)."""
    step = max(1, len(docs) // max(k, 1))
    return docs[::step][:k]


def parse_passes(docs: list[corpus.Doc], md_dir: Path) -> dict:
    """In-process read_source over the corpus: check on (also the verification, and the
    Markdown for pandoc), check off, then stage by stage."""
    from pipeline.documents import read_source
    from pipeline.errors import PipelineError

    stages.warm_up()
    try:
        read_source(docs[0].path)  # imports, compiled patterns: not part of any text's time
    except PipelineError:
        pass
    figures: dict = {"bytes": 0, "failures": [], "warnings": 0}
    md_dir.mkdir(parents=True, exist_ok=True)
    for check in (True, False):
        wall = cpu = 0.0
        for doc in docs:
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                tree, warnings = read_source(doc.path, check=check)
            except PipelineError as exc:
                if check:
                    figures["failures"].append(f"{doc.path.name} (from {doc.seed}): {exc.diagnostics[0]}")
                continue
            wall, cpu = wall + time.perf_counter() - w0, cpu + time.process_time() - c0
            if check:
                figures["bytes"] += doc.size
                figures["warnings"] += len(warnings)
                (md_dir / f"{doc.name}.md").write_text(to_markdown(tree), encoding="utf-8")
        figures["check" if check else "nocheck"] = {"wall": wall, "cpu": cpu}
    figures["stages"], figures["missing_hooks"] = stage_pass(docs)
    return figures


def stage_pass(docs: list[corpus.Doc]) -> tuple[dict[str, float], list[str]]:
    """Seconds per stage summed over the corpus (fidelity check on)."""
    totals = dict.fromkeys(stages.REPORTED, 0.0)
    missing: list[str] = []
    for doc in docs:
        try:
            _, per_stage, missing = stages.timed_read(doc.path, check=True)
        except Exception:  # noqa: BLE001 - already reported by the first pass
            continue
        for name, seconds in per_stage.items():
            totals[name] += seconds
    return totals, missing


def format_pass(work: Path, sample: list[corpus.Doc]) -> dict:
    """Per document of the sample: parse, then each format from the XML make wrote, in-process
    (read_source; load_valid + writer, as ``pipeline render`` does) and as CLI processes."""
    from pipeline import writers

    names = list(writers.REGISTRY)
    xmls = [(d, work / "build" / "xml" / f"{d.name}.xml") for d in sample]
    xmls = [(d, x) for d, x in xmls if x.exists()]
    inproc: dict[str, list[float]] = {n: [] for n in ["parse", "load+validate", *names]}
    cli: dict[str, list[float]] = {n: [] for n in ["parse", *names]}
    failures: list[str] = []
    out = work / "sample"
    render_in_process(xmls[:1], out, {n: [] for n in inproc}, failures)  # warm-up: imports, pandoc version
    render_in_process(xmls, out, inproc, failures)
    inproc["pdf"], startup = print_sample(out, failures)
    pipeline = str(work / ".venv" / "bin" / "pipeline")
    for _ in range(5):
        cli_time(cli.setdefault("startup", []), failures, [pipeline, "--help"], work)
    for doc, xml in xmls:
        parse = [pipeline, "parse", str(doc.path), "-o", str(out / f"{doc.name}.xml")]
        cli_time(cli["parse"], failures, parse, work)
        for name in names:
            dest = out / "cli" / f"{doc.name}.{writers.REGISTRY[name].ext}"
            cli_time(cli[name], failures, [pipeline, "render", str(xml), "--to", name, "-o", str(dest)], work)
    return {"in_process": inproc, "cli": cli, "failures": failures, "docs": len(xmls),
            "pdf_startup": startup}


def render_in_process(xmls: list[tuple[corpus.Doc, Path]], out: Path, times: dict[str, list[float]],
                      failures: list[str]) -> None:
    """Time read_source, load_valid and every writer on each document, into ``times``."""
    from pipeline import writers
    from pipeline.cli import options_for
    from pipeline.documents import load_valid, read_source

    for doc, xml in xmls:
        start = time.perf_counter()
        read_source(doc.path)
        times["parse"].append(time.perf_counter() - start)
        start = time.perf_counter()
        tree = load_valid(xml)
        times["load+validate"].append(time.perf_counter() - start)
        for name in writers.REGISTRY:
            dest = out / name / f"{doc.name}.{writers.REGISTRY[name].ext}"
            start = time.perf_counter()
            try:
                writers.get(name)(tree, dest, options_for(xml, name, dest))
            except Exception as exc:  # noqa: BLE001 - writers are being written: report, go on
                failures.append(f"in-process {name} {doc.name}: {type(exc).__name__}: {exc}"[:200])
                continue
            times[name].append(time.perf_counter() - start)


def print_sample(out: Path, failures: list[str]) -> tuple[list[float], float]:
    """The sample's ODTs (written by render_in_process) printed as the batch prints them
    (pipeline.writers.pdf.convert): the first alone, then all in one LibreOffice run; the
    seconds a document (the difference over the documents after the first: start-up out)
    and LibreOffice's start-up; ([], 0) without LibreOffice or with one document."""
    from pipeline.writers import pdf

    pairs = [(odt, out / "pdf" / f"{odt.stem}.pdf") for odt in sorted((out / "odt").glob("*.odt"))]
    if len(pairs) < 2 or not pdf.available():
        return [], 0.0
    timed = []
    for lot in (pairs[:1], pairs):
        start = time.perf_counter()
        failures += [f"pdf: {p}"[:200] for p in pdf.convert(lot)]
        timed.append(time.perf_counter() - start)
    per_doc = max(timed[1] - timed[0], 0.0) / (len(pairs) - 1)
    return [per_doc] * len(pairs), max(timed[0] - per_doc, 0.0)


def cli_time(into: list[float], failures: list[str], cmd: list[str], cwd: Path) -> None:
    """Time one CLI process; a failure is reported, not timed."""
    seconds, status, err = measure.time_process(cmd, cwd)
    if status:
        failures.append(f"{' '.join(cmd[1:3])}: {err.strip()[:200]}")
    else:
        into.append(seconds)


def big_pass(big: corpus.Doc, timeout: float) -> dict:
    """The big paper, read in a child process (check off, then on) within ``timeout``."""
    cmd = [sys.executable, "-m", "tests.bench.stages", str(big.path)]
    timed_out = False
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
        stdout, stderr = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        timed_out = True
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stderr = ""
    runs = {}
    for line in stdout.splitlines():
        if line.strip():
            run = json.loads(line)
            runs["check" if run["check"] else "nocheck"] = run
    return {"bytes": big.size, "runs": runs, "timed_out": timed_out, "timeout": timeout,
            "error": stderr.strip().splitlines()[-1] if stderr.strip() else ""}


def profile_pass(sample: list[corpus.Doc], out: Path) -> str:
    """cProfile of parse (check on) + every writer, in-process, over the sample."""
    import cProfile
    import io
    import pstats

    from pipeline import writers
    from pipeline.documents import read_source

    profiler = cProfile.Profile()
    dest = Path(tempfile.mkdtemp(prefix="pipeline-bench-prof-"))
    profiler.enable()
    for doc in sample:
        try:
            tree, _ = read_source(doc.path)
            for name in writers.REGISTRY:
                writers.get(name)(tree, dest / f"{doc.name}.{name}", writers.Options())
        except Exception as exc:  # noqa: BLE001 - a profile of what runs
            log(f"profile: {doc.name}: {type(exc).__name__}: {exc}")
    profiler.disable()
    out.mkdir(parents=True, exist_ok=True)
    prof = out / "bench.prof"
    profiler.dump_stats(prof)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(25)
    cumulative = text.getvalue()
    text.seek(0), text.truncate()
    stats.sort_stats("tottime").print_stats(10)
    return (f"profile of {len(sample)} documents (read_source + every writer, in-process), "
            f"written to {prof}; top 25 by cumulative time:\n{short_paths(cumulative)}"
            f"top 10 by own time:\n{short_paths(text.getvalue())}")


def short_paths(stats_text: str) -> str:
    """pstats output without its preamble, paths shown from the package or stdlib root."""
    import sysconfig

    body = stats_text[stats_text.find("   ncalls"):]
    for prefix in sorted({str(ROOT), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"]},
                         key=len, reverse=True):
        body = body.replace(prefix + "/", "")
    return body


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the table (last line: the ratio)."""
    args = parse_args(argv)
    if args.table_from:
        print("\n".join(report.table(json.loads(args.table_from.read_text(encoding="utf-8")))))
        return 0
    base = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    work = measure.make_workdir(base / "repo")
    log(f"work folder {work}")
    seeds = load_seeds()
    docs = corpus.generate(work / "sources", args.docs, args.seed, seeds)
    big = corpus.generate_big(base / "big", int(args.big_mb * 1e6), args.seed, seeds)
    log(f"corpus: {len(docs)} texts from {len(seeds)} seeds, big paper {big.size / 1e6:.2f} MB")
    results: dict = {"args": {k: str(v) for k, v in vars(args).items()}, "docs": len(docs),
                     "load_before": os.getloadavg(),
                     "agendas": sum(d.doc_type == "agenda" for d in docs), "seeds": len(seeds),
                     "work": str(work), "stamp_current": measure.stamp_is_current(work)}
    results["parse"] = parse_passes(docs, base / "md")
    log(f"parse passes done ({len(results['parse']['failures'])} texts failed)")
    results.update(build_passes(work, base, docs, args))
    results["big"] = big_pass(big, args.big_timeout)
    log("big paper done")
    results["sizes"] = scale.size_curve(size_texts(base, docs, big, args, seeds), base / "sizes",
                                        timeout=600.0, log=log)
    results["memory"] = memory.memory_curve(base / "memory", args.max_mb, log)
    results["load_after"] = os.getloadavg()
    profile = profile_pass(sample_of(docs, args.sample), args.out) if args.profile else ""
    lines = report.table(results)
    save(args.out, results, lines)
    if profile:
        print(profile)
    print("\n".join(lines))
    if args.keep:
        log(f"kept {base}")
    else:
        subprocess.run(["rm", "-rf", str(base)], check=False)
    ok = not results["parse"]["failures"] and results["make_j1"]["status"] == 0
    return 0 if ok else 1


#: PIPELINE_SOFFICE naming no program: the batch builds every format but the PDF (a warning).
NO_SOFFICE = "/nonexistent/soffice"


def build_passes(work: Path, base: Path, docs: list[corpus.Doc], args: argparse.Namespace) -> dict:
    """make -j1 clean, no-op x3, the per-format sample, pandoc alone, make -j1 clean without
    the PDF (the formats pandoc alone writes), make -j2 clean."""
    out: dict = {}
    j1 = measure.run_make(work, 1, base / "make-j1.log")
    out["make_j1"] = asdict(j1)
    log(f"make -j1: {j1.seconds:.1f} s, status {j1.status}")
    noops = [measure.run_make(work, 1, base / f"make-noop{k}.log") for k in range(3)]
    out["noop"] = [asdict(r) for r in noops]
    out["noop_median"] = statistics.median(r.seconds for r in noops)
    out["formats"] = format_pass(work, sample_of(docs, args.sample))
    log("per-format sample done")
    md_files = sorted((base / "md").glob("*.md"))
    pandoc = pandoc_path()
    out["pandoc_seq"] = asdict(measure.run_pandoc(pandoc, md_files, base / "pandoc", 1))
    out["pandoc_par"] = asdict(measure.run_pandoc(pandoc, md_files, base / "pandoc2", 2))
    out["pandoc_docs"] = len(md_files)
    log("pandoc alone done")
    subprocess.run(["rm", "-rf", str(work / "build")], check=True)
    bare = measure.run_make(work, 1, base / "make-j1-nopdf.log", env={"PIPELINE_SOFFICE": NO_SOFFICE})
    out["make_j1_nopdf"] = asdict(bare)
    log(f"make -j1 without the PDF: {bare.seconds:.1f} s, status {bare.status}")
    subprocess.run(["rm", "-rf", str(work / "build")], check=True)
    j2 = measure.run_make(work, 2, base / "make-j2.log")
    out["make_j2"] = asdict(j2)
    log(f"make -j2: {j2.seconds:.1f} s, status {j2.status}")
    out["noop_n"] = scale.noop_at(work, base / "noop", args.noop_docs)
    log(f"no-op make at {args.noop_docs} documents: {out['noop_n']['median']:.2f} s")
    out["cluster"] = scale.cluster_run(work, base / "cluster.log")
    log(f"local cluster: {out['cluster']['seconds']:.1f} s, status {out['cluster']['status']}")
    return out


def size_texts(base: Path, docs: list[corpus.Doc], big: corpus.Doc, args: argparse.Namespace,
               seeds) -> list[Path]:
    """Texts of about each size of scale.SIZES up to --max-mb: the corpus's text nearest in
    size below 100 KB, the big paper grown from its seed above."""
    texts = []
    for size in (s for s in scale.SIZES if s <= args.max_mb * 1e6):
        if size < 100_000:
            texts.append(min(docs, key=lambda d: abs(d.size - size)).path)
        elif abs(size - big.size) < 0.1 * size:
            texts.append(big.path)
        else:
            texts.append(corpus.generate_big(base / f"size-{size}", size, args.seed, seeds).path)
    return texts


def pandoc_path() -> str:
    """The pandoc of the pypandoc-binary wheel (the one the writers use)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def save(out: Path, results: dict, lines: list[str]) -> None:
    """Keep the figures and the table of the last run in ``out`` (git-ignored)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    (out / "table.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
