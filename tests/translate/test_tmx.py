"""TMX 1.4b memories: the TMX DTD, translate-toolkit, sentences and whole pieces, refusals,
the batch, and OmegaT using a memory of the seeds for exact matches."""
from __future__ import annotations

import copy
import io
import zipfile
from importlib.util import find_spec
from pathlib import Path

import pytest
from lxml import etree

import omegat_support as omegat
from pipeline.translate.segment import sentences
from pipeline.translate.tmx import memory, write
from support.tools import require
from translate_support import DOCS, FIXTURES, SOURCES, body_of, export, pipeline

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx(tmp: Path, *docs: Path, ok: bool = True):
    """``pipeline tmx DOCS -o tmp/m.tmx``; the memory's path (or the process when not ok)."""
    dest = tmp / "m.tmx"
    proc = pipeline("tmx", *map(str, docs), "-o", str(dest), ok=ok)
    return dest if ok else proc


def tuvs(path: Path) -> list[dict[str, str]]:
    """Each tu's texts by language (a footnote reference as [ph])."""
    out = []
    for tu in etree.parse(str(path)).iter("tu"):
        texts = {}
        for tuv in tu.iter("tuv"):
            seg = copy.deepcopy(tuv.find("seg"))
            for ph in seg.iter("ph"):
                ph.text = "[ph]"
            texts[tuv.get(XML_LANG)] = "".join(seg.itertext())
        out.append(texts)
    return out


@pytest.fixture(scope="module")
def tmx_dtd() -> etree.DTD:
    """The TMX 1.4 DTD that OmegaT ships (schemas/tmx14.dtd in its jar)."""
    omegat.require_omegat()
    with zipfile.ZipFile(omegat.JAR) as jar:
        return etree.DTD(io.BytesIO(jar.read("schemas/tmx14.dtd")))


@pytest.mark.parametrize("docid", DOCS)
def test_memory_of_three_versions(seed, tmp_path, tmx_dtd, docid):
    """Valid against the TMX 1.4 DTD; sentence by sentence: each English paragraph is
    the English sentences of its units; footnote references where they stand."""
    path = tmx(tmp_path, *(seed(docid, lang) for lang in ("fr", "en", "es")))
    tree = etree.parse(str(path))
    assert tmx_dtd.validate(tree), tmx_dtd.error_log
    assert tree.find("header").get("srclang") == "fr"
    units = tuvs(path)
    assert all(set(u) == {"fr", "en", "es"} for u in units)
    english = {u["en"] for u in units}
    xml = etree.parse(str(seed(docid, "en")))
    for p in xml.iter("p", "question", "role", "title"):
        for sentence in sentences("".join(p.itertext()), "en"):
            assert sentence in {e.replace("[ph]", "") for e in english}, sentence
    assert len(units) > sum(1 for _ in xml.iter("p"))  # cut into sentences
    assert sum(u["en"].count("[ph]") for u in units) == sum(1 for _ in xml.iter("noteref"))


@pytest.mark.parametrize("docid", DOCS)
def test_translate_toolkit_reads_the_memory(seed, tmp_path, docid):
    """translate-toolkit reads every unit, with our French and English texts, and writes it
    back with as many units."""
    require("translate-toolkit", find_spec("translate") is not None,
            "python package translate-toolkit not installed; pip install -e '.[test]'")
    from translate.storage import tmx as ttk

    path = tmx(tmp_path, seed(docid, "fr"), seed(docid, "en"))
    store = ttk.tmxfile.parsestring(path.read_bytes())
    ours = tuvs(path)
    assert len(store.units) == len(ours) > 20
    for unit, mine in zip(store.units, ours):
        if "[ph]" not in mine["fr"]:
            assert (unit.source, unit.target) == (mine["fr"], mine["en"])
    again = ttk.tmxfile.parsestring(bytes(store))
    assert len(again.units) == len(ours)


