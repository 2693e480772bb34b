"""The bench corpus: raw texts varied from the real sources and the reader fixtures.

Each round takes every seed family once (the three language versions of a source, or one
fixture) and writes a variant of each member: new document id, years and days moved,
agenda times moved, people renamed, the symbol renumbered, paragraphs shuffled, duplicated
and renumbered (papers), speakers and questions shuffled (agendas). Language versions of
one variant share their id, dates, times and names, as real translations do. Encodings,
BOMs and line ends are those of the seed. Every text must parse: ``verify`` checks it, and
a text that does not is a bug of this generator.

    .venv/bin/python -m tests.bench.corpus OUT --docs 20 [--big-mb 2] [--cli]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import shuffle, vary
from .seeds import ROOT, Seed, families, load_seeds


@dataclass
class Doc:
    """One generated raw text."""

    path: Path
    seed: str
    doc_type: str

    @property
    def name(self) -> str:
        """``<docid>.<lang>``, the name make gives its outputs."""
        return self.path.name[:-len(".txt")]

    @property
    def size(self) -> int:
        """Bytes of raw text."""
        return self.path.stat().st_size


@dataclass
class Plan:
    """What one variant of a family changes; shared by the family's language versions."""

    index: int
    family_seed: int
    year_delta: int
    day_delta: int
    dup_rate: float
    names: dict[str, str]


def make_plan(family: list[Seed], index: int, rng: random.Random) -> Plan:
    """Draw the changes of variant ``index`` of a family."""
    people = sorted({n for s in family if s.doc_type == "agenda" for n in vary.people(s.tree)})
    return Plan(index, rng.randrange(1 << 30), rng.choice([-3, -2, -1, 1, 2, 3]),
                rng.choice([-4, -2, -1, 1, 2, 5]), rng.choice([0.0, 0.0, 0.25, 0.5, 1.0]),
                vary.name_mapping(people, rng))


def variant_text(seed: Seed, plan: Plan) -> str:
    """The raw text of one variant of one seed (see the module docstring)."""
    text = seed.text
    structure = random.Random(plan.family_seed)
    if seed.doc_type == "paper":
        text = shuffle.vary_paper(text, seed.tree, structure, plan.dup_rate)
    else:
        text = shuffle.vary_agenda(text, seed.tree, structure)
        text = vary.rename_people(text, plan.names, seed.encoding)
    text = vary.renumber_symbol(text, seed.tree, random.Random(plan.family_seed + 1))
    text = vary.shift_years(text, plan.year_delta)
    text = vary.shift_days(text, plan.day_delta)
    if seed.doc_type == "agenda":
        text = vary.shift_times(text, random.Random(plan.family_seed + 2))
    return text


def doc_id(seed: Seed, plan: Plan) -> str:
    """The new document id: the family's name with its year moved, and the variant number."""
    base = vary.YEAR_RE.sub(lambda m: str(int(m.group(1)) + plan.year_delta), seed.family.lower())
    return f"{base}-v{plan.index:03d}"


def write_variant(seed: Seed, plan: Plan, dest: Path) -> Doc:
    """Write a seed's variant as ``dest/<docid>.<lang>.txt``."""
    path = dest / f"{doc_id(seed, plan)}.{seed.lang}.txt"
    path.write_bytes(seed.encode(variant_text(seed, plan)))
    return Doc(path, seed.name, seed.doc_type)


def generate(dest: Path, n_docs: int, rand_seed: int = 1, seeds: list[Seed] | None = None) -> list[Doc]:
    """Write ``n_docs`` raw texts into ``dest`` (round robin over the seed families)."""
    dest.mkdir(parents=True, exist_ok=True)
    groups = families(seeds or load_seeds())
    rng = random.Random(rand_seed)
    docs: list[Doc] = []
    index = 0
    while len(docs) < n_docs:
        index += 1
        plans = [make_plan(family, index, rng) for family in groups]
        # First member of every family, then the second...: a small corpus mixes kinds.
        for depth in range(max(len(f) for f in groups)):
            for family, plan in zip(groups, plans):
                if depth < len(family) and len(docs) < n_docs:
                    docs.append(write_variant(family[depth], plan, dest))
    return docs


