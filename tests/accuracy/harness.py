"""The extraction harness: every reader fixture printed to PDF and read back through the
extractors people use, its structure compared with the reading of the clean text.

1. The fixture's clean text is read (documents.read_text_source) into the reference XML.
2. The reference is laid out as a document by our DOCX writer (title block, running header
   with the symbol, page-number footer, real footnotes, agenda tables with time columns);
   a UN-shaped fixture (``un-*``, or a UN masthead) is given a job number first, so that
   its pages print the UN page foot: the job number, the date code and the barcode's text
   on the first page, the job number beside the page number on the others (R15).
3. One LibreOffice process prints every DOCX to PDF.
4. Each PDF is extracted by ``pdftotext``, ``pdftotext -layout``, pypdf, pdfminer.six and
   pdfplumber (its ``extract_text``, pages joined by a newline), and read by our PDF reader
   itself (readers/pdf, the sixth "extractor": "pdf-reader").
5. Each extraction is read as ``make all`` reads a source (the PDF as a .pdf source); a
   refusal (exit 1) is counted, and the facts of the XML (days, items, times, people,
   questions, paragraphs, headings, notes) are scored against the reference's; a reading
   that keeps the printed job number, barcode or date code anywhere is counted too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/reader"
EXTRACTORS = ("pdftotext", "pdftotext-layout", "pypdf", "pdfminer", "pdfplumber", "pdf-reader")
#: The extractor that is our own PDF reader: the PDF file itself is the source.
PDF_READER = "pdf-reader"
#: (fixture, category) the PDF reader does not read from our DOCX or ODT printed by
#: LibreOffice as the clean text reads, measured when it was written: the day's date our
#: writers print as a heading (every extractor reads it so), a people list, two UN
#: mastheads whose organ's name wraps over a long line, the Official Records' series,
#: which our writers print on one line above the title, and a provisional agenda whose
#: item and its title our writers print on one line.
PDF_READER_MISSES = frozenset({
    # the Human Rights Council's numbered annotations: our writers print each item's under
    # it (one part, no list before them), where a paragraph "2." reads as the second item
    ("un-agenda-en-pdftotext-hrc-agenda-and-annotations", "entries"),
    ("idm2008-ws2-agenda.es", "people"),
    ("idm2008-ws2-agenda.fr", "people"),
    ("un-note-en-board-limited-tab-pypdf", "title"),
    ("un-note-en-board-limited-tab-pypdf", "headings"),
    ("un-provisional-agenda-fr-annotated-programme", "title"),
    # our writers print the Official Records' series on one line above the title
    ("un-official-records-en-pdftotext-cover-chapters", "title"),
    # the agenda item printed with its title on one line: read back, the item's title is a
    # word lost from the title block and the text falls back to plain paragraphs, without
    # its entries or its annex's headings (R16; the annex itself is read back: the pypdf
    # reading, which keeps the title block, has every entry and heading)
    ("un-provisional-agenda-fr-annotated-programme", "entries"),
    ("un-provisional-agenda-fr-annotated-programme", "headings"),
})
CATEGORIES = ("title", "days", "items", "times", "people", "questions", "entries", "paragraphs",
              "headings", "notes")


def fixture_texts() -> list[tuple[str, Path]]:
    """(name, raw text) of every reader fixture."""
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        own = folder / "input.txt"
        path = own if own.exists() else ROOT / "sources" / f"{folder.name}.txt"
        if path.exists():
            out.append((folder.name, path))
    return out


#: The language letter of a UN job number ("24-23868 (E)"), by document language.
JOB_LETTERS = {"en": "E", "fr": "F", "es": "S"}


def un_shaped(name: str, root: etree._Element) -> bool:
    """True for a fixture laid out as a UN document: named ``un-*``, or with a UN masthead."""
    from pipeline.writers.docx import house

    return name.startswith("un-") or house.choose(root) == "un"


def job_number(name: str, root: etree._Element) -> str:
    """A job number for a fixture's print, the same on every run: the year of issue (else
    of the meeting), five digits from the fixture's name, the version's language letter."""
    meta = root.find("meta")
    dated = meta.find("issued") if meta.find("issued") is not None else meta.find("dates")
    year = (dated.get("date") or dated.get("from"))[2:4] if dated is not None else "24"
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang", "en")
    return f"{year}-{zlib.crc32(name.encode()) % 100000:05d} ({JOB_LETTERS.get(lang, 'E')})"


def give_job(name: str, root: etree._Element) -> None:
    """Put a job number in a UN-shaped fixture's meta (R15), for the writers to print."""
    if not un_shaped(name, root) or root.find("meta/job") is not None:
        return
    job = etree.Element("job", {"{http://www.w3.org/2005/11/its}translate": "no"})
    job.text = job_number(name, root)
    root.find("meta/source").addprevious(job)
    root.set("version", "2")