def _versions(tmp: Path) -> tuple[Path, Path]:
    """The XLIFF sample in English and French, edited so that one paragraph has fewer
    sentences in French, one question other numbers, and the lead two sentences in each."""
    paths = []
    for lang, texts in (("en", ("What comes next? And then?", "Questions guide the debate. There are two.")),
                        ("fr", ("Que faire en 2031 ? Et après ?", "Des questions guident le débat. Il y en a deux."))):
        tree = etree.parse(str(FIXTURES / "sample.en.xml"))
        root = tree.getroot()
        root.set(XML_LANG, lang)
        root.find(".//question").text, root.find(".//lead").text = texts
        if lang == "fr":
            root.find(".//item/p").text = "Jane Doe ouvre la séance à 10:00, puis chacun "
            root.find(".//item/p/strong").text = "apporte "
        paths.append(tmp / f"sample.{lang}.xml")
        tree.write(str(paths[-1]), encoding="utf-8", xml_declaration=True)
    return paths[0], paths[1]


def test_sentences_or_whole_pieces(tmp_path):
    """Sentences when both sides have as many with the same numbers; otherwise the piece
    whole; nothing of what is not to be translated."""
    pairs = {u["en"]: u["fr"] for u in tuvs(tmx(tmp_path, *_versions(tmp_path)))}
    assert pairs["Jane Doe opens the session at 10:00 sharp.[ph] Bring your papers."] == \
        "Jane Doe ouvre la séance à 10:00, puis chacun [ph] apporte your papers."
    assert pairs["What comes next? And then?"] == "Que faire en 2031 ? Et après ?"
    assert pairs["Questions guide the debate."] == "Des questions guident le débat."
    assert pairs["There are two."] == "Il y en a deux."
    assert "Quid novi?" not in pairs and "Jane Doe" not in pairs  # translate="no"


def test_nonsense_is_refused(seed, tmp_path):
    """Another document, another type, a language twice: refused, naming the files."""
    paper, agenda = seed(DOCS[0], "en"), seed(DOCS[1], "fr")
    proc = tmx(tmp_path, paper, agenda, ok=False)
    assert proc.returncode == 1 and not (tmp_path / "m.tmx").exists()
    assert f"{agenda}: error: is document {DOCS[1]}, {paper} is {DOCS[0]}" in proc.stderr
    assert "is an agenda" in proc.stderr and "--force" in proc.stderr
    proc = tmx(tmp_path, paper, paper, ok=False)
    assert proc.returncode == 1 and "is in en, as" in proc.stderr


def test_batch_writes_memories_and_xliff(tmp_path, xliff_schema):
    """make all's batch writes build/tmx/<docid>.tmx and build/xliff/<docid>.en-<lang>.xlf."""
    out = tmp_path / "build"
    pipeline("batch", *map(str, sorted(SOURCES.glob("*.txt"))), "--out", str(out), "--to", "html")
    for docid in DOCS:
        memory_file = out / "tmx" / f"{docid}.tmx"
        assert {"en", "fr", "es"} <= set(tuvs(memory_file)[0])
        for lang in ("fr", "es"):
            xlf = out / "xliff" / f"{docid}.en-{lang}.xlf"
            assert xliff_schema.validate(etree.parse(str(xlf))), xliff_schema.error_log


def test_omegat_gives_exact_matches_from_the_memory(seed, tmp_path):
    """The French seeds' XLIFF, OmegaT segmenting sentences itself and a memory of the French
    and English seeds: every segment is an exact match, and the import of OmegaT's files
    is the English seed (provenance aside). OmegaT 3 leaves a target's state as it was, so a
    unit whose translation is its source ("Conclusion") looks untranslated: --partial."""
    omegat.require_omegat()
    files, memories = [], []
    for docid in DOCS:
        (tmp_path / docid).mkdir()
        files.append(export(tmp_path, seed(docid, "fr"), "en", "--copy-source"))
        memories.append(tmx(tmp_path / docid, seed(docid, "fr"), seed(docid, "en")))
    for i, m in enumerate(memories):
        memories[i] = m.rename(m.with_name(f"{DOCS[i]}.tmx"))
    translated = omegat.translate(tmp_path / "project", files, memories, "fr", "en", sentences=True)
    stats = (tmp_path / "project" / "omegat" / "project_stats.txt").read_text("utf-8").splitlines()
    remaining = next(line for line in stats if line.startswith("Remaining:")).split()
    assert remaining[1] == "0", "\n".join(stats[:8])
    for docid, xlf in zip(DOCS, files):
        out = tmp_path / f"{docid}.en.xml"
        pipeline("xliff", "import", str(translated[xlf.name]), "--partial", "-o", str(out))
        assert body_of(out) == body_of(seed(docid, "en")), docid
