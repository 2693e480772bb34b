"""Every DOCX and ODT any command writes, against the standards' schemas.

DOCX: every XML part against ISO/IEC 29500-4:2016 transitional and the ECMA-376 packaging
schemas (tests/validators/ooxml.py, lxml). ODT: every XML part against OASIS ODF 1.3 with
jing (tests/validators/odf.py). The files: each document (sources, feature documents,
the reader's goldens, the rendering fixtures) in its own house and in the other one, the
bilingual tables of ``pipeline align`` and the redlines of ``pipeline diff``.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from office_fixtures import NAMES, office_documents  # noqa: F401 (fixture)
from pipeline.writers import Options, get
from pipeline.writers.docx import house
from render_fixtures import long_agenda, notes_out_of_order
from support.tools import require
from validators import odf, ooxml

ROOT = Path(__file__).resolve().parents[2]
#: What `align` and `diff` write as DOCX: (command, first XML, second XML).
COMPARISONS = [("align", "idm2008-ws2-agenda.en", "idm2008-ws2-agenda.fr"),
               ("align", "idm2008-return-migration-paper.en", "idm2008-return-migration-paper.es")]
DRAFTS = sorted((ROOT / "sources" / "drafts").glob("*.txt"))


def other_house(tree: etree._ElementTree) -> str:
    """A house the document would not get by itself."""
    own = house.choose(tree.getroot())
    return next(n for n in house.names() if n != own)


@pytest.fixture(scope="session")
def trees(office_documents: dict[str, Path]) -> dict[str, etree._ElementTree]:
    """Every document the writers are tested on, and the rendering fixtures."""
    found = {name: etree.parse(str(path)) for name, path in office_documents.items()}
    found["long-agenda.en"] = long_agenda()
    found["notes-order.en"] = notes_out_of_order()
    return found


@pytest.fixture(scope="session")
def written(trees: dict[str, etree._ElementTree], office_documents: dict[str, Path],
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every DOCX and ODT: format -> paths."""
    out = tmp_path_factory.mktemp("schemas")
    files: dict[str, list[Path]] = {"docx": [], "odt": []}
    for name, tree in trees.items():
        for fmt in files:
            for which, chosen in (("own", None), ("other", other_house(tree))):
                dest = out / fmt / f"{name}.{which}.{fmt}"
                get(fmt)(tree, dest, Options(extra={"house": chosen} if chosen else {}))
                files[fmt].append(dest)
    for command, a, b in COMPARISONS:
        files["docx"].append(cli(command, office_documents[a], office_documents[b],
                                 out / "compare" / f"{a}-{b}.docx"))
    for draft in DRAFTS:
        name = draft.name.rsplit(".", 2)[0]
        old = out / "drafts" / f"{draft.stem}.xml"
        cli("parse", draft, None, old)
        files["docx"].append(cli("diff", old, office_documents[name],
                                 out / "diff" / f"{draft.stem}.docx"))
    return files


def cli(command: str, first: Path, second: Path | None, dest: Path) -> Path:
    """Run ``pipeline COMMAND FIRST [SECOND] -o DEST``; the file it wrote."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, "-m", "pipeline", command, str(first)]
    args += [str(second)] if second is not None else []
    proc = subprocess.run(args + ["-o", str(dest)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return dest


def test_every_command_s_docx_is_schema_valid(written: dict[str, list[Path]]) -> None:
    """No DOCX part has an error against ISO/IEC 29500 transitional or ECMA-376 packaging,
    and the main parts are checked (not skipped for want of a schema)."""
    assert len(written["docx"]) >= 2 * len(NAMES) + len(COMPARISONS) + len(DRAFTS)
    problems = {}
    for path in written["docx"]:
        result = ooxml.validate(path)
        checked = {part for part, r in result.items() if r.get("schema")}
        assert {"word/document.xml", "word/styles.xml", "[Content_Types].xml"} <= checked, path
        bad = {part: r["errors"][:3] for part, r in result.items() if r["errors"]}
        if bad:
            problems[path.name] = bad
    assert not problems, problems


def test_every_odt_is_schema_valid(written: dict[str, list[Path]], tmp_path: Path) -> None:
    """No ODT part (content, styles, meta, settings, manifest) has an error against ODF 1.3."""
    require("jing", odf.jing() is not None,
            "no `jing` on PATH; run tools/install-system-deps.sh (Debian package jing)")
    found = odf.errors(written["odt"], tmp_path)
    assert {p.name: e[:3] for p, e in found.items() if e} == {}


def test_the_checks_find_errors(written: dict[str, list[Path]], tmp_path: Path) -> None:
    """A broken DOCX and a broken ODT are reported: the checks are not vacuous."""
    import shutil
    import zipfile

    require("jing", odf.jing() is not None, "no `jing` on PATH (Debian package jing)")
    for fmt, part, old, new in (("docx", "word/document.xml", b"<w:body>", b"<w:body><w:bogus/>"),
                                ("odt", "content.xml", b"<office:text>",
                                 b"<office:text><text:bogus/>")):
        source = written[fmt][0]
        broken = tmp_path / f"broken.{fmt}"
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                zout.writestr(info, data.replace(old, new, 1) if info.filename == part else data)
        if fmt == "docx":
            assert ooxml.validate(broken)[part]["errors"]
        else:
            assert odf.errors([broken], tmp_path / "unpacked")[broken]
        shutil.rmtree(tmp_path / "unpacked", ignore_errors=True)