def page_debris(root: etree._Element, foot) -> list[str]:
    """The texts of a reading that hold the page foot its print carried (its job number,
    barcode's text or date code; ``foot`` a props.JobFoot), the provenance aside."""
    marks = [m for m in (foot.number, foot.barcode, foot.date_code) if m]
    return [" ".join(text.split()) for el in root.iter() if el.tag != "source"
            for text in (el.text, el.tail) if text and any(m in text for m in marks)]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _date_of_day(heading: etree._Element) -> bool:
    """True for a day's heading that is nothing but the day's date ("24 November 2015"):
    what the writers print over a day that has no heading, read back; it is scored under
    days (the day's date), not as a heading the clean text lacks."""
    from pipeline.writers.labels import PRINTED_DATE, SEPARATOR, _same_day

    day = heading.getparent()
    if day.tag != "day" or not day.get("date"):
        return False
    text = " ".join("".join(heading.itertext()).split()).strip(SEPARATOR)
    m = PRINTED_DATE.fullmatch(text)
    try:
        return bool(m) and _same_day(m, date.fromisoformat(day.get("date")))
    except ValueError:
        return False


def facts(root: etree._Element) -> dict[str, list[str]]:
    """The structure of a document as lists of comparable facts, per category."""
    meta = root.find("meta")
    return {
        # the title block: title, symbol, date of issue, distribution (what the masthead gives)
        "title": [f"{tag}={_norm(meta.findtext(tag))[:40]}" for tag in ("title", "symbol")
                  if meta.find(tag) is not None]
        + [f"{tag}={meta.find(tag).get(attr)}" for tag, attr in (("issued", "date"),
                                                                    ("distribution", "level"))
           if meta.find(tag) is not None],
        "days": [d.get("date") for d in root.iter("day")],
        "items": [_norm(i.findtext("title"))[:40] for i in root.iterfind("agenda/day/item")],
        "times": [f"{i.get('start')}-{i.get('end') or ''}" for i in root.iterfind("agenda/day/item")],
        "people": [_norm(p.findtext("name")) for p in root.iter("person")],
        "questions": [_norm(q.text)[:40] for q in root.iter("question")],
        "entries": [f"{e.get('n')} {_norm(e.findtext('title'))[:30]}" for e in root.iter("entry")]
        + [f"doc {d.get('symbol')}" for d in root.iter("doc")],
        "paragraphs": [p.get("n") for p in root.iter("para")],
        "headings": [_norm("".join(h.itertext()))[:40] for h in root.iter("heading")
                     if not _date_of_day(h)],
        "notes": [f.get("n") for f in root.iter("footnote")],
    }


def score(expected: dict[str, list[str]], got: dict[str, list[str]]) -> dict[str, float | None]:
    """Per category: the share of facts found alike on both sides (multiset overlap over the
    larger side); None where the reference has none and the reading invented none."""
    out: dict[str, float | None] = {}
    for cat in CATEGORIES:
        a, b = Counter(expected[cat]), Counter(got[cat])
        size = max(sum(a.values()), sum(b.values()))
        out[cat] = None if size == 0 else sum((a & b).values()) / size
    return out


@dataclass
class Result:
    """One fixture through one extractor."""

    name: str
    extractor: str
    refused: bool = False
    fallback: bool = False
    scores: dict[str, float | None] = field(default_factory=dict)
    message: str = ""
    #: Texts of the reading that hold the UN page foot of the print (page_debris).
    debris: list[str] = field(default_factory=list)

    @property
    def overall(self) -> float:
        """Mean of the categories that apply (0 when refused)."""
        if self.refused:
            return 0.0
        vals = [v for v in self.scores.values() if v is not None]
        return sum(vals) / len(vals) if vals else 1.0


def _read(data: bytes, filename: str):
    """(tree, warnings) as make all reads a source (a .pdf by the PDF reader); raises
    PipelineError when refused."""
    from pipeline.documents import read_text_source

    if filename.endswith(".pdf"):
        from pipeline.readers.pdf import read_pdf_source

        return read_pdf_source(data, filename)
    return read_text_source(data, filename)