def generate_big(dest: Path, target_bytes: int, rand_seed: int = 1,
                 seeds: list[Seed] | None = None) -> Doc:
    """Write one paper of at least ``target_bytes``: the largest paper seed with its free
    paragraphs duplicated (about 3,000 paragraphs for 2 MB), renumbered."""
    dest.mkdir(parents=True, exist_ok=True)
    papers = [s for s in seeds or load_seeds() if s.doc_type == "paper"]
    if not papers:
        raise SystemExit("bench: no paper among the seeds; cannot make the big paper")
    seed = max(papers, key=lambda s: len(s.text))
    free = sum(len("\n".join(u.lines)) for u in shuffle.paper_units(seed.text, seed.tree) if not u.pinned)
    rate = max(0.0, (target_bytes - len(seed.text)) / max(free, 1))
    while True:
        plan = Plan(0, rand_seed, 0, 0, rate, {})
        data = seed.encode(variant_text(seed, plan))
        if len(data) >= target_bytes or free == 0:
            break
        rate *= 1.05 * target_bytes / len(data)
    path = dest / f"{seed.family}-big.{seed.lang}.txt"
    path.write_bytes(data)
    return Doc(path, seed.name, seed.doc_type)


def verify(docs: list[Doc]) -> list[str]:
    """Parse every text in-process as ``pipeline parse`` does (fidelity check on); one
    message per text that fails or changes type."""
    from pipeline.documents import read_source
    from pipeline.errors import PipelineError

    problems = []
    for doc in docs:
        try:
            tree, _ = read_source(doc.path)
        except PipelineError as exc:
            problems.append(f"{doc.path.name} (from {doc.seed}): {exc.diagnostics[0]}")
            continue
        if tree.getroot().get("type") != doc.doc_type:
            problems.append(f"{doc.path.name} (from {doc.seed}): read as {tree.getroot().get('type')}, "
                            f"seed is {doc.doc_type}")
    return problems


def verify_cli(docs: list[Doc], out_dir: Path) -> list[str]:
    """Run ``pipeline parse`` on every text; one message per text that fails or changes type."""
    from lxml import etree

    script = ROOT / ".venv" / "bin" / "pipeline"
    pipeline = [str(script)] if script.exists() else [sys.executable, "-m", "pipeline"]
    out_dir.mkdir(parents=True, exist_ok=True)
    problems = []
    for doc in docs:
        xml = out_dir / f"{doc.name}.xml"
        proc = subprocess.run([*pipeline, "parse", str(doc.path), "-o", str(xml)],
                              capture_output=True, text=True, check=False)
        if proc.returncode:
            problems.append(f"{doc.path.name} (from {doc.seed}): {proc.stderr.strip()[:300]}")
        elif etree.parse(str(xml)).getroot().get("type") != doc.doc_type:
            problems.append(f"{doc.path.name} (from {doc.seed}): not read as a {doc.doc_type}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Generate a corpus into a folder and verify it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-mb", type=float, default=0.0, help="also write a paper of this size")
    parser.add_argument("--cli", action="store_true", help="verify with `pipeline parse` processes")
    args = parser.parse_args(argv)
    seeds = load_seeds()
    docs = generate(args.dest / "sources", args.docs, args.seed, seeds)
    if args.big_mb:
        docs.append(generate_big(args.dest / "big", int(args.big_mb * 1e6), args.seed, seeds))
    problems = verify_cli(docs, args.dest / "xml") if args.cli else verify(docs)
    for p in problems:
        print(f"generator bug: {p}", file=sys.stderr)
    print(f"{len(docs)} texts in {args.dest}, {sum(d.size for d in docs) / 1e6:.2f} MB, "
          f"{len(problems)} failed to parse")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