def print_to_pdf(docx: list[Path], outdir: Path) -> None:
    """Every DOCX to PDF in one LibreOffice process, with a throw-away profile."""
    profile = Path(tempfile.mkdtemp(prefix="pipeline-accuracy-profile-"))
    try:
        cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx)]
        env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
        subprocess.run(cmd, capture_output=True, timeout=900, env=env, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def extract(pdf: Path) -> dict[str, str]:
    """The text of a PDF as each extractor gives it."""
    import pypdf
    from pdfminer.high_level import extract_text

    def poppler(*args: str) -> str:
        return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
                              capture_output=True, check=True, timeout=120).stdout.decode("utf-8")

    import pdfplumber

    reader = pypdf.PdfReader(str(pdf))
    with pdfplumber.open(str(pdf)) as doc:
        plumbed = "\n".join(page.extract_text() or "" for page in doc.pages)
    return {
        "pdftotext": poppler(),
        "pdftotext-layout": poppler("-layout"),
        "pypdf": "\n".join(page.extract_text() or "" for page in reader.pages),
        "pdfminer": extract_text(str(pdf)),
        "pdfplumber": plumbed,
    }


def run(work: Path, only: list[str] | None = None) -> list[Result]:
    """The whole harness in folder work; one Result per fixture and extractor."""
    from pipeline.writers import Options, get
    from pipeline.writers.docx.props import job_foot

    from pipeline.errors import PipelineError

    work.mkdir(parents=True, exist_ok=True)
    refs: dict[str, etree._Element] = {}
    feet = {}
    docx: list[Path] = []
    for name, path in fixture_texts():
        if only and name not in only:
            continue
        tree, _ = _read(path.read_bytes(), f"{name}.txt")
        refs[name] = tree.getroot()
        dest = work / f"{name}.docx"
        printed = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
        give_job(name, printed.getroot())
        feet[name] = job_foot(printed.getroot())
        get("docx")(printed, dest, Options())
        docx.append(dest)
    print_to_pdf(docx, work)
    results: list[Result] = []
    for name, ref in refs.items():
        pdf = work / f"{name}.pdf"
        if not pdf.exists():
            raise RuntimeError(f"LibreOffice made no PDF of {name}")
        expected = facts(ref)
        for extractor, text in [*extract(pdf).items(), (PDF_READER, None)]:
            if text is not None:
                (work / f"{name}.{extractor}.txt").write_text(text, "utf-8")
            data = pdf.read_bytes() if text is None else text.encode("utf-8")
            result = Result(name, extractor)
            try:
                tree, warnings = _read(data, f"{name}.pdf" if text is None else f"{name}.{extractor}.txt")
                result.fallback = any("could not be read without" in w.message for w in warnings)
                result.scores = score(expected, facts(tree.getroot()))
                if feet[name] is not None:
                    result.debris = page_debris(tree.getroot(), feet[name])
            except PipelineError as exc:
                result.refused = True
                result.message = str(exc.diagnostics[0]) if exc.diagnostics else ""
            results.append(result)
    return results


def table(results: list[Result]) -> str:
    """The report: one row per fixture and extractor, then the last line."""
    head = f"{'fixture':44} {'extractor':17} " + " ".join(f"{c[:5]:>5}" for c in CATEGORIES) + "  total"
    rows = [head]
    for r in results:
        cells = " ".join("    -" if r.scores.get(c) is None else f"{r.scores[c] * 100:5.0f}"
                         for c in CATEGORIES)
        flag = " REFUSED" if r.refused else " (fallback)" if r.fallback else ""
        flag += " (page debris)" if r.debris else ""
        rows.append(f"{r.name[:44]:44} {r.extractor:17} {cells}  {r.overall * 100:5.1f}{flag}")
    rows.extend(by_extractor(results))
    rows.append(summary(results))
    return "\n".join(rows)


def by_extractor(results: list[Result]) -> list[str]:
    """One line per extractor: its mean score, fallbacks and refusals."""
    rows = []
    for extractor in EXTRACTORS:
        mine = [r for r in results if r.extractor == extractor]
        if mine:
            rows.append(f"{extractor}: {sum(r.overall for r in mine) / len(mine) * 100:.1f}% over "
                        f"{len(mine)} texts, {sum(r.fallback for r in mine)} fallback, "
                        f"{sum(r.refused for r in mine)} refused, "
                        f"{sum(bool(r.debris) for r in mine)} with page debris")
    return rows


def summary(results: list[Result]) -> str:
    """``accuracy: P% over N texts, R refused``."""
    mean = sum(r.overall for r in results) / len(results) if results else 0.0
    refused = sum(r.refused for r in results)
    return f"accuracy: {mean * 100:.1f}% over {len(results)} texts, {refused} refused"
